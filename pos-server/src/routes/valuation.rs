//! `/stock/valuation`: what the stock is worth. Managers and the owner.

use super::read;
use crate::auth::{Authed, ManagerRole};
use crate::error::AppResult;
use crate::page::Page;
use crate::state::AppState;
use ::web::pages::valuation::valuation_page;
use actix_web::{HttpResponse, web};
use inventory::stock::valuation;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/stock/valuation", web::get().to(show));
}

async fn show(
    _user: Authed<ManagerRole>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let value = read(&state, valuation::valuation).await?;
    Ok(page.ok(valuation_page(&page.ctx, &value)))
}
