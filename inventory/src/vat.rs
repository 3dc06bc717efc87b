//! VAT rates, with the dates they apply: France's 20, 10, 5.5, 2.1 and 0 % are
//! seeded; a change of rate is a new row from its first day.
//!
//! A rate's `code` names its line for good: products store it, and when the
//! law moves the normal rate from 20 to 21 %, the line `20` gets a new row at
//! 2100 from that day, so every product filed under `20` follows without being
//! touched. Pages show the percentage itself ([`code_of`] of the rate).

use crate::error::{InventoryError, Result};
use chrono::{NaiveDate, NaiveDateTime};
use db::DbConn;
use db::audit::{self, AuditEntry};
use db::ids::UserId;
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
    let rows: Vec<(String, i64)> = db::native!(conn, |c| vat_rates::table
        .filter(vat_rates::valid_from.le(day))
        .filter(
            vat_rates::valid_to
                .is_null()
                .or(vat_rates::valid_to.ge(day)),
        )
        .order(vat_rates::rate.desc())
        .select((vat_rates::code, vat_rates::rate))
        .load(c))?;
    Ok(rows
        .into_iter()
        .map(|(code, rate)| VatRate { code, rate })
        .collect())
}

/// The rate meant by what someone typed (`20`, `5,5`, `5.50`, `5.5 %`), if it is
/// in force on `day`: a rate of that value, else the line of that code (a form
/// that offers the lines by code keeps working after a change of rate).
pub fn resolve(conn: &mut DbConn, typed: &str, day: NaiveDate) -> Result<VatRate> {
    let rates = in_force(conn, day)?;
    let cleaned = typed.trim().trim_end_matches('%').trim();
    let wanted = db::fixed::parse(cleaned, 2).ok();
    rates
        .iter()
        .find(|r| Some(r.rate) == wanted)
        .or_else(|| rates.iter().find(|r| r.code == cleaned))
        .cloned()
        .ok_or_else(|| {
            let known: Vec<String> = rates.iter().map(|r| code_of(r.rate)).collect();
            InventoryError::UnknownVatRate(typed.trim().to_owned(), known.join(", "))
        })
}

/// The rate in force on `day` for a product's stored code: the line of that
/// code (whatever its percentage that day), else a rate typed as `code`.
pub fn rate_of(conn: &mut DbConn, code: &str, day: NaiveDate) -> Result<VatRate> {
    let line = in_force(conn, day)?.into_iter().find(|r| r.code == code);
    match line {
        Some(rate) => Ok(rate),
        None => resolve(conn, code, day),
    }
}

/// One row of the rates table: a line's percentage over a span of days.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct VatPeriod {
    pub id: i64,
    pub code: String,
    pub rate: i64,
    pub valid_from: NaiveDate,
    /// The last day it applies; None: until further notice.
    pub valid_to: Option<NaiveDate>,
}

impl VatPeriod {
    pub fn applies_on(&self, day: NaiveDate) -> bool {
        self.valid_from <= day && self.valid_to.is_none_or(|to| to >= day)
    }
}

/// Every row, past, present and scheduled: line by line (highest first rate
/// first), each line in date order.
pub fn periods(conn: &mut DbConn) -> Result<Vec<VatPeriod>> {
    let mut rows: Vec<VatPeriod> = vat_rates::table
        .order((vat_rates::valid_from.asc(), vat_rates::id.asc()))
        .select((
            vat_rates::id,
            vat_rates::code,
            vat_rates::rate,
            vat_rates::valid_from,
            vat_rates::valid_to,
        ))
        .load(conn)?;
    let mut first_rate: std::collections::HashMap<String, i64> = Default::default();
    for row in &rows {
        first_rate.entry(row.code.clone()).or_insert(row.rate);
    }
    rows.sort_by_key(|r| {
        (
            std::cmp::Reverse(first_rate.get(&r.code).copied().unwrap_or(0)),
            r.code.clone(),
            r.valid_from,
        )
    });
    Ok(rows)
}

/// A percentage as typed: `21`, `5,5`, `5.5 %` → hundredths (0 to 99.99 %).
pub fn parse_rate(typed: &str) -> Result<i64> {
    let cleaned = typed.trim().trim_end_matches('%').trim();
    db::fixed::parse(cleaned, 2)
        .ok()
        .filter(|rate| (0..10_000).contains(rate))
        .ok_or_else(|| InventoryError::InvalidVatRate(typed.trim().to_owned()))
}

/// A change of rate to schedule.
#[derive(Debug, Clone)]
pub struct VatChange<'a> {
    /// The line that changes (`20`), or None for a new line of its own.
    pub code: Option<&'a str>,
    /// The new percentage as typed: `21`, `5,5`.
    pub rate: &'a str,
    /// Its first day.
    pub valid_from: NaiveDate,
}

/// Schedules a new rate from a day after `today`: the line's row covering that
/// day ends the day before, and the new row takes over until that row's end.
/// Refused: a malformed rate, a day that is not in the future, a rate already
/// in force that day (two lines at one percentage), a line that already
/// changes that day, a new line whose code exists.
pub fn schedule(
    conn: &mut DbConn,
    change: &VatChange<'_>,
    today: NaiveDate,
    actor: Option<UserId>,
    at: NaiveDateTime,
) -> Result<VatPeriod> {
    let rate = parse_rate(change.rate)?;
    let from = change.valid_from;
    if from <= today {
        return Err(InventoryError::VatDateNotFuture);
    }
    if in_force(conn, from)?.iter().any(|r| r.rate == rate) {
        return Err(InventoryError::DuplicateVatRate(code_of(rate)));
    }
    let all = periods(conn)?;
    let (code, valid_to) = match change.code.map(str::trim).filter(|c| !c.is_empty()) {
        Some(code) => {
            let current = all
                .iter()
                .find(|p| p.code == code && p.applies_on(from))
                .ok_or_else(|| InventoryError::NotFound {
                    what: "VAT rate",
                    id: code.to_owned(),
                })?;
            if current.valid_from == from {
                return Err(InventoryError::DuplicateVatRate(code_of(current.rate)));
            }
            let day_before = from.pred_opt().unwrap_or(from);
            diesel::update(vat_rates::table.find(current.id))
                .set(vat_rates::valid_to.eq(Some(day_before)))
                .execute(conn)?;
            (code.to_owned(), current.valid_to)
        }
        None => {
            let code = code_of(rate);
            if all.iter().any(|p| p.code == code) {
                return Err(InventoryError::DuplicateVatRate(code));
            }
            (code, None)
        }
    };
    diesel::insert_into(vat_rates::table)
        .values((
            vat_rates::code.eq(&code),
            vat_rates::rate.eq(rate),
            vat_rates::valid_from.eq(from),
            vat_rates::valid_to.eq(valid_to),
        ))
        .execute(conn)?;
    let period = periods(conn)?
        .into_iter()
        .find(|p| p.code == code && p.valid_from == from)
        .ok_or_else(|| InventoryError::NotFound {
            what: "VAT rate",
            id: code.clone(),
        })?;
    audit::record(
        conn,
        &AuditEntry {
            at,
            user_id: actor,
            action: "vat.schedule",
            entity: "vat_rate",
            entity_id: Some(period.id.to_string()),
            detail: Some(format!("{code}: {} from {from}", code_of(rate))),
        },
    )?;
    Ok(period)
}
