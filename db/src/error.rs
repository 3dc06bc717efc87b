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
    /// A grouped write that could not be committed with its batch (see
    /// [`crate::Db::write_grouped`]); posting it again is safe.
    #[error("grouped write failed: {0}")]
    Group(String),
}

impl DbError {
    /// A connection error on one line (libpq's span several).
    pub fn connection(e: impl std::fmt::Display) -> DbError {
        let text = e.to_string();
        DbError::Connection(text.split_whitespace().collect::<Vec<_>>().join(" "))
    }

    /// The same error again, for each caller of a batch that failed as a whole:
    /// a database error keeps its kind and message.
    pub(crate) fn duplicate(&self) -> DbError {
        use diesel::result::Error;
        match self {
            DbError::InvalidUrl { url, reason } => DbError::InvalidUrl {
                url: url.clone(),
                reason: reason.clone(),
            },
            DbError::Connection(e) => DbError::Connection(e.clone()),
            DbError::Migration(e) => DbError::Migration(e.clone()),
            DbError::Pool(e) => DbError::Pool(e.clone()),
            DbError::Query(Error::DatabaseError(kind, info)) => DbError::Query(
                Error::DatabaseError(*kind, Box::new(info.message().to_owned())),
            ),
            DbError::Query(other) => DbError::Group(other.to_string()),
            DbError::Group(e) => DbError::Group(e.clone()),
        }
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
