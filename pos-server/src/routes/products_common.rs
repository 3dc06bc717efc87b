//! What the inventory pages share.

use crate::error::{AppError, inventory_error_field};
use crate::page::Page;
use ::web::forms::FormErrors;
use ::web::i18n::Lang;
use db::fixed::FixedError;
use db::{Money, Quantity};
use inventory::InventoryError;

/// An inventory refusal, next to its field.
pub(crate) fn field_error(page: &Page, e: InventoryError) -> Result<FormErrors, AppError> {
    match e {
        InventoryError::Db(db) => Err(db.into()),
        InventoryError::NotFound { .. } => Err(e.into()),
        other => {
            let field = inventory_error_field(&other);
            Ok(FormErrors::new().with(field, AppError::from(other).message(page.lang())))
        }
    }
}

/// An inventory refusal next to `field` when it names no field of its own (a
/// duplicate name, a move under itself), else next to its own field.
pub(crate) fn field_error_at(
    page: &Page,
    e: InventoryError,
    field: &'static str,
) -> Result<FormErrors, AppError> {
    let own = inventory_error_field(&e);
    let errors = field_error(page, e)?;
    Ok(match (own, errors.general()) {
        ("", Some(message)) => FormErrors::new().with(field, message),
        _ => errors,
    })
}

/// Why a typed amount is not one, in the reader's language.
pub(crate) fn amount_message(lang: Lang, field: &'static str, e: &FixedError) -> String {
    AppError::from(InventoryError::InvalidAmount {
        field,
        reason: e.to_string(),
    })
    .message(lang)
}

/// Why a typed quantity is not one, in the reader's language.
pub(crate) fn quantity_message(lang: Lang, e: &FixedError) -> String {
    AppError::from(InventoryError::InvalidQuantity {
        reason: e.to_string(),
    })
    .message(lang)
}

/// A typed amount on a form: `None` when left blank, or the sentence that says
/// why it is not an amount.
pub(crate) fn typed_money(
    lang: Lang,
    field: &'static str,
    raw: &str,
) -> Result<Option<Money>, String> {
    match raw.trim() {
        "" => Ok(None),
        raw => Money::parse(raw)
            .map(Some)
            .map_err(|e| amount_message(lang, field, &e)),
    }
}

/// A typed quantity on a form: `None` when left blank, or the sentence that says
/// why it is not a quantity.
pub(crate) fn typed_quantity(lang: Lang, raw: &str) -> Result<Option<Quantity>, String> {
    match raw.trim() {
        "" => Ok(None),
        raw => Quantity::parse(raw)
            .map(Some)
            .map_err(|e| quantity_message(lang, &e)),
    }
}

/// Keeps a parsed value, or files its error under `field`.
pub(crate) fn keep<T>(
    errors: &mut FormErrors,
    field: &str,
    parsed: Result<Option<T>, String>,
) -> Option<T> {
    parsed.unwrap_or_else(|message| {
        errors.add(field, message);
        None
    })
}
