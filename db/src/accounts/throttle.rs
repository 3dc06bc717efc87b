//! Rate limiting of logins, per user name and per address, from the attempts
//! stored in the database (so a restart does not reset the count).

use super::AccountError;
use crate::DbConn;
use crate::schema::login_attempts;
use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;
use std::time::Duration;

pub const WINDOW: TimeDelta = TimeDelta::minutes(15);
/// Failures allowed per user name (and kind) within the window.
pub const MAX_PER_USER: i64 = 5;
/// Failures allowed per address within the window: a shop's till and office
/// share one address, so this is higher.
pub const MAX_PER_ADDRESS: i64 = 20;
/// Attempts older than this are deleted when someone logs in.
const KEEP: TimeDelta = TimeDelta::days(1);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttemptKind {
    Password,
    Pin,
}

impl AttemptKind {
    fn as_str(self) -> &'static str {
        match self {
            AttemptKind::Password => "password",
            AttemptKind::Pin => "pin",
        }
    }
}

/// Refuses with `Throttled` when the user name or the address has failed too
/// often within the window.
pub fn check(
    conn: &mut DbConn,
    kind: AttemptKind,
    username: &str,
    address: &str,
    now: NaiveDateTime,
) -> Result<(), AccountError> {
    let since = now - WINDOW;
    let failures = login_attempts::table
        .filter(login_attempts::succeeded.eq(false))
        .filter(login_attempts::at.gt(since));
    let by_user: Vec<NaiveDateTime> = failures
        .filter(login_attempts::username.eq(username.trim().to_lowercase()))
        .filter(login_attempts::kind.eq(kind.as_str()))
        .order(login_attempts::at.desc())
        .limit(MAX_PER_USER)
        .select(login_attempts::at)
        .load(conn)?;
    let by_address: Vec<NaiveDateTime> = failures
        .filter(login_attempts::address.eq(address))
        .order(login_attempts::at.desc())
        .limit(MAX_PER_ADDRESS)
        .select(login_attempts::at)
        .load(conn)?;
    let blocked_until = [(by_user, MAX_PER_USER), (by_address, MAX_PER_ADDRESS)]
        .into_iter()
        .filter(|(times, max)| times.len() as i64 >= *max)
        .filter_map(|(times, _)| times.last().map(|oldest| *oldest + WINDOW))
        .max();
    match blocked_until {
        Some(until) if until > now => Err(AccountError::Throttled {
            retry_after: (until - now).to_std().unwrap_or(Duration::from_secs(60)),
        }),
        _ => Ok(()),
    }
}

/// Records an attempt. A success clears the user's failures (and old rows).
pub fn record(
    conn: &mut DbConn,
    kind: AttemptKind,
    username: &str,
    address: &str,
    succeeded: bool,
    at: NaiveDateTime,
) -> Result<(), AccountError> {
    let username = username.trim().to_lowercase();
    if succeeded {
        diesel::delete(
            login_attempts::table
                .filter(login_attempts::username.eq(&username))
                .filter(login_attempts::kind.eq(kind.as_str())),
        )
        .execute(conn)?;
        diesel::delete(login_attempts::table.filter(login_attempts::at.lt(at - KEEP)))
            .execute(conn)?;
    }
    diesel::insert_into(login_attempts::table)
        .values((
            login_attempts::username.eq(&username),
            login_attempts::address.eq(address),
            login_attempts::kind.eq(kind.as_str()),
            login_attempts::succeeded.eq(succeeded),
            login_attempts::at.eq(at),
        ))
        .execute(conn)?;
    Ok(())
}
