//! Login with a password, login at the till with a PIN, logout. Attempts are
//! rate-limited per user name and per address.

use super::setup::user_agent;
use super::{blocking, read};
use crate::auth::{CsrfForm, SESSION_COOKIE, client_address, session_cookie, session_removal};
use crate::error::{AppError, AppResult};
use crate::page::{FlashNote, Page, redirect, redirect_with};
use crate::state::AppState;
use ::web::i18n::Msg;
use ::web::pages::login::{PinUser, login_page, pin_login_page};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use db::accounts::sessions::{self, NewSession};
use db::accounts::throttle::{self, AttemptKind};
use db::accounts::{AccountError, password, users};
use serde::Deserialize;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/login", web::get().to(show_login))
        .route("/login", web::post().to(login))
        .route("/login/pin", web::get().to(show_pin_login))
        .route("/login/pin", web::post().to(pin_login))
        .route("/logout", web::post().to(logout));
}

#[derive(Deserialize)]
struct NextQuery {
    next: Option<String>,
}

/// Only a path of this site: never `//evil.example` or `https://…`.
fn safe_next(next: Option<&str>) -> Option<&str> {
    next.filter(|n| n.starts_with('/') && !n.starts_with("//") && !n.contains('\\'))
}

async fn show_login(
    state: web::Data<AppState>,
    page: Page,
    query: web::Query<NextQuery>,
) -> AppResult<HttpResponse> {
    if page.ctx.user.is_some() {
        return Ok(redirect("/"));
    }
    let has_users = read(&state, users::count).await? > 0;
    let next = safe_next(query.next.as_deref());
    let notice = (!has_users).then(|| page.t(Msg::NotSetUpYet));
    Ok(page.ok(login_page(&page.ctx, "", next, notice)))
}

#[derive(Deserialize)]
struct LoginForm {
    username: String,
    password: String,
    next: Option<String>,
}

/// What a login attempt came to.
enum Outcome {
    LoggedIn(String),
    Refused,
    Throttled(AppError),
}

/// Checks the secret (slow hashing outside any transaction), records the attempt
/// and opens the session in one write.
async fn attempt(
    req: &HttpRequest,
    state: &AppState,
    kind: AttemptKind,
    username: String,
    secret: String,
) -> AppResult<Outcome> {
    let address = client_address(req);
    let user_agent = user_agent(req);
    let st = state.clone();
    blocking(move || {
        let now = st.clock.now_naive();
        let checked = st.db.read(|conn| {
            throttle::check(conn, kind, &username, &address, now)?;
            users::credentials(conn, &username)
        });
        let found = match checked {
            Err(AccountError::Throttled { retry_after }) => {
                return Ok(Outcome::Throttled(
                    AccountError::Throttled { retry_after }.into(),
                ));
            }
            other => other?,
        };
        let (user, stored) = match &found {
            Some((user, password_hash, pin_hash)) => {
                let stored = match kind {
                    AttemptKind::Password => Some(password_hash.as_str()),
                    AttemptKind::Pin => pin_hash.as_deref(),
                };
                (Some(user), stored)
            }
            None => (None, None),
        };
        let matches = password::verify(&secret, stored);
        let user = user.filter(|u| matches && u.active);
        let session = st.db.write(|conn| {
            throttle::record(conn, kind, &username, &address, user.is_some(), now)?;
            let Some(user) = user else { return Ok(None) };
            users::record_login(conn, user.id, now)?;
            let new = NewSession {
                user_id: user.id,
                via_pin: kind == AttemptKind::Pin,
                ip: Some(&address),
                user_agent: user_agent.as_deref(),
            };
            sessions::create(conn, &new, now).map(Some)
        });
        Ok(match session.map_err(AppError::from)? {
            Some(secret) => Outcome::LoggedIn(secret),
            None => Outcome::Refused,
        })
    })
    .await
}

fn logged_in(state: &AppState, secret: String, next: &str) -> AppResult<HttpResponse> {
    let mut response = redirect(next);
    response
        .add_cookie(&session_cookie(secret, state.config.secure_cookies))
        .map_err(AppError::internal)?;
    Ok(response)
}

async fn login(
    req: HttpRequest,
    state: web::Data<AppState>,
    page: Page,
    CsrfForm(form): CsrfForm<LoginForm>,
) -> AppResult<HttpResponse> {
    let next = safe_next(form.next.as_deref()).unwrap_or("/").to_owned();
    let outcome = attempt(
        &req,
        &state,
        AttemptKind::Password,
        form.username.clone(),
        form.password,
    )
    .await?;
    let refuse = |message: &str| login_page(&page.ctx, &form.username, Some(&next), Some(message));
    match outcome {
        Outcome::LoggedIn(secret) => logged_in(&state, secret, &next),
        Outcome::Refused => Ok(page.respond(
            StatusCode::UNAUTHORIZED,
            refuse(page.t(Msg::ErrBadCredentials)),
        )),
        Outcome::Throttled(e) => Ok(page.respond(
            StatusCode::TOO_MANY_REQUESTS,
            refuse(&e.message(page.lang())),
        )),
    }
}

async fn pin_users(state: &AppState) -> AppResult<Vec<PinUser>> {
    let users = read(state, users::with_pin).await?;
    Ok(users
        .into_iter()
        .map(|u| PinUser {
            username: u.username,
            display_name: u.display_name,
        })
        .collect())
}

async fn show_pin_login(state: web::Data<AppState>, page: Page) -> AppResult<HttpResponse> {
    if page.ctx.user.is_some() {
        return Ok(redirect("/"));
    }
    let cashiers = pin_users(&state).await?;
    Ok(page.ok(pin_login_page(&page.ctx, &cashiers, None, None)))
}

#[derive(Deserialize)]
struct PinForm {
    #[serde(default)]
    username: String,
    pin: String,
}

async fn pin_login(
    req: HttpRequest,
    state: web::Data<AppState>,
    page: Page,
    CsrfForm(form): CsrfForm<PinForm>,
) -> AppResult<HttpResponse> {
    let outcome = attempt(
        &req,
        &state,
        AttemptKind::Pin,
        form.username.clone(),
        form.pin,
    )
    .await?;
    let (status, message) = match outcome {
        Outcome::LoggedIn(secret) => return logged_in(&state, secret, "/"),
        Outcome::Refused => (StatusCode::UNAUTHORIZED, page.t(Msg::ErrBadPin).to_owned()),
        Outcome::Throttled(e) => (StatusCode::TOO_MANY_REQUESTS, e.message(page.lang())),
    };
    let cashiers = pin_users(&state).await?;
    let markup = pin_login_page(&page.ctx, &cashiers, Some(&form.username), Some(&message));
    Ok(page.respond(status, markup))
}

#[derive(Deserialize)]
struct Empty {}

async fn logout(
    req: HttpRequest,
    state: web::Data<AppState>,
    CsrfForm(_): CsrfForm<Empty>,
) -> AppResult<HttpResponse> {
    if let Some(cookie) = req.cookie(SESSION_COOKIE) {
        let secret = cookie.value().to_owned();
        let st = state.clone();
        blocking(move || {
            let now = st.clock.now_naive();
            st.db
                .write(|conn| sessions::revoke(conn, &secret, now))
                .map_err(AppError::from)
        })
        .await?;
    }
    let mut response = redirect_with("/login", FlashNote::LoggedOut);
    response
        .add_cookie(&session_removal())
        .map_err(AppError::internal)?;
    Ok(response)
}
