//! `Db::write_grouped`: on SQLite several callers' writes share one transaction
//! (group commit). Each caller gets its own result and only once the batch is
//! committed; a failing or panicking job undoes only itself; a failed commit
//! reaches every job of its batch. On PostgreSQL it is a plain write: the same
//! answers, one transaction each.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use db::testing::{GroupedJob, each_backend, one_batch};
use db::{Backend, Db, DbConn, DbError};
use diesel::prelude::*;
use std::collections::BTreeSet;

/// Writes one row named `name`; gives its id.
fn insert_attempt(conn: &mut DbConn, name: &str) -> Result<i64, DbError> {
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
    Ok(login_attempts::table
        .filter(login_attempts::username.eq(name))
        .select(login_attempts::id)
        .first(conn)?)
}

fn count_in(conn: &mut DbConn) -> Result<i64, DbError> {
    use db::schema::login_attempts;
    Ok(login_attempts::table.count().get_result(conn)?)
}

fn names(db: &Db) -> BTreeSet<String> {
    use db::schema::login_attempts;
    db.read(|conn| {
        Ok::<_, DbError>(
            login_attempts::table
                .select(login_attempts::username)
                .load::<String>(conn)?,
        )
    })
    .unwrap()
    .into_iter()
    .collect()
}

fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|n| (*n).to_owned()).collect()
}

fn job(
    f: impl FnOnce(&mut DbConn) -> Result<i64, DbError> + Send + 'static,
) -> GroupedJob<i64, DbError> {
    Box::new(f)
}

fn insert_job(name: &'static str) -> GroupedJob<i64, DbError> {
    job(move |conn| insert_attempt(conn, name))
}

