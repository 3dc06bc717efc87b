//! In a real headless Chromium: a manager creates a product, finds it by typing
//! its barcode, orders it, receives the order and sees the stock rise.

use comptoir_e2e::browser::{Browser, fill, submit, submit_form, wait_for_text};
use comptoir_e2e::servers;
use db::Role;
use fantoccini::Locator;
use fantoccini::key::Key;
use inventory::suppliers::{self, SupplierInput};

#[tokio::test(flavor = "multi_thread")]
async fn a_product_is_created_found_by_barcode_ordered_and_received() {
    let browser = Browser::start().await;
    let client = &browser.client;
    for server in servers() {
        let label = server.label();
        client.delete_all_cookies().await.ok();
        server.add_user("gerant", Role::Manager, "password-g", None);
        let now = server.clock.now_naive();
        let supplier = server
            .db
            .write(|conn| {
                let input = SupplierInput {
                    name: "Les Ruchers du Morvan".into(),
                    ..SupplierInput::default()
                };
                suppliers::create(conn, &input, None, now)
            })
            .unwrap_or_else(|e| panic!("[{label}] supplier: {e}"));

        client
            .goto(&server.at("/login"))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        fill(client, "username", "gerant").await;
        fill(client, "password", "password-g").await;
        submit(client).await;
        wait_for_text(client, "Tableau de bord").await;

        // A new product.
        client
            .goto(&server.at("/products/new"))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        wait_for_text(client, "Nouveau produit").await;
        fill(client, "name", "Miel de sapin des Vosges").await;
        fill(client, "barcodes", "3760170000015").await;
        fill(client, "price", "9,90").await;
        fill(client, "category", "Épicerie > Miels").await;
        submit_form(client, "/products").await;
        let text = wait_for_text(client, "Miel de sapin des Vosges").await;
        assert!(text.contains("9,90"), "[{label}] {text}");

        // Found by typing its barcode, as a scanner types it (digits, then Enter).
        client
            .goto(&server.at("/products"))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let search = client
            .find(Locator::Css("#product-search"))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        search
            .send_keys("3760170000015")
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        wait_for_text(client, "Miel de sapin des Vosges").await;
        search
            .send_keys(&Key::Enter.to_string())
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        for _ in 0..100 {
            let path = client
                .current_url()
                .await
                .map(|u| u.path().to_owned())
                .unwrap_or_default();
            if path.starts_with("/products/") && path != "/products/" {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        let product_path = client
            .current_url()
            .await
            .map(|u| u.path().to_owned())
            .unwrap_or_default();
        assert!(
            product_path.starts_with("/products/"),
            "[{label}] Enter opens the product: {product_path}"
        );

        // Ordered from the supplier, then received.
        client
            .goto(&server.at(&format!("/purchase-orders/new?supplier={}", supplier.id)))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        wait_for_text(client, "Les Ruchers du Morvan").await;
        fill(client, "line_product", "3760170000015").await;
        fill(client, "line_quantity", "12").await;
        fill(client, "line_unit_cost", "5,10").await;
        submit_form(client, "/purchase-orders").await;
        wait_for_text(client, "CF-").await;
        submit_form(client, "/receive").await;
        wait_for_text(client, "Reçue").await;

        client
            .goto(&server.at(&product_path))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let text = wait_for_text(client, "Réception").await;
        assert!(text.contains("12"), "[{label}] the stock rose: {text}");
    }
    browser.close().await;
}
