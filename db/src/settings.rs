//! The shop's settings: one text value per key, changed by the owner from the
//! pages. A key that was never set is absent, and its reader takes its default.

use crate::schema::settings;
use crate::{DbConn, DbError};
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// The value stored under `key`, if it was ever set.
pub fn get(conn: &mut DbConn, key: &str) -> Result<Option<String>, DbError> {
    Ok(crate::native!(conn, |c| settings::table
        .find(key)
        .select(settings::value)
        .first(c)
        .optional())?)
}

/// Stores `value` under `key`, replacing what was there.
pub fn set(conn: &mut DbConn, key: &str, value: &str, at: NaiveDateTime) -> Result<(), DbError> {
    // Update, then insert when nothing was there: `on_conflict` is not portable
    // through the connection enum. The caller's transaction makes it one write.
    let updated = diesel::update(settings::table.find(key))
        .set((settings::value.eq(value), settings::updated_at.eq(at)))
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(settings::table)
            .values((
                settings::key.eq(key),
                settings::value.eq(value),
                settings::updated_at.eq(at),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// Forgets `key`: its reader goes back to the default.
pub fn remove(conn: &mut DbConn, key: &str) -> Result<(), DbError> {
    diesel::delete(settings::table.find(key)).execute(conn)?;
    Ok(())
}
