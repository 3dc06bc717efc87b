//! Purchase orders (draft → sent → partly received → received, or cancelled) and
//! goods receipts, which add stock and update the weighted average cost in the
//! caller's transaction.
//!
//! Receiving more than was ordered is allowed, with a warning: the delivery on
//! the counter is the truth, and refusing it would only push the shop to fake an
//! adjustment. Receiving a product that is not on the order is refused.

use crate::catalogue::products;
use crate::error::{InventoryError, Result, optional_text};
use crate::stock::{MovementKind, NewMovement, locations, movements};
use crate::suppliers;
use chrono::NaiveDateTime;
use db::audit::{self, AuditEntry};
use db::ids::UserId;
use db::schema::{
    goods_receipt_lines, goods_receipts, products as products_t, purchase_order_lines,
    purchase_orders,
};
use db::{DbConn, Money, Quantity};
use diesel::prelude::*;
use rust_decimal::Decimal;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum OrderStatus {
    Draft,
    Sent,
    Partial,
    Received,
    Cancelled,
}

impl OrderStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            OrderStatus::Draft => "draft",
            OrderStatus::Sent => "sent",
            OrderStatus::Partial => "partial",
            OrderStatus::Received => "received",
            OrderStatus::Cancelled => "cancelled",
        }
    }

    fn parse(s: &str) -> OrderStatus {
        match s {
            "sent" => OrderStatus::Sent,
            "partial" => OrderStatus::Partial,
            "received" => OrderStatus::Received,
            "cancelled" => OrderStatus::Cancelled,
            _ => OrderStatus::Draft,
        }
    }

    /// Whether goods may still be received or lines changed.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            OrderStatus::Draft | OrderStatus::Sent | OrderStatus::Partial
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderLine {
    pub id: i64,
    pub product_id: i64,
    pub product_name: String,
    pub quantity: Quantity,
    pub received: Quantity,
    pub unit_cost: Money,
}

impl OrderLine {
    pub fn total(&self) -> Money {
        line_total(self.quantity, self.unit_cost)
    }
}

