//! What the till's tickets teach the customer file, written in the sale's own
//! transaction: visits, spending (in total and per category), first and last
//! visit, and points earned and spent.
//!
//! A refund (a negative total) takes back the spending and the points the
//! original sale gave, in proportion to the amount refunded, and does not
//! count a visit. Points spent on the original ticket come back first; then
//! the points it earned are taken back, never below zero: when the customer
//! has already spent them, the balance stops at zero and the shop bears the
//! difference (the ledger records what was actually taken, so a later refund
//! of the same ticket takes what is still owed).

use crate::error::{CustomerError, Result};
use crate::fiche;
use crate::kinds::PointsReason;
use crate::points::{self, Move, PointsRules};
use chrono::NaiveDateTime;
use db::ids::UserId;
use db::native::Bind;
use db::schema::{categories, customer_category_spend, points_ledger, tickets};
use db::{DbConn, Money};
use diesel::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;

/// What a ticket tells about its customer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaleFacts {
    pub customer_id: i64,
    pub ticket_id: i64,
    /// Signed: negative for a refund.
    pub total: Money,
    /// Points used as payment on this ticket; negative on a refund that gives
    /// them back.
    pub points_spent: i64,
    /// The ticket's lines' amounts per category (None: no category).
    pub categories: Vec<(Option<i64>, Money)>,
    /// For a refund, the ticket it refunds.
    pub refund_of: Option<i64>,
    pub at: NaiveDateTime,
    pub user_id: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SaleOutcome {
    /// Negative on a refund: the points taken back.
    pub points_earned: i64,
    pub points_balance: i64,
}

/// Credits (or, for a refund, debits) the customer for a ticket. Refuses with
/// `NotEnoughPoints` before writing anything when the points spent exceed the
/// balance. A merged customer's ticket goes to the fiche kept; an anonymised
/// customer's sale is refused (`Anonymised`) and their refund changes nothing.
pub fn record_sale(conn: &mut DbConn, facts: &SaleFacts) -> Result<SaleOutcome> {
    let customer = fiche::resolve(conn, facts.customer_id)?;
    let id = customer.id;
    let is_refund = facts.refund_of.is_some() || facts.total.is_negative();
    if customer.anonymised_at.is_some() {
        if is_refund {
            return Ok(SaleOutcome {
                points_earned: 0,
                points_balance: customer.points,
            });
        }
        return Err(CustomerError::Anonymised(id));
    }
    let user = facts.user_id.map(UserId);
    let movement = |delta: i64, reason: PointsReason| Move {
        customer_id: id,
        delta,
        reason,
        ticket_id: Some(facts.ticket_id),
        at: facts.at,
        user_id: user,
    };
    // Spending first: the guarded debit refuses before anything is written,
    // and (like the update below) locks the customer's row until commit.
    if facts.points_spent > 0 {
        points::post(conn, &movement(-facts.points_spent, PointsReason::Spent))?;
    }
    // Fixed UPDATEs, prepared once (see `db::native!`).
    if is_refund {
        take_back_spending(conn, id, facts.total)?;
    } else {
        // A sale: one statement for the visit, the spending and the dates.
        let at = Some(facts.at);
        db::native!(conn, |c| {
            db::fixed!(
            "UPDATE customers SET visits = visits + 1, total_spent = total_spent + ?, \
             first_visit = CASE WHEN first_visit IS NULL OR first_visit > ? THEN ? ELSE first_visit END, \
             last_visit = CASE WHEN last_visit IS NULL OR last_visit < ? THEN ? ELSE last_visit END \
             WHERE id = ?",
            [
                Bind::Int(facts.total.cents()),
                Bind::Time(at),
                Bind::Time(at),
                Bind::Time(at),
                Bind::Time(at),
                Bind::Int(id),
            ]
        )
        .execute(c)
        })?;
    }
    // One row per category: lines of the same category are added up first.
    let mut by_category: Vec<(Option<i64>, i64)> = Vec::with_capacity(facts.categories.len());
    for (category, amount) in &facts.categories {
        match by_category.iter_mut().find(|(c, _)| c == category) {
            Some((_, sum)) => *sum += amount.cents(),
            None => by_category.push((*category, amount.cents())),
        }
    }
    for (category, amount) in by_category {
        add_spend(conn, id, category, amount)?;
    }
    let rules = PointsRules::load(conn)?;
    let (points_earned, points_balance) = if is_refund {
        if facts.points_spent < 0 {
            points::post(conn, &movement(-facts.points_spent, PointsReason::Refund))?;
        }
        let owed = points_to_take_back(conn, facts, &rules)?;
        let balance = fiche::get(conn, id)?.points;
        let taken = owed.min(balance).max(0);
        (
            -taken,
            points::post(conn, &movement(-taken, PointsReason::Refund))?,
        )
    } else {
        let earned = rules.earn_for(facts.total);
        (
            earned,
            points::post(conn, &movement(earned, PointsReason::Sale))?,
        )
    };
    Ok(SaleOutcome {
        points_earned,
        points_balance,
    })
}

