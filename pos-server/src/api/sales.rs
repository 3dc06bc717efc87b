//! `/api/v1/sales`: the till posts sales (idempotent on its UUID), prints,
//! refunds and e-mails receipts; managers list them.

use super::fields;
use super::tills::VatOut;
use crate::auth::approval::{ApprovalIn, approver};
use crate::auth::{AnyRole, ApiAuthed, ApiJson, ManagerRole};
use crate::error::{AppError, AppResult, ErrorKind};
use crate::routes::{read, write_grouped};
use crate::state::AppState;
use ::web::i18n::Msg;
use actix_web::web::{self, Json};
use actix_web::{HttpRequest, HttpResponse};
use db::{Money, Quantity};
use sales::SalesError;
use sales::pricing::Discount;
use sales::refund::{self, NewRefund, RefundOf};
use sales::sale::{self, Completed, Item, NewPayment, NewSale, Recorded, SaleLine};
use sales::tickets::{self, PaymentMethod, Ticket};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct TicketLineOut {
    pub line_id: i64,
    pub product_id: i64,
    pub label: String,
    #[schema(value_type = String)]
    pub quantity: Quantity,
    #[schema(value_type = String)]
    pub unit_price: Money,
    pub vat_rate: String,
    /// The line's own discount and its share of the ticket's.
    #[schema(value_type = String)]
    pub discount: Money,
    #[schema(value_type = String)]
    pub total: Money,
}

#[derive(Serialize, ToSchema)]
pub struct PaymentOut {
    pub method: String,
    #[schema(value_type = String)]
    pub amount: Money,
}

/// A ticket: a sale, or a refund (negative amounts) pointing to its original.
#[derive(Serialize, ToSchema)]
pub struct TicketOut {
    /// The UUID the till chose.
    pub id: String,
    pub number: i64,
    /// `T01-000042`: what the receipt's barcode carries.
    pub reference: String,
    pub till: String,
    /// `sale` or `refund`.
    pub kind: String,
    pub training: bool,
    pub refund_of: Option<String>,
    pub created_at: String,
    pub cashier: String,
    #[schema(value_type = String)]
    pub total: Money,
    #[schema(value_type = String)]
    pub discount_total: Money,
    #[schema(value_type = String)]
    pub change: Money,
    pub vat: Vec<VatOut>,
    pub lines: Vec<TicketLineOut>,
    pub payments: Vec<PaymentOut>,
    pub customer_id: Option<i64>,
    /// Points the card earned on this ticket (negative: taken back by a refund).
    pub points_earned: Option<i64>,
    /// The card's balance after this ticket.
    pub points_balance: Option<i64>,
    /// The chain's hash of this ticket (empty for training tickets).
    pub hash: String,
}

impl TicketOut {
    fn of(ticket: Ticket, refund_of: Option<String>) -> TicketOut {
        TicketOut {
            reference: ticket.reference(),
            id: ticket.uuid,
            number: ticket.number,
            till: ticket.till_code,
            kind: match ticket.kind {
                tickets::TicketKind::Sale => "sale".into(),
                tickets::TicketKind::Refund => "refund".into(),
            },
            training: ticket.training,
            refund_of,
            created_at: ticket.created_at.and_utc().to_rfc3339(),
            cashier: ticket.cashier_name,
            total: ticket.total,
            discount_total: ticket.discount_total,
            change: ticket.change,
            vat: ticket.vat.iter().map(VatOut::of).collect(),
            lines: ticket
                .lines
                .into_iter()
                .map(|l| TicketLineOut {
                    line_id: l.id,
                    product_id: l.product_id,
                    label: l.label,
                    quantity: l.quantity,
                    unit_price: l.unit_price,
                    vat_rate: l.vat_code,
                    discount: l.line_discount + l.ticket_discount,
                    total: l.total,
                })
                .collect(),
            payments: ticket
                .payments
                .into_iter()
                .map(|p| PaymentOut {
                    method: p.method,
                    amount: p.amount,
                })
                .collect(),
            customer_id: ticket.customer_id,
            points_earned: ticket.loyalty.map(|l| l.0),
            points_balance: ticket.loyalty.map(|l| l.1),
            hash: ticket.hash,
        }
    }
}

