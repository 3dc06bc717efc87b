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
            CustomerError::Inventory(e) => AppError::from(e),
            CustomerError::Db(db) => AppError::internal(db),
        }
    }
}
