//! `comptoir demo`: a believable shop in an empty database.

use super::CliError;
use crate::error::AppError;
use ::web::i18n::Lang;
use db::{Clock, Db, SystemClock};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;

pub fn demo(db_url: &str) -> Result<(), CliError> {
    let db = Db::connect(db_url)?;
    db.migrate()?;
    let bar = if std::io::stderr().is_terminal() {
        let bar = ProgressBar::new(inventory::demo::product_count());
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} produits ({eta})") {
            bar.set_style(style);
        }
        bar
    } else {
        ProgressBar::hidden()
    };
    let now = SystemClock.now_naive();
    let report = db
        .write(|conn| inventory::demo::fill(conn, now, &mut |done| bar.set_position(done)))
        .map_err(|e| CliError::Usage(AppError::from(e).message(Lang::Fr)))?;
    bar.finish_and_clear();
    println!(
        "boutique de démonstration : {} produits, {} fournisseurs, {} commandes",
        report.products, report.suppliers, report.orders
    );
    Ok(())
}
