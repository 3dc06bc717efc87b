//! E-mailing a receipt at the customer's request. The address serves that
//! receipt only: it is kept with the sending (not on the ticket, not in the
//! chained journal, never in the customer file), so it can be erased.

use crate::error::Result;
use crate::ledger::journal::{self, EventKind};
use crate::receipt::{Receipt, from_ticket};
use crate::tickets;
use chrono::NaiveDateTime;
use db::DbConn;
use db::ids::UserId;
use db::schema::receipt_emails;
use diesel::prelude::*;

/// A receipt ready to be e-mailed.
#[derive(Debug, Clone)]
pub struct MailJob {
    pub ticket_id: i64,
    pub till_id: i64,
    pub receipt: Receipt,
}

pub fn prepare(
    conn: &mut DbConn,
    ticket_id: i64,
    local: impl Fn(NaiveDateTime) -> NaiveDateTime,
) -> Result<MailJob> {
    let ticket = tickets::get(conn, ticket_id)?;
    let receipt = from_ticket::build(conn, &ticket, None, local)?;
    Ok(MailJob {
        ticket_id: ticket.id,
        till_id: ticket.till_id,
        receipt,
    })
}

/// Records the sending (or its failure) after the SMTP server answered.
pub fn record(
    conn: &mut DbConn,
    job: &MailJob,
    address: &str,
    outcome: std::result::Result<(), String>,
    user: UserId,
    at: NaiveDateTime,
) -> Result<()> {
    let sent = outcome.is_ok();
    diesel::insert_into(receipt_emails::table)
        .values((
            receipt_emails::ticket_id.eq(job.ticket_id),
            receipt_emails::address.eq(address.trim()),
            receipt_emails::requested_at.eq(at),
            receipt_emails::sent_at.eq(sent.then_some(at)),
            receipt_emails::error.eq(outcome.err()),
        ))
        .execute(conn)?;
    if sent {
        journal::append(
            conn,
            job.till_id,
            EventKind::ReceiptEmailed,
            Some(job.ticket_id),
            "e-mail",
            Some(user),
            at,
        )?;
    }
    Ok(())
}
