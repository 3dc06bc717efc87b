//! `comptoir import|export|demo` as a shopkeeper runs them.

mod common;

use common::{comptoir, text};

#[test]
fn a_spreadsheet_is_imported_with_its_refused_lines_listed_then_exported() {
    for database in db::testing::databases() {
        let label = database.label();
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("produits.csv");
        std::fs::write(
            &file,
            "\u{feff}Nom;Code-barres;Prix;TVA;Catégorie;Stock\r\n\
             Confiture d'abricot;3608580758686;4,95;5,5;Épicerie;12\r\n\
             Mauvais code;3608580758687;1;20;;\r\n\
             Thé vert;;6,50;5,5;Boissons;\r\n",
        )
        .unwrap();
        let out = comptoir(&[
            "import",
            "products",
            file.to_str().unwrap(),
            "--db",
            &database.url,
        ]);
        let stdout = text(&out.stdout);
        assert_eq!(
            out.status.code(),
            Some(3),
            "[{label}] some rows refused: {stdout} {}",
            text(&out.stderr)
        );
        assert!(
            stdout.contains("2 produit(s) créé(s), 0 mis à jour, 1 ligne(s) refusée(s)"),
            "[{label}] {stdout}"
        );
        assert!(stdout.contains("ligne 3 : Code-barres « 3608580758687 » : la clé de contrôle devrait être 6, pas 7."), "[{label}] {stdout}");

        let export = dir.path().join("export.csv");
        let out = comptoir(&[
            "export",
            "products",
            export.to_str().unwrap(),
            "--db",
            &database.url,
        ]);
        assert!(out.status.success(), "[{label}] {}", text(&out.stderr));
        let written = std::fs::read_to_string(&export).unwrap();
        assert!(
            written.starts_with("\u{feff}nom;code-barres;prix;tva"),
            "[{label}] {written}"
        );
        assert!(
            written.contains("Confiture d'abricot;3608580758686;4,95;5,5;piece;Épicerie;;;12;oui"),
            "[{label}] {written}"
        );

        let out = comptoir(&["export", "stock", "--db", &database.url]);
        assert!(
            text(&out.stdout).contains("Confiture d'abricot;3608580758686;Magasin;12;piece"),
            "[{label}]"
        );

        // A file with a misspelt column is refused whole, naming it.
        std::fs::write(&file, "nom;prix;tva;coulour\nA;1;20;rouge\n").unwrap();
        let out = comptoir(&[
            "import",
            "products",
            file.to_str().unwrap(),
            "--db",
            &database.url,
        ]);
        assert_eq!(out.status.code(), Some(1), "[{label}]");
        assert!(
            text(&out.stderr).contains("colonne « coulour » inconnue"),
            "[{label}] {}",
            text(&out.stderr)
        );
        // A Windows-1252 file is refused with the line and what to do.
        std::fs::write(&file, b"nom;prix;tva\ncaf\xe9;1,50;5,5\n").unwrap();
        let out = comptoir(&[
            "import",
            "products",
            file.to_str().unwrap(),
            "--db",
            &database.url,
        ]);
        assert!(
            text(&out.stderr).contains("ligne 2 : le fichier n'est pas en UTF-8"),
            "[{label}] {}",
            text(&out.stderr)
        );
    }
}

#[test]
fn the_demo_fills_an_empty_database_once() {
    for database in db::testing::databases() {
        let out = comptoir(&["demo", "--db", &database.url]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert!(text(&out.stdout).contains("produits, 3 fournisseurs, 3 commandes"));
        let out = comptoir(&["demo", "--db", &database.url]);
        assert_eq!(out.status.code(), Some(1));
        assert!(
            text(&out.stderr).contains("not empty") || text(&out.stderr).contains("vide"),
            "{}",
            text(&out.stderr)
        );
    }
}
