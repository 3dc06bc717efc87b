//! `/`: each role's dashboard, which later features fill.

use super::read;
use crate::auth::Authed;
use crate::error::AppResult;
use crate::page::Page;
use crate::state::AppState;
use ::web::i18n::long_date;
use ::web::pages::dashboard::{DashboardData, dashboard_page};
use actix_web::{HttpResponse, web};
use db::Role;
use db::accounts::users;
use inventory::InventoryError;
use inventory::catalogue::products::{self, Search};
use inventory::stock::movements;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(dashboard));
}

async fn dashboard(
    user: Authed,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let users_count = read(&state, users::count).await?;
    // Stock figures are for those who manage it.
    let (low_stock, negative_stock) = if user.role().allows(Role::Manager) {
        read(&state, |conn| -> Result<_, InventoryError> {
            let low = products::search(
                conn,
                &Search {
                    low_stock_only: true,
                    limit: i64::MAX,
                    ..Search::default()
                },
            )?;
            Ok((low.len(), movements::products_below_zero(conn)?))
        })
        .await?
    } else {
        (0, 0)
    };
    let today = state
        .clock
        .now()
        .with_timezone(&state.config.timezone)
        .date_naive();
    let data = DashboardData {
        shop_name: None,
        users_count,
        today: long_date(page.lang(), today),
        low_stock,
        negative_stock,
    };
    Ok(page.ok(dashboard_page(&page.ctx, &data)))
}
