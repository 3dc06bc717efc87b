use customers::CustomerError;
use db::{DbError, Money, Quantity};
use inventory::InventoryError;
use thiserror::Error;

/// What the till refuses, each naming what is wrong. The server maps each
/// variant once to a status and a French sentence.
#[derive(Debug, Error)]
pub enum SalesError {
    #[error("{what} {id} not found")]
    NotFound { what: &'static str, id: String },
    #[error("invalid {field}: {reason}")]
    Invalid { field: &'static str, reason: String },
    #[error("till code {0:?} is already taken")]
    DuplicateTill(String),
    #[error("till {0} is archived")]
    TillInactive(String),
    #[error("till {0} has no open cash session")]
    NoOpenSession(String),
    #[error("till {0} already has an open cash session")]
    SessionAlreadyOpen(String),
    #[error("unknown barcode {0:?}")]
    UnknownBarcode(String),
    #[error("product {0} is archived")]
    ProductArchived(String),
    #[error("a sale needs at least one line")]
    EmptySale,
    #[error("line {line}: {problem:?}")]
    InvalidLine { line: usize, problem: LineProblem },
    #[error("the ticket discount is more than the ticket")]
    DiscountTooLarge,
    #[error("every payment is more than zero")]
    PaymentNotPositive,
    #[error("loyalty points need a customer's card")]
    LoyaltyWithoutCustomer,
    #[error("the payments ({paid}) are short of the total ({total})")]
    PaymentShort { paid: Money, total: Money },
    #[error("change can only be given on cash (paid {paid}, total {total})")]
    ChangeWithoutCash { paid: Money, total: Money },
    #[error("{0:?} needs a manager's approval")]
    NeedsApproval(Approval),
    #[error("ticket {0} is a refund: it cannot be refunded")]
    RefundOfRefund(String),
    #[error("line {line} was sold {sold} and {refunded} already given back: {asked} is too many")]
    RefundTooMany {
        line: i64,
        sold: Quantity,
        refunded: Quantity,
        asked: Quantity,
    },
    #[error("nothing left to refund on ticket {0}")]
    NothingToRefund(String),
    #[error("a training ticket and a real one cannot be mixed")]
    TrainingMismatch,
    #[error("unknown loyalty card {0:?}")]
    UnknownCard(String),
    #[error(transparent)]
    Customer(CustomerError),
    #[error(transparent)]
    Inventory(#[from] InventoryError),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl SalesError {
    /// A unique constraint refused the write: for a ticket, its till-chosen
    /// id was taken meanwhile by a post on another till (same id twice).
    pub fn is_unique_violation(&self) -> bool {
        matches!(
            self,
            SalesError::Db(DbError::Query(diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _
            )))
        )
    }
}

impl From<CustomerError> for SalesError {
    fn from(e: CustomerError) -> Self {
        match e {
            CustomerError::Db(db) => SalesError::Db(db),
            other => SalesError::Customer(other),
        }
    }
}

impl From<diesel::result::Error> for SalesError {
    fn from(e: diesel::result::Error) -> Self {
        SalesError::Db(DbError::Query(e))
    }
}

/// What is wrong with one line of a sale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineProblem {
    ZeroQuantity,
    QuantityTooLarge,
    /// A fraction of a product sold by the piece.
    WholePieces,
    DiscountTooLarge,
}

/// What needs a manager's PIN at the till.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Approval {
    DiscountBeyondLimit,
    RefundBeyondLimit,
    RefundWithoutTicket,
}

pub type Result<T, E = SalesError> = std::result::Result<T, E>;

/// A name or code: trimmed, inner runs of spaces made one, 1 to `max` characters.
pub(crate) fn clean_text(field: &'static str, raw: &str, max: usize) -> Result<String> {
    let text = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let length = text.chars().count();
    if (1..=max).contains(&length) && !text.chars().any(char::is_control) {
        Ok(text)
    } else {
        Err(SalesError::Invalid {
            field,
            reason: format!("1 to {max} characters"),
        })
    }
}

/// An optional free text: trimmed, None when empty.
pub(crate) fn optional_text(raw: Option<&str>) -> Option<String> {
    raw.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}
