//! Refunds: a counter-ticket that points to the original, gives the goods back
//! to stock and pays back by the chosen method. Never more than was sold, each
//! line at most once in all; beyond the shop's limit, or without the original
//! ticket, a manager approves.

use crate::error::{Approval, Result, SalesError};
use crate::ledger::rows::{LineFields, PaymentFields};
use crate::pricing::div_round;
use crate::sale::{self, Draft, SaleLine, clean_uuid, write_ticket};
use crate::sessions;
use crate::shops;
use crate::tickets::{self, PaymentMethod, Ticket, TicketKind, TicketLine};
use crate::tills;
use chrono::{NaiveDate, NaiveDateTime};
use db::ids::UserId;
use db::schema::ticket_lines;
use db::{DbConn, Money, Quantity};
use diesel::prelude::*;
use inventory::stock::movements::MovementKind;
use std::collections::BTreeMap;

#[derive(Debug, Clone)]
pub enum RefundOf {
    /// Lines of a ticket by their id, with the quantity given back; `None`:
    /// everything not yet given back.
    Ticket {
        ticket_id: i64,
        lines: Option<Vec<(i64, Quantity)>>,
    },
    /// No ticket to show: goods named like at a sale (a manager approves).
    Nothing { lines: Vec<SaleLine> },
}

#[derive(Debug, Clone)]
pub struct NewRefund {
    pub uuid: String,
    /// Where the money goes back out.
    pub till: String,
    pub cashier: UserId,
    pub of: RefundOf,
    pub method: PaymentMethod,
    pub approved_by: Option<UserId>,
    pub training: bool,
    pub day: NaiveDate,
}

/// What each line of a ticket has already been given back (positive).
pub fn refunded_so_far(
    conn: &mut DbConn,
    ticket: &Ticket,
) -> Result<BTreeMap<i64, (Quantity, Money)>> {
    let ids: Vec<i64> = ticket.lines.iter().map(|l| l.id).collect();
    let rows: Vec<(Option<i64>, i64, i64)> = ticket_lines::table
        .filter(ticket_lines::original_line_id.eq_any(ids))
        .select((
            ticket_lines::original_line_id,
            ticket_lines::quantity,
            ticket_lines::total,
        ))
        .load(conn)?;
    let mut done: BTreeMap<i64, (Quantity, Money)> = BTreeMap::new();
    for (original, quantity, total) in rows {
        if let Some(original) = original {
            let entry = done.entry(original).or_default();
            entry.0 = Quantity::from_thousandths(entry.0.thousandths() - quantity);
            entry.1 -= Money::from_cents(total);
        }
    }
    Ok(done)
}

fn scaled(amount: Money, part: Quantity, whole: Quantity) -> Money {
    Money::from_cents(div_round(
        i128::from(amount.cents()) * i128::from(part.thousandths()),
        i128::from(whole.thousandths().max(1)),
    ))
}

/// The counter-line giving back `quantity` of `line`, of which `done` is
/// already back: the last part takes what is left to the cent.
fn counter_line(line: &TicketLine, quantity: Quantity, done: (Quantity, Money)) -> LineFields {
    let left = Quantity::from_thousandths(line.quantity.thousandths() - done.0.thousandths());
    let total = if quantity == left {
        line.total - done.1
    } else {
        scaled(line.total, quantity, line.quantity)
    };
    LineFields {
        ticket_id: 0,
        position: 0,
        product_id: line.product_id,
        label: line.label.clone(),
        unit: line.unit.clone(),
        quantity: -quantity.thousandths(),
        unit_price: line.unit_price.cents(),
        vat_code: line.vat_code.clone(),
        vat_rate: line.vat_rate,
        discount_kind: None,
        discount_value: None,
        discount: -scaled(line.line_discount, quantity, line.quantity).cents(),
        ticket_discount: -scaled(line.ticket_discount, quantity, line.quantity).cents(),
        total: -total.cents(),
        original_line_id: Some(line.id),
    }
}

fn lines_of_ticket(
    conn: &mut DbConn,
    original: &Ticket,
    asked: Option<&[(i64, Quantity)]>,
) -> Result<Vec<LineFields>> {
    let done = refunded_so_far(conn, original)?;
    let mut wanted: BTreeMap<i64, Quantity> = BTreeMap::new();
    match asked {
        Some(asked) => {
            for (line_id, quantity) in asked {
                if quantity.thousandths() <= 0 {
                    return Err(SalesError::Invalid {
                        field: "quantity",
                        reason: "more than zero".into(),
                    });
                }
                let entry = wanted.entry(*line_id).or_default();
                *entry = Quantity::from_thousandths(entry.thousandths() + quantity.thousandths());
            }
        }
        None => {
            for line in &original.lines {
                let back = done.get(&line.id).map_or(Quantity::ZERO, |d| d.0);
                let left = line.quantity.thousandths() - back.thousandths();
                if left > 0 {
                    wanted.insert(line.id, Quantity::from_thousandths(left));
                }
            }
        }
    }
    if wanted.is_empty() {
        return Err(SalesError::NothingToRefund(original.reference()));
    }
    let mut lines = Vec::with_capacity(wanted.len());
    for (line_id, quantity) in wanted {
        let line = original
            .lines
            .iter()
            .find(|l| l.id == line_id)
            .ok_or_else(|| SalesError::NotFound {
                what: "ticket line",
                id: line_id.to_string(),
            })?;
        let back = done.get(&line.id).copied().unwrap_or_default();
        if back.0.thousandths() + quantity.thousandths() > line.quantity.thousandths() {
            return Err(SalesError::RefundTooMany {
                line: line.position,
                sold: line.quantity,
                refunded: back.0,
                asked: quantity,
            });
        }
        lines.push(counter_line(line, quantity, back));
    }
    Ok(lines)
}

