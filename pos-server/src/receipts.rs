//! Receipts leaving the till: to its printer and by e-mail. Neither ever holds
//! a transaction while a printer or a mail server answers, and neither can
//! lose a sale: the ticket was committed before.

use crate::error::{AppError, AppResult, ErrorKind};
use crate::routes::{blocking, read, write};
use crate::state::AppState;
use ::web::i18n::Msg;
use db::ids::UserId;
use sales::{SalesError, emailing, mail, printer, printing, tickets};

/// Prints a ticket (by its UUID) on its till's printer; the copy number
/// (0 for the original, n for DUPLICATA n).
pub async fn print_ticket(state: &AppState, uuid: &str, user: UserId) -> AppResult<u32> {
    let (st, uuid) = (state.clone(), uuid.to_owned());
    let job = read(state, move |conn| {
        let id = tickets::by_uuid(conn, &uuid)?.id;
        printing::prepare(conn, id, |t| st.local(t))
    })
    .await?;
    let Some(address) = job.address.clone() else {
        return Err(
            AppError::new(ErrorKind::Conflict, Msg::ErrNoPrinter).arg("code", job.till_code)
        );
    };
    let bytes = job.bytes.clone();
    blocking(move || {
        printer::send(&address, &bytes).map_err(|e| {
            tracing::warn!(error = %e, "printer");
            AppError::new(ErrorKind::Unavailable, Msg::ErrPrinter).arg("detail", e.to_string())
        })
    })
    .await?;
    let (clock, copy) = (state.clock.clone(), job.copy);
    write(state, move |conn| {
        printing::record(conn, &job, user, clock.now_naive())
    })
    .await?;
    Ok(copy)
}

/// E-mails a ticket's receipt to `address`, for that receipt only.
pub async fn email_ticket(
    state: &AppState,
    uuid: &str,
    address: &str,
    user: UserId,
) -> AppResult<()> {
    let Some(smtp) = state.config.smtp.clone() else {
        return Err(AppError::new(ErrorKind::Conflict, Msg::ErrNoSmtp));
    };
    if mail::parse_recipient(address).is_err() {
        return Err(AppError::new(ErrorKind::Unprocessable, Msg::ErrEmail).arg("value", address));
    }
    let (st, uuid) = (state.clone(), uuid.to_owned());
    let job = read(state, move |conn| {
        let id = tickets::by_uuid(conn, &uuid)?.id;
        emailing::prepare(conn, id, |t| st.local(t))
    })
    .await?;
    let (to, receipt) = (address.to_owned(), job.receipt.clone());
    let outcome =
        blocking(move || Ok(mail::send_receipt(&smtp, &to, &receipt).map_err(|e| e.to_string())))
            .await?;
    let (clock, to, result) = (state.clock.clone(), address.to_owned(), outcome.clone());
    write(state, move |conn| -> Result<(), SalesError> {
        emailing::record(conn, &job, &to, result, user, clock.now_naive())
    })
    .await?;
    outcome.map_err(|detail| {
        tracing::warn!(%detail, "receipt e-mail");
        AppError::new(ErrorKind::Unavailable, Msg::ErrMail).arg("detail", detail)
    })
}
