//! Every error the server answers, classified once: its status, its stable code
//! for the API, and its sentence in the reader's language. Pages and the JSON API
//! render the same `AppError` their own way (see `localize`).

use ::web::i18n::{Lang, Msg, tf};
mod customer_errors;
mod inventory_errors;
mod sales_errors;

pub use customer_errors::customer_error_field;
pub use inventory_errors::inventory_error_field;
pub use sales_errors::sales_error_field;

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, ResponseError};
use db::DbError;
use db::accounts::AccountError;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    BadRequest,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    Unprocessable,
    TooManyRequests,
    Internal,
    Unavailable,
}

impl ErrorKind {
    pub fn status(self) -> StatusCode {
        match self {
            ErrorKind::BadRequest => StatusCode::BAD_REQUEST,
            ErrorKind::Unauthorized => StatusCode::UNAUTHORIZED,
            ErrorKind::Forbidden => StatusCode::FORBIDDEN,
            ErrorKind::NotFound => StatusCode::NOT_FOUND,
            ErrorKind::Conflict => StatusCode::CONFLICT,
            ErrorKind::Unprocessable => StatusCode::UNPROCESSABLE_ENTITY,
            ErrorKind::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            ErrorKind::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            ErrorKind::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    /// The stable code of the JSON error shape.
    pub fn code(self) -> &'static str {
        match self {
            ErrorKind::BadRequest => "bad_request",
            ErrorKind::Unauthorized => "unauthorized",
            ErrorKind::Forbidden => "forbidden",
            ErrorKind::NotFound => "not_found",
            ErrorKind::Conflict => "conflict",
            ErrorKind::Unprocessable => "unprocessable",
            ErrorKind::TooManyRequests => "too_many_requests",
            ErrorKind::Internal => "internal",
            ErrorKind::Unavailable => "unavailable",
        }
    }
}

/// An error answered to a user: a kind, a message from the catalogue and its
/// arguments. Internal details go to the log, never to the answer.
#[derive(Debug, Clone)]
pub struct AppError {
    pub kind: ErrorKind,
    pub msg: Msg,
    pub args: Vec<(&'static str, String)>,
    /// A page error that should send the browser to the login page instead.
    pub login_next: Option<String>,
}

impl AppError {
    pub fn new(kind: ErrorKind, msg: Msg) -> Self {
        AppError {
            kind,
            msg,
            args: Vec::new(),
            login_next: None,
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    pub fn bad_request(msg: Msg) -> Self {
        AppError::new(ErrorKind::BadRequest, msg)
    }

    pub fn forbidden() -> Self {
        AppError::new(ErrorKind::Forbidden, Msg::ErrForbidden)
    }

    pub fn not_found() -> Self {
        AppError::new(ErrorKind::NotFound, Msg::ErrNotFound)
    }

    pub fn unauthorized() -> Self {
        AppError::new(ErrorKind::Unauthorized, Msg::ErrUnauthorized)
    }

    /// Logs `detail` and answers a 500 that says nothing of it.
    pub fn internal(detail: impl fmt::Display) -> Self {
        tracing::error!(%detail, "internal error");
        AppError::new(ErrorKind::Internal, Msg::ErrInternal)
    }

    /// Not logged in on a page: go to the login page, then come back to `next`.
    pub fn login_required(next: String) -> Self {
        AppError {
            login_next: Some(next),
            ..AppError::new(ErrorKind::Unauthorized, Msg::ErrUnauthorized)
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        let args: Vec<(&str, &str)> = self.args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        tf(lang, self.msg, &args)
    }
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::Fr))
    }
}

impl std::error::Error for AppError {}

/// A plain French answer; `localize` replaces it with the page or the JSON body
/// in the reader's language, which only the request knows.
impl ResponseError for AppError {
    fn status_code(&self) -> StatusCode {
        if self.login_next.is_some() {
            StatusCode::SEE_OTHER
        } else {
            self.kind.status()
        }
    }

    fn error_response(&self) -> HttpResponse {
        if let Some(next) = &self.login_next {
            let location = format!("/login?next={}", urlencode(next));
            return HttpResponse::SeeOther()
                .insert_header(("Location", location))
                .finish();
        }
        HttpResponse::build(self.kind.status())
            .content_type("text/plain; charset=utf-8")
            .body(self.message(Lang::Fr))
    }
}

fn urlencode(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

impl From<DbError> for AppError {
    fn from(e: DbError) -> Self {
        match e {
            // A grouped write lost with its batch: the till posts it again.
            DbError::Connection(_) | DbError::Pool(_) | DbError::Group(_) => {
                tracing::error!(error = %e, "database unavailable");
                AppError::new(ErrorKind::Unavailable, Msg::ErrUnavailable)
            }
            other => AppError::internal(other),
        }
    }
}

impl From<AccountError> for AppError {
    fn from(e: AccountError) -> Self {
        let unprocessable = |msg| AppError::new(ErrorKind::Unprocessable, msg);
        match e {
            AccountError::InvalidUsername => unprocessable(Msg::ErrInvalidUsername),
            AccountError::UsernameTaken => {
                AppError::new(ErrorKind::Conflict, Msg::ErrUsernameTaken)
            }
            AccountError::InvalidDisplayName => unprocessable(Msg::ErrInvalidDisplayName),
            AccountError::WeakPassword => unprocessable(Msg::ErrWeakPassword),
            AccountError::InvalidPin => unprocessable(Msg::ErrInvalidPin),
            AccountError::LastOwner => AppError::new(ErrorKind::Conflict, Msg::ErrLastOwner),
            AccountError::NotFound => AppError::not_found(),
            AccountError::Throttled { retry_after } => {
                AppError::new(ErrorKind::TooManyRequests, Msg::ErrThrottled).arg(
                    "minutes",
                    retry_after.as_secs().div_ceil(60).max(1).to_string(),
                )
            }
            AccountError::Db(db) => db.into(),
            AccountError::Hash(detail) => AppError::internal(detail),
        }
    }
}

impl From<actix_web::error::BlockingError> for AppError {
    fn from(e: actix_web::error::BlockingError) -> Self {
        AppError::internal(e)
    }
}

/// The form field an account error belongs to, so a page can show it there.
pub fn account_error_field(e: &AccountError) -> &'static str {
    match e {
        AccountError::InvalidUsername | AccountError::UsernameTaken => "username",
        AccountError::InvalidDisplayName => "display_name",
        AccountError::WeakPassword => "password",
        AccountError::InvalidPin => "pin",
        _ => "",
    }
}

pub type AppResult<T> = Result<T, AppError>;
