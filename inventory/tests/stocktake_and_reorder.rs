//! Stocktakes and reorder suggestions on both backends.

#![expect(clippy::unwrap_used, reason = "fixture builders fail loudly")]

use chrono::{NaiveDateTime, TimeZone, Utc};
use db::{DbConn, Money, Quantity};
use inventory::InventoryError;
use inventory::catalogue::{NewProduct, ProductChanges, Unit, products};
use inventory::purchasing::{self, OrderStatus};
use inventory::reorder;
use inventory::stock::{MovementKind, movements};
use inventory::stocktake::{self, StocktakeStatus};
use inventory::suppliers::{self, SupplierInput, SupplierTerms};

fn now() -> NaiveDateTime {
    Utc.with_ymd_and_hms(2026, 11, 25, 10, 0, 0)
        .unwrap()
        .naive_utc()
}

fn q(text: &str) -> Quantity {
    Quantity::parse(text).unwrap()
}

fn product(conn: &mut DbConn, name: &str, barcode: Option<&str>, category: &str) -> i64 {
    let new = NewProduct {
        name: name.into(),
        barcodes: barcode.map(|b| vec![b.into()]).unwrap_or_default(),
        price: Money::from_cents(500),
        vat_rate: "5.5".into(),
        unit: Some(Unit::Piece),
        category: Some(category.into()),
        ..NewProduct::default()
    };
    products::create(conn, &new, None, now()).unwrap().id
}

#[test]
fn a_count_becomes_one_movement_per_difference() {
    db::testing::each_conn(|conn, _| {
        let jam = product(conn, "Confiture", Some("3608580758686"), "Épicerie");
        let salt = product(conn, "Sel", Some("3017620422003"), "Épicerie");
        let tea = product(conn, "Thé", None, "Boissons");
        for (p, n) in [(jam, "10"), (salt, "5"), (tea, "7")] {
            movements::adjust(conn, p, None, q(n), "départ", None, now()).unwrap();
        }
        let category =
            inventory::catalogue::categories::find_or_create(conn, "Épicerie", now()).unwrap();
        let count = stocktake::open(conn, None, Some(category), None, now()).unwrap();
        assert_eq!(count.lines.len(), 2, "only the category's products");
        assert_eq!(count.status, StocktakeStatus::Open);

        stocktake::set_count(conn, count.id, jam, Some(q("8"))).unwrap();
        assert_eq!(stocktake::progress(conn, count.id).unwrap(), (1, 2));
        for n in 1..=6 {
            let line = stocktake::scan(conn, count.id, "3017620422003").unwrap();
            assert_eq!((line.product_id, line.product_name.as_str()), (salt, "Sel"));
            assert_eq!(line.counted, Some(q(&n.to_string())), "one more each time");
            assert_eq!(line.expected, q("5"));
            assert_eq!(line.barcode.as_deref(), Some("3017620422003"));
        }
        assert_eq!(stocktake::progress(conn, count.id).unwrap(), (2, 2));
        // A sale during the count: the validation counts against the level now.
        movements::adjust(conn, jam, None, q("-1"), "vente", None, now()).unwrap();
        let seen = stocktake::get(conn, count.id).unwrap();
        assert_eq!(
            seen.lines
                .iter()
                .find(|l| l.product_id == salt)
                .unwrap()
                .difference(),
            Some(q("1"))
        );

        assert!(matches!(
            stocktake::set_count(conn, count.id, jam, Some(q("-1"))),
            Err(InventoryError::InvalidQuantity { .. })
        ));
        assert!(matches!(
            stocktake::set_count(conn, count.id, tea, Some(q("1"))),
            Err(InventoryError::NotFound { .. })
        ));
        assert!(matches!(
            stocktake::scan(conn, count.id, "96385074"),
            Err(InventoryError::NotFound { .. })
        ));

        let done = stocktake::validate(conn, count.id, None, now()).unwrap();
        assert_eq!(done.status, StocktakeStatus::Validated);
        assert_eq!(products::get(conn, jam).unwrap().stock, q("8"));
        assert_eq!(products::get(conn, salt).unwrap().stock, q("6"));
        assert_eq!(
            products::get(conn, tea).unwrap().stock,
            q("7"),
            "outside the count"
        );
        let last = &movements::for_product(conn, jam, 1).unwrap()[0];
        assert_eq!(
            (last.kind, last.quantity, last.reference.clone()),
            (
                MovementKind::Stocktake,
                q("-1"),
                Some(format!("stocktake:{}", count.id))
            )
        );
        assert!(
            stocktake::validate(conn, count.id, None, now()).is_err(),
            "closed"
        );
        assert!(
            stocktake::scan(conn, count.id, "3017620422003").is_err(),
            "closed"
        );
        let other = stocktake::open(conn, None, None, None, now()).unwrap();
        assert_eq!(other.lines.len(), 3);
        assert_eq!(
            stocktake::cancel(conn, other.id, None, now())
                .unwrap()
                .status,
            StocktakeStatus::Cancelled
        );
        assert_eq!(stocktake::list(conn).unwrap().len(), 2);
    });
}

#[test]
fn low_products_become_draft_orders_per_supplier() {
    db::testing::each_conn(|conn, _| {
        let supplier = suppliers::create(
            conn,
            &SupplierInput {
                name: "Ruchers".into(),
                ..Default::default()
            },
            None,
            now(),
        )
        .unwrap()
        .id;
        let honey = product(conn, "Miel", None, "Épicerie");
        let orphan = product(conn, "Orphelin", None, "Épicerie");
        let plenty = product(conn, "Abondant", None, "Épicerie");
        for (p, level) in [(honey, "6"), (orphan, "2"), (plenty, "1")] {
            products::update(
                conn,
                p,
                &ProductChanges {
                    reorder_level: Some(Some(q(level))),
                    ..Default::default()
                },
                None,
                now(),
            )
            .unwrap();
        }
        movements::adjust(conn, honey, None, q("2"), "x", None, now()).unwrap();
        movements::adjust(conn, plenty, None, q("50"), "x", None, now()).unwrap();
        let terms = SupplierTerms {
            cost: Some(Money::from_cents(410)),
            pack_size: Some(q("6")),
            ..Default::default()
        };
        suppliers::set_terms(conn, supplier, honey, &terms).unwrap();

        let groups = reorder::suggestions(conn).unwrap();
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].supplier_id, Some(supplier));
        assert_eq!(
            (groups[0].lines[0].quantity, groups[0].lines[0].unit_cost),
            (q("12"), Money::from_cents(410))
        );
        assert_eq!(groups[1].supplier_id, None);
        assert_eq!(groups[1].lines[0].product_id, orphan);

        let ids = reorder::create_drafts(conn, None, now()).unwrap();
        assert_eq!(ids.len(), 1);
        let order = purchasing::get_order(conn, ids[0]).unwrap();
        assert_eq!(
            (order.status, order.lines.len(), order.total()),
            (OrderStatus::Draft, 1, Money::from_cents(4920))
        );
    });
}
