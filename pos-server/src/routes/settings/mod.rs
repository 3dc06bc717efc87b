//! `/settings`: the page that leads to what rarely changes, and those pages.

mod categories;
mod locations;
mod scales;
mod vat;

use crate::auth::{Authed, ManagerRole};
use crate::error::AppResult;
use crate::page::Page;
use crate::state::AppState;
use ::web::pages::settings::settings_page;
use actix_web::{HttpResponse, web};
use chrono::NaiveDate;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/settings", web::get().to(index));
    categories::configure(cfg);
    locations::configure(cfg);
    vat::configure(cfg);
    scales::configure(cfg);
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
