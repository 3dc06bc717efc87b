//! Inventory refusals as answers: a status, a sentence, and the form field they belong to.

use super::{AppError, ErrorKind};
use ::inventory::InventoryError;
use ::inventory::barcode::BarcodeError;
use ::web::i18n::Msg;

impl From<InventoryError> for AppError {
    fn from(e: InventoryError) -> Self {
        match e {
            InventoryError::Db(db) => db.into(),
            other => AppError::from(&other),
        }
    }
}

impl From<&InventoryError> for AppError {
    fn from(e: &InventoryError) -> Self {
        let unprocessable = |msg| AppError::new(ErrorKind::Unprocessable, msg);
        match e {
            InventoryError::NotFound { what, id } => {
                AppError::new(ErrorKind::NotFound, Msg::ErrNotFoundThing)
                    .arg("what", format!("{what} {id}"))
            }
            InventoryError::InvalidName { max } => {
                unprocessable(Msg::ErrName).arg("max", max.to_string())
            }
            InventoryError::InvalidAmount { field, reason } => unprocessable(Msg::ErrAmount)
                .arg("field", *field)
                .arg("reason", reason.clone()),
            InventoryError::NegativeAmount { .. } => unprocessable(Msg::ErrNegativeAmount),
            InventoryError::InvalidQuantity { reason } => {
                unprocessable(Msg::ErrQuantity).arg("reason", reason.clone())
            }
            InventoryError::UnknownVatRate(value, known) => unprocessable(Msg::ErrVatRate)
                .arg("value", value.clone())
                .arg("known", known.clone()),
            InventoryError::UnknownUnit(value) => {
                unprocessable(Msg::ErrUnit).arg("value", value.clone())
            }
            InventoryError::Barcode {
                code,
                source: BarcodeError::CheckDigit { expected, found },
            } => unprocessable(Msg::ErrBarcodeCheckDigit)
                .arg("code", code.clone())
                .arg("expected", expected.to_string())
                .arg("found", found.to_string()),
            InventoryError::Barcode { code, source } => unprocessable(Msg::ErrBarcode)
                .arg("code", code.clone())
                .arg("reason", source.to_string()),
            InventoryError::DuplicateBarcode { code, product } => {
                AppError::new(ErrorKind::Conflict, Msg::ErrDuplicateBarcode)
                    .arg("code", code.clone())
                    .arg("product", product.clone())
            }
            InventoryError::InvalidEmail(value) => {
                unprocessable(Msg::ErrEmail).arg("value", value.clone())
            }
            InventoryError::InvalidSiret(value) => {
                unprocessable(Msg::ErrSiret).arg("value", value.clone())
            }
            InventoryError::EmptyOrder => unprocessable(Msg::ErrEmptyOrder),
            InventoryError::DuplicateLine(_) => unprocessable(Msg::ErrDuplicateLine),
            InventoryError::NotOnOrder(_) => unprocessable(Msg::ErrNotOnOrder),
            InventoryError::OrderClosed(status) => {
                AppError::new(ErrorKind::Conflict, Msg::ErrOrderClosed)
                    .arg("status", status_fr(status))
            }
            InventoryError::Conflict(detail) => {
                AppError::new(ErrorKind::Conflict, Msg::ErrConflict).arg("detail", detail.clone())
            }
            // settings pages
            InventoryError::CategoryCycle => unprocessable(Msg::ErrCategoryCycle),
            InventoryError::DuplicateCategory(name) => {
                AppError::new(ErrorKind::Conflict, Msg::ErrDuplicateCategory)
                    .arg("name", name.clone())
            }
            InventoryError::DuplicateLocation(name) => {
                AppError::new(ErrorKind::Conflict, Msg::ErrDuplicateLocation)
                    .arg("name", name.clone())
            }
            InventoryError::InvalidVatRate(value) => {
                unprocessable(Msg::ErrVatRateInvalid).arg("value", value.clone())
            }
            InventoryError::VatDateNotFuture => unprocessable(Msg::ErrVatDateNotFuture),
            InventoryError::DuplicateVatRate(rate) => {
                AppError::new(ErrorKind::Conflict, Msg::ErrDuplicateVatRate)
                    .arg("rate", rate.replace('.', ","))
            }
            InventoryError::ScaleRules(e) => scale_rules_error(e),
            InventoryError::Db(db) => AppError::internal(db),
        }
    }
}

/// The form field an inventory error belongs to, so a page can show it there.
pub fn inventory_error_field(e: &InventoryError) -> &'static str {
    match e {
        InventoryError::InvalidName { .. } => "name",
        InventoryError::InvalidAmount { field, .. } | InventoryError::NegativeAmount { field } => {
            field
        }
        InventoryError::InvalidQuantity { .. } => "quantity",
        InventoryError::UnknownVatRate(..) => "vat_rate",
        InventoryError::UnknownUnit(_) => "unit",
        InventoryError::Barcode { .. } | InventoryError::DuplicateBarcode { .. } => "barcodes",
        InventoryError::InvalidEmail(_) => "email",
        InventoryError::InvalidSiret(_) => "siret",
        InventoryError::CategoryCycle => "parent",
        InventoryError::InvalidVatRate(_) => "rate",
        InventoryError::VatDateNotFuture | InventoryError::DuplicateVatRate(_) => "valid_from",
        _ => "",
    }
}

/// An order's status as the French sentence needs it ("cette commande est reçue").
fn status_fr(status: &str) -> &'static str {
    match status {
        "received" => "reçue",
        "cancelled" => "annulée",
        "partial" => "reçue en partie",
        "sent" => "envoyée",
        _ => "en brouillon",
    }
}

/// Scale prefixes refused, in words (the field depends on the list: the page decides).
fn scale_rules_error(e: &BarcodeError) -> AppError {
    let unprocessable = |msg| AppError::new(ErrorKind::Unprocessable, msg);
    match e {
        BarcodeError::ScalePrefixOutOfRange { prefix } => {
            unprocessable(Msg::ErrScalePrefixRange).arg("prefix", prefix.to_string())
        }
        BarcodeError::DuplicateScalePrefix { prefix } => {
            unprocessable(Msg::ErrScalePrefixTwice).arg("prefix", prefix.to_string())
        }
        BarcodeError::InvalidScalePrefix { text } => {
            unprocessable(Msg::ErrScalePrefixInvalid).arg("text", text.clone())
        }
        other => unprocessable(Msg::ErrBarcode)
            .arg("code", "")
            .arg("reason", other.to_string()),
    }
}
