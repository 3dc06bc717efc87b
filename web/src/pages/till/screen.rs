//! The selling screen: the scan field (always focused), the lines, the total,
//! the payments. `till.js` does the work; the page carries what it needs in
//! data attributes and one JSON block of texts in the reader's language.

use customers::kinds::Channel;
use db::Money;
use maud::{Markup, PreEscaped, html};
use sales::sessions::CashSession;
use sales::shops::PrintMode;
use sales::tickets::PaymentMethod;
use sales::tills::Till;

use crate::i18n::{self, Lang, Msg};
use crate::layout::{PageCtx, page};

/// What the till screen shows and its script needs.
pub struct TillScreen<'a> {
    pub till: &'a Till,
    pub session: &'a CashSession,
    /// Who opened the session.
    pub opened_by: &'a str,
    /// The session's opening, in the shop's time.
    pub opened_at_local: chrono::NaiveDateTime,
    pub print_mode: PrintMode,
    /// Whether e-mailed receipts are configured.
    pub email: bool,
    /// Hundredths of a percent.
    pub max_discount_percent: i64,
    pub refund_limit: Money,
    /// The loyalty cards' EAN-13 prefix: a scan starting with it attaches a customer.
    pub card_prefix: &'a str,
}

/// The payment method in words.
pub fn method_label(lang: Lang, method: &str) -> &'static str {
    let msg = match PaymentMethod::parse(method) {
        Some(PaymentMethod::Cash) => Msg::MethodCash,
        Some(PaymentMethod::Card) => Msg::MethodCard,
        Some(PaymentMethod::Cheque) => Msg::MethodCheque,
        Some(PaymentMethod::Voucher) => Msg::MethodVoucher,
        Some(PaymentMethod::Loyalty) => Msg::MethodLoyalty,
        None => return "?",
    };
    i18n::t(lang, msg)
}

/// The texts the script shows, by key, in the page's language.
const SCRIPT_TEXTS: [(&str, Msg); 53] = [
    ("enrol", Msg::TillEnrol),
    ("enrolCard", Msg::TillJsEnrolCard),
    ("firstName", Msg::TillJsFirstName),
    ("lastName", Msg::TillJsLastName),
    ("emailField", Msg::TillJsEmailField),
    ("phone", Msg::TillJsPhone),
    ("enrolSubmit", Msg::TillJsEnrolSubmit),
    ("enrolHint", Msg::TillJsEnrolHint),
    ("customer", Msg::TillJsCustomer),
    ("pointsEarned", Msg::TillJsPointsEarned),
    ("needCard", Msg::TillJsNeedCard),
    ("detach", Msg::TillJsDetach),
    ("done", Msg::TillJsTicketDone),
    ("askPrint", Msg::TillJsAskPrint),
    ("print", Msg::TillJsPrint),
    ("noPrint", Msg::TillJsNoPrint),
    ("email", Msg::TillJsEmail),
    ("emailPlaceholder", Msg::TillJsEmailPlaceholder),
    ("emailSend", Msg::TillJsEmailSend),
    ("emailSent", Msg::TillJsEmailSent),
    ("printed", Msg::TillJsPrinted),
    ("reprint", Msg::TillJsReprint),
    ("newSale", Msg::TillJsNewSale),
    ("offline", Msg::TillJsOffline),
    ("retry", Msg::TillJsRetry),
    ("unknown", Msg::TillJsUnknown),
    ("noMatch", Msg::TillJsNoMatch),
    ("weight", Msg::TillJsWeight),
    ("discount", Msg::TillJsDiscount),
    ("badDiscount", Msg::TillJsBadDiscount),
    ("badQuantity", Msg::TillJsBadQuantity),
    ("approvalTitle", Msg::TillJsApprovalTitle),
    ("approvalUser", Msg::TillJsApprovalUser),
    ("approvalPin", Msg::TillJsApprovalPin),
    ("ok", Msg::TillJsOk),
    ("close", Msg::TillJsClose),
    ("heldNone", Msg::TillJsHeldNone),
    ("busy", Msg::TillJsBusy),
    ("changeCashOnly", Msg::TillJsChangeCashOnly),
    ("remove", Msg::TillJsRemove),
    ("lineDiscount", Msg::TillJsLineDiscount),
    ("ticketDiscount", Msg::TillJsTicketDiscount),
    ("refundTicket", Msg::TillJsRefundTicket),
    ("refundLines", Msg::TillJsRefundLines),
    ("refundMethod", Msg::TillJsRefundMethod),
    ("refundSubmit", Msg::TillJsRefundSubmit),
    ("refundDone", Msg::TillJsRefundDone),
    ("multiplier", Msg::TillJsMultiplier),
    ("amount", Msg::TillJsAmount),
    ("paid", Msg::TillJsPaid),
    ("change", Msg::TillChange),
    ("toPay", Msg::TillToPay),
    ("hold", Msg::TillHold),
];

