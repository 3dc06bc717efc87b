//! `GET /health`: no login, for monitors and the till's "is the server up".

use crate::state::AppState;
use actix_web::{HttpResponse, web};
use serde::Serialize;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/health", web::get().to(health));
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct Health {
    /// `ok`, or `error` when the database does not answer.
    status: &'static str,
    /// `sqlite` or `postgres`.
    database: &'static str,
}

/// Whether the server and its database answer.
#[utoipa::path(get, path = "/health", tag = "system",
    responses((status = 200, body = Health), (status = 503, body = Health)))]
pub async fn health(state: web::Data<AppState>) -> HttpResponse {
    let database = state.db.backend().name();
    let db = state.db.clone();
    let reachable = web::block(move || db.ping()).await.is_ok_and(|r| r.is_ok());
    if reachable {
        HttpResponse::Ok().json(Health {
            status: "ok",
            database,
        })
    } else {
        HttpResponse::ServiceUnavailable().json(Health {
            status: "error",
            database,
        })
    }
}
