//! Loyalty cards: EAN-13 numbers with the shop's in-store prefix (setting
//! `loyalty.card_prefix`, "29" by default), which must not be one the scales
//! print. The shop numbers its own cards (`next_number`) or hands out
//! pre-printed ones, which come into the file the first time they are scanned
//! (`assign`). A customer has one active card; `replace` retires it, and the
//! old card stays on file as replaced.

use crate::error::{CustomerError, Result};
use crate::fiche::{self, Customer};
use crate::kinds::CardStatus;
use chrono::NaiveDateTime;
use db::DbConn;
use db::audit::{self, AuditEntry};
use db::ids::UserId;
use db::schema::loyalty_cards;
use diesel::prelude::*;
use inventory::barcode::{Barcode, ScaleRules, Symbology, with_check_digit};
use serde::Serialize;
use std::collections::HashMap;

pub const CARD_PREFIX_KEY: &str = "loyalty.card_prefix";
pub const DEFAULT_CARD_PREFIX: &str = "29";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Queryable, Selectable)]
#[diesel(table_name = loyalty_cards)]
pub struct Card {
    pub id: i64,
    pub number: String,
    pub customer_id: Option<i64>,
    pub status: String,
    pub assigned_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
}

impl Card {
    pub fn status(&self) -> CardStatus {
        CardStatus::parse(&self.status).unwrap_or(CardStatus::Lost)
    }
}

/// Refuses a prefix that is not two digits from 20 to 29 (the GS1 range for
/// in-store codes) or that the scales print.
pub fn check_prefix(conn: &mut DbConn, prefix: &str) -> Result<()> {
    let value: u8 = prefix
        .parse()
        .ok()
        .filter(|p| prefix.len() == 2 && (20..=29).contains(p))
        .ok_or_else(|| CustomerError::InvalidCardPrefix {
            prefix: prefix.to_owned(),
        })?;
    let scales = ScaleRules::load(conn)?;
    if scales.prefixes.iter().any(|p| p.prefix == value) {
        return Err(CustomerError::CardPrefixClash {
            prefix: prefix.to_owned(),
        });
    }
    Ok(())
}

/// The shop's card prefix, checked against the scale prefixes in force.
pub fn prefix(conn: &mut DbConn) -> Result<String> {
    let prefix =
        db::settings::get(conn, CARD_PREFIX_KEY)?.unwrap_or_else(|| DEFAULT_CARD_PREFIX.to_owned());
    check_prefix(conn, &prefix)?;
    Ok(prefix)
}

/// Sets the card prefix for cards numbered or enrolled from now on.
pub fn set_prefix(
    conn: &mut DbConn,
    prefix: &str,
    user: Option<UserId>,
    at: NaiveDateTime,
) -> Result<()> {
    let prefix = prefix.trim();
    check_prefix(conn, prefix)?;
    db::settings::set(conn, CARD_PREFIX_KEY, prefix, at)?;
    audit::record(
        conn,
        &AuditEntry {
            at,
            user_id: user,
            action: "settings.card_prefix",
            entity: "settings",
            entity_id: Some(CARD_PREFIX_KEY.to_owned()),
            detail: Some(prefix.to_owned()),
        },
    )?;
    Ok(())
}

/// Allocates the next card number (prefix, ten digits, check digit) and files
/// it as an active card not handed out yet.
pub fn next_number(conn: &mut DbConn, at: NaiveDateTime) -> Result<String> {
    let prefix = prefix(conn)?;
    let highest: Option<String> = loyalty_cards::table
        .filter(loyalty_cards::number.like(format!("{prefix}%")))
        .select(diesel::dsl::max(loyalty_cards::number))
        .first(conn)?;
    let last: u64 = highest
        .as_deref()
        .and_then(|n| n.get(2..12))
        .and_then(|body| body.parse().ok())
        .unwrap_or(0);
    let exhausted = || CustomerError::CardNumbersExhausted {
        prefix: prefix.clone(),
    };
    let next = last.checked_add(1).filter(|n| *n <= 9_999_999_999);
    let number = next
        .and_then(|n| with_check_digit(&format!("{prefix}{n:010}")))
        .ok_or_else(exhausted)?;
    diesel::insert_into(loyalty_cards::table)
        .values((
            loyalty_cards::number.eq(&number),
            loyalty_cards::status.eq(CardStatus::Active.as_str()),
            loyalty_cards::created_at.eq(at),
        ))
        .execute(conn)?;
    Ok(number)
}

/// A scanned or typed card number: thirteen digits with a right check digit.
pub fn parse_number(raw: &str) -> Result<String> {
    let invalid = || CustomerError::InvalidCardNumber {
        value: raw.trim().to_owned(),
    };
    let barcode = Barcode::parse(raw).map_err(|_| invalid())?;
    if barcode.symbology() != Symbology::Ean13 {
        return Err(invalid());
    }
    Ok(barcode.as_str().to_owned())
}

fn find(conn: &mut DbConn, number: &str) -> Result<Option<Card>> {
    // On the sale's path: the backend's own connection (see `db::native!`).
    Ok(db::native!(conn, |c| loyalty_cards::table
        .filter(loyalty_cards::number.eq(number))
        .select(Card::as_select())
        .first(c)
        .optional())?)
}

/// Every card the customer has had, oldest first.
pub fn of_customer(conn: &mut DbConn, customer_id: i64) -> Result<Vec<Card>> {
    Ok(loyalty_cards::table
        .filter(loyalty_cards::customer_id.eq(customer_id))
        .order(loyalty_cards::id.asc())
        .select(Card::as_select())
        .load(conn)?)
}

