//! `/sales`: the tickets of a day (the shop's time zone) or of a cash session,
//! filtered by till, cashier and payment method; `/sales/{uuid}`: one ticket
//! with its receipt and a reprint button. Managers and the owner; cashiers see
//! their tickets at the till.

use super::read;
use crate::auth::{Authed, AuthedForm, ManagerRole};
use crate::error::{AppError, AppResult, ErrorKind};
use crate::page::{FlashNote, Page, redirect_with};
use crate::state::AppState;
use ::web::forms::FormErrors;
use ::web::i18n::{Lang, Msg, short_date};
use ::web::pages::sales::{SalesFilterValues, SalesList, TicketView, sales_page, ticket_page};
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use chrono::NaiveDateTime;
use db::accounts::users;
use sales::receipt::{from_ticket, text};
use sales::tickets::{self, Filter, PaymentMethod, Summary, Ticket};
use sales::{SalesError, tills};
use serde::Deserialize;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/sales", web::get().to(list))
        .route("/sales/{uuid}", web::get().to(show))
        .route("/sales/{uuid}/print", web::post().to(print));
}

/// The filters as the list's form sends them; all optional.
#[derive(Deserialize)]
struct SalesQuery {
    day: Option<String>,
    till: Option<String>,
    cashier: Option<String>,
    method: Option<String>,
    training: Option<String>,
    session: Option<String>,
}

/// The bounds and ids the filters stand for, or the errors by field.
struct Chosen {
    bounds: Option<(NaiveDateTime, NaiveDateTime)>,
    till: Option<String>,
    cashier_id: Option<i64>,
    method: Option<PaymentMethod>,
    session_id: Option<i64>,
}

fn choose(state: &AppState, page: &Page, f: &SalesFilterValues) -> Result<Chosen, FormErrors> {
    let mut errors = FormErrors::new();
    let mut bounds = None;
    if f.session.is_none() {
        match state.day_bounds(&f.day) {
            Ok(b) => bounds = Some(b),
            Err(e) => errors.add("day", e.message(page.lang())),
        }
    }
    let cashier_id = match f.cashier.trim() {
        "" => None,
        raw => raw.parse::<i64>().ok().or_else(|| {
            errors.add("cashier", page.t(Msg::ErrUnknownCashier));
            None
        }),
    };
    let method = match f.method.trim() {
        "" => None,
        raw => PaymentMethod::parse(raw).or_else(|| {
            let e =
                AppError::new(ErrorKind::Unprocessable, Msg::ErrPaymentMethod).arg("value", raw);
            errors.add("method", e.message(page.lang()));
            None
        }),
    };
    let till = Some(f.till.trim().to_owned()).filter(|t| !t.is_empty());
    if errors.is_empty() {
        Ok(Chosen {
            bounds,
            till,
            cashier_id,
            method,
            session_id: f.session,
        })
    } else {
        Err(errors)
    }
}

async fn list(
    _user: Authed<ManagerRole>,
    state: web::Data<AppState>,
    page: Page,
    query: web::Query<SalesQuery>,
) -> AppResult<HttpResponse> {
    let q = query.into_inner();
    let today = state
        .clock
        .now()
        .with_timezone(&state.config.timezone)
        .date_naive();
    let text = |v: Option<String>| v.unwrap_or_default();
    let day = text(q.day);
    let mut filter = SalesFilterValues {
        day: if day.trim().is_empty() {
            short_date(page.lang(), today)
        } else {
            day
        },
        till: text(q.till),
        cashier: text(q.cashier),
        method: text(q.method),
        training: q.training.is_some_and(|t| !t.is_empty()),
        session: None,
    };
    let mut errors = FormErrors::new();
    match q.session.as_deref().map(str::trim) {
        None | Some("") => {}
        Some(raw) => match raw.parse() {
            Ok(id) => filter.session = Some(id),
            Err(_) => errors.add("", page.t(Msg::ErrBadForm)),
        },
    }
    let chosen = if errors.is_empty() {
        choose(&state, &page, &filter).map_err(|e| errors = e).ok()
    } else {
        None
    };
    let cashiers: Vec<(String, String)> = read(&state, users::list)
        .await?
        .into_iter()
        .map(|u| (u.id.0.to_string(), u.display_name))
        .collect();
    let (training, lang, st) = (filter.training, page.lang(), state.clone());
    let (tills, tickets, errors) = read(&state, move |conn| -> Result<_, SalesError> {
        let tills: Vec<(String, String)> = tills::all(conn)?
            .into_iter()
            .map(|t| (t.code, t.name))
            .collect();
        let Some(chosen) = chosen else {
            return Ok((tills, Vec::new(), errors));
        };
        let till_id = match &chosen.till {
            Some(code) => match tills::find(conn, code)? {
                Some(till) => Some(till.id),
                None => {
                    let e = AppError::from(SalesError::NotFound {
                        what: "till",
                        id: code.clone(),
                    });
                    let errors = FormErrors::new().with("till", e.message(lang));
                    return Ok((tills, Vec::new(), errors));
                }
            },
            None => None,
        };
        let filter = Filter {
            from: chosen.bounds.map(|b| b.0),
            until: chosen.bounds.map(|b| b.1),
            till_id,
            cashier_id: chosen.cashier_id,
            method: chosen.method,
            session_id: chosen.session_id,
            training,
            limit: 1000,
        };
        let tickets = local_times(&st, tickets::list(conn, &filter)?);
        Ok((tills, tickets, errors))
    })
    .await?;
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let list = SalesList {
        filter: &filter,
        tills: &tills,
        cashiers: &cashiers,
        tickets: &tickets,
        errors: &errors,
    };
    Ok(page.respond(status, sales_page(&page.ctx, &list)))
}

