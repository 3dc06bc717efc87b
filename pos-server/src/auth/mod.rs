//! Who is asking: browser sessions (cookie), API tokens (bearer), CSRF on forms,
//! and the one guard that checks a role on every page and API route.

pub(crate) mod approval;
mod csrf;
mod form;
mod guard;
pub(crate) mod session;

pub use csrf::{CSRF_HEADER, CsrfForm, CsrfToken, csrf_cookie, csrf_header_valid, csrf_token};
pub use form::{ApiJson, AuthedForm};
pub use guard::{AnyRole, ApiAuthed, Authed, ManagerRole, MinRole, OwnerRole};
pub use session::{SESSION_COOKIE, current_session, session_cookie, session_removal};

use actix_web::HttpRequest;

/// The client's address for rate limiting: the socket's peer, never a header
/// the client could write itself.
pub fn client_address(req: &HttpRequest) -> String {
    req.peer_addr()
        .map(|a| a.ip().to_string())
        .unwrap_or_else(|| "unknown".to_owned())
}
