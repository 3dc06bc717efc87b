//! `/api/v1/cards/{number}`: the loyalty card scanned at the till, with only
//! what a sale needs (who, the points and what they are worth).

use crate::auth::{AnyRole, ApiAuthed};
use crate::error::{AppError, AppResult, ErrorKind};
use crate::routes::read;
use crate::state::AppState;
use ::web::i18n::Msg;
use actix_web::web::{self, Json};
use customers::points::PointsRules;
use customers::{CustomerError, cards};
use db::Money;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct CardOut {
    pub number: String,
    pub customer_id: i64,
    /// "Hélène Dupont" (or the company).
    pub name: String,
    pub points: i64,
    /// What the points pay at the till.
    #[schema(value_type = String)]
    pub points_value: Money,
}

/// The customer behind a scanned card.
#[utoipa::path(get, path = "/api/v1/cards/{number}", tag = "customers", security(("bearer" = [])), params(("number" = String, Path, description = "the card's EAN-13")),
    responses((status = 200, body = CardOut), (status = 404, description = "unknown or unassigned card", body = super::openapi::ErrorBody)))]
pub async fn get(
    _caller: ApiAuthed<AnyRole>,
    state: web::Data<AppState>,
    number: web::Path<String>,
) -> AppResult<Json<CardOut>> {
    let number = number.into_inner();
    let scanned = number.clone();
    let found = read(&state, move |conn| -> Result<_, CustomerError> {
        let Some(customer) = cards::customer_by_card(conn, &scanned)? else {
            return Ok(None);
        };
        let value = PointsRules::load(conn)?.value_of(customer.points);
        Ok(Some((customer, value)))
    })
    .await?;
    let (customer, points_value) = found.ok_or_else(|| {
        AppError::new(ErrorKind::NotFound, Msg::ErrUnknownCard).arg("card", number.clone())
    })?;
    Ok(Json(CardOut {
        number: number.trim().to_owned(),
        customer_id: customer.id,
        name: customer.display_name(),
        points: customer.points,
        points_value,
    }))
}
