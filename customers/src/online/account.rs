//! The customer's own account page, opened by a one-time link sent to the
//! e-mail address on their fiche. Using the link opens a short session (its
//! secret in a cookie); the page then shows and changes only that fiche.

use super::{Kind, LINK_VALID, NewRequest, SESSION_VALID, insert, limits, live, purge, use_up};
use crate::error::{CustomerError, Result};
use crate::fiche::{self, Customer};
use crate::normalise;
use chrono::NaiveDateTime;
use db::DbConn;
use db::accounts::secret_hash;
use db::schema::{customer_requests, customers};
use diesel::prelude::*;

/// Fiches that can receive a link to their page on one e-mail address (a
/// family may share one): at most this many links per request.
pub const MAX_LINKS: i64 = 5;

/// A link to send: whose page it opens and its secret.
#[derive(Debug, Clone)]
pub struct Link {
    pub customer: Customer,
    pub secret: String,
}

/// A link per live fiche with this e-mail address (none when no fiche has it:
/// the page answers the same either way, so it tells nobody who is a
/// customer). Counted by the rate limits in both cases.
pub fn request_links(
    conn: &mut DbConn,
    email: &str,
    address: &str,
    at: NaiveDateTime,
) -> Result<Vec<Link>> {
    let email = normalise::email(Some(email))?.ok_or(CustomerError::EmailRequired)?;
    purge(conn, at)?;
    limits::check(conn, address, &email, at)?;
    let fiches: Vec<Customer> = customers::table
        .filter(customers::email.eq(&email))
        .filter(customers::anonymised_at.is_null())
        .filter(customers::merged_into.is_null())
        .order(customers::id.asc())
        .limit(MAX_LINKS)
        .select(Customer::as_select())
        .load(conn)?;
    let mut links = Vec::with_capacity(fiches.len());
    let new = |customer_id| NewRequest {
        kind: Kind::AccountLink,
        email: &email,
        customer_id,
        form: None,
        address,
        valid: LINK_VALID,
    };
    if fiches.is_empty() {
        // Counted, never sent: its secret is dropped here.
        insert(conn, new(None), at)?;
    }
    for customer in fiches {
        let secret = insert(conn, new(Some(customer.id)), at)?;
        links.push(Link { customer, secret });
    }
    Ok(links)
}

/// Whether a link to the account page still works (before it is used).
pub fn link_is_live(conn: &mut DbConn, link: &str, at: NaiveDateTime) -> Result<()> {
    live(conn, Kind::AccountLink, link, at).map(|_| ())
}

/// Uses a link: it no longer works, and a session on the fiche opens.
/// Returns the session's secret.
pub fn open(conn: &mut DbConn, link: &str, address: &str, at: NaiveDateTime) -> Result<String> {
    let request = live(conn, Kind::AccountLink, link, at)?;
    let customer_id = request.customer_id.ok_or(CustomerError::LinkNotValid)?;
    let customer = fiche::get(conn, customer_id)?;
    use_up(conn, request.id, Some(customer_id), at)?;
    open_for(conn, &customer, address, at)
}

/// A session on a live fiche (after a link, or a confirmed enrolment).
pub(crate) fn open_for(
    conn: &mut DbConn,
    customer: &Customer,
    address: &str,
    at: NaiveDateTime,
) -> Result<String> {
    customer
        .ensure_live()
        .map_err(|_| CustomerError::LinkNotValid)?;
    insert(
        conn,
        NewRequest {
            kind: Kind::AccountSession,
            email: customer.email.as_deref().unwrap_or_default(),
            customer_id: Some(customer.id),
            form: None,
            address,
            valid: SESSION_VALID,
        },
        at,
    )
}

/// The live fiche of an open session; `LinkNotValid` when the session has
/// expired or ended, or the fiche was erased or merged since.
pub fn customer_of(conn: &mut DbConn, session: &str, at: NaiveDateTime) -> Result<Customer> {
    let request = live(conn, Kind::AccountSession, session, at)?;
    let customer_id = request.customer_id.ok_or(CustomerError::LinkNotValid)?;
    let customer = fiche::get(conn, customer_id)?;
    customer
        .ensure_live()
        .map_err(|_| CustomerError::LinkNotValid)?;
    Ok(customer)
}

/// Ends a session (the person logs out).
pub fn close(conn: &mut DbConn, session: &str, at: NaiveDateTime) -> Result<()> {
    diesel::update(
        customer_requests::table
            .filter(customer_requests::token_hash.eq(secret_hash(session.trim())))
            .filter(customer_requests::kind.eq(Kind::AccountSession.as_str())),
    )
    .set(customer_requests::used_at.eq(at))
    .execute(conn)?;
    Ok(())
}
