//! `comptoir import customers` and `comptoir export customers` as a shopkeeper
//! runs them, on both backends.

mod common;

use common::{comptoir, text};

#[test]
fn a_customer_file_is_imported_with_its_duplicates_listed_then_exported() {
    for database in db::testing::databases() {
        let label = database.label();
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("clients.csv");
        std::fs::write(
            &file,
            "\u{feff}Prénom;Nom;E-mail;Téléphone;Code postal;Ville;Consentement e-mail\r\n\
             Hélène;Dupont;helene@example.fr;06 12 34 56 78;21000;Dijon;oui\r\n\
             Paul;Martin;paul@;;;;\r\n\
             Hélène;Dupond;;0612345678;;;\r\n\
             Zoé;Roux;zoe@example.fr;;75011;Paris;non\r\n",
        )
        .unwrap();
        let out = comptoir(&[
            "import",
            "customers",
            file.to_str().unwrap(),
            "--db",
            &database.url,
        ]);
        assert_eq!(
            out.status.code(),
            Some(3),
            "[{label}] {}",
            text(&out.stderr)
        );
        let report = text(&out.stdout);
        assert!(
            report.contains("2 client(s) créé(s), 2 ligne(s) refusée(s)"),
            "[{label}] {report}"
        );
        assert!(
            report.contains("ligne 3 : Adresse e-mail invalide : « paul@ »."),
            "[{label}] {report}"
        );
        assert!(
            report.contains("ligne 4 : même téléphone qu’à la ligne 2 (doublon probable)"),
            "[{label}] {report}"
        );

        let out = comptoir(&["export", "customers", "--db", &database.url]);
        assert!(out.status.success(), "[{label}] {}", text(&out.stderr));
        let csv = text(&out.stdout);
        assert!(csv.contains("civilité;prénom;nom"), "[{label}] {csv}");
        assert!(
            csv.contains("Hélène;Dupont;;helene@example.fr;+33612345678"),
            "[{label}] {csv}"
        );
        let out = comptoir(&["export", "customers", "--vcard", "--db", &database.url]);
        let vcards = text(&out.stdout);
        assert_eq!(vcards.matches("BEGIN:VCARD").count(), 2, "[{label}]");
        assert!(vcards.contains("FN:Zoé Roux"), "[{label}]");

        let bad = dir.path().join("mauvais.csv");
        std::fs::write(&bad, "Nom;Prénon\nDupont;Hélène\n").unwrap();
        let out = comptoir(&[
            "import",
            "customers",
            bad.to_str().unwrap(),
            "--db",
            &database.url,
        ]);
        assert_eq!(out.status.code(), Some(1), "[{label}]");
        assert!(
            text(&out.stderr).contains("Prénon"),
            "[{label}] {}",
            text(&out.stderr)
        );
    }
}
