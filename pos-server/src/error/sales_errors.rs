//! Till refusals as answers: a status and a sentence (and the form field they
//! belong to, for the back-office pages).

use super::{AppError, ErrorKind};
use ::web::i18n::Msg;
use sales::{Approval, LineProblem, SalesError};

impl From<SalesError> for AppError {
    fn from(e: SalesError) -> Self {
        match e {
            SalesError::Db(db) => db.into(),
            SalesError::Inventory(inventory) => inventory.into(),
            other => AppError::from(&other),
        }
    }
}

fn not_found(what: &str, id: &str) -> AppError {
    let msg = match what {
        "till" => return AppError::new(ErrorKind::NotFound, Msg::ErrTillNotFound).arg("code", id),
        "ticket" => Msg::ErrTicketNotFound,
        "cash session" | "closure" => Msg::ErrSessionNotFound,
        "ticket line" => Msg::ErrTicketLineNotFound,
        _ => return AppError::not_found(),
    };
    AppError::new(ErrorKind::NotFound, msg).arg("id", id)
}

fn invalid(field: &str) -> AppError {
    let msg = match field {
        "id" => Msg::ErrSaleId,
        "code" => Msg::ErrTillCode,
        "printer" => Msg::ErrPrinterAddress,
        "printer_columns" => Msg::ErrPrinterColumns,
        "opening_float" | "counted_cash" | "refund_limit" => Msg::ErrNegativeAmount,
        "amount" => Msg::ErrPositiveAmount,
        "reason" => Msg::ErrCashReason,
        "siret" => return AppError::new(ErrorKind::Unprocessable, Msg::ErrSiret).arg("value", ""),
        "postcode" => Msg::ErrPostcode,
        "max_discount_percent" => Msg::ErrDiscountLimit,
        "name" => return AppError::new(ErrorKind::Unprocessable, Msg::ErrName).arg("max", "120"),
        _ => Msg::ErrBadForm,
    };
    AppError::new(ErrorKind::Unprocessable, msg)
}

impl From<&SalesError> for AppError {
    fn from(e: &SalesError) -> Self {
        let unprocessable = |msg| AppError::new(ErrorKind::Unprocessable, msg);
        let conflict = |msg| AppError::new(ErrorKind::Conflict, msg);
        match e {
            SalesError::NotFound { what, id } => not_found(what, id),
            SalesError::Invalid { field, .. } => invalid(field),
            SalesError::DuplicateTill(code) => {
                conflict(Msg::ErrTillCodeTaken).arg("code", code.clone())
            }
            SalesError::TillInactive(code) => {
                conflict(Msg::ErrTillInactive).arg("code", code.clone())
            }
            SalesError::NoOpenSession(code) => {
                conflict(Msg::ErrNoOpenSession).arg("code", code.clone())
            }
            SalesError::SessionAlreadyOpen(code) => {
                conflict(Msg::ErrSessionAlreadyOpen).arg("code", code.clone())
            }
            SalesError::UnknownBarcode(code) => {
                unprocessable(Msg::ErrUnknownBarcode).arg("code", code.clone())
            }
            SalesError::ProductArchived(name) => {
                unprocessable(Msg::ErrProductArchived).arg("name", name.clone())
            }
            SalesError::EmptySale => unprocessable(Msg::ErrEmptySale),
            SalesError::InvalidLine { line, problem } => unprocessable(match problem {
                LineProblem::ZeroQuantity => Msg::ErrLineZeroQuantity,
                LineProblem::QuantityTooLarge => Msg::ErrLineTooLarge,
                LineProblem::WholePieces => Msg::ErrLineWholePieces,
                LineProblem::DiscountTooLarge => Msg::ErrLineDiscount,
            })
            .arg("line", line.to_string()),
            SalesError::DiscountTooLarge => unprocessable(Msg::ErrTicketDiscount),
            SalesError::PaymentNotPositive => unprocessable(Msg::ErrPaymentNotPositive),
            SalesError::LoyaltyWithoutCustomer => unprocessable(Msg::ErrLoyaltyWithoutCustomer),
            SalesError::PaymentShort { paid, total } => unprocessable(Msg::ErrPaymentShort)
                .arg("paid", paid.to_french())
                .arg("total", total.to_french()),
            SalesError::ChangeWithoutCash { paid, total } => {
                unprocessable(Msg::ErrChangeWithoutCash)
                    .arg("paid", paid.to_french())
                    .arg("total", total.to_french())
            }
            SalesError::NeedsApproval(what) => AppError::new(
                ErrorKind::Forbidden,
                match what {
                    Approval::DiscountBeyondLimit => Msg::ErrApprovalDiscount,
                    Approval::RefundBeyondLimit => Msg::ErrApprovalRefund,
                    Approval::RefundWithoutTicket => Msg::ErrApprovalNoTicket,
                },
            ),
            SalesError::RefundOfRefund(ticket) => {
                conflict(Msg::ErrRefundOfRefund).arg("ticket", ticket.clone())
            }
            SalesError::RefundTooMany {
                line,
                sold,
                refunded,
                asked,
            } => unprocessable(Msg::ErrRefundTooMany)
                .arg("line", line.to_string())
                .arg("sold", sold.to_french())
                .arg("refunded", refunded.to_french())
                .arg("asked", asked.to_french()),
            SalesError::NothingToRefund(ticket) => {
                conflict(Msg::ErrNothingToRefund).arg("ticket", ticket.clone())
            }
            SalesError::TrainingMismatch => conflict(Msg::ErrTrainingMismatch),
            SalesError::UnknownCard(card) => {
                unprocessable(Msg::ErrUnknownCard).arg("card", card.clone())
            }
            SalesError::Customer(customer) => AppError::from(customer),
            SalesError::Inventory(inventory) => AppError::from(inventory),
            SalesError::Db(db) => AppError::internal(db),
        }
    }
}

/// The form field a till refusal belongs to, so a page can show it there.
pub fn sales_error_field(e: &SalesError) -> &'static str {
    match e {
        SalesError::Invalid { field, .. } => field,
        SalesError::DuplicateTill(_) => "code",
        SalesError::PaymentShort { .. } | SalesError::ChangeWithoutCash { .. } => "payments",
        _ => "",
    }
}
