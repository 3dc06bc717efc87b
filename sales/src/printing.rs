//! Printing a ticket on its till's printer, in three steps so that no
//! transaction waits on a printer: `prepare` reads the ticket and lays out the
//! bytes, the caller sends them (`printer::send`, a few seconds at most), and
//! `record` writes the print in the journal once the printer took it. The
//! first print is the original; every later one is a DUPLICATA with its number.

use crate::error::{Result, SalesError};
use crate::ledger::journal::{self, EventKind};
use crate::printer::PrinterAddress;
use crate::receipt::{Lang, escpos, from_ticket};
use crate::tickets;
use crate::tills;
use chrono::NaiveDateTime;
use db::DbConn;
use db::ids::UserId;

/// Bytes ready for a printer.
#[derive(Debug, Clone)]
pub struct PrintJob {
    pub ticket_id: i64,
    pub till_id: i64,
    pub till_code: String,
    pub address: Option<PrinterAddress>,
    pub bytes: Vec<u8>,
    /// 0 for the original, n for DUPLICATA n.
    pub copy: u32,
}

pub fn prepare(
    conn: &mut DbConn,
    ticket_id: i64,
    local: impl Fn(NaiveDateTime) -> NaiveDateTime,
) -> Result<PrintJob> {
    let ticket = tickets::get(conn, ticket_id)?;
    let till = tills::get(conn, ticket.till_id)?;
    let prints = journal::prints_of(conn, ticket.id)?;
    let copy = u32::try_from(prints).unwrap_or(u32::MAX);
    let receipt = from_ticket::build(conn, &ticket, (copy > 0).then_some(copy), local)?;
    // The drawer opens for the original of a ticket that moved cash.
    let cash = ticket.payments.iter().any(|p| p.method == "cash");
    let open_drawer = till.drawer_on_cash && copy == 0 && cash;
    let columns = usize::try_from(till.printer_columns).unwrap_or(42);
    let bytes = escpos::render_in(&receipt, columns, Lang::Fr, open_drawer).map_err(|e| {
        SalesError::Invalid {
            field: "receipt",
            reason: e.to_string(),
        }
    })?;
    let address = match till.printer.as_deref() {
        Some(raw) => Some(PrinterAddress::parse(raw).map_err(|e| SalesError::Invalid {
            field: "printer",
            reason: e.to_string(),
        })?),
        None => None,
    };
    Ok(PrintJob {
        ticket_id: ticket.id,
        till_id: till.id,
        till_code: till.code,
        address,
        bytes,
        copy,
    })
}

/// Writes the print in the till's journal, after the printer took it.
pub fn record(conn: &mut DbConn, job: &PrintJob, user: UserId, at: NaiveDateTime) -> Result<()> {
    let (kind, detail) = if job.copy == 0 {
        (EventKind::Print, "original".to_owned())
    } else {
        (EventKind::Reprint, format!("duplicata {}", job.copy))
    };
    journal::append(
        conn,
        job.till_id,
        kind,
        Some(job.ticket_id),
        &detail,
        Some(user),
        at,
    )
}
