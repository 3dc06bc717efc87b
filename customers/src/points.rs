//! Loyalty points. A sale earns `loyalty.points_per_euro` points (1 by default)
//! per whole euro of its total, rounded down; a point pays
//! `loyalty.point_value_cents` cents (5 by default). The balance is kept on the
//! customer's row and every move is a line of `points_ledger` with the balance
//! after it.

use crate::error::{CustomerError, Result};
use crate::fiche;
use crate::kinds::PointsReason;
use chrono::NaiveDateTime;
use db::audit::{self, AuditEntry};
use db::ids::UserId;
use db::native::Bind;
use db::schema::{customers, points_ledger};
use db::{DbConn, Money};
use diesel::prelude::*;
use serde::Serialize;

pub const POINTS_PER_EURO_KEY: &str = "loyalty.points_per_euro";
pub const POINT_VALUE_KEY: &str = "loyalty.point_value_cents";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PointsRules {
    pub points_per_euro: i64,
    pub point_value: Money,
}

impl Default for PointsRules {
    fn default() -> Self {
        PointsRules {
            points_per_euro: 1,
            point_value: Money::from_cents(5),
        }
    }
}

impl PointsRules {
    /// The shop's rules; a setting that does not read falls back to its
    /// default rather than stopping the till (only `save` writes them).
    pub fn load(conn: &mut DbConn) -> Result<PointsRules> {
        let default = PointsRules::default();
        let per_euro = read(conn, POINTS_PER_EURO_KEY, 0)?.unwrap_or(default.points_per_euro);
        let value = read(conn, POINT_VALUE_KEY, 1)?.unwrap_or(default.point_value.cents());
        Ok(PointsRules {
            points_per_euro: per_euro,
            point_value: Money::from_cents(value),
        })
    }

    /// Saves both settings: points per euro from 0 (no points) up, a point's
    /// value at least one cent.
    pub fn save(&self, conn: &mut DbConn, user: Option<UserId>, at: NaiveDateTime) -> Result<()> {
        if !(0..=1000).contains(&self.points_per_euro) {
            return Err(CustomerError::InvalidSetting {
                key: POINTS_PER_EURO_KEY,
                value: self.points_per_euro.to_string(),
            });
        }
        if !(1..=100_000).contains(&self.point_value.cents()) {
            return Err(CustomerError::InvalidSetting {
                key: POINT_VALUE_KEY,
                value: self.point_value.cents().to_string(),
            });
        }
        db::settings::set(
            conn,
            POINTS_PER_EURO_KEY,
            &self.points_per_euro.to_string(),
            at,
        )?;
        db::settings::set(
            conn,
            POINT_VALUE_KEY,
            &self.point_value.cents().to_string(),
            at,
        )?;
        audit::record(
            conn,
            &AuditEntry {
                at,
                user_id: user,
                action: "settings.loyalty_points",
                entity: "settings",
                entity_id: Some("loyalty".to_owned()),
                detail: Some(format!(
                    "points_per_euro={} point_value_cents={}",
                    self.points_per_euro,
                    self.point_value.cents()
                )),
            },
        )?;
        Ok(())
    }

    /// Points a sale of `total` earns: per whole euro, rounded down; none for
    /// a total of zero or less.
    pub fn earn_for(&self, total: Money) -> i64 {
        if total.cents() <= 0 {
            return 0;
        }
        (total.cents() / 100).saturating_mul(self.points_per_euro)
    }

    /// What `points` pay.
    pub fn value_of(&self, points: i64) -> Money {
        Money::from_cents(points.saturating_mul(self.point_value.cents()))
    }

    /// Points needed to pay `amount`, rounded up.
    pub fn points_for(&self, amount: Money) -> i64 {
        let value = self.point_value.cents().max(1);
        if amount.cents() <= 0 {
            return 0;
        }
        (amount.cents() + value - 1) / value
    }
}

fn read(conn: &mut DbConn, key: &'static str, min: i64) -> Result<Option<i64>> {
    let Some(stored) = db::settings::get(conn, key)? else {
        return Ok(None);
    };
    match stored.trim().parse::<i64>() {
        Ok(value) if value >= min => Ok(Some(value)),
        _ => {
            tracing::warn!(key, %stored, "unreadable loyalty setting, using the default");
            Ok(None)
        }
    }
}

