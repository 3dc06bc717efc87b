//! One connection type over both backends, and the r2d2 manager that opens it.

use crate::{DbError, DbUrl};
use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::pg::PgConnection;
use diesel::r2d2::ManageConnection;
use diesel::sqlite::SqliteConnection;
use diesel::{Connection, RunQueryDsl};

/// The transaction manager of [`DbConn`] (diesel's, with savepoints).
type Tm = <DbConn as Connection>::TransactionManager;

/// A connection to whichever database the shop runs on. Domain functions take
/// `&mut DbConn` and never open their own transaction: the caller does.
#[derive(diesel::MultiConnection)]
pub enum DbConn {
    Sqlite(SqliteConnection),
    Postgres(PgConnection),
}

impl DbConn {
    pub fn backend(&self) -> crate::Backend {
        match self {
            DbConn::Sqlite(_) => crate::Backend::Sqlite,
            DbConn::Postgres(_) => crate::Backend::Postgres,
        }
    }

    /// Opens a connection, with the per-connection SQLite settings applied.
    pub fn open(url: &DbUrl) -> Result<DbConn, DbError> {
        match url {
            DbUrl::Sqlite { path } => {
                let mut conn = SqliteConnection::establish(path)
                    .map_err(|e| DbError::connection(format!("{path}: {e}")))?;
                // Durability first: a sale the customer paid for must survive a power
                // cut (synchronous=FULL). Checkpoints run in the background, never
                // inside a till's commit (wal_autocheckpoint=0).
                conn.batch_execute(
                    "PRAGMA busy_timeout = 10000;
                     PRAGMA foreign_keys = ON;
                     PRAGMA synchronous = FULL;
                     PRAGMA wal_autocheckpoint = 0;
                     PRAGMA temp_store = MEMORY;",
                )
                .map_err(DbError::connection)?;
                Ok(DbConn::Sqlite(conn))
            }
            DbUrl::Postgres { url } => PgConnection::establish(url)
                .map(DbConn::Postgres)
                .map_err(DbError::connection),
        }
    }

    /// Runs `f` in a write transaction: `BEGIN IMMEDIATE` on SQLite (a deferred
    /// transaction that later writes fails with "database is locked" when another
    /// process writes), a plain transaction on PostgreSQL. Rolled back on error.
    pub fn write_transaction<T, E>(
        &mut self,
        f: impl FnOnce(&mut DbConn) -> Result<T, E>,
    ) -> Result<T, E>
    where
        E: From<DbError>,
    {
        self.begin_write()?;
        match f(self) {
            Ok(value) => {
                self.commit_write()?;
                Ok(value)
            }
            Err(e) => {
                self.rollback_write();
                Err(e)
            }
        }
    }

    /// Opens the write transaction (see [`DbConn::write_transaction`]).
    pub(crate) fn begin_write(&mut self) -> Result<(), DbError> {
        match self {
            DbConn::Sqlite(c) => {
                AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")?
            }
            DbConn::Postgres(_) => Tm::begin_transaction(self)?,
        }
        Ok(())
    }

    /// Commits the write transaction; on failure it is rolled back.
    pub(crate) fn commit_write(&mut self) -> Result<(), DbError> {
        if let Err(commit_error) = Tm::commit_transaction(self) {
            // Diesel may already have rolled back; a second failure changes nothing.
            let _ = Tm::rollback_transaction(self);
            return Err(commit_error.into());
        }
        Ok(())
    }

    /// Rolls back every open level, savepoints and transaction. A connection
    /// that cannot is left marked broken, and the pool drops it.
    pub(crate) fn rollback_write(&mut self) {
        while let Ok(depth) = self.transaction_depth()
            && depth > 0
        {
            if let Err(rollback_error) = Tm::rollback_transaction(self) {
                tracing::error!(%rollback_error, "rollback failed");
            }
            if !matches!(self.transaction_depth(), Ok(now) if now < depth) {
                break;
            }
        }
    }

    /// Opens a savepoint inside the write transaction.
    pub(crate) fn begin_savepoint(&mut self) -> Result<(), DbError> {
        Ok(Tm::begin_transaction(self)?)
    }

    /// Keeps what was written since the last savepoint.
    pub(crate) fn release_savepoint(&mut self) -> Result<(), DbError> {
        Ok(Tm::commit_transaction(self)?)
    }

