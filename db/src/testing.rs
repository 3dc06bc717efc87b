//! The test harness every crate uses: a fresh database per test, on SQLite always
//! and on PostgreSQL when `COMPTOIR_TEST_POSTGRES_URL` is set (CI sets it, and
//! then an unreachable server fails the test instead of skipping it).

use crate::scratch::ScratchDatabase;
use crate::{Backend, Db, DbConn};

pub const POSTGRES_ENV: &str = "COMPTOIR_TEST_POSTGRES_URL";

/// A database made for one test, removed when dropped.
pub struct TestDatabase {
    pub backend: Backend,
    pub url: String,
    _scratch: ScratchDatabase,
}

impl TestDatabase {
    fn of(scratch: ScratchDatabase) -> TestDatabase {
        TestDatabase {
            backend: scratch.backend,
            url: scratch.url.clone(),
            _scratch: scratch,
        }
    }

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

/// A job for [`one_batch`].
pub type GroupedJob<T, E> = Box<dyn FnOnce(&mut DbConn) -> Result<T, E> + Send>;

/// Runs `jobs` through [`Db::write_grouped`], one thread each, so that on SQLite
/// they make one batch in this order: a first write holds the lead until all
/// of them are queued. On PostgreSQL (no batches) they run one after the
/// other. Gives each job's result, or its panic, in order.
pub fn one_batch<T, E>(
    db: &Db,
    jobs: Vec<GroupedJob<T, E>>,
) -> Vec<std::thread::Result<Result<T, E>>>
where
    T: Send + 'static,
    E: From<crate::DbError> + Send + 'static,
{
    use std::sync::mpsc;
    let grouped = db.backend() == Backend::Sqlite;
    let (open, gate) = mpsc::channel::<()>();
    let (started, has_started) = mpsc::channel::<()>();
    let holder = grouped.then(|| {
        let db = db.clone();
        std::thread::spawn(move || {
            db.write_grouped(move |_| {
                let _ = started.send(());
                let _ = gate.recv();
                Ok::<_, crate::DbError>(())
            })
        })
    });
    if grouped {
        has_started
            .recv_timeout(std::time::Duration::from_secs(10))
            .unwrap_or_else(|e| panic!("the write holding the lead never ran: {e}"));
    }
    let mut results = Vec::new();
    let mut queued = Vec::new();
    for (i, job) in jobs.into_iter().enumerate() {
        let worker = db.clone();
        let handle = std::thread::spawn(move || worker.write_grouped(job));
        if grouped {
            wait_for(
                || db.grouped_waiting() == i + 1,
                &format!("job {i} to be queued"),
            );
            queued.push(handle);
        } else {
            results.push(handle.join());
        }
    }
    drop(open);
    if let Some(holder) = holder {
        match holder.join() {
            Ok(Ok(())) => {}
            Ok(Err(e)) => panic!("the write holding the lead failed: {e}"),
            Err(_) => panic!("the write holding the lead panicked"),
        }
    }
    results.extend(queued.into_iter().map(std::thread::JoinHandle::join));
    results
}

fn wait_for(condition: impl Fn() -> bool, what: &str) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !condition() {
        assert!(
            std::time::Instant::now() < deadline,
            "waited 10 s for {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
}

fn sqlite() -> TestDatabase {
    match ScratchDatabase::sqlite() {
        Ok(scratch) => TestDatabase::of(scratch),
        Err(e) => panic!("cannot create a temporary SQLite database: {e}"),
    }
}

/// The PostgreSQL server the tests run on, when configured (always in CI).
pub fn postgres_url() -> Option<String> {
    match std::env::var(POSTGRES_ENV) {
        Ok(url) if !url.trim().is_empty() => Some(url),
        _ => {
            if std::env::var("CI").is_ok_and(|v| v == "true") {
                panic!(
                    "{POSTGRES_ENV} must be set in CI: every database test runs on PostgreSQL too"
                );
            }
            None
        }
    }
}

fn postgres() -> Option<TestDatabase> {
    let admin_url = postgres_url()?;
    match ScratchDatabase::postgres(&admin_url, "comptoir_test") {
        Ok(scratch) => Some(TestDatabase::of(scratch)),
        Err(e) => panic!("{POSTGRES_ENV} is set but no test database could be made: {e}"),
    }
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
