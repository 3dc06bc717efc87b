//! `/settings/locations`: the stock locations with their value, a new one, a
//! new name. The owner.

use super::super::products_common::field_error_at;
use super::super::{attempt_write, read};
use crate::auth::{Authed, AuthedForm, OwnerRole};
use crate::error::AppResult;
use crate::page::{FlashNote, Page, redirect_with};
use crate::state::AppState;
use ::web::forms::FormErrors;
use ::web::pages::settings::locations::{location_page, locations_page};
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use inventory::stock::{locations, valuation};
use serde::Deserialize;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/settings/locations", web::get().to(list))
        .route("/settings/locations", web::post().to(create))
        .route("/settings/locations/{id}", web::get().to(show))
        .route("/settings/locations/{id}/rename", web::post().to(rename));
}

#[derive(Deserialize)]
struct NameForm {
    #[serde(default)]
    name: String,
}

async fn render_list(
    state: &AppState,
    page: &Page,
    name: &str,
    errors: &FormErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let value = read(state, valuation::valuation).await?;
    Ok(page.respond(
        status,
        locations_page(&page.ctx, &value.locations, name, errors),
    ))
}

async fn list(
    _user: Authed<OwnerRole>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    render_list(&state, &page, "", &FormErrors::new(), StatusCode::OK).await
}

async fn create(
    AuthedForm { form, .. }: AuthedForm<OwnerRole, NameForm>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let name = form.name.clone();
    let clock = state.clock.clone();
    match attempt_write(&state, move |conn| {
        locations::create(conn, &name, clock.now_naive())
    })
    .await?
    {
        Ok(_) => Ok(redirect_with(
            "/settings/locations",
            FlashNote::LocationSaved,
        )),
        Err(e) => {
            let errors = field_error_at(&page, e, "name")?;
            render_list(
                &state,
                &page,
                &form.name,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

async fn render_one(
    state: &AppState,
    page: &Page,
    id: i64,
    typed: Option<String>,
    errors: &FormErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let location = read(state, move |conn| locations::get(conn, id)).await?;
    let name = typed.unwrap_or_else(|| location.name.clone());
    Ok(page.respond(status, location_page(&page.ctx, &location, &name, errors)))
}

async fn show(
    _user: Authed<OwnerRole>,
    state: web::Data<AppState>,
    page: Page,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    render_one(
        &state,
        &page,
        id.into_inner(),
        None,
        &FormErrors::new(),
        StatusCode::OK,
    )
    .await
}

async fn rename(
    AuthedForm { form, .. }: AuthedForm<OwnerRole, NameForm>,
    state: web::Data<AppState>,
    page: Page,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let name = form.name.clone();
    match attempt_write(&state, move |conn| locations::rename(conn, id, &name)).await? {
        Ok(_) => Ok(redirect_with(
            "/settings/locations",
            FlashNote::LocationSaved,
        )),
        Err(e) => {
            let errors = field_error_at(&page, e, "name")?;
            render_one(
                &state,
                &page,
                id,
                Some(form.name),
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}
