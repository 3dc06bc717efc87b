//! The scale prefixes as the owner configures them, and the scans that follow
//! them, on both backends.

#![expect(clippy::unwrap_used, reason = "fixture builders fail loudly")]

use chrono::{NaiveDateTime, TimeZone, Utc};
use db::{Money, Quantity};
use inventory::InventoryError;
use inventory::barcode::{ScaleKind, ScalePrefix, ScaleRules, with_check_digit};
use inventory::catalogue::products;
use inventory::catalogue::{NewProduct, Unit};

fn now() -> NaiveDateTime {
    Utc.with_ymd_and_hms(2026, 11, 25, 10, 0, 0)
        .unwrap()
        .naive_utc()
}

#[test]
fn saved_scale_prefixes_drive_every_scan() {
    db::testing::each_conn(|conn, _| {
        assert_eq!(
            ScaleRules::load(conn).unwrap(),
            ScaleRules::french_default()
        );
        let ham = products::create(
            conn,
            &NewProduct {
                name: "Jambon à la coupe".into(),
                barcodes: vec!["2500042".into(), "2100042".into()],
                price: Money::parse("24.90").unwrap(),
                vat_rate: "5.5".into(),
                unit: Some(Unit::Kg),
                ..NewProduct::default()
            },
            None,
            now(),
        )
        .unwrap();
        let label_25 = with_check_digit("250004200350").unwrap();
        let label_21 = with_check_digit("210004200350").unwrap();
        // By default 25 is no scale prefix, 21 is a weight.
        assert!(products::resolve_scan(conn, &label_25).unwrap().is_none());
        let scan = products::resolve_scan(conn, &label_21).unwrap().unwrap();
        assert_eq!(scan.quantity, Some(Quantity::from_thousandths(350)));

        // The owner's scales print 25 for weights and 26 for prices only.
        let rules = ScaleRules::from_lists("25", "26").unwrap();
        rules.save(conn, None, now()).unwrap();
        assert_eq!(ScaleRules::load(conn).unwrap(), rules);
        let scan = products::resolve_scan(conn, &label_25).unwrap().unwrap();
        assert_eq!(
            (scan.product.id, scan.quantity, scan.price),
            (ham.id, Some(Quantity::from_thousandths(350)), None)
        );
        assert!(
            products::resolve_scan(conn, &label_21).unwrap().is_none(),
            "21 is no longer a scale prefix"
        );

        // No scales at all: an empty list is a choice, not the default.
        ScaleRules { prefixes: vec![] }
            .save(conn, None, now())
            .unwrap();
        assert_eq!(ScaleRules::load(conn).unwrap().prefixes, vec![]);
        assert!(products::resolve_scan(conn, &label_25).unwrap().is_none());
    });
}

#[test]
fn invalid_scale_prefixes_are_refused_and_nothing_is_saved() {
    db::testing::each_conn(|conn, _| {
        let kept = ScaleRules::from_lists("22", "24").unwrap();
        kept.save(conn, None, now()).unwrap();
        for bad in [
            vec![ScalePrefix {
                prefix: 30,
                kind: ScaleKind::Weight,
            }],
            vec![
                ScalePrefix {
                    prefix: 21,
                    kind: ScaleKind::Weight,
                },
                ScalePrefix {
                    prefix: 21,
                    kind: ScaleKind::Price,
                },
            ],
        ] {
            let err = ScaleRules { prefixes: bad }
                .save(conn, None, now())
                .unwrap_err();
            assert!(matches!(err, InventoryError::ScaleRules(_)), "{err}");
        }
        assert_eq!(ScaleRules::load(conn).unwrap(), kept);
        // A value written by hand that makes no sense falls back to the default.
        db::settings::set(conn, inventory::settings::SCALE_PREFIXES_KEY, "x", now()).unwrap();
        assert_eq!(
            ScaleRules::load(conn).unwrap(),
            ScaleRules::french_default()
        );
    });
}

// ---- categories ----

use inventory::catalogue::categories;

