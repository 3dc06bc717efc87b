//! Browser sessions, stored in the database: they survive a restart and can be
//! revoked. The cookie holds a random secret; the table holds only its hash.

use super::users::UserRow;
use super::{AccountError, Role, User, random_secret, secret_hash};
use crate::DbConn;
use crate::ids::{SessionId, UserId};
use crate::schema::{sessions, users};
use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;

/// A session ends after this long without a request.
pub const IDLE_TIMEOUT: TimeDelta = TimeDelta::hours(12);
/// `last_seen_at` is written at most this often, so that reading a page does not
/// cost a write each time.
pub const TOUCH_EVERY: TimeDelta = TimeDelta::minutes(5);

#[derive(Debug, Clone)]
pub struct NewSession<'a> {
    pub user_id: UserId,
    pub via_pin: bool,
    pub ip: Option<&'a str>,
    pub user_agent: Option<&'a str>,
}

/// A live session and its user.
#[derive(Debug, Clone)]
pub struct Session {
    pub id: SessionId,
    pub user: User,
    pub via_pin: bool,
    pub last_seen_at: NaiveDateTime,
}

impl Session {
    /// The role this session acts with: a PIN is a weaker secret than a password,
    /// so a session opened with a PIN has a cashier's rights at most.
    pub fn role(&self) -> Role {
        if self.via_pin {
            self.user.role.min(Role::Cashier)
        } else {
            self.user.role
        }
    }

    pub fn needs_touch(&self, now: NaiveDateTime) -> bool {
        now - self.last_seen_at >= TOUCH_EVERY
    }
}

/// Opens a session; returns the secret for the cookie (shown once, never stored).
pub fn create(
    conn: &mut DbConn,
    new: &NewSession<'_>,
    at: NaiveDateTime,
) -> Result<String, AccountError> {
    let secret = random_secret();
    diesel::insert_into(sessions::table)
        .values((
            sessions::token_hash.eq(secret_hash(&secret)),
            sessions::user_id.eq(new.user_id.0),
            sessions::via_pin.eq(new.via_pin),
            sessions::created_at.eq(at),
            sessions::last_seen_at.eq(at),
            sessions::expires_at.eq(at + IDLE_TIMEOUT),
            sessions::ip.eq(new.ip),
            sessions::user_agent.eq(new.user_agent.map(|ua| truncate(ua, 300))),
        ))
        .execute(conn)?;
    Ok(secret)
}

fn truncate(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// The session behind a cookie's secret, if it is live and its user active.
pub fn find(
    conn: &mut DbConn,
    secret: &str,
    now: NaiveDateTime,
) -> Result<Option<Session>, AccountError> {
    let found = sessions::table
        .inner_join(users::table)
        .filter(sessions::token_hash.eq(secret_hash(secret)))
        .filter(sessions::revoked_at.is_null())
        .filter(sessions::expires_at.gt(now))
        .filter(users::active.eq(true))
        .select((
            sessions::id,
            sessions::via_pin,
            sessions::last_seen_at,
            UserRow::as_select(),
        ))
        .first::<(i64, bool, NaiveDateTime, UserRow)>(conn)
        .optional()?;
    Ok(found.map(|(id, via_pin, last_seen_at, user)| Session {
        id: SessionId(id),
        user: user.into_user(),
        via_pin,
        last_seen_at,
    }))
}

/// Records activity and pushes the idle expiry back.
pub fn touch(conn: &mut DbConn, id: SessionId, now: NaiveDateTime) -> Result<(), AccountError> {
    diesel::update(sessions::table.find(id.0))
        .set((
            sessions::last_seen_at.eq(now),
            sessions::expires_at.eq(now + IDLE_TIMEOUT),
        ))
        .execute(conn)?;
    Ok(())
}

/// Ends the session behind a cookie's secret (logout).
pub fn revoke(conn: &mut DbConn, secret: &str, at: NaiveDateTime) -> Result<(), AccountError> {
    diesel::update(
        sessions::table
            .filter(sessions::token_hash.eq(secret_hash(secret)))
            .filter(sessions::revoked_at.is_null()),
    )
    .set(sessions::revoked_at.eq(at))
    .execute(conn)?;
    Ok(())
}

/// Ends every session of a user: after a password reset, a demotion, a disable,
/// or the owner's "log out everywhere".
pub fn revoke_all_for_user(
    conn: &mut DbConn,
    user_id: UserId,
    at: NaiveDateTime,
) -> Result<usize, AccountError> {
    Ok(diesel::update(
        sessions::table
            .filter(sessions::user_id.eq(user_id.0))
            .filter(sessions::revoked_at.is_null()),
    )
    .set(sessions::revoked_at.eq(at))
    .execute(conn)?)
}
