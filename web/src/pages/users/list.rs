//! `/users`: everyone who may sign in, and the form to add someone.

use maud::{Markup, html};

use super::{NewUserValues, UserRow, role_select};
use crate::forms::{FormErrors, Input, form_error};
use crate::i18n::{self, Msg};
use crate::layout::{PageCtx, csrf_field, page};

pub fn users_page(
    ctx: &PageCtx,
    users: &[UserRow],
    values: &NewUserValues,
    errors: &FormErrors,
) -> Markup {
    let title = ctx.t(Msg::NavUsers);
    let body = html! {
        h1 { (title) }
        section {
            h2 { (ctx.t(Msg::UsersListTitle)) }
            @if users.is_empty() {
                p { (ctx.t(Msg::NoUsers)) }
            } @else {
                div.table-wrap { (users_table(ctx, users)) }
            }
        }
        section.card {
            h2 { (ctx.t(Msg::NewUserTitle)) }
            (form_error(errors))
            form method="post" action="/users" {
                (csrf_field(ctx))
                // autocomplete off: the browser must not fill in the owner's own login.
                (Input::text("username", ctx.t(Msg::FieldUsername))
                    .value(&values.username).required().autocomplete("off").render(errors))
                (Input::text("display_name", ctx.t(Msg::FieldDisplayName))
                    .value(&values.display_name).required().autocomplete("off").render(errors))
                (role_select(ctx, values.role, errors))
                (Input::password("password", ctx.t(Msg::FieldPassword))
                    .required().autocomplete("new-password").render(errors))
                (Input::password("pin", ctx.t(Msg::FieldPin))
                    .optional(ctx.t(Msg::Optional)).hint(ctx.t(Msg::PinHint))
                    .inputmode("numeric").autocomplete("off").render(errors))
                button type="submit" { (ctx.t(Msg::CreateUserSubmit)) }
            }
        }
    };
    page(ctx, title, body)
}

fn users_table(ctx: &PageCtx, users: &[UserRow]) -> Markup {
    html! {
        table {
            thead {
                tr {
                    th scope="col" { (ctx.t(Msg::ColName)) }
                    th scope="col" { (ctx.t(Msg::FieldUsername)) }
                    th scope="col" { (ctx.t(Msg::FieldRole)) }
                    th scope="col" { (ctx.t(Msg::ColStatus)) }
                    th scope="col" { (ctx.t(Msg::FieldPin)) }
                    th scope="col" { (ctx.t(Msg::ColLastLogin)) }
                    th scope="col" { span.visually-hidden { (ctx.t(Msg::ColActions)) } }
                }
            }
            tbody {
                @for user in users {
                    tr {
                        th scope="row" { (user.display_name) }
                        td { code { (user.username) } }
                        td { (i18n::role_label(ctx.lang, user.role)) }
                        td {
                            @if user.active {
                                span.badge.badge-on { (ctx.t(Msg::StatusActive)) }
                            } @else {
                                span.badge.badge-off { (ctx.t(Msg::StatusDisabled)) }
                            }
                        }
                        td { (ctx.t(if user.has_pin { Msg::Yes } else { Msg::No })) }
                        td { (user.last_login.as_deref().unwrap_or(ctx.t(Msg::Never))) }
                        td {
                            a href=(format!("/users/{}", user.id)) {
                                (ctx.t(Msg::Edit))
                                span.visually-hidden { " " (user.display_name) }
                            }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use db::Role;

    use super::*;
    use crate::i18n::Lang;
    use crate::pages::users::sample_user;
    use crate::test_support::signed_in;

    fn users() -> Vec<UserRow> {
        let disabled = UserRow {
            id: 8,
            username: "old".into(),
            display_name: "Ancien".into(),
            role: Role::Manager,
            active: false,
            has_pin: true,
            last_login: None,
        };
        vec![sample_user(), disabled]
    }

    fn render(lang: Lang, values: &NewUserValues, errors: &FormErrors) -> String {
        users_page(&signed_in(lang, Role::Owner), &users(), values, errors).into_string()
    }

    #[test]
    fn lists_users_in_french() {
        let html = render(Lang::Fr, &NewUserValues::default(), &FormErrors::new());
        assert!(html.contains("<title>Utilisateurs · Comptoir</title>"));
        assert!(html.contains(
            "<th scope=\"row\">Léo Dupont</th><td><code>leo</code></td><td>Caissier</td>"
        ));
        assert!(html.contains("<span class=\"badge badge-on\">Actif</span>"));
        assert!(html.contains("<span class=\"badge badge-off\">Désactivé</span>"));
        assert!(html.contains("<td>Non</td><td>3 mars 2025 à 09:12</td>"));
        assert!(html.contains("<td>Oui</td><td>Jamais</td>"));
        assert!(html.contains(
            "<a href=\"/users/7\">Modifier<span class=\"visually-hidden\"> Léo Dupont</span></a>"
        ));
        assert!(html.contains("<td>Gérant</td>"));
    }

    #[test]
    fn creation_form_in_english_offers_the_three_roles() {
        let html = render(Lang::En, &NewUserValues::default(), &FormErrors::new());
        assert!(html.contains("<h2>New user</h2>"));
        assert!(html.contains("method=\"post\" action=\"/users\""));
        assert!(html.contains("<option value=\"\" selected>— Choose a role —</option>"));
        assert!(html.contains("<option value=\"owner\">Owner</option>"));
        assert!(html.contains("<option value=\"manager\">Manager</option>"));
        assert!(html.contains("<option value=\"cashier\">Cashier</option>"));
        assert!(html.contains("PIN <span class=\"optional\">(optional)</span>"));
        for field in [
            "username",
            "display_name",
            "role",
            "password",
            "pin",
            "_csrf",
        ] {
            assert!(
                html.contains(&format!("name=\"{field}\"")),
                "missing {field}"
            );
        }
    }

    #[test]
    fn an_invalid_creation_keeps_what_was_typed_but_not_secrets() {
        let values = NewUserValues {
            username: "léa".into(),
            display_name: "Léa".into(),
            role: Some(Role::Manager),
        };
        let errors = FormErrors::new().with("username", "Cet identifiant est déjà pris.");
        let html = render(Lang::Fr, &values, &errors);
        assert!(html.contains("value=\"léa\" required autocomplete=\"off\" aria-invalid=\"true\""));
        assert!(html.contains("role=\"alert\">Cet identifiant est déjà pris.</p>"));
        assert!(html.contains("<option value=\"manager\" selected>Gérant</option>"));
        assert!(!html.contains("— Choisir un rôle —"));
        assert!(!html.contains("type=\"password\" name=\"password\" id=\"field-password\" value"));
        assert!(!html.contains("type=\"password\" name=\"pin\" id=\"field-pin\" value"));
    }

    #[test]
    fn an_empty_list_says_so() {
        let html = users_page(
            &signed_in(Lang::Fr, Role::Owner),
            &[],
            &NewUserValues::default(),
            &FormErrors::new(),
        )
        .into_string();
        assert!(html.contains("<p>Aucun utilisateur.</p>"));
        assert!(!html.contains("<table"));
    }
}
