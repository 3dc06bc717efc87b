//! The pages customers reach without logging in: the enrolment form (double
//! opt-in), their account page by an e-mailed one-time link, and the
//! unsubscribe link. They are open only when the shop has an SMTP server and a
//! public address (`--smtp-host`, `--public-url`): links are never built from
//! a request's Host header.

mod account;
mod form;
mod join;
mod unsubscribe;

use crate::error::{AppError, ErrorKind};
use crate::page::Page;
use crate::state::AppState;
use ::web::i18n::Msg;
use ::web::pages::public::{confirm_button_page, notice_page};
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use sales::mail::SmtpSettings;

pub fn configure(cfg: &mut web::ServiceConfig) {
    join::configure(cfg);
    account::configure(cfg);
    unsubscribe::configure(cfg);
}

/// What e-mailing customers needs: the server, and the address links point to.
pub(crate) struct Outreach {
    pub smtp: SmtpSettings,
    pub base: url::Url,
}

impl Outreach {
    /// None when the shop has not set both up.
    pub fn of(state: &AppState) -> Option<Outreach> {
        Some(Outreach {
            smtp: state.config.smtp.clone()?,
            base: state.config.public_url.clone()?,
        })
    }

    /// `https://boutique.fr/join`.
    pub fn page(&self, path: &str) -> String {
        format!("{}{path}", self.base.as_str().trim_end_matches('/'))
    }

    /// `https://boutique.fr/join/confirm?t=SECRET` (secrets are URL-safe).
    pub fn link(&self, path: &str, secret: &str) -> String {
        format!("{}?t={secret}", self.page(path))
    }

    /// Sends a plain-text e-mail off the async workers.
    pub async fn send(&self, to: String, subject: String, body: String) -> Result<(), AppError> {
        let smtp = self.smtp.clone();
        let sent = web::block(move || sales::mail::send_text(&smtp, &to, &subject, &body)).await?;
        sent.map_err(|error| {
            tracing::warn!(%error, "customer e-mail not sent");
            AppError::new(ErrorKind::Unavailable, Msg::ErrMailUnavailable)
        })
    }
}

/// The page that says the public pages are closed in this shop (503).
pub(crate) fn closed(page: &Page) -> HttpResponse {
    let title = page.t(Msg::JoinTitle);
    page.respond(
        StatusCode::SERVICE_UNAVAILABLE,
        notice_page(&page.ctx, title, page.t(Msg::JoinClosed), None),
    )
}

/// A link that no longer works (used, expired, unknown): 404 with the way on.
pub(crate) fn link_not_valid(page: &Page, retry: (&str, &str)) -> HttpResponse {
    let title = page.t(Msg::AccountLinkTitle);
    page.respond(
        StatusCode::NOT_FOUND,
        notice_page(&page.ctx, title, page.t(Msg::ErrLinkNotValid), Some(retry)),
    )
}

/// The secret of a link, in its address (`?t=`) or posted back by its page's
/// single button.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
pub(crate) struct Token {
    pub t: String,
}

/// The page an e-mailed link opens: `text` and one button posting the secret
/// to `action`, so that a mail scanner fetching the link uses nothing up.
pub(crate) fn one_button(
    page: &Page,
    title: Msg,
    text: &str,
    action: &str,
    secret: &str,
    submit: Msg,
) -> HttpResponse {
    page.ok(confirm_button_page(
        &page.ctx,
        page.t(title),
        text,
        action,
        secret,
        page.t(submit),
        None,
    ))
}

/// The shop's name as customers know it.
pub(crate) async fn shop_name(state: &AppState) -> Result<String, AppError> {
    let fallback = state.config.shop_name.clone();
    super::read(state, move |conn| -> Result<String, sales::SalesError> {
        // A database without a shop yet (no till set up) uses the configured name.
        Ok(sales::shops::main_shop(conn)
            .ok()
            .map(|shop| shop.name().trim().to_owned())
            .filter(|n| !n.is_empty())
            .unwrap_or(fallback))
    })
    .await
}
