//! Users: who may log in, with which role.

use super::password::{HashedPassword, HashedPin};
use super::{AccountError, Role, sessions};
use crate::DbConn;
use crate::audit::{self, AuditEntry};
use crate::ids::UserId;
use crate::schema::users;
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// A user as the rest of the program sees it (no hashes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub id: UserId,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub active: bool,
    pub has_pin: bool,
    pub language: Option<String>,
    pub created_at: NaiveDateTime,
    pub last_login_at: Option<NaiveDateTime>,
}

#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = users)]
pub(crate) struct UserRow {
    id: i64,
    username: String,
    display_name: String,
    role: String,
    password_hash: String,
    pin_hash: Option<String>,
    language: Option<String>,
    active: bool,
    created_at: NaiveDateTime,
    last_login_at: Option<NaiveDateTime>,
}

impl UserRow {
    pub(crate) fn into_user(self) -> User {
        User {
            id: UserId(self.id),
            username: self.username,
            display_name: self.display_name,
            // The CHECK constraint keeps the column to the three names.
            role: self.role.parse().unwrap_or(Role::Cashier),
            active: self.active,
            has_pin: self.pin_hash.is_some(),
            language: self.language,
            created_at: self.created_at,
            last_login_at: self.last_login_at,
        }
    }
}

/// A user to create; the password is already hashed (outside any transaction).
#[derive(Debug, Clone)]
pub struct NewUser<'a> {
    pub username: &'a str,
    pub display_name: &'a str,
    pub role: Role,
    pub password: &'a HashedPassword,
    pub pin: Option<&'a HashedPin>,
}

/// User names are compared lower-cased and trimmed: `Marie` and `marie ` are one.
pub fn normalize_username(raw: &str) -> Result<String, AccountError> {
    let name = raw.trim().to_lowercase();
    let valid_chars = name
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_'));
    let starts_well = name
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    if (2..=32).contains(&name.len()) && valid_chars && starts_well {
        Ok(name)
    } else {
        Err(AccountError::InvalidUsername)
    }
}

pub fn normalize_display_name(raw: &str) -> Result<String, AccountError> {
    let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if (1..=80).contains(&name.chars().count()) && !name.chars().any(char::is_control) {
        Ok(name)
    } else {
        Err(AccountError::InvalidDisplayName)
    }
}

pub fn create(
    conn: &mut DbConn,
    new: &NewUser<'_>,
    actor: Option<UserId>,
    at: NaiveDateTime,
) -> Result<User, AccountError> {
    let username = normalize_username(new.username)?;
    let display_name = normalize_display_name(new.display_name)?;
    // Checked first: on PostgreSQL a failed INSERT would abort the caller's
    // whole transaction. The UNIQUE constraint still guards against a race.
    if find_row(conn, &username)?.is_some() {
        return Err(AccountError::UsernameTaken);
    }
    let inserted = diesel::insert_into(users::table)
        .values((
            users::username.eq(&username),
            users::display_name.eq(&display_name),
            users::role.eq(new.role.as_str()),
            users::password_hash.eq(new.password.as_str()),
            users::pin_hash.eq(new.pin.map(HashedPin::as_str)),
            users::active.eq(true),
            users::created_at.eq(at),
            users::updated_at.eq(at),
        ))
        .execute(conn);
    match inserted {
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => return Err(AccountError::UsernameTaken),
        other => other?,
    };
    let user = find_by_username(conn, &username)?.ok_or(AccountError::NotFound)?;
    audit(
        conn,
        actor,
        at,
        "user.create",
        user.id,
        Some(format!("role={}", user.role)),
    )?;
    Ok(user)
}

pub fn count(conn: &mut DbConn) -> Result<i64, AccountError> {
    Ok(users::table.count().get_result(conn)?)
}

pub fn list(conn: &mut DbConn) -> Result<Vec<User>, AccountError> {
    Ok(users::table
        .order((users::active.desc(), users::display_name.asc()))
        .select(UserRow::as_select())
        .load(conn)?
        .into_iter()
        .map(UserRow::into_user)
        .collect())
}

pub fn get(conn: &mut DbConn, id: UserId) -> Result<User, AccountError> {
    users::table
        .find(id.0)
        .select(UserRow::as_select())
        .first(conn)
        .optional()?
        .map(UserRow::into_user)
        .ok_or(AccountError::NotFound)
}

pub fn find_by_username(conn: &mut DbConn, username: &str) -> Result<Option<User>, AccountError> {
    Ok(find_row(conn, username)?.map(UserRow::into_user))
}

fn find_row(conn: &mut DbConn, username: &str) -> Result<Option<UserRow>, AccountError> {
    let username = username.trim().to_lowercase();
    Ok(users::table
        .filter(users::username.eq(username))
        .select(UserRow::as_select())
        .first(conn)
        .optional()?)
}

/// The stored hashes of a user, for checking a password or PIN outside any
/// transaction: `(user, password hash, PIN hash)`.
pub fn credentials(
    conn: &mut DbConn,
    username: &str,
) -> Result<Option<(User, String, Option<String>)>, AccountError> {
    Ok(find_row(conn, username)?.map(|row| {
        let password = row.password_hash.clone();
        let pin = row.pin_hash.clone();
        (row.into_user(), password, pin)
    }))
}

