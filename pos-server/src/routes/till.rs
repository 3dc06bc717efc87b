//! `/till`: the cashier's screen and its session forms. Any logged-in user
//! (cashiers above all). The sale itself goes through the JSON API from
//! `till.js`; opening, cash in and out, the X report and closing are forms, so
//! they work without the script.

use super::products_common::amount_message;
use super::{attempt_write, read};
use crate::auth::{AnyRole, Authed, AuthedForm};
use crate::error::{AppError, AppResult, sales_error_field};
use crate::page::{Page, redirect};
use crate::state::AppState;
use ::web::forms::FormErrors;
use ::web::pages::till::{
    CashForm, ReportView, TillScreen, cash_page, choose_page, close_page, open_page, report_page,
    till_screen,
};
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use db::accounts::users;
use db::ids::UserId;
use db::{DbConn, Money};
use sales::report::Report;
use sales::sessions::{self, CashKind};
use sales::{SalesError, shops, tills};
use serde::Deserialize;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/till", web::get().to(choose))
        .route("/till/{code}", web::get().to(screen))
        .route("/till/{code}/open", web::post().to(open))
        .route("/till/{code}/cash", web::get().to(cash_form))
        .route("/till/{code}/cash", web::post().to(cash))
        .route("/till/{code}/report", web::get().to(x_report))
        .route("/till/{code}/close", web::get().to(close_form))
        .route("/till/{code}/close", web::post().to(close));
}

/// One active till goes straight to its screen; several are listed.
async fn choose(
    _user: Authed<AnyRole>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let active: Vec<tills::Till> = read(&state, tills::all)
        .await?
        .into_iter()
        .filter(|t| t.active)
        .collect();
    if let [only] = active.as_slice() {
        return Ok(redirect(&format!("/till/{}", only.code)));
    }
    Ok(page.ok(choose_page(&page.ctx, &active)))
}

fn display_name(conn: &mut DbConn, id: i64) -> Result<String, SalesError> {
    users::get(conn, UserId(id))
        .map(|u| u.display_name)
        .map_err(|e| SalesError::Invalid {
            field: "user",
            reason: e.to_string(),
        })
}

async fn render_open(
    state: &AppState,
    page: &Page,
    code: String,
    float: &str,
    errors: &FormErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let till = read(state, move |conn| tills::by_code(conn, &code)).await?;
    Ok(page.respond(status, open_page(&page.ctx, &till, float, errors)))
}

async fn screen(
    _user: Authed<AnyRole>,
    state: web::Data<AppState>,
    page: Page,
    code: web::Path<String>,
) -> AppResult<HttpResponse> {
    let code = code.into_inner();
    let lookup = code.clone();
    let found = read(&state, move |conn| -> Result<_, SalesError> {
        let till = tills::by_code(conn, &lookup)?;
        let shop = shops::get(conn, till.shop_id)?;
        let session = sessions::current(conn, till.id)?;
        let opened_by = match &session {
            Some(s) => display_name(conn, s.opened_by)?,
            None => String::new(),
        };
        let card_prefix = customers::cards::prefix(conn)?;
        Ok((till, shop, session, opened_by, card_prefix))
    })
    .await?;
    let (till, shop, session, opened_by, card_prefix) = found;
    let Some(session) = session else {
        return render_open(&state, &page, code, "", &FormErrors::new(), StatusCode::OK).await;
    };
    let view = TillScreen {
        till: &till,
        session: &session,
        opened_by: &opened_by,
        opened_at_local: state.local(session.opened_at),
        print_mode: shop.print_mode,
        email: state.config.smtp.is_some(),
        max_discount_percent: shop.max_discount_percent,
        refund_limit: shop.refund_limit,
        card_prefix: &card_prefix,
    };
    Ok(page.ok(till_screen(&page.ctx, &view)))
}

/// A typed amount, or the field's French error.
fn typed_money(page: &Page, field: &'static str, raw: &str) -> Result<Money, FormErrors> {
    Money::parse(raw)
        .map_err(|e| FormErrors::new().with(field, amount_message(page.lang(), field, &e)))
}

/// A till refusal next to its field (or above the form).
fn sales_errors(page: &Page, e: SalesError) -> Result<FormErrors, AppError> {
    match e {
        SalesError::Db(db) => Err(db.into()),
        other => {
            let field = sales_error_field(&other);
            Ok(FormErrors::new().with(field, AppError::from(&other).message(page.lang())))
        }
    }
}

#[derive(Deserialize)]
struct OpenForm {
    #[serde(default)]
    opening_float: String,
}

