//! Not a check: takes screenshots of the pages for a person to look at.
//! `cargo test -p comptoir-e2e --test screenshots -- --ignored` writes them to
//! `target/screenshots/`.

use comptoir_e2e::TestServer;
use comptoir_e2e::browser::{Browser, fill, submit, wait_for_text};
use db::{Role, SystemClock};
use std::sync::Arc;

#[tokio::test(flavor = "multi_thread")]
#[ignore = "writes screenshots for people to look at"]
async fn screenshots_of_the_pages() {
    let out = format!("{}/../target/screenshots", env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir_all(&out).unwrap();
    let database = db::testing::databases().remove(0);
    let server = TestServer::start(Arc::new(database), Arc::new(SystemClock));
    let browser = Browser::start().await;
    let client = &browser.client;
    let shot = |name: &'static str| {
        let out = out.clone();
        async move {
            let png = client.screenshot().await.unwrap();
            std::fs::write(format!("{out}/{name}.png"), png).unwrap();
        }
    };
    client
        .goto(&server.at(server.setup_path.as_deref().unwrap()))
        .await
        .unwrap();
    shot("setup").await;
    server.add_user("marie", Role::Owner, "radium-1898", None);
    server.add_user("lea", Role::Cashier, "password-l", Some("2580"));
    server.add_user("paul", Role::Manager, "password-p", Some("1234"));
    client.goto(&server.at("/login")).await.unwrap();
    shot("login").await;
    client.goto(&server.at("/login/pin")).await.unwrap();
    shot("login-pin").await;
    client.goto(&server.at("/login")).await.unwrap();
    fill(client, "username", "marie").await;
    fill(client, "password", "radium-1898").await;
    submit(client).await;
    wait_for_text(client, "Tableau de bord").await;
    shot("dashboard-owner").await;
    client.goto(&server.at("/users")).await.unwrap();
    shot("users").await;
    client.goto(&server.at("/users/2")).await.unwrap();
    shot("user-edit").await;
    client.goto(&server.at("/account")).await.unwrap();
    shot("account").await;
    let now = server.clock.now_naive();
    server
        .db
        .write(|conn| inventory::demo::fill(conn, now, &mut |_| {}))
        .unwrap();
    for (path, name) in [
        ("/products", "products"),
        ("/products/1", "product"),
        ("/products/new", "product-new"),
        ("/suppliers/1", "supplier"),
        ("/purchase-orders/1", "order-received"),
        ("/purchase-orders/3", "order-draft"),
    ] {
        client.goto(&server.at(path)).await.unwrap();
        shot(name).await;
    }
    // The till with yesterday's demo sales, a session open and a basket scanned.
    let owner = server
        .db
        .read(|conn| db::accounts::users::find_by_username(conn, "marie"))
        .unwrap()
        .unwrap();
    let codes: Vec<String> = server
        .db
        .write(|conn| -> Result<Vec<String>, sales::SalesError> {
            sales::demo::fill(conn, now, owner.id)?;
            sales::sessions::open(conn, "T01", db::Money::from_cents(15_000), owner.id, now)?;
            let found = inventory::catalogue::products::search(
                conn,
                &inventory::catalogue::products::Search {
                    limit: 4,
                    ..Default::default()
                },
            )?;
            Ok(found
                .into_iter()
                .filter_map(|p| p.barcodes.first().cloned())
                .collect())
        })
        .unwrap();
    client.goto(&server.at("/till/T01")).await.unwrap();
    let field = client.active_element().await.unwrap();
    for code in codes.iter().chain(codes.first()) {
        field
            .send_keys(&comptoir_e2e::browser::scanned(code))
            .await
            .unwrap();
    }
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    shot("till").await;
    client.goto(&server.at("/till/T01/report")).await.unwrap();
    shot("till-x-report").await;
    client.goto(&server.at("/nowhere")).await.unwrap();
    shot("not-found").await;
    browser.close().await;
}