/// 201 for a ticket just made, 200 for one posted before under the same id.
fn created_or_again(is_new: bool, out: &TicketOut) -> HttpResponse {
    if is_new {
        HttpResponse::Created().json(out)
    } else {
        HttpResponse::Ok().json(out)
    }
}

/// The ticket with the original's UUID when it is a refund.
fn ticket_out(conn: &mut db::DbConn, ticket: Ticket) -> Result<TicketOut, SalesError> {
    let refund_of = match ticket.refund_of {
        Some(id) => Some(tickets::get(conn, id)?.uuid),
        None => None,
    };
    Ok(TicketOut::of(ticket, refund_of))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SaleLineIn {
    pub product_id: Option<i64>,
    /// As scanned: a product's code, or a scale label with weight or price.
    pub barcode: Option<String>,
    /// Default 1 (or the weight on a scale label).
    pub quantity: Option<String>,
    /// `"10"` for 10 %.
    pub discount_percent: Option<String>,
    /// `"1.50"`.
    pub discount_amount: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PaymentIn {
    /// `cash`, `card`, `cheque`, `voucher` or `loyalty`.
    pub method: String,
    pub amount: String,
    /// A voucher's code, a cheque's number.
    pub reference: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SaleIn {
    /// A UUID the till chooses: posting it again returns the same ticket.
    pub id: String,
    /// The till's code.
    pub till: String,
    pub lines: Vec<SaleLineIn>,
    pub payments: Vec<PaymentIn>,
    /// A discount on the whole ticket.
    pub discount_percent: Option<String>,
    pub discount_amount: Option<String>,
    /// The loyalty card scanned at the till: the sale is counted on its customer.
    pub customer_card: Option<String>,
    /// Training mode: marked FORMATION, kept out of totals, chains and stock.
    #[serde(default)]
    pub training: bool,
    /// A manager's PIN, for a discount beyond the shop's limit.
    pub approval: Option<ApprovalIn>,
}

fn discount(percent: Option<&str>, amount: Option<&str>) -> Result<Option<Discount>, AppError> {
    let percent = percent.map(str::trim).filter(|p| !p.is_empty());
    let amount = amount.map(str::trim).filter(|a| !a.is_empty());
    match (percent, amount) {
        (Some(_), Some(_)) => Err(AppError::new(
            ErrorKind::Unprocessable,
            Msg::ErrBothDiscounts,
        )),
        (Some(p), None) => db::fixed::parse(p.trim_end_matches('%').trim(), 2)
            .map(|h| Some(Discount::Percent(h)))
            .map_err(|e| {
                AppError::new(ErrorKind::Unprocessable, Msg::ErrAmount)
                    .arg("field", "discount_percent")
                    .arg("reason", e.to_string())
            }),
        (None, Some(a)) => fields::money("discount_amount", a).map(|m| Some(Discount::Amount(m))),
        (None, None) => Ok(None),
    }
}

fn method(raw: &str) -> Result<PaymentMethod, AppError> {
    PaymentMethod::parse(raw).ok_or_else(|| {
        AppError::new(ErrorKind::Unprocessable, Msg::ErrPaymentMethod).arg("value", raw)
    })
}

fn sale_lines(lines: &[SaleLineIn]) -> Result<Vec<SaleLine>, AppError> {
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let item = match (l.product_id, l.barcode.as_deref().map(str::trim)) {
                (Some(id), None) => Item::Product(id),
                (None, Some(code)) if !code.is_empty() => Item::Scan(code.to_owned()),
                _ => {
                    return Err(AppError::new(ErrorKind::Unprocessable, Msg::ErrLineItem)
                        .arg("line", (i + 1).to_string()));
                }
            };
            Ok(SaleLine {
                item,
                quantity: fields::optional_quantity("quantity", l.quantity.as_deref())?,
                discount: discount(l.discount_percent.as_deref(), l.discount_amount.as_deref())?,
            })
        })
        .collect()
}

/// Completes a sale in one transaction. The same `id` again answers 200 with
/// the first ticket, unchanged.
#[utoipa::path(post, path = "/api/v1/sales", tag = "till", security(("bearer" = [])), request_body = SaleIn,
    responses((status = 201, body = TicketOut), (status = 200, description = "this id was posted before", body = TicketOut),
        (status = 403, description = "needs a manager's PIN", body = super::openapi::ErrorBody),
        (status = 409, description = "no open session on that till", body = super::openapi::ErrorBody),
        (status = 422, description = "payments short of the total, unknown barcode…", body = super::openapi::ErrorBody)))]
