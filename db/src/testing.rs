//! The test harness every crate uses: a fresh database per test, on SQLite always
//! and on PostgreSQL when `COMPTOIR_TEST_POSTGRES_URL` is set (CI sets it, and
//! then an unreachable server fails the test instead of skipping it).

use crate::{Backend, Db, DbConn};
use diesel::Connection;
use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;

pub const POSTGRES_ENV: &str = "COMPTOIR_TEST_POSTGRES_URL";

/// A database made for one test, removed when dropped.
pub struct TestDatabase {
    pub backend: Backend,
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    Sqlite(
        #[expect(dead_code, reason = "kept alive so the folder is removed on drop")]
        tempfile::TempDir,
    ),
    Postgres {
        admin_url: String,
        name: String,
    },
}

impl TestDatabase {
    /// A connected and migrated handle on this database.
    pub fn db(&self) -> Db {
        let db = match Db::connect(&self.url) {
            Ok(db) => db,
            Err(e) => panic!(
                "[{}] cannot connect to the test database: {e}",
                self.backend.name()
            ),
        };
        if let Err(e) = db.migrate() {
            panic!("[{}] migrations failed: {e}", self.backend.name());
        }
        db
    }

    /// An empty, unmigrated database (for testing migrations themselves).
    pub fn empty_db(&self) -> Db {
        match Db::connect(&self.url) {
            Ok(db) => db,
            Err(e) => panic!(
                "[{}] cannot connect to the test database: {e}",
                self.backend.name()
            ),
        }
    }

    pub fn label(&self) -> &'static str {
        self.backend.name()
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Cleanup::Postgres { admin_url, name } = &self.cleanup
            && let Ok(mut admin) = PgConnection::establish(admin_url)
        {
            let _ =
                admin.batch_execute(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"));
        }
    }
}

/// The databases a test runs on: a temporary SQLite file, and a fresh
/// PostgreSQL database when configured. Panics on a misconfigured PostgreSQL.
pub fn databases() -> Vec<TestDatabase> {
    let mut all = vec![sqlite()];
    if let Some(pg) = postgres() {
        all.push(pg);
    }
    all
}

/// Runs `f` once per backend, each time on a fresh migrated database.
pub fn each_backend(mut f: impl FnMut(&Db, &TestDatabase)) {
    for database in databases() {
        let db = database.db();
        eprintln!("--- on {}", database.label());
        f(&db, &database);
    }
}

/// Runs `f` with a connection on each backend, inside a transaction that is rolled
/// back: for tests of domain functions.
pub fn each_conn(mut f: impl FnMut(&mut DbConn, Backend)) {
    each_backend(|db, database| {
        let result = db.write(|conn| {
            f(conn, database.backend);
            Err::<(), _>(crate::DbError::Query(
                diesel::result::Error::RollbackTransaction,
            ))
        });
        assert!(result.is_err());
    });
}

fn sqlite() -> TestDatabase {
    let dir = match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(e) => panic!("cannot create a temporary folder: {e}"),
    };
    let url = format!("sqlite://{}", dir.path().join("test.db").display());
    TestDatabase {
        backend: Backend::Sqlite,
        url,
        cleanup: Cleanup::Sqlite(dir),
    }
}

fn postgres() -> Option<TestDatabase> {
    let admin_url = match std::env::var(POSTGRES_ENV) {
        Ok(url) if !url.trim().is_empty() => url,
        _ => {
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!(
                    "{POSTGRES_ENV} must be set in CI: every database test runs on PostgreSQL too"
                );
            }
            return None;
        }
    };
    let mut admin = match PgConnection::establish(&admin_url) {
        Ok(conn) => conn,
        Err(e) => panic!("{POSTGRES_ENV} is set but PostgreSQL is unreachable: {e}"),
    };
    let name = format!("comptoir_test_{}", uuid::Uuid::new_v4().simple());
    if let Err(e) = admin.batch_execute(&format!("CREATE DATABASE \"{name}\"")) {
        panic!("cannot create the test database {name}: {e}");
    }
    let url = match url::Url::parse(&admin_url) {
        Ok(mut u) => {
            u.set_path(&name);
            u.to_string()
        }
        Err(e) => panic!("{POSTGRES_ENV} is not a URL: {e}"),
    };
    Some(TestDatabase {
        backend: Backend::Postgres,
        url,
        cleanup: Cleanup::Postgres { admin_url, name },
    })
}

/// Runs raw SQL, for tests that tamper with the database on purpose.
pub fn execute(conn: &mut DbConn, sql: &str) -> Result<(), crate::DbError> {
    use diesel::RunQueryDsl;
    diesel::sql_query(sql).execute(conn)?;
    Ok(())
}

/// How many lines of the audit log have `action`, for tests that check what
/// was logged.
pub fn audit_count(conn: &mut DbConn, action: &str) -> Result<i64, crate::DbError> {
    use crate::schema::audit_log;
    use diesel::prelude::*;
    Ok(audit_log::table
        .filter(audit_log::action.eq(action))
        .count()
        .get_result(conn)?)
}
