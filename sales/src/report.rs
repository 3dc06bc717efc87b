//! X and Z reports: what a cash session took, by payment method and by VAT
//! rate, with discounts, refunds and the cash expected in the drawer. Training
//! tickets never count.

use crate::error::Result;
use crate::ledger::rows::{PaymentFields, VatFields};
use crate::pricing::VatShare;
use crate::sessions::CashSession;
use crate::tills::Till;
use chrono::NaiveDateTime;
use db::schema::{cash_movements, ticket_payments, ticket_vat, tickets};
use db::{DbConn, Money};
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MethodTotal {
    pub method: String,
    pub amount: Money,
}

/// A report as shown, printed and (for a Z) stored with its closure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    /// `X` (during the day) or `Z` (at closing).
    pub kind: String,
    pub till: String,
    pub session_id: i64,
    pub opened_at: NaiveDateTime,
    pub opened_by: i64,
    pub closed_at: Option<NaiveDateTime>,
    pub closed_by: Option<i64>,
    pub opening_float: Money,
    pub sales_count: i64,
    pub sales_total: Money,
    pub refunds_count: i64,
    /// Negative: what went back to customers.
    pub refunds_total: Money,
    pub discounts_total: Money,
    pub net_total: Money,
    pub first_ticket: Option<i64>,
    pub last_ticket: Option<i64>,
    /// Net of change given: cash is what stayed in the drawer.
    pub by_method: Vec<MethodTotal>,
    pub by_vat: Vec<VatShare>,
    pub cash_in: Money,
    pub cash_out: Money,
    pub expected_cash: Money,
    pub counted_cash: Option<Money>,
    pub difference: Option<Money>,
    /// The till's perpetual grand total when the report was made.
    pub grand_total: Money,
}

const METHODS: [&str; 5] = ["cash", "card", "cheque", "voucher", "loyalty"];

/// The report of `session` as it stands now.
pub fn compute(
    conn: &mut DbConn,
    till: &Till,
    session: &CashSession,
    kind: &str,
) -> Result<Report> {
    let real = tickets::table
        .filter(tickets::session_id.eq(session.id))
        .filter(tickets::training.eq(false));
    let rows: Vec<(i64, String, i64, i64, i64)> = real
        .order(tickets::number.asc())
        .select((
            tickets::number,
            tickets::kind,
            tickets::total,
            tickets::discount_total,
            tickets::change_given,
        ))
        .load(conn)?;
    let ids = real.select(tickets::id);
    let payments: Vec<PaymentFields> = ticket_payments::table
        .filter(ticket_payments::ticket_id.eq_any(ids))
        .select(PaymentFields::as_select())
        .load(conn)?;
    let vat: Vec<VatFields> = ticket_vat::table
        .filter(ticket_vat::ticket_id.eq_any(ids))
        .select(VatFields::as_select())
        .load(conn)?;
    let moves: Vec<(String, i64)> = cash_movements::table
        .filter(cash_movements::session_id.eq(session.id))
        .select((cash_movements::kind, cash_movements::amount))
        .load(conn)?;

    let mut report = Report {
        kind: kind.to_owned(),
        till: till.code.clone(),
        session_id: session.id,
        opened_at: session.opened_at,
        opened_by: session.opened_by,
        closed_at: session.closed_at,
        closed_by: session.closed_by,
        opening_float: session.opening_float,
        sales_count: 0,
        sales_total: Money::ZERO,
        refunds_count: 0,
        refunds_total: Money::ZERO,
        discounts_total: Money::ZERO,
        net_total: Money::ZERO,
        first_ticket: rows.first().map(|r| r.0),
        last_ticket: rows.last().map(|r| r.0),
        by_method: Vec::new(),
        by_vat: Vec::new(),
        cash_in: Money::ZERO,
        cash_out: Money::ZERO,
        expected_cash: Money::ZERO,
        counted_cash: session.counted_cash,
        difference: None,
        grand_total: till.grand_total(),
    };
    let mut change = Money::ZERO;
    for (_, kind, total, discount, change_given) in &rows {
        if kind == "refund" {
            report.refunds_count += 1;
            report.refunds_total += Money::from_cents(*total);
        } else {
            report.sales_count += 1;
            report.sales_total += Money::from_cents(*total);
        }
        report.discounts_total += Money::from_cents(*discount);
        change += Money::from_cents(*change_given);
    }
    report.net_total = report.sales_total + report.refunds_total;
    for method in METHODS {
        let mut amount: Money = payments
            .iter()
            .filter(|p| p.method == method)
            .map(|p| Money::from_cents(p.amount))
            .sum();
        if method == "cash" {
            amount -= change;
        }
        if amount != Money::ZERO || method == "cash" {
            report.by_method.push(MethodTotal {
                method: method.to_owned(),
                amount,
            });
        }
    }
    let mut by_vat: Vec<VatShare> = Vec::new();
    for row in vat {
        match by_vat.iter_mut().find(|s| s.rate == row.vat_rate) {
            Some(share) => {
                share.base += Money::from_cents(row.base);
                share.tax += Money::from_cents(row.tax);
                share.total += Money::from_cents(row.total);
            }
            None => by_vat.push(VatShare {
                rate: row.vat_rate,
                code: row.vat_code,
                base: Money::from_cents(row.base),
                tax: Money::from_cents(row.tax),
                total: Money::from_cents(row.total),
            }),
        }
    }
    by_vat.sort_by_key(|s| std::cmp::Reverse(s.rate));
    report.by_vat = by_vat;
    for (kind, amount) in moves {
        if kind == "in" {
            report.cash_in += Money::from_cents(amount);
        } else {
            report.cash_out += Money::from_cents(amount);
        }
    }
    let cash_taken = report
        .by_method
        .iter()
        .find(|m| m.method == "cash")
        .map_or(Money::ZERO, |m| m.amount);
    report.expected_cash = report.opening_float + cash_taken + report.cash_in - report.cash_out;
    report.difference = report.counted_cash.map(|c| c - report.expected_cash);
    Ok(report)
}
