//! The pages' routes. Each handler states its least role in its signature.

mod account;
mod assets;
mod cards;
// customer pages
pub(crate) mod customers;
mod customers_actions;
mod customers_export;
mod customers_import;
mod customers_loyalty;
mod customers_rights;
mod dashboard;
pub(crate) mod health;
mod login;
mod product_import;
mod products;
mod products_common;
pub(crate) mod public;
mod purchasing;
mod receiving;
mod sales;
mod sessions;
mod settings;
mod setup;
mod stocktakes;
mod suppliers;
mod till;
mod upload;
mod users;
mod valuation;

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    assets::configure(cfg);
    health::configure(cfg);
    setup::configure(cfg);
    login::configure(cfg);
    dashboard::configure(cfg);
    users::configure(cfg);
    product_import::configure(cfg);
    products::configure(cfg);
    suppliers::configure(cfg);
    purchasing::configure(cfg);
    stocktakes::configure(cfg);
    settings::configure(cfg);
    valuation::configure(cfg);
    till::configure(cfg);
    cards::configure(cfg);
    account::configure(cfg);
    // customers' own pages, without login
    public::configure(cfg);
    // back office sales
    sales::configure(cfg);
    sessions::configure(cfg);
    // customer pages: the fixed paths before `/customers/{id}`.
    customers_import::configure(cfg);
    customers_export::configure(cfg);
    customers_rights::configure(cfg);
    customers_actions::configure(cfg);
    customers_loyalty::configure(cfg);
    customers::configure(cfg);
}

/// Runs a read on the database off the async workers.
pub(crate) async fn read<T, E>(
    state: &crate::state::AppState,
    f: impl FnOnce(&mut db::DbConn) -> Result<T, E> + Send + 'static,
) -> Result<T, crate::error::AppError>
where
    T: Send + 'static,
    E: From<db::DbError> + Into<crate::error::AppError> + Send + 'static,
{
    let db = state.db.clone();
    web::block(move || db.read(f).map_err(Into::into)).await?
}

/// Runs `f` in one write transaction off the async workers.
pub(crate) async fn write<T, E>(
    state: &crate::state::AppState,
    f: impl FnOnce(&mut db::DbConn) -> Result<T, E> + Send + 'static,
) -> Result<T, crate::error::AppError>
where
    T: Send + 'static,
    E: From<db::DbError> + Into<crate::error::AppError> + Send + 'static,
{
    let db = state.db.clone();
    web::block(move || db.write(f).map_err(Into::into)).await?
}

/// Runs `f` in one write transaction off the async workers, and hands back its
/// own error (after the rollback) for the page to show next to a field.
pub(crate) async fn attempt_write<T, E>(
    state: &crate::state::AppState,
    f: impl FnOnce(&mut db::DbConn) -> Result<T, E> + Send + 'static,
) -> Result<Result<T, E>, crate::error::AppError>
where
    T: Send + 'static,
    E: From<db::DbError> + Send + 'static,
{
    let db = state.db.clone();
    Ok(web::block(move || db.write(f)).await?)
}

/// Like [`write`], in a transaction that other tills' writes may share
/// (group commit on SQLite, see [`db::Db::write_grouped`]): for the refunds
/// the tills post.
pub(crate) async fn write_grouped<T, E>(
    state: &crate::state::AppState,
    f: impl FnOnce(&mut db::DbConn) -> Result<T, E> + Send + 'static,
) -> Result<T, crate::error::AppError>
where
    T: Send + 'static,
    E: From<db::DbError> + Into<crate::error::AppError> + Send + 'static,
{
    let db = state.db.clone();
    web::block(move || db.write_grouped(f).map_err(Into::into)).await?
}

/// Runs blocking work (database, password hashing) off the async workers.
pub(crate) async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, crate::error::AppError> + Send + 'static,
) -> Result<T, crate::error::AppError> {
    web::block(f).await?
}
