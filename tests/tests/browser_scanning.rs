//! In a real headless Chromium, scanning as a scanner types (digits then Enter,
//! many in a row without waiting): an order received by scanning, a stocktake
//! counted without a reload.

use comptoir_e2e::browser::{
    Browser, fill, scanned, submit, submit_form, value_of, wait_for_text, wait_for_value,
};
use comptoir_e2e::goods::{HONEY, JAM, UNKNOWN};
use comptoir_e2e::{TestServer, servers};
use db::Role;
use fantoccini::{Client, Locator};
use inventory::stock::{MovementKind, movements};
use inventory::stocktake;

async fn sign_in(client: &Client, server: &TestServer) {
    client.delete_all_cookies().await.ok();
    server.add_user("gerant", Role::Manager, "password-g", None);
    client
        .goto(&server.at("/login"))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    fill(client, "username", "gerant").await;
    fill(client, "password", "password-g").await;
    submit(client).await;
    wait_for_text(client, "Tableau de bord").await;
}

/// Marks the page, to see later that it was not reloaded.
async fn mark_page(client: &Client) {
    client
        .execute("window.comptoirMark = 'still here'; return null;", vec![])
        .await
        .unwrap_or_else(|e| panic!("{e}"));
}

async fn page_marked(client: &Client) -> bool {
    client
        .execute("return window.comptoirMark === 'still here';", vec![])
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

#[tokio::test(flavor = "multi_thread")]
async fn an_order_is_received_by_scanning() {
    let browser = Browser::start().await;
    let client = &browser.client;
    for server in servers() {
        let label = server.label();
        let goods = server.scan_goods();
        sign_in(client, &server).await;
        client
            .goto(&server.at(&format!("/purchase-orders/{}", goods.order)))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        wait_for_text(client, "Réception par scan").await;
        let honey_qty = format!(
            "tr[data-product-id='{}'] input[name='receive_quantity']",
            goods.honey
        );
        let jam_qty = format!(
            "tr[data-product-id='{}'] input[name='receive_quantity']",
            goods.jam
        );
        assert_eq!(
            value_of(client, &honey_qty).await,
            "10",
            "[{label}] prefilled"
        );

        // Counting from 0, in the page.
        mark_page(client).await;
        client
            .find(Locator::Css("#receive-mode-scan"))
            .await
            .unwrap_or_else(|e| panic!("{e}"))
            .click()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(value_of(client, &honey_qty).await, "0", "[{label}]");
        assert_eq!(value_of(client, &jam_qty).await, "0", "[{label}]");

        // The scan field has the focus: keys go straight to it, one scan after
        // another without waiting.
        let field = client
            .active_element()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            field.attr("id").await.ok().flatten().as_deref(),
            Some("receive-scan"),
            "[{label}] the scan field is focused"
        );
        for code in [HONEY, JAM, HONEY, HONEY, JAM, HONEY] {
            field
                .send_keys(&scanned(code))
                .await
                .unwrap_or_else(|e| panic!("{e}"));
        }
        // And a burst in one go, as a fast scanner sends it.
        let burst = [HONEY, JAM, HONEY].map(scanned).concat();
        field
            .send_keys(&burst)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            wait_for_value(client, &honey_qty, "6").await,
            "6",
            "[{label}] every honey scan counted"
        );
        assert_eq!(
            value_of(client, &jam_qty).await,
            "3",
            "[{label}] every jam scan counted"
        );
        assert_eq!(
            value_of(client, "#receive-scan").await,
            "",
            "[{label}] cleared"
        );
        let text = wait_for_text(client, "+1").await;
        assert!(
            text.replace('\u{a0}', " ").contains("+1 : Miel de sapin"),
            "[{label}] {text}"
        );

        // An unknown code: a French sentence by the field, nothing counted.
        field
            .send_keys(&scanned(UNKNOWN))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let text = wait_for_text(client, "Aucun article de cette commande").await;
        assert!(
            text.replace('\u{a0}', " ").contains(&format!(
                "Aucun article de cette commande n’a le code-barres « {UNKNOWN} »."
            )),
            "[{label}] {text}"
        );
        let invalid = client
            .find(Locator::Css("#receive-scan"))
            .await
            .unwrap_or_else(|e| panic!("{e}"))
            .attr("aria-invalid")
            .await
            .ok()
            .flatten();
        assert_eq!(invalid.as_deref(), Some("true"), "[{label}] visual cue");
        assert_eq!(value_of(client, &honey_qty).await, "6", "[{label}]");
        assert!(page_marked(client).await, "[{label}] no reload");
        assert_eq!(server.stock_of(goods.honey), "0.000", "[{label}]");

        // The receipt: stock rises by exactly the number of scans.
        client
            .find(Locator::Css("#receive-submit"))
            .await
            .unwrap_or_else(|e| panic!("{e}"))
            .click()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        wait_for_text(client, "Réception enregistrée").await;
        assert_eq!(
            (server.stock_of(goods.honey), server.stock_of(goods.jam)),
            ("6.000".to_owned(), "3.000".to_owned()),
            "[{label}]"
        );
    }
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_stocktake_is_scanned_without_reloads() {
    let browser = Browser::start().await;
    let client = &browser.client;
    for server in servers() {
        let label = server.label();
        let goods = server.scan_goods();
        let now = server.clock.now_naive();
        let count = server
            .db
            .write(|conn| -> Result<i64, inventory::InventoryError> {
                movements::adjust(
                    conn,
                    goods.honey,
                    None,
                    db::Quantity::from_units(2),
                    "départ",
                    None,
                    now,
                )?;
                Ok(stocktake::open(conn, None, None, None, now)?.id)
            })
            .unwrap_or_else(|e| panic!("[{label}] stocktake: {e}"));
        sign_in(client, &server).await;
        client
            .goto(&server.at(&format!("/stocktakes/{count}")))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        wait_for_text(client, "0/3 comptés").await;
        mark_page(client).await;

        let field = client
            .active_element()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            field.attr("id").await.ok().flatten().as_deref(),
            Some("stocktake-scan"),
            "[{label}] the scan field is focused"
        );
        for _ in 0..5 {
            field
                .send_keys(&scanned(HONEY))
                .await
                .unwrap_or_else(|e| panic!("{e}"));
        }
        let counted = format!(
            "tr[data-product-id='{}'] input[name='count_quantity']",
            goods.honey
        );
        assert_eq!(
            wait_for_value(client, &counted, "5").await,
            "5",
            "[{label}] five scans, five counted"
        );
        let text = wait_for_text(client, "1/3 comptés").await;
        let row = client
            .find(Locator::Css(&format!(
                "tr[data-product-id='{}']",
                goods.honey
            )))
            .await
            .unwrap_or_else(|e| panic!("{e}"))
            .text()
            .await
            .unwrap_or_default()
            .replace('\u{a0}', " ");
        assert!(row.contains("+3 pce"), "[{label}] the difference: {row}");
        assert!(
            text.replace('\u{a0}', " ").contains("+1 : Miel de sapin"),
            "[{label}]"
        );
        assert!(page_marked(client).await, "[{label}] no reload");
        let saved = server
            .db
            .read(|conn| stocktake::get(conn, count))
            .ok()
            .and_then(|st| st.lines.into_iter().find(|l| l.product_id == goods.honey))
            .and_then(|l| l.counted)
            .map(|c| c.to_api());
        assert_eq!(saved.as_deref(), Some("5.000"), "[{label}] all saved");

        // An unknown code: the server's sentence by the field.
        field
            .send_keys(&scanned(UNKNOWN))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let text = wait_for_text(client, "Aucun produit").await;
        assert!(
            text.replace('\u{a0}', " ")
                .contains(&format!("Aucun produit n’a le code-barres « {UNKNOWN} ».")),
            "[{label}] {text}"
        );

        // Validated: the stocktake movement brings the stock to what was counted.
        submit_form(client, "/validate").await;
        wait_for_text(client, "Inventaire validé").await;
        let last = server
            .db
            .read(|conn| movements::for_product(conn, goods.honey, 1))
            .unwrap_or_default();
        assert_eq!(
            last.first()
                .map(|m| (m.kind, m.quantity.to_api()))
                .unwrap_or((MovementKind::Sale, String::new())),
            (MovementKind::Stocktake, "3.000".to_owned()),
            "[{label}]"
        );
        assert_eq!(server.stock_of(goods.honey), "5.000", "[{label}]");
        client
            .goto(&server.at(&format!("/products/{}", goods.honey)))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        wait_for_text(client, "Mouvements de stock").await;
        let mut rows = Vec::new();
        for row in client
            .find_all(Locator::Css("main table tbody tr"))
            .await
            .unwrap_or_default()
        {
            rows.push(row.text().await.unwrap_or_default());
        }
        assert!(
            rows.iter()
                .any(|row| row.contains("Inventaire") && row.contains("+3")),
            "[{label}] the movement shows: {rows:?}"
        );
    }
    browser.close().await;
}
