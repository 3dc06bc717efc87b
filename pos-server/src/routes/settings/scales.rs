//! `/settings/scales`: which scale label prefixes carry a weight, which a price.
//! The owner.

use super::super::{attempt_write, read};
use crate::auth::{Authed, AuthedForm, OwnerRole};
use crate::error::{AppError, AppResult};
use crate::page::{FlashNote, Page, redirect_with};
use crate::state::AppState;
use ::web::forms::FormErrors;
use ::web::pages::settings::scales::{ScaleFormValues, scales_page};
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use inventory::InventoryError;
use inventory::barcode::{BarcodeError, ScaleKind, ScaleRules};
use serde::Deserialize;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/settings/scales", web::get().to(show))
        .route("/settings/scales", web::post().to(save));
}

fn list(prefixes: &[u8]) -> String {
    prefixes
        .iter()
        .map(u8::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

async fn show(
    _user: Authed<OwnerRole>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let rules = read(&state, ScaleRules::load).await?;
    let values = ScaleFormValues {
        weight: list(&rules.prefixes_of(ScaleKind::Weight)),
        price: list(&rules.prefixes_of(ScaleKind::Price)),
    };
    Ok(page.ok(scales_page(&page.ctx, &values, &FormErrors::new())))
}

#[derive(Deserialize)]
struct ScaleForm {
    #[serde(default)]
    weight: String,
    #[serde(default)]
    price: String,
}

async fn save(
    AuthedForm { user, form }: AuthedForm<OwnerRole, ScaleForm>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let values = ScaleFormValues {
        weight: form.weight,
        price: form.price,
    };
    let refused = |e: BarcodeError| {
        // A prefix in both lists belongs to the second; the others to their own list.
        let field = match &e {
            BarcodeError::DuplicateScalePrefix { .. } => "price",
            BarcodeError::ScalePrefixOutOfRange { prefix } => {
                field_of(&values, &prefix.to_string())
            }
            BarcodeError::InvalidScalePrefix { text } => field_of(&values, text),
            _ => "",
        };
        let message = AppError::from(InventoryError::ScaleRules(e)).message(page.lang());
        FormErrors::new().with(field, message)
    };
    let rules = match ScaleRules::from_lists(&values.weight, &values.price) {
        Ok(rules) => rules,
        Err(e) => {
            let errors = refused(e);
            return Ok(page.respond(
                StatusCode::UNPROCESSABLE_ENTITY,
                scales_page(&page.ctx, &values, &errors),
            ));
        }
    };
    let (actor, clock) = (user.user().id, state.clock.clone());
    attempt_write(&state, move |conn| {
        rules.save(conn, Some(actor), clock.now_naive())
    })
    .await?
    .map_err(AppError::from)?;
    Ok(redirect_with("/settings/scales", FlashNote::ScaleSaved))
}

/// The list where `text` was typed.
fn field_of(values: &ScaleFormValues, text: &str) -> &'static str {
    let in_list = |list: &str| {
        list.split(|c: char| c == ',' || c == ';' || c.is_whitespace())
            .any(|t| t == text)
    };
    if in_list(&values.weight) {
        "weight"
    } else {
        "price"
    }
}
