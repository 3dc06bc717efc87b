//! A large customer file for `comptoir bench`: believable French names, an
//! e-mail, a mobile and a loyalty card each, spread over postcodes, written in
//! multi-row inserts with their search words (no audit entries, no consents:
//! what search and the till read). The same numbers give the same customers
//! and cards; the caller chooses the transactions.

use crate::cards;
use crate::error::Result;
use crate::fiche::{self, Customer};
use crate::kinds::CardStatus;
use crate::search::words::{self, WordRow};
use chrono::NaiveDateTime;
use db::DbConn;
use db::schema::{customers, loyalty_cards};
use diesel::prelude::*;
use inventory::barcode::with_check_digit;

const FIRST: [&str; 24] = [
    "Hélène",
    "Camille",
    "Léa",
    "Chloé",
    "Manon",
    "Inès",
    "Zoé",
    "Élodie",
    "Margaux",
    "Juliette",
    "Anaïs",
    "Céline",
    "Thomas",
    "Lucas",
    "Hugo",
    "Théo",
    "Mathis",
    "Julien",
    "Nicolas",
    "Antoine",
    "François",
    "Jérôme",
    "Benoît",
    "Loïc",
];
const LAST: [&str; 32] = [
    "Martin",
    "Bernard",
    "Dubois",
    "Thomas",
    "Robert",
    "Richard",
    "Petit",
    "Durand",
    "Leroy",
    "Moreau",
    "Simon",
    "Laurent",
    "Lefèvre",
    "Michel",
    "Garcia",
    "David",
    "Bertrand",
    "Roux",
    "Vincent",
    "Fournier",
    "Morel",
    "Girard",
    "André",
    "Lefèbvre",
    "Mercier",
    "Dupont",
    "Lambert",
    "Bonnet",
    "François",
    "Martinez",
    "Légaré",
    "Chevalier",
];
const TOWNS: [(&str, &str); 8] = [
    ("21000", "Dijon"),
    ("69001", "Lyon"),
    ("75011", "Paris"),
    ("13001", "Marseille"),
    ("33000", "Bordeaux"),
    ("44000", "Nantes"),
    ("67000", "Strasbourg"),
    ("59000", "Lille"),
];

/// Rows per INSERT: well under both databases' parameter limits.
const ROWS_PER_INSERT: usize = 400;

/// The name customer `serial` of the bulk file has: for searches that find it.
pub fn name_of(serial: u64) -> (&'static str, &'static str) {
    let n = usize::try_from(serial).unwrap_or(0);
    (FIRST[n % FIRST.len()], LAST[(n / FIRST.len()) % LAST.len()])
}

/// The loyalty card of customer `serial`: the shop's prefix, the serial plus
/// one on ten digits, the check digit.
pub fn card_number(prefix: &str, serial: u64) -> Option<String> {
    with_check_digit(&format!("{prefix}{:010}", serial.checked_add(1)?))
}

macro_rules! insert_many {
    ($conn:expr, $table:expr, $rows:expr) => {
        match $conn {
            DbConn::Sqlite(c) => diesel::insert_into($table).values($rows).execute(c)?,
            DbConn::Postgres(c) => diesel::insert_into($table).values($rows).execute(c)?,
        }
    };
}

