//! Quantities as integer thousandths: pieces, and grams for goods sold by the kilo.

use crate::fixed::{self, FixedError};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quantity(i64);

impl Quantity {
    pub const ZERO: Quantity = Quantity(0);
    pub const ONE: Quantity = Quantity(1000);

    pub const fn from_thousandths(thousandths: i64) -> Quantity {
        Quantity(thousandths)
    }

    pub const fn from_units(units: i64) -> Quantity {
        Quantity(units * 1000)
    }

    pub const fn thousandths(self) -> i64 {
        self.0
    }

    /// `"2"`, `"0.350"`, `"0,35"`, `"-1"`.
    pub fn parse(raw: &str) -> Result<Quantity, FixedError> {
        fixed::parse(raw, 3).map(Quantity)
    }

    /// The API's form: `"0.350"`.
    pub fn to_api(self) -> String {
        fixed::to_plain(self.0, 3)
    }

    /// The French form: `"2"`, `"0,35"`, `"1 250,5"` (no useless zeros).
    pub fn to_french(self) -> String {
        let text = fixed::to_french(self.0, 3);
        let text = text.trim_end_matches('0');
        text.strip_suffix(',').unwrap_or(text).to_owned()
    }

    pub fn is_zero(self) -> bool {
        self.0 == 0
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_api())
    }
}

impl Serialize for Quantity {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_api())
    }
}

impl<'de> Deserialize<'de> for Quantity {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Quantity, D::Error> {
        let text = crate::fixed::DecimalString::deserialize(d)?;
        Quantity::parse(&text.0).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_formats() {
        assert_eq!(Quantity::parse("0,35").map(Quantity::thousandths), Ok(350));
        assert_eq!(
            Quantity::parse("2").map(Quantity::to_api).as_deref(),
            Ok("2.000")
        );
        assert_eq!(Quantity::from_thousandths(350).to_french(), "0,35");
        assert_eq!(Quantity::from_units(2).to_french(), "2");
        assert_eq!(
            Quantity::from_thousandths(1_250_500).to_french(),
            "1\u{a0}250,5"
        );
        assert!(Quantity::parse("0.0005").is_err());
    }
}
