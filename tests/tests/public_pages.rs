//! The customer's own pages, over HTTP with a real SMTP conversation: the
//! public enrolment form and its double opt-in, the account page opened by a
//! one-time link (points, details, preferences, export, erasure), the
//! unsubscribe link, a scripted flood on the form, and bad input — on SQLite
//! and PostgreSQL.

#![expect(clippy::unwrap_used, reason = "tests fail loudly")]

use comptoir_e2e::mail::{Mail, link_in, quoted_printable, sink_settings, smtp_sink};
use comptoir_e2e::{TestServer, WebClient, location};
use customers::kinds::Channel;
use db::SystemClock;
use db::schema::{customer_requests, customers as customers_table};
use diesel::prelude::*;
use reqwest::StatusCode;
use std::sync::Arc;
use std::sync::mpsc::Receiver;
use std::time::Duration;

/// The address customers reach the shop at: links must use it, whatever Host
/// a request claims.
const PUBLIC: &str = "https://boutique.example";

fn open_shop(database: db::testing::TestDatabase) -> (TestServer, Receiver<Mail>) {
    let (port, mails) = smtp_sink();
    let server = TestServer::start_configured(Arc::new(database), Arc::new(SystemClock), |c| {
        c.smtp = Some(sink_settings(port));
        c.public_url = Some(url::Url::parse(PUBLIC).unwrap());
    });
    (server, mails)
}

/// The next message: its recipients and its decoded text.
fn next_mail(mails: &Receiver<Mail>, label: &str) -> (Vec<String>, String) {
    let (rcpt, data) = mails
        .recv_timeout(Duration::from_secs(10))
        .unwrap_or_else(|e| panic!("[{label}] no e-mail: {e}"));
    (rcpt, quoted_printable(&data))
}

/// `https://boutique.example/join/confirm?t=…` as a path on the test server.
fn local_path(link: &str) -> String {
    link.strip_prefix(PUBLIC)
        .unwrap_or_else(|| panic!("{link} does not use the public address"))
        .to_owned()
}

const HELENE: &[(&str, &str)] = &[
    ("civility", "mme"),
    ("first_name", "Hélène"),
    ("last_name", "Dupont"),
    ("email", "helene.dupont@example.fr"),
    ("phone", "06 12 34 56 78"),
    ("address_line1", "3 rue des Lilas"),
    ("postcode", "75011"),
    ("city", "Paris"),
    ("birth_date", "17/05/1980"),
    ("language", "fr"),
    ("consent_email", "yes"),
    ("consent_post", "yes"),
    ("website", ""),
];

