//! Tickets as read back: the till's answer, the receipt, the back office.

use crate::error::{Result, SalesError};
use crate::ledger::rows::{LineFields, PaymentFields, TicketFields, VatFields};
use crate::pricing::{Discount, VatShare};
use chrono::NaiveDateTime;
use db::schema::{ticket_lines, ticket_payments, ticket_vat, tickets, tills, users};
use db::{DbConn, Money, Quantity};
use diesel::prelude::*;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PaymentMethod {
    Cash,
    Card,
    Cheque,
    Voucher,
    Loyalty,
}

impl PaymentMethod {
    pub const ALL: [PaymentMethod; 5] = [
        PaymentMethod::Cash,
        PaymentMethod::Card,
        PaymentMethod::Cheque,
        PaymentMethod::Voucher,
        PaymentMethod::Loyalty,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PaymentMethod::Cash => "cash",
            PaymentMethod::Card => "card",
            PaymentMethod::Cheque => "cheque",
            PaymentMethod::Voucher => "voucher",
            PaymentMethod::Loyalty => "loyalty",
        }
    }

    pub fn parse(raw: &str) -> Option<PaymentMethod> {
        PaymentMethod::ALL
            .into_iter()
            .find(|m| m.as_str() == raw.trim().to_lowercase())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TicketKind {
    Sale,
    Refund,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TicketLine {
    pub id: i64,
    pub position: i64,
    pub product_id: i64,
    pub label: String,
    pub unit: String,
    pub quantity: Quantity,
    pub unit_price: Money,
    pub vat_code: String,
    pub vat_rate: i64,
    pub discount: Option<Discount>,
    /// The line's own discount, and its share of the ticket's.
    pub line_discount: Money,
    pub ticket_discount: Money,
    pub total: Money,
    pub original_line_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payment {
    pub method: String,
    pub amount: Money,
    pub reference: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ticket {
    pub id: i64,
    pub uuid: String,
    pub till_id: i64,
    pub till_code: String,
    pub session_id: i64,
    pub number: i64,
    pub kind: TicketKind,
    pub training: bool,
    pub refund_of: Option<i64>,
    pub cashier_id: i64,
    pub cashier_name: String,
    pub approved_by: Option<i64>,
    pub customer_id: Option<i64>,
    pub discount_total: Money,
    pub total: Money,
    pub change: Money,
    pub grand_total: Money,
    pub created_at: NaiveDateTime,
    pub hash: String,
    pub lines: Vec<TicketLine>,
    pub vat: Vec<VatShare>,
    pub payments: Vec<Payment>,
    /// Points earned on this ticket (negative when a refund took them back)
    /// and the customer's balance after it.
    pub loyalty: Option<(i64, i64)>,
}

impl Ticket {
    /// `T01-000123`: what the receipt's barcode carries and the till scans back.
    pub fn reference(&self) -> String {
        format!("{}-{:06}", self.till_code, self.number)
    }

    pub fn paid(&self) -> Money {
        self.payments.iter().map(|p| p.amount).sum()
    }
}

fn line_from(id: i64, l: LineFields) -> TicketLine {
    TicketLine {
        id,
        position: l.position,
        product_id: l.product_id,
        label: l.label,
        unit: l.unit,
        quantity: Quantity::from_thousandths(l.quantity),
        unit_price: Money::from_cents(l.unit_price),
        vat_code: l.vat_code,
        vat_rate: l.vat_rate,
        discount: l
            .discount_kind
            .as_deref()
            .zip(l.discount_value)
            .and_then(|(k, v)| Discount::from_parts(k, v)),
        line_discount: Money::from_cents(l.discount),
        ticket_discount: Money::from_cents(l.ticket_discount),
        total: Money::from_cents(l.total),
        original_line_id: l.original_line_id,
    }
}

pub fn get(conn: &mut DbConn, id: i64) -> Result<Ticket> {
    let (fields, hash, till_code, cashier_name): (TicketFields, String, String, String) =
        tickets::table
            .inner_join(tills::table)
            .inner_join(users::table.on(users::id.eq(tickets::cashier_id)))
            .filter(tickets::id.eq(id))
            .select((
                TicketFields::as_select(),
                tickets::hash,
                tills::code,
                users::display_name,
            ))
            .first(conn)
            .optional()?
            .ok_or_else(|| SalesError::NotFound {
                what: "ticket",
                id: id.to_string(),
            })?;
    let lines = ticket_lines::table
        .filter(ticket_lines::ticket_id.eq(id))
        .order(ticket_lines::position.asc())
        .select((ticket_lines::id, LineFields::as_select()))
        .load::<(i64, LineFields)>(conn)?
        .into_iter()
        .map(|(line_id, l)| line_from(line_id, l))
        .collect();
    let vat = ticket_vat::table
        .filter(ticket_vat::ticket_id.eq(id))
        .order(ticket_vat::vat_rate.desc())
        .select(VatFields::as_select())
        .load::<VatFields>(conn)?
        .into_iter()
        .map(|v| VatShare {
            rate: v.vat_rate,
            code: v.vat_code,
            base: Money::from_cents(v.base),
            tax: Money::from_cents(v.tax),
            total: Money::from_cents(v.total),
        })
        .collect();
    let payments = ticket_payments::table
        .filter(ticket_payments::ticket_id.eq(id))
        .order(ticket_payments::position.asc())
        .select(PaymentFields::as_select())
        .load::<PaymentFields>(conn)?
        .into_iter()
        .map(|p| Payment {
            method: p.method,
            amount: Money::from_cents(p.amount),
            reference: p.reference,
        })
        .collect();
    let loyalty = match fields.customer_id {
        Some(_) => customers::points::for_ticket(conn, id)?,
        None => None,
    };
    Ok(Ticket {
        loyalty,
        id,
        uuid: fields.uuid,
        till_id: fields.till_id,
        till_code,
        session_id: fields.session_id,
        number: fields.number,
        kind: if fields.kind == "refund" {
            TicketKind::Refund
        } else {
            TicketKind::Sale
        },
        training: fields.training,
        refund_of: fields.refund_of,
        cashier_id: fields.cashier_id,
        cashier_name,
        approved_by: fields.approved_by,
        customer_id: fields.customer_id,
        discount_total: Money::from_cents(fields.discount_total),
        total: Money::from_cents(fields.total),
        change: Money::from_cents(fields.change_given),
        grand_total: Money::from_cents(fields.grand_total),
        created_at: fields.created_at,
        hash,
        lines,
        vat,
        payments,
    })
}

/// The id of the ticket a till posted under `uuid`.
pub fn id_of_uuid(conn: &mut DbConn, uuid: &str) -> Result<Option<i64>> {
    let uuid = uuid.trim().to_lowercase();
    Ok(db::native!(conn, |c| tickets::table
        .filter(tickets::uuid.eq(&uuid))
        .select(tickets::id)
        .first(c)
        .optional())?)
}

pub fn by_uuid(conn: &mut DbConn, uuid: &str) -> Result<Ticket> {
    match id_of_uuid(conn, uuid)? {
        Some(id) => get(conn, id),
        None => Err(SalesError::NotFound {
            what: "ticket",
            id: uuid.to_owned(),
        }),
    }
}

/// A ticket by the reference its receipt's barcode carries: `T01-000123`.
pub fn by_reference(conn: &mut DbConn, reference: &str) -> Result<Option<Ticket>> {
    let Some((code, number)) = reference.trim().rsplit_once('-') else {
        return Ok(None);
    };
    let Ok(number) = number.parse::<i64>() else {
        return Ok(None);
    };
    let id = tickets::table
        .inner_join(tills::table)
        .filter(tills::code.eq(code.to_uppercase()))
        .filter(tickets::number.eq(number))
        .filter(tickets::training.eq(false))
        .select(tickets::id)
        .first::<i64>(conn)
        .optional()?;
    id.map(|id| get(conn, id)).transpose()
}

/// What the sales list filters on.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// UTC bounds of the shop's day.
    pub from: Option<NaiveDateTime>,
    pub until: Option<NaiveDateTime>,
    pub till_id: Option<i64>,
    pub cashier_id: Option<i64>,
    pub method: Option<PaymentMethod>,
    pub session_id: Option<i64>,
    pub training: bool,
    pub limit: i64,
}

/// One row of the sales list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub id: i64,
    pub uuid: String,
    pub till_code: String,
    pub number: i64,
    pub kind: String,
    pub training: bool,
    pub cashier_name: String,
    pub total: Money,
    pub created_at: NaiveDateTime,
}

type SummaryRow = (
    i64,
    String,
    String,
    i64,
    String,
    bool,
    String,
    i64,
    NaiveDateTime,
);

/// What a summary row reads (tickets joined with their till and cashier).
const SUMMARY_COLUMNS: (
    tickets::id,
    tickets::uuid,
    tills::code,
    tickets::number,
    tickets::kind,
    tickets::training,
    users::display_name,
    tickets::total,
    tickets::created_at,
) = (
    tickets::id,
    tickets::uuid,
    tills::code,
    tickets::number,
    tickets::kind,
    tickets::training,
    users::display_name,
    tickets::total,
    tickets::created_at,
);

pub fn list(conn: &mut DbConn, filter: &Filter) -> Result<Vec<Summary>> {
    let mut query = tickets::table
        .inner_join(tills::table)
        .inner_join(users::table.on(users::id.eq(tickets::cashier_id)))
        .filter(tickets::training.eq(filter.training))
        .into_boxed();
    if let Some(from) = filter.from {
        query = query.filter(tickets::created_at.ge(from));
    }
    if let Some(until) = filter.until {
        query = query.filter(tickets::created_at.lt(until));
    }
    if let Some(till_id) = filter.till_id {
        query = query.filter(tickets::till_id.eq(till_id));
    }
    if let Some(cashier_id) = filter.cashier_id {
        query = query.filter(tickets::cashier_id.eq(cashier_id));
    }
    if let Some(session_id) = filter.session_id {
        query = query.filter(tickets::session_id.eq(session_id));
    }
    if let Some(method) = filter.method {
        query = query.filter(
            tickets::id.eq_any(
                ticket_payments::table
                    .filter(ticket_payments::method.eq(method.as_str()))
                    .select(ticket_payments::ticket_id),
            ),
        );
    }
    let limit = if filter.limit > 0 { filter.limit } else { 200 };
    let rows: Vec<SummaryRow> = query
        .order(tickets::created_at.desc())
        .limit(limit)
        .select(SUMMARY_COLUMNS)
        .load(conn)?;
    Ok(rows.into_iter().map(summary_from).collect())
}

/// The refunds made of ticket `id`, oldest first.
pub fn refunds_of(conn: &mut DbConn, id: i64) -> Result<Vec<Summary>> {
    let rows: Vec<SummaryRow> = tickets::table
        .inner_join(tills::table)
        .inner_join(users::table.on(users::id.eq(tickets::cashier_id)))
        .filter(tickets::refund_of.eq(id))
        .order(tickets::created_at.asc())
        .select(SUMMARY_COLUMNS)
        .load(conn)?;
    Ok(rows.into_iter().map(summary_from).collect())
}

/// The real (non-training) tickets of a customer and of the fiches merged into
/// it, newest first, at most `limit`.
pub fn of_customer(conn: &mut DbConn, customer_id: i64, limit: i64) -> Result<Vec<Summary>> {
    use db::schema::customers as fiches;
    let merged = fiches::table
        .filter(fiches::merged_into.eq(customer_id))
        .select(fiches::id);
    let rows: Vec<SummaryRow> = tickets::table
        .inner_join(tills::table)
        .inner_join(users::table.on(users::id.eq(tickets::cashier_id)))
        .filter(tickets::training.eq(false))
        .filter(
            tickets::customer_id
                .eq(customer_id)
                .or(tickets::customer_id.eq_any(merged.nullable())),
        )
        .order((tickets::created_at.desc(), tickets::id.desc()))
        .limit(limit.max(1))
        .select(SUMMARY_COLUMNS)
        .load(conn)?;
    Ok(rows.into_iter().map(summary_from).collect())
}

fn summary_from(r: SummaryRow) -> Summary {
    Summary {
        id: r.0,
        uuid: r.1,
        till_code: r.2,
        number: r.3,
        kind: r.4,
        training: r.5,
        cashier_name: r.6,
        total: Money::from_cents(r.7),
        created_at: r.8,
    }
}
