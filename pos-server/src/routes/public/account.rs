//! `/my-account`: the customer's own page. Without a session it asks for an
//! e-mail address and sends one-time links; a link, once used, opens a session
//! whose secret lives in an HttpOnly cookie scoped to `/my-account`.

use super::form::PersonForm;
use super::{Outreach, Token, closed, link_not_valid, one_button, shop_name};
use crate::auth::{CsrfForm, client_address};
use crate::error::{AppError, AppResult};
use crate::page::{FlashNote, Page, redirect_with};
use crate::routes::customers::customer_field_error;
use crate::routes::{attempt_write, read, write};
use crate::state::AppState;
use ::web::forms::FormErrors;
use ::web::i18n::{Lang, Msg, tf};
use ::web::pages::customers::fiche::FicheValues;
use ::web::pages::public::account::{AccountView, account_page, link_request_page};
use ::web::pages::public::notice_page;
use actix_web::cookie::{Cookie, SameSite};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use customers::kinds::ConsentSource;
use customers::online::account;
use customers::points::PointsRules;
use customers::{Customer, CustomerError, cards, consents, enrolment, gdpr, points};
use serde::Deserialize;

const COOKIE: &str = "comptoir_customer";
const COOKIE_PATH: &str = "/my-account";

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/my-account", web::get().to(show))
        .route("/my-account/link", web::post().to(send_link))
        .route("/my-account/open", web::get().to(open_page))
        .route("/my-account/open", web::post().to(open))
        .route("/my-account/details", web::post().to(save_details))
        .route("/my-account/consents", web::post().to(save_consents))
        .route("/my-account/export", web::get().to(export))
        .route("/my-account/erase", web::post().to(erase))
        .route("/my-account/logout", web::post().to(logout));
}

/// Opens the session in the browser.
pub(crate) fn set_session(state: &AppState, response: &mut HttpResponse, secret: &str) {
    let cookie = Cookie::build(COOKIE, secret.to_owned())
        .path(COOKIE_PATH)
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(state.config.secure_cookies)
        .finish();
    if let Err(error) = response.add_cookie(&cookie) {
        tracing::warn!(%error, "cannot set the customer session cookie");
    }
}

fn end_session(response: &mut HttpResponse) {
    let mut removal = Cookie::build(COOKIE, "").path(COOKIE_PATH).finish();
    removal.make_removal();
    if let Err(error) = response.add_cookie(&removal) {
        tracing::warn!(%error, "cannot remove the customer session cookie");
    }
}