pub async fn create(
    req: HttpRequest,
    ApiJson { caller, body }: ApiJson<AnyRole, SaleIn>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let lines = sale_lines(&body.lines)?;
    let payments = body
        .payments
        .iter()
        .map(|p| {
            Ok(NewPayment {
                method: method(&p.method)?,
                amount: fields::money("amount", &p.amount)?,
                reference: p.reference.clone(),
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    let ticket_discount = discount(
        body.discount_percent.as_deref(),
        body.discount_amount.as_deref(),
    )?;
    let card = body
        .customer_card
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(str::to_owned);
    let approved_by = approver(&req, &state, &caller.user, body.approval).await?;
    let now = state.clock.now_naive();
    let sale = NewSale {
        uuid: body.id,
        till: body.till,
        cashier: caller.user.id,
        lines,
        discount: ticket_discount,
        payments,
        customer_id: None,
        training: body.training,
        approved_by,
        day: state.local(now).date(),
    };
    let uuid = sale.uuid.clone();
    let db = state.db.clone();
    let (is_new, out) = web::block(move || -> Result<(bool, TicketOut), SalesError> {
        // What only reads (the card, the basket's prices) is done on a reader
        // first: the write that every till's sale waits for stays short.
        let mut sale = sale;
        let priced = db.read(|conn| -> Result<_, SalesError> {
            if let Some(card) = card {
                let customer = customers::cards::customer_by_card(conn, &card)?
                    .ok_or(SalesError::UnknownCard(card))?;
                sale.customer_id = Some(customer.id);
            }
            Ok(sale::price(conn, &sale))
        })?;
        // Grouped: on SQLite the sales of several tills share one commit.
        let recorded = db.write_grouped(move |conn| sale::record_priced(conn, &sale, priced, now));
        let (is_new, id) = match recorded {
            Ok(Recorded::New(id)) => (true, Some(id)),
            Ok(Recorded::Existing(id)) => (false, Some(id)),
            // The same id posted at once for two tills: the other post made it.
            Err(e) if e.is_unique_violation() => (false, None),
            Err(e) => return Err(e),
        };
        // A ticket never changes once written: the answer reads it after the
        // commit, on a reader, rather than in the transaction the tills share.
        db.read(|conn| {
            let ticket = match id {
                Some(id) => tickets::get(conn, id)?,
                None => tickets::by_uuid(conn, &sale::clean_uuid(&uuid)?)?,
            };
            Ok((is_new, ticket_out(conn, ticket)?))
        })
    })
    .await??;
    Ok(created_or_again(is_new, &out))
}

/// One ticket by the UUID its till chose, or by the reference its receipt's
/// barcode carries (`T01-000042`), for returns.
#[utoipa::path(get, path = "/api/v1/sales/{id}", tag = "till", security(("bearer" = [])), params(("id" = String, Path, description = "the UUID the till chose, or the reference on the receipt (T01-000042)")),
    responses((status = 200, body = TicketOut), (status = 404, body = super::openapi::ErrorBody)))]
pub async fn get(
    _caller: ApiAuthed<AnyRole>,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> AppResult<Json<TicketOut>> {
    let id = id.into_inner();
    let out = read(&state, move |conn| {
        let ticket = match tickets::id_of_uuid(conn, &id)? {
            Some(found) => tickets::get(conn, found)?,
            None => tickets::by_reference(conn, &id)?.ok_or_else(|| SalesError::NotFound {
                what: "ticket",
                id: id.clone(),
            })?,
        };
        ticket_out(conn, ticket)
    })
    .await?;
    Ok(Json(out))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ListQuery {
    /// The shop's day, `2026-11-25`.
    pub day: Option<String>,
    pub till: Option<String>,
    pub cashier_id: Option<i64>,
    pub method: Option<String>,
    #[serde(default)]
    pub training: bool,
}

#[derive(Serialize, ToSchema)]
pub struct SummaryOut {
    pub id: String,
    pub reference: String,
    pub number: i64,
    pub till: String,
    pub kind: String,
    pub cashier: String,
    #[schema(value_type = String)]
    pub total: Money,
    pub created_at: String,
}

#[derive(Serialize, ToSchema)]
pub struct SummaryList {
    pub items: Vec<SummaryOut>,
}

/// Tickets, newest first, by day, till, cashier and payment method.
#[utoipa::path(get, path = "/api/v1/sales", tag = "till", security(("bearer" = [])),
    params(("day" = Option<String>, Query), ("till" = Option<String>, Query), ("cashier_id" = Option<i64>, Query), ("method" = Option<String>, Query)),
    responses((status = 200, body = SummaryList)))]
pub async fn list(
    _caller: ApiAuthed<ManagerRole>,
    state: web::Data<AppState>,
    query: web::Query<ListQuery>,
) -> AppResult<Json<SummaryList>> {
    let query = query.into_inner();
    let method = query.method.as_deref().map(method).transpose()?;
    let bounds = match query.day.as_deref() {
        Some(day) => Some(state.day_bounds(day)?),
        None => None,
    };
    let items = read(&state, move |conn| -> Result<_, SalesError> {
        let till_id = match query.till.as_deref() {
            Some(code) => Some(sales::tills::by_code(conn, code)?.id),
            None => None,
        };
        let filter = tickets::Filter {
            from: bounds.map(|b| b.0),
            until: bounds.map(|b| b.1),
            till_id,
            cashier_id: query.cashier_id,
            method,
            session_id: None,
            training: query.training,
            limit: 500,
        };
        tickets::list(conn, &filter)
    })
    .await?;
    Ok(Json(SummaryList {
        items: items
            .into_iter()
            .map(|s| SummaryOut {
                reference: format!("{}-{:06}", s.till_code, s.number),
                id: s.uuid,
                number: s.number,
                till: s.till_code,
                kind: s.kind,
                cashier: s.cashier_name,
                total: s.total,
                created_at: s.created_at.and_utc().to_rfc3339(),
            })
            .collect(),
    }))
}

#[derive(Serialize, ToSchema)]
pub struct PrintOut {
    pub printed: bool,
    /// 0 for the original, n for DUPLICATA n.
    pub copy: u32,
}

/// Sends the receipt to its till's printer. A reprint is marked DUPLICATA
/// with its number. The sale is never at risk: a printer that is off answers
/// 503 and the ticket stays as it is.
#[utoipa::path(post, path = "/api/v1/sales/{id}/print", tag = "till", security(("bearer" = [])), params(("id" = String, Path, description = "the UUID the till chose")),
    responses((status = 200, body = PrintOut), (status = 409, description = "the till has no printer", body = super::openapi::ErrorBody),
        (status = 503, description = "printer unreachable", body = super::openapi::ErrorBody)))]
