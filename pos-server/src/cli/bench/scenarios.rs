//! What the bench measures, each bounded by a count and a time:
//! - `sale`: every till posts 5-line sales paid by card over HTTP at once,
//!   most with a loyalty card, now and then partly paid with its points;
//! - `raw`: the same sales through `sales::sale::complete` in one write
//!   transaction each (`BEGIN IMMEDIATE` on SQLite), from as many threads,
//!   without HTTP: the database's own limit with our settings;
//! - `lookup`: one till scanning: `GET /api/v1/products?barcode=…`;
//! - `customer-search`: prefix searches in the customer file.

use super::BenchError;
use super::loyalty::Visit;
use super::setup::{Local, Shop};
use db::{Clock, Money, SystemClock};
use indicatif::ProgressBar;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sales::SalesError;
use sales::sale::{self, Item, NewPayment, NewSale, SaleLine};
use sales::tickets::PaymentMethod;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Lines per sale.
const LINES: usize = 5;

/// At most `count` operations, for at most `time`.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    pub count: u64,
    pub time: Duration,
}

/// Takes one operation from a shared budget; false once it is spent.
struct Gauge {
    taken: AtomicU64,
    budget: Budget,
    start: Instant,
}

impl Gauge {
    fn new(budget: Budget) -> Arc<Gauge> {
        Arc::new(Gauge {
            taken: AtomicU64::new(0),
            budget,
            start: Instant::now(),
        })
    }

    fn take(&self) -> bool {
        self.start.elapsed() < self.budget.time
            && self.taken.fetch_add(1, Ordering::Relaxed) < self.budget.count
    }
}

/// One scenario's outcome: each successful operation's latency.
#[derive(Debug, Default)]
pub struct Run {
    pub latencies: Vec<Duration>,
    pub elapsed: Duration,
    pub errors: u64,
    pub first_error: Option<String>,
    /// Sales made with a loyalty card, and those partly paid with its points.
    pub with_card: u64,
    pub with_points: u64,
}

impl Run {
    /// Another turn of the same scenario: its time counts too.
    pub fn add(&mut self, other: Run) {
        self.elapsed += other.elapsed;
        self.merge(other);
    }

    fn merge(&mut self, other: Run) {
        self.latencies.extend(other.latencies);
        self.errors += other.errors;
        self.with_card += other.with_card;
        self.with_points += other.with_points;
        if self.first_error.is_none() {
            self.first_error = other.first_error;
        }
    }

    /// A sale went through with this visit.
    fn sold(&mut self, visit: Option<&Visit>) {
        if let Some(visit) = visit {
            self.with_card += 1;
            if visit.points_paid > Money::ZERO {
                self.with_points += 1;
            }
        }
    }

    fn failed(&mut self, error: String) {
        self.errors += 1;
        if self.first_error.is_none() {
            self.first_error = Some(error);
        }
    }

    pub fn per_second(&self) -> f64 {
        let seconds = self.elapsed.as_secs_f64();
        if seconds > 0.0 {
            self.latencies.len() as f64 / seconds
        } else {
            0.0
        }
    }
}

/// Five goods picked at random, and what they cost.
fn basket(goods: &[(String, Money)], rng: &mut StdRng) -> (Vec<String>, Money) {
    let mut codes = Vec::with_capacity(LINES);
    let mut total = Money::ZERO;
    for _ in 0..LINES {
        if let Some((code, price)) = goods.get(rng.gen_range(0..goods.len().max(1))) {
            codes.push(code.clone());
            total += *price;
        }
    }
    (codes, total)
}

fn sale_body(
    till: &str,
    codes: &[String],
    total: Money,
    visit: Option<&Visit>,
) -> serde_json::Value {
    let lines: Vec<serde_json::Value> = codes
        .iter()
        .map(|c| serde_json::json!({ "barcode": c }))
        .collect();
    let mut body = serde_json::json!({
        "id": uuid::Uuid::new_v4().to_string(),
        "till": till,
        "lines": lines,
        "payments": payments(total, visit)
            .into_iter()
            .map(|(method, amount)| {
                serde_json::json!({ "method": method.as_str(), "amount": amount.to_api() })
            })
            .collect::<Vec<_>>(),
    });
    if let Some(visit) = visit {
        body["customer_card"] = visit.card.clone().into();
    }
    body
}

/// Points first when the visit pays with some, the rest by card.
fn payments(total: Money, visit: Option<&Visit>) -> Vec<(PaymentMethod, Money)> {
    let points = visit.map_or(Money::ZERO, |v| v.points_paid);
    let mut paid = Vec::with_capacity(2);
    if points > Money::ZERO {
        paid.push((PaymentMethod::Loyalty, points));
    }
    paid.push((PaymentMethod::Card, total - points));
    paid
}

