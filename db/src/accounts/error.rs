use crate::DbError;
use std::time::Duration;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum AccountError {
    #[error("a user name has 2 to 32 characters: lower-case letters, digits, '.', '-' or '_'")]
    InvalidUsername,
    #[error("this user name is already taken")]
    UsernameTaken,
    #[error("a display name has 1 to 80 characters")]
    InvalidDisplayName,
    #[error("a password has at least 8 characters (and at most 128)")]
    WeakPassword,
    #[error("a PIN has 4 to 8 digits")]
    InvalidPin,
    #[error("no such user")]
    NotFound,
    #[error("the shop must keep at least one active owner")]
    LastOwner,
    #[error("too many failed attempts, try again in {} minutes", retry_after.as_secs().div_ceil(60))]
    Throttled { retry_after: Duration },
    #[error("password hashing failed: {0}")]
    Hash(String),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for AccountError {
    fn from(e: diesel::result::Error) -> Self {
        AccountError::Db(DbError::Query(e))
    }
}
