//! Likely duplicates, and merging two fiches of one person.
//!
//! A merge keeps one fiche and retires the other: cards, consents, spending per
//! category and points move to the one kept (points through two `merge` lines
//! of the ledger), statistics are summed, the empty fields of the one kept are
//! filled from the other, whose notes (and any e-mail or phone that differed)
//! are appended to its notes. Tickets are never rewritten (their hash covers
//! `customer_id`): the retired fiche keeps its id, loses its personal data and
//! points with `merged_into` to the one kept, and reads (search, card, stats,
//! export, the till's enrichment) follow it.

use crate::enrichment::add_spend;
use crate::error::{CustomerError, Result};
use crate::fiche::{self, Customer};
use crate::kinds::PointsReason;
use crate::normalise;
use crate::points::{self, Move};
use crate::search::words;
use chrono::NaiveDateTime;
use db::DbConn;
use db::audit::{self, AuditEntry};
use db::ids::UserId;
use db::schema::{customer_category_spend, customer_consents, customers, loyalty_cards};
use diesel::prelude::*;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DuplicateReason {
    SameEmail,
    SamePhone,
    /// Same folded last name, first initial and postcode.
    SameNameAndPostcode,
}

/// Two live fiches that are probably one person; `first` is the older.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DuplicatePair {
    pub first: i64,
    pub second: i64,
    pub reason: DuplicateReason,
}

/// Up to `limit` pairs of likely duplicates, by e-mail, then phone, then name
/// and postcode; each pair once. Every match is an indexed equality.
pub fn duplicates(conn: &mut DbConn, limit: i64) -> Result<Vec<DuplicatePair>> {
    let (a, b) = diesel::alias!(customers as a, customers as b);
    let mut pairs: Vec<DuplicatePair> = Vec::new();
    let reasons = [
        DuplicateReason::SameEmail,
        DuplicateReason::SamePhone,
        DuplicateReason::SameNameAndPostcode,
    ];
    for reason in reasons {
        let left = usize::try_from(limit)
            .unwrap_or(0)
            .saturating_sub(pairs.len());
        if left == 0 {
            break;
        }
        let base = a
            .inner_join(b.on(a.field(customers::id).lt(b.field(customers::id))))
            .filter(a.field(customers::anonymised_at).is_null())
            .filter(a.field(customers::merged_into).is_null())
            .filter(b.field(customers::anonymised_at).is_null())
            .filter(b.field(customers::merged_into).is_null())
            .select((a.field(customers::id), b.field(customers::id)))
            .order((a.field(customers::id).asc(), b.field(customers::id).asc()))
            .limit(limit)
            .into_boxed();
        let query = match reason {
            DuplicateReason::SameEmail => {
                base.filter(a.field(customers::email).eq(b.field(customers::email)))
            }
            DuplicateReason::SamePhone => {
                base.filter(a.field(customers::phone).eq(b.field(customers::phone)))
            }
            DuplicateReason::SameNameAndPostcode => base.filter(
                a.field(customers::match_key)
                    .eq(b.field(customers::match_key)),
            ),
        };
        let found: Vec<(i64, i64)> = query.load(conn)?;
        for (first, second) in found {
            if !pairs.iter().any(|p| p.first == first && p.second == second) {
                pairs.push(DuplicatePair {
                    first,
                    second,
                    reason,
                });
            }
        }
    }
    pairs.truncate(usize::try_from(limit).unwrap_or(0));
    Ok(pairs)
}

/// Merges fiche `remove` into fiche `keep` (see the module's notes). Refuses a
/// merge into itself, and anonymised or already merged fiches.
pub fn merge(
    conn: &mut DbConn,
    keep: i64,
    remove: i64,
    user: Option<UserId>,
    at: NaiveDateTime,
) -> Result<Customer> {
    if keep == remove {
        return Err(CustomerError::MergeIntoItself);
    }
    let k = fiche::get(conn, keep)?;
    let r = fiche::get(conn, remove)?;
    for c in [&k, &r] {
        if c.anonymised_at.is_some() {
            return Err(CustomerError::Anonymised(c.id));
        }
        if let Some(into) = c.merged_into {
            return Err(CustomerError::Merged { id: c.id, into });
        }
    }

    diesel::update(loyalty_cards::table.filter(loyalty_cards::customer_id.eq(remove)))
        .set(loyalty_cards::customer_id.eq(keep))
        .execute(conn)?;
    diesel::update(customer_consents::table.filter(customer_consents::customer_id.eq(remove)))
        .set(customer_consents::customer_id.eq(keep))
        .execute(conn)?;
    let spend: Vec<(Option<i64>, i64)> = customer_category_spend::table
        .filter(customer_category_spend::customer_id.eq(remove))
        .select((
            customer_category_spend::category_id,
            customer_category_spend::amount,
        ))
        .load(conn)?;
    for (category, amount) in spend {
        add_spend(conn, keep, category, amount)?;
    }
    diesel::delete(
        customer_category_spend::table.filter(customer_category_spend::customer_id.eq(remove)),
    )
    .execute(conn)?;
    if r.points > 0 {
        let moved = |customer_id, delta| Move {
            customer_id,
            delta,
            reason: PointsReason::Merge,
            ticket_id: None,
            at,
            user_id: user,
        };
        points::post(conn, &moved(remove, -r.points))?;
        points::post(conn, &moved(keep, r.points))?;
    }

    let merged = merged_fields(&k, &r, at);
    diesel::update(customers::table.find(keep))
        .set((
            &merged,
            customers::visits.eq(k.visits + r.visits),
            customers::total_spent.eq(k.total_spent + r.total_spent),
            customers::first_visit.eq(earliest(k.first_visit, r.first_visit)),
            customers::last_visit.eq(k.last_visit.max(r.last_visit)),
            customers::created_at.eq(k.created_at.min(r.created_at)),
            customers::updated_at.eq(at),
        ))
        .execute(conn)?;
    wipe(conn, remove, at)?;
    diesel::update(customers::table.find(remove))
        .set((
            customers::merged_into.eq(keep),
            customers::visits.eq(0),
            customers::total_spent.eq(0),
            customers::first_visit.eq(None::<NaiveDateTime>),
            customers::last_visit.eq(None::<NaiveDateTime>),
        ))
        .execute(conn)?;
    // Fiches merged earlier into the one retired now point at the one kept.
    diesel::update(customers::table.filter(customers::merged_into.eq(remove)))
        .set(customers::merged_into.eq(keep))
        .execute(conn)?;
    fiche::refresh_search(conn, keep)?;
    fiche::refresh_search(conn, remove)?;
    for (id, detail) in [
        (keep, format!("kept, merged {remove} into it")),
        (remove, format!("merged into {keep}")),
    ] {
        audit::record(
            conn,
            &AuditEntry {
                at,
                user_id: user,
                action: "customer.merge",
                entity: "customer",
                entity_id: Some(id.to_string()),
                detail: Some(detail),
            },
        )?;
    }
    fiche::get(conn, keep)
}

