//! `comptoir bench`, tiny: it builds its scratch shop, sells over HTTP and
//! straight into the database, looks barcodes up, cleans up after itself and
//! prints one JSON line with every figure BENCHMARKS.md quotes.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_comptoir");

fn bench(db: Option<&str>) -> serde_json::Value {
    let mut command = Command::new(BIN);
    command.args([
        "bench",
        "--products",
        "200",
        "--sales",
        "40",
        "--tills",
        "2",
        "--lookups",
        "20",
        "--customers",
        "500",
        "--searches",
        "20",
        "--seconds",
        "30",
    ]);
    command.env_remove("COMPTOIR_DATABASE_URL");
    if let Some(url) = db {
        command.args(["--db", url]);
    }
    let out = command.output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 1, "one JSON line on stdout: {stdout}");
    assert!(
        stderr.contains("sale (HTTP)"),
        "the table on stderr: {stderr}"
    );
    assert!(stderr.contains("customer search  p50"), "{stderr}");
    serde_json::from_str(lines[0]).unwrap()
}

fn check(json: &serde_json::Value, backend: &str) {
    assert_eq!(json["backend"], backend, "{json}");
    assert_eq!(json["tills"], 2, "{json}");
    assert_eq!(json["products"], 200, "{json}");
    assert_eq!(json["sales"], 40, "{json}");
    assert_eq!(json["raw_sales"], 40, "{json}");
    assert_eq!(json["errors"], 0, "{json}");
    for field in [
        "sales_per_s",
        "p50_ms",
        "p95_ms",
        "p99_ms",
        "raw_per_s",
        "ratio",
        "lookup_p50_ms",
        "lookup_p99_ms",
        "rss_mb",
        "search_p50_ms",
        "search_p99_ms",
    ] {
        let value = json[field].as_f64();
        assert!(value.is_some_and(|v| v > 0.0), "{field}: {json}");
    }
    assert!(json["p50_ms"].as_f64() <= json["p99_ms"].as_f64(), "{json}");
    assert_eq!(json["customers"], 500, "{json}");
    // Most sales scan a card of the bench's file.
    let with_card = json["sales_with_card"].as_u64().unwrap();
    assert!((20..=40).contains(&with_card), "{json}");
}

#[test]
fn a_tiny_bench_on_a_scratch_sqlite_shop() {
    check(&bench(None), "sqlite");
}

#[test]
fn a_tiny_bench_on_a_fresh_postgres_database_dropped_after() {
    let Some(url) = db::testing::postgres_url() else {
        eprintln!("PostgreSQL not configured: skipped");
        return;
    };
    let before = databases(&url);
    check(&bench(Some(&url)), "postgres");
    let after = databases(&url);
    assert_eq!(
        before
            .iter()
            .filter(|d| d.starts_with("comptoir_bench_"))
            .count(),
        after
            .iter()
            .filter(|d| d.starts_with("comptoir_bench_"))
            .count(),
        "the bench's database is dropped after the run"
    );
}

fn databases(url: &str) -> Vec<String> {
    use diesel::{Connection, QueryableByName, RunQueryDsl, pg::PgConnection, sql_types::Text};
    #[derive(QueryableByName)]
    struct Name {
        #[diesel(sql_type = Text)]
        datname: String,
    }
    let mut conn = PgConnection::establish(url).unwrap();
    diesel::sql_query("SELECT datname FROM pg_database")
        .load::<Name>(&mut conn)
        .unwrap()
        .into_iter()
        .map(|n| n.datname)
        .collect()
}