/// The customer's balance a ticket reports.
#[derive(serde::Deserialize)]
struct Balance {
    points_balance: Option<i64>,
}

/// Every till posts sales at once, over one keep-alive connection each.
pub async fn sales_over_http(shop: &Shop, budget: Budget, bar: &ProgressBar) -> Run {
    let shop_goods = Arc::new(shop.goods.clone());
    // One unmeasured sale per till first: connections open, caches warm.
    let warm = Gauge::new(Budget {
        count: u64::try_from(shop.tills.len()).unwrap_or(0),
        time: budget.time,
    });
    let _ = post_sales(shop, &shop_goods, &warm, &ProgressBar::hidden()).await;
    let gauge = Gauge::new(budget);
    post_sales(shop, &shop_goods, &gauge, bar).await
}

async fn post_sales(
    shop: &Shop,
    goods: &Arc<Vec<(String, Money)>>,
    gauge: &Arc<Gauge>,
    bar: &ProgressBar,
) -> Run {
    let mut tasks = Vec::new();
    for (n, till) in shop.tills.iter().enumerate() {
        let (gauge, goods, bar) = (gauge.clone(), goods.clone(), bar.clone());
        let cards = shop.cards.clone();
        let (till, url, token) = (
            till.clone(),
            format!("{}/api/v1/sales", shop.url),
            shop.token.clone(),
        );
        tasks.push(tokio::spawn(async move {
            let client = reqwest::Client::new();
            let mut rng = StdRng::seed_from_u64(n as u64);
            let mut run = Run::default();
            while gauge.take() {
                let (codes, total) = basket(&goods, &mut rng);
                let visit = cards.as_ref().and_then(|c| c.visit(n, total, &mut rng));
                let body = sale_body(&till, &codes, total, visit.as_ref());
                let start = Instant::now();
                let answer = client.post(&url).bearer_auth(&token).json(&body).send();
                match answer.await {
                    Ok(res) if res.status() == reqwest::StatusCode::CREATED => {
                        // The whole answer read: part of what a till waits for.
                        let bytes = res.bytes().await.unwrap_or_default();
                        run.latencies.push(start.elapsed());
                        run.sold(visit.as_ref());
                        if let (Some(cards), Some(visit)) = (&cards, &visit)
                            && let Ok(Balance {
                                points_balance: Some(balance),
                            }) = serde_json::from_slice(&bytes)
                        {
                            cards.settle(visit, balance);
                        }
                    }
                    Ok(res) => {
                        let status = res.status();
                        let text = res.text().await.unwrap_or_default();
                        run.failed(format!("POST /api/v1/sales: {status} {text}"));
                    }
                    Err(e) => run.failed(format!("POST /api/v1/sales: {e}")),
                }
                bar.inc(1);
            }
            run
        }));
    }
    collect(tasks, gauge).await
}

async fn collect(tasks: Vec<tokio::task::JoinHandle<Run>>, gauge: &Gauge) -> Run {
    let mut all = Run::default();
    for task in tasks {
        match task.await {
            Ok(run) => all.merge(run),
            Err(e) => all.failed(format!("a client stopped: {e}")),
        }
    }
    all.elapsed = gauge.start.elapsed();
    all
}