/// A refund takes its amount off the customer's spending (never below zero:
/// sales made before the card was scanned were never counted) and counts no
/// visit; the dates of the first and last visits stay.
fn take_back_spending(conn: &mut DbConn, id: i64, total: Money) -> Result<()> {
    db::native!(conn, |c| db::fixed!(
        "UPDATE customers SET total_spent = CASE WHEN total_spent + ? < 0 THEN 0 \
         ELSE total_spent + ? END WHERE id = ?",
        [
            Bind::Int(total.cents()),
            Bind::Int(total.cents()),
            Bind::Int(id)
        ]
    )
    .execute(c))?;
    Ok(())
}

/// What a refund owes back: the original's earned points times the share of
/// its total refunded so far (this refund included), rounded down, less what
/// earlier refunds of it already took. Without an original ticket, the points
/// the refunded amount would have earned.
fn points_to_take_back(conn: &mut DbConn, facts: &SaleFacts, rules: &PointsRules) -> Result<i64> {
    let refunded = facts.total.cents().abs();
    let Some(original) = facts.refund_of else {
        return Ok(rules.earn_for(Money::from_cents(refunded)));
    };
    let original_total: i64 = tickets::table
        .find(original)
        .select(tickets::total)
        .first(conn)
        .optional()?
        .ok_or(CustomerError::TicketNotFound(original))?;
    let earned: i64 = points_ledger::table
        .filter(points_ledger::ticket_id.eq(original))
        .filter(points_ledger::reason.eq(PointsReason::Sale.as_str()))
        .select(points_ledger::delta)
        .load::<i64>(conn)?
        .into_iter()
        .sum();
    if earned <= 0 || original_total <= 0 {
        return Ok(0);
    }
    let earlier: Vec<(i64, i64)> = tickets::table
        .filter(tickets::refund_of.eq(original))
        .filter(tickets::id.ne(facts.ticket_id))
        .select((tickets::id, tickets::total))
        .load(conn)?;
    let refunded_so_far = refunded + earlier.iter().map(|(_, t)| t.abs()).sum::<i64>();
    let earlier_ids: Vec<i64> = earlier.iter().map(|(id, _)| *id).collect();
    let already_taken: i64 = points_ledger::table
        .filter(points_ledger::ticket_id.eq_any(&earlier_ids))
        .filter(points_ledger::reason.eq(PointsReason::Refund.as_str()))
        .filter(points_ledger::delta.lt(0))
        .select(points_ledger::delta)
        .load::<i64>(conn)?
        .into_iter()
        .map(i64::abs)
        .sum();
    let share = i128::from(refunded_so_far.min(original_total));
    let target = i128::from(earned) * share / i128::from(original_total);
    let target = i64::try_from(target).unwrap_or(earned);
    Ok((target - already_taken).max(0))
}

