//! Signing in: by password for everyone, by PIN for cashiers at the till.

use maud::{Markup, html};

use crate::forms::{FormErrors, Input, alert};
use crate::i18n::Msg;
use crate::layout::{PageCtx, csrf_field, page};

/// A cashier who can sign in with a PIN, shown as a tile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PinUser {
    pub username: String,
    pub display_name: String,
}

/// `username` is shown again after a failure; `next` is where to go once signed in.
pub fn login_page(
    ctx: &PageCtx,
    username: &str,
    next: Option<&str>,
    error: Option<&str>,
) -> Markup {
    let title = ctx.t(Msg::LoginTitle);
    let no_errors = FormErrors::new();
    let body = html! {
        div.narrow {
            h1 { (title) }
            (alert(error))
            form.card method="post" action="/login" {
                (csrf_field(ctx))
                @if let Some(next) = next {
                    input type="hidden" name="next" value=(next);
                }
                (Input::text("username", ctx.t(Msg::FieldUsername))
                    .value(username).required().autocomplete("username").render(&no_errors))
                (Input::password("password", ctx.t(Msg::FieldPassword))
                    .required().autocomplete("current-password").render(&no_errors))
                button type="submit" { (ctx.t(Msg::LoginSubmit)) }
            }
            p { a href="/login/pin" { (ctx.t(Msg::LoginPinLink)) } }
        }
    };
    page(ctx, title, body)
}

/// Tiles to pick who is at the till, then their PIN.
pub fn pin_login_page(
    ctx: &PageCtx,
    cashiers: &[PinUser],
    selected: Option<&str>,
    error: Option<&str>,
) -> Markup {
    let title = ctx.t(Msg::PinLoginTitle);
    let no_errors = FormErrors::new();
    let body = html! {
        div.narrow {
            h1 { (title) }
            (alert(error))
            @if cashiers.is_empty() {
                p.flash.flash-info { (ctx.t(Msg::PinNoCashiers)) }
            } @else {
                form.card method="post" action="/login/pin" {
                    (csrf_field(ctx))
                    fieldset {
                        legend { (ctx.t(Msg::PinWho)) }
                        div.tiles {
                            @for cashier in cashiers {
                                label.tile {
                                    input type="radio" name="username" value=(cashier.username)
                                        checked[selected == Some(cashier.username.as_str())]
                                        required;
                                    span {
                                        (cashier.display_name)
                                        span.username { (cashier.username) }
                                    }
                                }
                            }
                        }
                    }
                    (Input::password("pin", ctx.t(Msg::FieldPin))
                        .required().inputmode("numeric").autocomplete("off").render(&no_errors))
                    button type="submit" { (ctx.t(Msg::LoginSubmit)) }
                }
            }
            p { a href="/login" { (ctx.t(Msg::PinBackToLogin)) } }
        }
    };
    page(ctx, title, body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::test_support::{ctx, pretty};

    fn cashiers() -> Vec<PinUser> {
        vec![
            PinUser {
                username: "leo".into(),
                display_name: "Léo".into(),
            },
            PinUser {
                username: "ines".into(),
                display_name: "Inès".into(),
            },
        ]
    }

    #[test]
    fn login_renders_in_french() {
        let html = login_page(&ctx(Lang::Fr), "", None, None).into_string();
        assert!(html.contains("<title>Connexion · Comptoir</title>"));
        assert!(html.contains("method=\"post\" action=\"/login\""));
        assert!(html.contains(">Identifiant</label>"));
        assert!(html.contains(">Mot de passe</label>"));
        assert!(html.contains(">Se connecter</button>"));
        assert!(html.contains("<a href=\"/login/pin\">Connexion caissier par code PIN</a>"));
        assert!(html.contains("name=\"_csrf\" value=\"csrf-123\""));
        assert!(!html.contains("name=\"next\""));
        assert!(!html.contains("role=\"alert\""));
    }

    #[test]
    fn login_renders_in_english() {
        let html = login_page(&ctx(Lang::En), "", None, None).into_string();
        assert!(html.contains(">Username</label>"));
        assert!(html.contains(">Password</label>"));
        assert!(html.contains(">Sign in</button>"));
        assert!(html.contains("Cashier sign-in with a PIN"));
    }

    #[test]
    fn login_keeps_username_and_next_but_not_the_password() {
        let html = login_page(
            &ctx(Lang::Fr),
            "marie",
            Some("/users?x=1&y=2"),
            Some("Identifiant ou mot de passe incorrect."),
        )
        .into_string();
        assert!(html.contains("value=\"marie\""));
        assert!(
            html.contains("<input type=\"hidden\" name=\"next\" value=\"/users?x=1&amp;y=2\">")
        );
        let alert_at = html.find(
            "<div class=\"alert\" role=\"alert\">Identifiant ou mot de passe incorrect.</div>",
        );
        let form_at = html.find("<form class=\"card\"");
        assert!(
            alert_at.is_some() && alert_at < form_at,
            "alert must come before the form"
        );
        assert!(
            html.contains("type=\"password\" name=\"password\" id=\"field-password\" required")
        );
    }

    #[test]
    fn pin_login_offers_tiles_and_a_numeric_secret() {
        let html = pin_login_page(
            &ctx(Lang::Fr),
            &cashiers(),
            Some("ines"),
            Some("Trop de tentatives."),
        )
        .into_string();
        assert!(html.contains("method=\"post\" action=\"/login/pin\""));
        assert!(html.contains("<legend>Qui êtes-vous\u{a0}?</legend>"));
        assert!(html.contains("<input type=\"radio\" name=\"username\" value=\"leo\" required>"));
        assert!(
            html.contains(
                "<input type=\"radio\" name=\"username\" value=\"ines\" checked required>"
            )
        );
        assert!(html.contains(
            "<input type=\"password\" name=\"pin\" id=\"field-pin\" required autocomplete=\"off\" inputmode=\"numeric\">"
        ));
        assert!(html.contains("<a href=\"/login\">Connexion par mot de passe</a>"));
        assert!(html.contains("name=\"_csrf\""));
        let alert_at = html.find("role=\"alert\">Trop de tentatives.</div>");
        assert!(alert_at.is_some() && alert_at < html.find("<form"));
    }

    #[test]
    fn pin_login_renders_in_english_even_with_no_cashier() {
        let html = pin_login_page(&ctx(Lang::En), &[], None, None).into_string();
        assert!(html.contains("<h1>Sign in with a PIN</h1>"));
        assert!(html.contains("No cashier has a PIN yet"));
        assert!(!html.contains("<form"));
        assert!(html.contains(">Sign in with a password</a>"));
        let html = pin_login_page(&ctx(Lang::En), &cashiers(), None, None).into_string();
        assert!(html.contains("<legend>Who are you?</legend>"));
        assert!(html.contains(">PIN</label>"));
    }

    #[test]
    fn login_page_snapshot_fr() {
        let html = login_page(
            &ctx(Lang::Fr),
            "marie",
            Some("/users"),
            Some("Identifiant ou mot de passe incorrect."),
        );
        insta::assert_snapshot!(pretty(&html.into_string()));
    }
}
