//! `/users`: the owner adds users, changes roles, disables, resets passwords and
//! PINs, and logs a user out everywhere.

use super::setup::account_errors;
use super::{blocking, read};
use crate::auth::{Authed, AuthedForm, OwnerRole};
use crate::error::{AppError, AppResult};
use crate::page::{FlashNote, Page, redirect_with};
use crate::state::AppState;
use ::web::forms::FormErrors;
use ::web::i18n::{Msg, short_datetime};
use ::web::pages::users::{NewUserValues, UserRow, user_edit_page, users_page};
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use db::Role;
use db::accounts::users::{self, NewUser, UserChanges};
use db::accounts::{AccountError, HashedPassword, HashedPin, User};
use db::ids::UserId;
use serde::Deserialize;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/users", web::get().to(list))
        .route("/users", web::post().to(create))
        .route("/users/{id}", web::get().to(edit))
        .route("/users/{id}", web::post().to(update))
        .route("/users/{id}/password", web::post().to(reset_password))
        .route("/users/{id}/pin", web::post().to(set_pin))
        .route(
            "/users/{id}/sessions/revoke",
            web::post().to(revoke_sessions),
        );
}

fn row(state: &AppState, user: User) -> UserRow {
    let local = |at: chrono::NaiveDateTime| short_datetime(state.local(at));
    UserRow {
        id: user.id.0,
        username: user.username,
        display_name: user.display_name,
        role: user.role,
        active: user.active,
        has_pin: user.has_pin,
        last_login: user.last_login_at.map(local),
    }
}

async fn all_rows(state: &AppState) -> AppResult<Vec<UserRow>> {
    let all = read(state, users::list).await?;
    Ok(all.into_iter().map(|u| row(state, u)).collect())
}

async fn one_row(state: &AppState, id: i64) -> AppResult<UserRow> {
    let user = read(state, move |conn| users::get(conn, UserId(id))).await?;
    Ok(row(state, user))
}

async fn list(
    _owner: Authed<OwnerRole>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let rows = all_rows(&state).await?;
    Ok(page.ok(users_page(
        &page.ctx,
        &rows,
        &NewUserValues::default(),
        &FormErrors::new(),
    )))
}

#[derive(Deserialize)]
struct NewUserForm {
    username: String,
    display_name: String,
    #[serde(default)]
    role: String,
    password: String,
    #[serde(default)]
    pin: String,
}

/// Hashes a password and an optional PIN before any transaction opens.
fn hash_secrets(
    password: &str,
    pin: &str,
) -> Result<(HashedPassword, Option<HashedPin>), AccountError> {
    let password = HashedPassword::new(password)?;
    let pin = match pin.trim() {
        "" => None,
        pin => Some(HashedPin::new(pin)?),
    };
    Ok((password, pin))
}

async fn create(
    AuthedForm { user: owner, form }: AuthedForm<OwnerRole, NewUserForm>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let role = form.role.parse::<Role>().ok();
    let values = NewUserValues {
        username: form.username.clone(),
        display_name: form.display_name.clone(),
        role,
    };
    let st = state.clone();
    let actor = owner.user().id;
    let result = blocking(move || {
        let Some(role) = role else {
            return Ok(Err(None));
        };
        let (password, pin) = match hash_secrets(&form.password, &form.pin) {
            Ok(secrets) => secrets,
            Err(e) => return Ok(Err(Some(e))),
        };
        let now = st.clock.now_naive();
        let new = NewUser {
            username: &form.username,
            display_name: &form.display_name,
            role,
            password: &password,
            pin: pin.as_ref(),
        };
        Ok(st
            .db
            .write(|conn| users::create(conn, &new, Some(actor), now))
            .map_err(Some))
    })
    .await?;
    let errors = match result {
        Ok(_) => return Ok(redirect_with("/users", FlashNote::UserCreated)),
        Err(None) => FormErrors::new().with("role", page.t(Msg::ErrRoleRequired)),
        Err(Some(AccountError::Db(e))) => return Err(e.into()),
        Err(Some(e)) => account_errors(&page, e),
    };
    let rows = all_rows(&state).await?;
    Ok(page.respond(
        StatusCode::UNPROCESSABLE_ENTITY,
        users_page(&page.ctx, &rows, &values, &errors),
    ))
}

