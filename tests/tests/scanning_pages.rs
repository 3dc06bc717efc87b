//! Scanning without JavaScript, over HTTP: at receipt the scan field posts with
//! the form and comes back with its line one higher; at a stocktake the scan
//! form posts, and a script asking for JSON gets the row to update.

use comptoir_e2e::goods::{HONEY, JAM, TEA, UNKNOWN};
use comptoir_e2e::{WebClient, csrf_in, servers};
use db::Role;
use inventory::stock::movements;
use inventory::stocktake;
use reqwest::StatusCode;

/// The value of the quantity field on the line of `product` in a receive form.
fn typed_quantity(html: &str, product: i64) -> String {
    let row = html
        .split(&format!("<tr data-product-id=\"{product}\""))
        .nth(1)
        .unwrap_or_default();
    let at = row
        .find("name=\"receive_quantity\" value=\"")
        .map(|i| i + "name=\"receive_quantity\" value=\"".len())
        .unwrap_or_default();
    row[at..].split('"').next().unwrap_or_default().to_owned()
}

fn plain(html: &str) -> String {
    html.replace('\u{a0}', " ")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_receipt_is_scanned_without_javascript() {
    for server in servers() {
        let label = server.label();
        server.add_user("gerant", Role::Manager, "password-g", None);
        let goods = server.scan_goods();
        let manager = WebClient::new(&server.url);
        manager.login("gerant", "password-g").await;
        let page = format!("/purchase-orders/{}", goods.order);
        let action = format!("{page}/receive");
        let (honey, jam) = (goods.honey.to_string(), goods.jam.to_string());

        // The page knows each line's barcodes; `?scan=1` starts the lines at 0.
        let (status, html) = manager.page(&format!("{page}?scan=1")).await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        assert!(
            html.contains(&format!("data-barcodes=\"{HONEY}\"")),
            "[{label}]"
        );
        assert!(html.contains("id=\"receive-scan\""), "[{label}]");
        assert_eq!(typed_quantity(&html, goods.honey), "0", "[{label}]");
        assert_eq!(typed_quantity(&html, goods.jam), "0", "[{label}]");

        // A scan: its line one higher, the other lines and the cost as typed.
        let r = manager
            .submit(
                &page,
                &action,
                &[
                    ("location_id", "1"),
                    ("scan", &format!(" {HONEY} ")),
                    ("scan_mode", "1"),
                    ("receive_product", &honey),
                    ("receive_quantity", "2"),
                    ("receive_unit_cost", "4,80"),
                    ("receive_product", &jam),
                    ("receive_quantity", "5"),
                    ("receive_unit_cost", ""),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::OK, "[{label}]");
        let html = plain(&r.text().await.unwrap_or_default());
        assert_eq!(typed_quantity(&html, goods.honey), "3", "[{label}]");
        assert_eq!(typed_quantity(&html, goods.jam), "5", "[{label}]");
        assert!(html.contains("value=\"4,80\""), "[{label}] the cost stays");
        assert!(html.contains("+1 : Miel de sapin"), "[{label}]");
        assert!(html.contains("name=\"scan_mode\" value=\"1\""), "[{label}]");

        // Unknown, or not on the order: a French sentence by the field, 422.
        for (code, says) in [
            (
                UNKNOWN,
                format!("Aucun produit n’a le code-barres « {UNKNOWN} »."),
            ),
            (
                TEA,
                "« Thé des bois » ne figure pas sur cette commande.".to_owned(),
            ),
        ] {
            let r = manager
                .submit(
                    &page,
                    &action,
                    &[
                        ("location_id", "1"),
                        ("scan", code),
                        ("receive_product", &honey),
                        ("receive_quantity", "3"),
                        ("receive_unit_cost", ""),
                        ("receive_product", &jam),
                        ("receive_quantity", "5"),
                        ("receive_unit_cost", ""),
                    ],
                )
                .await;
            assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");
            let html = plain(&r.text().await.unwrap_or_default());
            assert!(
                html.contains(&format!(
                    "<p class=\"field-error\" id=\"receive-scan-error\" role=\"alert\">{says}</p>"
                )),
                "[{label}] {says}"
            );
            assert_eq!(typed_quantity(&html, goods.honey), "3", "[{label}]");
        }
        // Scanning wrote nothing.
        assert_eq!(server.stock_of(goods.honey), "0.000", "[{label}]");
        let receipts = server
            .db
            .read(|conn| movements::for_product(conn, goods.honey, 10))
            .unwrap_or_default();
        assert!(receipts.is_empty(), "[{label}] no movement yet");

        // Without a scan, the form is the receipt.
        let r = manager
            .submit(
                &page,
                &action,
                &[
                    ("location_id", "1"),
                    ("scan", ""),
                    ("receive_product", &honey),
                    ("receive_quantity", "3"),
                    ("receive_unit_cost", ""),
                    ("receive_product", &jam),
                    ("receive_quantity", "5"),
                    ("receive_unit_cost", ""),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::OK, "[{label}]");
        assert!(
            plain(&r.text().await.unwrap_or_default()).contains("Réception enregistrée"),
            "[{label}]"
        );
        assert_eq!(
            (server.stock_of(goods.honey), server.stock_of(goods.jam)),
            ("3.000".to_owned(), "5.000".to_owned()),
            "[{label}]"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn stocktake_scans_answer_a_page_or_json() {
    for server in servers() {
        let label = server.label();
        server.add_user("gerant", Role::Manager, "password-g", None);
        server.add_user("caisse", Role::Cashier, "password-c", None);
        let goods = server.scan_goods();
        let now = server.clock.now_naive();
        let count = server
            .db
            .write(|conn| stocktake::open(conn, None, None, None, now))
            .unwrap_or_else(|e| panic!("[{label}] stocktake: {e}"))
            .id;
        let counted = |product: i64| {
            server
                .db
                .read(|conn| stocktake::get(conn, count))
                .ok()
                .and_then(|st| st.lines.into_iter().find(|l| l.product_id == product))
                .and_then(|l| l.counted)
                .map(|c| c.to_api())
        };
        let page = format!("/stocktakes/{count}");
        let action = format!("{page}/scan");
        let manager = WebClient::new(&server.url);
        manager.login("gerant", "password-g").await;

        // Without JavaScript: unknown code → the page again, the sentence by the field.
        let r = manager
            .submit(&page, &action, &[("barcode", UNKNOWN)])
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");
        let html = plain(&r.text().await.unwrap_or_default());
        assert!(
            html.contains(&format!(
                "<p class=\"field-error\" id=\"stocktake-scan-error\" role=\"alert\">\
                 Aucun produit n’a le code-barres « {UNKNOWN} ».</p>"
            )),
            "[{label}] {html}"
        );
        let r = manager.submit(&page, &action, &[("barcode", "  ")]).await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");
        assert!(
            r.text()
                .await
                .unwrap_or_default()
                .contains("Scannez ou tapez un code-barres."),
            "[{label}] nothing scanned"
        );
        let r = manager.submit(&page, &action, &[("barcode", JAM)]).await;
        assert_eq!(r.status(), StatusCode::OK, "[{label}]");
        assert!(
            plain(&r.text().await.unwrap_or_default()).contains("+1 : Confiture de myrtilles"),
            "[{label}]"
        );
        assert_eq!(counted(goods.jam), Some("1.000".into()), "[{label}]");

        // Asked for JSON: the row to update, in French.
        let (_, html) = manager.page(&page).await;
        let csrf = csrf_in(&html).unwrap_or_default();
        let json_scan = |client: &WebClient, fields: Vec<(&'static str, String)>| {
            client
                .http
                .post(format!("{}{action}", server.url))
                .header(reqwest::header::ACCEPT, "application/json")
                .form(&fields)
                .send()
        };
        for n in 1..=2 {
            let r = json_scan(
                &manager,
                vec![("_csrf", csrf.clone()), ("barcode", HONEY.into())],
            )
            .await
            .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(r.status(), StatusCode::OK, "[{label}]");
            let body: serde_json::Value = r.json().await.unwrap_or_default();
            assert_eq!(body["product_id"], goods.honey, "[{label}]");
            assert_eq!(body["counted"], n.to_string(), "[{label}]");
            assert_eq!(body["difference"], format!("+{n}\u{a0}pce"), "[{label}]");
            assert_eq!(body["negative"], false, "[{label}]");
            assert_eq!(body["progress"], "2/3 comptés", "[{label}]");
            assert_eq!(body["message"], "+1\u{a0}: Miel de sapin", "[{label}]");
        }
        assert_eq!(counted(goods.honey), Some("2.000".into()), "[{label}]");

        // Refusals as the JSON error shape; nothing written.
        let r = json_scan(
            &manager,
            vec![("_csrf", csrf.clone()), ("barcode", UNKNOWN.into())],
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");
        let body: serde_json::Value = r.json().await.unwrap_or_default();
        assert_eq!(body["error"]["code"], "unprocessable", "[{label}]");
        assert_eq!(
            body["error"]["message"],
            format!("Aucun produit n’a le code-barres «\u{a0}{UNKNOWN}\u{a0}»."),
            "[{label}]"
        );
        let r = json_scan(&manager, vec![("barcode", HONEY.into())])
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(r.status(), StatusCode::FORBIDDEN, "[{label}] no CSRF field");
        let body: serde_json::Value = r.json().await.unwrap_or_default();
        assert_eq!(body["error"]["code"], "forbidden", "[{label}]");
        let cashier = WebClient::new(&server.url);
        cashier.login("caisse", "password-c").await;
        let (_, html) = cashier.page("/account").await;
        let cashier_csrf = csrf_in(&html).unwrap_or_default();
        let r = json_scan(
            &cashier,
            vec![("_csrf", cashier_csrf), ("barcode", HONEY.into())],
        )
        .await
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            r.status(),
            StatusCode::FORBIDDEN,
            "[{label}] cashiers do not count"
        );
        assert_eq!(counted(goods.honey), Some("2.000".into()), "[{label}]");
        assert_eq!(counted(goods.tea), None, "[{label}]");

        // A closed count refuses scans: 409 in JSON.
        let r = manager
            .submit(&page, &format!("{page}/validate"), &[])
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "[{label}]");
        let r = json_scan(&manager, vec![("_csrf", csrf), ("barcode", HONEY.into())])
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(r.status(), StatusCode::CONFLICT, "[{label}]");
        assert_eq!(server.stock_of(goods.honey), "2.000", "[{label}]");
    }
}