/// quantity × unit cost, rounded to the cent.
pub fn line_total(quantity: Quantity, unit_cost: Money) -> Money {
    let total = Decimal::new(quantity.thousandths(), 3) * unit_cost.to_decimal();
    Money::from_decimal(total).unwrap_or(Money::ZERO)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Order {
    pub id: i64,
    pub supplier_id: i64,
    pub supplier_name: String,
    pub status: OrderStatus,
    pub notes: Option<String>,
    pub lines: Vec<OrderLine>,
    pub created_at: NaiveDateTime,
    pub sent_at: Option<NaiveDateTime>,
    pub updated_at: NaiveDateTime,
}

impl Order {
    pub fn total(&self) -> Money {
        self.lines.iter().map(OrderLine::total).sum()
    }
}

#[derive(Debug, Clone)]
pub struct NewOrderLine {
    pub product_id: i64,
    pub quantity: Quantity,
    pub unit_cost: Money,
}

pub fn create_order(
    conn: &mut DbConn,
    supplier_id: i64,
    lines: &[NewOrderLine],
    notes: Option<&str>,
    actor: Option<UserId>,
    at: NaiveDateTime,
) -> Result<Order> {
    suppliers::get(conn, supplier_id)?;
    if lines.is_empty() {
        return Err(InventoryError::EmptyOrder);
    }
    for (i, line) in lines.iter().enumerate() {
        if lines[..i].iter().any(|l| l.product_id == line.product_id) {
            return Err(InventoryError::DuplicateLine(line.product_id));
        }
        if line.quantity.thousandths() <= 0 {
            return Err(InventoryError::InvalidQuantity {
                reason: format!(
                    "product {}: an ordered quantity is positive",
                    line.product_id
                ),
            });
        }
        if line.unit_cost.is_negative() {
            return Err(InventoryError::NegativeAmount { field: "unit_cost" });
        }
        products::get(conn, line.product_id)?;
    }
    diesel::insert_into(purchase_orders::table)
        .values((
            purchase_orders::supplier_id.eq(supplier_id),
            purchase_orders::status.eq(OrderStatus::Draft.as_str()),
            purchase_orders::notes.eq(optional_text(notes)),
            purchase_orders::created_by.eq(actor.map(i64::from)),
            purchase_orders::created_at.eq(at),
            purchase_orders::updated_at.eq(at),
        ))
        .execute(conn)?;
    let id: i64 = purchase_orders::table
        .filter(purchase_orders::supplier_id.eq(supplier_id))
        .order(purchase_orders::id.desc())
        .select(purchase_orders::id)
        .first(conn)?;
    for line in lines {
        diesel::insert_into(purchase_order_lines::table)
            .values((
                purchase_order_lines::order_id.eq(id),
                purchase_order_lines::product_id.eq(line.product_id),
                purchase_order_lines::quantity.eq(line.quantity.thousandths()),
                purchase_order_lines::received.eq(0_i64),
                purchase_order_lines::unit_cost.eq(line.unit_cost.cents()),
            ))
            .execute(conn)?;
    }
    audit_order(conn, actor, at, "purchase_order.create", id)?;
    get_order(conn, id)
}

pub fn get_order(conn: &mut DbConn, id: i64) -> Result<Order> {
    type Head = (
        i64,
        i64,
        String,
        Option<String>,
        NaiveDateTime,
        Option<NaiveDateTime>,
        NaiveDateTime,
    );
    let head: Head = purchase_orders::table
        .find(id)
        .select((
            purchase_orders::id,
            purchase_orders::supplier_id,
            purchase_orders::status,
            purchase_orders::notes,
            purchase_orders::created_at,
            purchase_orders::sent_at,
            purchase_orders::updated_at,
        ))
        .first(conn)
        .optional()?
        .ok_or_else(|| InventoryError::NotFound {
            what: "purchase order",
            id: id.to_string(),
        })?;
    let supplier = suppliers::get(conn, head.1)?;
    let lines: Vec<(i64, i64, String, i64, i64, i64)> = purchase_order_lines::table
        .inner_join(products_t::table)
        .filter(purchase_order_lines::order_id.eq(id))
        .order(purchase_order_lines::id.asc())
        .select((
            purchase_order_lines::id,
            purchase_order_lines::product_id,
            products_t::name,
            purchase_order_lines::quantity,
            purchase_order_lines::received,
            purchase_order_lines::unit_cost,
        ))
        .load(conn)?;
    Ok(Order {
        id: head.0,
        supplier_id: head.1,
        supplier_name: supplier.name,
        status: OrderStatus::parse(&head.2),
        notes: head.3,
        created_at: head.4,
        sent_at: head.5,
        updated_at: head.6,
        lines: lines
            .into_iter()
            .map(|l| OrderLine {
                id: l.0,
                product_id: l.1,
                product_name: l.2,
                quantity: Quantity::from_thousandths(l.3),
                received: Quantity::from_thousandths(l.4),
                unit_cost: Money::from_cents(l.5),
            })
            .collect(),
    })
}

/// Orders, newest first, optionally of one status.
pub fn list_orders(
    conn: &mut DbConn,
    status: Option<OrderStatus>,
    limit: i64,
) -> Result<Vec<Order>> {
    let mut query = purchase_orders::table
        .select(purchase_orders::id)
        .into_boxed();
    if let Some(status) = status {
        query = query.filter(purchase_orders::status.eq(status.as_str()));
    }
    let ids: Vec<i64> = query
        .order(purchase_orders::id.desc())
        .limit(limit)
        .load(conn)?;
    ids.into_iter().map(|id| get_order(conn, id)).collect()
}

fn set_status(conn: &mut DbConn, id: i64, status: OrderStatus, at: NaiveDateTime) -> Result<()> {
    let sent_at = (status == OrderStatus::Sent).then_some(at);
    let query = diesel::update(purchase_orders::table.find(id));
    match sent_at {
        Some(sent) => query
            .set((
                purchase_orders::status.eq(status.as_str()),
                purchase_orders::sent_at.eq(sent),
                purchase_orders::updated_at.eq(at),
            ))
            .execute(conn)?,
        None => query
            .set((
                purchase_orders::status.eq(status.as_str()),
                purchase_orders::updated_at.eq(at),
            ))
            .execute(conn)?,
    };
    Ok(())
}

/// The order leaves for the supplier.
pub fn mark_sent(
    conn: &mut DbConn,
    id: i64,
    actor: Option<UserId>,
    at: NaiveDateTime,
) -> Result<Order> {
    let order = get_order(conn, id)?;
    if order.status != OrderStatus::Draft {
        return Err(InventoryError::OrderClosed(order.status.as_str()));
    }
    set_status(conn, id, OrderStatus::Sent, at)?;
    audit_order(conn, actor, at, "purchase_order.send", id)?;
    get_order(conn, id)
}

/// Cancels an order nothing was received on.
pub fn cancel(
    conn: &mut DbConn,
    id: i64,
    actor: Option<UserId>,
    at: NaiveDateTime,
) -> Result<Order> {
    let order = get_order(conn, id)?;
    if !matches!(order.status, OrderStatus::Draft | OrderStatus::Sent) {
        return Err(InventoryError::OrderClosed(order.status.as_str()));
    }
    set_status(conn, id, OrderStatus::Cancelled, at)?;
    audit_order(conn, actor, at, "purchase_order.cancel", id)?;
    get_order(conn, id)
}

#[derive(Debug, Clone)]
pub struct ReceiveLine {
    pub product_id: i64,
    pub quantity: Quantity,
    /// The invoiced cost, when it differs from the order's.
    pub unit_cost: Option<Money>,
}

/// A warning the receipt carries (it was still recorded).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReceiptWarning {
    pub product_id: i64,
    pub ordered: Quantity,
    pub received: Quantity,
}

#[derive(Debug, Clone)]
pub struct Receipt {
    pub id: i64,
    pub order: Order,
    pub warnings: Vec<ReceiptWarning>,
}

