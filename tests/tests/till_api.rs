//! The till's JSON API end to end, on both backends: tills, cash sessions,
//! sales (idempotent, even when posted eight times at once), refunds with and
//! without a manager's PIN, X and Z reports, and refusals that write nothing.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use comptoir_e2e::till::{
    COMTE_LABEL, HONEY_CODE, TillApi, TillGoods, honey_sale, message, sale, sale_id,
};
use comptoir_e2e::{TestServer, servers};
use db::{Money, Role};
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::collections::BTreeMap;

fn eur(value: &Value) -> Money {
    Money::parse(
        value
            .as_str()
            .unwrap_or_else(|| panic!("an amount: {value}")),
    )
    .unwrap_or_else(|e| panic!("{value}: {e}"))
}

/// The owner, a cashier and a manager (PIN 4321), the goods, and till T01
/// created by the owner and opened by the cashier on 150 €.
struct Shop {
    owner: TillApi,
    cashier: TillApi,
    goods: TillGoods,
}

async fn shop(server: &TestServer) -> Shop {
    let owner = TillApi::of(server, "patronne", Role::Owner, None);
    let cashier = TillApi::of(server, "camille", Role::Cashier, None);
    server.add_user("martin", Role::Manager, "password-1", Some("4321"));
    let goods = server.till_goods();
    let till = owner.create_till("T01", None).await;
    assert_eq!(
        (till["code"].as_str(), till["open"].as_bool()),
        (Some("T01"), Some(false)),
        "[{}] {till}",
        server.label()
    );
    let session = cashier.open_session("T01", "150.00").await;
    assert_eq!(session["opening_float"], "150.00", "[{}]", server.label());
    Shop {
        owner,
        cashier,
        goods,
    }
}

/// Sums of payments (cash net of change) and of VAT shares, as a report makes them.
fn totals(tickets: &[Value]) -> (BTreeMap<String, Money>, BTreeMap<String, (Money, Money)>) {
    let mut by_method: BTreeMap<String, Money> = BTreeMap::new();
    let mut by_vat: BTreeMap<String, (Money, Money)> = BTreeMap::new();
    for ticket in tickets {
        for p in ticket["payments"].as_array().unwrap() {
            *by_method
                .entry(p["method"].as_str().unwrap().to_owned())
                .or_default() += eur(&p["amount"]);
        }
        *by_method.entry("cash".into()).or_default() -= eur(&ticket["change"]);
        for v in ticket["vat"].as_array().unwrap() {
            let share = by_vat
                .entry(v["rate"].as_str().unwrap().to_owned())
                .or_default();
            share.0 += eur(&v["base"]);
            share.1 += eur(&v["tax"]);
        }
    }
    by_method.retain(|_, amount| *amount != Money::ZERO);
    (by_method, by_vat)
}

fn assert_report_matches(label: &str, report: &Value, tickets: &[Value]) {
    let (methods, vat) = totals(tickets);
    let reported: BTreeMap<String, Money> = report["by_method"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["method"].as_str().unwrap().to_owned(), eur(&m["amount"])))
        .filter(|(_, amount)| *amount != Money::ZERO)
        .collect();
    assert_eq!(reported, methods, "[{label}] by method: {report}");
    let reported: BTreeMap<String, (Money, Money)> = report["by_vat"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            (
                v["rate"].as_str().unwrap().to_owned(),
                (eur(&v["base"]), eur(&v["tax"])),
            )
        })
        .collect();
    assert_eq!(reported, vat, "[{label}] by VAT: {report}");
    let net: Money = tickets
        .iter()
        .map(|t| eur(&t["total"]))
        .fold(Money::ZERO, |a, b| a + b);
    assert_eq!(eur(&report["net_total"]), net, "[{label}] {report}");
}

