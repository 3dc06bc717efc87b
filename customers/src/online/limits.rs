//! Rate limits of the public forms, counted from the stored requests (so a
//! restart does not reset them): per network address, per e-mail address and
//! for the whole shop, over the last hour. A scripted flood gets 429s, sends
//! no more e-mails than the limits allow and files nothing.

use super::Kind;
use crate::error::{CustomerError, Result};
use chrono::{NaiveDateTime, TimeDelta};
use db::DbConn;
use db::schema::customer_requests;
use diesel::prelude::*;

pub const WINDOW: TimeDelta = TimeDelta::hours(1);
/// Requests per network address and hour: a family on one connection, a few
/// mistakes.
pub const MAX_PER_ADDRESS: i64 = 5;
/// Requests per e-mail address and hour: nobody's mailbox gets flooded.
pub const MAX_PER_EMAIL: i64 = 3;
/// Requests for the whole shop and hour, whatever their origin: bounds what a
/// flood from many addresses can make the shop's mail server send.
pub const MAX_PER_HOUR: i64 = 200;

/// Refuses with `TooManyRequests` when `address`, `email` or the shop as a
/// whole has asked too often within the window.
pub fn check(conn: &mut DbConn, address: &str, email: &str, at: NaiveDateTime) -> Result<()> {
    let since = at - WINDOW;
    let recent = || {
        customer_requests::table
            .filter(
                customer_requests::kind
                    .eq_any([Kind::Enrolment.as_str(), Kind::AccountLink.as_str()]),
            )
            .filter(customer_requests::created_at.gt(since))
            .order(customer_requests::created_at.desc())
            .select(customer_requests::created_at)
            .into_boxed()
    };
    let by_address: Vec<NaiveDateTime> = recent()
        .filter(customer_requests::address.eq(address))
        .limit(MAX_PER_ADDRESS)
        .load(conn)?;
    let by_email: Vec<NaiveDateTime> = recent()
        .filter(customer_requests::email.eq(email.trim().to_lowercase()))
        .limit(MAX_PER_EMAIL)
        .load(conn)?;
    let all: Vec<NaiveDateTime> = recent().limit(MAX_PER_HOUR).load(conn)?;
    let blocked_until = [
        (by_address, MAX_PER_ADDRESS),
        (by_email, MAX_PER_EMAIL),
        (all, MAX_PER_HOUR),
    ]
    .into_iter()
    .filter(|(times, max)| times.len() as i64 >= *max)
    .filter_map(|(times, _)| times.last().map(|oldest| *oldest + WINDOW))
    .max();
    match blocked_until {
        Some(until) if until > at => Err(CustomerError::TooManyRequests {
            retry_after: (until - at).num_seconds().max(1),
        }),
        _ => Ok(()),
    }
}
