//! The pools and the write transaction: all or nothing, no "database is locked"
//! under concurrent writers, the SQLite settings in force on every connection.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use db::{Backend, Db, DbConn, DbError};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};

fn insert_attempt(conn: &mut DbConn, name: &str) -> Result<(), DbError> {
    use db::schema::login_attempts;
    let at = chrono::DateTime::UNIX_EPOCH.naive_utc();
    diesel::insert_into(login_attempts::table)
        .values((
            login_attempts::username.eq(name),
            login_attempts::address.eq("test"),
            login_attempts::kind.eq("password"),
            login_attempts::succeeded.eq(false),
            login_attempts::at.eq(at),
        ))
        .execute(conn)?;
    Ok(())
}

fn count(db: &Db) -> i64 {
    use db::schema::login_attempts;
    db.read(|conn| Ok::<_, DbError>(login_attempts::table.count().get_result(conn)?))
        .unwrap()
}

#[test]
fn a_failed_write_leaves_nothing_behind() {
    db::testing::each_backend(|db, database| {
        let result: Result<(), DbError> = db.write(|conn| {
            insert_attempt(conn, "first")?;
            insert_attempt(conn, "second")?;
            Err(DbError::Migration("stop here".into()))
        });
        assert!(result.is_err());
        assert_eq!(count(db), 0, "[{}] rolled back", database.label());
        db.write(|conn| insert_attempt(conn, "kept")).unwrap();
        assert_eq!(count(db), 1, "[{}]", database.label());
    });
}

#[test]
fn concurrent_writers_all_succeed() {
    db::testing::each_backend(|db, database| {
        // Two handles, as the server and a command line on the same database.
        let other = Db::connect(&database.url).unwrap();
        let threads: Vec<_> = (0..8)
            .map(|t| {
                let db = if t % 2 == 0 {
                    db.clone()
                } else {
                    other.clone()
                };
                std::thread::spawn(move || {
                    for i in 0..25 {
                        db.write(|conn| {
                            // Read then write in one transaction: the shape that
                            // fails with a deferred SQLite transaction.
                            let _ = count_in(conn);
                            insert_attempt(conn, &format!("t{t}-{i}"))
                        })
                        .unwrap();
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(count(db), 200, "[{}]", database.label());
    });
}

fn count_in(conn: &mut DbConn) -> i64 {
    use db::schema::login_attempts;
    login_attempts::table.count().get_result(conn).unwrap_or(0)
}

#[derive(QueryableByName)]
struct Pragma {
    #[diesel(sql_type = Text)]
    value: String,
}

#[derive(QueryableByName)]
struct PragmaNumber {
    #[diesel(sql_type = BigInt)]
    value: i64,
}

#[derive(QueryableByName)]
struct AutoCheckpoint {
    #[diesel(sql_type = BigInt)]
    wal_autocheckpoint: i64,
}

#[test]
fn sqlite_connections_are_durable_and_checked() {
    db::testing::each_backend(|db, database| {
        if database.backend != Backend::Sqlite {
            return;
        }
        db.read(|conn| {
            let DbConn::Sqlite(c) = conn else {
                unreachable!()
            };
            let mode: Pragma =
                diesel::sql_query("SELECT journal_mode AS value FROM pragma_journal_mode")
                    .get_result(c)
                    .unwrap();
            assert_eq!(mode.value, "wal");
            for (pragma, expected) in [("foreign_keys", 1), ("synchronous", 2)] {
                let value: PragmaNumber =
                    diesel::sql_query(format!("SELECT {pragma} AS value FROM pragma_{pragma}"))
                        .get_result(c)
                        .unwrap();
                assert_eq!(value.value, expected, "{pragma}");
            }
            let auto: AutoCheckpoint = diesel::sql_query("PRAGMA wal_autocheckpoint")
                .get_result(c)
                .unwrap();
            assert_eq!(
                auto.wal_autocheckpoint, 0,
                "checkpoints run in the background"
            );
            // .cargo/config.toml: plans do not depend on bound values, so a
            // cached `LIMIT ?` statement is not prepared again at each use.
            let qpsg: PragmaNumber =
                diesel::sql_query("SELECT sqlite_compileoption_used('ENABLE_QPSG') AS value")
                    .get_result(c)
                    .unwrap();
            assert_eq!(qpsg.value, 1, "SQLite built with SQLITE_ENABLE_QPSG");
            Ok::<_, DbError>(())
        })
        .unwrap();
        // Foreign keys are enforced.
        let orphan: Result<(), DbError> = db.write(|conn| {
            db::testing::execute(conn, "INSERT INTO sessions (token_hash, user_id, via_pin, created_at, last_seen_at, expires_at) VALUES ('x', 999, 0, '2026-01-01', '2026-01-01', '2026-01-02')")
        });
        assert!(orphan.is_err());
        db.checkpoint().unwrap();
    });
}
