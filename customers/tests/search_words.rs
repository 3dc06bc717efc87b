//! The word-prefix index behind the customer search: what finds whom, kept
//! up to date by every change of a fiche, emptied by erasure and merge,
//! written by the bulk file and by the migration's backfill; on both backends.

#![expect(clippy::unwrap_used, reason = "tests fail loudly")]

use customers::fiche::{self, search};
use customers::testing::{customer, now};
use customers::{CustomerChanges, NewCustomer, bulk, cards, gdpr, merge};
use db::schema::customer_search_words as w;
use db::{DbConn, migrate};
use diesel::prelude::*;
use diesel_migrations::MigrationHarness;

fn ids(found: Vec<customers::Customer>) -> Vec<i64> {
    found.into_iter().map(|c| c.id).collect()
}

fn find(conn: &mut DbConn, text: &str) -> Vec<i64> {
    ids(search(conn, text, 50).unwrap())
}

/// The words customer `id` is found by, sorted.
fn words_of(conn: &mut DbConn, id: i64) -> Vec<String> {
    w::table
        .filter(w::customer_id.eq(id))
        .order(w::word.asc())
        .select(w::word)
        .load(conn)
        .unwrap()
}

fn helene() -> NewCustomer {
    NewCustomer {
        first_name: "Hélène".into(),
        last_name: "Dupont de la Tour".into(),
        company: Some("Fromagerie L'Étoile".into()),
        email: Some("h.dupont-tour@exemple.fr".into()),
        phone: Some("06 12 34 56 78".into()),
        postcode: Some("69001".into()),
        city: Some("Lyon".into()),
        ..NewCustomer::default()
    }
}

#[test]
fn every_typed_word_must_start_a_word_of_the_fiche() {
    db::testing::each_conn(|conn, _| {
        let helene = fiche::create(conn, &helene(), None, now()).unwrap();
        let helena = customer(conn, "Helena", "Martin");
        let jp = customer(conn, "Jean-Pierre", "Martinez");

        assert_eq!(
            words_of(conn, helene.id),
            [
                "",
                "0612345678",
                "12345678",
                "33612345678",
                "345678",
                "5678",
                "69001",
                "de",
                "dupont",
                "etoile",
                "exemple",
                "fr",
                "fromagerie",
                "h",
                "helene",
                "l",
                "la",
                "lyon",
                "tour",
            ]
        );
        for typed in [
            "dupo",
            "DUPONT",
            "tour",
            "de la",
            "HÉLÈNE",
            "étoi",
            "lyo",
            "exem",
            "69",
            "5678",
            "34 56 78",
            "0612",
            "336123",
            "dupont-tour",
            "h.dupont",
        ] {
            assert_eq!(find(conn, typed), [helene.id], "{typed}");
        }
        // Name order (last name first), and every word must match.
        assert_eq!(find(conn, "hel"), [helene.id, helena.id]);
        assert_eq!(find(conn, "mar"), [helena.id, jp.id]);
        assert_eq!(find(conn, "mar hel"), [helena.id]);
        assert_eq!(find(conn, "hel mar"), [helena.id]);
        assert_eq!(find(conn, "pierre"), [jp.id]);
        assert_eq!(find(conn, "jean-p"), [jp.id]);
        assert_eq!(ids(search(conn, "mar", 1).unwrap()), [helena.id]);
        // Inside a word, or a word no fiche has both of: nothing.
        for typed in ["pont", "elene", "2345", "mar lyon", "helene martin"] {
            assert!(find(conn, typed).is_empty(), "{typed}");
        }
        // The list is in the same order.
        assert_eq!(
            ids(fiche::list(conn, 10).unwrap()),
            [helene.id, helena.id, jp.id]
        );
    });
}

#[test]
fn words_follow_changes_and_cards() {
    db::testing::each_conn(|conn, _| {
        let c = fiche::create(conn, &helene(), None, now()).unwrap();
        fiche::update(
            conn,
            c.id,
            &CustomerChanges {
                last_name: Some("Durand".into()),
                email: Some("h.durand@exemple.fr".into()),
                phone: Some("07 98 76 54 32".into()),
                city: Some("Villeurbanne".into()),
                ..CustomerChanges::default()
            },
            None,
            now(),
        )
        .unwrap();
        for gone in ["dupont", "tour", "5678", "lyon"] {
            assert!(find(conn, gone).is_empty(), "{gone}");
        }
        for found in ["durand hel", "villeur", "5432", "0798"] {
            assert_eq!(find(conn, found), [c.id], "{found}");
        }
        // Cards: the new one and the replaced one both start words.
        let first = cards::next_number(conn, now()).unwrap();
        cards::assign(conn, &first, c.id, None, now()).unwrap();
        assert_eq!(find(conn, &first[..9]), [c.id]);
        let second = cards::next_number(conn, now()).unwrap();
        cards::replace(conn, c.id, &second, None, now()).unwrap();
        assert_eq!(find(conn, &second), [c.id]);
        assert!(words_of(conn, c.id).contains(&first));
    });
}

