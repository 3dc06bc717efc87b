//! VAT rates, with the dates they apply: France's 20, 10, 5.5, 2.1 and 0 % are
//! seeded; a change of rate is a new row from its first day.

use crate::error::{InventoryError, Result};
use chrono::NaiveDate;
use db::DbConn;
use db::schema::vat_rates;
use diesel::prelude::*;

/// A rate as it applies on a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VatRate {
    /// As written on receipts and in the API: `20`, `5.5`.
    pub code: String,
    /// Hundredths of a percent: 5.5 % is 550.
    pub rate: i64,
}

/// `550` → `5.5`, `2000` → `20`.
pub fn code_of(rate: i64) -> String {
    let text = db::fixed::to_plain(rate, 2);
    let text = text.trim_end_matches('0');
    text.strip_suffix('.').unwrap_or(text).to_owned()
}

/// The rates in force on `day`, highest first.
pub fn in_force(conn: &mut DbConn, day: NaiveDate) -> Result<Vec<VatRate>> {
    let rows: Vec<(String, i64)> = vat_rates::table
        .filter(vat_rates::valid_from.le(day))
        .filter(
            vat_rates::valid_to
                .is_null()
                .or(vat_rates::valid_to.ge(day)),
        )
        .order(vat_rates::rate.desc())
        .select((vat_rates::code, vat_rates::rate))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(code, rate)| VatRate { code, rate })
        .collect())
}

/// The rate meant by what someone typed (`20`, `5,5`, `5.50`, `5.5 %`), if it is
/// in force on `day`.
pub fn resolve(conn: &mut DbConn, typed: &str, day: NaiveDate) -> Result<VatRate> {
    let rates = in_force(conn, day)?;
    let cleaned = typed.trim().trim_end_matches('%').trim();
    let wanted = db::fixed::parse(cleaned, 2).ok();
    rates
        .iter()
        .find(|r| Some(r.rate) == wanted)
        .cloned()
        .ok_or_else(|| {
            let known: Vec<&str> = rates.iter().map(|r| r.code.as_str()).collect();
            InventoryError::UnknownVatRate(typed.trim().to_owned(), known.join(", "))
        })
}

/// The rate in force on `day` for a product's stored code.
pub fn rate_of(conn: &mut DbConn, code: &str, day: NaiveDate) -> Result<VatRate> {
    resolve(conn, code, day)
}
