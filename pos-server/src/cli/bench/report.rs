//! The bench's results: a table for people (on stderr) and one JSON line for
//! machines (on stdout).

use super::scenarios::Run;
use serde::Serialize;
use std::time::Duration;

/// One line of JSON; `null` where nothing was measured.
#[derive(Debug, Serialize)]
pub struct Summary {
    pub backend: String,
    pub tills: usize,
    pub products: u64,
    pub customers: u64,
    pub sales: usize,
    /// Sales over HTTP with a loyalty card, and those partly paid with points.
    pub sales_with_card: u64,
    pub sales_with_points: u64,
    pub sales_per_s: f64,
    pub p50_ms: Option<f64>,
    pub p95_ms: Option<f64>,
    pub p99_ms: Option<f64>,
    pub raw_sales: Option<usize>,
    pub raw_per_s: Option<f64>,
    pub raw_p99_ms: Option<f64>,
    /// sale / raw.
    pub ratio: Option<f64>,
    pub lookups: usize,
    pub lookup_p50_ms: Option<f64>,
    pub lookup_p99_ms: Option<f64>,
    pub search_p50_ms: Option<f64>,
    /// Null when no customer file was searched.
    pub search_p99_ms: Option<f64>,
    /// The whole process's peak resident memory (server and clients).
    pub rss_mb: Option<f64>,
    pub errors: u64,
}

/// The latency below which `percent` % of `sorted` fall (nearest rank), in ms.
pub fn percentile(sorted: &[Duration], percent: f64) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (percent / 100.0 * sorted.len() as f64).ceil() as usize;
    let index = rank.clamp(1, sorted.len()) - 1;
    sorted.get(index).map(|d| round(d.as_secs_f64() * 1000.0))
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// Peak resident memory of this process (`VmHWM`), in MB; Linux only.
pub fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(round(kb / 1024.0))
}

pub struct Measured {
    pub backend: String,
    pub tills: usize,
    pub products: u64,
    pub customers: u64,
    pub sale: Run,
    pub raw: Option<Run>,
    pub lookup: Run,
    pub search: Option<Run>,
}

impl Measured {
    pub fn summary(mut self) -> Summary {
        for run in [
            Some(&mut self.sale),
            self.raw.as_mut(),
            Some(&mut self.lookup),
            self.search.as_mut(),
        ]
        .into_iter()
        .flatten()
        {
            run.latencies.sort_unstable();
        }
        let sales_per_s = round(self.sale.per_second());
        let raw_per_s = self.raw.as_ref().map(|r| round(r.per_second()));
        Summary {
            backend: self.backend,
            tills: self.tills,
            products: self.products,
            customers: self.customers,
            sales: self.sale.latencies.len(),
            sales_with_card: self.sale.with_card,
            sales_with_points: self.sale.with_points,
            sales_per_s,
            p50_ms: percentile(&self.sale.latencies, 50.0),
            p95_ms: percentile(&self.sale.latencies, 95.0),
            p99_ms: percentile(&self.sale.latencies, 99.0),
            raw_sales: self.raw.as_ref().map(|r| r.latencies.len()),
            raw_per_s,
            raw_p99_ms: self
                .raw
                .as_ref()
                .and_then(|r| percentile(&r.latencies, 99.0)),
            ratio: raw_per_s
                .filter(|raw| *raw > 0.0)
                .map(|raw| round(sales_per_s / raw)),
            lookups: self.lookup.latencies.len(),
            lookup_p50_ms: percentile(&self.lookup.latencies, 50.0),
            lookup_p99_ms: percentile(&self.lookup.latencies, 99.0),
            search_p50_ms: self
                .search
                .as_ref()
                .and_then(|s| percentile(&s.latencies, 50.0)),
            search_p99_ms: self
                .search
                .as_ref()
                .and_then(|s| percentile(&s.latencies, 99.0)),
            rss_mb: peak_rss_mb(),
            errors: self.sale.errors
                + self.raw.as_ref().map_or(0, |r| r.errors)
                + self.lookup.errors
                + self.search.as_ref().map_or(0, |r| r.errors),
        }
    }
}

fn ms(value: Option<f64>) -> String {
    value.map_or_else(|| "n/a".to_owned(), |v| format!("{v:.2} ms"))
}

/// The table people read.
pub fn table(s: &Summary) -> String {
    let not_built = "n/a (no customer file searched)";
    let raw = match (s.raw_per_s, s.raw_sales) {
        (Some(rate), Some(n)) => format!("{rate:.1}/s ({n} sales), p99 {}", ms(s.raw_p99_ms)),
        _ => "n/a (no database access with --url)".into(),
    };
    let ratio = s
        .ratio
        .map_or_else(|| "n/a".to_owned(), |r| format!("{r:.2}"));
    let rss = s
        .rss_mb
        .map_or_else(|| "n/a".to_owned(), |r| format!("{r:.1} MB"));
    [
        format!(
            "comptoir bench — {} — {} tills — {} products",
            s.backend, s.tills, s.products
        ),
        format!(
            "  sale (HTTP)      {:.1}/s ({} sales)  p50 {}  p95 {}  p99 {}",
            s.sales_per_s,
            s.sales,
            ms(s.p50_ms),
            ms(s.p95_ms),
            ms(s.p99_ms)
        ),
        format!(
            "  loyalty cards    {} of {} sales, {} partly paid with points",
            s.sales_with_card, s.sales, s.sales_with_points
        ),
        format!("  raw (database)   {raw}"),
        format!("  ratio sale/raw   {ratio}"),
        format!(
            "  barcode lookup   p50 {}  p99 {} ({} lookups)",
            ms(s.lookup_p50_ms),
            ms(s.lookup_p99_ms),
            s.lookups
        ),
        format!(
            "  customer search  {}",
            if s.search_p99_ms.is_some() {
                format!(
                    "p50 {}  p99 {} ({} customers)",
                    ms(s.search_p50_ms),
                    ms(s.search_p99_ms),
                    s.customers
                )
            } else {
                not_built.into()
            }
        ),
        format!("  peak RSS         {rss} (whole process: server and clients)"),
        format!("  errors           {}", s.errors),
    ]
    .join("\n")
}
