//! `/unsubscribe/{token}`: the link at the foot of the shop's e-mails. The
//! page asks for one press; a POST unsubscribes, also the one-click POST mail
//! clients send (RFC 8058), which carries no CSRF token: the signed token in
//! the address is the proof, and it can only withdraw a consent.

use super::{link_not_valid, one_button, shop_name};
use crate::error::AppResult;
use crate::page::Page;
use crate::routes::{attempt_write, read};
use crate::state::AppState;
use ::web::i18n::{Msg, tf};
use ::web::pages::public::notice_page;
use actix_web::{HttpResponse, web};
use customers::CustomerError;
use customers::online::unsubscribe;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/unsubscribe/{token}", web::get().to(show))
        .route("/unsubscribe/{token}", web::post().to(confirm));
}

async fn show(
    token: web::Path<String>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let token = token.into_inner();
    let asked = token.clone();
    let found = read(&state, move |conn| -> Result<_, CustomerError> {
        Ok(unsubscribe::customer_of(conn, &asked))
    })
    .await?;
    match found {
        Ok(_) => {
            let shop = shop_name(&state).await?;
            let text = tf(page.lang(), Msg::UnsubscribeBody, &[("shop", &shop)]);
            Ok(one_button(
                &page,
                Msg::UnsubscribeTitle,
                &text,
                &format!("/unsubscribe/{token}"),
                &token,
                Msg::UnsubscribeSubmit,
            ))
        }
        Err(CustomerError::LinkNotValid) => Ok(retry(&page)),
        Err(e) => Err(e.into()),
    }
}

fn retry(page: &Page) -> HttpResponse {
    link_not_valid(page, ("/my-account", page.t(Msg::AccountLinkTitle)))
}

async fn confirm(
    token: web::Path<String>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let (token, clock) = (token.into_inner(), state.clock.clone());
    let done = attempt_write(&state, move |conn| {
        unsubscribe::unsubscribe(conn, &token, clock.now_naive())
    })
    .await?;
    match done {
        Ok(_) => {
            let shop = shop_name(&state).await?;
            let title = page.t(Msg::UnsubscribeTitle);
            let text = tf(page.lang(), Msg::UnsubscribeDone, &[("shop", &shop)]);
            Ok(page.ok(notice_page(&page.ctx, title, &text, None)))
        }
        Err(CustomerError::LinkNotValid) => Ok(retry(&page)),
        Err(e) => Err(e.into()),
    }
}
