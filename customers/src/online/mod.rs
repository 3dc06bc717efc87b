//! What customers do by themselves, away from the till, proved by e-mail: the
//! public enrolment form confirmed by a link (double opt-in), the account page
//! opened by a one-time link, and the unsubscribe link of every message.
//!
//! Secrets travel in links and cookies; the database keeps only their SHA-256
//! (`customer_requests.token_hash`), so a copy of it opens nothing.

pub mod account;
pub mod join;
pub mod limits;
pub mod unsubscribe;

use crate::error::{CustomerError, Result};
use chrono::{NaiveDateTime, TimeDelta};
use db::DbConn;
use db::accounts::{random_secret, secret_hash};
use db::schema::customer_requests;
use diesel::prelude::*;

/// How long the confirmation link of an enrolment stays valid.
pub const ENROLMENT_VALID: TimeDelta = TimeDelta::hours(48);
/// How long a link to the account page stays valid (it opens once).
pub const LINK_VALID: TimeDelta = TimeDelta::hours(1);
/// How long the account page stays open after its link was used.
pub const SESSION_VALID: TimeDelta = TimeDelta::hours(1);
/// Expired rows are deleted this long after they expire.
const KEEP_EXPIRED: TimeDelta = TimeDelta::days(1);

/// The kinds of rows in `customer_requests`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Enrolment,
    AccountLink,
    AccountSession,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Enrolment => "enrolment",
            Kind::AccountLink => "account_link",
            Kind::AccountSession => "account_session",
        }
    }
}

/// A request as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = customer_requests)]
pub struct Request {
    pub id: i64,
    pub kind: String,
    pub email: String,
    pub customer_id: Option<i64>,
    pub form: Option<String>,
    pub created_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
    pub used_at: Option<NaiveDateTime>,
}

/// A row to insert; its secret is made here and handed back once.
pub(crate) struct NewRequest<'a> {
    pub kind: Kind,
    pub email: &'a str,
    pub customer_id: Option<i64>,
    pub form: Option<String>,
    pub address: &'a str,
    pub valid: TimeDelta,
}

/// Stores `new` and returns its secret.
pub(crate) fn insert(conn: &mut DbConn, new: NewRequest<'_>, at: NaiveDateTime) -> Result<String> {
    let secret = random_secret();
    diesel::insert_into(customer_requests::table)
        .values((
            customer_requests::kind.eq(new.kind.as_str()),
            customer_requests::token_hash.eq(secret_hash(&secret)),
            customer_requests::email.eq(new.email),
            customer_requests::customer_id.eq(new.customer_id),
            customer_requests::form.eq(new.form),
            customer_requests::address.eq(new.address),
            customer_requests::created_at.eq(at),
            customer_requests::expires_at.eq(at + new.valid),
        ))
        .execute(conn)?;
    Ok(secret)
}

/// The unused, unexpired request of `kind` whose secret is `secret`; any
/// other answer is `LinkNotValid` (unknown, used and expired look the same).
pub(crate) fn live(
    conn: &mut DbConn,
    kind: Kind,
    secret: &str,
    at: NaiveDateTime,
) -> Result<Request> {
    let secret = secret.trim();
    if secret.is_empty() || secret.len() > 200 {
        return Err(CustomerError::LinkNotValid);
    }
    customer_requests::table
        .filter(customer_requests::token_hash.eq(secret_hash(secret)))
        .filter(customer_requests::kind.eq(kind.as_str()))
        .filter(customer_requests::used_at.is_null())
        .filter(customer_requests::expires_at.gt(at))
        .select(Request::as_select())
        .first(conn)
        .optional()?
        .ok_or(CustomerError::LinkNotValid)
}

/// Marks a request used, and forgets its form (the fiche holds what is kept).
pub(crate) fn use_up(
    conn: &mut DbConn,
    id: i64,
    customer_id: Option<i64>,
    at: NaiveDateTime,
) -> Result<()> {
    diesel::update(customer_requests::table.find(id))
        .set((
            customer_requests::used_at.eq(at),
            customer_requests::form.eq(None::<String>),
            customer_requests::customer_id.eq(customer_id),
        ))
        .execute(conn)?;
    Ok(())
}

/// Forgets what nobody confirmed: the forms of expired enrolments at once, the
/// rows themselves a day after they expired.
pub(crate) fn purge(conn: &mut DbConn, at: NaiveDateTime) -> Result<()> {
    diesel::update(
        customer_requests::table
            .filter(customer_requests::expires_at.le(at))
            .filter(customer_requests::form.is_not_null()),
    )
    .set(customer_requests::form.eq(None::<String>))
    .execute(conn)?;
    diesel::delete(
        customer_requests::table.filter(customer_requests::expires_at.lt(at - KEEP_EXPIRED)),
    )
    .execute(conn)?;
    Ok(())
}