#[test]
fn a_category_is_renamed_and_moved_with_its_branch_and_its_products_follow() {
    db::testing::each_conn(|conn, _| {
        let jams = categories::find_or_create(conn, "Épicerie > Confitures", now()).unwrap();
        let grocery = categories::find_or_create(conn, "Épicerie", now()).unwrap();
        let fresh = categories::find_or_create(conn, "Frais", now()).unwrap();
        let apricot =
            categories::find_or_create(conn, "Épicerie > Confitures > Abricot", now()).unwrap();
        let mut new = NewProduct {
            name: "Confiture d'abricot".into(),
            price: Money::parse("4.95").unwrap(),
            vat_rate: "5.5".into(),
            category: Some("Épicerie > Confitures > Abricot".into()),
            ..NewProduct::default()
        };
        let jam = products::create(conn, &new, None, now()).unwrap();
        new.name = "Beurre".into();
        new.category = Some("Frais".into());
        products::create(conn, &new, None, now()).unwrap();

        let renamed =
            categories::rename(conn, jams, "  Confitures   maison ", None, now()).unwrap();
        assert_eq!(renamed.path, "Épicerie > Confitures maison");
        assert_eq!(
            products::get(conn, jam.id).unwrap().category.as_deref(),
            Some("Épicerie > Confitures maison > Abricot")
        );
        // Search by the new name finds the products of the whole branch.
        let found = products::search(
            conn,
            &products::Search {
                text: Some("maison".into()),
                ..products::Search::default()
            },
        )
        .unwrap();
        assert_eq!(found.iter().map(|p| p.id).collect::<Vec<_>>(), vec![jam.id]);
        let counts = categories::product_counts(conn).unwrap();
        assert_eq!(
            (
                counts.get(&grocery),
                counts.get(&jams),
                counts.get(&apricot),
                counts.get(&fresh)
            ),
            (Some(&1), Some(&1), Some(&1), Some(&1))
        );

        // To the top, then under another parent: the branch comes along.
        let top = categories::move_to(conn, jams, None, None, now()).unwrap();
        assert_eq!(
            (top.parent_id, top.path.as_str()),
            (None, "Confitures maison")
        );
        assert_eq!(
            categories::path_of(conn, apricot).unwrap(),
            "Confitures maison > Abricot"
        );
        let moved = categories::move_to(conn, jams, Some(fresh), None, now()).unwrap();
        assert_eq!(moved.path, "Frais > Confitures maison");
        assert_eq!(
            products::get(conn, jam.id).unwrap().category.as_deref(),
            Some("Frais > Confitures maison > Abricot")
        );
        assert!(
            categories::with_descendants(conn, fresh)
                .unwrap()
                .contains(&apricot)
        );
        assert!(
            !categories::with_descendants(conn, grocery)
                .unwrap()
                .contains(&apricot)
        );
    });
}

#[test]
fn impossible_category_changes_are_refused_and_nothing_changes() {
    db::testing::each_conn(|conn, _| {
        let grocery = categories::find_or_create(conn, "Épicerie", now()).unwrap();
        let jams = categories::find_or_create(conn, "Épicerie > Confitures", now()).unwrap();
        let apricot =
            categories::find_or_create(conn, "Épicerie > Confitures > Abricot", now()).unwrap();
        categories::find_or_create(conn, "Épicerie > Miels", now()).unwrap();
        categories::find_or_create(conn, "Confitures", now()).unwrap();
        let before = categories::all(conn).unwrap();

        for target in [grocery, jams, apricot] {
            let err = categories::move_to(conn, grocery, Some(target), None, now()).unwrap_err();
            assert!(matches!(err, InventoryError::CategoryCycle), "{err}");
        }
        let err = categories::move_to(conn, jams, Some(apricot), None, now()).unwrap_err();
        assert!(matches!(err, InventoryError::CategoryCycle), "{err}");
        // A sibling already has the name, case and accents aside.
        let err = categories::move_to(conn, jams, None, None, now()).unwrap_err();
        assert!(matches!(err, InventoryError::DuplicateCategory(_)), "{err}");
        let err = categories::rename(conn, jams, "MIELS", None, now()).unwrap_err();
        assert!(matches!(err, InventoryError::DuplicateCategory(_)), "{err}");
        for blank in ["", "   "] {
            let err = categories::rename(conn, jams, blank, None, now()).unwrap_err();
            assert!(matches!(err, InventoryError::InvalidName { .. }), "{err}");
        }
        let err = categories::move_to(conn, jams, Some(9999), None, now()).unwrap_err();
        assert!(matches!(err, InventoryError::NotFound { .. }), "{err}");
        let err = categories::rename(conn, 9999, "X", None, now()).unwrap_err();
        assert!(matches!(err, InventoryError::NotFound { .. }), "{err}");
        assert_eq!(categories::all(conn).unwrap(), before);
        // Its own name with other capitals is no clash with itself.
        let same = categories::rename(conn, jams, "confitures", None, now()).unwrap();
        assert_eq!(same.path, "Épicerie > confitures");
    });
}

