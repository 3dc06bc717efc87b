//! Importing products from a French spreadsheet's CSV, and exporting them back.

use chrono::{NaiveDateTime, TimeZone, Utc};
use db::csv_in::read_csv;
use inventory::catalogue::products::{self, Search};
use inventory::import::{self, EXPORT_HEADERS, RowError};

fn now() -> NaiveDateTime {
    Utc.with_ymd_and_hms(2026, 11, 25, 10, 0, 0)
        .unwrap()
        .naive_utc()
}

const FILE: &str = "\u{feff}Nom;Code-barres;Prix;TVA;Unité;Catégorie;Coût;Seuil;Stock\r\n\
Confiture d'abricot;3608580758686;4,95;5,5;pièce;Épicerie > Confitures;2,10;6;24\r\n\
Comté 18 mois;;28,90;5,5;kg;Crèmerie;;;2,5\r\n\
Mauvais code;3608580758687;1;20;;;;;\r\n\
Prix négatif;;-3;20;;;;;\r\n\
TVA inconnue;;3;7;;;;;\r\n\
\"Thé \"\"Earl Grey\"\"; 100 g\";96385074;6,50;5,5;;Boissons;;;\r\n\
Doublon;96385074;1;20;;;;;\r\n";

#[test]
fn valid_rows_are_imported_and_the_others_listed_with_their_line() {
    db::testing::each_conn(|conn, _| {
        let table = read_csv(FILE.as_bytes()).unwrap();
        let mut seen = 0;
        let report =
            import::import_products(conn, &table, None, now(), &mut |done| seen = done).unwrap();
        assert_eq!(seen, 7, "progress reported for every row");
        assert_eq!(report.created, 3);
        assert_eq!(report.updated, 0);
        let lines: Vec<u64> = report.rejected.iter().map(|r| r.line).collect();
        assert_eq!(lines, [4, 5, 6, 8]);
        assert!(matches!(
            report.rejected[3].error,
            RowError::RepeatedBarcode(_)
        ));
        let comte = products::search(
            conn,
            &Search {
                text: Some("comte".into()),
                ..Search::default()
            },
        )
        .unwrap();
        assert_eq!(comte[0].stock.to_api(), "2.500");
        assert_eq!(comte[0].unit.as_str(), "kg");
        let tea = products::find_by_barcode(conn, "96385074")
            .unwrap()
            .unwrap();
        assert_eq!(tea.name, "Thé \"Earl Grey\"; 100 g");

        // The same barcode again updates (a new price list), and stock is untouched.
        let update = "nom;code-barres;prix;tva\nConfiture d'abricot extra;3608580758686;5,10;5.5\n";
        let report = import::import_products(
            conn,
            &read_csv(update.as_bytes()).unwrap(),
            None,
            now(),
            &mut |_| {},
        )
        .unwrap();
        assert_eq!((report.created, report.updated), (0, 1));
        let jam = products::find_by_barcode(conn, "3608580758686")
            .unwrap()
            .unwrap();
        assert_eq!(
            (jam.name.as_str(), jam.price.to_api(), jam.stock.to_api()),
            (
                "Confiture d'abricot extra",
                "5.10".to_owned(),
                "24.000".to_owned()
            )
        );
    });
}

#[test]
fn a_file_with_a_wrong_column_is_refused_whole() {
    db::testing::each_conn(|conn, _| {
        for file in [
            "nom;prix;tva;couleur\nA;1;20;rouge\n",
            "nom;tva\nA;20\n",
            "nom;prix;prix;tva\nA;1;2;20\n",
        ] {
            let table = read_csv(file.as_bytes()).unwrap();
            assert!(
                import::import_products(conn, &table, None, now(), &mut |_| {}).is_err(),
                "{file}"
            );
        }
        assert!(
            products::search(conn, &Search::default())
                .unwrap()
                .is_empty()
        );
    });
}

#[test]
fn an_export_reads_back_as_an_import() {
    db::testing::each_conn(|conn, _| {
        import::import_products(
            conn,
            &read_csv(FILE.as_bytes()).unwrap(),
            None,
            now(),
            &mut |_| {},
        )
        .unwrap();
        let rows = import::export_rows(conn).unwrap();
        assert_eq!(rows.len(), 3);
        let bytes = db::csv_in::write_csv(&EXPORT_HEADERS, rows);
        let again = read_csv(&bytes).unwrap();
        let report = import::import_products(conn, &again, None, now(), &mut |_| {}).unwrap();
        assert!(report.rejected.is_empty(), "{:?}", report.rejected);
        // Products with barcodes update themselves; the one without is created again.
        assert_eq!((report.updated, report.created), (2, 1));
    });
}
