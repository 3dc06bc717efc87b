use thiserror::Error;

/// What can go wrong below the domain: reaching the database, migrating it, querying it.
#[derive(Debug, Error)]
pub enum DbError {
    #[error("invalid database URL {url:?}: {reason}")]
    InvalidUrl { url: String, reason: String },
    #[error("cannot connect to the database: {0}")]
    Connection(String),
    #[error("database migration failed: {0}")]
    Migration(String),
    #[error("no database connection available: {0}")]
    Pool(String),
    #[error("database error: {0}")]
    Query(#[from] diesel::result::Error),
}

impl DbError {
    /// A connection error on one line (libpq's span several).
    pub fn connection(e: impl std::fmt::Display) -> DbError {
        let text = e.to_string();
        DbError::Connection(text.split_whitespace().collect::<Vec<_>>().join(" "))
    }

    /// True when the error is a violated UNIQUE constraint, which callers turn into
    /// a "already exists" answer instead of a server error.
    pub fn is_unique_violation(&self) -> bool {
        matches!(
            self,
            DbError::Query(diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _
            ))
        )
    }
}
