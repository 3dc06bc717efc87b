//! Statements on the backend's own connection (`db::native!`) and fixed
//! statements (`db::fixed!`): binds in order, refused when they do not match
//! the placeholders, prepared once per connection. On both backends.

#![expect(clippy::unwrap_used, reason = "fixture builders fail loudly")]

use chrono::NaiveDate;
use db::native::Bind;
use db::schema::settings;
use diesel::connection::{Connection, InstrumentationEvent};
use diesel::prelude::*;
use std::sync::{Arc, Mutex};

fn at() -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 25)
        .unwrap()
        .and_hms_opt(9, 30, 0)
        .unwrap()
}

fn touch(conn: &mut db::DbConn, key: &str, value: &str) -> QueryResult<usize> {
    db::native!(conn, |c| db::fixed!(
        "UPDATE settings SET value = ?, updated_at = ? WHERE key = ?",
        [Bind::Text(value), Bind::Time(Some(at())), Bind::Text(key)]
    )
    .execute(c))
}

#[test]
fn a_fixed_update_binds_its_values_in_order() {
    db::testing::each_conn(|conn, backend| {
        db::settings::set(conn, "native.test", "before", at()).unwrap();
        assert_eq!(
            touch(conn, "native.test", "after").unwrap(),
            1,
            "[{backend:?}]"
        );
        assert_eq!(
            touch(conn, "no.such.key", "after").unwrap(),
            0,
            "[{backend:?}]"
        );
        let value: String = db::native!(conn, |c| settings::table
            .find("native.test")
            .select(settings::value)
            .first(c))
        .unwrap();
        assert_eq!(value, "after", "[{backend:?}]");
    });
}

#[test]
fn binds_that_do_not_match_the_placeholders_are_refused() {
    db::testing::each_conn(|conn, backend| {
        db::settings::set(conn, "native.test", "before", at()).unwrap();
        let too_few = db::native!(conn, |c| db::fixed!(
            "UPDATE settings SET value = ? WHERE key = ?",
            [Bind::Text("x")]
        )
        .execute(c));
        assert!(too_few.is_err(), "[{backend:?}] {too_few:?}");
        let too_many = db::native!(conn, |c| db::fixed!(
            "UPDATE settings SET value = ? WHERE key = 'native.test'",
            [Bind::Text("x"), Bind::Int(1)]
        )
        .execute(c));
        assert!(too_many.is_err(), "[{backend:?}] {too_many:?}");
        assert_eq!(
            db::settings::get(conn, "native.test").unwrap().as_deref(),
            Some("before"),
            "[{backend:?}] nothing written"
        );
    });
}

#[test]
fn a_fixed_statement_is_prepared_once_per_connection() {
    db::testing::each_conn(|conn, backend| {
        db::settings::set(conn, "native.test", "before", at()).unwrap();
        let cached: Arc<Mutex<Vec<bool>>> = Arc::default();
        let seen = cached.clone();
        conn.set_instrumentation(move |event: InstrumentationEvent<'_>| {
            if let InstrumentationEvent::CacheQuery { .. } = event {
                seen.lock().unwrap().push(true);
            }
        });
        for n in 0..5 {
            touch(conn, "native.test", &n.to_string()).unwrap();
        }
        conn.set_instrumentation(|_: InstrumentationEvent<'_>| {});
        // diesel reports a statement when it puts it in its cache: once.
        assert_eq!(cached.lock().unwrap().len(), 1, "[{backend:?}]");
    });
}
