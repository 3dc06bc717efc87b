//! First start: the owner creates the first account at the one-time address the
//! console printed. The page refuses without its token and is gone once any user
//! exists.

use super::{blocking, read};
use crate::auth::{CsrfForm, client_address, session_cookie};
use crate::error::{AppError, AppResult, ErrorKind, account_error_field};
use crate::page::{FlashNote, Page, redirect_with};
use crate::state::AppState;
use ::web::forms::FormErrors;
use ::web::i18n::Msg;
use ::web::pages::setup::{SetupValues, setup_page};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use db::Role;
use db::accounts::sessions::{self, NewSession};
use db::accounts::users::{self, NewUser};
use db::accounts::{AccountError, HashedPassword};
use serde::Deserialize;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/setup", web::get().to(show))
        .route("/setup", web::post().to(create_owner));
}

#[derive(Deserialize)]
struct TokenQuery {
    token: Option<String>,
}

/// Refuses unless the database has no user (404) and the token is right (403).
async fn check_gate(state: &AppState, token: &str) -> AppResult<()> {
    let count = read(state, users::count).await?;
    if count > 0 {
        state.setup.close();
        return Err(AppError::not_found());
    }
    if !state.setup.accepts(token) {
        return Err(AppError::new(ErrorKind::Forbidden, Msg::ErrSetupToken));
    }
    Ok(())
}

async fn show(
    state: web::Data<AppState>,
    page: Page,
    query: web::Query<TokenQuery>,
) -> AppResult<HttpResponse> {
    let token = query.into_inner().token.unwrap_or_default();
    check_gate(&state, &token).await?;
    Ok(page.ok(setup_page(
        &page.ctx,
        &token,
        &SetupValues::default(),
        &FormErrors::new(),
    )))
}

#[derive(Deserialize)]
struct SetupForm {
    token: String,
    username: String,
    display_name: String,
    password: String,
    password_confirm: String,
}

async fn create_owner(
    req: HttpRequest,
    state: web::Data<AppState>,
    page: Page,
    CsrfForm(form): CsrfForm<SetupForm>,
) -> AppResult<HttpResponse> {
    check_gate(&state, &form.token).await?;
    let values = SetupValues {
        username: form.username.clone(),
        display_name: form.display_name.clone(),
    };
    let resend = |errors: FormErrors| {
        Ok(page.respond(
            StatusCode::UNPROCESSABLE_ENTITY,
            setup_page(&page.ctx, &form.token, &values, &errors),
        ))
    };
    if form.password != form.password_confirm {
        return resend(FormErrors::new().with("password_confirm", page.t(Msg::ErrPasswordsDiffer)));
    }
    let password = match HashedPassword::new(&form.password) {
        Ok(p) => p,
        Err(e) => return resend(account_errors(&page, e)),
    };
    let address = client_address(&req);
    let user_agent = user_agent(&req);
    let st = state.clone();
    let (username, display_name) = (form.username.clone(), form.display_name.clone());
    let created = blocking(move || {
        let now = st.clock.now_naive();
        let result = st.db.write(|conn| {
            // Checked again inside the transaction: two tabs racing get one owner.
            if users::count(conn)? > 0 {
                return Err(AccountError::UsernameTaken);
            }
            let owner = users::create(
                conn,
                &NewUser {
                    username: &username,
                    display_name: &display_name,
                    role: Role::Owner,
                    password: &password,
                    pin: None,
                },
                None,
                now,
            )?;
            users::record_login(conn, owner.id, now)?;
            let new = NewSession {
                user_id: owner.id,
                via_pin: false,
                ip: Some(&address),
                user_agent: user_agent.as_deref(),
            };
            sessions::create(conn, &new, now)
        });
        Ok(result)
    })
    .await?;
    match created {
        Ok(secret) => {
            state.setup.close();
            tracing::info!("owner account created through the setup page");
            let mut response = redirect_with("/", FlashNote::Welcome);
            response
                .add_cookie(&session_cookie(secret, state.config.secure_cookies))
                .map_err(AppError::internal)?;
            Ok(response)
        }
        Err(AccountError::Db(e)) => Err(e.into()),
        Err(e) => resend(account_errors(&page, e)),
    }
}

/// An account error as a message next to its field.
pub(crate) fn account_errors(page: &Page, e: AccountError) -> FormErrors {
    let field = account_error_field(&e);
    let message = AppError::from(e).message(page.lang());
    FormErrors::new().with(field, message)
}

pub(crate) fn user_agent(req: &HttpRequest) -> Option<String> {
    req.headers()
        .get(actix_web::http::header::USER_AGENT)
        .and_then(|h| h.to_str().ok())
        .map(str::to_owned)
}
