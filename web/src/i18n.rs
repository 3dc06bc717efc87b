//! One catalogue of messages per language, chosen per request.
//!
//! Each language is one exhaustive `match` over [`Msg`], so a message that lacks a
//! translation does not compile.

mod date;
mod en;
mod fr;
mod goods;
mod lang;
mod msg;

pub use date::{long_date, parse_date, short_date, short_datetime};
pub use goods::{
    movement_kind_label, order_status_label, percent, stocktake_status_label, unit_abbr,
    unit_words, vat_label,
};
pub use lang::Lang;
pub use msg::Msg;

use db::Role;

/// The text of `msg` in `lang`.
pub fn t(lang: Lang, msg: Msg) -> &'static str {
    match lang {
        Lang::Fr => fr::text(msg),
        Lang::En => en::text(msg),
    }
}

/// The text of `msg` with each `{name}` replaced by its value from `args`.
///
/// Done in one pass so that a value containing braces is never substituted again;
/// an unknown placeholder is left as is, which makes the mistake visible.
pub fn tf(lang: Lang, msg: Msg, args: &[(&str, &str)]) -> String {
    let template = t(lang, msg);
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter()
                .find(|(key, _)| *key == name)
                .map(|(_, value)| (*value, close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `one` or `other` depending on `count`, with `{count}` filled in.
///
/// French uses the singular for 0 and 1, English only for 1.
pub fn plural(lang: Lang, count: i64, one: Msg, other: Msg) -> String {
    let singular = match lang {
        Lang::Fr => (0..=1).contains(&count),
        Lang::En => count == 1,
    };
    let msg = if singular { one } else { other };
    tf(lang, msg, &[("count", &count.to_string())])
}

/// The role in words, as shown to people (never the stored value).
pub fn role_label(lang: Lang, role: Role) -> &'static str {
    t(
        lang,
        match role {
            Role::Owner => Msg::RoleOwner,
            Role::Manager => Msg::RoleManager,
            Role::Cashier => Msg::RoleCashier,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tf_replaces_named_placeholders_once() {
        let text = tf(Lang::Fr, Msg::Greeting, &[("name", "{name} & co")]);
        assert_eq!(text, "Bonjour, {name} & co");
    }

    #[test]
    fn tf_leaves_unknown_placeholders_visible() {
        assert_eq!(tf(Lang::En, Msg::Greeting, &[]), "Hello, {name}");
    }

    #[test]
    fn plural_follows_each_language() {
        let many = Msg::UsersCountOther;
        let one = Msg::UsersCountOne;
        assert_eq!(plural(Lang::Fr, 0, one, many), "0 utilisateur");
        assert_eq!(plural(Lang::Fr, 2, one, many), "2 utilisateurs");
        assert_eq!(plural(Lang::En, 0, one, many), "0 users");
        assert_eq!(plural(Lang::En, 1, one, many), "1 user");
    }

    #[test]
    fn roles_have_words_in_both_languages() {
        assert_eq!(role_label(Lang::Fr, Role::Owner), "Propriétaire");
        assert_eq!(role_label(Lang::Fr, Role::Manager), "Gérant");
        assert_eq!(role_label(Lang::Fr, Role::Cashier), "Caissier");
        assert_eq!(role_label(Lang::En, Role::Owner), "Owner");
        assert_eq!(role_label(Lang::En, Role::Manager), "Manager");
        assert_eq!(role_label(Lang::En, Role::Cashier), "Cashier");
    }
}
