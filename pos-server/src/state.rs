//! What every handler shares: the database, the clock, the configuration and the
//! one-time setup address.

use crate::config::Config;
use db::{Clock, Db};
use std::sync::{Arc, Mutex};
use subtle::ConstantTimeEq;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub clock: Arc<dyn Clock>,
    pub config: Arc<Config>,
    pub setup: Arc<SetupGate>,
}

impl AppState {
    /// The UTC bounds of one of the shop's days, typed `2026-11-25` or
    /// `25/11/2026`.
    pub fn day_bounds(
        &self,
        typed: &str,
    ) -> Result<(chrono::NaiveDateTime, chrono::NaiveDateTime), crate::error::AppError> {
        let day = ::web::i18n::parse_date(typed).ok_or_else(|| {
            crate::error::AppError::new(
                crate::error::ErrorKind::Unprocessable,
                ::web::i18n::Msg::ErrDay,
            )
            .arg("value", typed)
        })?;
        Ok((self.utc_of(day), self.utc_of(day + chrono::Days::new(1))))
    }

    /// Midnight of `day` in the shop's zone, in UTC (the earliest instant when
    /// a daylight-saving change makes midnight ambiguous).
    pub fn utc_of(&self, day: chrono::NaiveDate) -> chrono::NaiveDateTime {
        use chrono::TimeZone;
        let midnight = day.and_time(chrono::NaiveTime::MIN);
        self.config
            .timezone
            .from_local_datetime(&midnight)
            .earliest()
            .map_or(midnight, |t| t.naive_utc())
    }

    /// A stored UTC time as the shop's wall clock shows it.
    pub fn local(&self, at: chrono::NaiveDateTime) -> chrono::NaiveDateTime {
        at.and_utc()
            .with_timezone(&self.config.timezone)
            .naive_local()
    }
}

/// The secret of the first-run setup address. It exists only while the
/// database has no user; the page checks that too, so an account created from
/// the command line closes it as well.
#[derive(Debug, Default)]
pub struct SetupGate {
    token: Mutex<Option<String>>,
}

impl SetupGate {
    pub fn open() -> (SetupGate, String) {
        let token = db::accounts::random_secret();
        let gate = SetupGate {
            token: Mutex::new(Some(token.clone())),
        };
        (gate, token)
    }

    pub fn closed() -> SetupGate {
        SetupGate::default()
    }

    pub fn accepts(&self, candidate: &str) -> bool {
        match self.token.lock() {
            Ok(token) => token
                .as_deref()
                .is_some_and(|t| bool::from(t.as_bytes().ct_eq(candidate.as_bytes()))),
            Err(_) => false,
        }
    }

    pub fn close(&self) {
        if let Ok(mut token) = self.token.lock() {
            *token = None;
        }
    }
}
