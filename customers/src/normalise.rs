//! The fiche's fields as typed, made into what is stored: trimmed names,
//! lower-cased e-mail addresses, E.164 phone numbers, French postcodes.

use crate::error::{CustomerError, Result};
use phonenumber::Mode;
use phonenumber::country::Id;
use std::str::FromStr;

pub const NAME_MAX: usize = 100;
pub const TEXT_MAX: usize = 200;
pub const NOTES_MAX: usize = 4000;
pub const TAG_MAX: usize = 40;

/// A one-line text: inner runs of spaces made one, None when empty.
pub fn line(field: &'static str, raw: Option<&str>, max: usize) -> Result<Option<String>> {
    let Some(raw) = raw else { return Ok(None) };
    if raw.chars().any(|c| c.is_control() && !c.is_whitespace()) {
        return Err(CustomerError::ControlCharacter { field });
    }
    let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        return Ok(None);
    }
    if text.chars().count() > max {
        return Err(CustomerError::TooLong { field, max });
    }
    Ok(Some(text))
}

/// Free text over several lines (notes): trimmed, None when empty.
pub fn notes(raw: Option<&str>) -> Result<Option<String>> {
    let Some(raw) = raw.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    if raw.chars().count() > NOTES_MAX {
        return Err(CustomerError::TooLong {
            field: "notes",
            max: NOTES_MAX,
        });
    }
    Ok(Some(raw.replace("\r\n", "\n")))
}

/// An e-mail address, lower-cased: one `@`, something before it, a domain with
/// a dot and no empty label, no spaces.
pub fn email(raw: Option<&str>) -> Result<Option<String>> {
    let Some(text) = raw.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    let invalid = || CustomerError::InvalidEmail {
        field: "email",
        value: text.to_owned(),
    };
    let address = text.to_lowercase();
    let (local, domain) = address.split_once('@').ok_or_else(invalid)?;
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels.last().is_some_and(|tld| tld.chars().count() >= 2);
    if local_ok && domain_ok && address.len() <= 254 {
        Ok(Some(address))
    } else {
        Err(invalid())
    }
}

/// A country as ISO 3166-1 alpha-2, upper-cased; France when not given.
pub fn country(raw: Option<&str>) -> Result<String> {
    let Some(text) = raw.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok("FR".to_owned());
    };
    let code = text.to_uppercase();
    if code.len() == 2 && Id::from_str(&code).is_ok() {
        Ok(code)
    } else {
        Err(CustomerError::InvalidCountry {
            field: "country",
            value: text.to_owned(),
        })
    }
}

/// A phone number in E.164 (`+33612345678`), read as typed in `region` when it
/// has no `+` or `00` in front. Letters are refused (the parser would read them
/// as keypad digits), and so is a number the numbering plan does not know.
pub fn phone(field: &'static str, raw: Option<&str>, region: &str) -> Result<Option<String>> {
    let Some(text) = raw.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    parse_phone(text, region)
        .map(Some)
        .ok_or_else(|| CustomerError::InvalidPhone {
            field,
            value: text.to_owned(),
        })
}

/// The E.164 form of a typed phone number, or None.
pub fn parse_phone(text: &str, region: &str) -> Option<String> {
    let text = text.trim();
    let allowed = |c: char| c.is_ascii_digit() || " .-/()\u{a0}".contains(c);
    let (plus, rest) = match text.strip_prefix('+') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    if rest.is_empty() || !rest.chars().all(allowed) {
        return None;
    }
    let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    if !(6..=17).contains(&digits.len()) {
        return None;
    }
    let international = if plus {
        Some(digits.clone())
    } else {
        digits.strip_prefix("00").map(str::to_owned)
    };
    let number = match international {
        Some(digits) => phonenumber::parse(None, format!("+{digits}")).ok()?,
        None => {
            let region = Id::from_str(region).unwrap_or(Id::FR);
            phonenumber::parse(Some(region), &digits).ok()?
        }
    };
    if !number.is_valid() {
        return None;
    }
    Some(number.format().mode(Mode::E164).to_string())
}

/// The national form's digits of an E.164 number (`0612345678` for
/// `+33612345678`), so a search by the number as the French type it finds it.
pub fn national_digits(e164: &str) -> Option<String> {
    let number = phonenumber::parse(None, e164).ok()?;
    let national = number.format().mode(Mode::National).to_string();
    Some(national.chars().filter(char::is_ascii_digit).collect())
}

/// A postcode: five digits in France (spaces removed), free but short elsewhere.
pub fn postcode(raw: Option<&str>, country: &str) -> Result<Option<String>> {
    let Some(text) = raw.map(str::trim).filter(|t| !t.is_empty()) else {
        return Ok(None);
    };
    let invalid = || CustomerError::InvalidPostcode {
        field: "postcode",
        value: text.to_owned(),
    };
    if country == "FR" {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.len() == 5 && compact.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Some(compact))
        } else {
            Err(invalid())
        }
    } else {
        let code = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if code.chars().count() <= 12
            && code
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == ' ' || c == '-')
        {
            Ok(Some(code.to_uppercase()))
        } else {
            Err(invalid())
        }
    }
}

/// Tags as typed: trimmed, without duplicates (case and accents ignored), in
/// their first order; stored comma-separated, None when there is none.
pub fn tags<S: AsRef<str>>(raw: &[S]) -> Result<Option<String>> {
    let mut kept: Vec<String> = Vec::new();
    for tag in raw {
        let tag = tag
            .as_ref()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if tag.is_empty() {
            continue;
        }
        if tag.contains(',') || tag.chars().count() > TAG_MAX || tag.chars().any(char::is_control) {
            return Err(CustomerError::InvalidTag {
                field: "tags",
                value: tag,
            });
        }
        if !kept
            .iter()
            .any(|k| db::text::fold(k) == db::text::fold(&tag))
        {
            kept.push(tag);
        }
    }
    Ok((!kept.is_empty()).then(|| kept.join(",")))
}

/// The stored tags as a list.
pub fn tag_list(stored: Option<&str>) -> Vec<String> {
    stored
        .map(|s| {
            s.split(',')
                .filter(|t| !t.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}
