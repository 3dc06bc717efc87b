//! The owner's user management: the list with its creation form, and one user's page.

mod edit;
mod list;

pub use edit::user_edit_page;
pub use list::users_page;

use db::Role;
use maud::Markup;

use crate::forms::{FormErrors, Select};
use crate::i18n::{self, Msg};
use crate::layout::PageCtx;

/// A user as the owner sees them in the list and on their page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserRow {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub active: bool,
    pub has_pin: bool,
    /// Already formatted in the page's language; `None` if they never signed in.
    pub last_login: Option<String>,
}

/// What was typed in the creation form, shown again after an error
/// (never the password or the PIN).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewUserValues {
    pub username: String,
    pub display_name: String,
    pub role: Option<Role>,
}

/// The `role` select: the three roles in words, submitting their stored names.
fn role_select(ctx: &PageCtx, selected: Option<Role>, errors: &FormErrors) -> Markup {
    Select {
        name: "role",
        label: ctx.t(Msg::FieldRole),
        options: Role::ALL
            .iter()
            .map(|role| (role.as_str(), i18n::role_label(ctx.lang, *role)))
            .collect(),
        selected: selected.map(Role::as_str),
        placeholder: selected.is_none().then(|| ctx.t(Msg::ChooseRole)),
        required: true,
    }
    .render(errors)
}

#[cfg(test)]
fn sample_user() -> UserRow {
    UserRow {
        id: 7,
        username: "leo".into(),
        display_name: "Léo Dupont".into(),
        role: Role::Cashier,
        active: true,
        has_pin: false,
        last_login: Some("3 mars 2025 à 09:12".into()),
    }
}
