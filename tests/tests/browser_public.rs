//! A customer signs up on the public form in a real headless Chromium, opens
//! the link of the e-mail (received by an SMTP sink), confirms, lands on their
//! account page with their card's barcode, and changes their preferences — on
//! SQLite and PostgreSQL.

use comptoir_e2e::TestServer;
use comptoir_e2e::browser::{Browser, click, fill, submit, submit_form, wait_for_text};
use comptoir_e2e::mail::{link_in, quoted_printable, sink_settings, smtp_sink};
use customers::kinds::Channel;
use db::SystemClock;
use fantoccini::Locator;
use std::sync::Arc;
use std::time::Duration;

const PUBLIC: &str = "https://boutique.example";

#[tokio::test(flavor = "multi_thread")]
async fn a_customer_signs_up_online_and_manages_their_preferences() {
    let browser = Browser::start().await;
    let client = &browser.client;
    for database in db::testing::databases() {
        let (port, mails) = smtp_sink();
        let server = TestServer::start_configured(Arc::new(database), Arc::new(SystemClock), |c| {
            c.smtp = Some(sink_settings(port));
            c.public_url = url::Url::parse(PUBLIC).ok();
        });
        let label = server.label();
        client.delete_all_cookies().await.ok();
        client
            .goto(&server.at("/join"))
            .await
            .unwrap_or_else(|e| panic!("[{label}] {e}"));
        wait_for_text(client, "Carte de fidélité").await;
        fill(client, "first_name", "Hélène").await;
        fill(client, "last_name", "Dupont").await;
        fill(client, "email", "helene@example.fr").await;
        fill(client, "postcode", "75011").await;
        click(client, "#consent-email").await;
        submit(client).await;
        wait_for_text(client, "Vérifiez votre boîte e-mail").await;

        let (_, data) = mails
            .recv_timeout(Duration::from_secs(10))
            .unwrap_or_else(|e| panic!("[{label}] no e-mail: {e}"));
        let link = link_in(&quoted_printable(&data), "/join/confirm?t=")
            .unwrap_or_else(|| panic!("[{label}] no link in {data}"));
        let path = link
            .strip_prefix(PUBLIC)
            .unwrap_or_else(|| panic!("[{label}] {link}"));
        client
            .goto(&server.at(path))
            .await
            .unwrap_or_else(|e| panic!("[{label}] {e}"));
        wait_for_text(client, "helene@example.fr").await;
        submit(client).await;
        wait_for_text(client, "Inscription confirmée").await;
        click(client, "main a.button").await;
        wait_for_text(client, "Bonjour Hélène Dupont").await;
        assert!(
            client.find(Locator::Css(".card-barcode svg")).await.is_ok(),
            "[{label}] the card's barcode"
        );

        // E-mail withdrawn, SMS granted, from the account page.
        click(client, "#consent-email").await;
        click(client, "#consent-sms").await;
        submit_form(client, "/my-account/consents").await;
        wait_for_text(client, "Vos préférences sont enregistrées.").await;
        let current = server
            .db
            .read(|conn| -> Result<_, customers::CustomerError> {
                let id = customers::fiche::search(conn, "helene@example.fr", 1)?
                    .first()
                    .map(|c| c.id)
                    .unwrap_or_default();
                customers::consents::current(conn, id)
            })
            .unwrap_or_else(|e| panic!("[{label}] {e}"));
        assert!(!current.granted(Channel::Email), "[{label}]");
        assert!(current.granted(Channel::Sms), "[{label}]");
    }
    browser.close().await;
}