#[test]
fn every_caller_gets_its_own_result_once_committed() {
    each_backend(|db, database| {
        let threads: Vec<_> = (0..8)
            .map(|t| {
                let db = db.clone();
                std::thread::spawn(move || {
                    for i in 0..200 {
                        let name = format!("t{t}-{i}");
                        let (got, id) = db
                            .write_grouped({
                                let name = name.clone();
                                move |conn| {
                                    Ok::<_, DbError>((name.clone(), insert_attempt(conn, &name)?))
                                }
                            })
                            .unwrap();
                        assert_eq!(got, name, "a caller got another's result");
                        // Answered: committed, so another connection sees it.
                        let seen: String = db
                            .read(|conn| {
                                use db::schema::login_attempts;
                                Ok::<_, DbError>(
                                    login_attempts::table
                                        .find(id)
                                        .select(login_attempts::username)
                                        .first(conn)?,
                                )
                            })
                            .unwrap();
                        assert_eq!(seen, name);
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        let all = names(db);
        assert_eq!(all.len(), 1600, "[{}] each write once", database.label());
        let total = db.read(count_in).unwrap();
        assert_eq!(total, 1600, "[{}] each write once", database.label());
    });
}

#[test]
fn a_failing_job_undoes_only_itself() {
    each_backend(|db, database| {
        let results = one_batch(
            db,
            vec![
                insert_job("a"),
                job(|conn| {
                    insert_attempt(conn, "b")?;
                    Err(DbError::Migration("refused".into()))
                }),
                insert_job("c"),
            ],
        );
        let results: Vec<_> = results.into_iter().map(|r| r.unwrap()).collect();
        assert!(results[0].is_ok(), "[{}]", database.label());
        assert!(
            matches!(&results[1], Err(DbError::Migration(m)) if m == "refused"),
            "[{}] the job's own error: {:?}",
            database.label(),
            results[1]
        );
        assert!(results[2].is_ok(), "[{}]", database.label());
        assert_eq!(names(db), set(&["a", "c"]), "[{}]", database.label());
    });
}

#[test]
fn a_batch_runs_in_order_and_commits_together() {
    each_backend(|db, database| {
        let jobs: Vec<GroupedJob<(i64, i64, i64), DbError>> = (0..10)
            .map(|i| {
                let db = db.clone();
                let job: GroupedJob<(i64, i64, i64), DbError> = Box::new(move |conn| {
                    // What the job's own transaction sees, and what a reader
                    // on another connection sees meanwhile.
                    let before = count_in(conn)?;
                    let committed = db.read(count_in)?;
                    Ok((before, committed, insert_attempt(conn, &format!("j{i}"))?))
                });
                job
            })
            .collect();
        let results: Vec<(i64, i64, i64)> = one_batch(db, jobs)
            .into_iter()
            .map(|r| r.unwrap().unwrap())
            .collect();
        for (i, (before, committed, _)) in results.iter().enumerate() {
            let i = i64::try_from(i).unwrap();
            assert_eq!(
                *before,
                i,
                "[{}] job {i} sees the jobs before it",
                database.label()
            );
            let expected = match database.backend {
                // One transaction: nothing is visible outside until its COMMIT.
                Backend::Sqlite => 0,
                Backend::Postgres => i,
            };
            assert_eq!(*committed, expected, "[{}] job {i}", database.label());
        }
        let ids: Vec<i64> = results.iter().map(|r| r.2).collect();
        assert!(
            ids.windows(2).all(|w| w[0] < w[1]),
            "[{}] in order: {ids:?}",
            database.label()
        );
        assert_eq!(db.read(count_in).unwrap(), 10);
    });
}

#[test]
fn a_failed_commit_reaches_every_job_of_its_batch() {
    each_backend(|db, database| {
        let orphan = job(|conn| {
            if conn.backend() == Backend::Sqlite {
                // The foreign key is then checked at COMMIT, which fails.
                db::testing::execute(conn, "PRAGMA defer_foreign_keys = ON")?;
            }
            db::testing::execute(
                conn,
                "INSERT INTO sessions (token_hash, user_id, via_pin, created_at, last_seen_at, expires_at) VALUES ('x', 999, false, '2026-01-01', '2026-01-01', '2026-01-02')",
            )?;
            Ok(0)
        });
        let results: Vec<Result<i64, DbError>> =
            one_batch(db, vec![insert_job("a"), orphan, insert_job("c")])
                .into_iter()
                .map(|r| r.unwrap())
                .collect();
        match database.backend {
            Backend::Sqlite => {
                for (i, result) in results.iter().enumerate() {
                    assert!(result.is_err(), "job {i} was answered {result:?}");
                }
                assert_eq!(names(db), set(&[]), "nothing of the batch stays");
            }
            Backend::Postgres => {
                assert!(results[0].is_ok() && results[1].is_err() && results[2].is_ok());
                assert_eq!(names(db), set(&["a", "c"]));
            }
        }
        // The writer connection is usable again.
        db.write_grouped(|conn| insert_attempt(conn, "after"))
            .unwrap();
        assert!(names(db).contains("after"), "[{}]", database.label());
    });
}

#[test]
fn a_panicking_job_panics_its_own_caller_only() {
    each_backend(|db, database| {
        let results = one_batch(
            db,
            vec![
                insert_job("a"),
                job(|conn| {
                    insert_attempt(conn, "b")?;
                    panic!("a bug in one job");
                }),
                insert_job("c"),
            ],
        );
        assert!(matches!(results[0], Ok(Ok(_))), "[{}]", database.label());
        assert!(
            results[1].is_err(),
            "[{}] the panic reached its caller",
            database.label()
        );
        assert!(matches!(results[2], Ok(Ok(_))), "[{}]", database.label());
        assert_eq!(names(db), set(&["a", "c"]), "[{}]", database.label());
        db.write_grouped(|conn| insert_attempt(conn, "after"))
            .unwrap();
    });
}

#[test]
fn a_job_that_breaks_the_transaction_loses_its_batch_but_not_the_jobs_after_it() {
    each_backend(|db, database| {
        if database.backend != Backend::Sqlite {
            return; // batches exist on SQLite only
        }
        let rogue = job(|conn| {
            insert_attempt(conn, "b")?;
            // As SQLite does by itself after some I/O errors: the whole
            // transaction is gone behind the savepoints' back.
            diesel::connection::SimpleConnection::batch_execute(conn, "ROLLBACK")?;
            Ok(0)
        });
        let results: Vec<Result<i64, DbError>> =
            one_batch(db, vec![insert_job("a"), rogue, insert_job("c")])
                .into_iter()
                .map(|r| r.unwrap())
                .collect();
        assert!(
            matches!(&results[0], Err(DbError::Group(_))),
            "rolled back with the batch: {:?}",
            results[0]
        );
        assert!(results[1].is_err());
        assert!(
            results[2].is_ok(),
            "run again in the next batch: {:?}",
            results[2]
        );
        assert_eq!(names(db), set(&["c"]));
        db.write_grouped(|conn| insert_attempt(conn, "after"))
            .unwrap();
        assert_eq!(names(db), set(&["after", "c"]));
    });
}

#[test]
fn plain_and_grouped_writes_mix() {
    each_backend(|db, database| {
        let threads: Vec<_> = (0..4)
            .map(|t| {
                let db = db.clone();
                std::thread::spawn(move || {
                    for i in 0..25 {
                        let name = format!("t{t}-{i}");
                        if t % 2 == 0 {
                            db.write(|conn| insert_attempt(conn, &name)).unwrap();
                        } else {
                            db.write_grouped(move |conn| insert_attempt(conn, &name))
                                .unwrap();
                        }
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(db.read(count_in).unwrap(), 100, "[{}]", database.label());
    });
}

#[test]
fn a_job_waiting_for_another_grouped_write_is_refused_not_hung() {
    each_backend(|db, database| {
        let inner = db.clone();
        let nested = db
            .write_grouped(move |conn| {
                insert_attempt(conn, "outer")?;
                Ok::<_, DbError>(inner.write_grouped(|conn| insert_attempt(conn, "inner")))
            })
            .unwrap();
        match database.backend {
            // Its batch would wait for itself.
            Backend::Sqlite => assert!(matches!(nested, Err(DbError::Group(_))), "{nested:?}"),
            // A plain write on another connection.
            Backend::Postgres => assert!(nested.is_ok(), "{nested:?}"),
        }
        assert!(names(db).contains("outer"), "[{}]", database.label());
    });
}

/// Under a stream of grouped writes that never pauses, the WAL still starts
/// again from its beginning: the leader finishes the checkpoint between two
/// batches (else the file grows with every commit, 90 MB a second under the
/// bench's sales).
#[test]
fn the_wal_starts_again_under_a_steady_stream_of_writes() {
    // Each write adds at least four pages of its own: the 8 KB name overflows
    // twice, in the row and in the index on names. Enough writes that even
    // the leader's checkpoint of last resort (whatever the background copied)
    // keeps the file well under half of them.
    const THREADS: usize = 8;
    const EACH: usize = 1000;
    each_backend(|db, database| {
        let threads: Vec<_> = (0..THREADS)
            .map(|t| {
                let db = db.clone();
                std::thread::spawn(move || {
                    for i in 0..EACH {
                        let name = format!("{t}-{i}-{}", "x".repeat(8192));
                        db.write_grouped(move |conn| insert_attempt(conn, &name))
                            .unwrap();
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        let written = THREADS * EACH;
        assert_eq!(
            db.read(count_in).unwrap(),
            i64::try_from(written).unwrap(),
            "[{}]",
            database.label()
        );
        if let db::DbUrl::Sqlite { path } = db.url() {
            // The file keeps its largest size; without a restart it would
            // hold every frame: more than 16 KB per write.
            let wal = std::fs::metadata(format!("{path}-wal")).unwrap().len();
            let appended = u64::try_from(written * 4 * 4096).unwrap();
            assert!(
                wal < appended / 2,
                "the WAL grew to {wal} bytes for {appended} bytes written"
            );
        }
    });
}

/// The first job of a batch runs without a savepoint: when it fails, the
/// transaction is rolled back and begun again for the jobs after it.
#[test]
fn a_failing_first_job_undoes_only_itself() {
    each_backend(|db, database| {
        let failing = |name: &'static str| {
            job(move |conn| {
                insert_attempt(conn, name)?;
                Err(DbError::Migration("refused".into()))
            })
        };
        let results: Vec<Result<i64, DbError>> = one_batch(
            db,
            vec![failing("a"), insert_job("b"), failing("c"), insert_job("d")],
        )
        .into_iter()
        .map(|r| r.unwrap())
        .collect();
        for i in [0, 2] {
            assert!(
                matches!(&results[i], Err(DbError::Migration(m)) if m == "refused"),
                "[{}] job {i} has its own error: {:?}",
                database.label(),
                results[i]
            );
        }
        assert!(
            results[1].is_ok() && results[3].is_ok(),
            "[{}]",
            database.label()
        );
        assert_eq!(names(db), set(&["b", "d"]), "[{}]", database.label());
        // A batch of one failing job writes nothing and leaves the writer usable.
        let alone = one_batch(db, vec![failing("e")]);
        assert!(
            matches!(&alone[0], Ok(Err(DbError::Migration(_)))),
            "[{}]",
            database.label()
        );
        db.write_grouped(|conn| insert_attempt(conn, "after"))
            .unwrap();
        assert_eq!(
            names(db),
            set(&["after", "b", "d"]),
            "[{}]",
            database.label()
        );
    });
}

/// A first job that ends the transaction behind diesel's back (as SQLite does
/// after some I/O errors) is caught before the next job's savepoint could
/// commit on its own: that job runs again in the next batch.
#[test]
fn a_first_job_that_ends_the_transaction_is_caught() {
    each_backend(|db, database| {
        if database.backend != Backend::Sqlite {
            return; // batches exist on SQLite only
        }
        let rogue = || {
            job(|conn| {
                insert_attempt(conn, "rogue")?;
                diesel::connection::SimpleConnection::batch_execute(conn, "ROLLBACK")?;
                Ok(0)
            })
        };
        let results: Vec<Result<i64, DbError>> = one_batch(db, vec![rogue(), insert_job("c")])
            .into_iter()
            .map(|r| r.unwrap())
            .collect();
        assert!(
            matches!(&results[0], Err(DbError::Group(_))),
            "{:?}",
            results[0]
        );
        assert!(
            results[1].is_ok(),
            "run again in the next batch: {:?}",
            results[1]
        );
        assert_eq!(names(db), set(&["c"]));
        // Alone in its batch: the COMMIT finds no transaction, and says so.
        let alone = one_batch(db, vec![rogue()]);
        assert!(
            matches!(&alone[0], Ok(Err(_))),
            "{:?}",
            alone[0].as_ref().map(|r| r.is_ok())
        );
        db.write_grouped(|conn| insert_attempt(conn, "after"))
            .unwrap();
        assert_eq!(names(db), set(&["after", "c"]));
    });
}
