//! `/cards/{number}/pdf`: a loyalty card printed on demand at the till, right
//! after enrolment (the holder's name and the number: what a sale shows anyway).

use super::read;
use crate::auth::{AnyRole, Authed};
use crate::error::{AppError, AppResult, ErrorKind};
use crate::state::AppState;
use ::web::i18n::Msg;
use actix_web::{HttpResponse, web};
use customers::CustomerError;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/cards/{number}/pdf", web::get().to(pdf));
}

async fn pdf(
    _user: Authed<AnyRole>,
    state: web::Data<AppState>,
    number: web::Path<String>,
) -> AppResult<HttpResponse> {
    let number = number.into_inner().trim().to_owned();
    let scanned = number.clone();
    let found = read(&state, move |conn| -> Result<_, CustomerError> {
        let Some(customer) = customers::cards::customer_by_card(conn, &scanned)? else {
            return Ok(None);
        };
        let shop = sales::shops::main_shop(conn)
            .map(|s| s.name().to_owned())
            .unwrap_or_default();
        Ok(Some((customer.display_name(), shop)))
    })
    .await?;
    let (holder, shop) = found.ok_or_else(|| {
        AppError::new(ErrorKind::NotFound, Msg::ErrUnknownCard).arg("card", number.clone())
    })?;
    let bytes =
        ::web::documents::loyalty_card_pdf(&shop, &holder, &number).map_err(AppError::internal)?;
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            "Content-Disposition",
            format!("inline; filename=\"carte-{number}.pdf\""),
        ))
        .body(bytes))
}
