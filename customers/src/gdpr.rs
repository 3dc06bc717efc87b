//! The person's rights: access (everything held on them, as JSON) and erasure
//! (anonymisation: the person goes, their sales stay for the accounts). Every
//! export, erasure and bulk view of the file is written to the audit log with
//! who did it.

use crate::cards;
use crate::consents::{self, NewConsent};
use crate::enrichment;
use crate::error::{CustomerError, Result};
use crate::fiche::{self, Customer};
use crate::kinds::{Basis, CardStatus, Channel, ConsentSource};
use crate::merge::wipe;
use crate::points;
use chrono::NaiveDateTime;
use db::DbConn;
use db::Money;
use db::audit::{self, AuditEntry};
use db::ids::UserId;
use db::schema::{customer_requests, customers, loyalty_cards, tickets, tills};
use diesel::prelude::*;
use serde_json::{Value, json};

/// The wording of the withdrawal written when a person is anonymised.
pub const ERASURE_TEXT: &str =
    "Effacement des données personnelles à la demande de la personne ou en fin de conservation";

/// Everything held on customer `id` (and the fiches merged into it): the
/// fiche, the consents' history, the cards, the points' ledger, the figures,
/// the spending per category and the tickets (id, till, number, kind, total,
/// date). Audited.
pub fn export(
    conn: &mut DbConn,
    id: i64,
    user: Option<UserId>,
    at: NaiveDateTime,
) -> Result<Value> {
    let customer = fiche::resolve(conn, id)?;
    let id = customer.id;
    let merged_from: Vec<i64> = customers::table
        .filter(customers::merged_into.eq(id))
        .order(customers::id.asc())
        .select(customers::id)
        .load(conn)?;
    let mut ids = vec![id];
    ids.extend(&merged_from);
    let mut ledger = Vec::new();
    for each in &ids {
        ledger.extend(points::ledger(conn, *each)?);
    }
    ledger.sort_by_key(|e| (e.at, e.id));
    let sales: Vec<(i64, String, i64, String, i64, NaiveDateTime)> = tickets::table
        .inner_join(tills::table)
        .filter(tickets::customer_id.eq_any(&ids))
        .filter(tickets::training.eq(false))
        .order((tickets::created_at.asc(), tickets::id.asc()))
        .select((
            tickets::id,
            tills::code,
            tickets::number,
            tickets::kind,
            tickets::total,
            tickets::created_at,
        ))
        .load(conn)?;
    let sales: Vec<Value> = sales
        .into_iter()
        .map(|(ticket, till, number, kind, total, date)| {
            json!({
                "id": ticket,
                "till": till,
                "number": number,
                "kind": kind,
                "total": Money::from_cents(total),
                "at": date,
            })
        })
        .collect();
    let value = json!({
        "exported_at": at,
        "customer": &customer,
        "tags": customer.tag_list(),
        "merged_from": merged_from,
        "consents": consents::history(conn, id)?,
        "cards": cards::of_customer(conn, id)?,
        "points_ledger": ledger,
        "stats": enrichment::stats(conn, id)?,
        "spend_by_category": enrichment::spend_by_category(conn, id)?,
        "tickets": sales,
    });
    audit::record(
        conn,
        &AuditEntry {
            at,
            user_id: user,
            action: "customer.export",
            entity: "customer",
            entity_id: Some(id.to_string()),
            detail: None,
        },
    )?;
    Ok(value)
}

/// Anonymises customer `id`: names, e-mail, phones, address, birth date,
/// notes and tags wiped; cards detached and marked lost; every channel
/// withdrawn by a last consent row; `anonymised_at` set. Tickets, figures and
/// the points' ledger stay, tied to a fiche that no longer names anyone.
/// A second erasure is refused (`AlreadyAnonymised`).
pub fn anonymise(
    conn: &mut DbConn,
    id: i64,
    user: Option<UserId>,
    at: NaiveDateTime,
) -> Result<Customer> {
    let customer = fiche::get(conn, id)?;
    if customer.anonymised_at.is_some() {
        return Err(CustomerError::AlreadyAnonymised(id));
    }
    if let Some(into) = customer.merged_into {
        return Err(CustomerError::Merged { id, into });
    }
    wipe(conn, id, at)?;
    // Links, sessions and pending forms name the person too.
    let requests = customer_requests::table.filter(customer_requests::customer_id.eq(id));
    diesel::delete(requests).execute(conn)?;
    if let Some(email) = &customer.email {
        diesel::delete(customer_requests::table.filter(customer_requests::email.eq(email)))
            .execute(conn)?;
    }
    diesel::update(customers::table.find(id))
        .set(customers::anonymised_at.eq(at))
        .execute(conn)?;
    diesel::update(loyalty_cards::table.filter(loyalty_cards::customer_id.eq(id)))
        .set((
            loyalty_cards::customer_id.eq(None::<i64>),
            loyalty_cards::status.eq(CardStatus::Lost.as_str()),
        ))
        .execute(conn)?;
    for channel in Channel::ALL {
        consents::insert(
            conn,
            id,
            &NewConsent {
                channel: *channel,
                granted: false,
                basis: Basis::Explicit,
                source: ConsentSource::Erasure,
                text_shown: Some(ERASURE_TEXT.to_owned()),
            },
            user,
            at,
        )?;
    }
    audit::record(
        conn,
        &AuditEntry {
            at,
            user_id: user,
            action: "customer.erase",
            entity: "customer",
            entity_id: Some(id.to_string()),
            detail: None,
        },
    )?;
    fiche::get(conn, id)
}

/// Records that `user` viewed or exported the file in bulk (a list, a
/// search's results, a CSV): `what` names it, `count` the fiches shown.
pub fn audit_view(
    conn: &mut DbConn,
    user: Option<UserId>,
    at: NaiveDateTime,
    what: &str,
    count: usize,
) -> Result<()> {
    audit::record(
        conn,
        &AuditEntry {
            at,
            user_id: user,
            action: "customers.view",
            entity: "customers",
            entity_id: None,
            detail: Some(format!("{what} ({count})")),
        },
    )?;
    Ok(())
}