/// The session's secret and its fiche, when a session is open.
async fn session(req: &HttpRequest, state: &AppState) -> AppResult<Option<(String, Customer)>> {
    let Some(secret) = req.cookie(COOKIE).map(|c| c.value().to_owned()) else {
        return Ok(None);
    };
    let (token, clock) = (secret.clone(), state.clock.clone());
    let found = read(state, move |conn| -> Result<_, CustomerError> {
        Ok(account::customer_of(conn, &token, clock.now_naive()))
    })
    .await?;
    match found {
        Ok(customer) => Ok(Some((secret, customer))),
        Err(CustomerError::LinkNotValid) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// Without a session, the page that asks for a link (or, when the public
/// pages are closed, says so).
fn no_session(state: &AppState, page: &Page, status: StatusCode) -> HttpResponse {
    if Outreach::of(state).is_none() {
        return closed(page);
    }
    page.respond(status, link_request_page(&page.ctx, "", &FormErrors::new()))
}

async fn show(req: HttpRequest, state: web::Data<AppState>, page: Page) -> AppResult<HttpResponse> {
    match session(&req, &state).await? {
        Some((_, customer)) => render(&state, &page, customer, None, StatusCode::OK).await,
        None => Ok(no_session(&state, &page, StatusCode::OK)),
    }
}

/// The page of `customer`; `sent` is the details form sent back with errors.
async fn render(
    state: &AppState,
    page: &Page,
    customer: Customer,
    sent: Option<(FicheValues, FormErrors)>,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let id = customer.id;
    let (card, ledger, current, rules) = read(state, move |conn| -> Result<_, CustomerError> {
        Ok((
            cards::active_card(conn, id)?.map(|c| c.number),
            points::ledger(conn, id)?,
            consents::current(conn, id)?,
            PointsRules::load(conn)?,
        ))
    })
    .await?;
    let (values, errors) =
        sent.unwrap_or_else(|| (FicheValues::of(page.lang(), &customer), FormErrors::new()));
    let view = AccountView {
        customer: &customer,
        card: card.as_deref(),
        points_value: rules.value_of(customer.points),
        ledger: &ledger,
        consents: &current,
        values: &values,
        errors: &errors,
    };
    Ok(page.respond(status, account_page(&page.ctx, &view)))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct EmailForm {
    email: String,
}

/// Sends a link per fiche on that address; the answer is the same whether
/// any fiche has it or not.
async fn send_link(
    req: HttpRequest,
    CsrfForm(form): CsrfForm<EmailForm>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let Some(outreach) = Outreach::of(&state) else {
        return Ok(closed(&page));
    };
    let typed = form.email.trim().to_owned();
    let sent_back = |errors: FormErrors, status| {
        page.respond(status, link_request_page(&page.ctx, &typed, &errors))
    };
    let (address, clock, email) = (client_address(&req), state.clock.clone(), typed.clone());
    let links = match attempt_write(&state, move |conn| {
        account::request_links(conn, &email, &address, clock.now_naive())
    })
    .await?
    {
        Ok(links) => links,
        Err(e) => {
            let status = AppError::from(&e).kind.status();
            // The limit's refusal is the form's; a bad e-mail is shown beside it.
            let errors = customer_field_error(&page, e)?;
            return Ok(sent_back(errors, status));
        }
    };
    if let Some(first) = links.first() {
        let shop = shop_name(&state).await?;
        let lang = Lang::parse(&first.customer.language).unwrap_or_default();
        let list = links
            .iter()
            .map(|l| {
                let url = outreach.link("/my-account/open", &l.secret);
                if links.len() == 1 {
                    url
                } else {
                    format!("{} : {url}", l.customer.display_name())
                }
            })
            .collect::<Vec<_>>()
            .join("\n\n");
        let subject = tf(lang, Msg::MailAccountSubject, &[("shop", &shop)]);
        let body = tf(
            lang,
            Msg::MailAccountBody,
            &[("links", &list), ("shop", &shop)],
        );
        let to = first.customer.email.clone().unwrap_or_default();
        if let Err(e) = outreach.send(to, subject, body).await {
            let errors = FormErrors::new().with("", e.message(page.lang()));
            return Ok(sent_back(errors, StatusCode::SERVICE_UNAVAILABLE));
        }
    }
    let title = page.t(Msg::AccountLinkTitle);
    let text = tf(page.lang(), Msg::AccountLinkSent, &[("email", &typed)]);
    Ok(page.ok(notice_page(&page.ctx, title, &text, None)))
}

/// The e-mailed link: one button, so that a mail scanner uses nothing up.
async fn open_page(
    query: web::Query<Token>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let (secret, clock) = (query.into_inner().t, state.clock.clone());
    let token = secret.clone();
    let live = read(&state, move |conn| -> Result<_, CustomerError> {
        Ok(account::link_is_live(conn, &token, clock.now_naive()))
    })
    .await?;
    match live {
        Ok(()) => Ok(one_button(
            &page,
            Msg::AccountLinkTitle,
            page.t(Msg::AccountOpenBody),
            "/my-account/open",
            &secret,
            Msg::AccountOpenSubmit,
        )),
        Err(CustomerError::LinkNotValid) => Ok(retry_link(&page)),
        Err(e) => Err(e.into()),
    }
}

fn retry_link(page: &Page) -> HttpResponse {
    link_not_valid(page, ("/my-account", page.t(Msg::AccountLinkTitle)))
}

async fn open(
    req: HttpRequest,
    CsrfForm(form): CsrfForm<Token>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let (address, clock) = (client_address(&req), state.clock.clone());
    let opened = attempt_write(&state, move |conn| {
        account::open(conn, &form.t, &address, clock.now_naive())
    })
    .await?;
    match opened {
        Ok(secret) => {
            let mut response = HttpResponse::SeeOther()
                .insert_header(("Location", "/my-account"))
                .finish();
            set_session(&state, &mut response, &secret);
            Ok(response)
        }
        Err(CustomerError::LinkNotValid) => Ok(retry_link(&page)),
        Err(e) => Err(e.into()),
    }
}

/// The session's fiche, or the answer for a visitor without one (401 with the
/// page that asks for a link).
async fn required(
    req: &HttpRequest,
    state: &AppState,
    page: &Page,
) -> AppResult<Result<(String, Customer), HttpResponse>> {
    Ok(match session(req, state).await? {
        Some(found) => Ok(found),
        None => Err(no_session(state, page, StatusCode::UNAUTHORIZED)),
    })
}

async fn save_details(
    req: HttpRequest,
    CsrfForm(form): CsrfForm<PersonForm>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let customer = match required(&req, &state, &page).await? {
        Ok((_, customer)) => customer,
        Err(answer) => return Ok(answer),
    };
    let typed = match form.check(&page) {
        Ok(typed) if !form.values().email.trim().is_empty() => typed,
        Ok(_) => {
            let errors = FormErrors::new().with("email", page.t(Msg::ErrEmailRequired));
            let sent = Some((form.values(), errors));
            return render(
                &state,
                &page,
                customer,
                sent,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
        Err(errors) => {
            let sent = Some((form.values(), errors));
            return render(
                &state,
                &page,
                customer,
                sent,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let changes = form.changes(typed);
    let (id, clock) = (customer.id, state.clock.clone());
    match attempt_write(&state, move |conn| {
        customers::fiche::update(conn, id, &changes, None, clock.now_naive())
    })
    .await?
    {
        Ok(_) => Ok(redirect_with("/my-account", FlashNote::AccountSaved)),
        Err(e) => {
            let status = AppError::from(&e).kind.status();
            let errors = customer_field_error(&page, e)?;
            render(
                &state,
                &page,
                customer,
                Some((form.values(), errors)),
                status,
            )
            .await
        }
    }
}

async fn save_consents(
    req: HttpRequest,
    CsrfForm(form): CsrfForm<PersonForm>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let customer = match required(&req, &state, &page).await? {
        Ok((_, customer)) => customer,
        Err(answer) => return Ok(answer),
    };
    let (id, boxes, clock) = (customer.id, form.boxes(), state.clock.clone());
    write(&state, move |conn| {
        enrolment::update_boxes(conn, id, boxes, ConsentSource::Account, clock.now_naive())
    })
    .await?;
    Ok(redirect_with("/my-account", FlashNote::PreferencesSaved))
}

/// Everything held on the person, as the back office's export (audited).
async fn export(
    req: HttpRequest,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let customer = match required(&req, &state, &page).await? {
        Ok((_, customer)) => customer,
        Err(answer) => return Ok(answer),
    };
    let (id, clock) = (customer.id, state.clock.clone());
    let data = write(&state, move |conn| {
        gdpr::export(conn, id, None, clock.now_naive())
    })
    .await?;
    let body = serde_json::to_string_pretty(&data).map_err(AppError::internal)?;
    Ok(HttpResponse::Ok()
        .content_type("application/json")
        .insert_header(("Cache-Control", "no-store"))
        .insert_header((
            "Content-Disposition",
            "attachment; filename=\"mes-donnees.json\"",
        ))
        .body(body))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct EraseForm {
    confirm: String,
}

async fn erase(
    req: HttpRequest,
    CsrfForm(form): CsrfForm<EraseForm>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let customer = match required(&req, &state, &page).await? {
        Ok((_, customer)) => customer,
        Err(answer) => return Ok(answer),
    };
    if form.confirm.trim().is_empty() {
        let errors = FormErrors::new().with("confirm", page.t(Msg::ErrEraseConfirm));
        let values = FicheValues::of(page.lang(), &customer);
        return render(
            &state,
            &page,
            customer,
            Some((values, errors)),
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let (id, clock) = (customer.id, state.clock.clone());
    // The erasure ends the session too: its row goes with the person's links.
    write(&state, move |conn| {
        gdpr::anonymise(conn, id, None, clock.now_naive())
    })
    .await?;
    let shop = shop_name(&state).await?;
    let title = page.t(Msg::AccountErasedTitle);
    let text = tf(page.lang(), Msg::AccountErasedBody, &[("shop", &shop)]);
    let mut response = page.ok(notice_page(&page.ctx, title, &text, None));
    end_session(&mut response);
    Ok(response)
}

async fn logout(
    req: HttpRequest,
    CsrfForm(_): CsrfForm<Token>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    if let Some(secret) = req.cookie(COOKIE).map(|c| c.value().to_owned()) {
        let clock = state.clock.clone();
        write(&state, move |conn| {
            account::close(conn, &secret, clock.now_naive())
        })
        .await?;
    }
    let mut response = redirect_with("/my-account", FlashNote::AccountClosed);
    end_session(&mut response);
    Ok(response)
}
