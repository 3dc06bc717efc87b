//! CSRF protection for every form: a random token in an HttpOnly cookie, which
//! every POST form must repeat in its hidden `_csrf` field (double submit; another
//! site can neither read the cookie nor, with SameSite=Lax, post with it).
//! Form handlers take `CsrfForm<T>` instead of `web::Form<T>`, so none can skip it.

use crate::error::{AppError, ErrorKind};
use ::web::i18n::Msg;
use actix_web::body::{EitherBody, MessageBody};
use actix_web::cookie::{Cookie, SameSite};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use std::future::Future;
use std::pin::Pin;
use subtle::ConstantTimeEq;

const CSRF_COOKIE: &str = "comptoir_csrf";

/// This request's CSRF token, as the pages embed it.
#[derive(Debug, Clone)]
pub struct CsrfToken(pub String);

/// Gives every browser a CSRF cookie, and each request its token.
pub async fn csrf_cookie(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody, impl MessageBody>>, actix_web::Error> {
    // The API takes bearer tokens and no forms: no cookie there.
    if req.path().starts_with("/api/") || req.path() == "/health" {
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_left_body);
    }
    let existing = req
        .cookie(CSRF_COOKIE)
        .map(|c| c.value().to_owned())
        .filter(|v| {
            v.len() >= 32
                && v.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        });
    let (token, fresh) = match existing {
        Some(token) => (token, false),
        None => (db::accounts::random_secret(), true),
    };
    let secure = crate::auth::session::state(req.request())
        .map(|s| s.config.secure_cookies)
        .unwrap_or(false);
    req.extensions_mut().insert(CsrfToken(token.clone()));
    let mut res = next.call(req).await?;
    if fresh {
        let cookie = Cookie::build(CSRF_COOKIE, token)
            .path("/")
            .http_only(true)
            .same_site(SameSite::Lax)
            .secure(secure)
            .finish();
        if let Err(error) = res.response_mut().add_cookie(&cookie) {
            tracing::warn!(%error, "cannot set the CSRF cookie");
        }
    }
    Ok(res.map_into_right_body())
}

/// The request's CSRF token (empty outside the middleware, which no form route is).
pub fn csrf_token(req: &HttpRequest) -> String {
    req.extensions()
        .get::<CsrfToken>()
        .map(|t| t.0.clone())
        .unwrap_or_default()
}

/// The header a page's script sends its CSRF token in when it calls the API
/// with the browser's session (a header no other site can set).
pub const CSRF_HEADER: &str = "x-csrf-token";

/// Whether the request's `X-CSRF-Token` header matches its CSRF cookie.
pub fn csrf_header_valid(req: &HttpRequest) -> bool {
    let Some(cookie) = req.cookie(CSRF_COOKIE) else {
        return false;
    };
    let expected = cookie.value();
    req.headers()
        .get(CSRF_HEADER)
        .and_then(|h| h.to_str().ok())
        .is_some_and(|given| {
            expected.len() >= 32 && bool::from(given.as_bytes().ct_eq(expected.as_bytes()))
        })
}

/// A URL-encoded form whose `_csrf` field was checked against the cookie.
pub struct CsrfForm<T>(pub T);

#[derive(Deserialize)]
struct CsrfField {
    #[serde(rename = "_csrf")]
    csrf: Option<String>,
}

impl<T: DeserializeOwned + 'static> FromRequest for CsrfForm<T> {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let body = web::Bytes::from_request(req, payload);
        let expected = csrf_token(req);
        Box::pin(async move {
            let body = body
                .await
                .map_err(|_| AppError::bad_request(Msg::ErrBadForm))?;
            let field: CsrfField = serde_urlencoded::from_bytes(&body)
                .map_err(|_| AppError::bad_request(Msg::ErrBadForm))?;
            let valid = field.csrf.is_some_and(|given| {
                !expected.is_empty() && bool::from(given.as_bytes().ct_eq(expected.as_bytes()))
            });
            if !valid {
                return Err(AppError::new(ErrorKind::Forbidden, Msg::ErrCsrf));
            }
            serde_urlencoded::from_bytes(&body)
                .map(CsrfForm)
                .map_err(|_| AppError::bad_request(Msg::ErrBadForm))
        })
    }
}
