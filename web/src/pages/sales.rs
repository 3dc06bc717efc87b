//! The back office's sales: the day's tickets with their filters and totals,
//! one ticket with its receipt, the cash sessions and their X or Z report.
//! Managers and the owner.

mod list;
mod report;
mod sessions;
mod ticket;

pub use list::{SalesFilterValues, SalesList, sales_page};
pub use report::{ReportView, report_page};
pub use sessions::{SessionRow, sessions_page};
pub use ticket::{TicketView, ticket_page};

use crate::i18n::{Lang, Msg, t};

/// A payment method in words (`Espèces`, `Carte`…); an unknown one as stored.
pub fn method_label(lang: Lang, method: &str) -> &str {
    match method {
        "cash" => t(lang, Msg::MethodCash),
        "card" => t(lang, Msg::MethodCard),
        "cheque" => t(lang, Msg::MethodCheque),
        "voucher" => t(lang, Msg::MethodVoucher),
        "loyalty" => t(lang, Msg::MethodLoyalty),
        other => other,
    }
}

/// A ticket's kind in words: `Vente` or `Remboursement`.
pub fn kind_label(lang: Lang, kind: &str) -> &'static str {
    t(
        lang,
        if kind == "refund" {
            Msg::KindRefund
        } else {
            Msg::KindSale
        },
    )
}

/// The way back to the sales list, above a ticket.
fn back_to_sales(ctx: &crate::layout::PageCtx) -> maud::Markup {
    maud::html! { p { a href="/sales" { "← " (ctx.t(Msg::SalesTitle)) } } }
}

#[cfg(test)]
pub(crate) mod fixtures {
    //! A ticket, a session and a report to render.

    use chrono::{NaiveDate, NaiveDateTime};
    use db::{Money, Quantity};
    use sales::pricing::VatShare;
    use sales::report::{MethodTotal, Report};
    use sales::tickets::{Payment, Summary, Ticket, TicketKind, TicketLine};

    pub fn at(hour: u32, minute: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, 25)
            .and_then(|d| d.and_hms_opt(hour, minute, 0))
            .unwrap_or_default()
    }

    pub fn ticket() -> Ticket {
        Ticket {
            id: 7,
            loyalty: None,
            uuid: "0b7c3f9e-1111-4a2b-9c3d-123456789abc".into(),
            till_id: 1,
            till_code: "T01".into(),
            session_id: 3,
            number: 42,
            kind: TicketKind::Sale,
            training: false,
            refund_of: None,
            cashier_id: 2,
            cashier_name: "Camille".into(),
            approved_by: None,
            customer_id: None,
            discount_total: Money::from_cents(125),
            total: Money::from_cents(2065),
            change: Money::from_cents(935),
            grand_total: Money::from_cents(99_000),
            created_at: at(9, 30),
            hash: "abc123".into(),
            lines: vec![TicketLine {
                id: 11,
                position: 1,
                product_id: 1,
                label: "Miel <lavande>".into(),
                unit: "piece".into(),
                quantity: Quantity::from_units(2),
                unit_price: Money::from_cents(890),
                vat_code: "5.5".into(),
                vat_rate: 550,
                discount: None,
                line_discount: Money::ZERO,
                ticket_discount: Money::ZERO,
                total: Money::from_cents(1780),
                original_line_id: None,
            }],
            vat: vec![VatShare {
                rate: 550,
                code: "5.5".into(),
                base: Money::from_cents(1687),
                tax: Money::from_cents(93),
                total: Money::from_cents(1780),
            }],
            payments: vec![Payment {
                method: "cash".into(),
                amount: Money::from_cents(3000),
                reference: None,
            }],
        }
    }

    pub fn summary() -> Summary {
        Summary {
            id: 7,
            uuid: "0b7c3f9e-1111-4a2b-9c3d-123456789abc".into(),
            till_code: "T01".into(),
            number: 42,
            kind: "sale".into(),
            training: false,
            cashier_name: "Camille".into(),
            total: Money::from_cents(2065),
            created_at: at(10, 30),
        }
    }

    pub fn report(kind: &str) -> Report {
        let closed = kind == "Z";
        Report {
            kind: kind.into(),
            till: "T01".into(),
            session_id: 3,
            opened_at: at(8, 0),
            opened_by: 2,
            closed_at: closed.then(|| at(19, 0)),
            closed_by: closed.then_some(2),
            opening_float: Money::from_cents(10_000),
            sales_count: 3,
            sales_total: Money::from_cents(5000),
            refunds_count: 1,
            refunds_total: Money::from_cents(-890),
            discounts_total: Money::from_cents(125),
            net_total: Money::from_cents(4110),
            first_ticket: Some(40),
            last_ticket: Some(43),
            by_method: vec![
                MethodTotal {
                    method: "cash".into(),
                    amount: Money::from_cents(2110),
                },
                MethodTotal {
                    method: "card".into(),
                    amount: Money::from_cents(2000),
                },
            ],
            by_vat: vec![VatShare {
                rate: 2000,
                code: "20".into(),
                base: Money::from_cents(3425),
                tax: Money::from_cents(685),
                total: Money::from_cents(4110),
            }],
            cash_in: Money::from_cents(500),
            cash_out: Money::from_cents(1000),
            expected_cash: Money::from_cents(11_610),
            counted_cash: closed.then(|| Money::from_cents(11_600)),
            difference: closed.then(|| Money::from_cents(-10)),
            grand_total: Money::from_cents(99_000),
        }
    }
}
