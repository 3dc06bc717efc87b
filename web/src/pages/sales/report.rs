//! `/sessions/{id}`: the X report of an open session or the stored Z report of
//! a closed one, laid out to be printed on A4 (the stylesheet's print rules
//! hide the bar and the buttons).

use chrono::NaiveDateTime;
use db::Money;
use maud::{Markup, html};
use sales::report::Report;

use super::method_label;
use super::ticket::vat_table;
use crate::i18n::{self, Msg, short_datetime};
use crate::layout::{PageCtx, page};

/// A report and what it names by id, in words and local times.
#[derive(Debug, Clone, Copy)]
pub struct ReportView<'a> {
    pub report: &'a Report,
    pub till_name: &'a str,
    /// When it was drawn up: now for an X, the closing for a Z (local).
    pub at: NaiveDateTime,
    pub opened_at: NaiveDateTime,
    pub opened_by: &'a str,
    pub closed_by: Option<&'a str>,
    /// A Z's closure: its number in the till's chain, and its hash.
    pub closure: Option<(i64, &'a str)>,
}

pub fn report_page(ctx: &PageCtx, view: &ReportView<'_>) -> Markup {
    let r = view.report;
    let title = match view.closure {
        Some((number, _)) => i18n::tf(
            ctx.lang,
            Msg::ZReportTitle,
            &[("number", &number.to_string()), ("till", &r.till)],
        ),
        None => i18n::tf(ctx.lang, Msg::XReportTitle, &[("till", &r.till)]),
    };
    let money = |m: Money| m.to_french();
    let tickets = match (r.first_ticket, r.last_ticket) {
        (Some(first), Some(last)) => format!("{first} – {last}"),
        _ => "—".to_owned(),
    };
    let body = html! {
        p { a href="/sessions" { "← " (ctx.t(Msg::SessionsTitle)) } }
        div.page-head {
            h1 { (title) }
            div.actions {
                a.button.button-secondary href=(format!("/sales?session={}", r.session_id)) { (ctx.t(Msg::SessionTickets)) }
                button type="button" onclick="window.print()" { (ctx.t(Msg::PrintSubmit)) }
            }
        }
        @if view.closure.is_none() {
            p.alert.alert-info { (ctx.t(Msg::XReportNote)) }
        }
        section.card.report {
            dl.facts {
                dt { (ctx.t(Msg::FieldTill)) } dd { (r.till) " · " (view.till_name) }
                dt { (ctx.t(Msg::ColCashSession)) } dd { (i18n::tf(ctx.lang, Msg::SessionNumber, &[("id", &r.session_id.to_string())])) }
                dt { (ctx.t(Msg::ColOpening)) } dd { (short_datetime(view.opened_at)) " · " (view.opened_by) }
                @if let Some(by) = view.closed_by {
                    dt { (ctx.t(Msg::ColClosing)) } dd { (short_datetime(view.at)) " · " (by) }
                } @else {
                    dt { (ctx.t(Msg::ReportAt)) } dd { (short_datetime(view.at)) }
                }
                dt { (ctx.t(Msg::ReportTickets)) } dd { (tickets) }
            }
            h2 { (ctx.t(Msg::ReportTakings)) }
            table {
                tbody {
                    tr { th scope="row" { (i18n::plural(ctx.lang, r.sales_count, Msg::SalesCountOne, Msg::SalesCountOther)) } td.num { (money(r.sales_total)) } }
                    tr { th scope="row" { (i18n::plural(ctx.lang, r.refunds_count, Msg::RefundsCountOne, Msg::RefundsCountOther)) } td.num { (money(r.refunds_total)) } }
                    tr { th scope="row" { (ctx.t(Msg::DiscountsTotal)) } td.num { (money(r.discounts_total)) } }
                }
                tfoot {
                    tr { th scope="row" { (ctx.t(Msg::NetTotal)) } td.num { (money(r.net_total)) } }
                }
            }
            h2 { (ctx.t(Msg::ReportByMethod)) }
            table {
                tbody {
                    @for m in &r.by_method {
                        tr { th scope="row" { (method_label(ctx.lang, &m.method)) } td.num { (money(m.amount)) } }
                    }
                }
            }
            h2 { (ctx.t(Msg::VatTableTitle)) }
            (vat_table(ctx, &r.by_vat))
            h2 { (ctx.t(Msg::ReportCash)) }
            table {
                tbody {
                    tr { th scope="row" { (ctx.t(Msg::ColFloat)) } td.num { (money(r.opening_float)) } }
                    tr { th scope="row" { (ctx.t(Msg::CashIn)) } td.num { (money(r.cash_in)) } }
                    tr { th scope="row" { (ctx.t(Msg::CashOut)) } td.num { (money(r.cash_out)) } }
                    tr { th scope="row" { (ctx.t(Msg::ColExpected)) } td.num { (money(r.expected_cash)) } }
                    @if let Some(counted) = r.counted_cash {
                        tr { th scope="row" { (ctx.t(Msg::ColCounted)) } td.num { (money(counted)) } }
                    }
                    @if let Some(d) = r.difference {
                        tr {
                            th scope="row" { (ctx.t(Msg::ColDifference)) }
                            @if d == Money::ZERO { td.num { (money(d)) } } @else { td.num.negative { (money(d)) } }
                        }
                    }
                }
            }
            dl.facts {
                dt { (ctx.t(Msg::ColGrandTotal)) } dd { (money(r.grand_total)) }
                @if let Some((_, hash)) = view.closure {
                    dt { (ctx.t(Msg::TicketHash)) } dd { code.muted { (hash) } }
                }
            }
        }
    };
    page(ctx, &title, body)
}