pub async fn print(
    caller: ApiAuthed<AnyRole>,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> AppResult<Json<PrintOut>> {
    let copy = crate::receipts::print_ticket(&state, &id.into_inner(), caller.user.id).await?;
    Ok(Json(PrintOut {
        printed: true,
        copy,
    }))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RefundLineIn {
    /// A line of the original ticket (`line_id` in its answer)…
    pub line_id: Option<i64>,
    /// …or its product (the first line of it with something left).
    pub product_id: Option<i64>,
    /// Default: all that is left of the line.
    pub quantity: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RefundIn {
    /// The counter-ticket's own UUID (posting it again returns it).
    pub id: String,
    /// Default: everything not yet refunded.
    pub lines: Option<Vec<RefundLineIn>>,
    /// How the money goes back: `cash` by default.
    pub method: Option<String>,
    /// Where the refund is made; the original's till by default.
    pub till: Option<String>,
    /// A manager's PIN, beyond the shop's refund limit.
    pub approval: Option<ApprovalIn>,
}

/// Refunds all or part of a ticket: a counter-ticket pointing to it, the goods
/// back in stock, the money back by the chosen method.
#[utoipa::path(post, path = "/api/v1/sales/{id}/refund", tag = "till", security(("bearer" = [])), params(("id" = String, Path, description = "the UUID the till chose")), request_body = RefundIn,
    responses((status = 201, body = TicketOut), (status = 200, description = "this refund id was posted before", body = TicketOut),
        (status = 403, description = "needs a manager's PIN", body = super::openapi::ErrorBody),
        (status = 409, body = super::openapi::ErrorBody), (status = 422, description = "more than was sold", body = super::openapi::ErrorBody)))]
pub async fn refund(
    req: HttpRequest,
    ApiJson { caller, body }: ApiJson<AnyRole, RefundIn>,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let method = method(body.method.as_deref().unwrap_or("cash"))?;
    let asked: Option<Vec<AskedLine>> = body
        .lines
        .as_ref()
        .map(|lines| {
            lines
                .iter()
                .map(|l| {
                    Ok((
                        l.line_id,
                        l.product_id,
                        fields::optional_quantity("quantity", l.quantity.as_deref())?,
                    ))
                })
                .collect::<Result<Vec<_>, AppError>>()
        })
        .transpose()?;
    let approved_by = approver(&req, &state, &caller.user, body.approval).await?;
    let (original, now) = (id.into_inner(), state.clock.now_naive());
    let day = state.local(now).date();
    let (cashier, uuid, till) = (caller.user.id, body.id, body.till);
    let (is_new, out) = write_grouped(&state, move |conn| {
        let original = tickets::by_uuid(conn, &original)?;
        let lines = asked
            .map(|asked| resolve_refund_lines(conn, &original, &asked))
            .transpose()?;
        let new = NewRefund {
            uuid,
            till: till.unwrap_or_else(|| original.till_code.clone()),
            cashier,
            of: RefundOf::Ticket {
                ticket_id: original.id,
                lines,
            },
            method,
            approved_by,
            training: original.training,
            day,
        };
        let completed = refund::refund(conn, &new, now)?;
        let is_new = matches!(completed, Completed::New(_));
        Ok::<_, SalesError>((is_new, ticket_out(conn, completed.into_ticket())?))
    })
    .await?;
    Ok(created_or_again(is_new, &out))
}

/// A refund line as asked: line id, product id, quantity.
type AskedLine = (Option<i64>, Option<i64>, Option<Quantity>);

/// Lines named by id or by product, with the quantity (default: what is left).
fn resolve_refund_lines(
    conn: &mut db::DbConn,
    original: &Ticket,
    asked: &[AskedLine],
) -> Result<Vec<(i64, Quantity)>, SalesError> {
    let done = refund::refunded_so_far(conn, original)?;
    let left = |line: &tickets::TicketLine| {
        let back = done.get(&line.id).map_or(0, |d| d.0.thousandths());
        Quantity::from_thousandths(line.quantity.thousandths() - back)
    };
    asked
        .iter()
        .map(|(line_id, product_id, quantity)| {
            let line = original.lines.iter().find(|l| match (line_id, product_id) {
                (Some(id), _) => l.id == *id,
                (None, Some(product)) => l.product_id == *product && left(l).thousandths() > 0,
                (None, None) => false,
            });
            let line = line.or_else(|| {
                // A product whose lines are all given back: name its first line,
                // so the refusal says how much was sold and refunded.
                product_id.and_then(|p| original.lines.iter().find(|l| l.product_id == p))
            });
            let line = line.ok_or_else(|| SalesError::NotFound {
                what: "ticket line",
                id: line_id.or(*product_id).unwrap_or_default().to_string(),
            })?;
            // Nothing left of the line: ask for all of it, so the refusal says
            // how much was sold and given back (a quantity of zero would not).
            let quantity = quantity.unwrap_or_else(|| match left(line) {
                left if left.thousandths() > 0 => left,
                _ => line.quantity,
            });
            Ok((line.id, quantity))
        })
        .collect()
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct BlindRefundIn {
    /// The counter-ticket's own UUID (posting it again returns it).
    pub id: String,
    /// Where the money goes back out.
    pub till: String,
    /// The goods brought back, named like at a sale.
    pub lines: Vec<SaleLineIn>,
    /// How the money goes back: `cash` by default.
    pub method: Option<String>,
    /// A manager's PIN: a refund without its ticket always needs one.
    pub approval: Option<ApprovalIn>,
    #[serde(default)]
    pub training: bool,
}

/// Refunds goods without their ticket (a gift, a lost receipt): a manager
/// approves; the goods go back to stock at today's price.
#[utoipa::path(post, path = "/api/v1/refunds", tag = "till", security(("bearer" = [])), request_body = BlindRefundIn,
    responses((status = 201, body = TicketOut), (status = 200, description = "this refund id was posted before", body = TicketOut),
        (status = 403, description = "needs a manager's PIN", body = super::openapi::ErrorBody),
        (status = 409, body = super::openapi::ErrorBody), (status = 422, body = super::openapi::ErrorBody)))]
