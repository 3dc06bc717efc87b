//! The browser session behind the cookie, looked up once per request.

use crate::error::AppError;
use crate::state::AppState;
use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use actix_web::{HttpMessage, HttpRequest, web};
use db::accounts::sessions::{self, Session};

pub const SESSION_COOKIE: &str = "comptoir_session";

/// Cached in the request's extensions so that several extractors (the guard, the
/// page context, the error pages) share one lookup.
#[derive(Clone)]
struct Cached(Option<Session>);

/// The live session of this request, if any. Pushes its idle expiry back now
/// and then (not on every request: that would be a write per page).
pub async fn current_session(req: &HttpRequest) -> Result<Option<Session>, AppError> {
    if let Some(Cached(found)) = req.extensions().get::<Cached>() {
        return Ok(found.clone());
    }
    let found = match req.cookie(SESSION_COOKIE) {
        None => None,
        Some(cookie) => {
            let state = state(req)?;
            let secret = cookie.value().to_owned();
            web::block(move || -> Result<Option<Session>, AppError> {
                let now = state.clock.now_naive();
                let session = state.db.read(|conn| sessions::find(conn, &secret, now))?;
                if let Some(s) = &session
                    && s.needs_touch(now)
                {
                    state.db.write(|conn| sessions::touch(conn, s.id, now))?;
                }
                Ok(session)
            })
            .await??
        }
    };
    req.extensions_mut().insert(Cached(found.clone()));
    Ok(found)
}

pub(crate) fn state(req: &HttpRequest) -> Result<AppState, AppError> {
    req.app_data::<web::Data<AppState>>()
        .map(|data| data.get_ref().clone())
        .ok_or_else(|| AppError::internal("application state missing"))
}

/// The session cookie: HttpOnly (no script reads it), SameSite=Lax (no other
/// site posts with it), and Secure when served over HTTPS.
pub fn session_cookie(secret: String, secure: bool) -> Cookie<'static> {
    Cookie::build(SESSION_COOKIE, secret)
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .max_age(CookieDuration::days(30))
        .finish()
}

pub fn session_removal() -> Cookie<'static> {
    let mut cookie = Cookie::build(SESSION_COOKIE, "").path("/").finish();
    cookie.make_removal();
    cookie
}
