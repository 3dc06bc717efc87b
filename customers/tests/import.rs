//! Customers in from a French spreadsheet and out as CSV and vCard, on both backends.

#![expect(clippy::unwrap_used, reason = "fixture helpers fail loudly")]

use customers::export::{self, ExportFormat};
use customers::import::{self, RowError};
use customers::kinds::Channel;
use customers::testing::{customer, now};
use customers::{cards, consents, fiche};
use db::csv_in::{read_csv, write_csv};

fn card(conn: &mut db::DbConn) -> String {
    cards::next_number(conn, now()).unwrap()
}

#[test]
fn a_file_imports_its_good_rows_and_lists_the_others() {
    db::testing::each_conn(|conn, _| {
        let existing = customer(conn, "Marc", "Lefèvre");
        fiche::update(
            conn,
            existing.id,
            &customers::CustomerChanges {
                phone: Some("01 23 45 67 89".into()),
                ..Default::default()
            },
            None,
            now(),
        )
        .unwrap();
        let number = card(conn);
        let file = format!(
            "\u{feff}Civilité;Prénom;Nom;E-mail;Téléphone;Code postal;Ville;Carte;Consentement e-mail;Consentement courrier\n\
             Mme;Hélène;Dupont;helene@example.fr;06 12 34 56 78;21000;Dijon;{number};oui;non\n\
             M.;Paul;Martin;pas-une-adresse;;;;;;\n\
             ;Hélène;Dupond;HELENE@example.fr;;;;;;\n\
             ;Marc;Lefebvre;;0123456789;;;;;\n\
             ;Zoé;Roux;zoe@example.fr;;75011;Paris;;peut-être;\n\
             ;Zoé;Roux;zoe@example.fr;;75011;Paris;;;\n"
        );
        let table = read_csv(file.as_bytes()).unwrap();
        let mut done = 0;
        let report =
            import::import_customers(conn, &table, None, now(), &mut |n| done = n).unwrap();
        assert_eq!(done, 6);
        assert_eq!(report.created, 2, "{:?}", report.rejected);
        let lines: Vec<u64> = report.rejected.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![3, 4, 5, 6]);
        assert!(matches!(report.rejected[0].error, RowError::Customer(_)));
        assert!(matches!(
            report.rejected[1].error,
            RowError::DuplicateInFile {
                what: "email",
                line: 2
            }
        ));
        assert!(matches!(
            report.rejected[2].error,
            RowError::DuplicateOnFile { what: "phone", id } if id == existing.id
        ));
        assert!(matches!(report.rejected[3].error, RowError::YesNo { .. }));

        let helene = fiche::search(conn, "helene dupont", 5).unwrap();
        let helene = &helene[0];
        assert_eq!(helene.source, "import");
        assert_eq!(report.created_at_line(2), Some(helene.id));
        assert_eq!(report.created_at_line(3), None, "a refused line made none");
        assert_eq!(helene.phone.as_deref(), Some("+33612345678"));
        assert_eq!(
            cards::active_card(conn, helene.id).unwrap().unwrap().number,
            number
        );
        let current = consents::current(conn, helene.id).unwrap();
        assert!(current.granted(Channel::Email));
        assert!(!current.granted(Channel::Post));
        assert_eq!(
            current.get(Channel::Email).unwrap().text_shown.as_deref(),
            Some(import::IMPORTED_CONSENT_TEXT)
        );

        // Out: the same columns (the file imports back), and vCards.
        let rows = import::export_rows(conn).unwrap();
        assert_eq!(rows.len(), 3);
        let csv = write_csv(&import::EXPORT_HEADERS, rows);
        let back = read_csv(&csv).unwrap();
        assert_eq!(
            back.headers,
            import::EXPORT_HEADERS.map(str::to_owned).to_vec()
        );
        let dupont = back.rows.iter().find(|r| r.get(2) == "Dupont").unwrap();
        assert_eq!(
            (dupont.get(4), dupont.get(17), dupont.get(19)),
            ("helene@example.fr", "oui", "non")
        );
        let vcards = import::vcards(conn).unwrap();
        assert_eq!(vcards.matches("BEGIN:VCARD").count(), 3);
        assert!(vcards.contains("FN:Hélène Dupont\r\n"));
        assert!(vcards.contains("ADR;TYPE=HOME:;;;Dijon;;21000;FR\r\n"));

        // The bulk export of both the command line and the pages: the same
        // bytes, and a line in the audit log.
        let before = db::testing::audit_count(conn, "customers.view").unwrap();
        let file = export::export_file(conn, ExportFormat::Vcard, None, now(), "cli").unwrap();
        assert_eq!(String::from_utf8(file).unwrap(), vcards);
        let file = export::export_file(conn, ExportFormat::Csv, None, now(), "page").unwrap();
        assert_eq!(file, csv);
        assert_eq!(
            db::testing::audit_count(conn, "customers.view").unwrap(),
            before + 2
        );
    });
}

#[test]
fn a_file_with_an_unknown_column_is_refused_whole() {
    db::testing::each_conn(|conn, _| {
        let table = read_csv("Nom;Prénon\nDupont;Hélène\n".as_bytes()).unwrap();
        let refused = import::import_customers(conn, &table, None, now(), &mut |_| {});
        assert!(matches!(
            refused,
            Err(import::ImportError::Csv(db::csv_in::CsvError::UnknownColumn { ref name })) if name == "Prénon"
        ));
        assert!(fiche::search(conn, "dupont", 5).unwrap().is_empty());
    });
}
