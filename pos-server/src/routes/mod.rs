//! The pages' routes. Each handler states its least role in its signature.

mod account;
mod assets;
mod dashboard;
pub(crate) mod health;
mod login;
mod setup;
mod users;

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    assets::configure(cfg);
    health::configure(cfg);
    setup::configure(cfg);
    login::configure(cfg);
    dashboard::configure(cfg);
    users::configure(cfg);
    account::configure(cfg);
}

/// Runs blocking database work off the async workers.
pub(crate) async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, crate::error::AppError> + Send + 'static,
) -> Result<T, crate::error::AppError> {
    web::block(f).await?
}