// ---- locations and valuation ----

use inventory::stock::{locations, movements, valuation};

#[test]
fn a_new_location_has_a_level_for_every_product_and_can_be_renamed() {
    db::testing::each_conn(|conn, _| {
        let new = NewProduct {
            name: "Sel de Guérande".into(),
            price: Money::parse("3.50").unwrap(),
            vat_rate: "5.5".into(),
            ..NewProduct::default()
        };
        let salt = products::create(conn, &new, None, now()).unwrap();
        let cellar = locations::create(conn, "Cave", now()).unwrap();
        let levels = movements::levels(conn, salt.id).unwrap();
        assert_eq!(levels.len(), 3);
        assert!(
            levels
                .iter()
                .any(|(l, q)| l.id == cellar.id && *q == Quantity::ZERO)
        );
        // Stock moves into it like anywhere else.
        movements::adjust(
            conn,
            salt.id,
            Some(cellar.id),
            Quantity::from_units(4),
            "arrivage",
            None,
            now(),
        )
        .unwrap();
        // A product created later gets a row there too.
        let pepper = products::create(
            conn,
            &NewProduct {
                name: "Poivre".into(),
                ..new.clone()
            },
            None,
            now(),
        )
        .unwrap();
        assert_eq!(movements::levels(conn, pepper.id).unwrap().len(), 3);

        let renamed = locations::rename(conn, cellar.id, " Cave  voûtée ").unwrap();
        assert_eq!(renamed.name, "Cave voûtée");
        let level = movements::levels(conn, salt.id)
            .unwrap()
            .into_iter()
            .find(|(l, _)| l.id == cellar.id)
            .unwrap();
        assert_eq!(
            (level.0.name.as_str(), level.1),
            ("Cave voûtée", Quantity::from_units(4))
        );

        let before = locations::all(conn).unwrap();
        for taken in ["reserve", "MAGASIN"] {
            let err = locations::rename(conn, cellar.id, taken).unwrap_err();
            assert!(matches!(err, InventoryError::DuplicateLocation(_)), "{err}");
            let err = locations::create(conn, taken, now()).unwrap_err();
            assert!(matches!(err, InventoryError::DuplicateLocation(_)), "{err}");
        }
        let err = locations::rename(conn, cellar.id, " ").unwrap_err();
        assert!(matches!(err, InventoryError::InvalidName { .. }), "{err}");
        let err = locations::rename(conn, 9999, "Ailleurs").unwrap_err();
        assert!(matches!(err, InventoryError::NotFound { .. }), "{err}");
        assert_eq!(locations::all(conn).unwrap(), before);
        // Renaming to its own name with other accents is allowed.
        locations::rename(conn, cellar.id, "Cave voutee").unwrap();
    });
}

