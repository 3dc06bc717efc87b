//! Turns every error answer into what its reader expects: the JSON error shape
//! under `/api/` and to a page's script that asks for JSON, a French (or
//! English) page elsewhere, with the navigation of
//! whoever is logged in. Errors are created without the request; this is where
//! the request's language is known.

use crate::auth::current_session;
use crate::error::{AppError, ErrorKind};
use crate::page::{Page, browser_language, wants_json};
use ::web::i18n::Msg;
use actix_web::HttpResponse;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::StatusCode;
use actix_web::middleware::Next;

pub async fn localize_errors(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let is_api = req.path().starts_with("/api/") || wants_json(req.request());
    let res = next.call(req).await?;
    let status = res.status();
    if !status.is_client_error() && !status.is_server_error() {
        return Ok(res.map_into_boxed_body());
    }
    let error = match res.response().error() {
        Some(e) => match e.as_error::<AppError>() {
            Some(app) => app.clone(),
            None => {
                tracing::debug!(error = %e, "framework error");
                from_status(status)
            }
        },
        // A handler's own answer (a form sent back with its errors) stays.
        None => return Ok(res.map_into_boxed_body()),
    };
    let (req, _) = res.into_parts();
    if error.login_next.is_some() {
        // A redirect to the login page, answered afresh so the log does not call it an error.
        return Ok(ServiceResponse::new(
            req,
            actix_web::ResponseError::error_response(&error),
        ));
    }
    let response = if is_api {
        json_error(&error, browser_language(&req))
    } else {
        let session = current_session(&req).await.ok().flatten();
        let page = Page::build(&req, session.as_ref());
        let detail = error.message(page.lang());
        let generic = matches!(
            error.msg,
            Msg::ErrNotFound | Msg::ErrForbidden | Msg::ErrInternal
        );
        let markup = ::web::pages::error::error_page(
            &page.ctx,
            error.kind.status().as_u16(),
            (!generic).then_some(detail.as_str()),
        );
        page.respond(error.kind.status(), markup)
    };
    Ok(ServiceResponse::new(req, response))
}

/// The JSON error shape: `{"error": {"code": "...", "message": "..."}}`.
pub fn json_error(error: &AppError, lang: ::web::i18n::Lang) -> HttpResponse {
    HttpResponse::build(error.kind.status()).json(serde_json::json!({
        "error": { "code": error.kind.code(), "message": error.message(lang) }
    }))
}

/// Errors raised by the framework itself (no route, wrong method, body too large).
fn from_status(status: StatusCode) -> AppError {
    match status {
        StatusCode::NOT_FOUND => AppError::not_found(),
        StatusCode::METHOD_NOT_ALLOWED => AppError::not_found(),
        StatusCode::UNAUTHORIZED => AppError::unauthorized(),
        StatusCode::FORBIDDEN => AppError::forbidden(),
        s if s.is_client_error() => AppError::new(ErrorKind::BadRequest, Msg::ErrBadForm),
        _ => AppError::new(ErrorKind::Internal, Msg::ErrInternal),
    }
}
