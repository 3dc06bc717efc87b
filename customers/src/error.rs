use db::DbError;
use inventory::InventoryError;
use thiserror::Error;

/// What the customer file refuses, each naming the field or the record at fault.
/// The server turns them into French sentences next to the field, or the JSON
/// error shape.
#[derive(Debug, Error)]
pub enum CustomerError {
    #[error("customer {0} not found")]
    NotFound(i64),
    #[error("a customer needs a last name or a company")]
    MissingName,
    #[error("{field} is too long: at most {max} characters")]
    TooLong { field: &'static str, max: usize },
    #[error("{field} contains a control character")]
    ControlCharacter { field: &'static str },
    #[error("invalid e-mail address {value:?}")]
    InvalidEmail { field: &'static str, value: String },
    #[error("invalid phone number {value:?} in {field}")]
    InvalidPhone { field: &'static str, value: String },
    #[error("invalid postcode {value:?}: five digits in France")]
    InvalidPostcode { field: &'static str, value: String },
    #[error("unknown country {value:?} (two letters, such as FR)")]
    InvalidCountry { field: &'static str, value: String },
    #[error("birth date {value} is not plausible")]
    InvalidBirthDate {
        field: &'static str,
        value: chrono::NaiveDate,
    },
    #[error("unknown {field} {value:?}")]
    UnknownValue { field: &'static str, value: String },
    #[error("invalid tag {value:?}: no commas, at most 40 characters")]
    InvalidTag { field: &'static str, value: String },
    #[error("customer {0} was anonymised")]
    Anonymised(i64),
    #[error("customer {0} has already been anonymised")]
    AlreadyAnonymised(i64),
    #[error("customer {id} was merged into customer {into}")]
    Merged { id: i64, into: i64 },
    #[error("a customer cannot be merged into itself")]
    MergeIntoItself,
    // consents
    #[error("basis {basis} cannot grant the {channel} channel")]
    BasisNotAllowed {
        channel: &'static str,
        basis: &'static str,
    },
    #[error("an explicit consent needs the text the customer was shown")]
    ConsentTextMissing,
    // cards
    #[error("invalid card number {value:?}: thirteen digits with their check digit")]
    InvalidCardNumber { value: String },
    #[error("card {number} does not start with the shop's card prefix {prefix}")]
    WrongCardPrefix { number: String, prefix: String },
    #[error("card prefix {prefix:?} must be two digits from 20 to 29")]
    InvalidCardPrefix { prefix: String },
    #[error("card prefix {prefix} is a scale barcode prefix")]
    CardPrefixClash { prefix: String },
    #[error("card {number} belongs to another customer")]
    CardTaken { number: String },
    #[error("card {number} is {status}: it can no longer be used")]
    CardNotActive {
        number: String,
        status: &'static str,
    },
    #[error("the customer already has card {number}: replace it instead")]
    HasCard { number: String },
    #[error("the customer has no card to replace")]
    NoCard,
    #[error("no card number is left with prefix {prefix}")]
    CardNumbersExhausted { prefix: String },
    // points
    #[error("not enough points: {needed} needed, {available} available")]
    NotEnoughPoints { needed: i64, available: i64 },
    #[error("invalid setting {key}: {value:?}")]
    InvalidSetting { key: &'static str, value: String },
    #[error("ticket {0} not found")]
    TicketNotFound(i64),
    // online: the public form, the account page, the unsubscribe link
    #[error("an e-mail address is required")]
    EmailRequired,
    #[error("this link is no longer valid: used, expired or unknown")]
    LinkNotValid,
    #[error("too many requests: try again in {retry_after} seconds")]
    TooManyRequests { retry_after: i64 },
    #[error("stored data could not be read: {0}")]
    Corrupt(String),
    #[error(transparent)]
    Inventory(InventoryError),
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<diesel::result::Error> for CustomerError {
    fn from(e: diesel::result::Error) -> Self {
        CustomerError::Db(DbError::Query(e))
    }
}

impl From<InventoryError> for CustomerError {
    fn from(e: InventoryError) -> Self {
        match e {
            InventoryError::Db(db) => CustomerError::Db(db),
            other => CustomerError::Inventory(other),
        }
    }
}

pub type Result<T, E = CustomerError> = std::result::Result<T, E>;