#[test]
fn stock_is_valued_at_average_cost_else_cost_per_location() {
    db::testing::each_conn(|conn, _| {
        let floor = locations::sales_floor(conn).unwrap();
        let store = locations::all(conn)
            .unwrap()
            .into_iter()
            .find(|l| !l.is_sales_floor)
            .unwrap();
        let empty = valuation::valuation(conn).unwrap();
        assert_eq!((empty.total, empty.below_zero), (Money::ZERO, 0));
        assert_eq!(empty.locations.len(), 2);

        let base = NewProduct {
            price: Money::parse("9").unwrap(),
            vat_rate: "20".into(),
            ..NewProduct::default()
        };
        // Cost 2,10 entered; 1,90 on average from receipts: the average wins.
        let jam = products::create(
            conn,
            &NewProduct {
                name: "Confiture".into(),
                cost: Some(Money::parse("2.10").unwrap()),
                ..base.clone()
            },
            None,
            now(),
        )
        .unwrap();
        db::testing::execute(
            conn,
            &format!(
                "UPDATE products SET average_cost = 190 WHERE id = {}",
                jam.id
            ),
        )
        .unwrap();
        // By the kilo, cost only: 1,250 kg at 12,35 € = 15,4375 → 15,44 €.
        let cheese = products::create(
            conn,
            &NewProduct {
                name: "Comté".into(),
                unit: Some(Unit::Kg),
                cost: Some(Money::parse("12.35").unwrap()),
                ..base.clone()
            },
            None,
            now(),
        )
        .unwrap();
        let no_cost = products::create(
            conn,
            &NewProduct {
                name: "Sans coût".into(),
                ..base.clone()
            },
            None,
            now(),
        )
        .unwrap();
        let mut adjust = |product: i64, location: i64, quantity: Quantity| {
            movements::adjust(conn, product, Some(location), quantity, "test", None, now())
                .unwrap();
        };
        adjust(jam.id, floor.id, Quantity::from_units(10));
        adjust(jam.id, store.id, Quantity::from_units(-3));
        adjust(cheese.id, store.id, Quantity::from_thousandths(1250));
        adjust(no_cost.id, floor.id, Quantity::from_units(5));
        adjust(no_cost.id, store.id, Quantity::from_units(-1));

        let v = valuation::valuation(conn).unwrap();
        let at = |id: i64| v.locations.iter().find(|l| l.location.id == id).unwrap();
        assert_eq!(at(floor.id).value, Money::from_cents(1900));
        assert_eq!(
            (
                at(floor.id).products_in_stock,
                at(floor.id).without_cost,
                at(floor.id).below_zero
            ),
            (2, 1, 0)
        );
        assert_eq!(at(store.id).value, Money::from_cents(1544));
        assert_eq!(
            (at(store.id).below_zero, at(store.id).products_in_stock),
            (2, 1)
        );
        assert_eq!(v.total, Money::from_cents(3444));
        assert_eq!((v.below_zero, v.without_cost), (2, 1));
    });
}

// ---- VAT ----

