//! The real `comptoir serve`, killed with SIGKILL at random moments while
//! cashiers post sales, and restarted, several times over: after each kill
//! every acknowledged sale is stored exactly once with its number and total,
//! no ticket is half-written (lines, VAT, payments, grand total, stock
//! movement), numbers have no gaps and `comptoir verify` passes; sales that
//! were in flight, posted again with their id, are stored once. On SQLite
//! and PostgreSQL. The kill delays come from a seed printed at the start;
//! `COMPTOIR_CRASH_SEED=…` replays them.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use reqwest::{Client, StatusCode};
use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Output, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_comptoir");

fn comptoir(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .env_remove("COMPTOIR_DATABASE_URL")
        .env_remove("COMPTOIR_BIND")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    if let Some(text) = stdin {
        input.write_all(text.as_bytes()).unwrap();
    }
    drop(input);
    child.wait_with_output().unwrap()
}

/// A user made with `comptoir user add`, and their token from `comptoir token create`.
fn user_with_token(db: &str, name: &str, role: &str) -> String {
    let out = comptoir(
        &[
            "user",
            "add",
            name,
            "--role",
            role,
            "--password-stdin",
            "--db",
            db,
        ],
        Some("password-1\n"),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = comptoir(&["token", "create", name, "--db", db], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// `comptoir serve` on a free port, and its address once it listens.
struct Server {
    child: Child,
    url: String,
}

fn serve(db: &str) -> Server {
    let mut child = Command::new(BIN)
        .args(["serve", "--db", db, "--bind", "127.0.0.1:0"])
        .env_remove("COMPTOIR_DATABASE_URL")
        .env_remove("COMPTOIR_BIND")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut url = None;
    while url.is_none() {
        let Some(Ok(line)) = lines.next() else { break };
        url = line
            .find("http://")
            .map(|at| line[at..].split_whitespace().next().unwrap().to_owned());
    }
    // Keep reading so the server never blocks on a full pipe.
    std::thread::spawn(move || lines.for_each(drop));
    let url = url.unwrap_or_else(|| panic!("the server printed no address on {db}"));
    Server { child, url }
}

impl Server {
    /// SIGKILL on Unix: no chance to flush or finish anything.
    fn kill(self) {
        drop(self);
    }
}

impl Drop for Server {
    // Also when a test fails: no server is left running.
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn call(
    http: &Client,
    url: &str,
    token: &str,
    method: reqwest::Method,
    body: Option<Value>,
) -> Result<(StatusCode, Value), reqwest::Error> {
    let mut request = http.request(method, url).bearer_auth(token);
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await?;
    let status = response.status();
    Ok((status, response.json().await?))
}

async fn post(http: &Client, server: &Server, token: &str, path: &str, body: Value) -> Value {
    let (status, answer) = call(
        http,
        &format!("{}{path}", server.url),
        token,
        reqwest::Method::POST,
        Some(body),
    )
    .await
    .unwrap();
    assert_eq!(status, StatusCode::CREATED, "POST {path}: {answer}");
    answer
}

async fn get(http: &Client, server: &Server, token: &str, path: &str) -> (StatusCode, Value) {
    call(
        http,
        &format!("{}{path}", server.url),
        token,
        reqwest::Method::GET,
        None,
    )
    .await
    .unwrap()
}

fn honey_sale() -> Value {
    json!({
        "id": uuid::Uuid::new_v4().to_string(),
        "till": "T01",
        "lines": [{"barcode": "3760000000017", "quantity": "2"}],
        "payments": [{"method": "card", "amount": "10.00"}, {"method": "cash", "amount": "10.00"}],
    })
}

/// Rounds of load, SIGKILL, checks and restart, per backend.
const ROUNDS: usize = 4;
/// A round's load runs this long at most after its first acknowledged sale.
const MAX_KILL_DELAY_MS: u64 = 250;
/// Tills' worth of clients posting sales at once.
const CLIENTS: usize = 4;
/// Replays a failure's kill delays.
const SEED_ENV: &str = "COMPTOIR_CRASH_SEED";

/// The seed of the kill delays: `COMPTOIR_CRASH_SEED` when set, else a fresh one.
fn seed() -> u64 {
    std::env::var(SEED_ENV)
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or_else(rand::random)
}

/// A sale the server acknowledged (201, or 200 for a retried id).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Ack {
    id: String,
    number: i64,
    total: String,
}

impl Ack {
    fn of(ticket: &Value) -> Ack {
        Ack {
            id: ticket["id"].as_str().unwrap().to_owned(),
            number: ticket["number"].as_i64().unwrap(),
            total: ticket["total"].as_str().unwrap().to_owned(),
        }
    }

    fn total_cents(&self) -> i64 {
        let (euros, cents) = self.total.split_once('.').unwrap();
        euros.parse::<i64>().unwrap() * 100 + cents.parse::<i64>().unwrap()
    }
}

/// What a round's clients leave behind.
#[derive(Debug, Default)]
struct Load {
    acknowledged: Vec<Ack>,
    /// Answers other than 201 while the server lived: none expected.
    unexpected: Vec<String>,
    /// The sale each client was posting when the server died: committed or
    /// not, nobody knows until it is posted again.
    in_flight: Vec<Value>,
}

/// Clients post sales until the server dies: SIGKILL `delay` after the
/// round's first acknowledged sale, wherever the server then is.
async fn sales_until_killed(http: &Client, server: Server, token: &str, delay: Duration) -> Load {
    let load: Arc<Mutex<Load>> = Arc::default();
    let url = format!("{}/api/v1/sales", server.url);
    let clients: Vec<_> = (0..CLIENTS)
        .map(|_| {
            let (http, url, token, load) =
                (http.clone(), url.clone(), token.to_owned(), load.clone());
            tokio::spawn(async move {
                loop {
                    let sale = honey_sale();
                    let answer = call(
                        &http,
                        &url,
                        &token,
                        reqwest::Method::POST,
                        Some(sale.clone()),
                    )
                    .await;
                    let mut load = load.lock().unwrap();
                    match answer {
                        Ok((StatusCode::CREATED, ticket)) => {
                            load.acknowledged.push(Ack::of(&ticket))
                        }
                        Ok((status, body)) => load.unexpected.push(format!("{status} {body}")),
                        // The server is gone (refused, reset, cut mid-answer).
                        Err(_) => {
                            load.in_flight.push(sale);
                            return;
                        }
                    }
                }
            })
        })
        .collect();
    let deadline = Instant::now() + Duration::from_secs(30);
    while load.lock().unwrap().acknowledged.is_empty() && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    tokio::time::sleep(delay).await;
    server.kill();
    for client in clients {
        client.await.unwrap();
    }
    std::mem::take(&mut *load.lock().unwrap())
}

/// `comptoir verify` on the database: exit 0, one till.
fn verify(db: &str, context: &str) {
    let out = comptoir(&["verify", "--db", db], None);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{context}: {stdout} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.starts_with("OK: 1 caisse(s)"), "{context}: {stdout}");
}

/// Reads the database as the crash left it and checks it whole: each
/// acknowledged sale there once with its number and total; every other
/// ticket one that was in flight; numbers 1..n without gaps and the till's
/// counters on the last; each ticket complete (its line, VAT row, payments,
/// grand total) and each one's stock movement. Returns how many tickets.
fn check_database(db: &str, acknowledged: &[Ack], in_flight: &[String], context: &str) -> usize {
    use db::schema::{stock_levels, stock_movements, ticket_lines, ticket_payments, ticket_vat};
    use db::schema::{tickets, tills};
    use diesel::prelude::*;
    use std::collections::HashMap;

    type Ticket = (i64, String, i64, String, bool, i64, i64, i64);
    let database = db::Db::connect(db).unwrap();
    let (stored, lines, payments, vat, movements, level, till) = database
        .read(|conn| -> Result<_, db::DbError> {
            let stored: Vec<Ticket> = tickets::table
                .select((
                    tickets::id,
                    tickets::uuid,
                    tickets::number,
                    tickets::kind,
                    tickets::training,
                    tickets::total,
                    tickets::change_given,
                    tickets::grand_total,
                ))
                .order(tickets::number.asc())
                .load(conn)?;
            let lines: Vec<(i64, i64)> = ticket_lines::table
                .select((ticket_lines::ticket_id, ticket_lines::quantity))
                .load(conn)?;
            let payments: Vec<(i64, i64)> = ticket_payments::table
                .select((ticket_payments::ticket_id, ticket_payments::amount))
                .load(conn)?;
            let vat: Vec<(i64, i64)> = ticket_vat::table
                .select((ticket_vat::ticket_id, ticket_vat::total))
                .load(conn)?;
            let movements: Vec<i64> = stock_movements::table
                .filter(stock_movements::kind.eq("sale"))
                .select(stock_movements::quantity)
                .load(conn)?;
            let level: Vec<i64> = stock_levels::table
                .select(stock_levels::quantity)
                .load(conn)?;
            let till: (i64, i64) = tills::table
                .filter(tills::code.eq("T01"))
                .select((tills::last_number, tills::grand_total))
                .first(conn)?;
            Ok((stored, lines, payments, vat, movements, level, till))
        })
        .unwrap();
    drop(database);

    let by_uuid: HashMap<&str, &Ticket> = stored.iter().map(|t| (t.1.as_str(), t)).collect();
    assert_eq!(
        by_uuid.len(),
        stored.len(),
        "{context}: a sale stored twice"
    );
    for ack in acknowledged {
        let ticket = by_uuid
            .get(ack.id.as_str())
            .unwrap_or_else(|| panic!("{context}: acknowledged sale {} lost", ack.number));
        assert_eq!(
            (ticket.2, ticket.5),
            (ack.number, ack.total_cents()),
            "{context}: sale {}",
            ack.id
        );
    }
    for ticket in &stored {
        assert!(
            acknowledged.iter().any(|a| a.id == ticket.1) || in_flight.contains(&ticket.1),
            "{context}: ticket {} was never posted",
            ticket.2
        );
    }
    let numbers: Vec<i64> = stored.iter().map(|t| t.2).collect();
    let count = i64::try_from(stored.len()).unwrap();
    assert_eq!(numbers, (1..=count).collect::<Vec<_>>(), "{context}: gaps");

    // Each ticket whole: a sale of 2 honeys, one VAT row, two payments
    // covering it and the change, its grand total the running sum.
    let of = |rows: &[(i64, i64)], id: i64| -> Vec<i64> {
        rows.iter().filter(|r| r.0 == id).map(|r| r.1).collect()
    };
    let mut running = 0;
    for &(id, _, number, ref kind, training, total, change, grand_total) in &stored {
        let what = format!("{context}: ticket {number}");
        assert_eq!((kind.as_str(), training), ("sale", false), "{what}");
        assert_eq!(of(&lines, id), vec![2000], "{what}: its line");
        assert_eq!(of(&vat, id), vec![total], "{what}: its VAT");
        let paid = of(&payments, id);
        assert_eq!(paid.len(), 2, "{what}: its payments");
        assert_eq!(paid.iter().sum::<i64>(), total + change, "{what}: paid");
        running += total;
        assert_eq!(grand_total, running, "{what}: grand total");
    }
    assert_eq!(till, (count, running), "{context}: the till's counters");
    // One stock movement per ticket, and the level their sum.
    assert_eq!(movements.len(), stored.len(), "{context}: movements");
    assert_eq!(movements.iter().sum::<i64>(), -2000 * count, "{context}");
    assert_eq!(level.iter().sum::<i64>(), -2000 * count, "{context}: level");
    stored.len()
}

#[tokio::test(flavor = "multi_thread")]
async fn acknowledged_sales_survive_sigkills_at_random_moments() {
    let seed = seed();
    eprintln!("crash rounds: seed {seed} (replay with {SEED_ENV}={seed})");
    for database in db::testing::databases() {
        let (label, db) = (database.label(), database.url.clone());
        let mut rng = StdRng::seed_from_u64(seed);
        let owner = user_with_token(&db, "patronne", "owner");
        let cashier = user_with_token(&db, "camille", "cashier");
        let http = Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .unwrap();

        let mut server = serve(&db);
        post(
            &http,
            &server,
            &owner,
            "/api/v1/products",
            json!({"name": "Miel de lavande", "barcode": "3760000000017", "price": "8.90", "vat_rate": "5.5"}),
        )
        .await;
        post(
            &http,
            &server,
            &owner,
            "/api/v1/tills",
            json!({"code": "T01", "name": "Caisse 1"}),
        )
        .await;
        post(
            &http,
            &server,
            &cashier,
            "/api/v1/tills/T01/sessions",
            json!({"opening_float": "100.00"}),
        )
        .await;

        let mut acknowledged: Vec<Ack> = Vec::new();
        for round in 1..=ROUNDS {
            let delay = rng.gen_range(0..=MAX_KILL_DELAY_MS);
            let context = format!("[{label}] seed {seed}, round {round} (kill after {delay} ms)");
            let load =
                sales_until_killed(&http, server, &cashier, Duration::from_millis(delay)).await;
            assert_eq!(load.unexpected, Vec::<String>::new(), "{context}");
            assert!(!load.acknowledged.is_empty(), "{context}: no sale");
            acknowledged.extend(load.acknowledged.iter().cloned());
            let in_flight: Vec<String> = load
                .in_flight
                .iter()
                .map(|sale| sale["id"].as_str().unwrap().to_owned())
                .collect();

            // The database as the kill left it.
            verify(&db, &context);
            let stored = check_database(&db, &acknowledged, &in_flight, &context);
            eprintln!(
                "{context}: {} acknowledged, {} in flight, {stored} stored",
                load.acknowledged.len(),
                in_flight.len()
            );

            // Restarted: the round's sales read back; the sales in flight,
            // posted again with their id, end up stored once.
            server = serve(&db);
            for ack in &load.acknowledged {
                let (status, ticket) = get(
                    &http,
                    &server,
                    &cashier,
                    &format!("/api/v1/sales/{}", ack.id),
                )
                .await;
                assert_eq!(status, StatusCode::OK, "{context}: {ticket}");
                assert_eq!(Ack::of(&ticket), *ack, "{context}");
            }
            for sale in load.in_flight {
                let url = format!("{}/api/v1/sales", server.url);
                let (status, ticket) =
                    call(&http, &url, &cashier, reqwest::Method::POST, Some(sale))
                        .await
                        .unwrap();
                assert!(
                    [StatusCode::OK, StatusCode::CREATED].contains(&status),
                    "{context}: retried: {status} {ticket}"
                );
                acknowledged.push(Ack::of(&ticket));
            }
        }

        // The till goes on where it stopped; at the end every ticket is one
        // acknowledged, once.
        let next = post(&http, &server, &cashier, "/api/v1/sales", honey_sale()).await;
        let context = format!("[{label}] seed {seed}, after the rounds");
        assert_eq!(
            next["number"].as_i64(),
            Some(i64::try_from(acknowledged.len()).unwrap() + 1),
            "{context}"
        );
        acknowledged.push(Ack::of(&next));
        server.kill();
        verify(&db, &context);
        let stored = check_database(&db, &acknowledged, &[], &context);
        assert_eq!(stored, acknowledged.len(), "{context}");
    }
}