#[test]
fn erasure_and_merge_take_the_words_away() {
    db::testing::each_conn(|conn, _| {
        let erased = fiche::create(conn, &helene(), None, now()).unwrap();
        let other = customer(conn, "Hélène", "Dupont");
        gdpr::anonymise(conn, erased.id, None, now()).unwrap();
        assert!(words_of(conn, erased.id).is_empty());
        assert_eq!(find(conn, "helene dupont"), [other.id]);
        assert!(find(conn, "lyon").is_empty());

        let keep = customer(conn, "Léa", "Bernard");
        let remove = fiche::create(
            conn,
            &NewCustomer {
                first_name: "Lea".into(),
                last_name: "Bernard".into(),
                email: Some("lea.b@exemple.fr".into()),
                city: Some("Dijon".into()),
                ..NewCustomer::default()
            },
            None,
            now(),
        )
        .unwrap();
        let card = cards::next_number(conn, now()).unwrap();
        cards::assign(conn, &card, remove.id, None, now()).unwrap();
        merge::merge(conn, keep.id, remove.id, None, now()).unwrap();
        assert!(words_of(conn, remove.id).is_empty());
        assert_eq!(find(conn, "bernard lea"), [keep.id]);
        // What the kept fiche took from the other finds it: e-mail, city, card.
        for typed in ["lea.b", "dijon", &card[..10]] {
            assert_eq!(find(conn, typed), [keep.id], "{typed}");
        }
        assert_eq!(ids(fiche::list(conn, 10).unwrap()), [keep.id, other.id]);
    });
}

#[test]
fn the_bulk_file_is_found_by_name_and_card() {
    db::testing::each_conn(|conn, _| {
        bulk::fill_range(conn, 0, 800, now()).unwrap();
        let (first, last) = bulk::name_of(700);
        let card = bulk::card_number("29", 700).unwrap();
        let owner = cards::customer_by_card(conn, &card).unwrap().unwrap();
        assert_eq!(owner.first_name.as_deref(), Some(first));
        assert_eq!(owner.last_name.as_deref(), Some(last));
        assert_eq!(find(conn, &card[..12]), [owner.id]);
        let typed = format!(
            "{} {}",
            &db::text::fold(last)[..4],
            &db::text::fold(first)[..3]
        );
        let found = search(conn, &typed, 100).unwrap();
        assert!(found.iter().any(|c| c.id == owner.id), "{typed}");
        let names: Vec<(String, String)> = found
            .iter()
            .map(|c| {
                let fold = |n: &Option<String>| db::text::fold(n.as_deref().unwrap_or_default());
                (fold(&c.last_name), fold(&c.first_name))
            })
            .collect();
        assert!(names.is_sorted(), "{names:?}");
        // Fiches made afterwards get the next ids (PostgreSQL's sequence moved).
        let after = customer(conn, "Zoé", "Zola");
        assert_eq!(find(conn, "zola"), [after.id]);
        assert!(after.id > owner.id);
    });
}

/// Version of the migration that made the index.
const WORDS_MIGRATION: &str = "20261125000007";

fn applied(conn: &mut DbConn) -> Vec<String> {
    let versions = match conn {
        DbConn::Sqlite(c) => c.applied_migrations(),
        DbConn::Postgres(c) => c.applied_migrations(),
    };
    versions.unwrap().iter().map(ToString::to_string).collect()
}

/// Reverts migrations down to and including the word index's.
fn revert_words_migration(conn: &mut DbConn) {
    while applied(conn).iter().any(|v| v == WORDS_MIGRATION) {
        match conn {
            DbConn::Sqlite(c) => c.revert_last_migration(migrate::SQLITE).unwrap(),
            DbConn::Postgres(c) => c.revert_last_migration(migrate::POSTGRES).unwrap(),
        };
    }
}

#[test]
fn the_backfill_writes_what_the_fiches_would_write_but_cities() {
    for database in db::testing::databases() {
        let db = database.db();
        let (made, expected) = db
            .write(|conn| -> Result<_, customers::CustomerError> {
                let a = fiche::create(conn, &helene(), None, now())?;
                let card = cards::next_number(conn, now())?;
                cards::assign(conn, &card, a.id, None, now())?;
                let b = fiche::create(
                    conn,
                    &NewCustomer {
                        first_name: "John".into(),
                        last_name: "O'Neil".into(),
                        phone: Some("+44 20 7183 8750".into()),
                        city: Some("London".into()),
                        country: Some("GB".into()),
                        postcode: Some("SW1A 1AA".into()),
                        ..NewCustomer::default()
                    },
                    None,
                    now(),
                )?;
                let gone = customer(conn, "Paul", "Parti");
                gdpr::anonymise(conn, gone.id, None, now())?;
                let rows: Vec<(String, String, i64)> = w::table
                    .select((w::word, w::sort_key, w::customer_id))
                    .order((w::customer_id.asc(), w::word.asc()))
                    .load(conn)?;
                Ok(([a.id, b.id, gone.id], rows))
            })
            .unwrap();
        db.read(|conn| {
            revert_words_migration(conn);
            Ok::<_, db::DbError>(())
        })
        .unwrap();
        db.migrate().unwrap();
        let backfilled = db
            .read(|conn| {
                Ok::<_, db::DbError>(
                    w::table
                        .select((w::word, w::sort_key, w::customer_id))
                        .order((w::customer_id.asc(), w::word.asc()))
                        .load::<(String, String, i64)>(conn)
                        .unwrap(),
                )
            })
            .unwrap();
        let cities = ["lyon", "london"];
        let without_cities: Vec<_> = expected
            .into_iter()
            .filter(|(word, _, _)| !cities.contains(&word.as_str()))
            .collect();
        assert_eq!(backfilled, without_cities, "{}", database.label());
        assert!(!backfilled.iter().any(|(_, _, id)| *id == made[2]));
    }
}
