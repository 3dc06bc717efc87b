//! `/settings/vat`: the rates with their dates, and a change of rate to
//! schedule. The owner.

use super::super::products_common::field_error_at;
use super::super::{attempt_write, read};
use super::today;
use crate::auth::{Authed, AuthedForm, OwnerRole};
use crate::error::AppResult;
use crate::page::{FlashNote, Page, redirect_with};
use crate::state::AppState;
use ::web::forms::FormErrors;
use ::web::i18n::{Msg, parse_date};
use ::web::pages::settings::vat::{VatFormValues, vat_page};
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use inventory::vat::{self, VatChange};
use serde::Deserialize;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/settings/vat", web::get().to(show))
        .route("/settings/vat", web::post().to(schedule));
}

async fn render(
    state: &AppState,
    page: &Page,
    values: &VatFormValues,
    errors: &FormErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let periods = read(state, vat::periods).await?;
    Ok(page.respond(
        status,
        vat_page(&page.ctx, &periods, today(state), values, errors),
    ))
}

async fn show(
    _user: Authed<OwnerRole>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let values = VatFormValues {
        code: "20".into(),
        ..VatFormValues::default()
    };
    render(&state, &page, &values, &FormErrors::new(), StatusCode::OK).await
}

#[derive(Deserialize)]
struct VatForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    rate: String,
    #[serde(default)]
    valid_from: String,
}

async fn schedule(
    AuthedForm { user, form }: AuthedForm<OwnerRole, VatForm>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let values = VatFormValues {
        code: form.code,
        rate: form.rate,
        valid_from: form.valid_from,
    };
    let Some(valid_from) = parse_date(&values.valid_from) else {
        let errors = FormErrors::new().with("valid_from", page.t(Msg::ErrVatDate));
        return render(
            &state,
            &page,
            &values,
            &errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    };
    let (code, rate) = (values.code.clone(), values.rate.clone());
    let (actor, clock, today) = (user.user().id, state.clock.clone(), today(&state));
    let saved = attempt_write(&state, move |conn| {
        let change = VatChange {
            code: Some(code.as_str()).filter(|c| !c.trim().is_empty()),
            rate: &rate,
            valid_from,
        };
        vat::schedule(conn, &change, today, Some(actor), clock.now_naive())
    })
    .await?;
    match saved {
        Ok(_) => Ok(redirect_with("/settings/vat", FlashNote::VatScheduled)),
        Err(e) => {
            let errors = field_error_at(&page, e, "code")?;
            render(
                &state,
                &page,
                &values,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}