/// The same sales straight through the domain, one write transaction each,
/// from one thread per till.
pub fn sales_in_database(
    shop: &Shop,
    local: &Local,
    budget: Budget,
    bar: &ProgressBar,
) -> Result<Run, BenchError> {
    let gauge = Gauge::new(budget);
    let goods = Arc::new(shop.goods.clone());
    let mut threads = Vec::new();
    for (n, till) in shop.tills.iter().enumerate() {
        let (gauge, goods, bar, till) = (gauge.clone(), goods.clone(), bar.clone(), till.clone());
        let (db, cashier, timezone) = (local.db.clone(), local.cashier, local.timezone);
        let cards = shop.cards.clone();
        threads.push(
            std::thread::Builder::new()
                .name(format!("bench-raw-{n}"))
                .spawn(move || {
                    let mut rng = StdRng::seed_from_u64(1000 + n as u64);
                    let mut run = Run::default();
                    while gauge.take() {
                        let (codes, total) = basket(&goods, &mut rng);
                        let visit = cards.as_ref().and_then(|c| c.visit(n, total, &mut rng));
                        let now = SystemClock.now_naive();
                        let mut sale = NewSale {
                            uuid: uuid::Uuid::new_v4().to_string(),
                            till: till.clone(),
                            cashier,
                            lines: codes
                                .into_iter()
                                .map(|c| SaleLine {
                                    item: Item::Scan(c),
                                    quantity: None,
                                    discount: None,
                                })
                                .collect(),
                            discount: None,
                            payments: payments(total, visit.as_ref())
                                .into_iter()
                                .map(|(method, amount)| NewPayment {
                                    method,
                                    amount,
                                    reference: None,
                                })
                                .collect(),
                            customer_id: None,
                            training: false,
                            approved_by: None,
                            day: now.and_utc().with_timezone(&timezone).date_naive(),
                        };
                        let card = visit.as_ref().map(|v| v.card.clone());
                        let start = Instant::now();
                        // As the API does: the card's owner, then the sale.
                        let done = db.write(|conn| {
                            if let Some(card) = card {
                                let customer = customers::cards::customer_by_card(conn, &card)?
                                    .ok_or(SalesError::UnknownCard(card))?;
                                sale.customer_id = Some(customer.id);
                            }
                            sale::complete(conn, &sale, now)
                        });
                        match done {
                            Ok(completed) => {
                                run.latencies.push(start.elapsed());
                                run.sold(visit.as_ref());
                                if let (Some(cards), Some(visit), Some((_, balance))) =
                                    (&cards, &visit, completed.ticket().loyalty)
                                {
                                    cards.settle(visit, balance);
                                }
                            }
                            Err(e) => run.failed(format!("sale::complete: {e}")),
                        }
                        bar.inc(1);
                    }
                    run
                })?,
        );
    }
    let mut all = Run::default();
    for thread in threads {
        match thread.join() {
            Ok(run) => all.merge(run),
            Err(_) => all.failed("a thread panicked".into()),
        }
    }
    all.elapsed = gauge.start.elapsed();
    Ok(all)
}

/// One till scanning: barcode lookups one after the other.
pub async fn lookups(shop: &Shop, budget: Budget, bar: &ProgressBar) -> Run {
    let gauge = Gauge::new(budget);
    let client = reqwest::Client::new();
    let mut rng = StdRng::seed_from_u64(7);
    let mut run = Run::default();
    let url = format!("{}/api/v1/products", shop.url);
    // Unmeasured: the connection opens.
    let _ = client.get(&url).bearer_auth(&shop.token).send().await;
    while gauge.take() {
        let Some(code) = shop
            .barcodes
            .get(rng.gen_range(0..shop.barcodes.len().max(1)))
        else {
            break;
        };
        let start = Instant::now();
        let answer = client
            .get(&url)
            .query(&[("barcode", code)])
            .bearer_auth(&shop.token)
            .send()
            .await;
        match answer {
            Ok(res) if res.status().is_success() => {
                let body = res.bytes().await.unwrap_or_default();
                let elapsed = start.elapsed();
                if body.windows(code.len()).any(|w| w == code.as_bytes()) {
                    run.latencies.push(elapsed);
                } else {
                    run.failed(format!("barcode {code}: not found"));
                }
            }
            Ok(res) => run.failed(format!("GET /api/v1/products: {}", res.status())),
            Err(e) => run.failed(format!("GET /api/v1/products: {e}")),
        }
        bar.inc(1);
    }
    run.elapsed = gauge.start.elapsed();
    run
}

/// Searching the customer file as a cashier's colleague types: the first
/// letters of a last name and of a first name, `GET /api/v1/customers?q=…`
/// one after the other (each search is also written to the audit log, as the
/// law wants for views of the file in bulk).
pub async fn customer_search(shop: &Shop, budget: Budget, bar: &ProgressBar) -> Run {
    let gauge = Gauge::new(budget);
    let client = reqwest::Client::new();
    let mut rng = StdRng::seed_from_u64(11);
    let mut run = Run::default();
    let url = format!("{}/api/v1/customers", shop.url);
    let _ = client.get(&url).bearer_auth(&shop.token).send().await;
    let population = shop.customers.max(1);
    while gauge.take() {
        let (first, last) = customers::bulk::name_of(rng.gen_range(0..population));
        let prefix =
            |name: &str, n: usize| db::text::fold(name).chars().take(n).collect::<String>();
        let query = format!("{} {}", prefix(last, 4), prefix(first, 3));
        let start = Instant::now();
        let answer = client
            .get(&url)
            .query(&[("q", query.as_str()), ("limit", "20")])
            .bearer_auth(&shop.token)
            .send()
            .await;
        match answer {
            Ok(res) if res.status().is_success() => {
                let _ = res.bytes().await;
                run.latencies.push(start.elapsed());
            }
            Ok(res) => run.failed(format!("GET /api/v1/customers: {}", res.status())),
            Err(e) => run.failed(format!("GET /api/v1/customers: {e}")),
        }
        bar.inc(1);
    }
    run.elapsed = gauge.start.elapsed();
    run
}
