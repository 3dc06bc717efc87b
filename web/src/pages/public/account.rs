//! `/my-account`: the customer's own page, opened by an e-mailed link — their
//! card and points, their details to correct, their contact preferences, their
//! data to download or erase.

use customers::Customer;
use customers::consents::Current;
use customers::enrolment::Boxes;
use customers::kinds::Channel;
use customers::points::LedgerEntry;
use db::Money;
use maud::{Markup, PreEscaped, html};

use super::{consent_boxes, person_fields};
use crate::forms::{FormErrors, Input, form_error};
use crate::i18n::{Msg, short_datetime, tf};
use crate::layout::{PageCtx, csrf_field, page};
use crate::pages::customers::fiche::FicheValues;
use crate::pages::customers::points_reason_label;

/// What the page shows.
pub struct AccountView<'a> {
    pub customer: &'a Customer,
    pub card: Option<&'a str>,
    pub points_value: Money,
    /// Oldest first; the page shows the latest first.
    pub ledger: &'a [LedgerEntry],
    pub consents: &'a Current,
    /// The details form: the fiche, or what was typed with its errors.
    pub values: &'a FicheValues,
    pub errors: &'a FormErrors,
}

/// The ledger lines shown: the latest ones.
const LEDGER_LINES: usize = 50;

pub fn account_page(ctx: &PageCtx, v: &AccountView<'_>) -> Markup {
    let title = ctx.t(Msg::AccountLinkTitle);
    let boxes = Boxes {
        email: v.consents.granted(Channel::Email),
        sms: v.consents.granted(Channel::Sms),
        post: v.consents.granted(Channel::Post),
    };
    let body = html! {
        div.narrow {
            h1 { (tf(ctx.lang, Msg::AccountHello, &[("name", &v.customer.display_name())])) }
            section.card #card {
                @if let Some(card) = v.card {
                    h2 { (tf(ctx.lang, Msg::AccountCard, &[("card", card)])) }
                    @if let Some(svg) = ean13_svg(card) {
                        div.card-barcode { (svg) }
                    }
                } @else {
                    p { (ctx.t(Msg::AccountNoCard)) }
                }
                p.count #points {
                    (tf(ctx.lang, Msg::AccountPoints, &[
                        ("points", &v.customer.points.to_string()),
                        ("value", &v.points_value.to_french()),
                    ]))
                }
            }
            @if !v.ledger.is_empty() {
                section #points-history {
                    h2 { (ctx.t(Msg::AccountPointsHistory)) }
                    div.table-wrap {
                        table {
                            thead { tr {
                                th scope="col" { (ctx.t(Msg::ColDate)) }
                                th scope="col" { (ctx.t(Msg::ColKind)) }
                                th.num scope="col" { (ctx.t(Msg::ColPoints)) }
                                th.num scope="col" { (ctx.t(Msg::ColBalance)) }
                            } }
                            tbody {
                                @for line in v.ledger.iter().rev().take(LEDGER_LINES) {
                                    tr {
                                        td { (short_datetime(line.at)) }
                                        td { (points_reason_label(ctx.lang, &line.reason)) }
                                        td.num { @if line.delta > 0 { "+" } (line.delta) }
                                        td.num { (line.balance_after) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            section #details {
                h2 { (ctx.t(Msg::AccountDetails)) }
                (form_error(v.errors))
                form.card method="post" action="/my-account/details" {
                    (csrf_field(ctx))
                    (person_fields(ctx, v.values, v.errors))
                    button type="submit" { (ctx.t(Msg::AccountDetailsSubmit)) }
                }
            }
            section #preferences {
                h2 { (ctx.t(Msg::AccountConsents)) }
                form.card method="post" action="/my-account/consents" {
                    (csrf_field(ctx))
                    (consent_boxes(ctx, boxes))
                    button type="submit" { (ctx.t(Msg::AccountConsentsSubmit)) }
                }
            }
            section #data {
                h2 { (ctx.t(Msg::AccountData)) }
                p { a href="/my-account/export" download { (ctx.t(Msg::AccountExport)) } }
                form.card method="post" action="/my-account/erase" {
                    (csrf_field(ctx))
                    p.hint { (ctx.t(Msg::AccountEraseHint)) }
                    div.field.checkbox {
                        input type="checkbox" id="confirm-erase" name="confirm" value="yes";
                        label for="confirm-erase" { (ctx.t(Msg::AccountEraseConfirm)) }
                    }
                    @if let Some(error) = v.errors.get("confirm") {
                        p.field-error role="alert" { (error) }
                    }
                    button.button-danger type="submit" { (ctx.t(Msg::AccountErase)) }
                }
            }
            form method="post" action="/my-account/logout" {
                (csrf_field(ctx))
                button.button-secondary type="submit" { (ctx.t(Msg::AccountLogout)) }
            }
        }
    };
    page(ctx, title, body)
}

/// `/my-account` without a session: ask for a link.
pub fn link_request_page(ctx: &PageCtx, email: &str, errors: &FormErrors) -> Markup {
    let title = ctx.t(Msg::AccountLinkTitle);
    let body = html! {
        div.narrow {
            h1 { (title) }
            p { (ctx.t(Msg::AccountLinkIntro)) }
            (form_error(errors))
            form.card method="post" action="/my-account/link" {
                (csrf_field(ctx))
                (Input::email("email", ctx.t(Msg::FieldEmail)).value(email).required()
                    .autocomplete("email").render(errors))
                button type="submit" { (ctx.t(Msg::AccountLinkSubmit)) }
            }
        }
    };
    page(ctx, title, body)
}

/// The card's EAN-13 as an SVG the till's scanner reads off a phone screen;
/// None for a number that is not a valid EAN-13.
pub fn ean13_svg(number: &str) -> Option<Markup> {
    const MODULE: usize = 3;
    const QUIET: usize = 11;
    const HEIGHT: usize = 90;
    let modules = barcoders::sym::ean13::EAN13::new(number.get(..12)?)
        .ok()?
        .encode();
    let width = (modules.len() + 2 * QUIET) * MODULE;
    let mut bars = String::new();
    for (i, module) in modules.iter().enumerate() {
        if *module == 1 {
            bars.push_str(&format!(
                "<rect x=\"{}\" y=\"0\" width=\"{MODULE}\" height=\"{HEIGHT}\"/>",
                (QUIET + i) * MODULE
            ));
        }
    }
    Some(html! {
        svg xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {width} {HEIGHT}"))
            width=(width) height=(HEIGHT) role="img" aria-label=(number) {
            rect width=(width) height=(HEIGHT) fill="#fff" {}
            g fill="#000" { (PreEscaped(bars)) }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_barcode_has_the_ean13_s_95_modules() {
        let svg = ean13_svg("2900000000017").map(|m| m.into_string());
        let svg = svg.unwrap_or_default();
        assert!(svg.contains("viewBox=\"0 0 351 90\""), "{svg}");
        assert!(svg.contains("aria-label=\"2900000000017\""));
        assert!(ean13_svg("12").is_none());
    }
}