async fn open(
    AuthedForm { user, form }: AuthedForm<AnyRole, OpenForm>,
    state: web::Data<AppState>,
    page: Page,
    code: web::Path<String>,
) -> AppResult<HttpResponse> {
    let code = code.into_inner();
    let float = match typed_money(&page, "opening_float", &form.opening_float) {
        Ok(float) => float,
        Err(errors) => {
            return render_open(
                &state,
                &page,
                code,
                &form.opening_float,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let (actor, clock, target) = (user.user().id, state.clock.clone(), code.clone());
    match attempt_write(&state, move |conn| {
        sessions::open(conn, &target, float, actor, clock.now_naive())
    })
    .await?
    {
        Ok(_) => Ok(redirect(&format!("/till/{code}"))),
        // Opened meanwhile (another device): the screen is what they want.
        Err(SalesError::SessionAlreadyOpen(_)) => Ok(redirect(&format!("/till/{code}"))),
        Err(e) => {
            let errors = sales_errors(&page, e)?;
            render_open(
                &state,
                &page,
                code,
                &form.opening_float,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

/// The till, when it has an open session (else the 409 page).
async fn in_session(state: &AppState, code: String) -> AppResult<tills::Till> {
    read(state, move |conn| {
        let till = tills::by_code(conn, &code)?;
        sessions::require_open(conn, &till)?;
        Ok::<_, SalesError>(till)
    })
    .await
}

async fn render_cash(
    state: &AppState,
    page: &Page,
    code: String,
    form: &CashForm,
    errors: &FormErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let till = in_session(state, code).await?;
    Ok(page.respond(status, cash_page(&page.ctx, &till, form, errors)))
}

async fn cash_form(
    _user: Authed<AnyRole>,
    state: web::Data<AppState>,
    page: Page,
    code: web::Path<String>,
) -> AppResult<HttpResponse> {
    render_cash(
        &state,
        &page,
        code.into_inner(),
        &CashForm::default(),
        &FormErrors::new(),
        StatusCode::OK,
    )
    .await
}

#[derive(Deserialize)]
struct CashFields {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    amount: String,
    #[serde(default)]
    reason: String,
}

async fn cash(
    AuthedForm { user, form }: AuthedForm<AnyRole, CashFields>,
    state: web::Data<AppState>,
    page: Page,
    code: web::Path<String>,
) -> AppResult<HttpResponse> {
    let code = code.into_inner();
    let kept = CashForm {
        kind: form.kind.clone(),
        amount: form.amount.clone(),
        reason: form.reason.clone(),
    };
    let amount = match typed_money(&page, "amount", &form.amount) {
        Ok(amount) => amount,
        Err(errors) => {
            return render_cash(
                &state,
                &page,
                code,
                &kept,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let kind = if form.kind == "out" {
        CashKind::Out
    } else {
        CashKind::In
    };
    let (actor, clock, target) = (user.user().id, state.clock.clone(), code.clone());
    match attempt_write(&state, move |conn| {
        sessions::move_cash(
            conn,
            &target,
            kind,
            amount,
            &form.reason,
            actor,
            clock.now_naive(),
        )
    })
    .await?
    {
        Ok(()) => Ok(redirect(&format!("/till/{code}"))),
        Err(e) => {
            let errors = sales_errors(&page, e)?;
            render_cash(
                &state,
                &page,
                code,
                &kept,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

/// The report page with the names and local times it shows.
async fn render_report(
    state: &AppState,
    page: &Page,
    code: &str,
    report: Report,
    closure_number: Option<i64>,
) -> AppResult<HttpResponse> {
    let opener = report.opened_by;
    let opened_by = read(state, move |conn| display_name(conn, opener)).await?;
    let back = format!("/till/{code}");
    let view = ReportView {
        report: &report,
        closure_number,
        opened_by: &opened_by,
        opened_at_local: state.local(report.opened_at),
        closed_at_local: report.closed_at.map(|t| state.local(t)),
        back: &back,
    };
    Ok(page.ok(report_page(&page.ctx, &view)))
}

async fn x_report(
    _user: Authed<AnyRole>,
    state: web::Data<AppState>,
    page: Page,
    code: web::Path<String>,
) -> AppResult<HttpResponse> {
    let code = code.into_inner();
    let target = code.clone();
    let report = read(&state, move |conn| sessions::x_report(conn, &target)).await?;
    render_report(&state, &page, &code, report, None).await
}

async fn render_close(
    state: &AppState,
    page: &Page,
    code: String,
    counted: &str,
    errors: &FormErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let till = in_session(state, code).await?;
    Ok(page.respond(status, close_page(&page.ctx, &till, counted, errors)))
}

async fn close_form(
    _user: Authed<AnyRole>,
    state: web::Data<AppState>,
    page: Page,
    code: web::Path<String>,
) -> AppResult<HttpResponse> {
    render_close(
        &state,
        &page,
        code.into_inner(),
        "",
        &FormErrors::new(),
        StatusCode::OK,
    )
    .await
}

#[derive(Deserialize)]
struct CloseForm {
    #[serde(default)]
    counted_cash: String,
}

async fn close(
    AuthedForm { user, form }: AuthedForm<AnyRole, CloseForm>,
    state: web::Data<AppState>,
    page: Page,
    code: web::Path<String>,
) -> AppResult<HttpResponse> {
    let code = code.into_inner();
    let counted = match typed_money(&page, "counted_cash", &form.counted_cash) {
        Ok(counted) => counted,
        Err(errors) => {
            return render_close(
                &state,
                &page,
                code,
                &form.counted_cash,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let (actor, clock, target) = (user.user().id, state.clock.clone(), code.clone());
    match attempt_write(&state, move |conn| {
        sessions::close(conn, &target, counted, actor, clock.now_naive())
    })
    .await?
    {
        Ok(closure) => {
            render_report(&state, &page, &code, closure.report, Some(closure.number)).await
        }
        Err(e) => {
            let errors = sales_errors(&page, e)?;
            render_close(
                &state,
                &page,
                code,
                &form.counted_cash,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}
