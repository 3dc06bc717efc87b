//! Products, barcodes, categories and VAT on both backends.

#![expect(clippy::unwrap_used, reason = "fixture builders fail loudly")]

use chrono::{NaiveDateTime, TimeZone, Utc};
use db::{DbConn, Money, Quantity};
use inventory::InventoryError;
use inventory::catalogue::products::{self, Search};
use inventory::catalogue::{NewProduct, ProductChanges, Unit, categories};

fn now() -> NaiveDateTime {
    Utc.with_ymd_and_hms(2026, 11, 25, 10, 0, 0)
        .unwrap()
        .naive_utc()
}

pub fn product(name: &str, price: &str, barcode: Option<&str>) -> NewProduct {
    NewProduct {
        name: name.into(),
        barcodes: barcode.map(|b| vec![b.to_owned()]).unwrap_or_default(),
        price: Money::parse(price).unwrap(),
        vat_rate: "5.5".into(),
        unit: Some(Unit::Piece),
        ..NewProduct::default()
    }
}

fn create(conn: &mut DbConn, new: &NewProduct) -> inventory::catalogue::Product {
    products::create(conn, new, None, now()).unwrap()
}

#[test]
fn a_product_is_created_found_by_barcode_and_searched() {
    db::testing::each_conn(|conn, _| {
        let mut new = product(
            "Confiture d'abricot Bonne Maman",
            "4.95",
            Some("3608580758686"),
        );
        new.category = Some("Épicerie > Confitures".into());
        new.cost = Some(Money::parse("2.10").unwrap());
        new.reorder_level = Some(Quantity::from_units(6));
        let jam = create(conn, &new);
        assert_eq!(jam.price, Money::from_cents(495));
        assert_eq!(jam.vat_code, "5.5");
        assert_eq!(jam.category.as_deref(), Some("Épicerie > Confitures"));
        assert_eq!(jam.stock, Quantity::ZERO);
        assert!(jam.is_low(), "no stock, under its reorder level");
        assert_eq!(
            products::find_by_barcode(conn, " 3608580758686 ")
                .unwrap()
                .map(|p| p.id),
            Some(jam.id)
        );
        create(
            conn,
            &product("Crème fraîche d'Isigny", "3.20", Some("3228020160055")),
        );
        create(conn, &product("Café moulu", "6.40", None));

        let find = |conn: &mut DbConn, text: &str| -> Vec<String> {
            products::search(
                conn,
                &Search {
                    text: Some(text.into()),
                    ..Search::default()
                },
            )
            .unwrap()
            .into_iter()
            .map(|p| p.name)
            .collect()
        };
        assert_eq!(find(conn, "creme"), ["Crème fraîche d'Isigny"]);
        assert_eq!(
            find(conn, "ABRICOT confiture"),
            ["Confiture d'abricot Bonne Maman"]
        );
        assert_eq!(find(conn, "3228020160055"), ["Crème fraîche d'Isigny"]);
        assert_eq!(
            find(conn, "confitures"),
            ["Confiture d'abricot Bonne Maman"],
            "by category"
        );
        assert_eq!(
            find(conn, "100%_"),
            Vec::<String>::new(),
            "LIKE wildcards are literal"
        );
        assert_eq!(find(conn, "").len(), 3);
    });
}

#[test]
fn bad_products_are_refused_naming_the_problem() {
    db::testing::each_conn(|conn, _| {
        create(
            conn,
            &product("Sel de Guérande", "3.50", Some("3017620422003")),
        );
        let refused = |conn: &mut DbConn, new: NewProduct| {
            products::create(conn, &new, None, now()).unwrap_err()
        };
        assert!(matches!(
            refused(conn, product("X", "1", Some("3017620422004"))),
            InventoryError::Barcode { .. }
        ));
        let dup = refused(conn, product("Autre sel", "1", Some("3017620422003")));
        assert!(
            matches!(&dup, InventoryError::DuplicateBarcode { product, .. } if product == "Sel de Guérande"),
            "{dup}"
        );
        assert!(matches!(
            refused(conn, product("  ", "1", None)),
            InventoryError::InvalidName { .. }
        ));
        assert!(matches!(
            refused(conn, product("Négatif", "-1", None)),
            InventoryError::NegativeAmount { .. }
        ));
        let mut bad_vat = product("TVA 7", "1", None);
        bad_vat.vat_rate = "7".into();
        let err = refused(conn, bad_vat);
        assert!(matches!(&err, InventoryError::UnknownVatRate(..)), "{err}");
        assert!(
            err.to_string().contains("5.5"),
            "lists the known rates: {err}"
        );
        assert_eq!(
            products::search(conn, &Search::default()).unwrap().len(),
            1,
            "nothing half-created"
        );
    });
}

#[test]
fn vat_rates_are_understood_as_typed() {
    db::testing::each_conn(|conn, _| {
        for (typed, code) in [
            ("20", "20"),
            ("5,5", "5.5"),
            ("5.50 %", "5.5"),
            ("2.1", "2.1"),
            ("0", "0"),
            ("10.0", "10"),
        ] {
            assert_eq!(
                inventory::vat::resolve(conn, typed, now().date())
                    .unwrap()
                    .code,
                code,
                "{typed}"
            );
        }
        assert_eq!(inventory::vat::code_of(550), "5.5");
        assert_eq!(inventory::vat::code_of(2000), "20");
    });
}

