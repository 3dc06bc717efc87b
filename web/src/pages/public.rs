//! The pages customers see without logging in: the enrolment form and its
//! confirmation, their account page opened by an e-mailed link, and the
//! unsubscribe link. Same fields and consent boxes as at the till.

pub mod account;
pub mod join;

use customers::consents::standard_text;
use customers::enrolment::Boxes;
use customers::kinds::Channel;
use maud::{Markup, html};

use super::customers::fiche::{FicheValues, civility_select, language_select};
use crate::forms::{FormErrors, Input, alert};
use crate::i18n::Msg;
use crate::layout::{PageCtx, csrf_field, page};

/// The person's own fields: who they are and how to reach them (no notes,
/// tags or second phone: those are the shop's).
pub fn person_fields(ctx: &PageCtx, v: &FicheValues, errors: &FormErrors) -> Markup {
    let optional = ctx.t(Msg::Optional);
    let (civility, language) = (civility_select(ctx, v), language_select(ctx, v));
    html! {
        fieldset {
            legend { (ctx.t(Msg::FicheIdentity)) }
            (civility.render(errors))
            (Input::text("first_name", ctx.t(Msg::FieldFirstName)).value(&v.first_name)
                .optional(optional).autocomplete("given-name").render(errors))
            (Input::text("last_name", ctx.t(Msg::FieldLastName)).value(&v.last_name)
                .required().autocomplete("family-name").render(errors))
            (Input::text("birth_date", ctx.t(Msg::FieldBirthDate)).value(&v.birth_date)
                .optional(optional).placeholder(ctx.t(Msg::DayPlaceholder)).autocomplete("bday")
                .render(errors))
            (language.render(errors))
        }
        fieldset {
            legend { (ctx.t(Msg::FicheContact)) }
            (Input::email("email", ctx.t(Msg::FieldEmail)).value(&v.email).required()
                .hint(ctx.t(Msg::JoinEmailHint)).autocomplete("email").render(errors))
            (Input::text("phone", ctx.t(Msg::FieldPhone)).value(&v.phone)
                .optional(optional).inputmode("tel").autocomplete("tel").render(errors))
            (Input::text("address_line1", ctx.t(Msg::FieldAddressLine1)).value(&v.address_line1)
                .optional(optional).autocomplete("address-line1").render(errors))
            (Input::text("address_line2", ctx.t(Msg::FieldAddressLine2)).value(&v.address_line2)
                .optional(optional).autocomplete("address-line2").render(errors))
            (Input::text("postcode", ctx.t(Msg::FieldPostcode)).value(&v.postcode)
                .optional(optional).inputmode("numeric").autocomplete("postal-code").render(errors))
            (Input::text("city", ctx.t(Msg::FieldCity)).value(&v.city)
                .optional(optional).autocomplete("address-level2").render(errors))
        }
    }
}

/// The three consent boxes, each with the exact text recorded when ticked.
pub fn consent_boxes(ctx: &PageCtx, boxes: Boxes) -> Markup {
    html! {
        fieldset.consents {
            legend { (ctx.t(Msg::JoinConsentsLegend)) }
            p.hint { (ctx.t(Msg::JoinConsentsHint)) }
            @for (channel, ticked) in boxes.each() {
                @let id = format!("consent-{}", channel.as_str());
                div.field.checkbox {
                    input type="checkbox" id=(id) name=(format!("consent_{}", channel.as_str()))
                        value="yes" checked[ticked];
                    label for=(id) { (standard_text(channel)) }
                }
            }
        }
    }
}

/// A short page: a title, a sentence, and maybe a way on.
pub fn notice_page(ctx: &PageCtx, title: &str, text: &str, link: Option<(&str, &str)>) -> Markup {
    let body = html! {
        div.narrow {
            h1 { (title) }
            p.notice { (text) }
            @if let Some((href, label)) = link {
                p { a href=(href) { (label) } }
            }
        }
    };
    page(ctx, title, body)
}

/// A page whose only content is one button that posts `token` to `action`:
/// links in e-mails act only when the person presses it, never when a mail
/// scanner merely fetches them.
pub fn confirm_button_page(
    ctx: &PageCtx,
    title: &str,
    text: &str,
    action: &str,
    token: &str,
    submit: &str,
    error: Option<&str>,
) -> Markup {
    let body = html! {
        div.narrow {
            h1 { (title) }
            (alert(error))
            p { (text) }
            form.card method="post" action=(action) {
                (csrf_field(ctx))
                input type="hidden" name="t" value=(token);
                button type="submit" { (submit) }
            }
        }
    };
    page(ctx, title, body)
}

/// The channel's box as posted: present means ticked.
pub fn box_field(channel: Channel) -> String {
    format!("consent_{}", channel.as_str())
}
