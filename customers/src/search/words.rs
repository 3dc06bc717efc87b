//! The words a fiche is found by, and their rows in `customer_search_words`
//! (see the migration `2026-11-25-000007_customer_search_words`): every folded
//! word of the name, company, e-mail (split at its punctuation), city and
//! postcode; the phones' digits in the international (`33612345678`) and
//! national (`0612345678`) forms, and the national form's endings by pairs
//! (`12345678`, `345678`, `5678`) as the French read numbers out; the card
//! numbers; and the empty word, which puts every live fiche, in name order, in
//! one range of the table.

use crate::error::Result;
use crate::fiche::Customer;
use crate::normalise;
use db::DbConn;
use db::schema::customer_search_words;
use db::text::fold;
use diesel::prelude::*;
use std::collections::BTreeSet;

/// Characters of `search_text` (last name first) that order the results;
/// beyond them, the id does.
const SORT_CHARS: usize = 24;

/// Rows per INSERT: three parameters each, well under both databases' limits.
const ROWS_PER_INSERT: usize = 2_000;

/// The words of a text as typed or stored: folded, cut at anything that is not
/// a letter or a digit ("Jean-Pierre" → "jean", "pierre").
pub(crate) fn split(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The words fiche `c` holding `cards` is found by, the empty word included.
pub(crate) fn words_of(c: &Customer, cards: &[String]) -> BTreeSet<String> {
    let mut words = BTreeSet::from([String::new()]);
    for text in [
        &c.last_name,
        &c.first_name,
        &c.company,
        &c.email,
        &c.city,
        &c.postcode,
    ]
    .into_iter()
    .flatten()
    {
        words.extend(split(text));
    }
    for phone in [&c.phone, &c.phone2].into_iter().flatten() {
        words.insert(phone.trim_start_matches('+').to_owned());
        if let Some(national) = normalise::national_digits(phone) {
            words.extend(pair_endings(&national));
            words.insert(national);
        }
    }
    words.extend(cards.iter().cloned());
    words
}

/// `0612345678` → `12345678`, `345678`, `5678`: the endings of a national
/// number of 8 digits or more, by pairs, down to the last four digits.
fn pair_endings(national: &str) -> Vec<String> {
    if national.len() < 8 || !national.bytes().all(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    (2..=national.len() - 4)
        .step_by(2)
        .filter_map(|at| national.get(at..))
        .map(str::to_owned)
        .collect()
}

/// The key that orders a fiche's rows: the start of its search text, U+0001
/// (below any character of a name, so "dupont" comes before "dupont helene")
/// and the id on 12 digits, which makes it unique. The migration's backfill
/// writes the same.
pub(crate) fn sort_key(search_text: &str, id: i64) -> String {
    let start: String = search_text.chars().take(SORT_CHARS).collect();
    format!("{start}\u{1}{id:012}")
}

/// One row of the index.
#[derive(Debug, Clone, PartialEq, Eq, Insertable)]
#[diesel(table_name = customer_search_words)]
pub(crate) struct WordRow {
    pub word: String,
    pub sort_key: String,
    pub customer_id: i64,
}

/// The rows of a live fiche whose search text is `search_text`.
pub(crate) fn rows_of(c: &Customer, cards: &[String], search_text: &str) -> Vec<WordRow> {
    let key = sort_key(search_text, c.id);
    words_of(c, cards)
        .into_iter()
        .map(|word| WordRow {
            word,
            sort_key: key.clone(),
            customer_id: c.id,
        })
        .collect()
}

/// Replaces the rows of fiche `id` by `rows` (none: the fiche is no longer
/// found, as once anonymised or merged).
pub(crate) fn rewrite(conn: &mut DbConn, id: i64, rows: &[WordRow]) -> Result<()> {
    diesel::delete(customer_search_words::table.filter(customer_search_words::customer_id.eq(id)))
        .execute(conn)?;
    insert(conn, rows)
}

/// Adds rows in multi-row INSERTs (the connection enum has none, each
/// backend's own connection has).
pub(crate) fn insert(conn: &mut DbConn, rows: &[WordRow]) -> Result<()> {
    for chunk in rows.chunks(ROWS_PER_INSERT) {
        match conn {
            DbConn::Sqlite(c) => diesel::insert_into(customer_search_words::table)
                .values(chunk)
                .execute(c)?,
            DbConn::Postgres(c) => diesel::insert_into(customer_search_words::table)
                .values(chunk)
                .execute(c)?,
        };
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{pair_endings, sort_key, split};

    #[test]
    fn texts_split_into_folded_words() {
        assert_eq!(
            split("Jean-Pierre d'Hérouville"),
            ["jean", "pierre", "d", "herouville"]
        );
        assert_eq!(
            split("helene.dupont@exemple.fr"),
            ["helene", "dupont", "exemple", "fr"]
        );
        assert!(split(" % _ ").is_empty());
    }

    #[test]
    fn national_numbers_end_by_pairs() {
        assert_eq!(pair_endings("0612345678"), ["12345678", "345678", "5678"]);
        assert_eq!(
            pair_endings("02071838750"),
            ["071838750", "1838750", "38750"]
        );
        assert!(pair_endings("69001").is_empty());
    }

    #[test]
    fn sort_keys_order_by_name_then_id() {
        assert_eq!(
            sort_key("dupont helene", 12),
            "dupont helene\u{1}000000000012"
        );
        assert!(sort_key("dupont", 99) < sort_key("dupont helene", 1));
        assert_eq!(
            sort_key("dupont de la tour helene helene.dupont@exemple.fr", 3),
            "dupont de la tour helene\u{1}000000000003"
        );
    }
}
