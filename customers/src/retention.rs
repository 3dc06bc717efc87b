//! Retention: the CNIL's rule for a customer file is three years after the
//! last contact. A fiche is stale when, for `years`, the person has bought
//! nothing, their fiche has not been created or changed, and no consent was
//! given or withdrawn. Stale fiches are anonymised, one by one, in the
//! caller's transaction.

use crate::error::Result;
use crate::fiche::Customer;
use crate::gdpr;
use chrono::{Months, NaiveDateTime};
use db::DbConn;
use db::audit::{self, AuditEntry};
use db::ids::UserId;
use db::schema::{customer_consents, customers};
use diesel::dsl::{exists, not};
use diesel::prelude::*;

pub const DEFAULT_YEARS: u32 = 3;

/// The moment before which a contact is too old.
pub fn cutoff(now: NaiveDateTime, years: u32) -> NaiveDateTime {
    now.checked_sub_months(Months::new(years.saturating_mul(12)))
        .unwrap_or(NaiveDateTime::MIN)
}

/// The live fiches without purchase, change or consent since `years` ago,
/// oldest first.
pub fn stale(conn: &mut DbConn, now: NaiveDateTime, years: u32) -> Result<Vec<Customer>> {
    let before = cutoff(now, years);
    Ok(customers::table
        .filter(customers::anonymised_at.is_null())
        .filter(customers::merged_into.is_null())
        .filter(customers::created_at.lt(before))
        .filter(customers::updated_at.lt(before))
        .filter(
            customers::last_visit
                .is_null()
                .or(customers::last_visit.lt(before)),
        )
        .filter(not(exists(
            customer_consents::table
                .filter(customer_consents::customer_id.eq(customers::id))
                .filter(customer_consents::at.ge(before)),
        )))
        .order(customers::id.asc())
        .select(Customer::as_select())
        .load(conn)?)
}

/// Anonymises every stale fiche; returns their ids.
pub fn anonymise_stale(
    conn: &mut DbConn,
    now: NaiveDateTime,
    years: u32,
    user: Option<UserId>,
) -> Result<Vec<i64>> {
    let ids: Vec<i64> = stale(conn, now, years)?.into_iter().map(|c| c.id).collect();
    for id in &ids {
        gdpr::anonymise(conn, *id, user, now)?;
    }
    audit::record(
        conn,
        &AuditEntry {
            at: now,
            user_id: user,
            action: "customers.retention",
            entity: "customers",
            entity_id: None,
            detail: Some(format!("{} anonymised after {years} years", ids.len())),
        },
    )?;
    Ok(ids)
}