    /// Undoes what was written since the last savepoint.
    pub(crate) fn rollback_savepoint(&mut self) -> Result<(), DbError> {
        Ok(Tm::rollback_transaction(self)?)
    }

    /// 0 outside a transaction, 1 in one, 2 in a savepoint of it, and so on.
    pub(crate) fn transaction_depth(&mut self) -> Result<u32, DbError> {
        let status = Tm::transaction_manager_status_mut(self);
        Ok(status
            .transaction_depth()?
            .map_or(0, std::num::NonZeroU32::get))
    }

    /// Copies the WAL back into the database file as far as readers allow
    /// (SQLite's PASSIVE checkpoint: it never waits for anyone) and tells how
    /// far it got. Nothing to do on PostgreSQL.
    pub(crate) fn checkpoint_wal(&mut self) -> Result<WalFrames, DbError> {
        match self {
            DbConn::Sqlite(c) => {
                Ok(diesel::sql_query("PRAGMA wal_checkpoint(PASSIVE)").get_result(c)?)
            }
            DbConn::Postgres(_) => Ok(WalFrames::default()),
        }
    }

    /// Whether the backend still holds the transaction diesel believes open:
    /// SQLite refuses a `BEGIN` inside one (and one begun here is rolled
    /// back). PostgreSQL aborts a transaction visibly, never behind diesel.
    pub(crate) fn transaction_still_open(&mut self) -> Result<bool, DbError> {
        let DbConn::Sqlite(c) = self else {
            return Ok(true);
        };
        match c.batch_execute("BEGIN") {
            Err(diesel::result::Error::DatabaseError(_, info))
                if info.message().contains("within a transaction") =>
            {
                Ok(true)
            }
            Err(other) => Err(other.into()),
            Ok(()) => {
                c.batch_execute("ROLLBACK")?;
                Ok(false)
            }
        }
    }

    /// Marks the connection as not to be used again: the pool drops it.
    pub(crate) fn mark_broken(&mut self) {
        Tm::transaction_manager_status_mut(self).set_in_error();
    }

    /// True when the connection is inside a transaction or its transaction
    /// manager is broken: such a connection must not go back to the pool.
    fn is_dirty(&mut self) -> bool {
        Tm::is_broken_transaction_manager(self) || !matches!(self.transaction_depth(), Ok(0))
    }
}

/// What a checkpoint of the WAL left, in frames (pages written by commits).
#[derive(Debug, Clone, Copy, Default, diesel::QueryableByName)]
pub(crate) struct WalFrames {
    /// 1 when another checkpoint was running: this one did nothing.
    #[diesel(sql_type = diesel::sql_types::Integer)]
    pub(crate) busy: i32,
    /// Frames in the WAL since it last started from its beginning.
    #[diesel(sql_type = diesel::sql_types::Integer)]
    pub(crate) log: i32,
    /// Of those, the frames copied back into the database file.
    #[diesel(sql_type = diesel::sql_types::Integer)]
    pub(crate) checkpointed: i32,
}

impl WalFrames {
    /// Frames still to be copied back.
    pub(crate) fn left(&self) -> i32 {
        (self.log - self.checkpointed).max(0)
    }
}

/// Opens connections for r2d2. Hand-written so that connection errors come out
/// as they are instead of as a pool time-out.
#[derive(Debug)]
pub(crate) struct Manager {
    url: DbUrl,
}

impl Manager {
    pub(crate) fn new(url: DbUrl) -> Self {
        Manager { url }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub(crate) struct ManagerError(String);

impl ManageConnection for Manager {
    type Connection = DbConn;
    type Error = ManagerError;

    fn connect(&self) -> Result<DbConn, ManagerError> {
        DbConn::open(&self.url).map_err(|e| ManagerError(e.to_string()))
    }

    fn is_valid(&self, conn: &mut DbConn) -> Result<(), ManagerError> {
        diesel::sql_query("SELECT 1")
            .execute(conn)
            .map(|_| ())
            .map_err(|e| ManagerError(e.to_string()))
    }

    fn has_broken(&self, conn: &mut DbConn) -> bool {
        std::thread::panicking() || conn.is_dirty()
    }
}
