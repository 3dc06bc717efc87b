use crate::barcode::BarcodeError;
use db::DbError;
use thiserror::Error;

/// What the inventory refuses, each naming what is wrong. The server turns them
/// into French sentences next to the field, or the JSON error shape.
#[derive(Debug, Error)]
pub enum InventoryError {
    #[error("{what} {id} not found")]
    NotFound { what: &'static str, id: String },
    #[error("a name has 1 to {max} characters")]
    InvalidName { max: usize },
    #[error("invalid {field}: {reason}")]
    InvalidAmount { field: &'static str, reason: String },
    #[error("{field} cannot be negative")]
    NegativeAmount { field: &'static str },
    #[error("invalid quantity: {reason}")]
    InvalidQuantity { reason: String },
    #[error("unknown VAT rate {0:?} (expected one of {1})")]
    UnknownVatRate(String, String),
    #[error("unknown unit {0:?} (expected piece, kg, l or m)")]
    UnknownUnit(String),
    #[error("invalid barcode {code:?}: {source}")]
    Barcode { code: String, source: BarcodeError },
    #[error("barcode {code} already belongs to {product}")]
    DuplicateBarcode { code: String, product: String },
    #[error("invalid e-mail address {0:?}")]
    InvalidEmail(String),
    #[error("invalid SIRET {0:?} (14 digits)")]
    InvalidSiret(String),
    #[error("an order needs at least one line")]
    EmptyOrder,
    #[error("product {0} appears twice on the order")]
    DuplicateLine(i64),
    #[error("product {0} is not on this order")]
    NotOnOrder(i64),
    #[error("this order is {0}: it can no longer be changed")]
    OrderClosed(&'static str),
    #[error("{0}")]
    Conflict(String),
    // settings pages
    #[error("a category cannot move under itself or one of its subcategories")]
    CategoryCycle,
    #[error("a category named {0:?} exists already at that place")]
    DuplicateCategory(String),
    #[error("a location named {0:?} exists already")]
    DuplicateLocation(String),
    #[error("invalid VAT rate {0:?}: a percentage from 0 to 99.99")]
    InvalidVatRate(String),
    #[error("a VAT change starts tomorrow at the earliest")]
    VatDateNotFuture,
    #[error("VAT rate {0} is already in force or scheduled on that date")]
    DuplicateVatRate(String),
    #[error("invalid scale prefixes: {0}")]
    ScaleRules(BarcodeError),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for InventoryError {
    fn from(e: diesel::result::Error) -> Self {
        InventoryError::Db(DbError::Query(e))
    }
}

pub type Result<T, E = InventoryError> = std::result::Result<T, E>;

/// Checks a name: trimmed, inner runs of spaces made one, 1 to `max` characters.
pub(crate) fn clean_name(raw: &str, max: usize) -> Result<String> {
    let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let length = name.chars().count();
    if (1..=max).contains(&length) && !name.chars().any(char::is_control) {
        Ok(name)
    } else {
        Err(InventoryError::InvalidName { max })
    }
}

/// An optional free text: trimmed, None when empty.
pub(crate) fn optional_text(raw: Option<&str>) -> Option<String> {
    raw.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}
