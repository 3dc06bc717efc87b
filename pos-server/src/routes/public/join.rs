//! `/join`: the public enrolment form. A valid form is kept aside and a link
//! is e-mailed; the fiche exists only once the person opens it and confirms.

use super::account::set_session;
use super::form::PersonForm;
use super::{Outreach, Token, closed, link_not_valid, one_button, shop_name};
use crate::auth::{CsrfForm, client_address};
use crate::error::{AppError, AppResult};
use crate::page::Page;
use crate::routes::customers::customer_field_error;
use crate::routes::{attempt_write, read};
use crate::state::AppState;
use ::web::forms::FormErrors;
use ::web::i18n::{Lang, Msg, tf};
use ::web::pages::customers::fiche::FicheValues;
use ::web::pages::public::join::{join_done_page, join_page};
use ::web::pages::public::notice_page;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use customers::CustomerError;
use customers::enrolment::Boxes;
use customers::online::join;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/join", web::get().to(show))
        .route("/join", web::post().to(submit))
        .route("/join/confirm", web::get().to(confirm_page))
        .route("/join/confirm", web::post().to(confirm));
}

async fn show(state: web::Data<AppState>, page: Page) -> AppResult<HttpResponse> {
    if Outreach::of(&state).is_none() {
        return Ok(closed(&page));
    }
    let shop = shop_name(&state).await?;
    let values = FicheValues {
        language: page.lang().code().to_owned(),
        ..FicheValues::new()
    };
    Ok(page.ok(join_page(
        &page.ctx,
        &shop,
        &values,
        Boxes::default(),
        &FormErrors::new(),
    )))
}

async fn submit(
    req: HttpRequest,
    CsrfForm(form): CsrfForm<PersonForm>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let Some(outreach) = Outreach::of(&state) else {
        return Ok(closed(&page));
    };
    let shop = shop_name(&state).await?;
    let sent_back = |errors: FormErrors, status| {
        page.respond(
            status,
            join_page(&page.ctx, &shop, &form.values(), form.boxes(), &errors),
        )
    };
    let sent_page = |email: &str| {
        let title = page.t(Msg::JoinSentTitle);
        let text = tf(page.lang(), Msg::JoinSentBody, &[("email", email)]);
        page.ok(notice_page(&page.ctx, title, &text, None))
    };
    if !form.website.trim().is_empty() {
        // A robot filled in the hidden field: it is told what people are told.
        tracing::info!("enrolment form with its honeypot filled: ignored");
        return Ok(sent_page(form.values().email.trim()));
    }
    let typed = match form.check(&page) {
        Ok(typed) => typed,
        Err(errors) => return Ok(sent_back(errors, StatusCode::UNPROCESSABLE_ENTITY)),
    };
    let join_form = form.join_form(typed);
    let (address, clock) = (client_address(&req), state.clock.clone());
    let asked = join_form.clone();
    let pending = match attempt_write(&state, move |conn| {
        join::request(conn, &asked, &address, clock.now_naive())
    })
    .await?
    {
        Ok(pending) => pending,
        Err(e) => {
            let status = AppError::from(&e).kind.status();
            // The limit's refusal is the form's; a bad field is shown beside it.
            let errors = customer_field_error(&page, e)?;
            return Ok(sent_back(errors, status));
        }
    };
    let lang = Lang::parse(pending.language.as_str()).unwrap_or_default();
    let name = join_form.first_name.trim();
    let name = if name.is_empty() {
        join_form.last_name.trim()
    } else {
        name
    };
    let url = outreach.link("/join/confirm", &pending.secret);
    let subject = tf(lang, Msg::MailJoinSubject, &[("shop", &shop)]);
    let body = tf(
        lang,
        Msg::MailJoinBody,
        &[("name", name), ("shop", &shop), ("url", &url)],
    );
    if let Err(e) = outreach.send(pending.email.clone(), subject, body).await {
        let errors = FormErrors::new().with("", e.message(page.lang()));
        return Ok(sent_back(errors, StatusCode::SERVICE_UNAVAILABLE));
    }
    Ok(sent_page(&pending.email))
}

/// The link of the e-mail: a page with one button, so that a mail scanner
/// fetching the link confirms nothing.
async fn confirm_page(
    query: web::Query<Token>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let (secret, clock) = (query.into_inner().t, state.clock.clone());
    let token = secret.clone();
    let pending = read(&state, move |conn| -> Result<_, CustomerError> {
        Ok(join::pending(conn, &token, clock.now_naive()))
    })
    .await?;
    match pending {
        Ok(form) => {
            let name = format!("{} {}", form.first_name.trim(), form.last_name.trim());
            let text = tf(
                page.lang(),
                Msg::JoinConfirmBody,
                &[("name", name.trim()), ("email", form.email.trim())],
            );
            Ok(one_button(
                &page,
                Msg::JoinConfirmTitle,
                &text,
                "/join/confirm",
                &secret,
                Msg::JoinConfirmSubmit,
            ))
        }
        Err(CustomerError::LinkNotValid) => {
            Ok(link_not_valid(&page, ("/join", page.t(Msg::JoinTitle))))
        }
        Err(e) => Err(e.into()),
    }
}

async fn confirm(
    req: HttpRequest,
    CsrfForm(form): CsrfForm<Token>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let (address, clock) = (client_address(&req), state.clock.clone());
    let done = attempt_write(&state, move |conn| {
        join::confirm(conn, &form.t, &address, clock.now_naive())
    })
    .await?;
    match done {
        Ok(confirmed) => {
            let mut response = page.ok(join_done_page(
                &page.ctx,
                confirmed.existing,
                confirmed.card_number.as_deref(),
            ));
            set_session(&state, &mut response, &confirmed.session);
            Ok(response)
        }
        Err(CustomerError::LinkNotValid) => {
            Ok(link_not_valid(&page, ("/join", page.t(Msg::JoinTitle))))
        }
        Err(e) => Err(e.into()),
    }
}
