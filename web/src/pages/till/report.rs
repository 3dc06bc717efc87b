//! X and Z reports as a page, laid out to print (the print stylesheet hides
//! the rest of the screen).

use chrono::NaiveDateTime;
use maud::{Markup, html};
use sales::report::Report;

use super::screen::method_label;
use crate::i18n::{self, Msg};
use crate::layout::{PageCtx, page};

/// What a report page shows besides the report itself.
pub struct ReportView<'a> {
    pub report: &'a Report,
    /// The closure's number on a Z report.
    pub closure_number: Option<i64>,
    pub opened_by: &'a str,
    pub opened_at_local: NaiveDateTime,
    pub closed_at_local: Option<NaiveDateTime>,
    /// Where "back" goes.
    pub back: &'a str,
}

fn money(value: db::Money) -> String {
    value.to_french()
}

pub fn report_page(ctx: &PageCtx, view: &ReportView<'_>) -> Markup {
    let r = view.report;
    let title = match view.closure_number {
        Some(number) => i18n::tf(ctx.lang, Msg::ReportZ, &[("number", &number.to_string())]),
        None => ctx.t(Msg::ReportX).to_owned(),
    };
    page(
        ctx,
        &title,
        html! {
            article.report {
                h1 { (title) }
                p {
                    strong { (i18n::tf(ctx.lang, Msg::TillTitle, &[("code", &r.till)])) }
                    br;
                    (i18n::tf(ctx.lang, Msg::ReportOpened, &[("at", &i18n::short_datetime(view.opened_at_local))]))
                    " — " (view.opened_by)
                    @if let Some(closed) = view.closed_at_local {
                        br;
                        (i18n::tf(ctx.lang, Msg::ReportClosed, &[("at", &i18n::short_datetime(closed))]))
                    }
                }
                @if let (Some(first), Some(last)) = (r.first_ticket, r.last_ticket) {
                    p { (i18n::tf(ctx.lang, Msg::ReportNumbers, &[("first", &first.to_string()), ("last", &last.to_string())])) }
                }
                table.report-table {
                    tbody {
                        tr { th { (ctx.t(Msg::ReportSales)) " (" (r.sales_count) ")" } td.num { (money(r.sales_total)) } }
                        tr { th { (ctx.t(Msg::ReportRefunds)) " (" (r.refunds_count) ")" } td.num { (money(r.refunds_total)) } }
                        tr { th { (ctx.t(Msg::ReportDiscounts)) } td.num { (money(r.discounts_total)) } }
                        tr.total { th { (ctx.t(Msg::ReportNet)) } td.num { (money(r.net_total)) } }
                    }
                }
                h2 { (ctx.t(Msg::ReportByMethod)) }
                table.report-table {
                    tbody {
                        @for m in &r.by_method {
                            tr { th { (method_label(ctx.lang, &m.method)) } td.num { (money(m.amount)) } }
                        }
                    }
                }
                h2 { (ctx.t(Msg::ReportByVat)) }
                table.report-table {
                    thead {
                        tr {
                            th { (ctx.t(Msg::ReportVatRate)) }
                            th.num { (ctx.t(Msg::ReportVatBase)) }
                            th.num { (ctx.t(Msg::ReportVatTax)) }
                            th.num { (ctx.t(Msg::ReportVatTotal)) }
                        }
                    }
                    tbody {
                        @for v in &r.by_vat {
                            tr {
                                td { (i18n::vat_label(ctx.lang, &v.code)) }
                                td.num { (money(v.base)) }
                                td.num { (money(v.tax)) }
                                td.num { (money(v.total)) }
                            }
                        }
                    }
                }
                h2 { (ctx.t(Msg::MethodCash)) }
                table.report-table {
                    tbody {
                        tr { th { (ctx.t(Msg::ReportFloat)) } td.num { (money(r.opening_float)) } }
                        tr { th { (ctx.t(Msg::ReportCashIn)) } td.num { (money(r.cash_in)) } }
                        tr { th { (ctx.t(Msg::ReportCashOut)) } td.num { (money(r.cash_out)) } }
                        tr.total { th { (ctx.t(Msg::ReportExpected)) } td.num { (money(r.expected_cash)) } }
                        @if let Some(counted) = r.counted_cash {
                            tr { th { (ctx.t(Msg::ReportCounted)) } td.num { (money(counted)) } }
                        }
                        @if let Some(difference) = r.difference {
                            tr class=(if difference.cents() == 0 { "" } else { "negative" }) {
                                th { (ctx.t(Msg::ReportDifference)) }
                                td.num { (money(difference)) }
                            }
                        }
                    }
                }
                p { (ctx.t(Msg::ReportGrandTotal)) " : " strong { (money(r.grand_total)) } }
                p.no-print {
                    button.button.primary type="button" onclick="window.print()" { (ctx.t(Msg::ReportPrint)) }
                    " "
                    a.button href=(view.back) { (ctx.t(Msg::TillBack)) }
                }
            }
        },
    )
}
