//! `comptoir import products FILE`, `comptoir export products|stock [FILE]`.

use super::CliError;
use crate::error::AppError;
use crate::import_text::{csv_error_fr, row_error_fr};
use ::web::i18n::Lang;
use db::csv_in;
use db::{Clock, Db, SystemClock};
use indicatif::{ProgressBar, ProgressStyle};
use inventory::import::{self, ImportError};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Subcommand)]
pub enum ImportCommand {
    /// Import products from a CSV file (columns: nom, code-barres, prix, tva, unité, catégorie, coût, seuil, stock, actif)
    Products { file: PathBuf },
}

#[derive(Debug, clap::Subcommand)]
pub enum ExportCommand {
    /// The catalogue, in the format the import reads
    Products { file: Option<PathBuf> },
    /// Stock per product and location, with its value at average cost
    Stock { file: Option<PathBuf> },
}

/// Exit code of an import that left rows out (the others were imported).
pub const PARTIAL_IMPORT: u8 = 3;

fn open(db_url: &str) -> Result<Db, CliError> {
    let db = Db::connect(db_url)?;
    db.migrate()?;
    Ok(db)
}

pub fn import(db_url: &str, command: ImportCommand) -> Result<u8, CliError> {
    let ImportCommand::Products { file } = command;
    let bytes =
        std::fs::read(&file).map_err(|e| CliError::Usage(format!("{}: {e}", file.display())))?;
    let table = csv_in::read_csv(&bytes)
        .map_err(|e| CliError::Usage(format!("{} : {}", file.display(), csv_error_fr(&e))))?;
    let db = open(db_url)?;
    let bar = if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(table.rows.len() as u64);
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} lignes ({eta})") {
            bar.set_style(style);
        }
        bar
    } else {
        ProgressBar::hidden()
    };
    let now = SystemClock.now_naive();
    let report = db
        .write(|conn| {
            import::import_products(conn, &table, None, now, &mut |done| bar.set_position(done))
        })
        .map_err(|e| match e {
            ImportError::Csv(e) => {
                CliError::Usage(format!("{} : {}", file.display(), csv_error_fr(&e)))
            }
            ImportError::Inventory(e) => CliError::Usage(AppError::from(e).message(Lang::Fr)),
        })?;
    bar.finish_and_clear();
    println!(
        "{} produit(s) créé(s), {} mis à jour, {} ligne(s) refusée(s)",
        report.created,
        report.updated,
        report.rejected.len()
    );
    for rejected in &report.rejected {
        println!(
            "ligne {} : {}",
            rejected.line,
            row_error_fr(&rejected.error)
        );
    }
    Ok(if report.rejected.is_empty() {
        0
    } else {
        PARTIAL_IMPORT
    })
}

pub fn export(db_url: &str, command: ExportCommand) -> Result<(), CliError> {
    let db = open(db_url)?;
    let (file, bytes) = match command {
        ExportCommand::Products { file } => {
            let rows = db
                .read(import::export_rows)
                .map_err(AppError::from)
                .map_err(|e| CliError::Usage(e.message(Lang::Fr)))?;
            (file, csv_in::write_csv(&import::EXPORT_HEADERS, rows))
        }
        ExportCommand::Stock { file } => {
            let rows = db
                .read(import::stock_rows)
                .map_err(AppError::from)
                .map_err(|e| CliError::Usage(e.message(Lang::Fr)))?;
            (file, csv_in::write_csv(&import::STOCK_HEADERS, rows))
        }
    };
    write_out(file.as_deref(), &bytes)
}

fn write_out(file: Option<&Path>, bytes: &[u8]) -> Result<(), CliError> {
    match file {
        Some(path) => std::fs::write(path, bytes)
            .map_err(|e| CliError::Usage(format!("{}: {e}", path.display()))),
        None => Ok(std::io::stdout().write_all(bytes)?),
    }
}