/// One move of points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Queryable, Selectable)]
#[diesel(table_name = points_ledger)]
pub struct LedgerEntry {
    pub id: i64,
    pub customer_id: i64,
    pub delta: i64,
    pub reason: String,
    pub ticket_id: Option<i64>,
    pub balance_after: i64,
    pub at: NaiveDateTime,
    pub user_id: Option<i64>,
}

/// The customer's balance (following a merge).
pub fn balance(conn: &mut DbConn, customer_id: i64) -> Result<i64> {
    Ok(fiche::resolve(conn, customer_id)?.points)
}

/// The customer's moves of points, oldest first.
pub fn ledger(conn: &mut DbConn, customer_id: i64) -> Result<Vec<LedgerEntry>> {
    Ok(points_ledger::table
        .filter(points_ledger::customer_id.eq(customer_id))
        .order(points_ledger::id.asc())
        .select(LedgerEntry::as_select())
        .load(conn)?)
}

/// A manual correction by the shop, audited; the balance cannot go below zero.
pub fn adjust(
    conn: &mut DbConn,
    customer_id: i64,
    delta: i64,
    user: Option<UserId>,
    at: NaiveDateTime,
) -> Result<i64> {
    fiche::get(conn, customer_id)?.ensure_live()?;
    let balance = post(
        conn,
        &Move {
            customer_id,
            delta,
            reason: PointsReason::Adjustment,
            ticket_id: None,
            at,
            user_id: user,
        },
    )?;
    audit::record(
        conn,
        &AuditEntry {
            at,
            user_id: user,
            action: "customer.points_adjust",
            entity: "customer",
            entity_id: Some(customer_id.to_string()),
            detail: Some(delta.to_string()),
        },
    )?;
    Ok(balance)
}

pub(crate) struct Move {
    pub customer_id: i64,
    pub delta: i64,
    pub reason: PointsReason,
    pub ticket_id: Option<i64>,
    pub at: NaiveDateTime,
    pub user_id: Option<UserId>,
}

/// Moves points and writes the ledger line. A debit is guarded in the UPDATE
/// itself, so two tills spending the same points cannot both succeed; when
/// the balance is short nothing is written.
pub(crate) fn post(conn: &mut DbConn, m: &Move) -> Result<i64> {
    if m.delta == 0 {
        return balance(conn, m.customer_id);
    }
    // On the sale's path: the backend's own connection (see `db::native!`).
    // A debit never takes the balance below zero: the row is only updated
    // when it holds at least what is taken (a credit has no floor).
    let needed = if m.delta < 0 { -m.delta } else { i64::MIN };
    let updated = db::native!(conn, |c| db::fixed!(
        "UPDATE customers SET points = points + ? WHERE id = ? AND points >= ?",
        [
            Bind::Int(m.delta),
            Bind::Int(m.customer_id),
            Bind::Int(needed)
        ]
    )
    .execute(c))?;
    if updated == 0 {
        let available = fiche::get(conn, m.customer_id)?.points;
        return Err(CustomerError::NotEnoughPoints {
            needed: -m.delta,
            available,
        });
    }
    Ok(db::native!(conn, |c| -> diesel::QueryResult<i64> {
        let balance_after: i64 = customers::table
            .find(m.customer_id)
            .select(customers::points)
            .first(c)?;
        diesel::insert_into(points_ledger::table)
            .values((
                points_ledger::customer_id.eq(m.customer_id),
                points_ledger::delta.eq(m.delta),
                points_ledger::reason.eq(m.reason.as_str()),
                points_ledger::ticket_id.eq(m.ticket_id),
                points_ledger::balance_after.eq(balance_after),
                points_ledger::at.eq(m.at),
                points_ledger::user_id.eq(m.user_id.map(i64::from)),
            ))
            .execute(c)?;
        Ok(balance_after)
    })?)
}

/// What a ticket did to its customer's points: earned (negative when a refund
/// took them back) and the balance after it; None when it moved no points.
pub fn for_ticket(conn: &mut DbConn, ticket_id: i64) -> Result<Option<(i64, i64)>> {
    let rows: Vec<(i64, String, i64)> = points_ledger::table
        .filter(points_ledger::ticket_id.eq(ticket_id))
        .order(points_ledger::id.asc())
        .select((
            points_ledger::delta,
            points_ledger::reason,
            points_ledger::balance_after,
        ))
        .load(conn)?;
    let Some(last) = rows.last() else {
        return Ok(None);
    };
    let earned = rows
        .iter()
        .filter(|(_, reason, _)| reason != PointsReason::Spent.as_str())
        .map(|(delta, _, _)| delta)
        .sum();
    Ok(Some((earned, last.2)))
}
