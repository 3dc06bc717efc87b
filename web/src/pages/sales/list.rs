//! `/sales`: the tickets of a day (or of a cash session), filtered by till,
//! cashier and payment method, with their totals at the bottom.

use db::Money;
use maud::{Markup, html};
use sales::tickets::{PaymentMethod, Summary};

use super::{kind_label, method_label};
use crate::forms::{FormErrors, Input, Select, checkbox, form_error};
use crate::i18n::{self, Msg, short_datetime};
use crate::layout::{PageCtx, page};

/// The filters as typed (the list's own address carries them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SalesFilterValues {
    /// `25/11/2026`; empty: today.
    pub day: String,
    /// A till code; empty: every till.
    pub till: String,
    /// A user id; empty: everyone.
    pub cashier: String,
    /// `cash`, `card`…; empty: any.
    pub method: String,
    /// Training tickets instead of real ones.
    pub training: bool,
    /// One cash session's tickets (every day of it).
    pub session: Option<i64>,
}

/// What the list shows.
#[derive(Debug, Clone, Copy)]
pub struct SalesList<'a> {
    pub filter: &'a SalesFilterValues,
    /// `(code, name)` of every till.
    pub tills: &'a [(String, String)],
    /// `(id, name)` of everyone who may sell.
    pub cashiers: &'a [(String, String)],
    /// Newest first, `created_at` already in the shop's local time.
    pub tickets: &'a [Summary],
    pub errors: &'a FormErrors,
}