use chrono::NaiveDate;
use inventory::vat::{self, VatChange};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn a_future_rate_takes_over_on_its_first_day() {
    db::testing::each_conn(|conn, _| {
        let today = day(2026, 11, 25);
        let switch = day(2027, 1, 1);
        let jam = products::create(
            conn,
            &NewProduct {
                name: "Parfum".into(),
                price: Money::parse("30").unwrap(),
                vat_rate: "20".into(),
                ..NewProduct::default()
            },
            None,
            now(),
        )
        .unwrap();
        let period = vat::schedule(
            conn,
            &VatChange {
                code: Some("20"),
                rate: "21",
                valid_from: switch,
            },
            today,
            None,
            now(),
        )
        .unwrap();
        assert_eq!(
            (
                period.code.as_str(),
                period.rate,
                period.valid_from,
                period.valid_to
            ),
            ("20", 2100, switch, None)
        );
        let eve = day(2026, 12, 31);
        assert_eq!(vat::rate_of(conn, &jam.vat_code, eve).unwrap().rate, 2000);
        assert_eq!(
            vat::rate_of(conn, &jam.vat_code, switch).unwrap().rate,
            2100
        );
        assert_eq!(
            vat::rate_of(conn, "20", day(2030, 6, 1)).unwrap().rate,
            2100
        );
        let rates = |conn: &mut db::DbConn, d| -> Vec<i64> {
            vat::in_force(conn, d)
                .unwrap()
                .iter()
                .map(|r| r.rate)
                .collect()
        };
        assert_eq!(rates(conn, eve), vec![2000, 1000, 550, 210, 0]);
        assert_eq!(rates(conn, switch), vec![2100, 1000, 550, 210, 0]);
        // Typed on a product form from that day: the new percentage, or the line's code.
        assert_eq!(vat::resolve(conn, "21", switch).unwrap().code, "20");
        assert_eq!(vat::resolve(conn, "20", switch).unwrap().rate, 2100);
        assert!(vat::resolve(conn, "21", eve).is_err());
        // The old row now ends on the eve; the table lists both.
        let lines: Vec<(String, i64, NaiveDate, Option<NaiveDate>)> = vat::periods(conn)
            .unwrap()
            .into_iter()
            .filter(|p| p.code == "20")
            .map(|p| (p.code, p.rate, p.valid_from, p.valid_to))
            .collect();
        assert_eq!(
            lines,
            vec![
                ("20".into(), 2000, day(2014, 1, 1), Some(eve)),
                ("20".into(), 2100, switch, None),
            ]
        );
        // A change before the scheduled one splits the span again.
        vat::schedule(
            conn,
            &VatChange {
                code: Some("20"),
                rate: "20,5",
                valid_from: day(2026, 12, 1),
            },
            today,
            None,
            now(),
        )
        .unwrap();
        assert_eq!(
            vat::rate_of(conn, "20", day(2026, 12, 15)).unwrap().rate,
            2050
        );
        assert_eq!(
            vat::rate_of(conn, "20", day(2026, 11, 30)).unwrap().rate,
            2000
        );
        assert_eq!(vat::rate_of(conn, "20", switch).unwrap().rate, 2100);
        // A new line of its own.
        let new = vat::schedule(
            conn,
            &VatChange {
                code: None,
                rate: "8,5 %",
                valid_from: day(2026, 11, 26),
            },
            today,
            None,
            now(),
        )
        .unwrap();
        assert_eq!((new.code.as_str(), new.rate), ("8.5", 850));
        assert!(vat::resolve(conn, "8.5", today).is_err());
        assert_eq!(
            vat::resolve(conn, "8,5", day(2026, 11, 26)).unwrap().rate,
            850
        );
    });
}

#[test]
fn impossible_rate_changes_are_refused_and_nothing_is_written() {
    db::testing::each_conn(|conn, _| {
        let today = day(2026, 11, 25);
        let before = vat::periods(conn).unwrap();
        let attempt = |conn: &mut db::DbConn, code: Option<&str>, rate: &str, from: NaiveDate| {
            vat::schedule(
                conn,
                &VatChange {
                    code,
                    rate,
                    valid_from: from,
                },
                today,
                None,
                now(),
            )
            .unwrap_err()
        };
        let tomorrow = day(2026, 11, 26);
        for past in [day(2026, 11, 24), today] {
            let err = attempt(conn, Some("20"), "21", past);
            assert!(matches!(err, InventoryError::VatDateNotFuture), "{err}");
        }
        for bad in ["", "vingt", "-1", "100", "5,555", "21.5.1"] {
            let err = attempt(conn, Some("20"), bad, tomorrow);
            assert!(
                matches!(err, InventoryError::InvalidVatRate(_)),
                "{bad}: {err}"
            );
        }
        // Another line has that rate already; the line already has it; the code exists.
        for (code, rate) in [(Some("20"), "10"), (Some("20"), "20"), (None, "5.5")] {
            let err = attempt(conn, code, rate, tomorrow);
            assert!(
                matches!(err, InventoryError::DuplicateVatRate(_)),
                "{rate}: {err}"
            );
        }
        let err = attempt(conn, Some("19.6"), "21", tomorrow);
        assert!(matches!(err, InventoryError::NotFound { .. }), "{err}");
        assert_eq!(vat::periods(conn).unwrap(), before);
        // Scheduled once, the same day again is a duplicate.
        vat::schedule(
            conn,
            &VatChange {
                code: Some("20"),
                rate: "21",
                valid_from: tomorrow,
            },
            today,
            None,
            now(),
        )
        .unwrap();
        let err = attempt(conn, Some("20"), "22", tomorrow);
        assert!(matches!(err, InventoryError::DuplicateVatRate(_)), "{err}");
    });
}