fn customers_count(server: &TestServer) -> i64 {
    server
        .db
        .read(|conn| -> Result<i64, db::DbError> {
            Ok(customers_table::table.count().get_result(conn)?)
        })
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_customer_enrols_online_confirms_and_manages_their_account() {
    for database in db::testing::databases() {
        let (server, mails) = open_shop(database);
        let label = server.label();
        let visitor = WebClient::new(&server.url);

        let (status, form) = visitor.page("/join").await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        assert!(form.contains("Carte de fidélité"), "[{label}]");
        assert!(!form.contains("checked"), "[{label}] boxes unticked");
        let sent = visitor.submit("/join", "/join", HELENE).await;
        assert_eq!(sent.status(), StatusCode::OK, "[{label}]");
        let text = sent.text().await.unwrap();
        assert!(
            text.contains("Vérifiez votre boîte e-mail"),
            "[{label}] {text}"
        );
        assert_eq!(customers_count(&server), 0, "[{label}] not before the link");

        let (rcpt, body) = next_mail(&mails, label);
        assert!(
            rcpt.iter()
                .any(|r| r.contains("<helene.dupont@example.fr>")),
            "[{label}]"
        );
        assert!(
            body.contains("Confirmez votre inscription"),
            "[{label}] {body}"
        );
        assert!(body.contains("Bonjour Hélène"), "[{label}] {body}");
        let link = link_in(&body, "/join/confirm?t=").unwrap();
        let confirm_path = local_path(&link);

        // Opening the link (as a mail scanner would) confirms nothing.
        let (status, page) = visitor.page(&confirm_path).await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        assert!(page.contains("helene.dupont@example.fr"), "[{label}]");
        assert_eq!(customers_count(&server), 0, "[{label}]");
        let secret = confirm_path.split("t=").nth(1).unwrap();
        let done = visitor
            .submit(&confirm_path, "/join/confirm", &[("t", secret)])
            .await;
        assert_eq!(done.status(), StatusCode::OK, "[{label}]");
        let done = done.text().await.unwrap();
        assert!(done.contains("Inscription confirmée"), "[{label}] {done}");
        assert!(
            done.contains("Votre carte de fidélité porte le numéro 29"),
            "[{label}]"
        );
        assert_eq!(customers_count(&server), 1, "[{label}]");
        // The link works once.
        let again = visitor.page(&confirm_path).await;
        assert_eq!(again.0, StatusCode::NOT_FOUND, "[{label}]");
        assert!(again.1.contains("plus valable"), "[{label}] {}", again.1);

        // The confirmation opened the account page.
        let (status, account) = visitor.page("/my-account").await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        assert!(account.contains("Bonjour Hélène Dupont"), "[{label}]");
        assert!(account.contains("<svg"), "[{label}] the card's barcode");
        assert!(account.contains("Vous avez 0"), "[{label}]");

        // Rectification: a bad phone is refused next to its field, nothing changes.
        let mut fields: Vec<(&str, &str)> = HELENE.to_vec();
        fields.retain(|(k, _)| !k.starts_with("consent_") && *k != "website");
        let mut bad = fields.clone();
        bad.retain(|(k, _)| *k != "phone");
        bad.push(("phone", "12"));
        let refused = visitor
            .submit("/my-account", "/my-account/details", &bad)
            .await;
        assert_eq!(
            refused.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "[{label}]"
        );
        let refused = refused.text().await.unwrap();
        assert!(refused.contains("field-phone-error"), "[{label}] {refused}");
        let mut good = fields.clone();
        good.retain(|(k, _)| *k != "city");
        good.push(("city", "Lyon"));
        good.retain(|(k, _)| *k != "postcode");
        good.push(("postcode", "69001"));
        let saved = visitor
            .submit("/my-account", "/my-account/details", &good)
            .await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER, "[{label}]");
        let (_, account) = visitor.page("/my-account").await;
        assert!(
            account.contains("Vos coordonnées sont enregistrées."),
            "[{label}]"
        );
        assert!(account.contains("value=\"Lyon\""), "[{label}]");

        // Preferences: SMS ticked, e-mail unticked.
        let saved = visitor
            .submit(
                "/my-account",
                "/my-account/consents",
                &[("consent_sms", "yes"), ("consent_post", "yes")],
            )
            .await;
        assert_eq!(saved.status(), StatusCode::SEE_OTHER, "[{label}]");
        let id: i64 = server
            .db
            .read(|conn| -> Result<i64, db::DbError> {
                Ok(customers_table::table
                    .select(customers_table::id)
                    .first(conn)?)
            })
            .unwrap();
        let current = server
            .db
            .read(move |conn| customers::consents::current(conn, id))
            .unwrap();
        assert!(!current.granted(Channel::Email), "[{label}]");
        assert!(
            current.granted(Channel::Sms) && current.granted(Channel::Post),
            "[{label}]"
        );
        assert_eq!(current.sms.unwrap().source, "account", "[{label}]");

        // Access: everything held, as JSON.
        let export = visitor.get("/my-account/export").await;
        assert_eq!(export.status(), StatusCode::OK, "[{label}]");
        let json: serde_json::Value = export.json().await.unwrap();
        assert_eq!(json["customer"]["city"], "Lyon", "[{label}] {json}");

        // Erasure: refused without the box, then done; the session ends.
        let unconfirmed = visitor
            .submit("/my-account", "/my-account/erase", &[])
            .await;
        assert_eq!(
            unconfirmed.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "[{label}]"
        );
        let erased = visitor
            .submit("/my-account", "/my-account/erase", &[("confirm", "yes")])
            .await;
        assert_eq!(erased.status(), StatusCode::OK, "[{label}]");
        assert!(
            erased.text().await.unwrap().contains("Données effacées"),
            "[{label}]"
        );
        let anonymised = server
            .db
            .read(move |conn| customers::fiche::get(conn, id))
            .unwrap();
        assert!(anonymised.anonymised_at.is_some(), "[{label}]");
        assert_eq!(anonymised.email, None, "[{label}]");
        let (status, page) = visitor.page("/my-account").await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        assert!(
            page.contains("Recevoir le lien"),
            "[{label}] asks for a link again"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_account_link_is_sent_to_known_addresses_only_and_opens_once() {
    for database in db::testing::databases() {
        let (server, mails) = open_shop(database);
        let label = server.label();
        server
            .db
            .write(|conn| {
                customers::fiche::create(
                    conn,
                    &customers::NewCustomer {
                        email: Some("jeanne@example.fr".into()),
                        ..customers::testing::new_customer("Jeanne", "Martin")
                    },
                    None,
                    customers::testing::now(),
                )
            })
            .unwrap();
        let visitor = WebClient::new(&server.url);
        let asked = visitor
            .submit(
                "/my-account",
                "/my-account/link",
                &[("email", "nobody@example.fr")],
            )
            .await;
        assert_eq!(asked.status(), StatusCode::OK, "[{label}]");
        let stranger = asked.text().await.unwrap();
        assert!(
            mails.recv_timeout(Duration::from_millis(500)).is_err(),
            "[{label}] no mail"
        );

        let asked = visitor
            .submit(
                "/my-account",
                "/my-account/link",
                &[("email", "Jeanne@Example.fr")],
            )
            .await;
        let known = asked.text().await.unwrap();
        // The same sentence either way: the page tells nobody who is a customer.
        let sentence = |html: &str| {
            html.split("<p class=\"notice\">").nth(1).map(|s| {
                s.split("</p>")
                    .next()
                    .unwrap_or("")
                    .replace("nobody@example.fr", "X")
                    .replace("Jeanne@Example.fr", "X")
            })
        };
        assert_eq!(sentence(&stranger), sentence(&known), "[{label}]");
        let (_, body) = next_mail(&mails, label);
        let link = link_in(&body, "/my-account/open?t=").unwrap();
        let path = local_path(&link);
        let secret = path.split("t=").nth(1).unwrap().to_owned();
        let (status, _) = visitor.page(&path).await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        let opened = visitor
            .submit(&path, "/my-account/open", &[("t", &secret)])
            .await;
        assert_eq!(opened.status(), StatusCode::SEE_OTHER, "[{label}]");
        assert_eq!(location(&opened), "/my-account", "[{label}]");
        let (_, page) = visitor.page("/my-account").await;
        assert!(page.contains("Bonjour Jeanne Martin"), "[{label}]");

        // Another browser cannot reuse the link.
        let thief = WebClient::new(&server.url);
        let (status, _) = thief.page(&path).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "[{label}]");
        let (status, page) = thief.page("/my-account").await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        assert!(!page.contains("Jeanne"), "[{label}]");
        let denied = thief.get("/my-account/export").await;
        assert_eq!(denied.status(), StatusCode::UNAUTHORIZED, "[{label}]");

        // Logging out ends the session.
        let out = visitor
            .submit("/my-account", "/my-account/logout", &[])
            .await;
        assert_eq!(out.status(), StatusCode::SEE_OTHER, "[{label}]");
        let (_, page) = visitor.page("/my-account").await;
        assert!(!page.contains("Bonjour Jeanne"), "[{label}]");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_scripted_flood_gets_429s_sends_few_mails_and_files_nothing() {
    for database in db::testing::databases() {
        let (server, mails) = open_shop(database);
        let label = server.label();
        let robot = WebClient::new(&server.url);
        let (_, html) = robot.page("/join").await;
        let csrf = comptoir_e2e::csrf_in(&html).unwrap();
        let mut statuses = Vec::new();
        for i in 0..30 {
            let email = format!("victim{i}@example.fr");
            let mut fields: Vec<(&str, &str)> = HELENE.to_vec();
            fields.retain(|(k, _)| *k != "email");
            fields.push(("email", &email));
            fields.push(("_csrf", &csrf));
            let answer = robot.post_raw("/join", &fields).await;
            statuses.push(answer.status());
        }
        let accepted = statuses.iter().filter(|s| **s == StatusCode::OK).count();
        let limited = statuses
            .iter()
            .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
            .count();
        assert_eq!(
            accepted as i64,
            customers::online::limits::MAX_PER_ADDRESS,
            "[{label}] {statuses:?}"
        );
        assert_eq!(accepted + limited, 30, "[{label}] {statuses:?}");
        let mut sent = 0;
        while mails.recv_timeout(Duration::from_millis(300)).is_ok() {
            sent += 1;
        }
        assert_eq!(sent, accepted, "[{label}]");
        assert_eq!(customers_count(&server), 0, "[{label}]");
        let answer = robot
            .post_raw(
                "/join",
                &[
                    ("last_name", "X"),
                    ("email", "x@example.fr"),
                    ("_csrf", &csrf),
                ],
            )
            .await;
        assert_eq!(answer.status(), StatusCode::TOO_MANY_REQUESTS, "[{label}]");
        let text = answer.text().await.unwrap();
        assert!(text.contains("Trop de demandes"), "[{label}] {text}");

        // A robot that fills the hidden field is told what people are told,
        // and nothing is sent or kept.
        let other = WebClient::new(&server.url);
        let before: i64 = server
            .db
            .read(|conn| -> Result<i64, db::DbError> {
                Ok(customer_requests::table.count().get_result(conn)?)
            })
            .unwrap();
        let mut trapped: Vec<(&str, &str)> = HELENE.to_vec();
        trapped.retain(|(k, _)| *k != "website");
        trapped.push(("website", "http://spam.example"));
        let _ = other.page("/join").await;
        let answer = other.submit("/join", "/join", &trapped).await;
        // (From the same address the limit may answer first; both send nothing.)
        assert!(
            matches!(
                answer.status(),
                StatusCode::OK | StatusCode::TOO_MANY_REQUESTS
            ),
            "[{label}]"
        );
        assert!(
            mails.recv_timeout(Duration::from_millis(500)).is_err(),
            "[{label}]"
        );
        let after: i64 = server
            .db
            .read(|conn| -> Result<i64, db::DbError> {
                Ok(customer_requests::table.count().get_result(conn)?)
            })
            .unwrap();
        assert_eq!(before, after, "[{label}]");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_input_gets_french_messages_and_nothing_is_kept() {
    for database in db::testing::databases() {
        let (server, mails) = open_shop(database);
        let label = server.label();
        let visitor = WebClient::new(&server.url);
        let with = |key: &'static str, value: &'static str| {
            let mut fields: Vec<(&str, &str)> = HELENE.to_vec();
            fields.retain(|(k, _)| *k != key);
            fields.push((key, value));
            fields
        };
        for (fields, field, message) in [
            (
                with("email", "pas-un-mail"),
                "email",
                "Adresse e-mail invalide",
            ),
            (with("email", ""), "email", "est obligatoire"),
            (with("phone", "12"), "phone", "phone"),
            (with("postcode", "7501"), "postcode", "postcode"),
            (
                with("birth_date", "32/13/1980"),
                "birth_date",
                "Date illisible",
            ),
            (with("last_name", ""), "last_name", "last_name"),
        ] {
            let answer = visitor.submit("/join", "/join", &fields).await;
            assert_eq!(
                answer.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "[{label}] {field}"
            );
            let html = answer.text().await.unwrap();
            assert!(
                html.contains(&format!("field-{field}-error")),
                "[{label}] {field}: {html}"
            );
            assert!(html.contains(message), "[{label}] {field}: {message}");
        }
        // Without the consent fields: a valid sign-up that consents to nothing.
        let mut no_boxes: Vec<(&str, &str)> = HELENE.to_vec();
        no_boxes.retain(|(k, _)| !k.starts_with("consent_"));
        // Without the CSRF field: refused.
        let forged = visitor.post_raw("/join", &no_boxes).await;
        assert!(
            forged.status().is_client_error(),
            "[{label}] {}",
            forged.status()
        );
        assert!(
            mails.recv_timeout(Duration::from_millis(300)).is_err(),
            "[{label}]"
        );
        let answer = visitor.submit("/join", "/join", &no_boxes).await;
        assert_eq!(answer.status(), StatusCode::OK, "[{label}]");
        let (_, body) = next_mail(&mails, label);
        let path = local_path(&link_in(&body, "/join/confirm?t=").unwrap());
        let secret = path.split("t=").nth(1).unwrap().to_owned();
        let done = visitor
            .submit(&path, "/join/confirm", &[("t", &secret)])
            .await;
        assert_eq!(done.status(), StatusCode::OK, "[{label}]");
        let id: i64 = server
            .db
            .read(|conn| -> Result<i64, db::DbError> {
                Ok(customers_table::table
                    .select(customers_table::id)
                    .first(conn)?)
            })
            .unwrap();
        let current = server
            .db
            .read(move |conn| customers::consents::current(conn, id))
            .unwrap();
        for channel in [Channel::Email, Channel::Sms, Channel::Post] {
            assert!(!current.granted(channel), "[{label}] {channel}");
            assert!(
                current.get(channel).is_some(),
                "[{label}] the refusal kept as proof"
            );
        }
        // Garbage links.
        for path in [
            "/join/confirm",
            "/join/confirm?t=",
            "/join/confirm?t=%00%ff",
            "/my-account/open?t=abc",
            "/unsubscribe/abc",
            "/unsubscribe/1-00",
        ] {
            let (status, page) = visitor.page(path).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "[{label}] {path}");
            assert!(page.contains("plus valable"), "[{label}] {path}");
        }
        let forged = visitor
            .submit("/my-account", "/join/confirm", &[("t", "forged")])
            .await;
        assert_eq!(forged.status(), StatusCode::NOT_FOUND, "[{label}]");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_unsubscribe_link_works_in_one_click() {
    for database in db::testing::databases() {
        let (server, _mails) = open_shop(database);
        let label = server.label();
        let at = server.clock.now_naive();
        let (id, token) = server
            .db
            .write(move |conn| -> Result<_, customers::CustomerError> {
                let c = customers::testing::customer(conn, "Paul", "Durand");
                customers::enrolment::record_boxes(
                    conn,
                    c.id,
                    customers::enrolment::Boxes {
                        email: true,
                        sms: false,
                        post: false,
                    },
                    customers::kinds::ConsentSource::Till,
                    None,
                    at,
                )?;
                Ok((c.id, customers::online::unsubscribe::token(conn, c.id, at)?))
            })
            .unwrap();
        let visitor = WebClient::new(&server.url);
        let path = format!("/unsubscribe/{token}");
        let (status, page) = visitor.page(&path).await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        assert!(page.contains("Me désabonner"), "[{label}]");
        // What a mail client sends for List-Unsubscribe-Post (RFC 8058).
        let answer = visitor
            .post_raw(&path, &[("List-Unsubscribe", "One-Click")])
            .await;
        assert_eq!(answer.status(), StatusCode::OK, "[{label}]");
        assert!(
            answer
                .text()
                .await
                .unwrap()
                .contains("vous ne recevrez plus"),
            "[{label}]"
        );
        let current = server
            .db
            .read(move |conn| customers::consents::current(conn, id))
            .unwrap();
        assert!(!current.granted(Channel::Email), "[{label}]");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn without_smtp_or_public_address_the_public_pages_are_closed() {
    for database in db::testing::databases() {
        let server = TestServer::start(Arc::new(database), Arc::new(SystemClock));
        let label = server.label();
        let visitor = WebClient::new(&server.url);
        for path in ["/join", "/my-account"] {
            let (status, page) = visitor.page(path).await;
            assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "[{label}] {path}");
            assert!(
                page.contains("demandez votre carte en caisse"),
                "[{label}] {path}"
            );
        }
        assert_eq!(customers_count(&server), 0, "[{label}]");
    }
}
