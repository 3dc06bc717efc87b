//! Tickets on hold: a basket put aside at the till (the customer forgot
//! something) and taken back later, on the same till or another. Not a ticket:
//! nothing is numbered, chained or counted until the sale completes.

use crate::error::{Result, SalesError, optional_text};
use crate::tills;
use chrono::NaiveDateTime;
use db::DbConn;
use db::ids::UserId;
use db::schema::{held_tickets, tills as tills_t};
use diesel::prelude::*;

/// Largest basket kept: a few hundred lines.
const MAX_BASKET: usize = 64 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct Held {
    pub id: i64,
    pub till_code: String,
    pub label: String,
    /// The basket as the till sent it (JSON).
    pub basket: String,
    pub user_id: i64,
    pub created_at: NaiveDateTime,
}

pub fn hold(
    conn: &mut DbConn,
    till_code: &str,
    label: Option<&str>,
    basket: &str,
    user: UserId,
    at: NaiveDateTime,
) -> Result<Held> {
    let till = tills::by_code(conn, till_code)?;
    if basket.len() > MAX_BASKET || basket.trim().is_empty() {
        return Err(SalesError::Invalid {
            field: "basket",
            reason: format!("1 to {MAX_BASKET} bytes"),
        });
    }
    let count = held_tickets::table
        .filter(held_tickets::till_id.eq(till.id))
        .count()
        .get_result::<i64>(conn)?;
    let label = optional_text(label)
        .map(|l| l.chars().take(80).collect::<String>())
        .unwrap_or_else(|| format!("Ticket en attente {}", count + 1));
    diesel::insert_into(held_tickets::table)
        .values((
            held_tickets::till_id.eq(till.id),
            held_tickets::label.eq(&label),
            held_tickets::basket.eq(basket),
            held_tickets::user_id.eq(i64::from(user)),
            held_tickets::created_at.eq(at),
        ))
        .execute(conn)?;
    list(conn, Some(&till.code))?
        .into_iter()
        .next_back()
        .ok_or_else(|| SalesError::NotFound {
            what: "held ticket",
            id: label,
        })
}

/// Held baskets, oldest first; of one till or all.
pub fn list(conn: &mut DbConn, till_code: Option<&str>) -> Result<Vec<Held>> {
    let mut query = held_tickets::table
        .inner_join(tills_t::table)
        .select((
            held_tickets::id,
            tills_t::code,
            held_tickets::label,
            held_tickets::basket,
            held_tickets::user_id,
            held_tickets::created_at,
        ))
        .into_boxed();
    if let Some(code) = till_code {
        query = query.filter(tills_t::code.eq(code.trim().to_uppercase()));
    }
    Ok(query.order(held_tickets::id.asc()).load(conn)?)
}

/// Takes a basket back: it leaves the list (two tills cannot both take it).
pub fn take(conn: &mut DbConn, id: i64) -> Result<Held> {
    let held = list(conn, None)?
        .into_iter()
        .find(|h| h.id == id)
        .ok_or_else(|| SalesError::NotFound {
            what: "held ticket",
            id: id.to_string(),
        })?;
    let deleted = diesel::delete(held_tickets::table.find(id)).execute(conn)?;
    if deleted == 0 {
        return Err(SalesError::NotFound {
            what: "held ticket",
            id: id.to_string(),
        });
    }
    Ok(held)
}
