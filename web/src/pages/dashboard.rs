//! The home page after signing in: a greeting and a card per area the role may use.

use db::Role;
use maud::{Markup, html};

use crate::i18n::{self, Msg};
use crate::layout::{PageCtx, page};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DashboardData {
    pub shop_name: Option<String>,
    pub users_count: i64,
    /// Already formatted in the page's language ("lundi 3 mars 2025").
    pub today: String,
    /// Products at or below their reorder level (managers and the owner).
    pub low_stock: usize,
    /// Products whose level is below zero somewhere: the shelf and the
    /// books disagree, the owner should look.
    pub negative_stock: usize,
}

/// A back-office destination and the least role that may open it.
/// New back-office pages join this list.
const BACK_OFFICE_LINKS: [(&str, Msg, Role); 8] = [
    ("/products", Msg::NavProducts, Role::Cashier),
    ("/customers", Msg::NavCustomers, Role::Manager),
    ("/suppliers", Msg::NavSuppliers, Role::Manager),
    ("/purchase-orders", Msg::NavOrders, Role::Manager),
    ("/stocktakes", Msg::NavStocktakes, Role::Manager),
    ("/users", Msg::NavUsers, Role::Owner),
    ("/settings", Msg::NavSettings, Role::Manager),
    ("/account", Msg::NavAccount, Role::Cashier),
];

