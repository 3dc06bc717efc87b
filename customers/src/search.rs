//! Finding a customer as the cashier or the owner types them: a card number, a
//! phone number in any usual form, an e-mail address, or the starts of words
//! of the name, company, e-mail, city, postcode, phone or card number, accents
//! and case ignored ("helene" finds "Hélène", "dupo hel" finds Hélène Dupont,
//! "12 34 56" finds 06 12 34 56 78). Every typed word must start a word of the
//! fiche; a word inside another ("pont" for Dupont) does not count.
//!
//! Exact forms go through the columns' indexes (card number, phone, e-mail);
//! words through `customer_search_words` ([`words`] writes it, [`prefix`]
//! reads it), which answers in name order without sorting every match, in a
//! few milliseconds for a million fiches.

mod prefix;
pub(crate) mod words;

use crate::cards;
use crate::error::Result;
use crate::fiche::Customer;
use crate::normalise;
use db::DbConn;
use db::schema::{customer_search_words, customers};
use diesel::prelude::*;
use prefix::Prefix;
use std::collections::HashMap;

/// Typed words kept, the longest first (ignoring more can only widen the
/// answer).
const MAX_WORDS: usize = 8;

/// At most `limit` live customers (neither anonymised nor merged) matching
/// `text`, by name.
pub fn search(conn: &mut DbConn, text: &str, limit: i64) -> Result<Vec<Customer>> {
    let text = text.trim();
    if text.is_empty() || limit <= 0 {
        return Ok(Vec::new());
    }
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let phone_like = text
        .trim_start_matches('+')
        .chars()
        .all(|c| c.is_ascii_digit() || " .-/()\u{a0}".contains(c));
    if phone_like
        && digits.len() == 13
        && let Some(customer) = cards::customer_by_card(conn, &digits)?
    {
        return Ok(vec![customer]);
    }
    if phone_like && let Some(e164) = normalise::parse_phone(text, "FR") {
        let found = live()
            .filter(customers::phone.eq(&e164).or(customers::phone2.eq(&e164)))
            .order((customers::search_text.asc(), customers::id.asc()))
            .limit(limit)
            .select(Customer::as_select())
            .load(conn)?;
        if !found.is_empty() {
            return Ok(found);
        }
    }
    if text.contains('@') {
        let found = live()
            .filter(customers::email.eq(text.to_lowercase()))
            .order((customers::search_text.asc(), customers::id.asc()))
            .limit(limit)
            .select(Customer::as_select())
            .load(conn)?;
        if !found.is_empty() {
            return Ok(found);
        }
    }
    let typed = if phone_like {
        vec![digits]
    } else {
        words::split(text)
    };
    let prefixes: Vec<Prefix> = needed(typed)
        .iter()
        .take(MAX_WORDS)
        .map(|w| Prefix::new(w))
        .collect();
    let ids = prefix::find(
        conn,
        &prefixes,
        usize::try_from(limit).unwrap_or(usize::MAX),
    )?;
    by_ids(conn, &ids)
}

/// The typed words that say something: no empty word, no repeat, and none
/// that starts another (a word starting with "dupont" starts with "dup").
fn needed(mut typed: Vec<String>) -> Vec<String> {
    typed.retain(|w| !w.is_empty());
    typed.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    let mut kept: Vec<String> = Vec::new();
    for word in typed {
        if !kept.iter().any(|k| k.starts_with(word.as_str())) {
            kept.push(word);
        }
    }
    kept
}

/// The live fiches with these ids, in the ids' order.
fn by_ids(conn: &mut DbConn, ids: &[i64]) -> Result<Vec<Customer>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut found: HashMap<i64, Customer> = live()
        .filter(customers::id.eq_any(ids))
        .select(Customer::as_select())
        .load(conn)?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    Ok(ids.iter().filter_map(|id| found.remove(id)).collect())
}

/// The live customers in name order, at most `limit`: the whole file at once.
pub fn list(conn: &mut DbConn, limit: i64) -> Result<Vec<Customer>> {
    // The empty word's rows: every live fiche, in name order.
    Ok(live()
        .inner_join(customer_search_words::table)
        .filter(customer_search_words::word.eq(""))
        .order(customer_search_words::sort_key.asc())
        .limit(limit.max(0))
        .select(Customer::as_select())
        .load(conn)?)
}

type Live = diesel::dsl::Filter<
    diesel::dsl::Filter<customers::table, diesel::dsl::IsNull<customers::anonymised_at>>,
    diesel::dsl::IsNull<customers::merged_into>,
>;

/// The fiches still in use.
fn live() -> Live {
    customers::table
        .filter(customers::anonymised_at.is_null())
        .filter(customers::merged_into.is_null())
}
