//! Stocktakes and reorder suggestions through the pages.

use comptoir_e2e::{WebClient, location, servers};
use db::{Money, Quantity, Role};
use inventory::catalogue::{NewProduct, products};
use inventory::stock::movements;
use inventory::suppliers::{self, SupplierInput};

#[tokio::test(flavor = "multi_thread")]
async fn a_stocktake_is_scanned_counted_and_validated() {
    for server in servers() {
        let label = server.label();
        server.add_user("gerant", Role::Manager, "password-g", None);
        let now = server.clock.now_naive();
        let (jam, honey) = server
            .db
            .write(|conn| -> Result<(i64, i64), inventory::InventoryError> {
                let supplier = suppliers::create(
                    conn,
                    &SupplierInput {
                        name: "Ruchers".into(),
                        ..Default::default()
                    },
                    None,
                    now,
                )?
                .id;
                let mut ids = Vec::new();
                for (name, barcode) in [("Confiture", "3608580758686"), ("Miel", "3017620422003")] {
                    let new = NewProduct {
                        name: name.into(),
                        barcodes: vec![barcode.into()],
                        price: Money::from_cents(500),
                        vat_rate: "5.5".into(),
                        reorder_level: Some(Quantity::from_units(4)),
                        preferred_supplier_id: Some(supplier),
                        ..NewProduct::default()
                    };
                    let id = products::create(conn, &new, None, now)?.id;
                    movements::adjust(
                        conn,
                        id,
                        None,
                        Quantity::from_units(5),
                        "départ",
                        None,
                        now,
                    )?;
                    ids.push(id);
                }
                Ok((ids[0], ids[1]))
            })
            .unwrap_or_else(|e| panic!("[{label}] fixture: {e}"));
        let manager = WebClient::new(&server.url);
        manager.login("gerant", "password-g").await;

        let r = manager
            .submit(
                "/stocktakes",
                "/stocktakes",
                &[("location_id", "1"), ("category_id", "")],
            )
            .await;
        assert_eq!(r.status(), reqwest::StatusCode::SEE_OTHER, "[{label}]");
        let count = location(&r);
        for _ in 0..3 {
            let r = manager
                .submit(
                    &count,
                    &format!("{count}/scan"),
                    &[("barcode", "3017620422003")],
                )
                .await;
            assert_eq!(r.status(), reqwest::StatusCode::OK, "[{label}]");
        }
        let r = manager
            .submit(
                &count,
                &format!("{count}/scan"),
                &[("barcode", "0000000000000")],
            )
            .await;
        assert_eq!(
            r.status(),
            reqwest::StatusCode::UNPROCESSABLE_ENTITY,
            "[{label}] unknown barcode"
        );
        let (jam_s, honey_s) = (jam.to_string(), honey.to_string());
        let r = manager
            .submit(
                &count,
                &format!("{count}/counts"),
                &[
                    ("count_product", &jam_s),
                    ("count_quantity", "6"),
                    ("count_product", &honey_s),
                    ("count_quantity", "3"),
                ],
            )
            .await;
        assert_eq!(r.status(), reqwest::StatusCode::SEE_OTHER, "[{label}]");
        let r = manager
            .submit(&count, &format!("{count}/validate"), &[])
            .await;
        assert_eq!(r.status(), reqwest::StatusCode::SEE_OTHER, "[{label}]");
        let stock = |id| {
            server
                .db
                .read(|conn| products::get(conn, id))
                .map(|p| p.stock.to_api())
                .unwrap_or_default()
        };
        assert_eq!(
            (stock(jam), stock(honey)),
            ("6.000".to_owned(), "3.000".to_owned()),
            "[{label}]"
        );
        let r = manager
            .submit("/stocktakes", &format!("{count}/validate"), &[])
            .await;
        assert_eq!(
            r.status(),
            reqwest::StatusCode::CONFLICT,
            "[{label}] validated once"
        );

        // Miel (3) is under its level (4): suggested, and a draft order in one click.
        let (_, page) = manager.page("/purchase-orders/suggestions").await;
        assert!(
            page.contains("Miel") && !page.contains(">Confiture<"),
            "[{label}]"
        );
        let r = manager
            .submit(
                "/purchase-orders/suggestions",
                "/purchase-orders/suggestions",
                &[],
            )
            .await;
        assert_eq!(r.status(), reqwest::StatusCode::SEE_OTHER, "[{label}]");
        let (_, orders) = manager.page("/purchase-orders").await;
        assert!(
            orders.contains("Ruchers"),
            "[{label}] a draft for the supplier"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn malformed_order_receipt_transfer_and_count_forms_are_sent_back() {
    for server in servers() {
        let label = server.label();
        server.add_user("gerant", Role::Manager, "password-g", None);
        let now = server.clock.now_naive();
        let (supplier, jam) = server
            .db
            .write(|conn| -> Result<(i64, i64), inventory::InventoryError> {
                let supplier = suppliers::create(
                    conn,
                    &SupplierInput {
                        name: "Ruchers".into(),
                        ..Default::default()
                    },
                    None,
                    now,
                )?
                .id;
                let new = NewProduct {
                    name: "Confiture".into(),
                    barcodes: vec!["3608580758686".into()],
                    price: Money::from_cents(500),
                    vat_rate: "5.5".into(),
                    ..NewProduct::default()
                };
                Ok((supplier, products::create(conn, &new, None, now)?.id))
            })
            .unwrap_or_else(|e| panic!("[{label}] fixture: {e}"));
        let manager = WebClient::new(&server.url);
        manager.login("gerant", "password-g").await;
        let unprocessable = reqwest::StatusCode::UNPROCESSABLE_ENTITY;

        // An order line with an unknown product, another with a bad quantity: nothing created.
        let supplier_id = supplier.to_string();
        let r = manager
            .submit(
                "/purchase-orders/new",
                "/purchase-orders",
                &[
                    ("supplier_id", &supplier_id),
                    ("line_product", "Produit inconnu"),
                    ("line_quantity", "2"),
                    ("line_unit_cost", ""),
                    ("line_product", "3608580758686"),
                    ("line_quantity", "deux"),
                    ("line_unit_cost", "1,50"),
                ],
            )
            .await;
        assert_eq!(r.status(), unprocessable, "[{label}]");
        let body = r.text().await.unwrap_or_default();
        assert!(
            body.contains("Produit inconnu"),
            "[{label}] the typed values come back"
        );
        let orders = server
            .db
            .read(|conn| inventory::purchasing::list_orders(conn, None, 10))
            .unwrap_or_default();
        assert!(orders.is_empty(), "[{label}] nothing created");

        // A good order, then a malformed receipt: nothing received.
        let r = manager
            .submit(
                "/purchase-orders/new",
                "/purchase-orders",
                &[
                    ("supplier_id", &supplier_id),
                    ("line_product", &format!("#{jam}")),
                    ("line_quantity", "6"),
                    ("line_unit_cost", "2"),
                ],
            )
            .await;
        let order = location(&r);
        let jam_id = jam.to_string();
        let r = manager
            .submit(
                &order,
                &format!("{order}/receive"),
                &[
                    ("location_id", "1"),
                    ("receive_product", &jam_id),
                    ("receive_quantity", "6,5,4"),
                    ("receive_unit_cost", ""),
                ],
            )
            .await;
        assert_eq!(r.status(), unprocessable, "[{label}]");
        let stock = || {
            server
                .db
                .read(|conn| products::get(conn, jam))
                .map(|p| p.stock.to_api())
                .unwrap_or_default()
        };
        assert_eq!(stock(), "0.000", "[{label}]");

        // A transfer of nothing sensible; a count that is not a number.
        let product_page = format!("/products/{jam}");
        let r = manager
            .submit(
                &product_page,
                &format!("{product_page}/transfer"),
                &[
                    ("from_location_id", "2"),
                    ("to_location_id", "1"),
                    ("quantity", "beaucoup"),
                ],
            )
            .await;
        assert_eq!(r.status(), unprocessable, "[{label}]");
        let r = manager
            .submit(
                &product_page,
                &format!("{product_page}/transfer"),
                &[
                    ("from_location_id", "1"),
                    ("to_location_id", "1"),
                    ("quantity", "1"),
                ],
            )
            .await;
        assert_eq!(r.status(), unprocessable, "[{label}] same location twice");
        let r = manager
            .submit(
                "/stocktakes",
                "/stocktakes",
                &[("location_id", "1"), ("category_id", "")],
            )
            .await;
        let count = location(&r);
        let r = manager
            .submit(
                &count,
                &format!("{count}/counts"),
                &[("count_product", &jam_id), ("count_quantity", "-")],
            )
            .await;
        assert_eq!(r.status(), unprocessable, "[{label}]");
        assert_eq!(stock(), "0.000", "[{label}] nothing moved");
    }
}
