//! `GET /api/v1/me`: who the token belongs to.

use crate::auth::ApiAuthed;
use actix_web::web::Json;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct Me {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    /// `owner`, `manager` or `cashier`.
    pub role: String,
}

/// The user behind the bearer token.
#[utoipa::path(get, path = "/api/v1/me", tag = "accounts",
    security(("bearer" = [])),
    responses(
        (status = 200, body = Me),
        (status = 401, description = "missing or invalid token", body = crate::api::openapi::ErrorBody),
    ))]
pub async fn me(caller: ApiAuthed) -> Json<Me> {
    let user = caller.user;
    Json(Me {
        id: user.id.0,
        username: user.username,
        display_name: user.display_name,
        role: user.role.as_str().to_owned(),
    })
}
