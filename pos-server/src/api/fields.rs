//! Decimal strings from JSON bodies, parsed with the field's name in the error
//! (a 422 that says which field, rather than serde's line and column).

use crate::error::{AppError, ErrorKind};
use ::web::i18n::Msg;
use db::{Money, Quantity};
use serde::{Deserialize, Deserializer};

pub fn money(field: &'static str, raw: &str) -> Result<Money, AppError> {
    Money::parse(raw).map_err(|e| {
        AppError::new(ErrorKind::Unprocessable, Msg::ErrAmount)
            .arg("field", field)
            .arg("reason", e.to_string())
    })
}

pub fn optional_money(field: &'static str, raw: Option<&str>) -> Result<Option<Money>, AppError> {
    raw.map(str::trim)
        .filter(|r| !r.is_empty())
        .map(|r| money(field, r))
        .transpose()
}

pub fn quantity(field: &'static str, raw: &str) -> Result<Quantity, AppError> {
    Quantity::parse(raw).map_err(|e| {
        AppError::new(ErrorKind::Unprocessable, Msg::ErrQuantity)
            .arg("reason", format!("{field}: {e}"))
    })
}

pub fn optional_quantity(
    field: &'static str,
    raw: Option<&str>,
) -> Result<Option<Quantity>, AppError> {
    raw.map(str::trim)
        .filter(|r| !r.is_empty())
        .map(|r| quantity(field, r))
        .transpose()
}

/// For PATCH bodies: an absent field is `None`, `null` is `Some(None)`.
pub fn present<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}
