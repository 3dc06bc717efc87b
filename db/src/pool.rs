//! The pools: on SQLite one writer connection and a pool of readers (SQLite has
//! one writer at a time; queuing in-process beats `busy_timeout` by far), on
//! PostgreSQL one pool for both.

use crate::conn::{Manager, WalFrames};
use crate::group::Group;
use crate::{Backend, DbConn, DbError, DbUrl};
use diesel::Connection;
use diesel::connection::SimpleConnection;
use diesel::r2d2::{Pool, PooledConnection};
use diesel::sqlite::SqliteConnection;
use std::sync::{Arc, Weak};
use std::time::Duration;

/// The background checkpoint's pause while the WAL is empty or copied.
const CHECKPOINT_IDLE: Duration = Duration::from_millis(100);
/// Its pause while commits keep adding frames: it copies them as they come,
/// so that the leader's own checkpoint between batches has little left.
const CHECKPOINT_BUSY: Duration = Duration::from_millis(10);

/// A handle on the shop's database; cheap to clone.
#[derive(Clone)]
pub struct Db {
    inner: Arc<Inner>,
}

struct Inner {
    url: DbUrl,
    read: Pool<Manager>,
    write: Pool<Manager>,
    /// The queue of grouped writes (SQLite's group commit).
    group: Group,
}

impl Db {
    /// Connects to `url`, reporting an unreachable or malformed database as it is.
    /// Does not migrate: call [`Db::migrate`].
    pub fn connect(url: &str) -> Result<Db, DbError> {
        let url = DbUrl::parse(url)?;
        if let DbUrl::Sqlite { path } = &url {
            enable_wal(path)?;
        }
        // One real connection first, so that a wrong password or a missing host
        // is reported as such and not as a pool time-out.
        drop(DbConn::open(&url)?);
        let (readers, writers) = match url.backend() {
            Backend::Sqlite => (8, 1),
            Backend::Postgres => (16, 16),
        };
        let read = build_pool(&url, readers);
        let write = match url.backend() {
            Backend::Sqlite => build_pool(&url, writers),
            Backend::Postgres => read.clone(),
        };
        let group = match &url {
            DbUrl::Sqlite { path } => Group::for_sqlite(path),
            DbUrl::Postgres { .. } => Group::default(),
        };
        let db = Db {
            inner: Arc::new(Inner {
                url,
                read,
                write,
                group,
            }),
        };
        if db.backend() == Backend::Sqlite {
            spawn_checkpointer(Arc::downgrade(&db.inner));
        }
        Ok(db)
    }

    pub fn backend(&self) -> Backend {
        self.inner.url.backend()
    }

    pub fn url(&self) -> &DbUrl {
        &self.inner.url
    }

    /// Runs read-only work on a reader connection.
    pub fn read<T, E>(&self, f: impl FnOnce(&mut DbConn) -> Result<T, E>) -> Result<T, E>
    where
        E: From<DbError>,
    {
        let mut conn = checkout(&self.inner.read)?;
        f(&mut conn)
    }

    /// Runs `f` in one write transaction on the writer connection: everything `f`
    /// writes commits together or not at all.
    pub fn write<T, E>(&self, f: impl FnOnce(&mut DbConn) -> Result<T, E>) -> Result<T, E>
    where
        E: From<DbError>,
    {
        let mut conn = checkout(&self.inner.write)?;
        conn.write_transaction(f)
    }

    /// Runs `f` like [`Db::write`], all or nothing, but on SQLite in a transaction
    /// shared with the other writes queued meanwhile: one commit, one fsync for
    /// all of them (group commit), each in its own savepoint, so that an error
    /// of `f` undoes only what `f` wrote. The answer comes once the shared
    /// transaction is committed (or with the commit's error). `f` sees what the
    /// writes before it in the batch wrote, as if they had committed just
    /// before. On PostgreSQL this is [`Db::write`]: the server groups commits
    /// by itself.
    ///
    /// For short writes that many callers make at once (a till's sale); `f`
    /// must not wait on anything else, as the whole batch waits for it (a
    /// grouped write from inside `f` is refused on SQLite: it would wait for
    /// its own batch).
    pub fn write_grouped<T, E>(
        &self,
        f: impl FnOnce(&mut DbConn) -> Result<T, E> + Send + 'static,
    ) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
    {
        match self.backend() {
            Backend::Sqlite => self.inner.group.write(|| checkout(&self.inner.write), f),
            Backend::Postgres => self.write(f),
        }
    }

