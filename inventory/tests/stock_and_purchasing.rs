//! Movements and levels, suppliers, purchase orders and goods receipts, on both backends.

#![expect(clippy::unwrap_used, reason = "fixture builders fail loudly")]

use chrono::{NaiveDateTime, TimeZone, Utc};
use db::{DbConn, Money, Quantity};
use inventory::InventoryError;
use inventory::catalogue::products;
use inventory::catalogue::{NewProduct, Unit};
use inventory::purchasing::{self, NewOrderLine, OrderStatus, ReceiveLine};
use inventory::stock::{MovementKind, locations, movements};
use inventory::suppliers::{self, SupplierInput};

fn now() -> NaiveDateTime {
    Utc.with_ymd_and_hms(2026, 11, 25, 10, 0, 0)
        .unwrap()
        .naive_utc()
}

fn q(text: &str) -> Quantity {
    Quantity::parse(text).unwrap()
}

fn product(conn: &mut DbConn, name: &str, unit: Unit) -> i64 {
    let new = NewProduct {
        name: name.into(),
        price: Money::from_cents(500),
        vat_rate: "20".into(),
        unit: Some(unit),
        ..NewProduct::default()
    };
    products::create(conn, &new, None, now()).unwrap().id
}

fn supplier(conn: &mut DbConn) -> i64 {
    let input = SupplierInput {
        name: "Les Ruchers du Morvan".into(),
        email: Some("contact@ruchers.fr".into()),
        siret: Some("123 456 789 00012".into()),
        ..SupplierInput::default()
    };
    suppliers::create(conn, &input, None, now()).unwrap().id
}

#[test]
fn adjustments_and_transfers_move_levels_through_the_ledger() {
    db::testing::each_conn(|conn, _| {
        let honey = product(conn, "Miel de sapin", Unit::Piece);
        let floor = locations::sales_floor(conn).unwrap();
        let storeroom = locations::all(conn)
            .unwrap()
            .into_iter()
            .find(|l| !l.is_sales_floor)
            .unwrap();
        movements::adjust(
            conn,
            honey,
            None,
            q("12"),
            "inventaire initial",
            None,
            now(),
        )
        .unwrap();
        movements::adjust(
            conn,
            honey,
            Some(storeroom.id),
            q("24"),
            "inventaire initial",
            None,
            now(),
        )
        .unwrap();
        movements::transfer(conn, honey, storeroom.id, floor.id, q("6"), None, now()).unwrap();
        let m = movements::adjust(conn, honey, None, q("-1"), "pot cassé", None, now()).unwrap();
        assert_eq!(m.kind, MovementKind::Adjustment);
        assert_eq!(m.reason.as_deref(), Some("pot cassé"));
        let levels: Vec<(String, Quantity)> = movements::levels(conn, honey)
            .unwrap()
            .into_iter()
            .map(|(l, q)| (l.name, q))
            .collect();
        assert_eq!(
            levels,
            [
                ("Magasin".to_owned(), q("17")),
                ("Réserve".to_owned(), q("18"))
            ]
        );
        assert_eq!(products::get(conn, honey).unwrap().stock, q("35"));
        assert_eq!(movements::for_product(conn, honey, 100).unwrap().len(), 5);

        // Selling below zero is allowed: the shelf is the truth.
        movements::adjust(conn, honey, None, q("-20"), "vol", None, now()).unwrap();
        assert_eq!(movements::levels(conn, honey).unwrap()[0].1, q("-3"));

        for bad in [
            movements::adjust(conn, honey, None, q("0"), "rien", None, now()).unwrap_err(),
            movements::adjust(conn, honey, None, q("1"), "   ", None, now()).unwrap_err(),
            movements::adjust(conn, 9999, None, q("1"), "x", None, now()).unwrap_err(),
            movements::transfer(conn, honey, floor.id, floor.id, q("1"), None, now()).unwrap_err(),
            movements::transfer(conn, honey, floor.id, storeroom.id, q("-1"), None, now())
                .unwrap_err(),
        ] {
            assert!(
                matches!(
                    bad,
                    InventoryError::InvalidQuantity { .. } | InventoryError::NotFound { .. }
                ),
                "{bad}"
            );
        }
    });
}

