//! `comptoir demo`: a believable shop in an empty database.

use super::CliError;
use crate::error::AppError;
use ::web::i18n::Lang;
use db::accounts::{HashedPassword, users};
use db::{Clock, Db, Role, SystemClock};
use indicatif::{ProgressBar, ProgressStyle};
use sales::SalesError;
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
    // Yesterday's tickets name a cashier: a demo account nobody can log into
    // (its password is random and never shown).
    let password = HashedPassword::new(&db::accounts::random_secret())?;
    let (report, sales) = db
        .write(|conn| -> Result<_, SalesError> {
            let report = inventory::demo::fill(conn, now, &mut |done| bar.set_position(done))?;
            let cashier = users::create(
                conn,
                &users::NewUser {
                    username: "caisse-demo",
                    display_name: "Caisse démo",
                    role: Role::Cashier,
                    password: &password,
                    pin: None,
                },
                None,
                now,
            )
            .map_err(|e| SalesError::Invalid {
                field: "user",
                reason: e.to_string(),
            })?;
            let sales = sales::demo::fill(conn, now, cashier.id)?;
            Ok((report, sales))
        })
        .map_err(|e| CliError::Usage(AppError::from(e).message(Lang::Fr)))?;
    bar.finish_and_clear();
    println!(
        "boutique de démonstration : {} produits, {} fournisseurs, {} commandes, caisse T01 avec {} tickets et {} clôture",
        report.products, report.suppliers, report.orders, sales.tickets, sales.closures
    );
    Ok(())
}
