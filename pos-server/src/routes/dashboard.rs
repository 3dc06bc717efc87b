//! `/`: each role's dashboard, which later features fill.

use super::read;
use crate::auth::Authed;
use crate::error::AppResult;
use crate::page::Page;
use crate::state::AppState;
use ::web::i18n::long_date;
use ::web::pages::dashboard::{DashboardData, dashboard_page};
use actix_web::{HttpResponse, web};
use db::accounts::users;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(dashboard));
}

async fn dashboard(
    _user: Authed,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let users_count = read(&state, users::count).await?;
    let today = state
        .clock
        .now()
        .with_timezone(&state.config.timezone)
        .date_naive();
    let data = DashboardData {
        shop_name: None,
        users_count,
        today: long_date(page.lang(), today),
    };
    Ok(page.ok(dashboard_page(&page.ctx, &data)))
}
