//! `/settings/scales`: which in-store EAN-13 prefixes the shop's scales print,
//! for a weight or for a price. The owner.

use maud::{Markup, html};

use super::back_link;
use crate::forms::{FormErrors, Input, form_error};
use crate::i18n::Msg;
use crate::layout::{PageCtx, csrf_field, page};

/// The two lists as text: `21, 22` and `23, 24`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ScaleFormValues {
    pub weight: String,
    pub price: String,
}

pub fn scales_page(ctx: &PageCtx, values: &ScaleFormValues, errors: &FormErrors) -> Markup {
    let title = ctx.t(Msg::ScaleTitle);
    let body = html! {
        (back_link(ctx))
        h1 { (title) }
        p { (ctx.t(Msg::ScaleIntro)) }
        section.card {
            (form_error(errors))
            form method="post" action="/settings/scales" {
                (csrf_field(ctx))
                (Input::text("weight", ctx.t(Msg::FieldWeightPrefixes)).value(&values.weight)
                    .inputmode("numeric").autocomplete("off").hint(ctx.t(Msg::ScalePrefixesHint))
                    .render(errors))
                (Input::text("price", ctx.t(Msg::FieldPricePrefixes)).value(&values.price)
                    .inputmode("numeric").autocomplete("off").hint(ctx.t(Msg::ScalePrefixesHint))
                    .render(errors))
                button type="submit" { (ctx.t(Msg::Save)) }
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
    use crate::test_support::{no_empty_class, signed_in};

    #[test]
    fn both_lists_are_shown_with_their_errors() {
        let values = ScaleFormValues {
            weight: "21, 22".into(),
            price: "21".into(),
        };
        let html = no_empty_class(
            scales_page(
                &signed_in(Lang::Fr, Role::Owner),
                &values,
                &FormErrors::new().with("price", "Deux fois."),
            )
            .into_string(),
        );
        assert!(html.contains("<title>Étiquettes des balances · Comptoir</title>"));
        assert!(html.contains("action=\"/settings/scales\""));
        assert!(html.contains("name=\"weight\"") && html.contains("value=\"21, 22\""));
        assert!(html.contains("id=\"field-price-error\" role=\"alert\">Deux fois.</p>"));
        let html = scales_page(
            &signed_in(Lang::En, Role::Owner),
            &values,
            &FormErrors::new(),
        )
        .into_string();
        assert!(html.contains("“Weight” prefixes"));
    }
}