#[test]
fn weighed_goods_count_in_thousandths() {
    db::testing::each_conn(|conn, _| {
        let comte = product(conn, "Comté 18 mois", Unit::Kg);
        movements::adjust(conn, comte, None, q("2,5"), "réception", None, now()).unwrap();
        movements::adjust(conn, comte, None, q("-0.350"), "coupe", None, now()).unwrap();
        assert_eq!(products::get(conn, comte).unwrap().stock.to_api(), "2.150");
    });
}

#[test]
fn an_order_is_received_in_two_deliveries_with_the_average_cost() {
    db::testing::each_conn(|conn, _| {
        let s = supplier(conn);
        let honey = product(conn, "Miel de sapin", Unit::Piece);
        let pollen = product(conn, "Pollen", Unit::Piece);
        movements::adjust(conn, honey, None, q("10"), "stock initial", None, now()).unwrap();
        products::update(
            conn,
            honey,
            &inventory::catalogue::ProductChanges {
                cost: Some(Some(Money::parse("4.00").unwrap())),
                ..Default::default()
            },
            None,
            now(),
        )
        .unwrap();
        let order = purchasing::create_order(
            conn,
            s,
            &[
                NewOrderLine {
                    product_id: honey,
                    quantity: q("10"),
                    unit_cost: Money::parse("5.00").unwrap(),
                },
                NewOrderLine {
                    product_id: pollen,
                    quantity: q("4"),
                    unit_cost: Money::parse("3.00").unwrap(),
                },
            ],
            Some("livraison jeudi"),
            None,
            now(),
        )
        .unwrap();
        assert_eq!(order.status, OrderStatus::Draft);
        assert_eq!(order.total(), Money::parse("62.00").unwrap());
        assert_eq!(
            purchasing::mark_sent(conn, order.id, None, now())
                .unwrap()
                .status,
            OrderStatus::Sent
        );

        let first = purchasing::receive(
            conn,
            order.id,
            &[ReceiveLine {
                product_id: honey,
                quantity: q("10"),
                unit_cost: None,
            }],
            None,
            None,
            now(),
        )
        .unwrap();
        assert_eq!(first.order.status, OrderStatus::Partial);
        assert!(first.warnings.is_empty());
        let honey_now = products::get(conn, honey).unwrap();
        assert_eq!(honey_now.stock, q("20"));
        // 10 at 4.00 and 10 at 5.00.
        assert_eq!(honey_now.average_cost, Some(Money::parse("4.50").unwrap()));
        let receipt_move = &movements::for_product(conn, honey, 1).unwrap()[0];
        assert_eq!(receipt_move.kind, MovementKind::Receipt);
        assert_eq!(
            receipt_move.reference,
            Some(format!("purchase_order:{}", order.id))
        );

        // More pollen than ordered: recorded, with a warning.
        let second = purchasing::receive(
            conn,
            order.id,
            &[ReceiveLine {
                product_id: pollen,
                quantity: q("5"),
                unit_cost: Some(Money::parse("2.80").unwrap()),
            }],
            None,
            None,
            now(),
        )
        .unwrap();
        assert_eq!(second.order.status, OrderStatus::Received);
        assert_eq!(second.warnings.len(), 1);
        assert_eq!(second.warnings[0].received, q("5"));
        let pollen_now = products::get(conn, pollen).unwrap();
        assert_eq!(
            (pollen_now.stock, pollen_now.average_cost),
            (q("5"), Some(Money::parse("2.80").unwrap()))
        );

        // A received order is closed.
        let closed = purchasing::receive(
            conn,
            order.id,
            &[ReceiveLine {
                product_id: pollen,
                quantity: q("1"),
                unit_cost: None,
            }],
            None,
            None,
            now(),
        )
        .unwrap_err();
        assert!(
            matches!(closed, InventoryError::OrderClosed("received")),
            "{closed}"
        );
        assert!(purchasing::cancel(conn, order.id, None, now()).is_err());
    });
}