#[cfg(test)]
mod tests {
    use db::Role;

    use super::*;
    use crate::i18n::Lang;
    use crate::pages::sales::fixtures::{at, report};
    use crate::test_support::{no_empty_class, signed_in};

    #[test]
    fn a_z_report_shows_takings_methods_vat_and_the_difference() {
        let report = report("Z");
        let view = ReportView {
            report: &report,
            till_name: "Caisse principale",
            at: at(20, 0),
            opened_at: at(9, 0),
            opened_by: "Camille",
            closed_by: Some("Martin"),
            closure: Some((5, "feedbeef")),
        };
        let html =
            no_empty_class(report_page(&signed_in(Lang::Fr, Role::Manager), &view).into_string())
                .replace('\u{a0}', " ");
        assert!(html.contains("<title>Rapport Z n° 5 · T01 · Comptoir</title>"));
        assert!(
            html.contains("<button type=\"button\" onclick=\"window.print()\">Imprimer</button>")
        );
        assert!(html.contains("<th scope=\"row\">3 ventes</th><td class=\"num\">50,00 €</td>"));
        assert!(
            html.contains("<th scope=\"row\">1 remboursement</th><td class=\"num\">-8,90 €</td>")
        );
        assert!(html.contains("<th scope=\"row\">Espèces</th><td class=\"num\">21,10 €</td>"));
        assert!(html.contains("<td class=\"num negative\">-0,10 €</td>"));
        assert!(html.contains("<dd>25/11/2026 20:00 · Martin</dd>"));
        assert!(html.contains("href=\"/sales?session=3\""));
        assert!(html.contains("feedbeef"));
        assert!(!html.contains("alert-info"));
    }

    #[test]
    fn an_x_report_says_it_is_provisional() {
        let report = report("X");
        let view = ReportView {
            report: &report,
            till_name: "Main till",
            at: at(12, 0),
            opened_at: at(9, 0),
            opened_by: "Camille",
            closed_by: None,
            closure: None,
        };
        let html = report_page(&signed_in(Lang::En, Role::Owner), &view).into_string();
        assert!(html.contains("<title>X report · T01 · Comptoir</title>"));
        assert!(html.contains("alert-info"));
        assert!(!html.contains("Counted"));
    }
}