#[tokio::test(flavor = "multi_thread")]
async fn sales_are_numbered_refunded_and_reported() {
    for server in servers() {
        let label = server.label();
        let Shop {
            owner,
            cashier,
            goods,
        } = shop(&server).await;
        let mut tickets = Vec::new();

        // By barcode, in cash, with change.
        let first = sale_id();
        let (status, one) = cashier.sell(&honey_sale(&first, "T01")).await;
        assert_eq!(status, StatusCode::CREATED, "[{label}] {one}");
        assert_eq!(one["number"], 1, "[{label}]");
        assert_eq!(one["reference"], "T01-000001", "[{label}]");
        assert_eq!(
            (&one["total"], &one["change"]),
            (&json!("8.90"), &json!("1.10")),
            "[{label}]"
        );
        assert_eq!(
            one["vat"],
            json!([{"rate": "5.5", "base": "8.44", "tax": "0.46", "total": "8.90"}]),
            "[{label}]"
        );
        assert_eq!(one["cashier"], "camille", "[{label}]");
        tickets.push(one.clone());

        // By product id, card and cash together, change on the cash.
        let (status, two) = cashier
            .sell(&sale(
                &sale_id(),
                "T01",
                json!([{"product_id": goods.wine, "quantity": "2"}, {"product_id": goods.honey}]),
                json!([{"method": "card", "amount": "20.00"}, {"method": "cash", "amount": "20.00"}]),
            ))
            .await;
        assert_eq!(status, StatusCode::CREATED, "[{label}] {two}");
        assert_eq!(two["number"], 2, "[{label}]");
        assert_eq!(
            (&two["total"], &two["change"]),
            (&json!("33.90"), &json!("6.10")),
            "[{label}]"
        );
        let mut vat: Vec<(String, String, String)> = two["vat"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| {
                (
                    v["rate"].as_str().unwrap().into(),
                    v["base"].as_str().unwrap().into(),
                    v["tax"].as_str().unwrap().into(),
                )
            })
            .collect();
        vat.sort();
        assert_eq!(
            vat,
            [
                ("20".into(), "20.83".into(), "4.17".into()),
                ("5.5".into(), "8.44".into(), "0.46".into())
            ],
            "[{label}] {two}"
        );
        tickets.push(two.clone());

        // A scale label: 1,250 kg of comté at 24,90 €/kg.
        let (status, three) = cashier
            .sell(&sale(
                &sale_id(),
                "T01",
                json!([{"barcode": COMTE_LABEL}]),
                json!([{"method": "card", "amount": "31.13"}]),
            ))
            .await;
        assert_eq!(status, StatusCode::CREATED, "[{label}] {three}");
        assert_eq!(three["number"], 3, "[{label}]");
        assert_eq!(three["lines"][0]["quantity"], "1.250", "[{label}] {three}");
        assert_eq!(three["lines"][0]["product_id"], goods.comte, "[{label}]");
        assert_eq!(
            (&three["total"], &three["change"]),
            (&json!("31.13"), &json!("0.00")),
            "[{label}]"
        );
        tickets.push(three);

        // Stock went down by what was sold.
        assert_eq!(server.stock_of(goods.honey), "98.000", "[{label}]");
        assert_eq!(server.stock_of(goods.wine), "98.000", "[{label}]");
        assert_eq!(server.stock_of(goods.comte), "98.750", "[{label}]");

        // Read back, and posted again: the same ticket, 200, byte for byte.
        let (status, read) = cashier.get(&format!("/api/v1/sales/{first}")).await;
        assert_eq!((status, &read), (StatusCode::OK, &one), "[{label}]");
        let (status, again) = cashier.sell(&honey_sale(&first, "T01")).await;
        assert_eq!((status, &again), (StatusCode::OK, &one), "[{label}]");
        assert_eq!(owner.numbers().await, [1, 2, 3], "[{label}]");
        assert_eq!(server.stock_of(goods.honey), "98.000", "[{label}] once");

        // Refund one bottle of wine, then the rest of its line.
        let two_id = two["id"].as_str().unwrap();
        let wine_line = two["lines"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["product_id"] == goods.wine)
            .unwrap()["line_id"]
            .as_i64()
            .unwrap();
        let refund_path = format!("/api/v1/sales/{two_id}/refund");
        let (status, back) = cashier
            .post(
                &refund_path,
                json!({"id": sale_id(), "lines": [{"line_id": wine_line, "quantity": "1"}]}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "[{label}] {back}");
        assert_eq!(
            (&back["kind"], &back["total"], &back["refund_of"]),
            (&json!("refund"), &json!("-12.50"), &json!(two_id)),
            "[{label}]"
        );
        assert_eq!(back["number"], 4, "[{label}]");
        tickets.push(back);
        let (status, rest) = cashier
            .post(
                &refund_path,
                json!({"id": sale_id(), "lines": [{"product_id": goods.wine}], "method": "card"}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "[{label}] {rest}");
        assert_eq!(rest["total"], "-12.50", "[{label}]");
        assert_eq!(rest["payments"][0]["method"], "card", "[{label}]");
        tickets.push(rest);
        assert_eq!(
            server.stock_of(goods.wine),
            "100.000",
            "[{label}] back in stock"
        );

        // The same line once more: refused, in French, nothing written.
        for line in [
            json!({"line_id": wine_line, "quantity": "1"}),
            json!({"line_id": wine_line}),
            json!({"product_id": goods.wine}),
        ] {
            let (status, refused) = cashier
                .post(&refund_path, json!({"id": sale_id(), "lines": [line]}))
                .await;
            assert_eq!(
                status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "[{label}] {line}: {refused}"
            );
            assert!(
                message(&refused).contains("2 vendu(s) dont 2 déjà remboursé(s)"),
                "[{label}] {line}: {refused}"
            );
        }
        // More than was sold.
        let one_id = one["id"].as_str().unwrap();
        let (status, refused) = cashier
            .post(
                &format!("/api/v1/sales/{one_id}/refund"),
                json!({"id": sale_id(), "lines": [{"product_id": goods.honey, "quantity": "3"}]}),
            )
            .await;
        assert_eq!(
            status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "[{label}] {refused}"
        );
        assert_eq!(
            message(&refused),
            "Ligne 1 : 3 demandé(s), mais 1 vendu(s) dont 0 déjà remboursé(s).",
            "[{label}]"
        );
        assert_eq!(owner.numbers().await, [1, 2, 3, 4, 5], "[{label}]");
        assert_eq!(server.stock_of(goods.wine), "100.000", "[{label}]");

        // The X report matches the tickets.
        let (status, x) = cashier.get("/api/v1/tills/T01/sessions/current").await;
        assert_eq!(status, StatusCode::OK, "[{label}] {x}");
        assert_eq!(x["kind"], "X", "[{label}]");
        assert_eq!(
            (x["sales_count"].as_i64(), x["refunds_count"].as_i64()),
            (Some(3), Some(2)),
            "[{label}]"
        );
        assert_eq!(x["sales_total"], "73.93", "[{label}] {x}");
        assert_eq!(x["refunds_total"], "-25.00", "[{label}] {x}");
        assert_report_matches(label, &x, &tickets);
        // 150 + 8,90 + (20 − 6,10) − 12,50 in cash.
        assert_eq!(x["expected_cash"], "160.30", "[{label}] {x}");

        // Closed with the cash counted: the Z says the same, and the difference.
        let (status, z) = cashier
            .post(
                "/api/v1/tills/T01/sessions/current/close",
                json!({"counted_cash": "160.00"}),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "[{label}] {z}");
        assert_eq!(
            (&z["kind"], &z["closure_number"]),
            (&json!("Z"), &json!(1)),
            "[{label}]"
        );
        assert_eq!(
            (&z["counted_cash"], &z["difference"]),
            (&json!("160.00"), &json!("-0.30")),
            "[{label}] {z}"
        );
        assert_report_matches(label, &z, &tickets);
        for key in [
            "sales_total",
            "refunds_total",
            "net_total",
            "by_method",
            "by_vat",
        ] {
            assert_eq!(z[key], x[key], "[{label}] {key}");
        }
        let (status, none) = cashier.sell(&honey_sale(&sale_id(), "T01")).await;
        assert_eq!(status, StatusCode::CONFLICT, "[{label}] closed: {none}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn one_id_posted_eight_times_at_once_is_one_ticket() {
    for server in servers() {
        let label = server.label();
        let Shop {
            owner,
            cashier,
            goods,
        } = shop(&server).await;
        cashier.sell(&honey_sale(&sale_id(), "T01")).await;
        let id = sale_id();
        let body = sale(
            &id,
            "T01",
            json!([{"barcode": HONEY_CODE, "quantity": "2"}]),
            json!([{"method": "card", "amount": "17.80"}]),
        );
        let tasks: Vec<_> = (0..8)
            .map(|_| {
                let (client, body) = (cashier.clone(), body.clone());
                tokio::spawn(async move { client.sell(&body).await })
            })
            .collect();
        let mut answers = Vec::new();
        for task in tasks {
            answers.push(task.await.unwrap());
        }
        let created = answers
            .iter()
            .filter(|(s, _)| *s == StatusCode::CREATED)
            .count();
        assert_eq!(created, 1, "[{label}] {answers:?}");
        for (status, ticket) in &answers {
            assert!(
                *status == StatusCode::CREATED || *status == StatusCode::OK,
                "[{label}] {status} {ticket}"
            );
            assert_eq!(ticket, &answers[0].1, "[{label}] one ticket for all");
        }
        assert_eq!(answers[0].1["number"], 2, "[{label}]");
        assert_eq!(owner.numbers().await, [1, 2], "[{label}]");
        assert_eq!(
            server.stock_of(goods.honey),
            "97.000",
            "[{label}] sold once"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn refunds_beyond_the_limit_need_a_managers_pin() {
    for server in servers() {
        let label = server.label();
        let Shop {
            owner,
            cashier,
            goods,
        } = shop(&server).await;
        let (status, big) = cashier
            .sell(&sale(
                &sale_id(),
                "T01",
                json!([{"product_id": goods.wine, "quantity": "5"}]),
                json!([{"method": "card", "amount": "62.50"}]),
            ))
            .await;
        assert_eq!(status, StatusCode::CREATED, "[{label}] {big}");
        let path = format!("/api/v1/sales/{}/refund", big["id"].as_str().unwrap());
        let refund_id = sale_id();

        let (status, refused) = cashier
            .post(&path, json!({"id": refund_id, "method": "card"}))
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "[{label}] {refused}");
        assert_eq!(
            message(&refused),
            "Un remboursement au-delà de la limite demande le code PIN d’un responsable.",
            "[{label}]"
        );
        let (status, refused) = cashier
            .post(
                &path,
                json!({"id": refund_id, "method": "card", "approval": {"username": "martin", "pin": "0000"}}),
            )
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "[{label}] {refused}");
        assert_eq!(
            message(&refused),
            "Code PIN de responsable incorrect.",
            "[{label}]"
        );
        // A cashier's own PIN approves nothing either.
        let (status, _) = cashier
            .post(
                &path,
                json!({"id": refund_id, "approval": {"username": "camille", "pin": "4321"}}),
            )
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "[{label}]");
        assert_eq!(owner.numbers().await, [1], "[{label}] nothing written");
        assert_eq!(server.stock_of(goods.wine), "95.000", "[{label}]");

        let (status, back) = cashier
            .post(
                &path,
                json!({"id": refund_id, "method": "card", "approval": {"username": "martin", "pin": "4321"}}),
            )
            .await;
        assert_eq!(status, StatusCode::CREATED, "[{label}] {back}");
        assert_eq!(back["total"], "-62.50", "[{label}]");
        assert_eq!(server.stock_of(goods.wine), "100.000", "[{label}]");
        // Everything is back: nothing is left to refund.
        let (status, refused) = cashier.post(&path, json!({"id": sale_id()})).await;
        assert_eq!(status, StatusCode::CONFLICT, "[{label}] {refused}");
        assert!(
            message(&refused).contains("déjà été remboursé"),
            "[{label}] {refused}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_input_is_refused_in_french_and_writes_nothing() {
    for server in servers() {
        let label = server.label();
        let Shop {
            owner,
            cashier,
            goods,
        } = shop(&server).await;
        owner.create_till("T02", None).await;
        cashier.sell(&honey_sale(&sale_id(), "T01")).await;
        let honey = |payments: Value, quantity: &str| {
            sale(
                &sale_id(),
                "T01",
                json!([{"barcode": HONEY_CODE, "quantity": quantity}]),
                payments,
            )
        };
        let cash_10 = json!([{"method": "cash", "amount": "10.00"}]);
        let cases: Vec<(Value, StatusCode, &str)> = vec![
            (
                sale(
                    &sale_id(),
                    "T01",
                    json!([{"barcode": "3760000000048"}]),
                    cash_10.clone(),
                ),
                StatusCode::UNPROCESSABLE_ENTITY,
                "Code-barres inconnu : « 3760000000048 »",
            ),
            (
                honey(cash_10.clone(), "0"),
                StatusCode::UNPROCESSABLE_ENTITY,
                "Ligne 1 : la quantité doit être supérieure à zéro.",
            ),
            (
                honey(cash_10.clone(), "abc"),
                StatusCode::UNPROCESSABLE_ENTITY,
                "Quantité invalide",
            ),
            (
                honey(json!([{"method": "cash", "amount": "5.00"}]), "1"),
                StatusCode::UNPROCESSABLE_ENTITY,
                "Paiement insuffisant : 5,00 € reçus pour un total de 8,90 €.",
            ),
            (
                sale(
                    &sale_id(),
                    "T02",
                    json!([{"barcode": HONEY_CODE}]),
                    cash_10.clone(),
                ),
                StatusCode::CONFLICT,
                "La caisse T02 n’a pas de session ouverte",
            ),
            (
                sale(
                    &sale_id(),
                    "T99",
                    json!([{"barcode": HONEY_CODE}]),
                    cash_10.clone(),
                ),
                StatusCode::NOT_FOUND,
                "T99",
            ),
            (
                sale(
                    "pas-un-uuid",
                    "T01",
                    json!([{"barcode": HONEY_CODE}]),
                    cash_10.clone(),
                ),
                StatusCode::UNPROCESSABLE_ENTITY,
                "L’identifiant de la vente doit être un UUID.",
            ),
            (
                sale(&sale_id(), "T01", json!([]), cash_10.clone()),
                StatusCode::UNPROCESSABLE_ENTITY,
                "Le ticket est vide",
            ),
            (
                honey(json!([{"method": "bitcoin", "amount": "10.00"}]), "1"),
                StatusCode::UNPROCESSABLE_ENTITY,
                "Moyen de paiement inconnu « bitcoin »",
            ),
            (
                honey(json!([{"method": "card", "amount": "10.00"}]), "1"),
                StatusCode::UNPROCESSABLE_ENTITY,
                "Le rendu ne se fait qu’en espèces",
            ),
        ];
        for (body, expected, needle) in cases {
            let (status, refused) = cashier.sell(&body).await;
            assert_eq!(status, expected, "[{label}] {body}: {refused}");
            assert!(
                message(&refused).contains(needle),
                "[{label}] {needle:?} in {refused}"
            );
            assert_eq!(owner.numbers().await, [1], "[{label}] {body}");
            assert_eq!(server.stock_of(goods.honey), "99.000", "[{label}] {body}");
        }

        // Malformed JSON is a 400, never a 500.
        let (status, text) = cashier
            .post_text("/api/v1/sales", "{\"id\": \"x\", \"till\": ")
            .await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "[{label}] {text}");
        let (status, text) = cashier.post_text("/api/v1/sales", "[1, 2]").await;
        assert!(status.is_client_error(), "[{label}] {status} {text}");

        // What a cashier may not do.
        let (status, refused) = cashier
            .post("/api/v1/tills", json!({"code": "T03", "name": "Caisse 3"}))
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "[{label}] {refused}");
        let (status, _) = cashier.get("/api/v1/sales").await;
        assert_eq!(status, StatusCode::FORBIDDEN, "[{label}]");
        let (status, _) = cashier
            .get("/api/v1/sales/00000000-0000-4000-8000-000000000000")
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "[{label}]");
        let (status, refused) = owner
            .post("/api/v1/tills", json!({"code": "T01", "name": "Encore"}))
            .await;
        assert_eq!(status, StatusCode::CONFLICT, "[{label}] {refused}");
        let (_, tills) = cashier.get("/api/v1/tills").await;
        assert_eq!(
            tills["items"].as_array().map(Vec::len),
            Some(2),
            "[{label}]"
        );
        let (status, refused) = cashier.open_session_raw("T01").await;
        assert_eq!(
            status,
            StatusCode::CONFLICT,
            "[{label}] already open: {refused}"
        );

        assert_eq!(owner.numbers().await, [1], "[{label}]");
        assert_eq!(server.stock_of(goods.honey), "99.000", "[{label}]");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refund_without_its_ticket_needs_a_managers_pin() {
    for server in servers() {
        let label = server.label();
        let shop = shop(&server).await;
        let body = |approval: Value| {
            json!({
                "id": "5a0c8f0e-6a1b-4c39-9d9e-000000000001",
                "till": "T01",
                "lines": [{"barcode": HONEY_CODE, "quantity": "2"}],
                "method": "cash",
                "approval": approval,
            })
        };
        let (status, refused) = shop
            .cashier
            .post("/api/v1/refunds", body(Value::Null))
            .await;
        assert_eq!(status, StatusCode::FORBIDDEN, "[{label}] {refused}");
        assert!(
            message(&refused).contains("sans ticket"),
            "[{label}] {refused}"
        );
        let wrong = json!({"username": "martin", "pin": "0000"});
        let (status, _) = shop.cashier.post("/api/v1/refunds", body(wrong)).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "[{label}]");
        assert!(
            shop.owner.numbers().await.is_empty(),
            "[{label}] nothing written"
        );
        let right = json!({"username": "martin", "pin": "4321"});
        let (status, refund) = shop
            .cashier
            .post("/api/v1/refunds", body(right.clone()))
            .await;
        assert_eq!(status, StatusCode::CREATED, "[{label}] {refund}");
        assert_eq!(
            (refund["kind"].as_str(), refund["total"].as_str()),
            (Some("refund"), Some("-17.80")),
            "[{label}]"
        );
        assert_eq!(refund["refund_of"], Value::Null, "[{label}]");
        assert_eq!(
            server.stock_of(shop.goods.honey),
            "102.000",
            "[{label}] back on the shelf"
        );
        let (status, again) = shop.cashier.post("/api/v1/refunds", body(right)).await;
        assert_eq!(
            (status, again["number"].clone()),
            (StatusCode::OK, refund["number"].clone()),
            "[{label}]"
        );
    }
}

/// A held basket is a JSON object, as the API document says (Schemathesis
/// found arrays accepted and answered back against the document).
#[tokio::test(flavor = "multi_thread")]
async fn a_held_basket_must_be_an_object() {
    for server in servers() {
        let label = server.label();
        let Shop { cashier, .. } = shop(&server).await;
        let (status, body) = cashier
            .post("/api/v1/tills/T01/held", json!({"basket": [null, null]}))
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "[{label}] {body}");
        assert_eq!(body["error"]["code"], "unprocessable", "[{label}] {body}");
        let (status, list) = cashier.get("/api/v1/tills/T01/held").await;
        assert_eq!(status, StatusCode::OK, "[{label}] {list}");
        assert_eq!(list["items"], json!([]), "[{label}] nothing held: {list}");
        let (status, held) = cashier
            .post("/api/v1/tills/T01/held", json!({"basket": {"lines": []}}))
            .await;
        assert_eq!(status, StatusCode::CREATED, "[{label}] {held}");
        assert_eq!(held["basket"], json!({"lines": []}), "[{label}]");
    }
}
