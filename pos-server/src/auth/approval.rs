//! A manager's approval at the till: their user name and PIN, typed on the
//! cashier's screen, checked like a PIN login (hashing off the async workers,
//! attempts counted and throttled). A manager or owner logged in with their
//! password approves by themselves.

use super::client_address;
use crate::error::{AppError, AppResult, ErrorKind};
use crate::routes::blocking;
use crate::state::AppState;
use ::web::i18n::Msg;
use actix_web::HttpRequest;
use db::Role;
use db::accounts::{User, password, throttle, throttle::AttemptKind, users};
use db::ids::UserId;
use serde::Deserialize;
use utoipa::ToSchema;

/// A manager's name and PIN, for what a cashier may not do alone.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApprovalIn {
    pub username: String,
    pub pin: String,
}

/// Who approves: the caller when they are a manager, else the manager whose
/// PIN came with the request; `None` when nobody (the domain then refuses
/// what needs approval).
pub async fn approver(
    req: &HttpRequest,
    state: &AppState,
    caller: &User,
    approval: Option<ApprovalIn>,
) -> AppResult<Option<UserId>> {
    if caller.role.allows(Role::Manager) {
        return Ok(Some(caller.id));
    }
    let Some(ApprovalIn { username, pin }) = approval else {
        return Ok(None);
    };
    let address = client_address(req);
    let st = state.clone();
    blocking(move || {
        let now = st.clock.now_naive();
        let found = st.db.read(|conn| {
            throttle::check(conn, AttemptKind::Pin, &username, &address, now)?;
            users::credentials(conn, &username)
        })?;
        let approved = found.and_then(|(user, _, pin_hash)| {
            let valid = password::verify(&pin, pin_hash.as_deref())
                && user.active
                && user.role.allows(Role::Manager);
            valid.then_some(user.id)
        });
        st.db.write(|conn| {
            throttle::record(
                conn,
                AttemptKind::Pin,
                &username,
                &address,
                approved.is_some(),
                now,
            )
        })?;
        approved
            .map(Some)
            .ok_or_else(|| AppError::new(ErrorKind::Forbidden, Msg::ErrApprovalPin))
    })
    .await
}