fn lines_without_ticket(
    conn: &mut DbConn,
    items: &[SaleLine],
    day: NaiveDate,
) -> Result<Vec<LineFields>> {
    if items.is_empty() {
        return Err(SalesError::EmptySale);
    }
    let mut lines = Vec::with_capacity(items.len());
    let mut lookups = sale::Lookups::new(conn, day)?;
    for (index, item) in items.iter().enumerate() {
        let priced = sale::price_line(conn, &mut lookups, index, item)?;
        lines.push(LineFields {
            ticket_id: 0,
            position: 0,
            product_id: priced.product.id,
            label: priced.product.name.clone(),
            unit: priced.product.unit.as_str().to_owned(),
            quantity: -priced.quantity.thousandths(),
            unit_price: priced.product.price.cents(),
            vat_code: priced.vat_code.clone(),
            vat_rate: priced.vat_rate,
            discount_kind: None,
            discount_value: None,
            discount: -priced.line_discount.cents(),
            ticket_discount: 0,
            total: -priced.net().cents(),
            original_line_id: None,
        });
    }
    Ok(lines)
}

pub fn refund(conn: &mut DbConn, refund: &NewRefund, at: NaiveDateTime) -> Result<sale::Completed> {
    let uuid = clean_uuid(&refund.uuid)?;
    let till = tills::lock(conn, &refund.till)?;
    if let Some(id) = tickets::id_of_uuid(conn, &uuid)? {
        return Ok(sale::Completed::Existing(tickets::get(conn, id)?));
    }
    if !till.active {
        return Err(SalesError::TillInactive(till.code));
    }
    let session = sessions::require_open(conn, &till)?;
    let shop = shops::get(conn, till.shop_id)?;
    let (mut lines, refund_of, customer_id) = match &refund.of {
        RefundOf::Ticket { ticket_id, lines } => {
            let original = tickets::get(conn, *ticket_id)?;
            if original.kind == TicketKind::Refund {
                return Err(SalesError::RefundOfRefund(original.reference()));
            }
            if original.training != refund.training {
                return Err(SalesError::TrainingMismatch);
            }
            (
                lines_of_ticket(conn, &original, lines.as_deref())?,
                Some(original.id),
                original.customer_id,
            )
        }
        RefundOf::Nothing { lines } => {
            if refund.approved_by.is_none() {
                return Err(SalesError::NeedsApproval(Approval::RefundWithoutTicket));
            }
            (lines_without_ticket(conn, lines, refund.day)?, None, None)
        }
    };
    for (i, line) in lines.iter_mut().enumerate() {
        line.position = i64::try_from(i).unwrap_or(i64::MAX) + 1;
    }
    let total = Money::from_cents(lines.iter().map(|l| l.total).sum());
    if -total > shop.refund_limit && refund.approved_by.is_none() {
        return Err(SalesError::NeedsApproval(Approval::RefundBeyondLimit));
    }
    let discount_total =
        Money::from_cents(lines.iter().map(|l| l.discount + l.ticket_discount).sum());
    let payments = if total == Money::ZERO {
        Vec::new()
    } else {
        vec![PaymentFields {
            ticket_id: 0,
            position: 1,
            method: refund.method.as_str().to_owned(),
            amount: total.cents(),
            reference: None,
        }]
    };
    let back: Vec<(i64, i64)> = lines.iter().map(|l| (l.product_id, -l.quantity)).collect();
    let products: Vec<(i64, Money)> = lines
        .iter()
        .map(|l| (l.product_id, Money::from_cents(l.total)))
        .collect();
    let written = write_ticket(
        conn,
        &till,
        Draft {
            uuid,
            session_id: session.id,
            kind: "refund",
            training: refund.training,
            refund_of,
            cashier: refund.cashier,
            approved_by: refund.approved_by,
            customer_id,
            discount_total,
            total,
            change: Money::ZERO,
            lines,
            payments,
        },
        at,
    )?;
    if !refund.training {
        sale::move_stock(
            conn,
            &till,
            written.number,
            &back,
            MovementKind::Return,
            refund.cashier,
            at,
        )?;
        if let Some(customer_id) = customer_id {
            let mut categories = Vec::with_capacity(products.len());
            for (product_id, amount) in products {
                let category = inventory::catalogue::products::get(conn, product_id)?.category_id;
                categories.push((category, amount));
            }
            // Points paid back as points; spending and earned points taken back.
            let points_back = if refund.method == PaymentMethod::Loyalty {
                total
            } else {
                Money::ZERO
            };
            sale::enrich(
                conn,
                customer_id,
                written.id,
                total,
                points_back,
                categories,
                refund_of,
                refund.cashier,
                at,
            )?;
        }
    }
    Ok(sale::Completed::New(tickets::get(conn, written.id)?))
}
