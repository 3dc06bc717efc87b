//! The till over its JSON API: goods with stock to sell, a client carrying a
//! bearer token, and sale bodies to post.

use crate::TestServer;
use db::{Money, Quantity};
use inventory::InventoryError;
use inventory::catalogue::{NewProduct, Unit, products};
use inventory::stock::locations;
use inventory::stock::movements::{self, MovementKind, NewMovement};
use reqwest::{Client, Method, StatusCode};
use serde_json::{Value, json};

/// Honey 8,90 € at 5,5 %, wine 12,50 € at 20 %, comté 24,90 €/kg at 5,5 %
/// (scale key 2100042); 100 of each in stock.
pub struct TillGoods {
    pub honey: i64,
    pub wine: i64,
    pub comte: i64,
}

pub const HONEY_CODE: &str = "3760000000017";
pub const WINE_CODE: &str = "3760000000024";
/// A scale label for 1,250 kg of comté.
pub const COMTE_LABEL: &str = "2100042012509";

impl TestServer {
    pub fn till_goods(&self) -> TillGoods {
        let now = self.clock.now_naive();
        self.db
            .write(|conn| -> Result<TillGoods, InventoryError> {
                let floor = locations::sales_floor(conn)?.id;
                let mut ids = Vec::new();
                for (name, code, price, vat, unit) in [
                    ("Miel de lavande", HONEY_CODE, 890, "5.5", Unit::Piece),
                    ("Côtes-du-Rhône", WINE_CODE, 1250, "20", Unit::Piece),
                    ("Comté 18 mois", "2100042", 2490, "5.5", Unit::Kg),
                ] {
                    let new = NewProduct {
                        name: name.into(),
                        barcodes: vec![code.into()],
                        price: Money::from_cents(price),
                        vat_rate: vat.into(),
                        unit: Some(unit),
                        ..NewProduct::default()
                    };
                    let id = products::create(conn, &new, None, now)?.id;
                    movements::record(
                        conn,
                        &NewMovement {
                            product_id: id,
                            location_id: floor,
                            quantity: Quantity::from_units(100),
                            kind: MovementKind::Adjustment,
                            reason: Some("stock initial"),
                            reference: None,
                            unit_cost: None,
                            user_id: None,
                        },
                        now,
                    )?;
                    ids.push(id);
                }
                Ok(TillGoods {
                    honey: ids[0],
                    wine: ids[1],
                    comte: ids[2],
                })
            })
            .unwrap_or_else(|e| panic!("[{}] goods to sell: {e}", self.label()))
    }
}

/// A client of the JSON API with one user's bearer token.
#[derive(Clone)]
pub struct TillApi {
    pub base: String,
    pub http: Client,
    pub token: String,
}

impl TillApi {
    pub fn new(base: &str, token: String) -> TillApi {
        TillApi {
            base: base.to_owned(),
            http: Client::new(),
            token,
        }
    }

    /// A user of `role` added to the server, and a client with their token.
    pub fn of(server: &TestServer, name: &str, role: db::Role, pin: Option<&str>) -> TillApi {
        let user = server.add_user(name, role, "password-1", pin);
        TillApi::new(&server.url, server.token(&user))
    }

    pub async fn send(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> (StatusCode, Value) {
        let mut request = self
            .http
            .request(method.clone(), format!("{}{path}", self.base))
            .bearer_auth(&self.token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request
            .send()
            .await
            .unwrap_or_else(|e| panic!("{method} {path}: {e}"));
        let status = response.status();
        (status, response.json().await.unwrap_or(Value::Null))
    }

    pub async fn get(&self, path: &str) -> (StatusCode, Value) {
        self.send(Method::GET, path, None).await
    }

    pub async fn post(&self, path: &str, body: Value) -> (StatusCode, Value) {
        self.send(Method::POST, path, Some(body)).await
    }

    /// Posts `body` as it is, with a JSON content type (malformed on purpose).
    pub async fn post_text(&self, path: &str, body: &str) -> (StatusCode, String) {
        let response = self
            .http
            .post(format!("{}{path}", self.base))
            .bearer_auth(&self.token)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(body.to_owned())
            .send()
            .await
            .unwrap_or_else(|e| panic!("POST {path}: {e}"));
        let status = response.status();
        (status, response.text().await.unwrap_or_default())
    }

    /// Creates till `code` (the caller is the owner); panics unless 201.
    pub async fn create_till(&self, code: &str, printer: Option<&str>) -> Value {
        let (status, till) = self
            .post(
                "/api/v1/tills",
                json!({"code": code, "name": format!("Caisse {code}"), "printer": printer}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "till {code}: {till}");
        till
    }

    /// Opens the cash session of `code` on `float`; panics unless 201.
    pub async fn open_session(&self, code: &str, float: &str) -> Value {
        let (status, session) = self
            .post(
                &format!("/api/v1/tills/{code}/sessions"),
                json!({"opening_float": float}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "session of {code}: {session}");
        session
    }

    /// Tries to open the cash session of `code` on 100 €.
    pub async fn open_session_raw(&self, code: &str) -> (StatusCode, Value) {
        self.post(
            &format!("/api/v1/tills/{code}/sessions"),
            json!({"opening_float": "100.00"}),
        )
        .await
    }

    /// Posts a sale; its status and answer.
    pub async fn sell(&self, sale: &Value) -> (StatusCode, Value) {
        self.post("/api/v1/sales", sale.clone()).await
    }

    /// The numbers of the tickets a manager sees, oldest first.
    pub async fn numbers(&self) -> Vec<i64> {
        let (status, list) = self.get("/api/v1/sales").await;
        assert_eq!(status, StatusCode::OK, "{list}");
        let mut numbers: Vec<i64> = list["items"]
            .as_array()
            .map(|items| items.iter().filter_map(|t| t["number"].as_i64()).collect())
            .unwrap_or_default();
        numbers.sort_unstable();
        numbers
    }
}

/// A new sale id, as a till chooses it.
pub fn sale_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// A sale body on `till`: `lines` and `payments` as the API takes them.
pub fn sale(id: &str, till: &str, lines: Value, payments: Value) -> Value {
    json!({"id": id, "till": till, "lines": lines, "payments": payments})
}

/// One jar of honey paid 10 € in cash (1,10 € change).
pub fn honey_sale(id: &str, till: &str) -> Value {
    sale(
        id,
        till,
        json!([{"barcode": HONEY_CODE}]),
        json!([{"method": "cash", "amount": "10.00"}]),
    )
}

/// An error body's message with no-break spaces made plain.
pub fn message(body: &Value) -> String {
    let text = body["error"]["message"]
        .as_str()
        .map(str::to_owned)
        .unwrap_or_else(|| body.to_string());
    text.replace('\u{a0}', " ")
}
