//! `comptoir verify`: recomputes every chain (tickets, journal, closures) of
//! every till and names the first record that does not match.

use super::chain_hash;
use super::rows::{
    ClosureFields, EventFields, LineFields, PaymentFields, TicketContent, TicketFields, VatFields,
};
use crate::error::Result;
use crate::tills::{self, Till};
use db::DbConn;
use db::schema::{closures, ticket_lines, ticket_payments, ticket_vat, tickets, till_events};
use diesel::prelude::*;
use std::collections::HashMap;

/// The first record that breaks a chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Broken {
    pub till: String,
    /// `ticket 12`, `event 3`, `closure 1`, or `till` for its chain heads.
    pub record: String,
    pub reason: String,
}

impl std::fmt::Display for Broken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "till {}: {}: {}", self.till, self.record, self.reason)
    }
}

/// What was checked.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Checked {
    pub tills: usize,
    pub tickets: usize,
    pub events: usize,
    pub closures: usize,
}

/// Every chain of every till; `Err(Broken)` names the first mismatch.
pub fn verify_all(conn: &mut DbConn) -> Result<Result<Checked, Broken>> {
    let mut checked = Checked::default();
    for till in tills::all(conn)? {
        checked.tills += 1;
        let broken = |record: String, reason: &str| Broken {
            till: till.code.clone(),
            record,
            reason: reason.to_owned(),
        };
        match tickets_of(conn, &till)? {
            Ok(n) => checked.tickets += n,
            Err((record, reason)) => return Ok(Err(broken(record, reason))),
        }
        match events_of(conn, &till)? {
            Ok(n) => checked.events += n,
            Err((record, reason)) => return Ok(Err(broken(record, reason))),
        }
        match closures_of(conn, &till)? {
            Ok(n) => checked.closures += n,
            Err((record, reason)) => return Ok(Err(broken(record, reason))),
        }
    }
    Ok(Ok(checked))
}

type Outcome = std::result::Result<usize, (String, &'static str)>;

/// Walks one chain: numbers follow from 1, each previous hash is the one
/// before, each hash is recomputed; the till's head names the last record.
struct Walk<'a> {
    what: &'static str,
    expected_number: i64,
    previous: String,
    head: (&'a str, i64),
}

impl Walk<'_> {
    fn step<T: serde::Serialize>(
        &mut self,
        number: i64,
        previous_hash: &str,
        hash: &str,
        content: &T,
    ) -> std::result::Result<(), (String, &'static str)> {
        let record = format!("{} {number}", self.what);
        if number != self.expected_number {
            return Err((
                format!("{} {}", self.what, self.expected_number),
                "missing: the numbers skip it",
            ));
        }
        if previous_hash != self.previous {
            return Err((
                record,
                "its previous hash is not the hash of the record before",
            ));
        }
        if chain_hash(previous_hash, content) != hash {
            return Err((
                record,
                "its content does not match its hash (changed after the fact)",
            ));
        }
        self.previous = hash.to_owned();
        self.expected_number += 1;
        Ok(())
    }

    fn end(&self) -> std::result::Result<(), (String, &'static str)> {
        let (head_hash, head_number) = self.head;
        if head_number != self.expected_number - 1 || head_hash != self.previous {
            return Err((
                format!("{} {}", self.what, head_number),
                "the till's last record is missing",
            ));
        }
        Ok(())
    }
}

fn grouped<T, F: Fn(&T) -> i64>(rows: Vec<T>, key: F) -> HashMap<i64, Vec<T>> {
    let mut map: HashMap<i64, Vec<T>> = HashMap::new();
    for row in rows {
        map.entry(key(&row)).or_default().push(row);
    }
    map
}

