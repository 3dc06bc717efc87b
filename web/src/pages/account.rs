//! `/account`: the signed-in user's own language and password.

use maud::{Markup, html};

use crate::forms::{FormErrors, Input, Select, form_error};
use crate::i18n::{Lang, Msg};
use crate::layout::{PageCtx, csrf_field, page};

/// `language` is the stored preference; `None` follows the browser.
pub fn account_page(ctx: &PageCtx, language: Option<Lang>, errors: &FormErrors) -> Markup {
    let title = ctx.t(Msg::NavAccount);
    let language_select = Select {
        name: "language",
        label: ctx.t(Msg::FieldLanguage),
        options: vec![
            ("", ctx.t(Msg::LanguageBrowser)),
            (Lang::Fr.code(), ctx.t(Msg::LanguageFrench)),
            (Lang::En.code(), ctx.t(Msg::LanguageEnglish)),
        ],
        selected: Some(language.map_or("", Lang::code)),
        placeholder: None,
        required: false,
    };
    let body = html! {
        h1 { (title) }
        (form_error(errors))
        section.card {
            h2 { (ctx.t(Msg::FieldLanguage)) }
            form method="post" action="/account/language" {
                (csrf_field(ctx))
                (language_select.render(errors))
                button type="submit" { (ctx.t(Msg::Save)) }
            }
        }
        section.card {
            h2 { (ctx.t(Msg::ChangePasswordTitle)) }
            form method="post" action="/account/password" {
                (csrf_field(ctx))
                (Input::password("current_password", ctx.t(Msg::FieldCurrentPassword))
                    .required().autocomplete("current-password").render(errors))
                (Input::password("password", ctx.t(Msg::FieldNewPassword))
                    .required().autocomplete("new-password").render(errors))
                (Input::password("password_confirm", ctx.t(Msg::FieldPasswordConfirm))
                    .required().autocomplete("new-password").render(errors))
                button type="submit" { (ctx.t(Msg::ChangePasswordTitle)) }
            }
        }
    };
    page(ctx, title, body)
}

#[cfg(test)]
mod tests {
    use db::Role;

    use super::*;
    use crate::test_support::signed_in;

    fn render(lang: Lang, language: Option<Lang>, errors: &FormErrors) -> String {
        account_page(&signed_in(lang, Role::Cashier), language, errors).into_string()
    }

    #[test]
    fn renders_in_french() {
        let html = render(Lang::Fr, None, &FormErrors::new());
        assert!(html.contains("<title>Mon compte · Comptoir</title>"));
        assert!(html.contains("action=\"/account/language\""));
        assert!(html.contains("<option value=\"\" selected>Langue du navigateur</option>"));
        assert!(html.contains("<option value=\"fr\">Français</option>"));
        assert!(html.contains("<option value=\"en\">English</option>"));
        assert!(html.contains("action=\"/account/password\""));
        assert!(html.contains(">Mot de passe actuel</label>"));
        assert!(html.contains(">Nouveau mot de passe</label>"));
        assert!(html.contains(">Confirmer le mot de passe</label>"));
        assert_eq!(html.matches("name=\"_csrf\" value=\"csrf-123\"").count(), 3);
    }

    #[test]
    fn renders_in_english_with_the_stored_choice() {
        let html = render(Lang::En, Some(Lang::En), &FormErrors::new());
        assert!(html.contains("<h1>My account</h1>"));
        assert!(html.contains("<option value=\"\">Browser language</option>"));
        assert!(html.contains("<option value=\"en\" selected>English</option>"));
        assert!(html.contains(">Current password</label>"));
        assert!(html.contains(">Change password</button>"));
    }

    #[test]
    fn a_wrong_current_password_is_flagged_on_its_field() {
        let errors = FormErrors::new().with("current_password", "Mot de passe incorrect.");
        let html = render(Lang::Fr, None, &errors);
        assert!(html.contains(
            "name=\"current_password\" id=\"field-current_password\" required \
             autocomplete=\"current-password\" aria-invalid=\"true\" \
             aria-describedby=\"field-current_password-error\">\
             <p class=\"field-error\" id=\"field-current_password-error\" role=\"alert\">\
             Mot de passe incorrect.</p>"
        ));
    }
}