async fn edit(
    _owner: Authed<OwnerRole>,
    state: web::Data<AppState>,
    page: Page,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let user = one_row(&state, id.into_inner()).await?;
    Ok(page.ok(user_edit_page(&page.ctx, &user, &FormErrors::new())))
}

/// Runs one change on a user; a refusal is shown on the user's page, next to its field.
async fn change(
    state: &AppState,
    page: &Page,
    id: i64,
    success: FlashNote,
    work: impl FnOnce(&AppState, UserId) -> Result<(), AccountError> + Send + 'static,
) -> AppResult<HttpResponse> {
    let st = state.clone();
    let result = blocking(move || Ok(work(&st, UserId(id)))).await?;
    let errors = match result {
        Ok(()) => return Ok(redirect_with(&format!("/users/{id}"), success)),
        Err(AccountError::NotFound) => return Err(AppError::not_found()),
        Err(AccountError::Db(e)) => return Err(e.into()),
        Err(e) => account_errors(page, e),
    };
    let user = one_row(state, id).await?;
    Ok(page.respond(
        StatusCode::UNPROCESSABLE_ENTITY,
        user_edit_page(&page.ctx, &user, &errors),
    ))
}

#[derive(Deserialize)]
struct UpdateForm {
    display_name: String,
    #[serde(default)]
    role: String,
    active: Option<String>,
}

async fn update(
    AuthedForm { user: owner, form }: AuthedForm<OwnerRole, UpdateForm>,
    state: web::Data<AppState>,
    page: Page,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let Ok(role) = form.role.parse::<Role>() else {
        let user = one_row(&state, id).await?;
        let errors = FormErrors::new().with("role", page.t(Msg::ErrRoleRequired));
        return Ok(page.respond(
            StatusCode::UNPROCESSABLE_ENTITY,
            user_edit_page(&page.ctx, &user, &errors),
        ));
    };
    let actor = owner.user().id;
    change(&state, &page, id, FlashNote::UserSaved, move |st, id| {
        let changes = UserChanges {
            display_name: &form.display_name,
            role,
            active: form.active.is_some(),
        };
        let now = st.clock.now_naive();
        st.db
            .write(|conn| users::update(conn, id, &changes, Some(actor), now))
            .map(|_| ())
    })
    .await
}

#[derive(Deserialize)]
struct PasswordForm {
    password: String,
}

async fn reset_password(
    AuthedForm { user: owner, form }: AuthedForm<OwnerRole, PasswordForm>,
    state: web::Data<AppState>,
    page: Page,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let actor = owner.user().id;
    change(
        &state,
        &page,
        id.into_inner(),
        FlashNote::PasswordReset,
        move |st, id| {
            let password = HashedPassword::new(&form.password)?;
            let now = st.clock.now_naive();
            st.db
                .write(|conn| users::set_password(conn, id, &password, Some(actor), now))
        },
    )
    .await
}

#[derive(Deserialize)]
struct PinForm {
    #[serde(default)]
    pin: String,
}

async fn set_pin(
    AuthedForm { user: owner, form }: AuthedForm<OwnerRole, PinForm>,
    state: web::Data<AppState>,
    page: Page,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let actor = owner.user().id;
    let removing = form.pin.trim().is_empty();
    let note = if removing {
        FlashNote::PinRemoved
    } else {
        FlashNote::PinSaved
    };
    change(&state, &page, id.into_inner(), note, move |st, id| {
        let pin = if removing {
            None
        } else {
            Some(HashedPin::new(form.pin.trim())?)
        };
        let now = st.clock.now_naive();
        st.db
            .write(|conn| users::set_pin(conn, id, pin.as_ref(), Some(actor), now))
    })
    .await
}

#[derive(Deserialize)]
struct Empty {}

async fn revoke_sessions(
    AuthedForm { user: owner, .. }: AuthedForm<OwnerRole, Empty>,
    state: web::Data<AppState>,
    page: Page,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let actor = owner.user().id;
    change(
        &state,
        &page,
        id.into_inner(),
        FlashNote::SessionsRevoked,
        move |st, id| {
            let now = st.clock.now_naive();
            st.db
                .write(|conn| users::log_out_everywhere(conn, id, Some(actor), now))
                .map(|_| ())
        },
    )
    .await
}
