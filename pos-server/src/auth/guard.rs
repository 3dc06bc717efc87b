//! The one guard: a handler states the least role it needs in its signature
//! (`Authed<ManagerRole>`, `ApiAuthed<OwnerRole>`), so no route can forget it.

use super::session::{current_session, state};
use crate::error::AppError;
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};
use db::Role;
use db::accounts::sessions::Session;
use db::accounts::{User, tokens};
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;

/// The least role a route needs.
pub trait MinRole: 'static {
    const ROLE: Role;
}

/// Any logged-in user (cashiers included).
pub struct AnyRole;
pub struct ManagerRole;
pub struct OwnerRole;

impl MinRole for AnyRole {
    const ROLE: Role = Role::Cashier;
}
impl MinRole for ManagerRole {
    const ROLE: Role = Role::Manager;
}
impl MinRole for OwnerRole {
    const ROLE: Role = Role::Owner;
}

/// A page's user: not logged in → to the login page; role too low → 403 page.
pub struct Authed<R: MinRole = AnyRole> {
    pub session: Session,
    _role: PhantomData<R>,
}

impl<R: MinRole> Authed<R> {
    pub fn user(&self) -> &User {
        &self.session.user
    }

    pub fn role(&self) -> Role {
        self.session.role()
    }
}

impl<R: MinRole> FromRequest for Authed<R> {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let Some(session) = current_session(&req).await? else {
                let next = req
                    .uri()
                    .path_and_query()
                    .map(|pq| pq.as_str().to_owned())
                    .unwrap_or_else(|| "/".to_owned());
                return Err(AppError::login_required(next));
            };
            if !session.role().allows(R::ROLE) {
                return Err(AppError::forbidden());
            }
            Ok(Authed {
                session,
                _role: PhantomData,
            })
        })
    }
}

/// An API caller, by `Authorization: Bearer TOKEN`, or a page's script with
/// the browser's session and its CSRF token in the `X-CSRF-Token` header (the
/// till page): missing or bad → 401, role too low → 403, both in the JSON
/// error shape. A PIN session's user acts as a cashier at most.
pub struct ApiAuthed<R: MinRole = AnyRole> {
    pub user: User,
    _role: PhantomData<R>,
}

impl<R: MinRole> FromRequest for ApiAuthed<R> {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let Some(secret) = bearer(&req) else {
                return from_session(&req).await;
            };
            let state = state(&req)?;
            let user = web::block(move || -> Result<Option<User>, AppError> {
                let now = state.clock.now_naive();
                let Some(found) = state.db.read(|conn| tokens::find(conn, &secret))? else {
                    return Ok(None);
                };
                if found.needs_mark(now) {
                    state
                        .db
                        .write(|conn| tokens::mark_used(conn, found.id, now))?;
                }
                Ok(Some(found.user))
            })
            .await??
            .ok_or_else(AppError::unauthorized)?;
            if !user.role.allows(R::ROLE) {
                return Err(AppError::forbidden());
            }
            Ok(ApiAuthed {
                user,
                _role: PhantomData,
            })
        })
    }
}

async fn from_session<R: MinRole>(req: &HttpRequest) -> Result<ApiAuthed<R>, AppError> {
    // A session alone is no API credential: only a page's script, which sends
    // the CSRF header, may use it.
    if !req.headers().contains_key(super::CSRF_HEADER) {
        return Err(AppError::unauthorized());
    }
    let session = current_session(req)
        .await?
        .ok_or_else(AppError::unauthorized)?;
    if !super::csrf_header_valid(req) {
        return Err(AppError::new(
            crate::error::ErrorKind::Forbidden,
            ::web::i18n::Msg::ErrCsrf,
        ));
    }
    let role = session.role();
    if !role.allows(R::ROLE) {
        return Err(AppError::forbidden());
    }
    let mut user = session.user;
    user.role = role;
    Ok(ApiAuthed {
        user,
        _role: PhantomData,
    })
}

fn bearer(req: &HttpRequest) -> Option<String> {
    let header = req.headers().get(actix_web::http::header::AUTHORIZATION)?;
    let value = header.to_str().ok()?.trim();
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then(|| token.to_owned())
}
