//! Consents to be contacted, per channel, as an append-only history: the
//! current state of a channel is its latest row (by time, then by id).
//!
//! The bases follow the CNIL's rules: e-mail and SMS marketing needs an
//! explicit yes (a box ticked, with the text shown kept) or the soft opt-in
//! for a buyer's own address about similar products (told at collection and
//! not objecting); post may rely on information with the right to object.
//! A withdrawal (`granted: false`) is always explicit.

use crate::error::{CustomerError, Result};
use crate::fiche;
use crate::kinds::{Basis, Channel, ConsentSource};
use chrono::NaiveDateTime;
use db::DbConn;
use db::audit::{self, AuditEntry};
use db::ids::UserId;
use db::schema::customer_consents;
use diesel::prelude::*;
use serde::Serialize;
use std::collections::HashMap;

/// A consent given or withdrawn.
#[derive(Debug, Clone)]
pub struct NewConsent {
    pub channel: Channel,
    pub granted: bool,
    pub basis: Basis,
    pub source: ConsentSource,
    /// The wording the person saw; required for an explicit yes.
    pub text_shown: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Queryable, Selectable)]
#[diesel(table_name = customer_consents)]
pub struct Consent {
    pub id: i64,
    pub customer_id: i64,
    pub channel: String,
    pub granted: bool,
    pub basis: String,
    pub source: String,
    pub text_shown: Option<String>,
    pub at: NaiveDateTime,
    pub user_id: Option<i64>,
}

/// The state of each channel: its latest row, None when never asked.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Current {
    pub email: Option<Consent>,
    pub sms: Option<Consent>,
    pub post: Option<Consent>,
}

impl Current {
    pub fn get(&self, channel: Channel) -> Option<&Consent> {
        match channel {
            Channel::Email => self.email.as_ref(),
            Channel::Sms => self.sms.as_ref(),
            Channel::Post => self.post.as_ref(),
        }
    }

    /// Whether the shop may use `channel` now.
    pub fn granted(&self, channel: Channel) -> bool {
        self.get(channel).is_some_and(|c| c.granted)
    }
}

/// Refuses a basis that cannot grant that channel.
pub fn check(new: &NewConsent) -> Result<()> {
    let refuse = || CustomerError::BasisNotAllowed {
        channel: new.channel.as_str(),
        basis: new.basis.as_str(),
    };
    match (new.granted, new.channel, new.basis) {
        (false, _, Basis::Explicit) => {}
        (false, _, _) => return Err(refuse()),
        (true, _, Basis::Explicit) => {
            if new
                .text_shown
                .as_deref()
                .is_none_or(|t| t.trim().is_empty())
            {
                return Err(CustomerError::ConsentTextMissing);
            }
        }
        (true, Channel::Email | Channel::Sms, Basis::SoftOptIn) => {}
        (true, Channel::Post, Basis::Informed) => {}
        (true, _, _) => return Err(refuse()),
    }
    Ok(())
}

/// Appends a consent (or its withdrawal) to the customer's history.
pub fn record(
    conn: &mut DbConn,
    customer_id: i64,
    new: &NewConsent,
    user: Option<UserId>,
    at: NaiveDateTime,
) -> Result<Consent> {
    check(new)?;
    fiche::get(conn, customer_id)?.ensure_live()?;
    insert(conn, customer_id, new, user, at)?;
    audit::record(
        conn,
        &AuditEntry {
            at,
            user_id: user,
            action: "customer.consent",
            entity: "customer",
            entity_id: Some(customer_id.to_string()),
            detail: Some(format!(
                "{}={} ({}, {})",
                new.channel,
                if new.granted { "yes" } else { "no" },
                new.basis,
                new.source
            )),
        },
    )?;
    history(conn, customer_id)?
        .pop()
        .ok_or(CustomerError::NotFound(customer_id))
}

pub(crate) fn insert(
    conn: &mut DbConn,
    customer_id: i64,
    new: &NewConsent,
    user: Option<UserId>,
    at: NaiveDateTime,
) -> Result<()> {
    diesel::insert_into(customer_consents::table)
        .values((
            customer_consents::customer_id.eq(customer_id),
            customer_consents::channel.eq(new.channel.as_str()),
            customer_consents::granted.eq(new.granted),
            customer_consents::basis.eq(new.basis.as_str()),
            customer_consents::source.eq(new.source.as_str()),
            customer_consents::text_shown.eq(new.text_shown.as_deref().map(str::trim)),
            customer_consents::at.eq(at),
            customer_consents::user_id.eq(user.map(i64::from)),
        ))
        .execute(conn)?;
    Ok(())
}

/// The customer's consents as they stand now.
pub fn current(conn: &mut DbConn, customer_id: i64) -> Result<Current> {
    let mut state = Current::default();
    for row in history(conn, customer_id)? {
        let slot = match Channel::parse(&row.channel)? {
            Channel::Email => &mut state.email,
            Channel::Sms => &mut state.sms,
            Channel::Post => &mut state.post,
        };
        *slot = Some(row);
    }
    Ok(state)
}

/// The consents of several customers at once (a page of a list); a customer
/// never asked is absent.
pub fn current_of(conn: &mut DbConn, customer_ids: &[i64]) -> Result<HashMap<i64, Current>> {
    let rows: Vec<Consent> = customer_consents::table
        .filter(customer_consents::customer_id.eq_any(customer_ids))
        .order((customer_consents::at.asc(), customer_consents::id.asc()))
        .select(Consent::as_select())
        .load(conn)?;
    let mut states: HashMap<i64, Current> = HashMap::new();
    for row in rows {
        let state = states.entry(row.customer_id).or_default();
        let slot = match Channel::parse(&row.channel)? {
            Channel::Email => &mut state.email,
            Channel::Sms => &mut state.sms,
            Channel::Post => &mut state.post,
        };
        *slot = Some(row);
    }
    Ok(states)
}

/// Every consent given or withdrawn, oldest first (by time, then by id).
pub fn history(conn: &mut DbConn, customer_id: i64) -> Result<Vec<Consent>> {
    Ok(customer_consents::table
        .filter(customer_consents::customer_id.eq(customer_id))
        .order((customer_consents::at.asc(), customer_consents::id.asc()))
        .select(Consent::as_select())
        .load(conn)?)
}

/// The wording of the consent boxes at the till and on the forms, recorded
/// with each explicit yes as the exact text the person saw.
pub fn standard_text(channel: Channel) -> &'static str {
    match channel {
        Channel::Email => {
            "J’accepte de recevoir par e-mail les nouvelles et offres de la boutique. \
             Je peux me désabonner à tout moment, par un lien dans chaque message."
        }
        Channel::Sms => {
            "J’accepte de recevoir par SMS les offres de la boutique. \
             Je peux me désabonner à tout moment en répondant STOP."
        }
        Channel::Post => {
            "J’accepte de recevoir par courrier les nouvelles et offres de la boutique. \
             Je peux refuser à tout moment."
        }
    }
}
