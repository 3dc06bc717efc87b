//! The real `comptoir serve`, killed with SIGKILL while cashiers post sales:
//! after a restart on the same database every acknowledged sale is there with
//! its number and total, numbers have no gaps, and `comptoir verify` passes.
//! On SQLite and PostgreSQL.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

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

/// (id, number, total) of every sale answered 201.
type Acknowledged = Arc<Mutex<Vec<(String, i64, String)>>>;

#[tokio::test(flavor = "multi_thread")]
async fn acknowledged_sales_survive_a_sigkill() {
    for database in db::testing::databases() {
        let (label, db) = (database.label(), database.url.clone());
        let owner = user_with_token(&db, "patronne", "owner");
        let cashier = user_with_token(&db, "camille", "cashier");
        let http = Client::builder()
            .timeout(Duration::from_secs(10))
            .build()
            .unwrap();

        let server = serve(&db);
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

        // Four tills' worth of clients post sales until the server dies.
        let acknowledged: Acknowledged = Arc::default();
        let unexpected: Arc<Mutex<Vec<String>>> = Arc::default();
        let sales_url = format!("{}/api/v1/sales", server.url);
        let clients: Vec<_> = (0..4)
            .map(|_| {
                let (http, url, token) = (http.clone(), sales_url.clone(), cashier.clone());
                let (acknowledged, unexpected) = (acknowledged.clone(), unexpected.clone());
                tokio::spawn(async move {
                    loop {
                        match call(
                            &http,
                            &url,
                            &token,
                            reqwest::Method::POST,
                            Some(honey_sale()),
                        )
                        .await
                        {
                            Ok((StatusCode::CREATED, ticket)) => {
                                acknowledged.lock().unwrap().push((
                                    ticket["id"].as_str().unwrap().to_owned(),
                                    ticket["number"].as_i64().unwrap(),
                                    ticket["total"].as_str().unwrap().to_owned(),
                                ))
                            }
                            Ok((status, body)) => {
                                unexpected.lock().unwrap().push(format!("{status} {body}"))
                            }
                            // The server is gone (refused, reset, cut mid-answer).
                            Err(_) => return,
                        }
                    }
                })
            })
            .collect();
        let deadline = Instant::now() + Duration::from_secs(30);
        while acknowledged.lock().unwrap().len() < 25 && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        server.kill();
        for client in clients {
            client.await.unwrap();
        }
        let acknowledged = acknowledged.lock().unwrap().clone();
        assert!(
            acknowledged.len() >= 25,
            "[{label}] only {} sales",
            acknowledged.len()
        );
        assert_eq!(
            *unexpected.lock().unwrap(),
            Vec::<String>::new(),
            "[{label}]"
        );

        // Restarted on the same database: every acknowledged sale is there.
        let server = serve(&db);
        for (id, number, total) in &acknowledged {
            let (status, ticket) =
                get(&http, &server, &cashier, &format!("/api/v1/sales/{id}")).await;
            assert_eq!(
                status,
                StatusCode::OK,
                "[{label}] sale {number} lost: {ticket}"
            );
            assert_eq!(
                (ticket["number"].as_i64(), ticket["total"].as_str()),
                (Some(*number), Some(total.as_str())),
                "[{label}]"
            );
        }
        let (status, list) = get(&http, &server, &owner, "/api/v1/sales").await;
        assert_eq!(status, StatusCode::OK, "[{label}] {list}");
        let mut numbers: Vec<i64> = list["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["number"].as_i64().unwrap())
            .collect();
        numbers.sort_unstable();
        let stored = i64::try_from(numbers.len()).unwrap();
        assert_eq!(
            numbers,
            (1..=stored).collect::<Vec<_>>(),
            "[{label}] no gaps"
        );
        assert!(numbers.len() >= acknowledged.len(), "[{label}]");
        // The till goes on where it stopped.
        let next = post(&http, &server, &cashier, "/api/v1/sales", honey_sale()).await;
        assert_eq!(next["number"].as_i64(), Some(stored + 1), "[{label}]");
        server.kill();

        let out = comptoir(&["verify", "--db", &db], None);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(
            out.status.code(),
            Some(0),
            "[{label}] {stdout} {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(stdout.starts_with("OK: 1 caisse(s)"), "[{label}] {stdout}");
    }
}
