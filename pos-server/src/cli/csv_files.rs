//! `comptoir import products FILE`, `comptoir export products|stock [FILE]`.

use super::CliError;
use crate::error::AppError;
use crate::import_text::{csv_error_fr, customer_row_error_fr, row_error_fr};
use ::web::i18n::Lang;
use customers::export::{self, ExportFormat};
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
    /// Import customers from a CSV file (columns: civilité, prénom, nom, société, e-mail, téléphone, adresse, complément, code postal, ville, pays, date de naissance, langue, notes, étiquettes, carte, consentement e-mail/sms/courrier, texte du consentement)
    Customers { file: PathBuf },
}

#[derive(Debug, clap::Subcommand)]
pub enum ExportCommand {
    /// The catalogue, in the format the import reads
    Products { file: Option<PathBuf> },
    /// Stock per product and location, with its value at average cost
    Stock { file: Option<PathBuf> },
    /// The customer file (not erased ones), in the format the import reads; `--vcard` for contact applications
    Customers {
        file: Option<PathBuf>,
        #[arg(long)]
        vcard: bool,
    },
}

/// Exit code of an import that left rows out (the others were imported).
pub const PARTIAL_IMPORT: u8 = 3;

fn open(db_url: &str) -> Result<Db, CliError> {
    let db = Db::connect(db_url)?;
    db.migrate()?;
    Ok(db)
}

/// What an import did, for the report.
struct Summary {
    created: usize,
    updated: Option<usize>,
    /// Line and reason, in French.
    rejected: Vec<(u64, String)>,
}

pub fn import(db_url: &str, command: ImportCommand) -> Result<u8, CliError> {
    match command {
        ImportCommand::Products { file } => {
            import_file(db_url, &file, "produit(s)", |conn, table, now, progress| {
                let report = import::import_products(conn, table, None, now, progress).map_err(
                    |e| match e {
                        ImportError::Csv(e) => CliError::Usage(csv_error_fr(&e)),
                        ImportError::Inventory(e) => {
                            CliError::Usage(AppError::from(e).message(Lang::Fr))
                        }
                    },
                )?;
                Ok(Summary {
                    created: report.created,
                    updated: Some(report.updated),
                    rejected: report
                        .rejected
                        .iter()
                        .map(|r| (r.line, row_error_fr(&r.error)))
                        .collect(),
                })
            })
        }
        ImportCommand::Customers { file } => {
            import_file(db_url, &file, "client(s)", |conn, table, now, progress| {
                let report = customers::import::import_customers(conn, table, None, now, progress)
                    .map_err(|e| match e {
                        customers::import::ImportError::Csv(e) => CliError::Usage(csv_error_fr(&e)),
                        customers::import::ImportError::Customer(e) => {
                            CliError::Usage(AppError::from(e).message(Lang::Fr))
                        }
                    })?;
                Ok(Summary {
                    created: report.created,
                    updated: None,
                    rejected: report
                        .rejected
                        .iter()
                        .map(|r| (r.line, customer_row_error_fr(&r.error)))
                        .collect(),
                })
            })
        }
    }
}

/// Reads `file`, imports it in one transaction with a progress bar on a
/// terminal, prints the report; exit 3 when rows were refused.
fn import_file<F>(db_url: &str, file: &Path, what: &str, run: F) -> Result<u8, CliError>
where
    F: FnOnce(
        &mut db::DbConn,
        &csv_in::CsvTable,
        chrono::NaiveDateTime,
        &mut dyn FnMut(u64),
    ) -> Result<Summary, CliError>,
{
    let bytes =
        std::fs::read(file).map_err(|e| CliError::Usage(format!("{}: {e}", file.display())))?;
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
        .write(|conn| run(conn, &table, now, &mut |done| bar.set_position(done)))
        .map_err(|e| match e {
            CliError::Usage(message) => CliError::Usage(format!("{} : {message}", file.display())),
            other => other,
        })?;
    bar.finish_and_clear();
    match report.updated {
        Some(updated) => println!(
            "{} {what} créé(s), {updated} mis à jour, {} ligne(s) refusée(s)",
            report.created,
            report.rejected.len()
        ),
        None => println!(
            "{} {what} créé(s), {} ligne(s) refusée(s)",
            report.created,
            report.rejected.len()
        ),
    }
    for (line, reason) in &report.rejected {
        println!("ligne {line} : {reason}");
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
        ExportCommand::Customers { file, vcard } => {
            let format = if vcard {
                ExportFormat::Vcard
            } else {
                ExportFormat::Csv
            };
            let now = SystemClock.now_naive();
            let bytes = db
                .write(|conn| export::export_file(conn, format, None, now, "cli"))
                .map_err(AppError::from)
                .map_err(|e| CliError::Usage(e.message(Lang::Fr)))?;
            (file, bytes)
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
