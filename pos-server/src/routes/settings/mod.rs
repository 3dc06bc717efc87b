//! `/settings`: the page that leads to what rarely changes, and those pages.

mod categories;
mod locations;
mod scales;
mod shop;
mod tills;
mod vat;

use crate::auth::{Authed, ManagerRole};
use crate::error::{AppError, AppResult, sales_error_field};
use crate::page::Page;
use crate::state::AppState;
use ::web::forms::FormErrors;
use ::web::pages::settings::settings_page;
use actix_web::{HttpResponse, web};
use chrono::NaiveDate;
use sales::SalesError;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/settings", web::get().to(index));
    categories::configure(cfg);
    locations::configure(cfg);
    vat::configure(cfg);
    scales::configure(cfg);
    tills::configure(cfg);
    shop::configure(cfg);
}

/// Managers see the settings they may change; the owner sees them all.
async fn index(_user: Authed<ManagerRole>, page: Page) -> AppResult<HttpResponse> {
    Ok(page.ok(settings_page(&page.ctx)))
}

/// Today in the shop's time zone.
fn today(state: &AppState) -> NaiveDate {
    state
        .clock
        .now()
        .with_timezone(&state.config.timezone)
        .date_naive()
}

/// A till or shop refusal, next to its field (an error of the database or a
/// missing record is the page's, not the field's).
fn sales_field_error(page: &Page, e: SalesError) -> Result<FormErrors, AppError> {
    match e {
        SalesError::Db(_) | SalesError::Inventory(_) | SalesError::NotFound { .. } => Err(e.into()),
        other => {
            let field = sales_error_field(&other);
            Ok(FormErrors::new().with(field, AppError::from(&other).message(page.lang())))
        }
    }
}
