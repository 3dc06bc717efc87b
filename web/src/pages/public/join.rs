//! `/join`: the public enrolment form, and the pages of its confirmation.

use customers::enrolment::Boxes;
use maud::{Markup, html};

use super::{consent_boxes, person_fields};
use crate::forms::{FormErrors, form_error};
use crate::i18n::{Msg, tf};
use crate::layout::{PageCtx, csrf_field, page};
use crate::pages::customers::fiche::FicheValues;

/// The honeypot: a field people never see (hidden by the style sheet and
/// from screen readers) that form-filling robots fill in.
pub const HONEYPOT: &str = "website";

/// The form, empty or as typed with its errors.
pub fn join_page(
    ctx: &PageCtx,
    shop: &str,
    values: &FicheValues,
    boxes: Boxes,
    errors: &FormErrors,
) -> Markup {
    let title = ctx.t(Msg::JoinTitle);
    let body = html! {
        div.narrow {
            h1 { (title) }
            p { (ctx.t(Msg::JoinIntro)) }
            (form_error(errors))
            form.card method="post" action="/join" {
                (csrf_field(ctx))
                div.honeypot aria-hidden="true" {
                    label for="website" { "Website" }
                    input type="text" id="website" name=(HONEYPOT) tabindex="-1" autocomplete="off";
                }
                (person_fields(ctx, values, errors))
                (consent_boxes(ctx, boxes))
                p.hint { (tf(ctx.lang, Msg::JoinPrivacy, &[("shop", shop)])) }
                button type="submit" { (ctx.t(Msg::JoinSubmit)) }
            }
            p { a href="/my-account" { (ctx.t(Msg::JoinAccountLink)) } }
        }
    };
    page(ctx, title, body)
}

/// After the confirmation: the card to show at the till, and the account.
pub fn join_done_page(ctx: &PageCtx, existing: bool, card: Option<&str>) -> Markup {
    let title = ctx.t(Msg::JoinDoneTitle);
    let body = html! {
        div.narrow {
            h1 { (title) }
            @if existing {
                p.notice { (ctx.t(Msg::JoinDoneExisting)) }
            } @else if let Some(card) = card {
                p.notice { (tf(ctx.lang, Msg::JoinDoneNew, &[("card", card)])) }
            }
            p { a.button href="/my-account" { (ctx.t(Msg::JoinDoneAccount)) } }
        }
    };
    page(ctx, title, body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::test_support::{ctx as anonymous, no_empty_class};

    #[test]
    fn the_form_has_the_fields_the_boxes_unticked_and_the_honeypot() {
        let html = no_empty_class(
            join_page(
                &anonymous(Lang::Fr),
                "Épicerie du Marché",
                &FicheValues::new(),
                Boxes::default(),
                &FormErrors::new(),
            )
            .into_string(),
        );
        assert!(html.contains("method=\"post\" action=\"/join\""));
        for field in [
            "_csrf",
            "civility",
            "first_name",
            "last_name",
            "email",
            "phone",
            "address_line1",
            "postcode",
            "city",
            "birth_date",
            "language",
            "consent_email",
            "consent_sms",
            "consent_post",
            "website",
        ] {
            assert!(
                html.contains(&format!("name=\"{field}\"")),
                "missing {field}"
            );
        }
        assert!(!html.contains("checked"), "no box ticked in advance");
        assert!(html.contains("Épicerie du Marché"));
        assert!(
            !html.contains("name=\"notes\""),
            "the shop's notes stay in the back office"
        );
    }
}