/// Adds `amount` (signed) to what the customer spent in `category`.
pub(crate) fn add_spend(
    conn: &mut DbConn,
    customer_id: i64,
    category: Option<i64>,
    amount: i64,
) -> Result<()> {
    if amount == 0 {
        return Ok(());
    }
    use customer_category_spend as spend;
    // On the sale's path: fixed statements on the backend's own connection,
    // prepared once (see `db::native!`).
    Ok(db::native!(conn, |c| -> diesel::QueryResult<()> {
        let of_customer = spend::table.filter(spend::customer_id.eq(customer_id));
        let row = match category {
            Some(id) => of_customer
                .filter(spend::category_id.eq(id))
                .select(spend::id)
                .first::<i64>(c)
                .optional()?,
            None => of_customer
                .filter(spend::category_id.is_null())
                .select(spend::id)
                .first::<i64>(c)
                .optional()?,
        };
        match row {
            Some(row) => {
                db::fixed!(
                    "UPDATE customer_category_spend SET amount = amount + ? WHERE id = ?",
                    [Bind::Int(amount), Bind::Int(row)]
                )
                .execute(c)?;
            }
            None => {
                diesel::insert_into(spend::table)
                    .values((
                        spend::customer_id.eq(customer_id),
                        spend::category_id.eq(category),
                        spend::amount.eq(amount),
                    ))
                    .execute(c)?;
            }
        }
        Ok(())
    })?)
}

/// Spending in one category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CategorySpend {
    pub category_id: Option<i64>,
    pub name: Option<String>,
    pub amount: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CustomerStats {
    pub visits: i64,
    pub total_spent: Money,
    /// Total spent per visit, rounded to the cent; zero without a visit.
    pub average_basket: Money,
    pub first_visit: Option<NaiveDateTime>,
    pub last_visit: Option<NaiveDateTime>,
    pub points: i64,
    /// The three categories the customer spends most in.
    pub favourite_categories: Vec<CategorySpend>,
}

/// The customer's figures (following a merge).
pub fn stats(conn: &mut DbConn, customer_id: i64) -> Result<CustomerStats> {
    let c = fiche::resolve(conn, customer_id)?;
    let average = if c.visits > 0 {
        let half = c.visits / 2;
        Money::from_cents((c.total_spent + half) / c.visits)
    } else {
        Money::ZERO
    };
    Ok(CustomerStats {
        visits: c.visits,
        total_spent: c.total_spent(),
        average_basket: average,
        first_visit: c.first_visit,
        last_visit: c.last_visit,
        points: c.points,
        favourite_categories: spend_by_category(conn, c.id)?
            .into_iter()
            .filter(|s| s.amount.cents() > 0)
            .take(3)
            .collect(),
    })
}

/// Every category the customer spent in, most first.
pub fn spend_by_category(conn: &mut DbConn, customer_id: i64) -> Result<Vec<CategorySpend>> {
    let rows: Vec<(Option<i64>, i64, Option<String>)> = customer_category_spend::table
        .left_join(categories::table)
        .filter(customer_category_spend::customer_id.eq(customer_id))
        .select((
            customer_category_spend::category_id,
            customer_category_spend::amount,
            categories::name.nullable(),
        ))
        .load(conn)?;
    let mut by: BTreeMap<Option<i64>, (i64, Option<String>)> = BTreeMap::new();
    for (category, amount, name) in rows {
        let entry = by.entry(category).or_insert((0, name));
        entry.0 += amount;
    }
    let mut list: Vec<CategorySpend> = by
        .into_iter()
        .map(|(category_id, (amount, name))| CategorySpend {
            category_id,
            name,
            amount: Money::from_cents(amount),
        })
        .collect();
    list.sort_by(|a, b| {
        b.amount
            .cmp(&a.amount)
            .then(a.category_id.cmp(&b.category_id))
    });
    Ok(list)
}
