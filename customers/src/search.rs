//! Finding a customer as the cashier or the owner types them: a card number, a
//! phone number in any usual form, an e-mail address, or bits of name,
//! e-mail, phone or postcode, accents and case ignored ("helene" finds
//! "Hélène").
//!
//! Exact forms go through indexes (card number, phone, e-mail). Words are
//! matched with `LIKE '%word%'` on the folded `search_text`: PostgreSQL answers
//! from a trigram index; SQLite scans the narrower `search_text` index, which
//! stays well under a second for a million fiches.

use crate::cards;
use crate::error::Result;
use crate::fiche::Customer;
use crate::normalise;
use db::DbConn;
use db::schema::customers;
use diesel::prelude::*;

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
    let words: Vec<String> = if phone_like {
        vec![digits]
    } else {
        db::text::fold(text)
            .split_whitespace()
            .map(|w| w.replace(['%', '_', '\\'], ""))
            .filter(|w| !w.is_empty())
            .collect()
    };
    if words.iter().all(String::is_empty) {
        return Ok(Vec::new());
    }
    let mut query = live().into_boxed();
    for word in words.iter().filter(|w| !w.is_empty()) {
        query = query.filter(customers::search_text.like(format!("%{word}%")));
    }
    Ok(query
        .order((customers::search_text.asc(), customers::id.asc()))
        .limit(limit)
        .select(Customer::as_select())
        .load(conn)?)
}

/// The live customers in name order, at most `limit`: the whole file at once.
pub fn list(conn: &mut DbConn, limit: i64) -> Result<Vec<Customer>> {
    Ok(live()
        .order((customers::search_text.asc(), customers::id.asc()))
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