/// Receives all or part of an order into a location (the sales floor by default):
/// a stock movement per line, the lines' received quantities, the order's status
/// and each product's weighted average cost.
pub fn receive(
    conn: &mut DbConn,
    order_id: i64,
    lines: &[ReceiveLine],
    location_id: Option<i64>,
    actor: Option<UserId>,
    at: NaiveDateTime,
) -> Result<Receipt> {
    let order = get_order(conn, order_id)?;
    if !order.status.is_open() {
        return Err(InventoryError::OrderClosed(order.status.as_str()));
    }
    if lines.is_empty() {
        return Err(InventoryError::EmptyOrder);
    }
    let location = locations::or_sales_floor(conn, location_id)?;
    for (i, line) in lines.iter().enumerate() {
        if line.quantity.thousandths() <= 0 {
            return Err(InventoryError::InvalidQuantity {
                reason: format!(
                    "product {}: a received quantity is positive",
                    line.product_id
                ),
            });
        }
        if line.unit_cost.is_some_and(Money::is_negative) {
            return Err(InventoryError::NegativeAmount { field: "unit_cost" });
        }
        if !order.lines.iter().any(|l| l.product_id == line.product_id) {
            return Err(InventoryError::NotOnOrder(line.product_id));
        }
        if lines[..i].iter().any(|l| l.product_id == line.product_id) {
            return Err(InventoryError::DuplicateLine(line.product_id));
        }
    }
    diesel::insert_into(goods_receipts::table)
        .values((
            goods_receipts::order_id.eq(order_id),
            goods_receipts::location_id.eq(location.id),
            goods_receipts::received_by.eq(actor.map(i64::from)),
            goods_receipts::at.eq(at),
        ))
        .execute(conn)?;
    let receipt_id: i64 = goods_receipts::table
        .filter(goods_receipts::order_id.eq(order_id))
        .order(goods_receipts::id.desc())
        .select(goods_receipts::id)
        .first(conn)?;
    let reference = format!("purchase_order:{order_id}");
    let mut warnings = Vec::new();
    for line in lines {
        let Some(ordered) = order.lines.iter().find(|l| l.product_id == line.product_id) else {
            continue;
        };
        let unit_cost = line.unit_cost.unwrap_or(ordered.unit_cost);
        update_average_cost(conn, line.product_id, line.quantity, unit_cost)?;
        movements::record(
            conn,
            &NewMovement {
                product_id: line.product_id,
                location_id: location.id,
                quantity: line.quantity,
                kind: MovementKind::Receipt,
                reason: None,
                reference: Some(&reference),
                unit_cost: Some(unit_cost),
                user_id: actor,
            },
            at,
        )?;
        diesel::insert_into(goods_receipt_lines::table)
            .values((
                goods_receipt_lines::receipt_id.eq(receipt_id),
                goods_receipt_lines::product_id.eq(line.product_id),
                goods_receipt_lines::quantity.eq(line.quantity.thousandths()),
                goods_receipt_lines::unit_cost.eq(unit_cost.cents()),
            ))
            .execute(conn)?;
        let received = Quantity::from_thousandths(
            ordered.received.thousandths() + line.quantity.thousandths(),
        );
        diesel::update(purchase_order_lines::table.find(ordered.id))
            .set(purchase_order_lines::received.eq(received.thousandths()))
            .execute(conn)?;
        if received > ordered.quantity {
            warnings.push(ReceiptWarning {
                product_id: line.product_id,
                ordered: ordered.quantity,
                received,
            });
        }
    }
    let after = get_order(conn, order_id)?;
    let complete = after.lines.iter().all(|l| l.received >= l.quantity);
    set_status(
        conn,
        order_id,
        if complete {
            OrderStatus::Received
        } else {
            OrderStatus::Partial
        },
        at,
    )?;
    audit_order(conn, actor, at, "purchase_order.receive", order_id)?;
    Ok(Receipt {
        id: receipt_id,
        order: get_order(conn, order_id)?,
        warnings,
    })
}

/// Weighted average cost: what was in stock at its average, plus what arrives at
/// its cost. Stock at or below zero carries no value, so the new cost is the
/// arrival's.
fn update_average_cost(
    conn: &mut DbConn,
    product_id: i64,
    quantity: Quantity,
    unit_cost: Money,
) -> Result<()> {
    let product = products::get(conn, product_id)?;
    let on_hand = product.stock.thousandths();
    let current = product.average_cost.or(product.cost);
    let average = match current {
        Some(current) if on_hand > 0 => {
            let value = Decimal::from(on_hand) * current.to_decimal()
                + Decimal::from(quantity.thousandths()) * unit_cost.to_decimal();
            let total = Decimal::from(on_hand + quantity.thousandths());
            Money::from_decimal(value / total).unwrap_or(unit_cost)
        }
        _ => unit_cost,
    };
    products::set_average_cost(conn, product_id, average)
}

fn audit_order(
    conn: &mut DbConn,
    actor: Option<UserId>,
    at: NaiveDateTime,
    action: &str,
    id: i64,
) -> Result<()> {
    audit::record(
        conn,
        &AuditEntry {
            at,
            user_id: actor,
            action,
            entity: "purchase_order",
            entity_id: Some(id.to_string()),
            detail: None,
        },
    )?;
    Ok(())
}