fn tickets_of(conn: &mut DbConn, till: &Till) -> Result<Outcome> {
    let rows: Vec<(i64, TicketFields, String, String)> = tickets::table
        .filter(tickets::till_id.eq(till.id))
        .filter(tickets::training.eq(false))
        .order(tickets::number.asc())
        .select((
            tickets::id,
            TicketFields::as_select(),
            tickets::previous_hash,
            tickets::hash,
        ))
        .load(conn)?;
    let ids = tickets::table
        .filter(tickets::till_id.eq(till.id))
        .filter(tickets::training.eq(false))
        .select(tickets::id);
    let mut lines = grouped(
        ticket_lines::table
            .filter(ticket_lines::ticket_id.eq_any(ids))
            .order((ticket_lines::ticket_id, ticket_lines::position))
            .select(LineFields::as_select())
            .load(conn)?,
        |l| l.ticket_id,
    );
    let mut vat = grouped(
        ticket_vat::table
            .filter(ticket_vat::ticket_id.eq_any(ids))
            .order((ticket_vat::ticket_id, ticket_vat::vat_rate.desc()))
            .select(VatFields::as_select())
            .load(conn)?,
        |v| v.ticket_id,
    );
    let mut payments = grouped(
        ticket_payments::table
            .filter(ticket_payments::ticket_id.eq_any(ids))
            .order((ticket_payments::ticket_id, ticket_payments::position))
            .select(PaymentFields::as_select())
            .load(conn)?,
        |p| p.ticket_id,
    );
    let mut walk = Walk {
        what: "ticket",
        expected_number: 1,
        previous: String::new(),
        head: (&till.last_hash, till.last_number),
    };
    let mut grand_total = 0_i64;
    let count = rows.len();
    for (id, ticket, previous_hash, hash) in rows {
        let number = ticket.number;
        grand_total += ticket.total;
        let stored_grand_total = ticket.grand_total;
        let content = TicketContent {
            ticket,
            lines: lines.remove(&id).unwrap_or_default(),
            vat: vat.remove(&id).unwrap_or_default(),
            payments: payments.remove(&id).unwrap_or_default(),
        };
        if let Err(e) = walk.step(number, &previous_hash, &hash, &content) {
            return Ok(Err(e));
        }
        if stored_grand_total != grand_total {
            return Ok(Err((
                format!("ticket {number}"),
                "the perpetual grand total does not add up",
            )));
        }
    }
    if let Err(e) = walk.end() {
        return Ok(Err(e));
    }
    if till.grand_total != grand_total {
        return Ok(Err((
            "till".to_owned(),
            "the perpetual grand total does not add up",
        )));
    }
    Ok(Ok(count))
}

fn events_of(conn: &mut DbConn, till: &Till) -> Result<Outcome> {
    let rows: Vec<(EventFields, String, String)> = till_events::table
        .filter(till_events::till_id.eq(till.id))
        .order(till_events::number.asc())
        .select((
            EventFields::as_select(),
            till_events::previous_hash,
            till_events::hash,
        ))
        .load(conn)?;
    let mut walk = Walk {
        what: "event",
        expected_number: 1,
        previous: String::new(),
        head: (&till.last_event_hash, till.last_event_number),
    };
    let count = rows.len();
    for (event, previous_hash, hash) in rows {
        if let Err(e) = walk.step(event.number, &previous_hash, &hash, &event) {
            return Ok(Err(e));
        }
    }
    Ok(walk.end().map(|()| count))
}

fn closures_of(conn: &mut DbConn, till: &Till) -> Result<Outcome> {
    let rows: Vec<(ClosureFields, String, String)> = closures::table
        .filter(closures::till_id.eq(till.id))
        .order(closures::number.asc())
        .select((
            ClosureFields::as_select(),
            closures::previous_hash,
            closures::hash,
        ))
        .load(conn)?;
    let mut walk = Walk {
        what: "closure",
        expected_number: 1,
        previous: String::new(),
        head: (&till.last_closure_hash, till.last_closure_number),
    };
    let count = rows.len();
    for (closure, previous_hash, hash) in rows {
        if let Err(e) = walk.step(closure.number, &previous_hash, &hash, &closure) {
            return Ok(Err(e));
        }
    }
    Ok(walk.end().map(|()| count))
}