/// The customer's active card, the one the till shows.
pub fn active_card(conn: &mut DbConn, customer_id: i64) -> Result<Option<Card>> {
    Ok(loyalty_cards::table
        .filter(loyalty_cards::customer_id.eq(customer_id))
        .filter(loyalty_cards::status.eq(CardStatus::Active.as_str()))
        .order(loyalty_cards::id.desc())
        .select(Card::as_select())
        .first(conn)
        .optional()?)
}

/// The active card of each of several customers (a page of a list), by
/// customer; a customer without one is absent.
pub fn active_cards(conn: &mut DbConn, customer_ids: &[i64]) -> Result<HashMap<i64, String>> {
    let rows: Vec<(Option<i64>, String)> = loyalty_cards::table
        .filter(loyalty_cards::customer_id.eq_any(customer_ids))
        .filter(loyalty_cards::status.eq(CardStatus::Active.as_str()))
        .order(loyalty_cards::id.asc())
        .select((loyalty_cards::customer_id, loyalty_cards::number))
        .load(conn)?;
    // The latest card wins, as in `active_card`.
    Ok(rows
        .into_iter()
        .filter_map(|(owner, number)| Some((owner?, number)))
        .collect())
}

/// Hands card `number` to a customer who has none: a number already on file
/// (allocated by `next_number`, or pre-printed and known) must be active and
/// free; an unknown one (a pre-printed card scanned the first time) must carry
/// the shop's prefix and is filed now.
pub fn assign(
    conn: &mut DbConn,
    number: &str,
    customer_id: i64,
    user: Option<UserId>,
    at: NaiveDateTime,
) -> Result<Card> {
    let number = parse_number(number)?;
    let customer = fiche::get(conn, customer_id)?;
    customer.ensure_live()?;
    let existing = find(conn, &number)?;
    if let Some(card) = &existing {
        if card.status() != CardStatus::Active {
            return Err(CustomerError::CardNotActive {
                number,
                status: card.status().as_str(),
            });
        }
        match card.customer_id {
            Some(owner) if owner == customer_id => return Ok(card.clone()),
            Some(_) => return Err(CustomerError::CardTaken { number }),
            None => {}
        }
    }
    if let Some(current) = active_card(conn, customer_id)? {
        return Err(CustomerError::HasCard {
            number: current.number,
        });
    }
    match existing {
        Some(card) => {
            diesel::update(loyalty_cards::table.find(card.id))
                .set((
                    loyalty_cards::customer_id.eq(customer_id),
                    loyalty_cards::assigned_at.eq(at),
                ))
                .execute(conn)?;
        }
        None => {
            let prefix = prefix(conn)?;
            if !number.starts_with(&prefix) {
                return Err(CustomerError::WrongCardPrefix { number, prefix });
            }
            diesel::insert_into(loyalty_cards::table)
                .values((
                    loyalty_cards::number.eq(&number),
                    loyalty_cards::customer_id.eq(customer_id),
                    loyalty_cards::status.eq(CardStatus::Active.as_str()),
                    loyalty_cards::assigned_at.eq(at),
                    loyalty_cards::created_at.eq(at),
                ))
                .execute(conn)?;
        }
    }
    fiche::refresh_search(conn, customer_id)?;
    audit::record(
        conn,
        &AuditEntry {
            at,
            user_id: user,
            action: "customer.card_assign",
            entity: "customer",
            entity_id: Some(customer_id.to_string()),
            detail: Some(number.clone()),
        },
    )?;
    find(conn, &number)?.ok_or(CustomerError::InvalidCardNumber { value: number })
}

/// Gives the customer card `new_number` in place of their active one, which
/// stays on file as replaced (a replaced card no longer finds anyone).
pub fn replace(
    conn: &mut DbConn,
    customer_id: i64,
    new_number: &str,
    user: Option<UserId>,
    at: NaiveDateTime,
) -> Result<Card> {
    let new_number = parse_number(new_number)?;
    fiche::get(conn, customer_id)?.ensure_live()?;
    let old = active_card(conn, customer_id)?.ok_or(CustomerError::NoCard)?;
    if old.number == new_number {
        return Ok(old);
    }
    diesel::update(
        loyalty_cards::table
            .filter(loyalty_cards::customer_id.eq(customer_id))
            .filter(loyalty_cards::status.eq(CardStatus::Active.as_str())),
    )
    .set(loyalty_cards::status.eq(CardStatus::Replaced.as_str()))
    .execute(conn)?;
    audit::record(
        conn,
        &AuditEntry {
            at,
            user_id: user,
            action: "customer.card_replace",
            entity: "customer",
            entity_id: Some(customer_id.to_string()),
            detail: Some(format!("{} -> {new_number}", old.number)),
        },
    )?;
    assign(conn, &new_number, customer_id, user, at)
}

/// The customer an active card belongs to (following a merge); None for an
/// unknown, unassigned, replaced or lost card, or an anonymised customer.
pub fn customer_by_card(conn: &mut DbConn, scanned: &str) -> Result<Option<Customer>> {
    let number = scanned.trim();
    let Some(card) = find(conn, number)? else {
        return Ok(None);
    };
    let Some(owner) = card
        .customer_id
        .filter(|_| card.status() == CardStatus::Active)
    else {
        return Ok(None);
    };
    let customer = fiche::resolve(conn, owner)?;
    Ok((customer.anonymised_at.is_none()).then_some(customer))
}