/// Adds customers numbered `from..until`, each with an active card
/// ([`card_number`]). Ids are written here (the next free ones), so that the
/// cards and search words can name them.
pub fn fill_range(conn: &mut DbConn, from: u64, until: u64, at: NaiveDateTime) -> Result<u64> {
    let prefix = cards::prefix(conn)?;
    let highest: Option<i64> = customers::table
        .select(diesel::dsl::max(customers::id))
        .first(conn)?;
    let mut id = highest.unwrap_or(0);
    let numbers: Vec<u64> = (from..until).collect();
    for chunk in numbers.chunks(ROWS_PER_INSERT) {
        let mut rows = Vec::with_capacity(chunk.len());
        let mut card_rows = Vec::with_capacity(chunk.len());
        let mut word_rows: Vec<WordRow> = Vec::with_capacity(chunk.len() * 16);
        for &serial in chunk {
            id += 1;
            let (first, last) = name_of(serial);
            let (postcode, city) = TOWNS[usize::try_from(serial).unwrap_or(0) % TOWNS.len()];
            let email = format!(
                "{}.{}.{serial}@exemple.fr",
                db::text::fold(first),
                db::text::fold(last).replace(' ', "-")
            );
            let phone = format!("+336{:08}", serial % 100_000_000);
            let card: Vec<String> = card_number(&prefix, serial).into_iter().collect();
            let c = Customer {
                id,
                civility: None,
                first_name: Some(first.to_owned()),
                last_name: Some(last.to_owned()),
                company: None,
                email: Some(email),
                phone: Some(phone),
                phone2: None,
                address_line1: None,
                address_line2: None,
                postcode: Some(postcode.to_owned()),
                city: Some(city.to_owned()),
                country: "FR".into(),
                birth_date: None,
                language: "fr".into(),
                notes: None,
                tags: None,
                source: "import".into(),
                search_text: String::new(),
                match_key: None,
                visits: 0,
                total_spent: 0,
                first_visit: None,
                last_visit: None,
                points: 0,
                anonymised_at: None,
                merged_into: None,
                created_at: at,
                updated_at: at,
            };
            let search_text = fiche::search_text(&c, &card);
            word_rows.extend(words::rows_of(&c, &card, &search_text));
            for number in card {
                card_rows.push((
                    loyalty_cards::number.eq(number),
                    loyalty_cards::customer_id.eq(Some(id)),
                    loyalty_cards::status.eq(CardStatus::Active.as_str()),
                    loyalty_cards::assigned_at.eq(Some(at)),
                    loyalty_cards::created_at.eq(at),
                ));
            }
            rows.push((
                customers::id.eq(id),
                customers::first_name.eq(c.first_name.clone()),
                customers::last_name.eq(c.last_name.clone()),
                customers::email.eq(c.email.clone()),
                customers::phone.eq(c.phone.clone()),
                customers::postcode.eq(c.postcode.clone()),
                customers::city.eq(c.city.clone()),
                customers::country.eq("FR"),
                customers::language.eq("fr"),
                customers::source.eq("import"),
                customers::search_text.eq(search_text),
                customers::match_key.eq(fiche::match_key(&c)),
                customers::created_at.eq(at),
                customers::updated_at.eq(at),
            ));
        }
        insert_many!(conn, customers::table, &rows);
        insert_many!(conn, loyalty_cards::table, &card_rows);
        words::insert(conn, &word_rows)?;
    }
    if let DbConn::Postgres(c) = conn {
        // The identity column's sequence goes past the ids written above.
        diesel::sql_query(
            "SELECT setval(pg_get_serial_sequence('customers', 'id'), \
             (SELECT max(id) FROM customers))",
        )
        .execute(c)?;
    }
    Ok(until.saturating_sub(from))
}

/// After a large fill, what the night's maintenance would have done, so the
/// measures that follow do not share the machine with it: on PostgreSQL,
/// statistics and the visibility map of the file's tables (the autovacuum's
/// work), then a checkpoint (the fill's pages written out; it needs a
/// superuser or `pg_checkpoint`, and is skipped without). Nothing on SQLite.
/// Outside a transaction.
pub fn settle(conn: &mut DbConn) -> Result<()> {
    if let DbConn::Postgres(c) = conn {
        diesel::sql_query("VACUUM (ANALYZE) customers, loyalty_cards, customer_search_words")
            .execute(c)?;
        if let Err(error) = diesel::sql_query("CHECKPOINT").execute(c) {
            tracing::warn!(%error, "no checkpoint after the bulk customer file");
        }
    }
    Ok(())
}
