//! `/settings/loyalty`: the card prefix, points per euro and what a point
//! pays. The owner.

use maud::{Markup, html};

use crate::forms::{FormErrors, Input, form_error};
use crate::i18n::{Msg, tf};
use crate::layout::{PageCtx, csrf_field, page};
use crate::pages::settings::back_link;

/// The settings as text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoyaltyFormValues {
    pub card_prefix: String,
    pub points_per_euro: String,
    /// `0,05`.
    pub point_value: String,
}

/// `join_url`: the public enrolment form's address, None while it is closed.
pub fn loyalty_page(
    ctx: &PageCtx,
    values: &LoyaltyFormValues,
    join_url: Option<&str>,
    errors: &FormErrors,
) -> Markup {
    let title = ctx.t(Msg::LoyaltySettingsTitle);
    let body = html! {
        (back_link(ctx))
        h1 { (title) }
        p { (ctx.t(Msg::LoyaltySettingsIntro)) }
        section.card {
            (form_error(errors))
            form method="post" action="/settings/loyalty" {
                (csrf_field(ctx))
                (Input::text("card_prefix", ctx.t(Msg::FieldCardPrefix)).value(&values.card_prefix)
                    .inputmode("numeric").autocomplete("off").hint(ctx.t(Msg::CardPrefixHint))
                    .required().render(errors))
                (Input::text("points_per_euro", ctx.t(Msg::FieldPointsPerEuro)).value(&values.points_per_euro)
                    .inputmode("numeric").autocomplete("off").required().render(errors))
                (Input::text("point_value", ctx.t(Msg::FieldPointValue)).value(&values.point_value)
                    .inputmode("decimal").autocomplete("off").hint(ctx.t(Msg::PointValueHint))
                    .required().render(errors))
                button type="submit" { (ctx.t(Msg::Save)) }
            }
        }
        section.card #online {
            h2 { (ctx.t(Msg::OnlineEnrolmentTitle)) }
            @if let Some(url) = join_url {
                p { (tf(ctx.lang, Msg::OnlineEnrolmentOpen, &[("url", url)])) }
            } @else {
                p { (ctx.t(Msg::OnlineEnrolmentClosed)) }
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
    fn the_three_settings_with_their_errors() {
        let values = LoyaltyFormValues {
            card_prefix: "21".into(),
            points_per_euro: "1".into(),
            point_value: "0,05".into(),
        };
        let errors = FormErrors::new().with("card_prefix", "Préfixe de balance.");
        let html = no_empty_class(
            loyalty_page(
                &signed_in(Lang::Fr, Role::Owner),
                &values,
                Some("https://boutique.example/join"),
                &errors,
            )
            .into_string(),
        );
        assert!(html.contains("<title>Fidélité · Comptoir</title>"));
        assert!(html.contains("action=\"/settings/loyalty\""));
        assert!(html.contains("value=\"0,05\""));
        assert!(
            html.contains("Ouverte à l’adresse https://boutique.example/join")
                || html.contains("Ouverte à l'adresse https://boutique.example/join")
        );
        assert!(
            html.contains("id=\"field-card_prefix-error\" role=\"alert\">Préfixe de balance.</p>")
        );
    }
}
