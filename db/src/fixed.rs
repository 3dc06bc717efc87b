//! Fixed-point decimal text shared by money (2 places) and quantities (3 places):
//! parsing as people type it, and formatting for the API and for French pages.

use thiserror::Error;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FixedError {
    #[error("empty value")]
    Empty,
    #[error("{0:?} is not a number")]
    NotANumber(String),
    #[error("{value:?} has more than {places} decimal places")]
    TooPrecise { value: String, places: u32 },
    #[error("{0:?} is too large")]
    TooLarge(String),
}

/// Spaces people put between thousands: plain, no-break and narrow no-break.
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}')
}

/// Parses `"12.50"`, `"12,50"`, `"-3"`, `"1 234,5"` into an integer scaled by
/// 10^`places`. Refuses more decimals than `places` rather than rounding them away.
pub fn parse(raw: &str, places: u32) -> Result<i64, FixedError> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err(FixedError::Empty);
    }
    let not_a_number = || FixedError::NotANumber(trimmed.to_owned());
    let (negative, body) = match trimmed.strip_prefix('-') {
        Some(rest) => (true, rest.trim_start()),
        None => (false, trimmed.strip_prefix('+').unwrap_or(trimmed)),
    };
    let body: String = body.chars().filter(|c| !is_group_space(*c)).collect();
    let mut parts = body.split(['.', ',']);
    let int_part = parts.next().unwrap_or_default();
    let frac_part = parts.next().unwrap_or_default();
    if parts.next().is_some()
        || (int_part.is_empty() && frac_part.is_empty())
        || !int_part.chars().all(|c| c.is_ascii_digit())
        || !frac_part.chars().all(|c| c.is_ascii_digit())
    {
        return Err(not_a_number());
    }
    if frac_part.len() > places as usize {
        return Err(FixedError::TooPrecise {
            value: trimmed.to_owned(),
            places,
        });
    }
    let too_large = || FixedError::TooLarge(trimmed.to_owned());
    // 15 integer digits keep every sum of a shop's amounts far from i64's limit.
    if int_part.trim_start_matches('0').len() > 15 {
        return Err(too_large());
    }
    let scale = 10_i64.pow(places);
    let int_value: i64 = if int_part.is_empty() {
        0
    } else {
        int_part.parse().map_err(|_| too_large())?
    };
    let mut frac_value: i64 = if frac_part.is_empty() {
        0
    } else {
        frac_part.parse().map_err(|_| not_a_number())?
    };
    for _ in frac_part.len()..places as usize {
        frac_value *= 10;
    }
    let magnitude = int_value
        .checked_mul(scale)
        .and_then(|v| v.checked_add(frac_value))
        .ok_or_else(too_large)?;
    Ok(if negative { -magnitude } else { magnitude })
}

/// `1234.50`: the API's form, a dot and every decimal place.
pub fn to_plain(value: i64, places: u32) -> String {
    let (int_part, frac_part) = split(value, places);
    let sign = if value < 0 { "-" } else { "" };
    format!(
        "{sign}{int_part}.{frac_part:0width$}",
        width = places as usize
    )
}

/// `1 234,50`: the French form, a decimal comma and no-break spaces between
/// thousands (no-break so that an amount never wraps across two lines).
pub fn to_french(value: i64, places: u32) -> String {
    let (int_part, frac_part) = split(value, places);
    let digits = int_part.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + 4);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push('\u{a0}');
        }
        grouped.push(c);
    }
    let sign = if value < 0 { "-" } else { "" };
    format!(
        "{sign}{grouped},{frac_part:0width$}",
        width = places as usize
    )
}

fn split(value: i64, places: u32) -> (u64, u64) {
    let scale = 10_u64.pow(places);
    let magnitude = value.unsigned_abs();
    (magnitude / scale, magnitude % scale)
}

/// A JSON string holding a decimal; a JSON number is refused with a message that
/// says why (floats lose cents).
pub(crate) struct DecimalString(pub String);

impl<'de> serde::Deserialize<'de> for DecimalString {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = DecimalString;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a decimal number written as a string, such as \"12.50\"")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<DecimalString, E> {
                Ok(DecimalString(v.to_owned()))
            }
        }
        d.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_people_type() {
        assert_eq!(parse("12.50", 2), Ok(1250));
        assert_eq!(parse("12,5", 2), Ok(1250));
        assert_eq!(parse(" 1 234,56 ", 2), Ok(123_456));
        assert_eq!(parse("1\u{202f}234", 2), Ok(123_400));
        assert_eq!(parse("-3", 2), Ok(-300));
        assert_eq!(parse(",5", 2), Ok(50));
        assert_eq!(parse("0.350", 3), Ok(350));
        assert_eq!(parse("007", 3), Ok(7000));
    }

    #[test]
    fn refuses_what_is_not_an_amount() {
        assert_eq!(parse("", 2), Err(FixedError::Empty));
        for bad in [
            "abc", "1.2.3", "1,234.5", "12e3", "--1", ".", "1-", "0x10", "1_000",
        ] {
            assert!(
                matches!(parse(bad, 2), Err(FixedError::NotANumber(_))),
                "{bad}"
            );
        }
        assert!(matches!(
            parse("1.234", 2),
            Err(FixedError::TooPrecise { .. })
        ));
        assert!(matches!(
            parse("99999999999999999999", 2),
            Err(FixedError::TooLarge(_))
        ));
    }

    #[test]
    fn formats_for_the_api_and_for_french_readers() {
        assert_eq!(to_plain(123_450, 2), "1234.50");
        assert_eq!(to_plain(-5, 2), "-0.05");
        assert_eq!(to_plain(350, 3), "0.350");
        assert_eq!(to_french(123_450, 2), "1\u{a0}234,50");
        assert_eq!(to_french(-100_000_000, 2), "-1\u{a0}000\u{a0}000,00");
        assert_eq!(to_french(99, 2), "0,99");
    }
}
