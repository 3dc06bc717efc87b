//! The JSON API: bearer tokens, the error shape, roles, the OpenAPI document.

use comptoir_e2e::servers;
use db::Role;
use reqwest::StatusCode;
use serde_json::{Value, json};

async fn error_of(response: reqwest::Response) -> (StatusCode, String, String) {
    let status = response.status();
    let body: Value = response.json().await.unwrap_or(Value::Null);
    let code = body["error"]["code"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    let message = body["error"]["message"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(!message.is_empty(), "every error has a message: {body}");
    (status, code, message)
}

#[tokio::test(flavor = "multi_thread")]
async fn health_names_the_backend() {
    for server in servers() {
        let body: Value = reqwest::get(server.at("/health"))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(body, json!({"status": "ok", "database": server.label()}));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn tokens_open_the_api_and_roles_limit_it() {
    for server in servers() {
        let label = server.label();
        let owner = server.add_user("owner", Role::Owner, "password-o", None);
        let cashier = server.add_user("caisse", Role::Cashier, "password-c", None);
        let owner_token = server.token(&owner);
        let cashier_token = server.token(&cashier);
        let http = reqwest::Client::new();
        let me = server.at("/api/v1/me");

        let (status, code, message) = error_of(http.get(&me).send().await.unwrap()).await;
        assert_eq!(
            (status, code.as_str()),
            (StatusCode::UNAUTHORIZED, "unauthorized"),
            "[{label}]"
        );
        assert!(message.contains("Bearer"), "[{label}]");
        let (status, _, _) =
            error_of(http.get(&me).bearer_auth("cpt_nope").send().await.unwrap()).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "[{label}]");
        let (status, _, _) = error_of(
            http.get(&me)
                .header("Authorization", "Basic abc")
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "[{label}]");

        let body: Value = http
            .get(&me)
            .bearer_auth(&cashier_token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(body["username"], "caisse", "[{label}]");
        assert_eq!(body["role"], "cashier", "[{label}]");

        // Cashiers do not read the staff list; the owner does.
        let users = server.at("/api/v1/users");
        let (status, code, _) = error_of(
            http.get(&users)
                .bearer_auth(&cashier_token)
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(
            (status, code.as_str()),
            (StatusCode::FORBIDDEN, "forbidden"),
            "[{label}]"
        );
        let list: Value = http
            .get(&users)
            .bearer_auth(&owner_token)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(list["items"].as_array().map(Vec::len), Some(2), "[{label}]");

        // The role is checked before the body is read.
        let r = http
            .post(&users)
            .bearer_auth(&cashier_token)
            .header("Content-Type", "application/json")
            .body("{not json")
            .send()
            .await
            .unwrap();
        assert_eq!(
            r.status(),
            StatusCode::FORBIDDEN,
            "[{label}] role first, body after"
        );

        // Creating: bad input is a 4xx in the JSON shape, never a 500.
        let post = |body: String| {
            http.post(&users)
                .bearer_auth(&owner_token)
                .header("Content-Type", "application/json")
                .body(body)
                .send()
        };
        let (status, code, _) = error_of(post("{\"username\": ".into()).await.unwrap()).await;
        assert_eq!(
            (status, code.as_str()),
            (StatusCode::BAD_REQUEST, "bad_request"),
            "[{label}] malformed JSON"
        );
        let (status, _, _) = error_of(
            post(json!({"username": "x1", "role": "boss", "password": "password-1"}).to_string())
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "[{label}] unknown role");
        let (status, code, message) = error_of(
            post(
                json!({"username": "nouveau", "role": "cashier", "password": "court"}).to_string(),
            )
            .await
            .unwrap(),
        )
        .await;
        assert_eq!(
            (status, code.as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, "unprocessable"),
            "[{label}]"
        );
        assert!(message.contains("8 caractères"), "[{label}] {message}");
        let (status, code, _) = error_of(
            post(
                json!({"username": "CAISSE", "role": "cashier", "password": "password-2"})
                    .to_string(),
            )
            .await
            .unwrap(),
        )
        .await;
        assert_eq!(
            (status, code.as_str()),
            (StatusCode::CONFLICT, "conflict"),
            "[{label}]"
        );
        let created = post(json!({"username": "nouveau", "display_name": "Nouveau Venu", "role": "manager", "password": "password-n", "pin": "1357"}).to_string()).await.unwrap();
        assert_eq!(created.status(), StatusCode::CREATED, "[{label}]");
        let created: Value = created.json().await.unwrap();
        assert_eq!(created["role"], "manager", "[{label}]");
        assert_eq!(created["has_pin"], true, "[{label}]");
        assert!(created["id"].as_i64().is_some(), "[{label}]");

        // English when asked.
        let r = http
            .get(&me)
            .header("Accept-Language", "en")
            .send()
            .await
            .unwrap();
        let (_, _, message) = error_of(r).await;
        assert!(
            message.starts_with("Authentication required"),
            "[{label}] {message}"
        );

        // Unknown API routes answer in the JSON shape too.
        let (status, code, _) = error_of(
            http.get(server.at("/api/v1/nothing"))
                .bearer_auth(&owner_token)
                .send()
                .await
                .unwrap(),
        )
        .await;
        assert_eq!(
            (status, code.as_str()),
            (StatusCode::NOT_FOUND, "not_found"),
            "[{label}]"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_openapi_document_describes_the_routes() {
    for server in servers() {
        let doc: Value = reqwest::get(server.at("/api/v1/openapi.json"))
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert!(
            doc["openapi"]
                .as_str()
                .unwrap_or_default()
                .starts_with("3.")
        );
        for path in ["/health", "/api/v1/me", "/api/v1/users"] {
            assert!(
                doc["paths"][path].is_object(),
                "{path} missing from the document"
            );
        }
        assert_eq!(
            doc["components"]["securitySchemes"]["bearer"]["scheme"],
            "bearer"
        );
    }
}
