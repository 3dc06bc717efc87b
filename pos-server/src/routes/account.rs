//! `/account`: every user's own language and password.

use super::blocking;
use super::setup::account_errors;
use crate::auth::{AnyRole, Authed, AuthedForm, session_removal};
use crate::error::{AppError, AppResult};
use crate::page::{FlashNote, Page, redirect_with};
use crate::state::AppState;
use ::web::forms::FormErrors;
use ::web::i18n::{Lang, Msg};
use ::web::pages::account::account_page;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use db::accounts::{AccountError, HashedPassword, password, users};
use serde::Deserialize;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/account", web::get().to(show))
        .route("/account/language", web::post().to(set_language))
        .route("/account/password", web::post().to(change_password));
}

fn stored_language(user: &Authed) -> Option<Lang> {
    user.user().language.as_deref().and_then(Lang::parse)
}

async fn show(user: Authed, page: Page) -> HttpResponse {
    page.ok(account_page(
        &page.ctx,
        stored_language(&user),
        &FormErrors::new(),
    ))
}

#[derive(Deserialize)]
struct LanguageForm {
    #[serde(default)]
    language: String,
}

async fn set_language(
    AuthedForm { user, form }: AuthedForm<AnyRole, LanguageForm>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let language = match form.language.as_str() {
        "" => None,
        code => Some(Lang::parse(code).ok_or_else(|| AppError::bad_request(Msg::ErrBadForm))?),
    };
    let id = user.user().id;
    let st = state.clone();
    blocking(move || {
        let now = st.clock.now_naive();
        st.db
            .write(|conn| users::set_language(conn, id, language.map(Lang::code), now))
            .map_err(AppError::from)
    })
    .await?;
    Ok(redirect_with("/account", FlashNote::LanguageSaved))
}

#[derive(Deserialize)]
struct PasswordForm {
    current_password: String,
    password: String,
    password_confirm: String,
}

async fn change_password(
    AuthedForm { user, form }: AuthedForm<AnyRole, PasswordForm>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let resend = |errors: FormErrors| {
        page.respond(
            StatusCode::UNPROCESSABLE_ENTITY,
            account_page(&page.ctx, stored_language(&user), &errors),
        )
    };
    if form.password != form.password_confirm {
        return Ok(resend(
            FormErrors::new().with("password_confirm", page.t(Msg::ErrPasswordsDiffer)),
        ));
    }
    let (id, username) = (user.user().id, user.user().username.clone());
    let st = state.clone();
    let result = blocking(move || {
        let stored = st.db.read(|conn| users::credentials(conn, &username))?;
        let hash = stored.map(|(_, hash, _)| hash);
        if !password::verify(&form.current_password, hash.as_deref()) {
            return Ok(Err(None));
        }
        let new = match HashedPassword::new(&form.password) {
            Ok(p) => p,
            Err(e) => return Ok(Err(Some(e))),
        };
        let now = st.clock.now_naive();
        Ok(st
            .db
            .write(|conn| users::set_password(conn, id, &new, Some(id), now))
            .map_err(Some))
    })
    .await?;
    match result {
        // Every session ends with the old password, this one too.
        Ok(()) => {
            let mut response = redirect_with("/login", FlashNote::PasswordChanged);
            response
                .add_cookie(&session_removal())
                .map_err(AppError::internal)?;
            Ok(response)
        }
        Err(None) => Ok(resend(
            FormErrors::new().with("current_password", page.t(Msg::ErrCurrentPassword)),
        )),
        Err(Some(AccountError::Db(e))) => Err(e.into()),
        Err(Some(e)) => Ok(resend(account_errors(&page, e))),
    }
}
