//! `/users/{id}`: one user's profile, password, PIN and sessions, each its own form
//! so that one action never submits another's fields.

use maud::{Markup, html};

use super::{UserRow, role_select};
use crate::forms::{FormErrors, Input, checkbox, form_error};
use crate::i18n::{self, Msg};
use crate::layout::{PageCtx, csrf_field, page};

pub fn user_edit_page(ctx: &PageCtx, user: &UserRow, errors: &FormErrors) -> Markup {
    let title = i18n::tf(
        ctx.lang,
        Msg::UserEditTitle,
        &[("name", &user.display_name)],
    );
    let base = format!("/users/{}", user.id);
    let body = html! {
        p { a href="/users" { "← " (ctx.t(Msg::BackToUsers)) } }
        h1 { (title) }
        dl.facts {
            dt { (ctx.t(Msg::FieldUsername)) }
            dd { code { (user.username) } }
            dt { (ctx.t(Msg::ColLastLogin)) }
            dd { (user.last_login.as_deref().unwrap_or(ctx.t(Msg::Never))) }
        }
        (form_error(errors))
        section.card {
            h2 { (ctx.t(Msg::ProfileSection)) }
            form method="post" action=(base) {
                (csrf_field(ctx))
                (Input::text("display_name", ctx.t(Msg::FieldDisplayName))
                    .value(&user.display_name).required().autocomplete("off").render(errors))
                (role_select(ctx, Some(user.role), errors))
                (checkbox("active", ctx.t(Msg::FieldActive), user.active, Some(ctx.t(Msg::ActiveHint)), errors))
                button type="submit" { (ctx.t(Msg::Save)) }
            }
        }
        section.card {
            h2 { (ctx.t(Msg::FieldPassword)) }
            p { (ctx.t(Msg::ResetPasswordNote)) }
            form method="post" action=(format!("{base}/password")) {
                (csrf_field(ctx))
                (Input::password("password", ctx.t(Msg::FieldNewPassword))
                    .required().autocomplete("new-password").render(errors))
                button type="submit" { (ctx.t(Msg::ResetPasswordSubmit)) }
            }
        }
        section.card {
            h2 { (ctx.t(Msg::FieldPin)) }
            p { (ctx.t(if user.has_pin { Msg::PinIsSet } else { Msg::PinIsUnset })) }
            form method="post" action=(format!("{base}/pin")) {
                (csrf_field(ctx))
                (Input::password("pin", ctx.t(Msg::FieldPin))
                    .hint(ctx.t(Msg::PinEmptyRemoves))
                    .inputmode("numeric").autocomplete("off").render(errors))
                button type="submit" { (ctx.t(Msg::PinSubmit)) }
            }
        }
        section.card {
            h2 { (ctx.t(Msg::SessionsSection)) }
            p { (ctx.t(Msg::RevokeSessionsText)) }
            form method="post" action=(format!("{base}/sessions/revoke")) {
                (csrf_field(ctx))
                button.button-danger type="submit" { (ctx.t(Msg::RevokeSessionsSubmit)) }
            }
        }
    };
    page(ctx, &title, body)
}

#[cfg(test)]
mod tests {
    use db::Role;

    use super::*;
    use crate::i18n::Lang;
    use crate::pages::users::sample_user;
    use crate::test_support::signed_in;

    fn render(lang: Lang, errors: &FormErrors) -> String {
        user_edit_page(&signed_in(lang, Role::Owner), &sample_user(), errors).into_string()
    }

    /// The markup of the form posting to `action`.
    fn form<'h>(html: &'h str, action: &str) -> &'h str {
        html.split(&format!("<form method=\"post\" action=\"{action}\">"))
            .nth(1)
            .and_then(|rest| rest.split("</form>").next())
            .unwrap_or_default()
    }

    #[test]
    fn four_forms_each_with_csrf_in_french() {
        let html = render(Lang::Fr, &FormErrors::new());
        assert!(html.contains("<h1>Modifier «\u{a0}Léo Dupont\u{a0}»</h1>"));
        assert!(html.contains("<dt>Dernière connexion</dt><dd>3 mars 2025 à 09:12</dd>"));
        let csrf = "name=\"_csrf\" value=\"csrf-123\"";
        let profile = form(&html, "/users/7");
        assert!(profile.contains(csrf));
        assert!(
            profile
                .contains("name=\"display_name\" id=\"field-display_name\" value=\"Léo Dupont\"")
        );
        assert!(profile.contains("<option value=\"cashier\" selected>Caissier</option>"));
        assert!(profile.contains("name=\"active\" id=\"field-active\" value=\"on\" checked"));
        assert!(!profile.contains("name=\"password\""));
        let password = form(&html, "/users/7/password");
        assert!(password.contains(csrf));
        assert!(password.contains("name=\"password\""));
        assert!(password.contains("Réinitialiser le mot de passe"));
        assert!(html.contains("déconnecté partout"));
        let pin = form(&html, "/users/7/pin");
        assert!(pin.contains(csrf));
        assert!(pin.contains("name=\"pin\""));
        assert!(!pin.contains("required"));
        assert!(html.contains("Laisser vide pour supprimer le code PIN."));
        let revoke = form(&html, "/users/7/sessions/revoke");
        assert!(revoke.contains(csrf));
        assert!(revoke.contains(">Déconnecter partout</button>"));
    }

    #[test]
    fn renders_in_english() {
        let html = render(Lang::En, &FormErrors::new());
        assert!(html.contains("<title>Edit “Léo Dupont” · Comptoir</title>"));
        assert!(html.contains(">Reset the password</button>"));
        assert!(html.contains(">Sign out everywhere</button>"));
        assert!(html.contains("No PIN is set."));
        assert!(html.contains(">Active account"));
    }

    #[test]
    fn errors_sit_under_their_fields() {
        let errors = FormErrors::new().with("pin", "4 à 8 chiffres.");
        let html = render(Lang::Fr, &errors);
        let pin = form(&html, "/users/7/pin");
        assert!(pin.contains(
            "aria-invalid=\"true\" aria-describedby=\"field-pin-hint field-pin-error\">"
        ));
        assert!(pin.contains(
            "<p class=\"field-error\" id=\"field-pin-error\" role=\"alert\">4 à 8 chiffres.</p>"
        ));
    }
}
