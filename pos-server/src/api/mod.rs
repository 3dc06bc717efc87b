//! The JSON API under `/api/v1`: bearer tokens, the JSON error shape, decimal
//! strings, and its OpenAPI document generated from the code.

mod cards;
mod customers;
mod fields;
mod me;
pub(crate) mod openapi;
mod products;
mod purchasing;
mod sales;
mod suppliers;
mod tills;
mod users;

use crate::error::AppError;
use ::web::i18n::Msg;
use actix_web::web;

pub use openapi::ApiDoc;

pub fn scope() -> actix_web::Scope {
    web::scope("/api/v1")
        .app_data(json_config())
        .app_data(query_config())
        .app_data(path_config())
        .route("/openapi.json", web::get().to(openapi::document))
        .route("/me", web::get().to(me::me))
        .route("/users", web::get().to(users::list))
        .route("/users", web::post().to(users::create))
        .route("/products", web::get().to(products::list))
        .route("/products", web::post().to(products::create))
        .route("/products/{id}", web::get().to(products::get))
        .route("/products/{id}", web::patch().to(products::patch))
        .route(
            "/products/{id}/movements",
            web::get().to(products::movements),
        )
        .route("/suppliers", web::get().to(suppliers::list))
        .route("/suppliers", web::post().to(suppliers::create))
        .route(
            "/suppliers/{id}/products",
            web::get().to(suppliers::products),
        )
        .route(
            "/suppliers/{id}/products/{product_id}",
            web::put().to(suppliers::set_terms),
        )
        .route("/purchase-orders", web::post().to(purchasing::create))
        .route("/purchase-orders/{id}", web::get().to(purchasing::get))
        .route(
            "/purchase-orders/{id}/receive",
            web::post().to(purchasing::receive),
        )
        .route("/stock/adjustments", web::post().to(purchasing::adjust))
        .route("/tills", web::get().to(tills::list))
        .route("/tills", web::post().to(tills::create))
        .route("/tills/{code}/sessions", web::post().to(tills::open))
        .route(
            "/tills/{code}/sessions/current",
            web::get().to(tills::current),
        )
        .route(
            "/tills/{code}/sessions/current/cash",
            web::post().to(tills::cash),
        )
        .route(
            "/tills/{code}/sessions/current/close",
            web::post().to(tills::close),
        )
        .route("/tills/{code}/held", web::get().to(tills::held))
        .route("/tills/{code}/held", web::post().to(tills::hold))
        .route("/held/{id}/take", web::post().to(tills::take))
        .route("/cards/{number}", web::get().to(cards::get))
        .route("/customers", web::get().to(customers::list))
        .route("/customers", web::post().to(customers::create))
        .route("/customers/{id}", web::get().to(customers::get))
        .route("/customers/{id}/export", web::get().to(customers::export))
        .route("/customers/{id}/erase", web::post().to(customers::erase))
        .route("/sales", web::get().to(sales::list))
        .route("/sales", web::post().to(sales::create))
        .route("/sales/{id}", web::get().to(sales::get))
        .route("/sales/{id}/print", web::post().to(sales::print))
        .route("/sales/{id}/refund", web::post().to(sales::refund))
        .route("/sales/{id}/email", web::post().to(sales::email))
        .route("/refunds", web::post().to(sales::blind_refund))
        .default_service(web::to(not_found))
}

async fn not_found() -> Result<actix_web::HttpResponse, AppError> {
    Err(AppError::not_found())
}

/// A malformed body is a 400 with what serde said, never a 500.
fn json_config() -> web::JsonConfig {
    web::JsonConfig::default()
        .limit(1024 * 1024)
        .error_handler(|err, _req| {
            AppError::bad_request(Msg::ErrBadJson)
                .arg("detail", err.to_string())
                .into()
        })
}

fn query_config() -> web::QueryConfig {
    web::QueryConfig::default().error_handler(|err, _req| {
        AppError::bad_request(Msg::ErrBadQuery)
            .arg("detail", err.to_string())
            .into()
    })
}

fn path_config() -> web::PathConfig {
    web::PathConfig::default().error_handler(|_err, _req| AppError::not_found().into())
}
