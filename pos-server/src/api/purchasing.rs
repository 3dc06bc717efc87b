//! `/api/v1/purchase-orders` and `/api/v1/stock/adjustments`: managers and the owner.

use super::fields;
use super::products::MovementOut;
use crate::auth::{ApiAuthed, ApiJson, ManagerRole};
use crate::error::{AppError, AppResult};
use crate::routes::{read, write};
use crate::state::AppState;
use actix_web::HttpResponse;
use actix_web::web::{self, Json};
use db::{Money, Quantity};
use inventory::purchasing::{self, NewOrderLine, Order, OrderStatus, ReceiptWarning, ReceiveLine};
use inventory::stock::movements;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct OrderLineOut {
    pub product_id: i64,
    pub product_name: String,
    #[schema(value_type = String)]
    pub quantity: Quantity,
    #[schema(value_type = String)]
    pub received: Quantity,
    #[schema(value_type = String)]
    pub unit_cost: Money,
    #[schema(value_type = String)]
    pub total: Money,
}

#[derive(Serialize, ToSchema)]
pub struct OrderOut {
    pub id: i64,
    pub supplier_id: i64,
    pub supplier_name: String,
    /// `draft`, `sent`, `partial`, `received` or `cancelled`.
    #[schema(value_type = String)]
    pub status: OrderStatus,
    pub notes: Option<String>,
    pub lines: Vec<OrderLineOut>,
    #[schema(value_type = String)]
    pub total: Money,
    pub created_at: String,
    /// Receiving more than ordered is recorded, and said here.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<WarningOut>,
}

#[derive(Serialize, ToSchema)]
pub struct WarningOut {
    pub product_id: i64,
    /// `over_receipt`
    pub code: &'static str,
    #[schema(value_type = String)]
    pub ordered: Quantity,
    #[schema(value_type = String)]
    pub received: Quantity,
}

impl OrderOut {
    fn of(order: Order, warnings: Vec<ReceiptWarning>) -> OrderOut {
        OrderOut {
            total: order.total(),
            id: order.id,
            supplier_id: order.supplier_id,
            supplier_name: order.supplier_name,
            status: order.status,
            notes: order.notes,
            created_at: order.created_at.and_utc().to_rfc3339(),
            lines: order
                .lines
                .into_iter()
                .map(|l| OrderLineOut {
                    total: l.total(),
                    product_id: l.product_id,
                    product_name: l.product_name,
                    quantity: l.quantity,
                    received: l.received,
                    unit_cost: l.unit_cost,
                })
                .collect(),
            warnings: warnings
                .into_iter()
                .map(|w| WarningOut {
                    product_id: w.product_id,
                    code: "over_receipt",
                    ordered: w.ordered,
                    received: w.received,
                })
                .collect(),
        }
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrderLineIn {
    pub product_id: i64,
    /// `"12"`, `"2.5"`
    pub quantity: String,
    /// `"4.10"`
    pub unit_cost: String,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct OrderIn {
    pub supplier_id: i64,
    pub lines: Vec<OrderLineIn>,
    pub notes: Option<String>,
}

/// Creates a draft purchase order.
#[utoipa::path(post, path = "/api/v1/purchase-orders", tag = "purchasing", security(("bearer" = [])), request_body = OrderIn,
    responses((status = 201, body = OrderOut), (status = 404, body = super::openapi::ErrorBody), (status = 422, body = super::openapi::ErrorBody)))]
pub async fn create(
    ApiJson { caller, body }: ApiJson<ManagerRole, OrderIn>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let lines = body
        .lines
        .iter()
        .map(|l| {
            Ok(NewOrderLine {
                product_id: l.product_id,
                quantity: fields::quantity("quantity", &l.quantity)?,
                unit_cost: fields::money("unit_cost", &l.unit_cost)?,
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    let (actor, clock, supplier, notes) = (
        caller.user.id,
        state.clock.clone(),
        body.supplier_id,
        body.notes,
    );
    let order = write(&state, move |conn| {
        purchasing::create_order(
            conn,
            supplier,
            &lines,
            notes.as_deref(),
            Some(actor),
            clock.now_naive(),
        )
    })
    .await?;
    Ok(HttpResponse::Created().json(OrderOut::of(order, Vec::new())))
}

/// One purchase order.
#[utoipa::path(get, path = "/api/v1/purchase-orders/{id}", tag = "purchasing", security(("bearer" = [])), params(("id" = i64, Path, description = "the order's id")),
    responses((status = 200, body = OrderOut), (status = 404, body = super::openapi::ErrorBody)))]
pub async fn get(
    _caller: ApiAuthed<ManagerRole>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<Json<OrderOut>> {
    let id = id.into_inner();
    let order = read(&state, move |conn| purchasing::get_order(conn, id)).await?;
    Ok(Json(OrderOut::of(order, Vec::new())))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReceiveLineIn {
    pub product_id: i64,
    pub quantity: String,
    /// The invoiced cost, when it differs from the order's.
    pub unit_cost: Option<String>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReceiveIn {
    pub lines: Vec<ReceiveLineIn>,
    /// Where the goods go; the sales floor by default.
    pub location_id: Option<i64>,
}

/// Receives all or part of an order: a stock movement per line, the weighted
/// average cost updated. More than ordered is accepted, with a warning.
#[utoipa::path(post, path = "/api/v1/purchase-orders/{id}/receive", tag = "purchasing", security(("bearer" = [])), params(("id" = i64, Path, description = "the order's id")), request_body = ReceiveIn,
    responses((status = 200, body = OrderOut), (status = 409, description = "order closed", body = super::openapi::ErrorBody),
        (status = 422, body = super::openapi::ErrorBody)))]
pub async fn receive(
    ApiJson { caller, body }: ApiJson<ManagerRole, ReceiveIn>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<Json<OrderOut>> {
    let lines = body
        .lines
        .iter()
        .map(|l| {
            Ok(ReceiveLine {
                product_id: l.product_id,
                quantity: fields::quantity("quantity", &l.quantity)?,
                unit_cost: fields::optional_money("unit_cost", l.unit_cost.as_deref())?,
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    let (id, actor, clock, location) = (
        id.into_inner(),
        caller.user.id,
        state.clock.clone(),
        body.location_id,
    );
    let receipt = write(&state, move |conn| {
        purchasing::receive(conn, id, &lines, location, Some(actor), clock.now_naive())
    })
    .await?;
    Ok(Json(OrderOut::of(receipt.order, receipt.warnings)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AdjustmentIn {
    pub product_id: i64,
    /// Signed: `"-2"` for two broken jars.
    pub quantity: String,
    pub reason: String,
    /// The sales floor by default.
    pub location_id: Option<i64>,
}

/// Corrects a stock level, with a reason: one adjustment movement.
#[utoipa::path(post, path = "/api/v1/stock/adjustments", tag = "stock", security(("bearer" = [])), request_body = AdjustmentIn,
    responses((status = 201, body = MovementOut), (status = 404, body = super::openapi::ErrorBody), (status = 422, body = super::openapi::ErrorBody)))]
pub async fn adjust(
    ApiJson { caller, body }: ApiJson<ManagerRole, AdjustmentIn>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let quantity = fields::quantity("quantity", &body.quantity)?;
    let (actor, clock, role) = (caller.user.id, state.clock.clone(), caller.user.role);
    let movement = write(&state, move |conn| {
        movements::adjust(
            conn,
            body.product_id,
            body.location_id,
            quantity,
            &body.reason,
            Some(actor),
            clock.now_naive(),
        )
    })
    .await?;
    Ok(HttpResponse::Created().json(MovementOut::of(movement, role)))
}
