//! `/settings/vat`: the rates with their dates, and a change of rate to schedule
//! (20 → 21 % from a given day). The owner.

use chrono::NaiveDate;
use inventory::vat::VatPeriod;
use maud::{Markup, html};

use super::back_link;
use crate::forms::{FormErrors, Input, Select, form_error};
use crate::i18n::{self, Msg};
use crate::layout::{PageCtx, csrf_field, page};

/// What was typed, shown again after a refusal.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VatFormValues {
    /// The line that changes (its code), empty for a new line.
    pub code: String,
    pub rate: String,
    pub valid_from: String,
}

pub fn vat_page(
    ctx: &PageCtx,
    periods: &[VatPeriod],
    today: NaiveDate,
    values: &VatFormValues,
    errors: &FormErrors,
) -> Markup {
    let title = ctx.t(Msg::VatTitle);
    // The lines as they stand today, to choose the one that changes.
    let lines: Vec<(&str, String)> = periods
        .iter()
        .filter(|p| p.applies_on(today))
        .map(|p| (p.code.as_str(), i18n::percent(ctx.lang, p.rate, 2, true)))
        .collect();
    let body = html! {
        (back_link(ctx))
        h1 { (title) }
        p { (ctx.t(Msg::VatIntro)) }
        div.table-wrap {
            table {
                thead {
                    tr {
                        th scope="col" { (ctx.t(Msg::ColVatLine)) }
                        th.num scope="col" { (ctx.t(Msg::ColVatRate)) }
                        th scope="col" { (ctx.t(Msg::ColValidFrom)) }
                        th scope="col" { (ctx.t(Msg::ColValidTo)) }
                        th scope="col" { (ctx.t(Msg::ColStatus)) }
                    }
                }
                tbody {
                    @for period in periods {
                        tr {
                            th scope="row" { (i18n::vat_label(ctx.lang, &period.code)) }
                            td.num { (i18n::percent(ctx.lang, period.rate, 2, true)) }
                            td { (i18n::short_date(ctx.lang, period.valid_from)) }
                            td {
                                @match period.valid_to {
                                    Some(to) => (i18n::short_date(ctx.lang, to)),
                                    None => (ctx.t(Msg::VatOpenEnded)),
                                }
                            }
                            td { (status(ctx, period, today)) }
                        }
                    }
                }
            }
        }
        section.card {
            h2 { (ctx.t(Msg::NewVatTitle)) }
            (form_error(errors))
            form method="post" action="/settings/vat" {
                (csrf_field(ctx))
                (Select {
                    name: "code",
                    label: ctx.t(Msg::FieldVatLine),
                    options: lines
                        .iter()
                        .map(|(code, label)| (*code, label.as_str()))
                        .chain(std::iter::once(("", ctx.t(Msg::NewVatLine))))
                        .collect(),
                    selected: Some(values.code.as_str()),
                    placeholder: None,
                    required: false,
                }
                .render(errors))
                (Input::text("rate", ctx.t(Msg::FieldNewRate)).value(&values.rate).required()
                    .inputmode("decimal").autocomplete("off").hint(ctx.t(Msg::NewRateHint)).render(errors))
                (Input::text("valid_from", ctx.t(Msg::FieldValidFrom)).value(&values.valid_from)
                    .required().placeholder("jj/mm/aaaa").autocomplete("off")
                    .hint(ctx.t(Msg::ValidFromHint)).render(errors))
                button type="submit" { (ctx.t(Msg::ScheduleVatSubmit)) }
            }
        }
    };
    page(ctx, title, body)
}

fn status(ctx: &PageCtx, period: &VatPeriod, today: NaiveDate) -> Markup {
    html! {
        @if period.applies_on(today) {
            span.badge.badge-on { (ctx.t(Msg::VatStatusInForce)) }
        } @else if period.valid_from > today {
            span.badge { (ctx.t(Msg::VatStatusScheduled)) }
        } @else {
            span.badge.badge-off { (ctx.t(Msg::VatStatusEnded)) }
        }
    }
}

#[cfg(test)]
mod tests {
    use db::Role;

    use super::*;
    use crate::i18n::Lang;
    use crate::test_support::{no_empty_class, signed_in};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn periods() -> Vec<VatPeriod> {
        vec![
            VatPeriod {
                id: 1,
                code: "20".into(),
                rate: 2000,
                valid_from: day(2014, 1, 1),
                valid_to: Some(day(2026, 12, 31)),
            },
            VatPeriod {
                id: 6,
                code: "20".into(),
                rate: 2100,
                valid_from: day(2027, 1, 1),
                valid_to: None,
            },
            VatPeriod {
                id: 3,
                code: "5.5".into(),
                rate: 550,
                valid_from: day(2014, 1, 1),
                valid_to: None,
            },
        ]
    }

    #[test]
    fn the_rates_with_their_dates_and_the_change_form() {
        let html = no_empty_class(
            vat_page(
                &signed_in(Lang::Fr, Role::Owner),
                &periods(),
                day(2026, 11, 25),
                &VatFormValues::default(),
                &FormErrors::new(),
            )
            .into_string(),
        )
        .replace('\u{a0}', " ");
        assert!(html.contains("<title>Taux de TVA · Comptoir</title>"));
        assert!(html.contains(
            "<th scope=\"row\">20 %</th><td class=\"num\">21 %</td><td>01/01/2027</td><td>—</td>\
             <td><span class=\"badge\">Programmé</span></td>"
        ));
        assert!(
            html.contains(
                "<td>31/12/2026</td><td><span class=\"badge badge-on\">En vigueur</span>"
            )
        );
        assert!(
            html.contains("<option value=\"20\">20 %</option><option value=\"5.5\">5,5 %</option>")
        );
        assert!(html.contains("<option value=\"\" selected>— Un nouveau taux —</option>"));
        assert!(html.contains("name=\"rate\"") && html.contains("name=\"valid_from\""));
    }

    #[test]
    fn after_the_switch_the_old_row_has_ended_and_errors_show() {
        let values = VatFormValues {
            code: "20".into(),
            rate: "vingt".into(),
            valid_from: "hier".into(),
        };
        let errors = FormErrors::new()
            .with("rate", "Invalid rate.")
            .with("valid_from", "Invalid date.");
        let html = vat_page(
            &signed_in(Lang::En, Role::Owner),
            &periods(),
            day(2027, 1, 1),
            &values,
            &errors,
        )
        .into_string();
        assert!(
            html.contains("<td>2026-12-31</td><td><span class=\"badge badge-off\">Ended</span>")
        );
        assert!(html.contains("<option value=\"20\" selected>21%</option>"));
        assert!(html.contains("value=\"vingt\"") && html.contains("value=\"hier\""));
        assert!(html.contains("id=\"field-rate-error\" role=\"alert\">Invalid rate.</p>"));
        assert!(html.contains("id=\"field-valid_from-error\" role=\"alert\">Invalid date.</p>"));
    }
}
