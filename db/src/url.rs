//! Database URLs: `sqlite://path`, `sqlite::memory:` is refused (each pool
//! connection would see its own database), `postgres://` / `postgresql://`.

use crate::DbError;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    pub fn name(self) -> &'static str {
        match self {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }
}

/// A parsed database URL: which backend, and what to hand to its driver.
#[derive(Clone, PartialEq, Eq)]
pub enum DbUrl {
    Sqlite { path: String },
    Postgres { url: String },
}

impl DbUrl {
    pub fn parse(raw: &str) -> Result<DbUrl, DbError> {
        let raw = raw.trim();
        let invalid = |reason: &str| DbError::InvalidUrl {
            url: redact(raw),
            reason: reason.to_owned(),
        };
        if let Some(rest) = raw.strip_prefix("sqlite:") {
            let path = rest.strip_prefix("//").unwrap_or(rest);
            if path.is_empty() {
                return Err(invalid("no file path after sqlite://"));
            }
            if path.contains(":memory:") {
                return Err(invalid(
                    "in-memory SQLite is not supported, give a file path",
                ));
            }
            return Ok(DbUrl::Sqlite {
                path: path.to_owned(),
            });
        }
        if raw.starts_with("postgres://") || raw.starts_with("postgresql://") {
            let parsed = ::url::Url::parse(raw).map_err(|e| invalid(&e.to_string()))?;
            if parsed.host_str().is_none_or(str::is_empty) {
                return Err(invalid("no host in the PostgreSQL URL"));
            }
            return Ok(DbUrl::Postgres {
                url: raw.to_owned(),
            });
        }
        Err(invalid(
            "expected sqlite://PATH or postgres://USER@HOST/DATABASE",
        ))
    }

    pub fn backend(&self) -> Backend {
        match self {
            DbUrl::Sqlite { .. } => Backend::Sqlite,
            DbUrl::Postgres { .. } => Backend::Postgres,
        }
    }
}

/// Hides a password in a URL so that it can be logged or shown.
pub fn redact(raw: &str) -> String {
    match ::url::Url::parse(raw) {
        Ok(mut u) if u.password().is_some() => {
            let _ = u.set_password(Some("***"));
            u.to_string()
        }
        _ => raw.to_owned(),
    }
}

impl fmt::Debug for DbUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DbUrl::Sqlite { path } => write!(f, "sqlite://{path}"),
            DbUrl::Postgres { url } => f.write_str(&redact(url)),
        }
    }
}

impl fmt::Display for DbUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_backends() {
        assert_eq!(
            DbUrl::parse("sqlite://comptoir.db").ok(),
            Some(DbUrl::Sqlite {
                path: "comptoir.db".into()
            })
        );
        assert_eq!(
            DbUrl::parse("sqlite:///var/lib/x.db").ok(),
            Some(DbUrl::Sqlite {
                path: "/var/lib/x.db".into()
            })
        );
        assert_eq!(
            DbUrl::parse("postgres://u@127.0.0.1/test")
                .map(|u| u.backend())
                .ok(),
            Some(Backend::Postgres)
        );
    }

    #[test]
    fn refuses_malformed_urls_with_a_reason() {
        for bad in [
            "",
            "mysql://x",
            "sqlite://",
            "sqlite::memory:",
            "postgres://",
        ] {
            assert!(DbUrl::parse(bad).is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn passwords_are_redacted() {
        let shown = redact("postgres://u:secret@host/db");
        assert!(!shown.contains("secret"), "{shown}");
    }
}
