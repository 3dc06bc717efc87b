//! `/till`: the cashier's screen. The sale itself runs in `till.js`, which
//! talks to the JSON API with the browser's session; opening and closing the
//! cash session, cash in and out and the reports are plain forms and pages.

mod report;
mod screen;

pub use report::{ReportView, report_page};
pub use screen::{TillScreen, till_screen};

use maud::{Markup, html};
use sales::tills::Till;

use crate::forms::{FormErrors, Input, form_error};
use crate::i18n::{self, Msg};
use crate::layout::{PageCtx, csrf_field, page};

/// No till yet, or several to choose from.
pub fn choose_page(ctx: &PageCtx, tills: &[Till]) -> Markup {
    let title = ctx.t(Msg::NavTill);
    page(
        ctx,
        title,
        html! {
            h1 { (title) }
            @if tills.is_empty() {
                p { (ctx.t(Msg::TillNone)) }
            } @else {
                h2 { (ctx.t(Msg::TillChoose)) }
                ul.till-choice {
                    @for till in tills {
                        li { a.button href=(format!("/till/{}", till.code)) { (till.code) " — " (till.name) } }
                    }
                }
            }
        },
    )
}

fn till_title(ctx: &PageCtx, till: &Till) -> String {
    i18n::tf(ctx.lang, Msg::TillTitle, &[("code", &till.code)])
}

/// The till has no open session: count the float and open it.
pub fn open_page(ctx: &PageCtx, till: &Till, float: &str, errors: &FormErrors) -> Markup {
    let title = till_title(ctx, till);
    page(
        ctx,
        &title,
        html! {
            h1 { (title) " — " (till.name) }
            p { (ctx.t(Msg::TillClosed)) }
            form.card method="post" action=(format!("/till/{}/open", till.code)) {
                (csrf_field(ctx))
                h2 { (ctx.t(Msg::TillOpenTitle)) }
                (form_error(errors))
                (Input::text("opening_float", ctx.t(Msg::TillFloat)).value(float)
                    .inputmode("decimal").required().render(errors))
                button.button.primary type="submit" { (ctx.t(Msg::TillOpenSubmit)) }
            }
        },
    )
}

/// The values a cash movement form keeps when it comes back with an error.
#[derive(Debug, Clone, Default)]
pub struct CashForm {
    pub kind: String,
    pub amount: String,
    pub reason: String,
}

pub fn cash_page(ctx: &PageCtx, till: &Till, form: &CashForm, errors: &FormErrors) -> Markup {
    let title = ctx.t(Msg::TillCash);
    page(
        ctx,
        title,
        html! {
            h1 { (till_title(ctx, till)) " — " (title) }
            form.card method="post" action=(format!("/till/{}/cash", till.code)) {
                (csrf_field(ctx))
                (form_error(errors))
                fieldset {
                    legend { (ctx.t(Msg::TillCashKind)) }
                    label { input type="radio" name="kind" value="in" checked[form.kind != "out"]; " " (ctx.t(Msg::TillCashIn)) }
                    " "
                    label { input type="radio" name="kind" value="out" checked[form.kind == "out"]; " " (ctx.t(Msg::TillCashOut)) }
                }
                (Input::text("amount", ctx.t(Msg::TillCashAmount)).value(&form.amount)
                    .inputmode("decimal").required().render(errors))
                (Input::text("reason", ctx.t(Msg::TillCashReason)).value(&form.reason).required().render(errors))
                button.button.primary type="submit" { (ctx.t(Msg::TillCashSubmit)) }
                " "
                a.button href=(format!("/till/{}", till.code)) { (ctx.t(Msg::TillBack)) }
            }
        },
    )
}

/// Closing: the counted cash only (a blind count); the Z report says the rest.
pub fn close_page(ctx: &PageCtx, till: &Till, counted: &str, errors: &FormErrors) -> Markup {
    let title = ctx.t(Msg::TillCloseSession);
    page(
        ctx,
        title,
        html! {
            h1 { (till_title(ctx, till)) " — " (title) }
            form.card method="post" action=(format!("/till/{}/close", till.code)) {
                (csrf_field(ctx))
                (form_error(errors))
                p.hint { (ctx.t(Msg::TillCloseHint)) }
                (Input::text("counted_cash", ctx.t(Msg::TillCounted)).value(counted)
                    .inputmode("decimal").required().render(errors))
                button.button.primary type="submit" { (ctx.t(Msg::TillCloseSubmit)) }
                " "
                a.button href=(format!("/till/{}", till.code)) { (ctx.t(Msg::TillBack)) }
            }
        },
    )
}
