//! The till's journal: what happens besides tickets (sessions opened and
//! closed, cash in and out, prints and reprints), chained like tickets.

use super::chain_hash;
use super::rows::EventFields;
use crate::error::Result;
use crate::tills;
use chrono::NaiveDateTime;
use db::DbConn;
use db::ids::UserId;
use db::schema::{till_events, tills as tills_t};
use diesel::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    SessionOpened,
    CashIn,
    CashOut,
    SessionClosed,
    /// The first print of a ticket.
    Print,
    /// A copy: DUPLICATA.
    Reprint,
    ReceiptEmailed,
}

impl EventKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::SessionOpened => "session_opened",
            EventKind::CashIn => "cash_in",
            EventKind::CashOut => "cash_out",
            EventKind::SessionClosed => "session_closed",
            EventKind::Print => "print",
            EventKind::Reprint => "reprint",
            EventKind::ReceiptEmailed => "receipt_emailed",
        }
    }
}

/// Appends an event to the till's journal, in the caller's transaction.
pub fn append(
    conn: &mut DbConn,
    till_id: i64,
    kind: EventKind,
    ticket_id: Option<i64>,
    detail: &str,
    user: Option<UserId>,
    at: NaiveDateTime,
) -> Result<()> {
    let till = tills::get(conn, till_id)?;
    let fields = EventFields {
        till_id,
        number: till.last_event_number + 1,
        kind: kind.as_str().to_owned(),
        ticket_id,
        detail: detail.to_owned(),
        user_id: user.map(i64::from),
        at,
    };
    let hash = chain_hash(&till.last_event_hash, &fields);
    diesel::insert_into(till_events::table)
        .values((
            &fields,
            till_events::previous_hash.eq(&till.last_event_hash),
            till_events::hash.eq(&hash),
        ))
        .execute(conn)?;
    diesel::update(tills_t::table.find(till_id))
        .set((
            tills_t::last_event_number.eq(fields.number),
            tills_t::last_event_hash.eq(hash),
        ))
        .execute(conn)?;
    Ok(())
}

/// How many times a ticket went to paper (prints and reprints).
pub fn prints_of(conn: &mut DbConn, ticket_id: i64) -> Result<i64> {
    Ok(till_events::table
        .filter(till_events::ticket_id.eq(ticket_id))
        .filter(till_events::kind.eq_any([EventKind::Print.as_str(), EventKind::Reprint.as_str()]))
        .count()
        .get_result(conn)?)
}
