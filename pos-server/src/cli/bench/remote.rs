//! `comptoir bench --url URL --token TOKEN`: the shop of a running server,
//! read through its API. Its tills get a session when they have none; the
//! catalogue's first 500 products are what the tills sell and scan.

use super::BenchError;
use super::setup::Shop;
use db::Money;
use serde::Deserialize;

#[derive(Deserialize)]
struct Till {
    code: String,
    active: bool,
    open: bool,
}

#[derive(Deserialize)]
struct Product {
    barcode: Option<String>,
    price: Money,
    unit: String,
}

#[derive(Deserialize)]
struct Items<T> {
    items: Vec<T>,
}

pub async fn shop(url: &str, token: &str, till_count: usize) -> Result<Shop, BenchError> {
    let url = url.trim_end_matches('/').to_owned();
    let client = reqwest::Client::new();
    let get = |path: &str| client.get(format!("{url}{path}")).bearer_auth(token);
    let tills: Vec<Till> = get("/api/v1/tills")
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    let mut codes = Vec::new();
    for till in tills.into_iter().filter(|t| t.active).take(till_count) {
        if !till.open {
            client
                .post(format!("{url}/api/v1/tills/{}/sessions", till.code))
                .bearer_auth(token)
                .json(&serde_json::json!({ "opening_float": "100.00" }))
                .send()
                .await?
                .error_for_status()?;
        }
        codes.push(till.code);
    }
    if codes.is_empty() {
        return Err(BenchError::Usage(format!("{url}: no active till")));
    }
    let products: Items<Product> = get("/api/v1/products?limit=500")
        .send()
        .await?
        .error_for_status()?
        .json()
        .await?;
    let barcodes: Vec<(String, Money, bool)> = products
        .items
        .into_iter()
        .filter_map(|p| p.barcode.map(|b| (b, p.price, p.unit == "piece")))
        .collect();
    let goods: Vec<(String, Money)> = barcodes
        .iter()
        .filter(|(_, price, piece)| *piece && price.cents() > 0)
        .map(|(b, p, _)| (b.clone(), *p))
        .collect();
    if goods.is_empty() {
        return Err(BenchError::Usage(format!(
            "{url}: no product with a barcode sold by the piece"
        )));
    }
    Ok(Shop {
        url,
        token: token.to_owned(),
        tills: codes,
        goods,
        products: u64::try_from(barcodes.len()).unwrap_or(0),
        // A running server's file: searched for the bulk names, found or not.
        customers: 0,
        cards: None,
        barcodes: barcodes.into_iter().map(|(b, _, _)| b).collect(),
        backend: "remote".into(),
        local: None,
    })
}