#[test]
fn bad_orders_and_receipts_are_refused_whole() {
    db::testing::each_conn(|conn, _| {
        let s = supplier(conn);
        let honey = product(conn, "Miel", Unit::Piece);
        let other = product(conn, "Autre", Unit::Piece);
        let line = |p: i64, qty: &str| NewOrderLine {
            product_id: p,
            quantity: q(qty),
            unit_cost: Money::from_cents(100),
        };
        assert!(matches!(
            purchasing::create_order(conn, s, &[], None, None, now()),
            Err(InventoryError::EmptyOrder)
        ));
        assert!(matches!(
            purchasing::create_order(conn, 999, &[line(honey, "1")], None, None, now()),
            Err(InventoryError::NotFound { .. })
        ));
        assert!(matches!(
            purchasing::create_order(conn, s, &[line(honey, "0")], None, None, now()),
            Err(InventoryError::InvalidQuantity { .. })
        ));
        assert!(matches!(
            purchasing::create_order(
                conn,
                s,
                &[line(honey, "1"), line(honey, "2")],
                None,
                None,
                now()
            ),
            Err(InventoryError::DuplicateLine(_))
        ));
        assert!(matches!(
            purchasing::create_order(conn, s, &[line(12345, "1")], None, None, now()),
            Err(InventoryError::NotFound { .. })
        ));
        let order =
            purchasing::create_order(conn, s, &[line(honey, "3")], None, None, now()).unwrap();
        let receive = |conn: &mut DbConn, lines: &[ReceiveLine]| {
            purchasing::receive(conn, order.id, lines, None, None, now())
        };
        let bad_lines = [
            vec![ReceiveLine {
                product_id: other,
                quantity: q("1"),
                unit_cost: None,
            }],
            vec![ReceiveLine {
                product_id: honey,
                quantity: q("-1"),
                unit_cost: None,
            }],
            vec![
                ReceiveLine {
                    product_id: honey,
                    quantity: q("1"),
                    unit_cost: None,
                },
                ReceiveLine {
                    product_id: honey,
                    quantity: q("1"),
                    unit_cost: None,
                },
            ],
            vec![],
        ];
        for lines in bad_lines {
            assert!(receive(conn, &lines).is_err());
        }
        assert_eq!(
            products::get(conn, honey).unwrap().stock,
            Quantity::ZERO,
            "nothing received halfway"
        );
        assert_eq!(
            purchasing::cancel(conn, order.id, None, now())
                .unwrap()
                .status,
            OrderStatus::Cancelled
        );
        assert!(matches!(
            receive(
                conn,
                &[ReceiveLine {
                    product_id: honey,
                    quantity: q("1"),
                    unit_cost: None
                }]
            ),
            Err(InventoryError::OrderClosed("cancelled"))
        ));
    });
}

#[test]
fn suppliers_are_checked_and_carry_their_terms() {
    db::testing::each_conn(|conn, _| {
        let bad_email = SupplierInput {
            name: "X".into(),
            email: Some("pas-un-mail".into()),
            ..Default::default()
        };
        assert!(matches!(
            suppliers::create(conn, &bad_email, None, now()),
            Err(InventoryError::InvalidEmail(_))
        ));
        let bad_siret = SupplierInput {
            name: "X".into(),
            siret: Some("1234".into()),
            ..Default::default()
        };
        assert!(matches!(
            suppliers::create(conn, &bad_siret, None, now()),
            Err(InventoryError::InvalidSiret(_))
        ));
        let s = supplier(conn);
        assert_eq!(
            suppliers::get(conn, s).unwrap().siret.as_deref(),
            Some("12345678900012")
        );
        let honey = product(conn, "Miel", Unit::Piece);
        let terms = suppliers::SupplierTerms {
            supplier_reference: Some("MS-500".into()),
            cost: Some(Money::from_cents(410)),
            pack_size: Some(q("12")),
            lead_time_days: Some(5),
        };
        suppliers::set_terms(conn, s, honey, &terms).unwrap();
        suppliers::set_terms(conn, s, honey, &terms).unwrap();
        let catalogue = suppliers::catalogue_of(conn, s).unwrap();
        assert_eq!(catalogue.len(), 1);
        assert_eq!(catalogue[0].pack_size, q("12"));
    });
}
