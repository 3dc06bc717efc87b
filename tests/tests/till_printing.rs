//! Receipts leaving the till, on both backends: ESC/POS bytes to a fake
//! printer on 127.0.0.1 (original, DUPLICATA, a printer that is off), and an
//! e-mail to a tiny SMTP sink.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use comptoir_e2e::TestServer;
use comptoir_e2e::mail::{quoted_printable, sink_settings, smtp_sink};
use comptoir_e2e::till::{HONEY_CODE, TillApi, honey_sale, message, sale, sale_id};
use db::{Role, SystemClock};
use reqwest::StatusCode;
use serde_json::json;
use std::io::Read;
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};
use std::thread;
use std::time::Duration;

/// A receipt printer on `listener`: every connection's bytes, read to the end.
fn fake_printer(listener: TcpListener) -> Receiver<Vec<u8>> {
    let (tx, rx) = channel();
    thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let mut bytes = Vec::new();
            stream
                .set_read_timeout(Some(Duration::from_secs(10)))
                .unwrap();
            let _ = stream.read_to_end(&mut bytes);
            if tx.send(bytes).is_err() {
                return;
            }
        }
    });
    rx
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The owner and a cashier; till `code` on `printer`, opened; honey to sell.
async fn till_on(server: &TestServer, printer: &str) -> TillApi {
    let owner = TillApi::of(server, "patronne", Role::Owner, None);
    let cashier = TillApi::of(server, "camille", Role::Cashier, None);
    server.till_goods();
    owner.create_till("T01", Some(printer)).await;
    cashier.open_session("T01", "100.00").await;
    cashier
}

