//! `/api/v1/users`: the owner lists and adds users from another program.

use crate::auth::{ApiAuthed, ApiJson, OwnerRole};
use crate::error::AppResult;
use crate::routes::{blocking, read};
use crate::state::AppState;
use actix_web::HttpResponse;
use actix_web::web::{self, Json};
use db::Role;
use db::accounts::users::{self, NewUser};
use db::accounts::{HashedPassword, HashedPin, User};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct UserOut {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    /// `owner`, `manager` or `cashier`.
    pub role: String,
    pub active: bool,
    pub has_pin: bool,
}

impl From<User> for UserOut {
    fn from(u: User) -> Self {
        UserOut {
            id: u.id.0,
            username: u.username,
            display_name: u.display_name,
            role: u.role.as_str().to_owned(),
            active: u.active,
            has_pin: u.has_pin,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct UserList {
    pub items: Vec<UserOut>,
}

/// Every user, active ones first.
#[utoipa::path(get, path = "/api/v1/users", tag = "accounts", security(("bearer" = [])),
    responses((status = 200, body = UserList), (status = 401, body = crate::api::openapi::ErrorBody),
        (status = 403, body = crate::api::openapi::ErrorBody)))]
pub async fn list(
    _owner: ApiAuthed<OwnerRole>,
    state: web::Data<AppState>,
) -> AppResult<Json<UserList>> {
    let all = read(&state, users::list).await?;
    Ok(Json(UserList {
        items: all.into_iter().map(UserOut::from).collect(),
    }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewUserIn {
    pub username: String,
    /// Defaults to the user name.
    pub display_name: Option<String>,
    /// `owner`, `manager` or `cashier`.
    #[schema(value_type = String)]
    pub role: Role,
    /// At least 8 characters.
    pub password: String,
    /// 4 to 8 digits, for the till.
    pub pin: Option<String>,
}

/// Adds a user.
#[utoipa::path(post, path = "/api/v1/users", tag = "accounts", security(("bearer" = [])),
    request_body = NewUserIn,
    responses((status = 201, body = UserOut), (status = 400, body = crate::api::openapi::ErrorBody),
        (status = 401, body = crate::api::openapi::ErrorBody), (status = 403, body = crate::api::openapi::ErrorBody),
        (status = 409, body = crate::api::openapi::ErrorBody), (status = 422, body = crate::api::openapi::ErrorBody)))]
pub async fn create(
    ApiJson {
        caller,
        body: input,
    }: ApiJson<OwnerRole, NewUserIn>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let actor = caller.user.id;
    let st = state.clone();
    let user = blocking(move || {
        let username = users::normalize_username(&input.username)?;
        let password = HashedPassword::new(&input.password)?;
        let pin = input.pin.as_deref().map(HashedPin::new).transpose()?;
        let display_name = input.display_name.unwrap_or_else(|| username.clone());
        let now = st.clock.now_naive();
        let new = NewUser {
            username: &username,
            display_name: &display_name,
            role: input.role,
            password: &password,
            pin: pin.as_ref(),
        };
        Ok(st
            .db
            .write(|conn| users::create(conn, &new, Some(actor), now))?)
    })
    .await?;
    Ok(HttpResponse::Created().json(UserOut::from(user)))
}
