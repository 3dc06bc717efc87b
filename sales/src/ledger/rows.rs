//! The stored shape of tickets, journal events and closures: one struct per
//! table, written and read back through the same fields so that the hash
//! computed at sale time and the one `verify` recomputes see the same data.
//! Surrogate parent ids are left out of the hash; the parent's own hash covers
//! which lines it has, as `verify` loads them by parent.

use chrono::NaiveDateTime;
use db::schema::{closures, ticket_lines, ticket_payments, ticket_vat, tickets, till_events};
use diesel::prelude::*;
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Queryable, Selectable, Insertable)]
#[diesel(table_name = tickets, treat_none_as_default_value = false)]
pub struct TicketFields {
    pub uuid: String,
    pub till_id: i64,
    pub session_id: i64,
    pub number: i64,
    pub kind: String,
    pub training: bool,
    pub refund_of: Option<i64>,
    pub cashier_id: i64,
    pub approved_by: Option<i64>,
    pub customer_id: Option<i64>,
    pub discount_total: i64,
    pub total: i64,
    pub change_given: i64,
    pub grand_total: i64,
    pub created_at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Queryable, Selectable, Insertable)]
#[diesel(table_name = ticket_lines, treat_none_as_default_value = false)]
pub struct LineFields {
    #[serde(skip)]
    pub ticket_id: i64,
    pub position: i64,
    pub product_id: i64,
    pub label: String,
    pub unit: String,
    pub quantity: i64,
    pub unit_price: i64,
    pub vat_code: String,
    pub vat_rate: i64,
    pub discount_kind: Option<String>,
    pub discount_value: Option<i64>,
    pub discount: i64,
    pub ticket_discount: i64,
    pub total: i64,
    pub original_line_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Queryable, Selectable, Insertable)]
#[diesel(table_name = ticket_vat, treat_none_as_default_value = false)]
pub struct VatFields {
    #[serde(skip)]
    pub ticket_id: i64,
    pub vat_rate: i64,
    pub vat_code: String,
    pub base: i64,
    pub tax: i64,
    pub total: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Queryable, Selectable, Insertable)]
#[diesel(table_name = ticket_payments, treat_none_as_default_value = false)]
pub struct PaymentFields {
    #[serde(skip)]
    pub ticket_id: i64,
    pub position: i64,
    pub method: String,
    pub amount: i64,
    pub reference: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Queryable, Selectable, Insertable)]
#[diesel(table_name = till_events, treat_none_as_default_value = false)]
pub struct EventFields {
    pub till_id: i64,
    pub number: i64,
    pub kind: String,
    pub ticket_id: Option<i64>,
    pub detail: String,
    pub user_id: Option<i64>,
    pub at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Queryable, Selectable, Insertable)]
#[diesel(table_name = closures, treat_none_as_default_value = false)]
pub struct ClosureFields {
    pub till_id: i64,
    pub session_id: i64,
    pub number: i64,
    pub report: String,
    pub grand_total: i64,
    pub at: NaiveDateTime,
}

/// A ticket with everything its hash covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TicketContent {
    pub ticket: TicketFields,
    pub lines: Vec<LineFields>,
    pub vat: Vec<VatFields>,
    pub payments: Vec<PaymentFields>,
}