#[tokio::test(flavor = "multi_thread")]
async fn receipts_reach_the_printer_and_reprints_are_duplicates() {
    for database in db::testing::databases() {
        let server = TestServer::start(Arc::new(database), Arc::new(SystemClock));
        let label = server.label();
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let printed = fake_printer(listener);
        let cashier = till_on(&server, &format!("tcp://127.0.0.1:{port}")).await;

        let id = sale_id();
        let (status, ticket) = cashier.sell(&honey_sale(&id, "T01")).await;
        assert_eq!(status, StatusCode::CREATED, "[{label}] {ticket}");
        let print = format!("/api/v1/sales/{id}/print");
        let (status, answer) = cashier.post(&print, json!({})).await;
        assert_eq!(status, StatusCode::OK, "[{label}] {answer}");
        assert_eq!(answer, json!({"printed": true, "copy": 0}), "[{label}]");
        let bytes = printed.recv_timeout(Duration::from_secs(10)).unwrap();
        assert!(bytes.starts_with(&[0x1b, b'@']), "[{label}] ESC @ first");
        for (what, needle) in [
            ("code page WPC1252", &[0x1b, b't', 16][..]),
            ("shop name", b"Ma boutique"),
            ("total", b"TOTAL"),
            ("reference", b"T01-000001"),
            ("cut", &[0x1d, b'V']),
            ("drawer kick", &[0x1b, b'p', 0]),
        ] {
            assert!(contains(&bytes, needle), "[{label}] {what}");
        }
        assert!(!contains(&bytes, b"DUPLICATA"), "[{label}]");

        let (status, answer) = cashier.post(&print, json!({})).await;
        assert_eq!(status, StatusCode::OK, "[{label}] {answer}");
        assert_eq!(answer["copy"], 1, "[{label}]");
        let bytes = printed.recv_timeout(Duration::from_secs(10)).unwrap();
        assert!(contains(&bytes, b"DUPLICATA"), "[{label}]");
        assert!(
            !contains(&bytes, &[0x1b, b'p', 0]),
            "[{label}] a duplicate opens no drawer"
        );

        // A card sale opens no drawer.
        let card = sale_id();
        cashier
            .sell(&sale(
                &card,
                "T01",
                json!([{"barcode": HONEY_CODE}]),
                json!([{"method": "card", "amount": "8.90"}]),
            ))
            .await;
        let (status, _) = cashier
            .post(&format!("/api/v1/sales/{card}/print"), json!({}))
            .await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        let bytes = printed.recv_timeout(Duration::from_secs(10)).unwrap();
        assert!(!contains(&bytes, &[0x1b, b'p', 0]), "[{label}]");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_printer_that_is_off_loses_no_sale() {
    for database in db::testing::databases() {
        let server = TestServer::start(Arc::new(database), Arc::new(SystemClock));
        let label = server.label();
        // A port nobody listens on (until later).
        let port = {
            let listener = TcpListener::bind("127.0.0.1:0").unwrap();
            listener.local_addr().unwrap().port()
        };
        let cashier = till_on(&server, &format!("tcp://127.0.0.1:{port}")).await;
        let id = sale_id();
        let (status, ticket) = cashier.sell(&honey_sale(&id, "T01")).await;
        assert_eq!(status, StatusCode::CREATED, "[{label}] {ticket}");

        let print = format!("/api/v1/sales/{id}/print");
        let (status, refused) = cashier.post(&print, json!({})).await;
        assert_eq!(
            status,
            StatusCode::SERVICE_UNAVAILABLE,
            "[{label}] {refused}"
        );
        let text = message(&refused);
        assert!(
            text.starts_with("Impression impossible (")
                && text.ends_with(
                    "La vente est enregistrée : réimprimez quand l’imprimante est prête."
                ),
            "[{label}] {text}"
        );
        let (status, kept) = cashier.get(&format!("/api/v1/sales/{id}")).await;
        assert_eq!((status, &kept), (StatusCode::OK, &ticket), "[{label}]");

        // The printer is back: the print is the original, drawer and all.
        let printed = fake_printer(TcpListener::bind(("127.0.0.1", port)).unwrap());
        let (status, answer) = cashier.post(&print, json!({})).await;
        assert_eq!(status, StatusCode::OK, "[{label}] {answer}");
        assert_eq!(answer, json!({"printed": true, "copy": 0}), "[{label}]");
        let bytes = printed.recv_timeout(Duration::from_secs(10)).unwrap();
        assert!(contains(&bytes, b"T01-000001"), "[{label}]");
        assert!(!contains(&bytes, b"DUPLICATA"), "[{label}]");

        // A till without a printer says so.
        let owner = TillApi::of(&server, "gerante", Role::Owner, None);
        owner.create_till("T02", None).await;
        cashier.open_session("T02", "50.00").await;
        let other = sale_id();
        cashier.sell(&honey_sale(&other, "T02")).await;
        let (status, refused) = cashier
            .post(&format!("/api/v1/sales/{other}/print"), json!({}))
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "[{label}] {refused}");
        assert_eq!(
            message(&refused),
            "La caisse T02 n’a pas d’imprimante.",
            "[{label}]"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn receipts_are_emailed_when_smtp_is_configured() {
    for database in db::testing::databases() {
        let (port, mails) = smtp_sink();
        let server = TestServer::start_configured(Arc::new(database), Arc::new(SystemClock), |c| {
            c.smtp = Some(sink_settings(port));
        });
        let label = server.label();
        let cashier = till_on(&server, "file:/dev/null").await;
        let id = sale_id();
        cashier.sell(&honey_sale(&id, "T01")).await;
        let path = format!("/api/v1/sales/{id}/email");

        let (status, answer) = cashier
            .post(&path, json!({"address": "jeanne.dupont@example.fr"}))
            .await;
        assert_eq!(status, StatusCode::OK, "[{label}] {answer}");
        assert_eq!(answer, json!({"sent": true}), "[{label}]");
        let (rcpt, data) = mails.recv_timeout(Duration::from_secs(10)).unwrap();
        assert!(
            rcpt.iter()
                .any(|r| r.contains("<jeanne.dupont@example.fr>")),
            "[{label}] {rcpt:?}"
        );
        let body = quoted_printable(&data);
        for needle in [
            "jeanne.dupont@example.fr",
            "Ma boutique",
            "T01-000001",
            "Miel de lavande",
            "TOTAL TTC",
        ] {
            assert!(body.contains(needle), "[{label}] {needle:?} in {data}");
        }

        let (status, refused) = cashier
            .post(&path, json!({"address": "jeanne.dupont"}))
            .await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "[{label}] {refused}"
        );
        assert_eq!(
            message(&refused),
            "Adresse e-mail invalide : « jeanne.dupont ».",
            "[{label}]"
        );
        assert!(mails.try_recv().is_err(), "[{label}] nothing sent");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn without_smtp_no_receipt_is_emailed() {
    for database in db::testing::databases() {
        let server = TestServer::start(Arc::new(database), Arc::new(SystemClock));
        let label = server.label();
        let cashier = till_on(&server, "file:/dev/null").await;
        let id = sale_id();
        cashier.sell(&honey_sale(&id, "T01")).await;
        let (status, refused) = cashier
            .post(
                &format!("/api/v1/sales/{id}/email"),
                json!({"address": "jeanne.dupont@example.fr"}),
            )
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "[{label}] {refused}");
        assert_eq!(
            message(&refused),
            "L’envoi d’e-mails n’est pas configuré (réglages SMTP au démarrage).",
            "[{label}]"
        );
    }
}
