//! `/settings/tills`: the tills, a new one, and one till's page to change its
//! name, printer, paper width and drawer, or to archive it. The owner.

use super::super::{attempt_write, read};
use super::sales_field_error;
use crate::auth::{Authed, AuthedForm, OwnerRole};
use crate::error::AppResult;
use crate::page::{FlashNote, Page, redirect_with};
use crate::state::AppState;
use ::web::forms::FormErrors;
use ::web::pages::settings::tills::{TillFormValues, TillRow, till_page, tills_page};
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use sales::tills::{self, TillFields};
use sales::{SalesError, sessions, shops};
use serde::Deserialize;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/settings/tills", web::get().to(list))
        .route("/settings/tills", web::post().to(create))
        .route("/settings/tills/{code}", web::get().to(show))
        .route("/settings/tills/{code}", web::post().to(update));
}

/// The form as posted; a checkbox left unticked is not sent at all.
#[derive(Deserialize)]
struct TillForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    printer: String,
    #[serde(default)]
    printer_columns: String,
    drawer_on_cash: Option<String>,
    active: Option<String>,
}

impl TillForm {
    fn values(self) -> TillFormValues {
        TillFormValues {
            code: self.code,
            name: self.name,
            printer: self.printer,
            printer_columns: self.printer_columns,
            drawer_on_cash: self.drawer_on_cash.is_some(),
            active: self.active.is_some(),
        }
    }
}

/// What the domain checks: a width that is no number is none of 42 or 48.
fn fields(values: &TillFormValues) -> TillFields<'_> {
    TillFields {
        code: &values.code,
        name: &values.name,
        printer: Some(values.printer.as_str()),
        printer_columns: values.printer_columns.trim().parse().unwrap_or(0),
        drawer_on_cash: values.drawer_on_cash,
    }
}

async fn render_list(
    state: &AppState,
    page: &Page,
    values: &TillFormValues,
    errors: &FormErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let rows = read(state, |conn| -> Result<_, SalesError> {
        let mut rows = Vec::new();
        for till in tills::all(conn)? {
            let open = sessions::current(conn, till.id)?.is_some();
            rows.push(TillRow { till, open });
        }
        Ok(rows)
    })
    .await?;
    Ok(page.respond(status, tills_page(&page.ctx, &rows, values, errors)))
}

async fn list(
    _user: Authed<OwnerRole>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let values = TillFormValues::default();
    render_list(&state, &page, &values, &FormErrors::new(), StatusCode::OK).await
}

async fn create(
    AuthedForm { form, .. }: AuthedForm<OwnerRole, TillForm>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let values = form.values();
    let (typed, clock) = (values.clone(), state.clock.clone());
    let created = attempt_write(&state, move |conn| {
        let shop = shops::main_shop(conn)?;
        tills::create(conn, shop.id(), &fields(&typed), clock.now_naive())
    })
    .await?;
    match created {
        Ok(_) => Ok(redirect_with("/settings/tills", FlashNote::TillCreated)),
        Err(e) => {
            let errors = sales_field_error(&page, e)?;
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            render_list(&state, &page, &values, &errors, status).await
        }
    }
}

async fn render_one(
    state: &AppState,
    page: &Page,
    code: String,
    typed: Option<TillFormValues>,
    errors: &FormErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let till = read(state, move |conn| tills::by_code(conn, &code)).await?;
    let values = typed.unwrap_or_else(|| TillFormValues::of(&till));
    Ok(page.respond(status, till_page(&page.ctx, &till, &values, errors)))
}

async fn show(
    _user: Authed<OwnerRole>,
    state: web::Data<AppState>,
    page: Page,
    code: web::Path<String>,
) -> AppResult<HttpResponse> {
    let code = code.into_inner();
    render_one(
        &state,
        &page,
        code,
        None,
        &FormErrors::new(),
        StatusCode::OK,
    )
    .await
}

async fn update(
    AuthedForm { form, .. }: AuthedForm<OwnerRole, TillForm>,
    state: web::Data<AppState>,
    page: Page,
    code: web::Path<String>,
) -> AppResult<HttpResponse> {
    let code = code.into_inner();
    let values = TillFormValues {
        code: code.clone(),
        ..form.values()
    };
    let (typed, clock) = (values.clone(), state.clock.clone());
    let saved = attempt_write(&state, move |conn| {
        tills::update(
            conn,
            &typed.code,
            &fields(&typed),
            typed.active,
            clock.now_naive(),
        )
    })
    .await?;
    match saved {
        Ok(_) => Ok(redirect_with("/settings/tills", FlashNote::TillSaved)),
        Err(e) => {
            let errors = sales_field_error(&page, e)?;
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            render_one(&state, &page, code, Some(values), &errors, status).await
        }
    }
}
