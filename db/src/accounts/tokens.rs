//! API bearer tokens: printed once at creation, stored as a hash.

use super::users::UserRow;
use super::{AccountError, User, random_secret, secret_hash};
use crate::DbConn;
use crate::audit::{self, AuditEntry};
use crate::ids::{TokenId, UserId};
use crate::schema::{api_tokens, users};
use chrono::{NaiveDateTime, TimeDelta};
use diesel::prelude::*;

/// Tokens carry this prefix so that a leaked one is easy to recognise in a scan.
pub const PREFIX: &str = "cpt_";
/// `last_used_at` is written at most this often.
const MARK_USED_EVERY: TimeDelta = TimeDelta::minutes(1);

/// Creates a token for a user; returns the secret, which is never shown again.
pub fn create(
    conn: &mut DbConn,
    user_id: UserId,
    name: &str,
    at: NaiveDateTime,
) -> Result<String, AccountError> {
    let secret = format!("{PREFIX}{}", random_secret());
    diesel::insert_into(api_tokens::table)
        .values((
            api_tokens::user_id.eq(user_id.0),
            api_tokens::name.eq(name.trim()),
            api_tokens::token_hash.eq(secret_hash(&secret)),
            api_tokens::created_at.eq(at),
        ))
        .execute(conn)?;
    audit::record(
        conn,
        &AuditEntry {
            at,
            user_id: None,
            action: "token.create",
            entity: "user",
            entity_id: Some(user_id.to_string()),
            detail: Some(format!("name={}", name.trim())),
        },
    )?;
    Ok(secret)
}

/// A token that is live and whose user is active.
#[derive(Debug, Clone)]
pub struct TokenUse {
    pub id: TokenId,
    pub user: User,
    pub last_used_at: Option<NaiveDateTime>,
}

impl TokenUse {
    pub fn needs_mark(&self, now: NaiveDateTime) -> bool {
        self.last_used_at
            .is_none_or(|at| now - at >= MARK_USED_EVERY)
    }
}

pub fn find(conn: &mut DbConn, secret: &str) -> Result<Option<TokenUse>, AccountError> {
    let found = api_tokens::table
        .inner_join(users::table)
        .filter(api_tokens::token_hash.eq(secret_hash(secret)))
        .filter(api_tokens::revoked_at.is_null())
        .filter(users::active.eq(true))
        .select((
            api_tokens::id,
            api_tokens::last_used_at,
            UserRow::as_select(),
        ))
        .first::<(i64, Option<NaiveDateTime>, UserRow)>(conn)
        .optional()?;
    Ok(found.map(|(id, last_used_at, user)| TokenUse {
        id: TokenId(id),
        user: user.into_user(),
        last_used_at,
    }))
}

pub fn mark_used(conn: &mut DbConn, id: TokenId, at: NaiveDateTime) -> Result<(), AccountError> {
    diesel::update(api_tokens::table.find(id.0))
        .set(api_tokens::last_used_at.eq(at))
        .execute(conn)?;
    Ok(())
}