pub async fn blind_refund(
    req: HttpRequest,
    ApiJson { caller, body }: ApiJson<AnyRole, BlindRefundIn>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let method = method(body.method.as_deref().unwrap_or("cash"))?;
    let lines = sale_lines(&body.lines)?;
    let approved_by = approver(&req, &state, &caller.user, body.approval).await?;
    let now = state.clock.now_naive();
    let new = NewRefund {
        uuid: body.id,
        till: body.till,
        cashier: caller.user.id,
        of: RefundOf::Nothing { lines },
        method,
        approved_by,
        training: body.training,
        day: state.local(now).date(),
    };
    let (is_new, out) = write_grouped(&state, move |conn| {
        let completed = refund::refund(conn, &new, now)?;
        let is_new = matches!(completed, Completed::New(_));
        Ok::<_, SalesError>((is_new, ticket_out(conn, completed.into_ticket())?))
    })
    .await?;
    Ok(created_or_again(is_new, &out))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EmailIn {
    /// Used for this receipt only, never for marketing.
    pub address: String,
}

#[derive(Serialize, ToSchema)]
pub struct EmailOut {
    pub sent: bool,
}

/// E-mails the receipt to the address the customer gives.
#[utoipa::path(post, path = "/api/v1/sales/{id}/email", tag = "till", security(("bearer" = [])), params(("id" = String, Path, description = "the UUID the till chose")), request_body = EmailIn,
    responses((status = 200, body = EmailOut), (status = 409, description = "no SMTP server configured", body = super::openapi::ErrorBody),
        (status = 422, description = "invalid address", body = super::openapi::ErrorBody), (status = 503, body = super::openapi::ErrorBody)))]
pub async fn email(
    ApiJson { caller, body }: ApiJson<AnyRole, EmailIn>,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> AppResult<Json<EmailOut>> {
    crate::receipts::email_ticket(&state, &id.into_inner(), &body.address, caller.user.id).await?;
    Ok(Json(EmailOut { sent: true }))
}