#[test]
fn a_product_is_changed_archived_and_its_barcodes_replaced() {
    db::testing::each_conn(|conn, _| {
        let p = create(conn, &product("Thé vert", "5.00", Some("96385074")));
        let changes = ProductChanges {
            price: Some(Money::parse("5,20").unwrap()),
            barcodes: Some(vec!["036000291452".into(), "THE-VERT-01".into()]),
            category: Some(Some("Boissons/Thés".into())),
            ..ProductChanges::default()
        };
        let p = products::update(conn, p.id, &changes, None, now()).unwrap();
        assert_eq!(p.price.cents(), 520);
        assert_eq!(p.barcodes, ["036000291452", "THE-VERT-01"]);
        assert_eq!(p.category.as_deref(), Some("Boissons > Thés"));
        assert!(
            products::find_by_barcode(conn, "96385074")
                .unwrap()
                .is_none()
        );
        // The UPC-A is found when a scanner sends its EAN-13 form.
        assert_eq!(
            products::find_by_barcode(conn, "0036000291452")
                .unwrap()
                .map(|x| x.id),
            Some(p.id)
        );
        let archived = products::update(
            conn,
            p.id,
            &ProductChanges {
                active: Some(false),
                ..Default::default()
            },
            None,
            now(),
        )
        .unwrap();
        assert!(!archived.active);
        assert!(
            products::search(conn, &Search::default())
                .unwrap()
                .is_empty()
        );
        assert_eq!(
            products::search(
                conn,
                &Search {
                    include_archived: true,
                    ..Search::default()
                }
            )
            .unwrap()
            .len(),
            1
        );
        let trail = db::audit::for_entity(conn, "product", &p.id.to_string()).unwrap();
        assert_eq!(trail.len(), 3);
        assert!(
            trail[1]
                .detail
                .as_deref()
                .unwrap_or_default()
                .contains("price=5.00->5.20")
        );
    });
}

#[test]
fn categories_form_a_tree_matched_without_accents() {
    db::testing::each_conn(|conn, _| {
        let a = categories::find_or_create(conn, "Épicerie > Confitures", now()).unwrap();
        let b = categories::find_or_create(conn, "epicerie/CONFITURES", now()).unwrap();
        assert_eq!(a, b);
        let c = categories::find_or_create(conn, "Épicerie > Miels", now()).unwrap();
        let all = categories::all(conn).unwrap();
        assert_eq!(all.len(), 3);
        let root = all.iter().find(|x| x.parent_id.is_none()).unwrap().id;
        let mut branch = categories::with_descendants(conn, root).unwrap();
        branch.sort();
        let mut expected = vec![root, a, c];
        expected.sort();
        assert_eq!(branch, expected);
        assert!(categories::find_or_create(conn, "Épicerie >  > X", now()).is_err());
    });
}

#[test]
fn scale_labels_resolve_to_their_product_with_weight_or_price() {
    use inventory::barcode::with_check_digit;
    db::testing::each_conn(|conn, _| {
        // Nothing configured: the French default (21–22 weight, 23–24 price).
        // The comté carries the key 21 + item 00042; the quiche 23 + 00007.
        let mut comte = product("Comté 18 mois", "28.90", Some("2100042"));
        comte.unit = Some(Unit::Kg);
        let comte = create(conn, &comte);
        let quiche = create(conn, &product("Quiche du jour", "0", Some("2300007")));
        let weighed = with_check_digit("210004201250").unwrap();
        let scan = products::resolve_scan(conn, &weighed).unwrap().unwrap();
        assert_eq!(
            (scan.product.id, scan.quantity.map(|q| q.to_api())),
            (comte.id, Some("1.250".to_owned()))
        );
        let priced = with_check_digit("230000700450").unwrap();
        let scan = products::resolve_scan(conn, &priced).unwrap().unwrap();
        assert_eq!(
            (scan.product.id, scan.price),
            (quiche.id, Some(Money::from_cents(450)))
        );
        // An unknown item code, and an ordinary barcode, still answer sensibly.
        assert!(
            products::resolve_scan(conn, &with_check_digit("210009901250").unwrap())
                .unwrap()
                .is_none()
        );
        let plain = create(conn, &product("Sel", "3", Some("3017620422003")));
        let scan = products::resolve_scan(conn, "3017620422003")
            .unwrap()
            .unwrap();
        assert_eq!((scan.product.id, scan.quantity), (plain.id, None));
    });
}

#[test]
fn a_product_is_found_as_people_type_it() {
    db::testing::each_conn(|conn, _| {
        let tea = create(conn, &product("Thé vert Sencha", "5.00", Some("96385074")));
        for typed in [
            format!("#{}", tea.id),
            "96385074".into(),
            "  THE VERT sencha ".into(),
        ] {
            assert_eq!(
                products::resolve_typed(conn, &typed).unwrap().map(|p| p.id),
                Some(tea.id),
                "{typed}"
            );
        }
        for typed in ["#999", "thé", "00000000", ""] {
            assert!(
                products::resolve_typed(conn, typed).unwrap().is_none(),
                "{typed}"
            );
        }
    });
}

#[test]
fn scan_codes_list_every_form_a_scanner_may_type() {
    db::testing::each_conn(|conn, _| {
        let mut new = product("Sirop d'érable", "12.00", Some("036000291452"));
        new.barcodes.push("3608580758686".into());
        let syrup = create(conn, &new);
        let tea = create(conn, &product("Thé vert", "5.00", Some("96385074")));
        let salt = create(conn, &product("Sel", "1.00", None));
        let codes = products::scan_codes(conn, &[syrup.id, tea.id, salt.id]).unwrap();
        assert_eq!(
            codes.get(&syrup.id).cloned().unwrap_or_default(),
            vec!["036000291452", "0036000291452", "3608580758686"],
            "a UPC-A also as its EAN-13"
        );
        assert_eq!(
            codes.get(&tea.id).cloned(),
            Some(vec!["96385074".to_owned()])
        );
        assert!(!codes.contains_key(&salt.id), "no barcode, nothing to scan");
        assert!(products::scan_codes(conn, &[]).unwrap().is_empty());
    });
}
