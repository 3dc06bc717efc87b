//! The audit log: who did what to which record, and when. Written in the same
//! transaction as the change it describes.

use crate::ids::UserId;
use crate::schema::audit_log;
use crate::{DbConn, DbError};
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// One line of the audit log, as it is written.
#[derive(Debug, Clone)]
pub struct AuditEntry<'a> {
    pub at: NaiveDateTime,
    /// None for the system itself or the command line.
    pub user_id: Option<UserId>,
    /// What happened, as a stable dotted name: `user.create`, `user.role`…
    pub action: &'a str,
    /// The kind of record: `user`, `product`…
    pub entity: &'a str,
    pub entity_id: Option<String>,
    /// Free detail, such as the fields that changed (never a password).
    pub detail: Option<String>,
}

/// One line of the audit log, as it is read back.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = audit_log)]
pub struct AuditRecord {
    pub id: i64,
    pub at: NaiveDateTime,
    pub user_id: Option<i64>,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<String>,
    pub detail: Option<String>,
}

pub fn record(conn: &mut DbConn, entry: &AuditEntry<'_>) -> Result<(), DbError> {
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::at.eq(entry.at),
            audit_log::user_id.eq(entry.user_id.map(i64::from)),
            audit_log::action.eq(entry.action),
            audit_log::entity.eq(entry.entity),
            audit_log::entity_id.eq(entry.entity_id.as_deref()),
            audit_log::detail.eq(entry.detail.as_deref()),
        ))
        .execute(conn)?;
    Ok(())
}

/// The entries about one record, oldest first.
pub fn for_entity(
    conn: &mut DbConn,
    entity: &str,
    entity_id: &str,
) -> Result<Vec<AuditRecord>, DbError> {
    Ok(audit_log::table
        .filter(audit_log::entity.eq(entity))
        .filter(audit_log::entity_id.eq(entity_id))
        .order(audit_log::id.asc())
        .select(AuditRecord::as_select())
        .load(conn)?)
}