    /// How many grouped writes wait for their batch (tests build batches with it).
    #[cfg(feature = "testing")]
    pub fn grouped_waiting(&self) -> usize {
        self.inner.group.waiting()
    }

    /// Applies the pending migrations; returns the names of those applied.
    pub fn migrate(&self) -> Result<Vec<String>, DbError> {
        let mut conn = checkout(&self.inner.write)?;
        crate::migrate::run_pending(&mut conn)
    }

    /// Whether the database answers (health checks).
    pub fn ping(&self) -> Result<(), DbError> {
        self.read(|conn| {
            use diesel::RunQueryDsl;
            diesel::sql_query("SELECT 1").execute(conn)?;
            Ok(())
        })
    }

    /// Copies the WAL back into the database file now (SQLite; no-op elsewhere).
    pub fn checkpoint(&self) -> Result<(), DbError> {
        if self.backend() == Backend::Sqlite {
            let mut conn = checkout(&self.inner.read)?;
            let frames = conn.checkpoint_wal()?;
            self.inner.group.background_checkpointed(frames);
        }
        Ok(())
    }
}

fn build_pool(url: &DbUrl, size: u32) -> Pool<Manager> {
    // Unchecked: the connection was just proven to work; connections open lazily.
    Pool::builder()
        .max_size(size)
        .min_idle(Some(0))
        .connection_timeout(Duration::from_secs(30))
        .build_unchecked(Manager::new(url.clone()))
}

fn checkout(pool: &Pool<Manager>) -> Result<PooledConnection<Manager>, DbError> {
    pool.get().map_err(|e| DbError::Pool(e.to_string()))
}

/// WAL is a property of the file: set it once, before any pool exists.
fn enable_wal(path: &str) -> Result<(), DbError> {
    let mut conn = SqliteConnection::establish(path)
        .map_err(|e| DbError::connection(format!("{path}: {e}")))?;
    conn.batch_execute("PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL;")
        .map_err(|e| DbError::connection(format!("{path}: {e}")))
}

/// Checkpoints the WAL outside of any till's commit (the connections run with
/// `wal_autocheckpoint=0`): every 10 ms while commits add frames, copying them
/// as they come, and tells the group how far it got, so that the leader's own
/// checkpoint between two batches (the one that lets the WAL start again) has
/// little left to copy. Stops once the last `Db` handle is dropped.
fn spawn_checkpointer(inner: Weak<Inner>) {
    let spawned = std::thread::Builder::new()
        .name("sqlite-checkpoint".into())
        .spawn(move || {
            let mut pause = CHECKPOINT_IDLE;
            let mut last = WalFrames::default();
            loop {
                std::thread::sleep(pause);
                let Some(inner) = inner.upgrade() else { return };
                match checkout(&inner.read).and_then(|mut conn| conn.checkpoint_wal()) {
                    Ok(frames) => {
                        inner.group.background_checkpointed(frames);
                        // New frames since the last pass: commits are coming.
                        pause = if frames.log != last.log || frames.busy != 0 {
                            CHECKPOINT_BUSY
                        } else {
                            CHECKPOINT_IDLE
                        };
                        last = frames;
                    }
                    Err(error) => {
                        pause = CHECKPOINT_IDLE;
                        tracing::warn!(%error, "WAL checkpoint failed");
                    }
                }
            }
        });
    if let Err(error) = spawned {
        tracing::error!(%error, "cannot start the WAL checkpoint thread");
    }
}