/// The same rows, with their times on the shop's wall clock.
fn local_times(state: &AppState, rows: Vec<Summary>) -> Vec<Summary> {
    rows.into_iter()
        .map(|s| Summary {
            created_at: state.local(s.created_at),
            ..s
        })
        .collect()
}

/// A ticket and what its page shows around it.
struct TicketPage {
    ticket: Ticket,
    refund_of: Option<(String, String)>,
    refunds: Vec<Summary>,
    receipt: String,
}

async fn render_ticket(
    state: &AppState,
    page: &Page,
    uuid: String,
    print_error: Option<&str>,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let (st, lang) = (state.clone(), page.lang());
    let found = read(state, move |conn| -> Result<_, SalesError> {
        let ticket = tickets::by_uuid(conn, &uuid)?;
        let refund_of = match ticket.refund_of {
            Some(id) => {
                let original = tickets::get(conn, id)?;
                Some((original.uuid.clone(), original.reference()))
            }
            None => None,
        };
        let refunds = local_times(&st, tickets::refunds_of(conn, ticket.id)?);
        let till = tills::get(conn, ticket.till_id)?;
        let receipt = from_ticket::build(conn, &ticket, None, |t| st.local(t))?;
        let columns = usize::try_from(till.printer_columns).unwrap_or(42);
        let receipt_lang = match lang {
            Lang::Fr => sales::receipt::Lang::Fr,
            Lang::En => sales::receipt::Lang::En,
        };
        Ok(TicketPage {
            receipt: text::render(&receipt, columns, receipt_lang),
            ticket,
            refund_of,
            refunds,
        })
    })
    .await?;
    let view = TicketView {
        ticket: &found.ticket,
        at: state.local(found.ticket.created_at),
        refund_of: found
            .refund_of
            .as_ref()
            .map(|(uuid, reference)| (uuid.as_str(), reference.as_str())),
        refunds: &found.refunds,
        receipt: &found.receipt,
        print_error,
    };
    Ok(page.respond(status, ticket_page(&page.ctx, &view)))
}

async fn show(
    _user: Authed<ManagerRole>,
    state: web::Data<AppState>,
    page: Page,
    uuid: web::Path<String>,
) -> AppResult<HttpResponse> {
    render_ticket(&state, &page, uuid.into_inner(), None, StatusCode::OK).await
}

#[derive(Deserialize)]
struct Empty {}

/// Sends the receipt to the till's printer again (a DUPLICATA after the
/// first print). A printer that is off or missing is said on the page; the
/// ticket is never at risk.
async fn print(
    AuthedForm { user, .. }: AuthedForm<ManagerRole, Empty>,
    state: web::Data<AppState>,
    page: Page,
    uuid: web::Path<String>,
) -> AppResult<HttpResponse> {
    let uuid = uuid.into_inner();
    match crate::receipts::print_ticket(&state, &uuid, user.user().id).await {
        Ok(copy) => {
            let note = match copy {
                0 => FlashNote::TicketPrinted,
                n => FlashNote::DuplicatePrinted(n),
            };
            Ok(redirect_with(&format!("/sales/{uuid}"), note))
        }
        Err(e) if matches!(e.kind, ErrorKind::Conflict | ErrorKind::Unavailable) => {
            let message = e.message(page.lang());
            render_ticket(&state, &page, uuid, Some(&message), e.kind.status()).await
        }
        Err(e) => Err(e),
    }
}