fn script_texts(lang: Lang) -> String {
    let mut map = serde_json::Map::new();
    for (key, msg) in SCRIPT_TEXTS {
        map.insert(key.to_owned(), i18n::t(lang, msg).into());
    }
    for channel in [Channel::Email, Channel::Sms, Channel::Post] {
        map.insert(
            format!("consent_{}", channel.as_str()),
            customers::consents::standard_text(channel).into(),
        );
    }
    for method in PaymentMethod::ALL {
        map.insert(
            format!("method_{}", method.as_str()),
            method_label(lang, method.as_str()).into(),
        );
    }
    // `</` can never close the script element early.
    serde_json::Value::Object(map)
        .to_string()
        .replace("</", "<\\/")
}

pub fn till_screen(ctx: &PageCtx, screen: &TillScreen<'_>) -> Markup {
    let till = screen.till;
    let title = i18n::tf(ctx.lang, Msg::TillTitle, &[("code", &till.code)]);
    let since = i18n::tf(
        ctx.lang,
        Msg::TillSessionSince,
        &[
            ("at", &i18n::short_datetime(screen.opened_at_local)),
            ("name", screen.opened_by),
        ],
    );
    let base = format!("/till/{}", till.code);
    page(
        ctx,
        &title,
        html! {
            div #till .till
                data-till=(till.code)
                data-csrf=(ctx.csrf_token)
                data-print-mode=(screen.print_mode.as_str())
                data-email=(if screen.email { "1" } else { "0" })
                data-max-discount=(screen.max_discount_percent)
                data-refund-limit=(screen.refund_limit.cents())
                data-card-prefix=(screen.card_prefix)
                data-lang=(ctx.lang.code()) {
                div.till-bar {
                    strong { (title) " — " (till.name) }
                    span.till-since { (since) }
                    button #training-toggle .button type="button" aria-pressed="false" { (ctx.t(Msg::TillTraining)) }
                    a.button href=(format!("{base}/report")) { (ctx.t(Msg::TillXReport)) }
                    a.button href=(format!("{base}/cash")) { (ctx.t(Msg::TillCash)) }
                    a.button href=(format!("{base}/close")) { (ctx.t(Msg::TillCloseSession)) }
                }
                div #training-banner .training-banner hidden { (ctx.t(Msg::TillTrainingBanner)) }
                noscript { div.alert role="alert" { (ctx.t(Msg::TillNoScript)) } }
                div.till-main {
                    section.till-left {
                        label for="scan" { (ctx.t(Msg::TillScanLabel)) }
                        div.scan-row {
                            input #scan .scan-input type="text" autocomplete="off" autofocus
                                spellcheck="false" enterkeyhint="enter";
                            span #multiplier .multiplier hidden {}
                        }
                        div #till-message .till-message role="alert" aria-live="assertive" {}
                        div #customer .customer-block hidden {
                            span #customer-text {}
                            " "
                            a #card-pdf .button.button-secondary.small href="#" target="_blank" hidden { (ctx.t(Msg::TillCardPdf)) }
                            button #detach .button.button-secondary.small type="button" { (ctx.t(Msg::TillJsDetach)) }
                        }
                        ul #search-results .search-results hidden {}
                        table.till-lines {
                            tbody #lines {}
                        }
                    }
                    section.till-right {
                        div.till-total {
                            span { (ctx.t(Msg::TillTotal)) }
                            output #total { "0,00 €" }
                        }
                        div #ticket-discount-row .ticket-discount {}
                        div.pay-methods {
                            @for method in PaymentMethod::ALL {
                                button.button.pay type="button" data-method=(method.as_str()) {
                                    (method_label(ctx.lang, method.as_str()))
                                }
                            }
                        }
                        label for="pay-amount" { (ctx.t(Msg::TillJsAmount)) }
                        input #pay-amount .pay-amount type="text" inputmode="decimal" autocomplete="off";
                        ul #payments .payments {}
                        div.till-due {
                            span #due-label { (ctx.t(Msg::TillToPay)) }
                            output #due { "0,00 €" }
                        }
                        button #complete .button.primary.complete type="button" disabled { (ctx.t(Msg::TillComplete)) }
                        div.till-actions {
                            button #ticket-discount .button type="button" { (ctx.t(Msg::TillJsTicketDiscount)) }
                            button #hold .button type="button" { (ctx.t(Msg::TillHold)) }
                            button #resume .button type="button" { (ctx.t(Msg::TillResume)) }
                            button #refund .button type="button" { (ctx.t(Msg::TillRefund)) }
                            button #refund-blind .button.button-secondary type="button" { (ctx.t(Msg::TillRefundBlind)) }
                            button #enrol .button.button-secondary type="button" { (ctx.t(Msg::TillEnrol)) }
                            button #cancel .button type="button" { (ctx.t(Msg::TillCancel)) }
                        }
                    }
                }
                dialog #done-dialog .till-dialog {}
                dialog #ask-dialog .till-dialog {}
                script #till-text type="application/json" { (PreEscaped(script_texts(ctx.lang))) }
            }
            script src="/static/till.js" defer {}
        },
    )
}
