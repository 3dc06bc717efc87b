//! Throw-away databases: a SQLite file in a temporary folder, or a fresh
//! PostgreSQL database created next to the one a URL names. Removed when
//! dropped. `comptoir bench` runs on one; the test harness builds on it.

use crate::{Backend, DbError};
use diesel::Connection;
use diesel::connection::SimpleConnection;
use diesel::pg::PgConnection;

/// A database made for one run, removed when dropped.
pub struct ScratchDatabase {
    pub backend: Backend,
    /// The URL to connect to (not migrated yet).
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

impl ScratchDatabase {
    /// `comptoir.db` in a new temporary folder.
    pub fn sqlite() -> Result<ScratchDatabase, DbError> {
        let dir = tempfile::tempdir()
            .map_err(|e| DbError::connection(format!("temporary folder: {e}")))?;
        let url = format!("sqlite://{}", dir.path().join("comptoir.db").display());
        Ok(ScratchDatabase {
            backend: Backend::Sqlite,
            url,
            cleanup: Cleanup::Sqlite(dir),
        })
    }

    /// A new database named `{prefix}_{random}` on the server `admin_url`
    /// points to (that database is only used to create and drop the new one).
    pub fn postgres(admin_url: &str, prefix: &str) -> Result<ScratchDatabase, DbError> {
        let mut admin = PgConnection::establish(admin_url)
            .map_err(|e| DbError::connection(format!("{}: {e}", crate::url::redact(admin_url))))?;
        let name = format!("{prefix}_{}", uuid::Uuid::new_v4().simple());
        let mut url = url::Url::parse(admin_url).map_err(|e| DbError::InvalidUrl {
            url: crate::url::redact(admin_url),
            reason: e.to_string(),
        })?;
        url.set_path(&name);
        admin
            .batch_execute(&format!("CREATE DATABASE \"{name}\""))
            .map_err(|e| DbError::connection(format!("CREATE DATABASE {name}: {e}")))?;
        Ok(ScratchDatabase {
            backend: Backend::Postgres,
            url: url.to_string(),
            cleanup: Cleanup::Postgres {
                admin_url: admin_url.to_owned(),
                name,
            },
        })
    }

    pub fn label(&self) -> &'static str {
        self.backend.name()
    }
}

impl Drop for ScratchDatabase {
    fn drop(&mut self) {
        if let Cleanup::Postgres { admin_url, name } = &self.cleanup
            && let Ok(mut admin) = PgConnection::establish(admin_url)
        {
            let _ =
                admin.batch_execute(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"));
        }
    }
}
