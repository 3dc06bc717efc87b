//! Money as integer cents. Parsed at the edge, formatted in one place.

use crate::fixed::{self, FixedError};
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::ops::{Add, AddAssign, Neg, Sub, SubAssign};

/// An amount in euro cents. Never a float.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(i64);

pub type MoneyError = FixedError;

impl Money {
    pub const ZERO: Money = Money(0);

    pub const fn from_cents(cents: i64) -> Money {
        Money(cents)
    }

    pub const fn cents(self) -> i64 {
        self.0
    }

    /// `"12.50"`, `"12,50"`, `"1 234,50"`, with or without a trailing `€`.
    pub fn parse(raw: &str) -> Result<Money, MoneyError> {
        let raw = raw.trim();
        let raw = raw.strip_suffix('€').unwrap_or(raw);
        fixed::parse(raw, 2).map(Money)
    }

    /// The API's form: `"1234.50"`.
    pub fn to_api(self) -> String {
        fixed::to_plain(self.0, 2)
    }

    /// The French form for pages and receipts: `"1 234,50 €"` (no-break spaces).
    pub fn to_french(self) -> String {
        format!("{}\u{a0}€", fixed::to_french(self.0, 2))
    }

    pub fn to_decimal(self) -> Decimal {
        Decimal::new(self.0, 2)
    }

    /// Rounds a computed amount to the cent, halves away from zero (the usual
    /// commercial rule, also the one the tax administration uses).
    pub fn from_decimal(value: Decimal) -> Option<Money> {
        use rust_decimal::prelude::ToPrimitive;
        let cents = (value * Decimal::ONE_HUNDRED)
            .round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        cents.to_i64().map(Money)
    }

    pub fn is_negative(self) -> bool {
        self.0 < 0
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_api())
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0 + rhs.0)
    }
}

impl AddAssign for Money {
    fn add_assign(&mut self, rhs: Money) {
        self.0 += rhs.0;
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Money) -> Money {
        Money(self.0 - rhs.0)
    }
}

impl SubAssign for Money {
    fn sub_assign(&mut self, rhs: Money) {
        self.0 -= rhs.0;
    }
}

impl Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money(-self.0)
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_api())
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Money, D::Error> {
        let text = crate::fixed::DecimalString::deserialize(d)?;
        Money::parse(&text.0).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_formats() {
        let m = Money::parse("1234,5 €").unwrap_or_default();
        assert_eq!(m.cents(), 123_450);
        assert_eq!(m.to_api(), "1234.50");
        assert_eq!(m.to_french(), "1\u{a0}234,50\u{a0}€");
        assert_eq!(Money::from_cents(-495).to_french(), "-4,95\u{a0}€");
    }

    #[test]
    fn rounds_half_away_from_zero() {
        let r = |s: &str| Money::from_decimal(s.parse().unwrap_or_default()).map(Money::cents);
        assert_eq!(r("1.005"), Some(101));
        assert_eq!(r("1.0049"), Some(100));
        assert_eq!(r("-1.005"), Some(-101));
    }

    #[test]
    fn travels_as_a_decimal_string_never_a_float() {
        let m: Money = serde_json::from_str("\"12.50\"").unwrap_or_default();
        assert_eq!(m, Money::from_cents(1250));
        assert_eq!(serde_json::to_string(&m).ok().as_deref(), Some("\"12.50\""));
        assert!(serde_json::from_str::<Money>("12.5").is_err());
        assert!(serde_json::from_str::<Money>("\"12.505\"").is_err());
    }
}
