//! `/customers/duplicates`: the likely pairs, why each is one, and a form to
//! merge them (choosing the fiche to keep).

use customers::Customer;
use customers::merge::DuplicateReason;
use maud::{Markup, html};

use super::{NONE, back_to_list, customer_href, duplicate_reason_label};
use crate::forms::{FormErrors, form_error};
use crate::i18n::{Msg, short_datetime};
use crate::layout::{PageCtx, csrf_field, page};

/// A likely pair, older fiche first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateView {
    pub first: Customer,
    pub second: Customer,
    pub reason: DuplicateReason,
}

pub fn duplicates_page(ctx: &PageCtx, pairs: &[DuplicateView], errors: &FormErrors) -> Markup {
    let title = ctx.t(Msg::DuplicatesTitle);
    let body = html! {
        (back_to_list(ctx))
        h1 { (title) }
        p { (ctx.t(Msg::DuplicatesIntro)) }
        (form_error(errors))
        @if pairs.is_empty() {
            p { (ctx.t(Msg::NoDuplicates)) }
        }
        @for (i, pair) in pairs.iter().enumerate() {
            form.card.duplicate method="post" action="/customers/merge" {
                h2 { (duplicate_reason_label(ctx.lang, pair.reason)) }
                (csrf_field(ctx))
                input type="hidden" name="first" value=(pair.first.id);
                input type="hidden" name="second" value=(pair.second.id);
                fieldset {
                    legend { (ctx.t(Msg::KeepWhich)) }
                    (choice(ctx, i, &pair.first, true))
                    (choice(ctx, i, &pair.second, false))
                }
                button type="submit" { (ctx.t(Msg::MergeSubmit)) }
            }
        }
    };
    page(ctx, title, body)
}

fn choice(ctx: &PageCtx, pair: usize, c: &Customer, checked: bool) -> Markup {
    let id = format!("keep-{pair}-{}", c.id);
    let contact = [
        c.email.as_deref(),
        c.phone.as_deref(),
        c.postcode.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ");
    html! {
        div.field {
            label.check for=(id) {
                input type="radio" name="keep" id=(id) value=(c.id) checked[checked];
                a href=(customer_href(c.id)) { (c.display_name()) }
                " — " (if contact.is_empty() { NONE } else { &contact })
                " — " (crate::i18n::tf(ctx.lang, Msg::VisitsCount, &[("count", &c.visits.to_string())]))
                @if let Some(last) = c.last_visit { " (" (short_datetime(last)) ")" }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use db::Role;

    use super::super::fixtures::helene;
    use super::*;
    use crate::i18n::Lang;
    use crate::test_support::{no_empty_class, signed_in};

    #[test]
    fn each_pair_has_its_reason_and_a_merge_form() {
        let mut second = helene();
        second.id = 9;
        second.first_name = Some("Helene".into());
        let pairs = [DuplicateView {
            first: helene(),
            second,
            reason: DuplicateReason::SameEmail,
        }];
        let html = no_empty_class(
            duplicates_page(
                &signed_in(Lang::Fr, Role::Manager),
                &pairs,
                &FormErrors::new(),
            )
            .into_string(),
        );
        assert!(html.contains("<title>Doublons probables · Comptoir</title>"));
        assert!(html.contains("<h2>Même adresse e-mail</h2>"));
        assert!(html.contains("action=\"/customers/merge\""));
        assert!(html.contains("name=\"first\" value=\"7\""));
        assert!(html.contains("name=\"second\" value=\"9\""));
        assert!(html.contains("name=\"keep\" id=\"keep-0-7\" value=\"7\" checked"));
        assert!(html.contains("name=\"keep\" id=\"keep-0-9\" value=\"9\">"));
        let none = duplicates_page(
            &signed_in(Lang::En, Role::Manager),
            &[],
            &FormErrors::new().with("", "Refused."),
        )
        .into_string();
        assert!(none.contains("No likely duplicates."));
        assert!(none.contains("Refused."));
    }
}
