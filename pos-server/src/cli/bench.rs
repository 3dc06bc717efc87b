//! `comptoir bench`: how many sales a second the till takes and how fast it
//! answers, on a scratch shop (a temporary SQLite file by default, a fresh
//! PostgreSQL database with `--db postgres://…`) served by this very process,
//! or on a running server (`--url` and `--token`). A table on stderr, one JSON
//! line on stdout. See BENCHMARKS.md.

mod loyalty;
mod remote;
mod report;
mod scenarios;
mod setup;

use super::CliError;
use indicatif::{ProgressBar, ProgressStyle};
use scenarios::Budget;
use std::io::IsTerminal;
use std::time::Duration;

/// Turns taken by the sale and raw scenarios, each with its share of the budget.
const ROUNDS: u64 = 2;

#[derive(Debug, clap::Args)]
pub struct BenchArgs {
    /// Products in the scratch catalogue
    #[arg(long, default_value_t = 10_000)]
    pub products: u64,
    /// Tills selling at once, each with its own session and connection
    #[arg(long, default_value_t = 8)]
    pub tills: usize,
    /// Sales at most, over HTTP and again straight into the database
    #[arg(long, default_value_t = 5_000)]
    pub sales: u64,
    /// Barcode lookups at most
    #[arg(long, default_value_t = 2_000)]
    pub lookups: u64,
    /// Customers in the scratch file (searched by name prefixes)
    #[arg(long, default_value_t = 100_000)]
    pub customers: u64,
    /// Customer searches at most
    #[arg(long, default_value_t = 1_000)]
    pub searches: u64,
    /// Seconds at most per scenario
    #[arg(long, default_value_t = 30)]
    pub seconds: u64,
    /// A running server instead of a scratch shop (its tills and first 500 products)
    #[arg(long, requires = "token")]
    pub url: Option<String>,
    /// An API token of that server (`comptoir token create`)
    #[arg(long, env = "COMPTOIR_BENCH_TOKEN", hide_env_values = true)]
    pub token: Option<String>,
}

/// What stops a bench; one line each.
#[derive(Debug, thiserror::Error)]
pub enum BenchError {
    #[error("{0}")]
    Usage(String),
    #[error("{0}")]
    Db(#[from] db::DbError),
    #[error("{0}")]
    Account(#[from] db::accounts::AccountError),
    #[error("{0}")]
    Sales(#[from] sales::SalesError),
    #[error("{0}")]
    Inventory(#[from] inventory::InventoryError),
    #[error("{0}")]
    Customer(#[from] customers::CustomerError),
    #[error(transparent)]
    Start(#[from] crate::StartError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Http(#[from] reqwest::Error),
}

impl From<BenchError> for CliError {
    fn from(e: BenchError) -> CliError {
        CliError::Usage(e.to_string())
    }
}

fn progress(label: &str) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(0);
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {pos}/{len} {msg} ({elapsed}, ~{eta})")
    {
        bar.set_style(style);
    }
    bar.set_message(label.to_owned());
    bar
}

/// Runs the bench; exit 0, or 2 when some operations failed (the first
/// failure is printed).
pub fn bench(db_url: Option<&str>, args: BenchArgs) -> Result<u8, CliError> {
    if args.tills == 0 || args.tills > 99 {
        return Err(CliError::Usage("--tills: 1 to 99".into()));
    }
    if args.url.is_none() && args.products < 10 {
        return Err(CliError::Usage("--products: at least 10".into()));
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let shop = match (&args.url, &args.token) {
        (Some(url), Some(token)) => runtime.block_on(remote::shop(url, token, args.tills))?,
        _ => {
            let (url, scratch) = setup::scratch(db_url)?;
            let bar = progress("produits / products");
            let shop = setup::local(
                url,
                scratch,
                args.products,
                args.customers,
                args.tills,
                &bar,
            )?;
            bar.finish_and_clear();
            shop
        }
    };
    // The two scenarios take turns, so that a slow spell of a shared disk
    // weighs on both alike.
    let budget = Budget {
        count: args.sales.div_ceil(ROUNDS),
        time: Duration::from_secs(args.seconds) / u32::try_from(ROUNDS).unwrap_or(1),
    };
    let mut sale = scenarios::Run::default();
    let mut raw = shop.local.as_ref().map(|_| scenarios::Run::default());
    for _ in 0..ROUNDS {
        let bar = progress("ventes HTTP / sales over HTTP");
        bar.set_length(budget.count);
        sale.add(runtime.block_on(scenarios::sales_over_http(&shop, budget, &bar)));
        bar.finish_and_clear();
        if sale.latencies.is_empty() {
            return Err(CliError::Usage(format!(
                "no sale went through: {}",
                sale.first_error.unwrap_or_default()
            )));
        }
        if let (Some(local), Some(raw)) = (&shop.local, raw.as_mut()) {
            let bar = progress("ventes en base / sales in the database");
            bar.set_length(budget.count);
            raw.add(scenarios::sales_in_database(&shop, local, budget, &bar)?);
            bar.finish_and_clear();
        }
    }
    let bar = progress("lectures de codes-barres / barcode lookups");
    bar.set_length(args.lookups);
    let lookup = runtime.block_on(scenarios::lookups(
        &shop,
        Budget {
            count: args.lookups,
            time: Duration::from_secs(args.seconds),
        },
        &bar,
    ));
    bar.finish_and_clear();
    let bar = progress("recherches de clients / customer searches");
    bar.set_length(args.searches);
    let search = (shop.customers > 0).then(|| {
        runtime.block_on(scenarios::customer_search(
            &shop,
            Budget {
                count: args.searches,
                time: Duration::from_secs(args.seconds),
            },
            &bar,
        ))
    });
    bar.finish_and_clear();
    let first_error = [Some(&sale), raw.as_ref(), Some(&lookup), search.as_ref()]
        .into_iter()
        .flatten()
        .find_map(|r| r.first_error.clone());
    let summary = report::Measured {
        backend: shop.backend.clone(),
        tills: shop.tills.len(),
        products: shop.products,
        sale,
        raw,
        lookup,
        customers: shop.customers,
        search,
    }
    .summary();
    drop(shop);
    eprintln!("{}", report::table(&summary));
    let json = serde_json::to_string(&summary)
        .map_err(|e| CliError::Usage(format!("the results as JSON: {e}")))?;
    println!("{json}");
    match first_error {
        Some(error) if summary.errors > 0 => {
            eprintln!("comptoir: first failure: {error}");
            Ok(2)
        }
        _ => Ok(0),
    }
}
