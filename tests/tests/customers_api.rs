//! The customer routes of the API, on both backends: enrolment with consents
//! and a card, refusals in French, search, the record with its figures, the
//! GDPR export and erasure, each with its role.

use comptoir_e2e::servers;
use comptoir_e2e::till::{TillApi, message};
use db::Role;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test(flavor = "multi_thread")]
async fn customers_are_enrolled_found_exported_and_erased() {
    for server in servers() {
        let label = server.label();
        let owner = TillApi::of(&server, "patronne", Role::Owner, None);
        let manager = TillApi::of(&server, "gerant", Role::Manager, None);
        let cashier = TillApi::of(&server, "camille", Role::Cashier, None);

        // A cashier enrols (at the till): a card number is given.
        let (status, helene) = cashier
            .post(
                "/api/v1/customers",
                json!({
                    "first_name": " Hélène ", "last_name": "Dupont",
                    "email": "Helene.Dupont@Example.fr", "phone": "06 12 34 56 78",
                    "address": {"line1": "4 rue des Halles", "postcode": "21000", "city": "Dijon"},
                    "consents": {"email": true, "sms": false, "post": false}
                }),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "[{label}] {helene}");
        assert_eq!(helene["first_name"], "Hélène", "[{label}] trimmed");
        assert_eq!(helene["phone"], "+33612345678", "[{label}] E.164");
        assert_eq!(
            helene["consents"],
            json!({"email": true, "sms": false, "post": false}),
            "[{label}]"
        );
        let card = helene["card_number"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        assert!(
            card.len() == 13 && card.starts_with("29"),
            "[{label}] {card}"
        );
        let id = helene["id"].as_i64().unwrap_or_default();

        // The card printed on demand at the till (a page route: the session).
        let browser = comptoir_e2e::WebClient::new(&server.url);
        browser.login("camille", "password-1").await;
        let r = browser.get(&format!("/cards/{card}/pdf")).await;
        assert_eq!(r.status(), StatusCode::OK, "[{label}]");
        assert_eq!(
            r.headers()
                .get("content-type")
                .and_then(|v| v.to_str().ok()),
            Some("application/pdf"),
            "[{label}]"
        );
        assert!(
            r.bytes().await.unwrap_or_default().starts_with(b"%PDF"),
            "[{label}]"
        );
        let r = browser.get("/cards/2900000000001/pdf").await;
        assert_eq!(r.status(), StatusCode::NOT_FOUND, "[{label}]");

        // Refusals: French, nothing written.
        for (body, needle, status) in [
            (
                json!({"first_name": "A", "last_name": "B", "email": "pas-une-adresse", "consents": {}}),
                "Adresse e-mail invalide",
                StatusCode::UNPROCESSABLE_ENTITY,
            ),
            (
                json!({"first_name": "A", "last_name": "B", "phone": "12", "consents": {}}),
                "Numéro de téléphone invalide",
                StatusCode::UNPROCESSABLE_ENTITY,
            ),
            (
                json!({"first_name": "A", "last_name": "B", "address": {"postcode": "2100"}, "consents": {}}),
                "Code postal invalide",
                StatusCode::UNPROCESSABLE_ENTITY,
            ),
            (
                json!({"first_name": "A", "last_name": "B", "consents": {}, "card_number": card}),
                "appartient à un autre client",
                StatusCode::CONFLICT,
            ),
            (
                json!({"first_name": "A", "last_name": "B", "birth_date": "31/02/1990", "consents": {}}),
                "Date invalide",
                StatusCode::UNPROCESSABLE_ENTITY,
            ),
            (
                json!({"first_name": "A", "last_name": "B", "consents": {}, "card_number": "2900000000002"}),
                "Numéro de carte invalide",
                StatusCode::UNPROCESSABLE_ENTITY,
            ),
        ] {
            let (got, answer) = cashier.post("/api/v1/customers", body.clone()).await;
            assert_eq!(got, status, "[{label}] {body} → {answer}");
            assert!(message(&answer).contains(needle), "[{label}] {answer}");
        }
        let (status, _) = cashier
            .post_text("/api/v1/customers", "{\"first_name\": ")
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "[{label}]");
        let refused_written = server
            .db
            .read(|conn| customers::fiche::search(conn, "a b", 50))
            .unwrap_or_else(|e| panic!("[{label}] {e}"))
            .iter()
            .any(|c| c.last_name.as_deref() == Some("B"));
        assert!(
            !refused_written,
            "[{label}] nothing written by the refusals"
        );

        // The file is for managers: search without accents, the record, the export.
        let (status, _) = cashier.get("/api/v1/customers?q=helene").await;
        assert_eq!(status, StatusCode::FORBIDDEN, "[{label}]");
        let (status, found) = manager.get("/api/v1/customers?q=helene").await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        assert_eq!(found["items"][0]["id"], id, "[{label}]");
        // A list reads cards and consents for the whole page at once.
        assert_eq!(found["items"][0]["card_number"], card.as_str(), "[{label}]");
        assert_eq!(
            found["items"][0]["consents"],
            json!({"email": true, "sms": false, "post": false}),
            "[{label}]"
        );
        let (_, by_words) = manager.get("/api/v1/customers?q=dup%20dijon").await;
        assert_eq!(by_words["items"][0]["id"], id, "[{label}] {by_words}");
        let (_, by_phone) = manager.get("/api/v1/customers?q=0612345678").await;
        assert_eq!(by_phone["items"][0]["id"], id, "[{label}]");
        let (status, record) = manager.get(&format!("/api/v1/customers/{id}")).await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        assert_eq!(record["stats"]["visits"], 0, "[{label}]");
        let (status, data) = manager.get(&format!("/api/v1/customers/{id}/export")).await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        assert!(
            data.to_string().contains("helene.dupont@example.fr"),
            "[{label}] {data}"
        );
        let (status, _) = cashier.get(&format!("/api/v1/customers/{id}")).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "[{label}]");
        let (status, _) = manager.get("/api/v1/customers/999999").await;
        assert_eq!(status, StatusCode::NOT_FOUND, "[{label}]");

        // Erasure: the owner only, once.
        let (status, _) = manager
            .post(&format!("/api/v1/customers/{id}/erase"), json!({}))
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "[{label}]");
        let (status, erased) = owner
            .post(&format!("/api/v1/customers/{id}/erase"), json!({}))
            .await;
        assert_eq!(status, StatusCode::OK, "[{label}] {erased}");
        assert_eq!(erased["email"], serde_json::Value::Null, "[{label}]");
        assert_eq!(erased["card_number"], serde_json::Value::Null, "[{label}]");
        let (status, again) = owner
            .post(&format!("/api/v1/customers/{id}/erase"), json!({}))
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "[{label}]");
        assert!(
            message(&again).contains("déjà anonymisé"),
            "[{label}] {again}"
        );
        let (_, found) = manager.get("/api/v1/customers?q=helene").await;
        assert_eq!(
            found["items"].as_array().map(Vec::len),
            Some(0),
            "[{label}] gone"
        );
    }
}
