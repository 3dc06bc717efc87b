//! The loyalty card through the till's API, on both backends: the card looked
//! up, a sale counted on its customer with points earned, points paying, a
//! refund taking them back, an unknown card refused.

use comptoir_e2e::servers;
use comptoir_e2e::till::{HONEY_CODE, TillApi, WINE_CODE, message, sale, sale_id};
use db::Role;
use reqwest::StatusCode;
use serde_json::json;

#[tokio::test(flavor = "multi_thread")]
async fn a_card_at_the_till_counts_the_sale_on_its_customer() {
    for server in servers() {
        let label = server.label();
        server.till_goods();
        let now = server.clock.now_naive();
        let card = server
            .db
            .write(|conn| -> Result<String, customers::CustomerError> {
                let customer = customers::testing::customer(conn, "Hélène", "Dupont");
                let number = customers::cards::next_number(conn, now)?;
                customers::cards::assign(conn, &number, customer.id, None, now)?;
                Ok(number)
            })
            .unwrap_or_else(|e| panic!("[{label}] card: {e}"));
        let owner = TillApi::of(&server, "patronne", Role::Owner, None);
        owner.create_till("T01", None).await;
        let till = TillApi::of(&server, "camille", Role::Cashier, None);
        till.open_session("T01", "100").await;

        let (status, found) = till.get(&format!("/api/v1/cards/{card}")).await;
        assert_eq!(status, StatusCode::OK, "[{label}] {found}");
        assert_eq!(found["name"], "Hélène Dupont", "[{label}]");
        assert_eq!(found["points"], 0, "[{label}]");
        let (status, body) = till.get("/api/v1/cards/2900000000001").await;
        assert_eq!(status, StatusCode::NOT_FOUND, "[{label}]");
        assert!(
            message(&body).contains("Carte de fidélité inconnue"),
            "[{label}]"
        );

        // 8,90 + 12,50 = 21,40 € by card: 21 points.
        let mut body = sale(
            &sale_id(),
            "T01",
            json!([{"barcode": HONEY_CODE}, {"barcode": WINE_CODE}]),
            json!([{"method": "card", "amount": "21.40"}]),
        );
        body["customer_card"] = json!(card);
        let (status, ticket) = till.sell(&body).await;
        assert_eq!(status, StatusCode::CREATED, "[{label}] {ticket}");
        assert_eq!(ticket["points_earned"], 21, "[{label}]");
        assert_eq!(ticket["points_balance"], 21, "[{label}]");
        let customer = ticket["customer_id"].as_i64().unwrap_or_default();
        assert!(customer > 0, "[{label}]");

        // 20 points pay 1 € (0,05 € each).
        let mut body = sale(
            &sale_id(),
            "T01",
            json!([{"barcode": HONEY_CODE}]),
            json!([{"method": "loyalty", "amount": "1.00"}, {"method": "cash", "amount": "7.90"}]),
        );
        body["customer_card"] = json!(card);
        let (status, paid) = till.sell(&body).await;
        assert_eq!(status, StatusCode::CREATED, "[{label}] {paid}");
        assert_eq!(paid["points_balance"], 9, "[{label}] 21 - 20 + 8");

        // More points than the card holds: refused, nothing written.
        let mut body = sale(
            &sale_id(),
            "T01",
            json!([{"barcode": WINE_CODE}]),
            json!([{"method": "loyalty", "amount": "12.50"}]),
        );
        body["customer_card"] = json!(card);
        let (status, refused) = till.sell(&body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");
        assert!(
            message(&refused).contains("Pas assez de points"),
            "[{label}] {refused}"
        );
        assert_eq!(owner.numbers().await.len(), 2, "[{label}] no ticket for it");

        // An unknown card: refused with its number.
        let mut body = sale(
            &sale_id(),
            "T01",
            json!([{"barcode": HONEY_CODE}]),
            json!([{"method": "cash", "amount": "10"}]),
        );
        body["customer_card"] = json!("2900000000001");
        let (status, refused) = till.sell(&body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");
        assert!(message(&refused).contains("2900000000001"), "[{label}]");

        // The refund of the first sale takes back what is left of its points.
        let first = ticket["id"].as_str().unwrap_or_default();
        let (status, refund) = till
            .post(
                &format!("/api/v1/sales/{first}/refund"),
                json!({"id": sale_id(), "method": "card"}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "[{label}] {refund}");
        assert_eq!(refund["customer_id"], customer, "[{label}]");
        assert_eq!(refund["points_earned"], -9, "[{label}] never below zero");
        assert_eq!(refund["points_balance"], 0, "[{label}]");
        let record = server
            .db
            .read(|conn| customers::fiche::get(conn, customer))
            .unwrap_or_else(|e| panic!("[{label}] {e}"));
        assert_eq!((record.visits, record.total_spent), (2, 890), "[{label}]");
    }
}
