//! The command line: `comptoir serve | migrate | user | token | demo | import | export | verify | bench`.
//! Each failure is one line on stderr and a non-zero exit, never a panic.

mod accounts;
mod bench;
mod csv_files;
mod demo;
mod serve;
mod verify;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "comptoir",
    version,
    about = "Comptoir: the till, the back office and the customer file of a small shop"
)]
pub struct Cli {
    /// Database: sqlite://PATH or postgres://USER@HOST/DATABASE [default: sqlite://comptoir.db;
    /// for `bench`, a temporary SQLite file]
    #[arg(long = "db", global = true, env = "COMPTOIR_DATABASE_URL")]
    pub db: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start the server (migrates the database first)
    Serve(serve::ServeArgs),
    /// Apply pending database migrations
    Migrate,
    /// Manage users
    User {
        #[command(subcommand)]
        action: accounts::UserCommand,
    },
    /// Manage API tokens
    Token {
        #[command(subcommand)]
        action: accounts::TokenCommand,
    },
    /// Fill an empty database with a believable demo shop
    Demo,
    /// Import a CSV file (as French spreadsheets write it); exit 3 when rows were refused
    Import {
        #[command(subcommand)]
        what: csv_files::ImportCommand,
    },
    /// Export as CSV (to FILE, or standard output)
    Export {
        #[command(subcommand)]
        what: csv_files::ExportCommand,
    },
    /// Check the chains of tickets, journal events and closures; exit 1 naming the first broken record
    Verify,
    /// Measure the till: sales/s and latencies over HTTP, the database's own rate, barcode lookups
    Bench(bench::BenchArgs),
}

/// The shop's database when `--db` is not given.
pub const DEFAULT_DB: &str = "sqlite://comptoir.db";

/// A command's failure: printed as `comptoir: …` and exit 1.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Start(#[from] crate::StartError),
    #[error("{0}")]
    Db(#[from] db::DbError),
    #[error("{0}")]
    Account(#[from] db::accounts::AccountError),
    #[error("{0}")]
    Usage(String),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Parses the command line, runs the command, returns the exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let default_level = match cli.command {
        Command::Serve(_) => "info",
        _ => "warn",
    };
    init_logs(default_level);
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("comptoir: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Runs a command; its exit code (0, or 3 for an import that refused rows).
pub fn run(cli: Cli) -> Result<u8, CliError> {
    if let Command::Bench(args) = cli.command {
        return bench::bench(cli.db.as_deref(), args);
    }
    let db_url = cli.db.as_deref().unwrap_or(DEFAULT_DB);
    match cli.command {
        Command::Import { what } => return csv_files::import(db_url, what),
        Command::Verify => return verify::verify(db_url),
        Command::Export { what } => csv_files::export(db_url, what)?,
        Command::Serve(args) => serve::serve(db_url, args)?,
        Command::Demo => demo::demo(db_url)?,
        Command::Migrate => {
            let db = db::Db::connect(db_url)?;
            let applied = db.migrate()?;
            if applied.is_empty() {
                println!("database up to date");
            } else {
                for name in applied {
                    println!("applied {name}");
                }
            }
        }
        Command::User { action } => accounts::user(db_url, action)?,
        Command::Token { action } => accounts::token(db_url, action)?,
        Command::Bench(_) => {}
    }
    Ok(0)
}

fn init_logs(default_level: &str) {
    use tracing_subscriber::EnvFilter;
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default_level));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
