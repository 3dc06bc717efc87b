//! `/sessions`: the cash sessions, newest first: who opened and closed them,
//! the float, the cash expected and counted, and the difference (red when the
//! drawer and the books disagree).

use chrono::NaiveDateTime;
use db::Money;
use maud::{Markup, html};

use super::back_to_sales;
use crate::forms::{FormErrors, Select};
use crate::i18n::{self, Msg, short_datetime};
use crate::layout::{PageCtx, page};

/// One session as the list shows it: times local, people by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionRow {
    pub id: i64,
    pub till_code: String,
    pub opened_at: NaiveDateTime,
    pub opened_by: String,
    pub closed_at: Option<NaiveDateTime>,
    pub closed_by: Option<String>,
    pub opening_float: Money,
    pub expected_cash: Option<Money>,
    pub counted_cash: Option<Money>,
}

impl SessionRow {
    /// Counted minus expected, once closed.
    pub fn difference(&self) -> Option<Money> {
        Some(self.counted_cash? - self.expected_cash?)
    }
}

/// `tills`: every till's code, for the filter; `till`: the one chosen.
pub fn sessions_page(
    ctx: &PageCtx,
    rows: &[SessionRow],
    tills: &[String],
    till: Option<&str>,
) -> Markup {
    let title = ctx.t(Msg::SessionsTitle);
    let options: Vec<(&str, &str)> = tills.iter().map(|c| (c.as_str(), c.as_str())).collect();
    let body = html! {
        (back_to_sales(ctx))
        h1 { (title) }
        form.search-bar method="get" action="/sessions" {
            (Select { name: "till", label: ctx.t(Msg::FieldTill), options,
                selected: till, placeholder: Some(ctx.t(Msg::AllTills)), required: false }
                .render(&FormErrors::new()))
            button type="submit" { (ctx.t(Msg::FilterSubmit)) }
        }
        div.table-wrap {
            table {
                thead {
                    tr {
                        th scope="col" { (ctx.t(Msg::ColCashSession)) }
                        th scope="col" { (ctx.t(Msg::FieldTill)) }
                        th scope="col" { (ctx.t(Msg::ColOpening)) }
                        th scope="col" { (ctx.t(Msg::ColClosing)) }
                        th.num scope="col" { (ctx.t(Msg::ColFloat)) }
                        th.num scope="col" { (ctx.t(Msg::ColExpected)) }
                        th.num scope="col" { (ctx.t(Msg::ColCounted)) }
                        th.num scope="col" { (ctx.t(Msg::ColDifference)) }
                    }
                }
                tbody {
                    @for row in rows {
                        tr {
                            th scope="row" {
                                a href=(format!("/sessions/{}", row.id)) {
                                    (i18n::tf(ctx.lang, Msg::SessionNumber, &[("id", &row.id.to_string())]))
                                }
                            }
                            td { (row.till_code) }
                            td { (short_datetime(row.opened_at)) br; span.muted { (row.opened_by) } }
                            td {
                                @match (row.closed_at, &row.closed_by) {
                                    (Some(at), by) => {
                                        (short_datetime(at))
                                        @if let Some(by) = by { br; span.muted { (by) } }
                                    }
                                    (None, _) => span.badge.status-open { (ctx.t(Msg::SessionOpen)) },
                                }
                            }
                            td.num { (row.opening_float.to_french()) }
                            td.num { (row.expected_cash.map(|m| m.to_french()).unwrap_or_default()) }
                            td.num { (row.counted_cash.map(|m| m.to_french()).unwrap_or_default()) }
                            @match row.difference() {
                                Some(d) if d != Money::ZERO => td.num.negative { (d.to_french()) },
                                Some(d) => td.num { (d.to_french()) },
                                None => td.num {},
                            }
                        }
                    }
                    @if rows.is_empty() {
                        tr.empty { td colspan="8" { (ctx.t(Msg::NoSessions)) } }
                    }
                }
            }
        }
    };
    page(ctx, title, body)
}

#[cfg(test)]
mod tests {
    use db::Role;

    use super::*;
    use crate::i18n::Lang;
    use crate::pages::sales::fixtures::at;
    use crate::test_support::{no_empty_class, signed_in};

    fn row(id: i64, counted: Option<i64>) -> SessionRow {
        SessionRow {
            id,
            till_code: "T01".into(),
            opened_at: at(8, 0),
            opened_by: "Camille".into(),
            closed_at: counted.map(|_| at(19, 0)),
            closed_by: counted.map(|_| "Martin".into()),
            opening_float: Money::from_cents(10_000),
            expected_cash: counted.map(|_| Money::from_cents(11_610)),
            counted_cash: counted.map(Money::from_cents),
        }
    }

    #[test]
    fn sessions_show_their_difference_in_red_when_not_zero() {
        let rows = [row(3, None), row(2, Some(11_600)), row(1, Some(11_610))];
        let html = no_empty_class(
            sessions_page(
                &signed_in(Lang::Fr, Role::Manager),
                &rows,
                &["T01".into()],
                Some("T01"),
            )
            .into_string(),
        )
        .replace('\u{a0}', " ");
        assert!(html.contains("<title>Sessions de caisse · Comptoir</title>"));
        assert!(html.contains("<a href=\"/sessions/3\">Session n° 3</a>"));
        assert!(html.contains("<span class=\"badge status-open\">Ouverte</span>"));
        assert!(html.contains("<td class=\"num negative\">-0,10 €</td>"));
        assert!(html.contains("<td class=\"num\">0,00 €</td>"));
        assert!(html.contains("25/11/2026 19:00<br><span class=\"muted\">Martin</span>"));
        assert!(html.contains("<option value=\"T01\" selected>T01</option>"));
    }
}
