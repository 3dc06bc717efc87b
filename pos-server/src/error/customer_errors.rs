//! Customer-file refusals as answers: a status and a French sentence.

use super::{AppError, ErrorKind};
use ::web::i18n::Msg;
use customers::CustomerError;

impl From<CustomerError> for AppError {
    fn from(e: CustomerError) -> Self {
        match e {
            CustomerError::Db(db) => db.into(),
            other => AppError::from(&other),
        }
    }
}

impl From<&CustomerError> for AppError {
    fn from(e: &CustomerError) -> Self {
        let unprocessable = |msg| AppError::new(ErrorKind::Unprocessable, msg);
        let conflict = |msg| AppError::new(ErrorKind::Conflict, msg);
        match e {
            CustomerError::NotFound(id) | CustomerError::TicketNotFound(id) => {
                AppError::new(ErrorKind::NotFound, Msg::ErrCustomerNotFound)
                    .arg("id", id.to_string())
            }
            CustomerError::MissingName => unprocessable(Msg::ErrCustomerName),
            CustomerError::TooLong { field, max } => unprocessable(Msg::ErrCustomerTooLong)
                .arg("field", *field)
                .arg("max", max.to_string()),
            CustomerError::ControlCharacter { field } => {
                unprocessable(Msg::ErrCustomerControl).arg("field", *field)
            }
            CustomerError::InvalidEmail { value, .. } => {
                unprocessable(Msg::ErrCustomerEmail).arg("value", value.clone())
            }
            CustomerError::InvalidPhone { value, .. } => {
                unprocessable(Msg::ErrCustomerPhone).arg("value", value.clone())
            }
            CustomerError::InvalidPostcode { value, .. } => {
                unprocessable(Msg::ErrCustomerPostcode).arg("value", value.clone())
            }
            CustomerError::InvalidCountry { value, .. } => {
                unprocessable(Msg::ErrCustomerCountry).arg("value", value.clone())
            }
            CustomerError::InvalidBirthDate { value, .. } => {
                unprocessable(Msg::ErrCustomerBirthDate)
                    .arg("value", value.format("%d/%m/%Y").to_string())
            }
            CustomerError::UnknownValue { field, value } => unprocessable(Msg::ErrCustomerValue)
                .arg("field", *field)
                .arg("value", value.clone()),
            CustomerError::InvalidTag { value, .. } => {
                unprocessable(Msg::ErrCustomerTag).arg("value", value.clone())
            }
            CustomerError::Anonymised(_) => conflict(Msg::ErrCustomerAnonymised),
            CustomerError::AlreadyAnonymised(_) => conflict(Msg::ErrCustomerAlreadyAnonymised),
            CustomerError::Merged { into, .. } => {
                conflict(Msg::ErrCustomerMerged).arg("into", into.to_string())
            }
            CustomerError::MergeIntoItself => unprocessable(Msg::ErrCustomerMergeSelf),
            CustomerError::BasisNotAllowed { .. } => unprocessable(Msg::ErrConsentBasis),
            CustomerError::ConsentTextMissing => unprocessable(Msg::ErrConsentText),
            CustomerError::InvalidCardNumber { value } => {
                unprocessable(Msg::ErrCardNumber).arg("value", value.clone())
            }
            CustomerError::WrongCardPrefix { number, prefix } => unprocessable(Msg::ErrCardPrefix)
                .arg("number", number.clone())
                .arg("prefix", prefix.clone()),
            CustomerError::InvalidCardPrefix { prefix } => {
                unprocessable(Msg::ErrCardPrefixInvalid).arg("prefix", prefix.clone())
            }
            CustomerError::CardPrefixClash { prefix } => {
                unprocessable(Msg::ErrCardPrefixClash).arg("prefix", prefix.clone())
            }
            CustomerError::CardTaken { number } => {
                conflict(Msg::ErrCardTaken).arg("number", number.clone())
            }
            CustomerError::CardNotActive { number, .. } => {
                conflict(Msg::ErrCardNotActive).arg("number", number.clone())
            }
            CustomerError::HasCard { number } => {
                conflict(Msg::ErrCardAlready).arg("number", number.clone())
            }
            CustomerError::NoCard => conflict(Msg::ErrCardNone),
            CustomerError::CardNumbersExhausted { prefix } => {
                conflict(Msg::ErrCardExhausted).arg("prefix", prefix.clone())
            }
            CustomerError::NotEnoughPoints { needed, available } => {
                unprocessable(Msg::ErrNotEnoughPoints)
                    .arg("needed", needed.to_string())
                    .arg("available", available.to_string())
            }
            CustomerError::InvalidSetting { key, value } => unprocessable(Msg::ErrCustomerSetting)
                .arg("key", *key)
                .arg("value", value.clone()),
            CustomerError::EmailRequired => unprocessable(Msg::ErrEmailRequired),
            CustomerError::LinkNotValid => AppError::new(ErrorKind::NotFound, Msg::ErrLinkNotValid),
            CustomerError::TooManyRequests { retry_after } => {
                AppError::new(ErrorKind::TooManyRequests, Msg::ErrTooManyRequests).arg(
                    "minutes",
                    ((*retry_after).max(1) + 59).div_euclid(60).to_string(),
                )
            }
            CustomerError::Corrupt(detail) => AppError::internal(detail),
            CustomerError::Inventory(e) => AppError::from(e),
            CustomerError::Db(db) => AppError::internal(db),
        }
    }
}

/// The form field a customer-file refusal belongs to, so a page can show it
/// there ("" for the form as a whole).
pub fn customer_error_field(e: &CustomerError) -> &'static str {
    match e {
        CustomerError::MissingName => "last_name",
        CustomerError::EmailRequired => "email",
        CustomerError::TooLong { field, .. }
        | CustomerError::ControlCharacter { field }
        | CustomerError::InvalidEmail { field, .. }
        | CustomerError::InvalidPhone { field, .. }
        | CustomerError::InvalidPostcode { field, .. }
        | CustomerError::InvalidCountry { field, .. }
        | CustomerError::InvalidBirthDate { field, .. }
        | CustomerError::InvalidTag { field, .. } => field,
        CustomerError::UnknownValue { field, .. } => match *field {
            "civility" | "language" | "channel" | "basis" => field,
            _ => "",
        },
        CustomerError::BasisNotAllowed { .. } => "basis",
        CustomerError::ConsentTextMissing => "text_shown",
        CustomerError::InvalidCardNumber { .. }
        | CustomerError::WrongCardPrefix { .. }
        | CustomerError::CardTaken { .. }
        | CustomerError::CardNotActive { .. }
        | CustomerError::HasCard { .. } => "card_number",
        CustomerError::InvalidCardPrefix { .. } | CustomerError::CardPrefixClash { .. } => {
            "card_prefix"
        }
        CustomerError::NotEnoughPoints { .. } => "delta",
        CustomerError::InvalidSetting { key, .. } => match *key {
            customers::points::POINTS_PER_EURO_KEY => "points_per_euro",
            customers::points::POINT_VALUE_KEY => "point_value",
            _ => "",
        },
        _ => "",
    }
}
