//! First run: the form that creates the owner account.

use maud::{Markup, html};

use crate::forms::{FormErrors, Input, form_error};
use crate::i18n::Msg;
use crate::layout::{PageCtx, csrf_field, page};

/// What was typed, shown again after an error (never the passwords).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SetupValues {
    pub username: String,
    pub display_name: String,
}

/// `token` is the one-time setup token from the server's log, sent back hidden.
pub fn setup_page(ctx: &PageCtx, token: &str, values: &SetupValues, errors: &FormErrors) -> Markup {
    let title = ctx.t(Msg::SetupTitle);
    let body = html! {
        h1 { (title) }
        p { (ctx.t(Msg::SetupIntro)) }
        (form_error(errors))
        form.card method="post" action="/setup" {
            input type="hidden" name="token" value=(token);
            (csrf_field(ctx))
            (Input::text("username", ctx.t(Msg::FieldUsername))
                .value(&values.username).required().autocomplete("username").render(errors))
            (Input::text("display_name", ctx.t(Msg::FieldDisplayName))
                .value(&values.display_name).required().autocomplete("name").render(errors))
            (Input::password("password", ctx.t(Msg::FieldPassword))
                .required().autocomplete("new-password").render(errors))
            (Input::password("password_confirm", ctx.t(Msg::FieldPasswordConfirm))
                .required().autocomplete("new-password").render(errors))
            button type="submit" { (ctx.t(Msg::SetupSubmit)) }
        }
    };
    page(ctx, title, body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::test_support::ctx;

    fn values() -> SetupValues {
        SetupValues {
            username: "marie".into(),
            display_name: "Marie Curie".into(),
        }
    }

    #[test]
    fn renders_in_french() {
        let html = setup_page(&ctx(Lang::Fr), "tok-1", &values(), &FormErrors::new()).into_string();
        assert!(html.contains("<title>Créer le compte du propriétaire · Comptoir</title>"));
        assert!(html.contains("ne sert qu’une fois"));
        assert!(html.contains("method=\"post\" action=\"/setup\""));
        assert!(html.contains("<input type=\"hidden\" name=\"token\" value=\"tok-1\">"));
        assert!(html.contains("name=\"_csrf\" value=\"csrf-123\""));
        for field in ["username", "display_name", "password", "password_confirm"] {
            assert!(
                html.contains(&format!("name=\"{field}\"")),
                "missing {field}"
            );
        }
        assert!(html.contains(">Mot de passe</label>"));
        assert!(html.contains("value=\"Marie Curie\""));
    }

    #[test]
    fn renders_in_english() {
        let html = setup_page(&ctx(Lang::En), "t", &values(), &FormErrors::new()).into_string();
        assert!(html.contains("<html lang=\"en\">"));
        assert!(html.contains("<h1>Create the owner account</h1>"));
        assert!(html.contains("works only once"));
        assert!(html.contains(">Confirm password</label>"));
    }

    #[test]
    fn errors_sit_under_their_fields() {
        let errors = FormErrors::new()
            .with("password_confirm", "Les mots de passe diffèrent.")
            .with("", "Lien expiré.");
        let html = setup_page(&ctx(Lang::Fr), "t", &values(), &errors).into_string();
        assert!(html.contains("<div class=\"alert\" role=\"alert\">Lien expiré.</div>"));
        assert!(html.contains(
            "aria-invalid=\"true\" aria-describedby=\"field-password_confirm-error\">\
             <p class=\"field-error\" id=\"field-password_confirm-error\" role=\"alert\">\
             Les mots de passe diffèrent.</p>"
        ));
    }
}
