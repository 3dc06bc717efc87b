//! `/api/v1/tills`: tills (the owner configures them) and their cash sessions
//! (any cashier opens, moves cash, reads the X report and closes with the Z).

use super::fields;
use crate::auth::{AnyRole, ApiAuthed, ApiJson, OwnerRole};
use crate::error::AppResult;
use crate::routes::{read, write};
use crate::state::AppState;
use actix_web::HttpResponse;
use actix_web::web::{self, Json};
use db::Money;
use sales::report::Report;
use sales::sessions::{self, CashKind};
use sales::tills::{self, Till, TillFields};
use sales::{SalesError, shops};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct TillOut {
    pub code: String,
    pub name: String,
    pub printer: Option<String>,
    pub printer_columns: i64,
    pub drawer_on_cash: bool,
    pub active: bool,
    /// Number of the last ticket (training tickets count apart).
    pub last_number: i64,
    /// The perpetual grand total of its tickets.
    #[schema(value_type = String)]
    pub grand_total: Money,
    /// Whether a cash session is open.
    pub open: bool,
}

impl TillOut {
    fn of(till: Till, open: bool) -> TillOut {
        TillOut {
            grand_total: till.grand_total(),
            code: till.code,
            name: till.name,
            printer: till.printer,
            printer_columns: till.printer_columns,
            drawer_on_cash: till.drawer_on_cash,
            active: till.active,
            last_number: till.last_number,
            open,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct TillList {
    pub items: Vec<TillOut>,
}

/// The tills and whether each has an open session.
#[utoipa::path(get, path = "/api/v1/tills", tag = "till", security(("bearer" = [])),
    responses((status = 200, body = TillList)))]
pub async fn list(
    _caller: ApiAuthed<AnyRole>,
    state: web::Data<AppState>,
) -> AppResult<Json<TillList>> {
    let items = read(&state, |conn| -> Result<_, SalesError> {
        let mut items = Vec::new();
        for till in tills::all(conn)? {
            let open = sessions::current(conn, till.id)?.is_some();
            items.push(TillOut::of(till, open));
        }
        Ok(items)
    })
    .await?;
    Ok(Json(TillList { items }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TillIn {
    /// `T01`: letters, digits, dashes.
    pub code: String,
    pub name: String,
    /// `tcp://192.168.1.50:9100` or `file:/dev/usb/lp0`.
    pub printer: Option<String>,
    /// 42 (default) or 48.
    pub printer_columns: Option<i64>,
    /// Whether a cash payment opens the drawer (default: yes).
    pub drawer_on_cash: Option<bool>,
}

/// Creates a till in the (first) shop.
#[utoipa::path(post, path = "/api/v1/tills", tag = "till", security(("bearer" = [])), request_body = TillIn,
    responses((status = 201, body = TillOut), (status = 409, body = super::openapi::ErrorBody), (status = 422, body = super::openapi::ErrorBody)))]
pub async fn create(
    ApiJson { body, .. }: ApiJson<OwnerRole, TillIn>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let clock = state.clock.clone();
    let till = write(&state, move |conn| {
        let shop = shops::main_shop(conn)?;
        tills::create(
            conn,
            shop.id(),
            &TillFields {
                code: &body.code,
                name: &body.name,
                printer: body.printer.as_deref(),
                printer_columns: body.printer_columns.unwrap_or(42),
                drawer_on_cash: body.drawer_on_cash.unwrap_or(true),
            },
            clock.now_naive(),
        )
    })
    .await?;
    Ok(HttpResponse::Created().json(TillOut::of(till, false)))
}

#[derive(Serialize, ToSchema)]
pub struct VatOut {
    /// `"20"`, `"5.5"`.
    pub rate: String,
    #[schema(value_type = String)]
    pub base: Money,
    #[schema(value_type = String)]
    pub tax: Money,
    #[schema(value_type = String)]
    pub total: Money,
}

impl VatOut {
    pub fn of(share: &sales::pricing::VatShare) -> VatOut {
        VatOut {
            rate: share.code.clone(),
            base: share.base,
            tax: share.tax,
            total: share.total,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct MethodOut {
    /// `cash`, `card`, `cheque`, `voucher`, `loyalty`.
    pub method: String,
    #[schema(value_type = String)]
    pub amount: Money,
}

/// An X report (open session) or a Z report (closed).
#[derive(Serialize, ToSchema)]
pub struct ReportOut {
    /// `X` or `Z`.
    pub kind: String,
    pub till: String,
    pub session_id: i64,
    /// The closure's number, on a Z report.
    pub closure_number: Option<i64>,
    pub opened_at: String,
    pub closed_at: Option<String>,
    #[schema(value_type = String)]
    pub opening_float: Money,
    pub sales_count: i64,
    #[schema(value_type = String)]
    pub sales_total: Money,
    pub refunds_count: i64,
    #[schema(value_type = String)]
    pub refunds_total: Money,
    #[schema(value_type = String)]
    pub discounts_total: Money,
    #[schema(value_type = String)]
    pub net_total: Money,
    pub first_ticket: Option<i64>,
    pub last_ticket: Option<i64>,
    pub by_method: Vec<MethodOut>,
    pub by_vat: Vec<VatOut>,
    #[schema(value_type = String)]
    pub cash_in: Money,
    #[schema(value_type = String)]
    pub cash_out: Money,
    #[schema(value_type = String)]
    pub expected_cash: Money,
    #[schema(value_type = Option<String>)]
    pub counted_cash: Option<Money>,
    #[schema(value_type = Option<String>)]
    pub difference: Option<Money>,
    #[schema(value_type = String)]
    pub grand_total: Money,
}

impl ReportOut {
    pub fn of(report: &Report, closure_number: Option<i64>) -> ReportOut {
        ReportOut {
            kind: report.kind.clone(),
            till: report.till.clone(),
            session_id: report.session_id,
            closure_number,
            opened_at: report.opened_at.and_utc().to_rfc3339(),
            closed_at: report.closed_at.map(|t| t.and_utc().to_rfc3339()),
            opening_float: report.opening_float,
            sales_count: report.sales_count,
            sales_total: report.sales_total,
            refunds_count: report.refunds_count,
            refunds_total: report.refunds_total,
            discounts_total: report.discounts_total,
            net_total: report.net_total,
            first_ticket: report.first_ticket,
            last_ticket: report.last_ticket,
            by_method: report
                .by_method
                .iter()
                .map(|m| MethodOut {
                    method: m.method.clone(),
                    amount: m.amount,
                })
                .collect(),
            by_vat: report.by_vat.iter().map(VatOut::of).collect(),
            cash_in: report.cash_in,
            cash_out: report.cash_out,
            expected_cash: report.expected_cash,
            counted_cash: report.counted_cash,
            difference: report.difference,
            grand_total: report.grand_total,
        }
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OpenIn {
    /// The cash counted in the drawer: `"150.00"`.
    pub opening_float: String,
}

#[derive(Serialize, ToSchema)]
pub struct SessionOut {
    pub id: i64,
    pub till: String,
    pub opened_at: String,
    #[schema(value_type = String)]
    pub opening_float: Money,
}

/// Opens the till's cash session with the counted float.
#[utoipa::path(post, path = "/api/v1/tills/{code}/sessions", tag = "till", security(("bearer" = [])), params(("code" = String, Path, description = "the till's code")), request_body = OpenIn,
    responses((status = 201, body = SessionOut), (status = 409, description = "already open", body = super::openapi::ErrorBody)))]
pub async fn open(
    ApiJson { caller, body }: ApiJson<AnyRole, OpenIn>,
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> AppResult<HttpResponse> {
    let float = fields::money("opening_float", &body.opening_float)?;
    let (code, user, clock) = (code.into_inner(), caller.user.id, state.clock.clone());
    let session = write(&state, move |conn| {
        let session = sessions::open(conn, &code, float, user, clock.now_naive())?;
        Ok::<_, SalesError>((session, tills::by_code(conn, &code)?.code))
    })
    .await?;
    Ok(HttpResponse::Created().json(SessionOut {
        id: session.0.id,
        till: session.1,
        opened_at: session.0.opened_at.and_utc().to_rfc3339(),
        opening_float: session.0.opening_float,
    }))
}

/// The X report of the open session.
#[utoipa::path(get, path = "/api/v1/tills/{code}/sessions/current", tag = "till", security(("bearer" = [])), params(("code" = String, Path, description = "the till's code")),
    responses((status = 200, body = ReportOut), (status = 409, description = "no open session", body = super::openapi::ErrorBody)))]
pub async fn current(
    _caller: ApiAuthed<AnyRole>,
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> AppResult<Json<ReportOut>> {
    let code = code.into_inner();
    let report = read(&state, move |conn| sessions::x_report(conn, &code)).await?;
    Ok(Json(ReportOut::of(&report, None)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CashIn {
    /// `in` or `out`.
    pub kind: String,
    pub amount: String,
    pub reason: String,
}

/// Cash put in or taken out of the drawer, with its reason.
#[utoipa::path(post, path = "/api/v1/tills/{code}/sessions/current/cash", tag = "till", security(("bearer" = [])), params(("code" = String, Path, description = "the till's code")), request_body = CashIn,
    responses((status = 201, body = ReportOut), (status = 409, body = super::openapi::ErrorBody), (status = 422, body = super::openapi::ErrorBody)))]
pub async fn cash(
    ApiJson { caller, body }: ApiJson<AnyRole, CashIn>,
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> AppResult<HttpResponse> {
    let kind = match body.kind.trim() {
        "in" => CashKind::In,
        "out" => CashKind::Out,
        other => {
            return Err(crate::error::AppError::new(
                crate::error::ErrorKind::Unprocessable,
                ::web::i18n::Msg::ErrBadQuery,
            )
            .arg("detail", format!("kind {other:?}: in or out")));
        }
    };
    let amount = fields::money("amount", &body.amount)?;
    let (code, user, clock) = (code.into_inner(), caller.user.id, state.clock.clone());
    let report = write(&state, move |conn| {
        sessions::move_cash(
            conn,
            &code,
            kind,
            amount,
            &body.reason,
            user,
            clock.now_naive(),
        )?;
        sessions::x_report(conn, &code)
    })
    .await?;
    Ok(HttpResponse::Created().json(ReportOut::of(&report, None)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CloseIn {
    /// The cash counted in the drawer at closing.
    pub counted_cash: String,
}

/// Closes the session with the counted cash: the Z report, stored and chained.
#[utoipa::path(post, path = "/api/v1/tills/{code}/sessions/current/close", tag = "till", security(("bearer" = [])), params(("code" = String, Path, description = "the till's code")), request_body = CloseIn,
    responses((status = 200, body = ReportOut), (status = 409, description = "no open session", body = super::openapi::ErrorBody)))]
pub async fn close(
    ApiJson { caller, body }: ApiJson<AnyRole, CloseIn>,
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> AppResult<Json<ReportOut>> {
    let counted = fields::money("counted_cash", &body.counted_cash)?;
    let (code, user, clock) = (code.into_inner(), caller.user.id, state.clock.clone());
    let closure = write(&state, move |conn| {
        sessions::close(conn, &code, counted, user, clock.now_naive())
    })
    .await?;
    Ok(Json(ReportOut::of(&closure.report, Some(closure.number))))
}

#[derive(Serialize, ToSchema)]
pub struct HeldOut {
    pub id: i64,
    pub till: String,
    pub label: String,
    /// The basket as the till sent it.
    #[schema(value_type = Object)]
    pub basket: serde_json::Value,
    pub created_at: String,
}

impl HeldOut {
    fn of(held: sales::held::Held) -> HeldOut {
        HeldOut {
            basket: serde_json::from_str(&held.basket).unwrap_or(serde_json::Value::Null),
            id: held.id,
            till: held.till_code,
            label: held.label,
            created_at: held.created_at.and_utc().to_rfc3339(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct HeldList {
    pub items: Vec<HeldOut>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct HoldIn {
    /// A name to find it again ("Mme Martin"); numbered by default.
    pub label: Option<String>,
    /// Whatever the till needs to rebuild the basket.
    #[schema(value_type = Object)]
    pub basket: serde_json::Value,
}

/// Puts a basket on hold.
#[utoipa::path(post, path = "/api/v1/tills/{code}/held", tag = "till", security(("bearer" = [])), params(("code" = String, Path, description = "the till's code")), request_body = HoldIn,
    responses((status = 201, body = HeldOut), (status = 404, body = super::openapi::ErrorBody),
        (status = 422, description = "the basket is not a JSON object", body = super::openapi::ErrorBody)))]
pub async fn hold(
    ApiJson { caller, body }: ApiJson<AnyRole, HoldIn>,
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> AppResult<HttpResponse> {
    let (code, user, clock) = (code.into_inner(), caller.user.id, state.clock.clone());
    // An object, as documented (and as the till page sends it).
    if !body.basket.is_object() {
        return Err(SalesError::Invalid {
            field: "basket",
            reason: "a JSON object".into(),
        }
        .into());
    }
    let basket = body.basket.to_string();
    let held = write(&state, move |conn| {
        sales::held::hold(
            conn,
            &code,
            body.label.as_deref(),
            &basket,
            user,
            clock.now_naive(),
        )
    })
    .await?;
    Ok(HttpResponse::Created().json(HeldOut::of(held)))
}

/// The baskets on hold at a till.
#[utoipa::path(get, path = "/api/v1/tills/{code}/held", tag = "till", security(("bearer" = [])), params(("code" = String, Path, description = "the till's code")),
    responses((status = 200, body = HeldList)))]
pub async fn held(
    _caller: ApiAuthed<AnyRole>,
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> AppResult<Json<HeldList>> {
    let code = code.into_inner();
    let items = read(&state, move |conn| {
        tills::by_code(conn, &code)?;
        sales::held::list(conn, Some(&code))
    })
    .await?;
    Ok(Json(HeldList {
        items: items.into_iter().map(HeldOut::of).collect(),
    }))
}

/// Takes a basket back off hold (it leaves the list).
#[utoipa::path(post, path = "/api/v1/held/{id}/take", tag = "till", security(("bearer" = [])), params(("id" = i64, Path, description = "the held basket's id")),
    responses((status = 200, body = HeldOut), (status = 404, body = super::openapi::ErrorBody)))]
pub async fn take(
    _caller: ApiAuthed<AnyRole>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<Json<HeldOut>> {
    let id = id.into_inner();
    let held = write(&state, move |conn| sales::held::take(conn, id)).await?;
    Ok(Json(HeldOut::of(held)))
}