/// Active users with a PIN, for the till's login screen.
pub fn with_pin(conn: &mut DbConn) -> Result<Vec<User>, AccountError> {
    Ok(users::table
        .filter(users::active.eq(true))
        .filter(users::pin_hash.is_not_null())
        .order(users::display_name.asc())
        .select(UserRow::as_select())
        .load(conn)?
        .into_iter()
        .map(UserRow::into_user)
        .collect())
}

/// What an owner may change on a user's card.
#[derive(Debug, Clone)]
pub struct UserChanges<'a> {
    pub display_name: &'a str,
    pub role: Role,
    pub active: bool,
}

pub fn update(
    conn: &mut DbConn,
    id: UserId,
    changes: &UserChanges<'_>,
    actor: Option<UserId>,
    at: NaiveDateTime,
) -> Result<User, AccountError> {
    let before = get(conn, id)?;
    let display_name = normalize_display_name(changes.display_name)?;
    let loses_owner = before.role == Role::Owner
        && before.active
        && (changes.role != Role::Owner || !changes.active);
    if loses_owner && active_owners(conn)? <= 1 {
        return Err(AccountError::LastOwner);
    }
    diesel::update(users::table.find(id.0))
        .set((
            users::display_name.eq(&display_name),
            users::role.eq(changes.role.as_str()),
            users::active.eq(changes.active),
            users::updated_at.eq(at),
        ))
        .execute(conn)?;
    // A demoted or disabled user keeps no session open with the old rights.
    if changes.role != before.role || (before.active && !changes.active) {
        sessions::revoke_all_for_user(conn, id, at)?;
    }
    let detail = format!(
        "role={}->{} active={}->{}",
        before.role, changes.role, before.active, changes.active
    );
    audit(conn, actor, at, "user.update", id, Some(detail))?;
    get(conn, id)
}

fn active_owners(conn: &mut DbConn) -> Result<i64, AccountError> {
    Ok(users::table
        .filter(users::role.eq(Role::Owner.as_str()))
        .filter(users::active.eq(true))
        .count()
        .get_result(conn)?)
}

/// Sets a new password and logs the user out everywhere.
pub fn set_password(
    conn: &mut DbConn,
    id: UserId,
    password: &HashedPassword,
    actor: Option<UserId>,
    at: NaiveDateTime,
) -> Result<(), AccountError> {
    let changed = diesel::update(users::table.find(id.0))
        .set((
            users::password_hash.eq(password.as_str()),
            users::updated_at.eq(at),
        ))
        .execute(conn)?;
    if changed == 0 {
        return Err(AccountError::NotFound);
    }
    sessions::revoke_all_for_user(conn, id, at)?;
    audit(conn, actor, at, "user.password", id, None)
}

/// Ends every session of a user at once (the owner's "log out everywhere").
pub fn log_out_everywhere(
    conn: &mut DbConn,
    id: UserId,
    actor: Option<UserId>,
    at: NaiveDateTime,
) -> Result<usize, AccountError> {
    get(conn, id)?;
    let ended = sessions::revoke_all_for_user(conn, id, at)?;
    audit(
        conn,
        actor,
        at,
        "user.sessions_revoked",
        id,
        Some(format!("sessions={ended}")),
    )?;
    Ok(ended)
}

/// Sets or (with `None`) removes the till PIN.
pub fn set_pin(
    conn: &mut DbConn,
    id: UserId,
    pin: Option<&HashedPin>,
    actor: Option<UserId>,
    at: NaiveDateTime,
) -> Result<(), AccountError> {
    let changed = diesel::update(users::table.find(id.0))
        .set((
            users::pin_hash.eq(pin.map(HashedPin::as_str)),
            users::updated_at.eq(at),
        ))
        .execute(conn)?;
    if changed == 0 {
        return Err(AccountError::NotFound);
    }
    let action = if pin.is_some() {
        "user.pin"
    } else {
        "user.pin_removed"
    };
    audit(conn, actor, at, action, id, None)
}

/// The user's own choice of language; `None` follows the browser.
pub fn set_language(
    conn: &mut DbConn,
    id: UserId,
    language: Option<&str>,
    at: NaiveDateTime,
) -> Result<(), AccountError> {
    diesel::update(users::table.find(id.0))
        .set((users::language.eq(language), users::updated_at.eq(at)))
        .execute(conn)?;
    Ok(())
}

pub fn record_login(conn: &mut DbConn, id: UserId, at: NaiveDateTime) -> Result<(), AccountError> {
    diesel::update(users::table.find(id.0))
        .set(users::last_login_at.eq(at))
        .execute(conn)?;
    Ok(())
}

fn audit(
    conn: &mut DbConn,
    actor: Option<UserId>,
    at: NaiveDateTime,
    action: &str,
    id: UserId,
    detail: Option<String>,
) -> Result<(), AccountError> {
    audit::record(
        conn,
        &AuditEntry {
            at,
            user_id: actor,
            action,
            entity: "user",
            entity_id: Some(id.to_string()),
            detail,
        },
    )?;
    Ok(())
}