pub fn sales_page(ctx: &PageCtx, list: &SalesList<'_>) -> Markup {
    let title = ctx.t(Msg::SalesTitle);
    let filter = list.filter;
    let errors = list.errors;
    let total: Money = list.tickets.iter().map(|s| s.total).sum();
    let count = i64::try_from(list.tickets.len()).unwrap_or(i64::MAX);
    let tills: Vec<(&str, &str)> = list
        .tills
        .iter()
        .map(|(code, _)| (code.as_str(), code.as_str()))
        .collect();
    let cashiers: Vec<(&str, &str)> = list
        .cashiers
        .iter()
        .map(|(id, name)| (id.as_str(), name.as_str()))
        .collect();
    let methods: Vec<(&str, &str)> = PaymentMethod::ALL
        .iter()
        .map(|m| (m.as_str(), method_label(ctx.lang, m.as_str())))
        .collect();
    let chosen = |value: &str| Some(value.to_owned()).filter(|v| !v.is_empty());
    let (till, cashier, method) = (
        chosen(&filter.till),
        chosen(&filter.cashier),
        chosen(&filter.method),
    );
    let body = html! {
        div.page-head {
            h1 { (title) }
            a.button.button-secondary href="/sessions" { (ctx.t(Msg::SessionsTitle)) }
        }
        (form_error(errors))
        form.search-bar method="get" action="/sales" {
            @if let Some(session) = filter.session {
                input type="hidden" name="session" value=(session);
            } @else {
                (Input::text("day", ctx.t(Msg::FieldDay)).value(&filter.day)
                    .placeholder(ctx.t(Msg::DayPlaceholder)).autocomplete("off").render(errors))
            }
            (Select { name: "till", label: ctx.t(Msg::FieldTill), options: tills,
                selected: till.as_deref(), placeholder: Some(ctx.t(Msg::AllTills)), required: false }
                .render(errors))
            (Select { name: "cashier", label: ctx.t(Msg::FieldCashier), options: cashiers,
                selected: cashier.as_deref(), placeholder: Some(ctx.t(Msg::AllCashiers)), required: false }
                .render(errors))
            (Select { name: "method", label: ctx.t(Msg::FieldPaymentMethod), options: methods,
                selected: method.as_deref(), placeholder: Some(ctx.t(Msg::AllMethods)), required: false }
                .render(errors))
            (checkbox("training", ctx.t(Msg::FieldTrainingTickets), filter.training, None, errors))
            button type="submit" { (ctx.t(Msg::FilterSubmit)) }
        }
        @if let Some(session) = filter.session {
            p {
                (i18n::tf(ctx.lang, Msg::SessionTicketsNote, &[("id", &session.to_string())]))
                " " a href="/sales" { (ctx.t(Msg::ShowToday)) }
            }
        }
        div.table-wrap {
            table {
                thead {
                    tr {
                        th scope="col" { (ctx.t(Msg::ColTime)) }
                        th scope="col" { (ctx.t(Msg::ColTicket)) }
                        th scope="col" { (ctx.t(Msg::FieldTill)) }
                        th scope="col" { (ctx.t(Msg::FieldCashier)) }
                        th scope="col" { (ctx.t(Msg::ColKind)) }
                        th.num scope="col" { (ctx.t(Msg::Total)) }
                    }
                }
                tbody {
                    @for s in list.tickets {
                        tr {
                            td { (short_datetime(s.created_at)) }
                            th scope="row" {
                                a href=(format!("/sales/{}", s.uuid)) { (format!("{}-{:06}", s.till_code, s.number)) }
                                @if s.training {
                                    " " span.badge.status-draft { (ctx.t(Msg::TrainingBadge)) }
                                }
                            }
                            td { (s.till_code) }
                            td { (s.cashier_name) }
                            td { (kind_label(ctx.lang, &s.kind)) }
                            td.num { (s.total.to_french()) }
                        }
                    }
                    @if list.tickets.is_empty() {
                        tr.empty { td colspan="6" { (ctx.t(Msg::NoTickets)) } }
                    }
                }
                tfoot {
                    tr {
                        th scope="row" colspan="5" {
                            (i18n::plural(ctx.lang, count, Msg::TicketsCountOne, Msg::TicketsCountOther))
                        }
                        td.num { (total.to_french()) }
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
    use crate::pages::sales::fixtures::summary;
    use crate::test_support::{no_empty_class, signed_in};

    #[test]
    fn tickets_are_listed_with_links_filters_and_totals() {
        let mut refund = summary();
        refund.uuid = "r".into();
        refund.number = 43;
        refund.kind = "refund".into();
        refund.total = Money::from_cents(-890);
        let filter = SalesFilterValues {
            day: "25/11/2026".into(),
            method: "card".into(),
            ..SalesFilterValues::default()
        };
        let tills = [("T01".to_owned(), "Caisse".to_owned())];
        let cashiers = [("2".to_owned(), "Camille".to_owned())];
        let tickets = [refund, summary()];
        let html = no_empty_class(
            sales_page(
                &signed_in(Lang::Fr, Role::Manager),
                &SalesList {
                    filter: &filter,
                    tills: &tills,
                    cashiers: &cashiers,
                    tickets: &tickets,
                    errors: &FormErrors::new(),
                },
            )
            .into_string(),
        )
        .replace('\u{a0}', " ");
        assert!(html.contains("<title>Ventes · Comptoir</title>"));
        assert!(
            html.contains("<a href=\"/sales/0b7c3f9e-1111-4a2b-9c3d-123456789abc\">T01-000042</a>")
        );
        assert!(html.contains("<td>25/11/2026 10:30</td>"));
        assert!(html.contains("<td>Remboursement</td><td class=\"num\">-8,90 €</td>"));
        assert!(html.contains("2 tickets</th><td class=\"num\">11,75 €</td>"));
        assert!(html.contains("value=\"25/11/2026\""));
        assert!(html.contains("<option value=\"card\" selected>Carte bancaire</option>"));
        assert!(html.contains("<option value=\"\" selected>Toutes les caisses</option>"));
        assert!(html.contains("name=\"training\""));
    }

    #[test]
    fn a_bad_day_is_shown_next_to_its_field_and_a_session_replaces_the_day() {
        let errors = FormErrors::new().with("day", "Bad day.");
        let filter = SalesFilterValues {
            day: "demain".into(),
            ..SalesFilterValues::default()
        };
        let list = SalesList {
            filter: &filter,
            tills: &[],
            cashiers: &[],
            tickets: &[],
            errors: &errors,
        };
        let html = sales_page(&signed_in(Lang::En, Role::Owner), &list).into_string();
        assert!(html.contains("id=\"field-day-error\" role=\"alert\">Bad day.</p>"));
        assert!(html.contains("No ticket"));
        let filter = SalesFilterValues {
            session: Some(3),
            ..SalesFilterValues::default()
        };
        let list = SalesList {
            filter: &filter,
            errors: &FormErrors::new(),
            ..list
        };
        let html = sales_page(&signed_in(Lang::En, Role::Owner), &list).into_string();
        assert!(html.contains("<input type=\"hidden\" name=\"session\" value=\"3\">"));
        assert!(!html.contains("name=\"day\""));
    }
}