fn earliest(a: Option<NaiveDateTime>, b: Option<NaiveDateTime>) -> Option<NaiveDateTime> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The fields of the fiche kept, its empty ones filled from the other.
fn merged_fields(k: &Customer, r: &Customer, at: NaiveDateTime) -> fiche::Fiche {
    let fill = |mine: &Option<String>, theirs: &Option<String>| mine.clone().or(theirs.clone());
    let mut extra: Vec<String> = Vec::new();
    let phone = fill(&k.phone, &r.phone);
    let mut phone2 = fill(&k.phone2, &r.phone2);
    for other in [&r.phone, &r.phone2].into_iter().flatten() {
        if phone.as_ref() != Some(other) && phone2.as_ref() != Some(other) {
            if phone2.is_none() {
                phone2 = Some(other.clone());
            } else {
                extra.push(format!("téléphone\u{a0}: {other}"));
            }
        }
    }
    let email = fill(&k.email, &r.email);
    if let Some(other) = &r.email
        && email.as_ref() != Some(other)
    {
        extra.push(format!("e-mail\u{a0}: {other}"));
    }
    let has_address = k.address_line1.is_some() || k.postcode.is_some() || k.city.is_some();
    let from = if has_address { k } else { r };
    let mut notes: Vec<String> = k.notes.iter().cloned().collect();
    if r.notes.is_some() || !extra.is_empty() {
        let mut block = format!("[Fiche n°{} fusionnée le {}]", r.id, at.format("%d/%m/%Y"));
        for line in r.notes.iter().chain(extra.iter()) {
            block.push('\n');
            block.push_str(line);
        }
        notes.push(block);
    }
    let mut tags = k.tag_list();
    tags.extend(r.tag_list());
    fiche::Fiche {
        civility: fill(&k.civility, &r.civility),
        first_name: fill(&k.first_name, &r.first_name),
        last_name: fill(&k.last_name, &r.last_name),
        company: fill(&k.company, &r.company),
        email,
        phone,
        phone2,
        address_line1: from.address_line1.clone(),
        address_line2: from.address_line2.clone(),
        postcode: from.postcode.clone(),
        city: from.city.clone(),
        country: from.country.clone(),
        birth_date: k.birth_date.or(r.birth_date),
        language: k.language.clone(),
        notes: (!notes.is_empty()).then(|| notes.join("\n\n")),
        // Tags already stored were checked; a failure here only drops them.
        tags: normalise::tags(&tags).unwrap_or(k.tags.clone()),
    }
}

/// Empties a fiche's personal fields and its search words (merge and erasure
/// alike).
pub(crate) fn wipe(conn: &mut DbConn, id: i64, at: NaiveDateTime) -> Result<()> {
    diesel::update(customers::table.find(id))
        .set((
            customers::civility.eq(None::<String>),
            customers::first_name.eq(None::<String>),
            customers::last_name.eq(None::<String>),
            customers::company.eq(None::<String>),
            customers::email.eq(None::<String>),
            customers::phone.eq(None::<String>),
            customers::phone2.eq(None::<String>),
            customers::address_line1.eq(None::<String>),
            customers::address_line2.eq(None::<String>),
            customers::postcode.eq(None::<String>),
            customers::city.eq(None::<String>),
            customers::birth_date.eq(None::<chrono::NaiveDate>),
            customers::notes.eq(None::<String>),
            customers::tags.eq(None::<String>),
            customers::search_text.eq(""),
            customers::match_key.eq(None::<String>),
            customers::updated_at.eq(at),
        ))
        .execute(conn)?;
    // No longer found by any word.
    words::rewrite(conn, id, &[])
}