pub fn dashboard_page(ctx: &PageCtx, data: &DashboardData) -> Markup {
    let title = ctx.t(Msg::DashboardTitle);
    // Roles nest: a manager may also sell, an owner may do everything.
    let role = ctx.user.as_ref().map(|user| user.role);
    let allows = |required: Role| role.is_some_and(|role| role.allows(required));
    let name = ctx
        .user
        .as_ref()
        .map_or("", |user| user.display_name.as_str());
    let body = html! {
        h1 { (i18n::tf(ctx.lang, Msg::Greeting, &[("name", name)])) }
        @if let Some(shop) = &data.shop_name {
            p.muted { (shop) }
        }
        p { (i18n::tf(ctx.lang, Msg::TodayIs, &[("date", &data.today)])) }
        div.cards {
            section.card {
                h2 { (ctx.t(Msg::TillCardTitle)) }
                p { (ctx.t(Msg::TillCardText)) }
                a.button href="/till" { (ctx.t(Msg::TillCardLink)) }
            }
            @if allows(Role::Manager) {
                section.card {
                    h2 { (ctx.t(Msg::BackOfficeCardTitle)) }
                    p { (ctx.t(Msg::BackOfficeCardText)) }
                    ul.links {
                        @for (href, label, required) in BACK_OFFICE_LINKS {
                            @if allows(required) {
                                li { a href=(href) { (ctx.t(label)) } }
                            }
                        }
                    }
                }
            }
            @if allows(Role::Manager) {
                section.card {
                    h2 { (ctx.t(Msg::StockCardTitle)) }
                    p.count { (i18n::tf(ctx.lang, Msg::LowStockCount, &[("count", &data.low_stock.to_string())])) }
                    @if data.negative_stock > 0 {
                        p.negative role="alert" {
                            (i18n::tf(ctx.lang, Msg::NegativeStockCount, &[("count", &data.negative_stock.to_string())]))
                        }
                    }
                    div.actions {
                        a.button href="/products?low=1" { (ctx.t(Msg::LowStockLink)) }
                        a.button.button-secondary href="/stock/valuation" { (ctx.t(Msg::ValuationLink)) }
                    }
                }
            }
            @if allows(Role::Owner) {
                section.card {
                    h2 { (ctx.t(Msg::NavUsers)) }
                    p.count {
                        (i18n::plural(ctx.lang, data.users_count, Msg::UsersCountOne, Msg::UsersCountOther))
                    }
                    p { (ctx.t(Msg::UsersCardText)) }
                    a.button href="/users" { (ctx.t(Msg::UsersCardLink)) }
                }
            }
        }
    };
    page(ctx, title, body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::test_support::signed_in;

    fn data() -> DashboardData {
        DashboardData {
            shop_name: Some("Épicerie du Port".into()),
            users_count: 3,
            today: "lundi 3 mars 2025".into(),
            low_stock: 4,
            negative_stock: 1,
        }
    }

    fn render(lang: Lang, role: Role) -> String {
        dashboard_page(&signed_in(lang, role), &data()).into_string()
    }

    #[test]
    fn greets_by_name_with_the_date() {
        let html = render(Lang::Fr, Role::Cashier);
        assert!(html.contains("<title>Tableau de bord · Comptoir</title>"));
        assert!(html.contains("<h1>Bonjour, Camille &lt;Martin&gt;</h1>"));
        assert!(html.contains("Nous sommes le lundi 3 mars 2025."));
        assert!(html.contains("Épicerie du Port"));
        let html = render(Lang::En, Role::Cashier);
        assert!(html.contains("<h1>Hello, Camille &lt;Martin&gt;</h1>"));
        assert!(html.contains("Today is lundi 3 mars 2025."));
    }

    #[test]
    fn cashier_sees_no_back_office() {
        let html = render(Lang::Fr, Role::Cashier);
        assert!(html.contains("href=\"/till\""), "the till, first");
        assert!(!html.contains("Back-office"));
        assert!(!html.contains("/users"));
        assert!(!html.contains("/suppliers"));
        assert!(!html.contains("/purchase-orders"));
        assert!(!html.contains("/stocktakes"));
        assert!(
            html.contains("href=\"/products\""),
            "the top bar keeps products"
        );
    }

    #[test]
    fn manager_sees_the_back_office_but_not_users() {
        let html = render(Lang::En, Role::Manager);
        assert!(html.contains("<h2>Back office</h2>"));
        assert!(html.contains(
            "<ul class=\"links\"><li><a href=\"/products\">Products</a></li>\
             <li><a href=\"/customers\">Customers</a></li>\
             <li><a href=\"/suppliers\">Suppliers</a></li>\
             <li><a href=\"/purchase-orders\">Orders</a></li>\
             <li><a href=\"/stocktakes\">Stocktakes</a></li>\
             <li><a href=\"/settings\">Settings</a></li>\
             <li><a href=\"/account\">My account</a></li></ul>"
        ));
        assert!(!html.contains("/users"));
    }

    #[test]
    fn owner_sees_users_with_their_count() {
        let html = render(Lang::Fr, Role::Owner);
        assert!(html.contains("<h2>Back-office</h2>"));
        assert!(html.contains(
            "<ul class=\"links\"><li><a href=\"/products\">Produits</a></li>\
             <li><a href=\"/customers\">Clients</a></li>\
             <li><a href=\"/suppliers\">Fournisseurs</a></li>\
             <li><a href=\"/purchase-orders\">Commandes</a></li>\
             <li><a href=\"/stocktakes\">Inventaires</a></li>\
             <li><a href=\"/users\">Utilisateurs</a></li>"
        ));
        assert!(html.contains("<p class=\"count\">3 utilisateurs</p>"));
        assert!(html.contains("<a class=\"button\" href=\"/users\">Gérer les utilisateurs</a>"));
        let html = render(Lang::En, Role::Owner);
        assert!(html.contains("3 users"));
        assert!(html.contains("Manage users"));
    }

    #[test]
    fn managers_see_low_and_negative_stock_cashiers_do_not() {
        let html = render(Lang::Fr, Role::Manager).replace('\u{a0}', " ");
        assert!(html.contains("4 produit(s) sous leur seuil"), "{html}");
        assert!(html.contains("1 produit(s) en stock négatif"));
        assert!(html.contains("href=\"/products?low=1\""));
        assert!(html.contains("href=\"/stock/valuation\">Valeur du stock</a>"));
        assert!(!render(Lang::Fr, Role::Cashier).contains("/products?low=1"));
        assert!(!render(Lang::Fr, Role::Cashier).contains("/stock/valuation"));
    }
}
