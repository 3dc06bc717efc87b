//! The catalogue, stock and purchasing API of DESIGN.md, on both backends.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use comptoir_e2e::{TestServer, servers};
use db::Role;
use reqwest::{Client, StatusCode};
use serde_json::{Value, json};

struct Api<'a> {
    server: &'a TestServer,
    http: Client,
    token: String,
}

impl Api<'_> {
    async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut request = self
            .http
            .request(method, self.server.at(path))
            .bearer_auth(&self.token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.unwrap();
        let status = response.status();
        (status, response.json().await.unwrap_or(Value::Null))
    }
    async fn get(&self, path: &str) -> (StatusCode, Value) {
        self.send(reqwest::Method::GET, path, None).await
    }
    async fn post(&self, path: &str, body: Value) -> (StatusCode, Value) {
        self.send(reqwest::Method::POST, path, Some(body)).await
    }
    async fn put(&self, path: &str, body: Value) -> (StatusCode, Value) {
        self.send(reqwest::Method::PUT, path, Some(body)).await
    }
    async fn patch(&self, path: &str, body: Value) -> (StatusCode, Value) {
        self.send(reqwest::Method::PATCH, path, Some(body)).await
    }
}

fn api<'a>(server: &'a TestServer, name: &str, role: Role) -> Api<'a> {
    let user = server.add_user(name, role, "password-1", None);
    Api {
        server,
        http: Client::new(),
        token: server.token(&user),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn products_are_created_found_changed_and_their_stock_moves() {
    for server in servers() {
        let label = server.label();
        let manager = api(&server, "gerant", Role::Manager);
        let cashier = api(&server, "caisse", Role::Cashier);

        let (status, jam) = manager
            .post(
                "/api/v1/products",
                json!({
                    "name": "Confiture de fraise", "barcode": "3608580758686", "price": "4.95",
                    "vat_rate": "5.5", "unit": "piece", "category": "Épicerie > Confitures",
                    "cost": "2.10", "reorder_level": "6"
                }),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "[{label}] {jam}");
        let id = jam["id"].as_i64().unwrap();
        assert_eq!(jam["price"], "4.95", "[{label}]");
        assert_eq!(jam["vat_rate"], "5.5", "[{label}]");
        assert_eq!(jam["stock"], "0.000", "[{label}]");
        assert_eq!(jam["cost"], "2.10", "[{label}]");
        assert_eq!(jam["category"], "Épicerie > Confitures", "[{label}]");

        // The cashier finds it by barcode, without its cost.
        let (status, found) = cashier.get("/api/v1/products?barcode=3608580758686").await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        assert_eq!(found["items"][0]["id"], id, "[{label}]");
        assert!(
            found["items"][0].get("cost").is_none(),
            "[{label}] cashiers see no costs"
        );
        let (_, found) = cashier.get("/api/v1/products?q=FRAISE").await;
        assert_eq!(
            found["items"].as_array().map(Vec::len),
            Some(1),
            "[{label}]"
        );
        let (status, _) = cashier
            .post(
                "/api/v1/products",
                json!({"name": "x", "price": "1", "vat_rate": "20"}),
            )
            .await;
        assert_eq!(
            status,
            StatusCode::FORBIDDEN,
            "[{label}] cashiers change nothing"
        );

        // A scale label finds its product with the weight it carries.
        let (_, comte) = manager
            .post("/api/v1/products", json!({"name": "Comté", "barcode": "2100042", "price": "28.90", "vat_rate": "5.5", "unit": "kg"}))
            .await;
        let (_, scanned) = cashier.get("/api/v1/products?barcode=2100042012509").await;
        assert_eq!(
            scanned["items"][0]["id"], comte["id"],
            "[{label}] {scanned}"
        );
        assert_eq!(
            scanned["items"][0]["scanned_quantity"], "1.250",
            "[{label}]"
        );

        // Stock moves by adjustments, each a movement.
        let (status, m) = manager
            .post(
                "/api/v1/stock/adjustments",
                json!({"product_id": id, "quantity": "12", "reason": "stock initial"}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "[{label}] {m}");
        assert_eq!(m["kind"], "adjustment", "[{label}]");
        manager
            .post(
                "/api/v1/stock/adjustments",
                json!({"product_id": id, "quantity": "-2", "reason": "pots cassés"}),
            )
            .await;
        let (_, p) = manager.get(&format!("/api/v1/products/{id}")).await;
        assert_eq!(p["stock"], "10.000", "[{label}]");
        let (_, moves) = cashier
            .get(&format!("/api/v1/products/{id}/movements"))
            .await;
        let kinds: Vec<&str> = moves["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["quantity"].as_str().unwrap())
            .collect();
        assert_eq!(kinds, ["-2.000", "12.000"], "[{label}] newest first");

        // PATCH changes only what is sent; null removes.
        let (status, p) = manager
            .patch(
                &format!("/api/v1/products/{id}"),
                json!({"price": "5,20", "category": null}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "[{label}] {p}");
        assert_eq!(
            (
                p["price"].as_str(),
                p["category"].is_null(),
                p["vat_rate"].as_str()
            ),
            (Some("5.20"), true, Some("5.5")),
            "[{label}]"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_products_get_clear_errors() {
    for server in servers() {
        let label = server.label();
        let manager = api(&server, "gerant", Role::Manager);
        manager.post("/api/v1/products", json!({"name": "Sel", "barcode": "3017620422003", "price": "3.50", "vat_rate": "5.5"})).await;
        for (body, status, needle) in [
            (
                json!({"name": "A", "barcode": "3017620422004", "price": "1", "vat_rate": "20"}),
                StatusCode::UNPROCESSABLE_ENTITY,
                "clé de contrôle devrait être 3",
            ),
            (
                json!({"name": "A", "barcode": "3017620422003", "price": "1", "vat_rate": "20"}),
                StatusCode::CONFLICT,
                "Sel",
            ),
            (
                json!({"name": "A", "price": "-1", "vat_rate": "20"}),
                StatusCode::UNPROCESSABLE_ENTITY,
                "négatif",
            ),
            (
                json!({"name": "A", "price": "abc", "vat_rate": "20"}),
                StatusCode::UNPROCESSABLE_ENTITY,
                "price",
            ),
            (
                json!({"name": "A", "price": "1", "vat_rate": "7"}),
                StatusCode::UNPROCESSABLE_ENTITY,
                "Taux de TVA inconnu",
            ),
            (
                json!({"name": "A", "price": "1", "vat_rate": "20", "unit": "caisse"}),
                StatusCode::UNPROCESSABLE_ENTITY,
                "Unité inconnue",
            ),
            (
                json!({"name": "A", "price": 1.5, "vat_rate": "20"}),
                StatusCode::BAD_REQUEST,
                "JSON",
            ),
            (
                json!({"name": "", "price": "1", "vat_rate": "20"}),
                StatusCode::UNPROCESSABLE_ENTITY,
                "nom",
            ),
        ] {
            let (got, answer) = manager.post("/api/v1/products", body.clone()).await;
            assert_eq!(got, status, "[{label}] {body} → {answer}");
            let message = answer["error"]["message"].as_str().unwrap_or_default();
            assert!(message.contains(needle), "[{label}] {body}: {message}");
        }
        let (_, all) = manager.get("/api/v1/products").await;
        assert_eq!(
            all["items"].as_array().map(Vec::len),
            Some(1),
            "[{label}] nothing half-created"
        );
        let (status, _) = manager.get("/api/v1/products/99999").await;
        assert_eq!(status, StatusCode::NOT_FOUND, "[{label}]");
        let (status, _) = manager
            .post(
                "/api/v1/stock/adjustments",
                json!({"product_id": 99999, "quantity": "1", "reason": "x"}),
            )
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "[{label}]");
        let (status, _) = manager
            .post(
                "/api/v1/stock/adjustments",
                json!({"product_id": 1, "quantity": "1,2345", "reason": "x"}),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_purchase_order_is_received_and_stock_rises() {
    for server in servers() {
        let label = server.label();
        let manager = api(&server, "gerant", Role::Manager);
        let (status, supplier) = manager
            .post("/api/v1/suppliers", json!({"name": "Les Ruchers du Morvan", "email": "contact@ruchers.fr", "phone": "03 86 00 00 00", "address": "Route du Miel\n58000 Nevers"}))
            .await;
        assert_eq!(status, StatusCode::CREATED, "[{label}] {supplier}");
        let (status, bad) = manager
            .post("/api/v1/suppliers", json!({"name": "X", "email": "x@"}))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "[{label}] {bad}");
        let (_, honey) = manager
            .post(
                "/api/v1/products",
                json!({"name": "Miel de sapin", "price": "9.90", "vat_rate": "5.5"}),
            )
            .await;
        let honey = honey["id"].as_i64().unwrap();

        // What the supplier sells us, on their terms.
        let terms = format!("/api/v1/suppliers/{}/products/{honey}", supplier["id"]);
        let (status, list) = manager.put(&terms, json!({"supplier_reference": "MS-250", "cost": "5.10", "pack_size": "12", "lead_time_days": 4})).await;
        assert_eq!(status, StatusCode::OK, "[{label}] {list}");
        assert_eq!(
            (
                list["items"][0]["pack_size"].as_str(),
                list["items"][0]["cost"].as_str()
            ),
            (Some("12.000"), Some("5.10")),
            "[{label}]"
        );
        let (status, _) = manager.put(&terms, json!({"pack_size": "0"})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");
        let (status, _) = manager
            .put(
                &format!("/api/v1/suppliers/{}/products/99999", supplier["id"]),
                json!({}),
            )
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "[{label}]");
        let (_, listed) = manager
            .get(&format!("/api/v1/suppliers/{}/products", supplier["id"]))
            .await;
        assert_eq!(
            listed["items"][0]["supplier_reference"], "MS-250",
            "[{label}]"
        );

        let (status, order) = manager
            .post("/api/v1/purchase-orders", json!({"supplier_id": supplier["id"], "lines": [{"product_id": honey, "quantity": "12", "unit_cost": "5.10"}]}))
            .await;
        assert_eq!(status, StatusCode::CREATED, "[{label}] {order}");
        assert_eq!(
            (order["status"].as_str(), order["total"].as_str()),
            (Some("draft"), Some("61.20")),
            "[{label}]"
        );
        let order_id = order["id"].as_i64().unwrap();

        let receive = format!("/api/v1/purchase-orders/{order_id}/receive");
        let (status, after) = manager
            .post(
                &receive,
                json!({"lines": [{"product_id": honey, "quantity": "8"}]}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "[{label}] {after}");
        assert_eq!(after["status"], "partial", "[{label}]");
        let (_, p) = manager.get(&format!("/api/v1/products/{honey}")).await;
        assert_eq!(
            (p["stock"].as_str(), p["average_cost"].as_str()),
            (Some("8.000"), Some("5.10")),
            "[{label}]"
        );

        let (status, after) = manager
            .post(
                &receive,
                json!({"lines": [{"product_id": honey, "quantity": "6"}]}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        assert_eq!(after["status"], "received", "[{label}]");
        assert_eq!(
            after["warnings"][0]["code"], "over_receipt",
            "[{label}] more than ordered: said"
        );
        let (_, moves) = manager
            .get(&format!("/api/v1/products/{honey}/movements"))
            .await;
        assert_eq!(
            moves["items"].as_array().map(Vec::len),
            Some(2),
            "[{label}] one movement per receipt line"
        );
        assert_eq!(
            moves["items"][0]["reference"],
            format!("purchase_order:{order_id}"),
            "[{label}]"
        );

        let (status, closed) = manager
            .post(
                &receive,
                json!({"lines": [{"product_id": honey, "quantity": "1"}]}),
            )
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "[{label}] {closed}");
        let (status, _) = manager.post("/api/v1/purchase-orders", json!({"supplier_id": 999, "lines": [{"product_id": honey, "quantity": "1", "unit_cost": "1"}]})).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "[{label}]");
        let (status, _) = manager
            .post(
                "/api/v1/purchase-orders",
                json!({"supplier_id": supplier["id"], "lines": []}),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");
    }
}
