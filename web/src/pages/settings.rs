//! `/settings`: what rarely changes, one page each (categories, locations, VAT
//! rates, scale labels), reached from one entry of the top bar.

pub mod categories;
pub mod locations;
pub mod scales;
pub mod shop;
pub mod tills;
pub mod vat;

use db::Role;
use maud::{Markup, html};

use crate::i18n::Msg;
use crate::layout::{PageCtx, page};

/// The settings pages, and the least role that may open each.
pub const SETTINGS_LINKS: [(&str, Msg, Role); 8] = [
    ("/settings/categories", Msg::CategoriesTitle, Role::Manager),
    ("/stock/valuation", Msg::ValuationTitle, Role::Manager),
    ("/settings/locations", Msg::LocationsTitle, Role::Owner),
    ("/settings/vat", Msg::VatTitle, Role::Owner),
    ("/settings/scales", Msg::ScaleTitle, Role::Owner),
    // back office sales
    ("/settings/shop", Msg::ShopTitle, Role::Owner),
    ("/settings/tills", Msg::TillsTitle, Role::Owner),
    // customer pages
    ("/settings/loyalty", Msg::LoyaltySettingsTitle, Role::Owner),
];

pub fn settings_page(ctx: &PageCtx) -> Markup {
    let title = ctx.t(Msg::NavSettings);
    let role = ctx.user.as_ref().map(|u| u.role);
    let body = html! {
        h1 { (title) }
        p { (ctx.t(Msg::SettingsIntro)) }
        ul.links {
            @for (href, label, needs) in SETTINGS_LINKS {
                @if role.is_some_and(|r| r.allows(needs)) {
                    li { a href=(href) { (ctx.t(label)) } }
                }
            }
        }
    };
    page(ctx, title, body)
}

/// The way back to the settings page, above each of them.
pub(crate) fn back_link(ctx: &PageCtx) -> Markup {
    html! { p { a href="/settings" { "← " (ctx.t(Msg::NavSettings)) } } }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::test_support::signed_in;

    #[test]
    fn the_owner_sees_every_setting_a_manager_categories_and_value() {
        let html = settings_page(&signed_in(Lang::Fr, Role::Owner)).into_string();
        assert!(html.contains("<title>Réglages · Comptoir</title>"));
        for href in SETTINGS_LINKS.map(|l| l.0) {
            assert!(html.contains(&format!("href=\"{href}\"")), "{href}");
        }
        let html = settings_page(&signed_in(Lang::En, Role::Manager)).into_string();
        assert!(html.contains("<a href=\"/settings/categories\">Categories</a>"));
        assert!(html.contains("<a href=\"/stock/valuation\">Stock value</a>"));
        assert!(!html.contains("/settings/vat"));
        assert!(!html.contains("/settings/locations"));
        assert!(!html.contains("/settings/scales"));
        assert!(!html.contains("/settings/shop"));
        assert!(!html.contains("/settings/tills"));
        assert!(!html.contains("/settings/loyalty"));
    }
}
