//! The frame around every page: document head, top bar, flash message.

use db::Role;
use maud::{DOCTYPE, Markup, html};

use crate::i18n::{self, Lang, Msg};

/// The signed-in user, as the top bar shows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NavUser {
    pub display_name: String,
    pub role: Role,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlashKind {
    Success,
    Error,
    Info,
}

/// A one-off message carried over a redirect ("Utilisateur créé.").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flash {
    pub kind: FlashKind,
    pub text: String,
}

/// What every page needs to know about the request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageCtx {
    pub lang: Lang,
    pub user: Option<NavUser>,
    pub csrf_token: String,
    pub flash: Option<Flash>,
}

impl PageCtx {
    /// Shorthand for [`i18n::t`] in this page's language.
    pub fn t(&self, msg: Msg) -> &'static str {
        i18n::t(self.lang, msg)
    }
}

/// A top-bar link and the least role that sees it.
struct NavLink {
    href: &'static str,
    label: Msg,
    role: Role,
}

const NAV_LINKS: [NavLink; 11] = [
    NavLink {
        href: "/",
        label: Msg::NavDashboard,
        role: Role::Cashier,
    },
    NavLink {
        href: "/till",
        label: Msg::NavTill,
        role: Role::Cashier,
    },
    // Cashiers may look products and stock up; they see no costs and change nothing.
    NavLink {
        href: "/products",
        label: Msg::NavProducts,
        role: Role::Cashier,
    },
    // back office sales: the tickets, and from there the cash sessions.
    NavLink {
        href: "/sales",
        label: Msg::NavSales,
        role: Role::Manager,
    },
    // customer pages: the customer file, for managers and the owner.
    NavLink {
        href: "/customers",
        label: Msg::NavCustomers,
        role: Role::Manager,
    },
    NavLink {
        href: "/suppliers",
        label: Msg::NavSuppliers,
        role: Role::Manager,
    },
    NavLink {
        href: "/purchase-orders",
        label: Msg::NavOrders,
        role: Role::Manager,
    },
    NavLink {
        href: "/stocktakes",
        label: Msg::NavStocktakes,
        role: Role::Manager,
    },
    NavLink {
        href: "/users",
        label: Msg::NavUsers,
        role: Role::Owner,
    },
    // One entry for what rarely changes: categories, locations, VAT, scales, stock value.
    NavLink {
        href: "/settings",
        label: Msg::NavSettings,
        role: Role::Manager,
    },
    NavLink {
        href: "/account",
        label: Msg::NavAccount,
        role: Role::Cashier,
    },
];

/// A whole HTML document with `body` inside `<main>`.
pub fn page(ctx: &PageCtx, title: &str, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(ctx.lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · Comptoir" }
                link rel="stylesheet" href="/static/style.css";
            }
            body {
                a.skip-link href="#main" { (ctx.t(Msg::SkipToContent)) }
                (top_bar(ctx))
                main #main {
                    @if let Some(flash) = &ctx.flash {
                        (flash_message(flash))
                    }
                    (body)
                }
            }
        }
    }
}

/// The hidden CSRF field every POST form carries.
pub fn csrf_field(ctx: &PageCtx) -> Markup {
    html! { input type="hidden" name="_csrf" value=(ctx.csrf_token); }
}

fn top_bar(ctx: &PageCtx) -> Markup {
    html! {
        header.topbar {
            a.brand href="/" { "Comptoir" }
            @if let Some(user) = &ctx.user {
                nav aria-label=(ctx.t(Msg::MainNavigation)) {
                    ul.nav-links {
                        @for link in NAV_LINKS.iter().filter(|l| user.role.allows(l.role)) {
                            li { a href=(link.href) { (ctx.t(link.label)) } }
                        }
                    }
                }
                div.nav-user {
                    span {
                        strong { (user.display_name) }
                        " "
                        span.role { "(" (i18n::role_label(ctx.lang, user.role)) ")" }
                    }
                    form method="post" action="/logout" {
                        (csrf_field(ctx))
                        button.button type="submit" { (ctx.t(Msg::Logout)) }
                    }
                }
            }
        }
    }
}

fn flash_message(flash: &Flash) -> Markup {
    // Errors interrupt a screen reader; the others wait their turn.
    let (class, role) = match flash.kind {
        FlashKind::Success => ("flash flash-success", "status"),
        FlashKind::Error => ("flash flash-error", "alert"),
        FlashKind::Info => ("flash flash-info", "status"),
    };
    html! { div class=(class) role=(role) { (flash.text) } }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{ctx, signed_in};

    fn render(ctx: &PageCtx) -> String {
        page(ctx, "Titre", html! { p { "corps" } }).into_string()
    }

    #[test]
    fn document_has_head_and_language() {
        let html = render(&ctx(Lang::En));
        assert!(html.starts_with("<!DOCTYPE html><html lang=\"en\">"));
        assert!(html.contains("<meta charset=\"utf-8\">"));
        assert!(html.contains("name=\"viewport\""));
        assert!(html.contains("<title>Titre · Comptoir</title>"));
        assert!(html.contains("<link rel=\"stylesheet\" href=\"/static/style.css\">"));
        assert!(html.contains("<main id=\"main\"><p>corps</p></main>"));
        assert!(render(&ctx(Lang::Fr)).contains("<html lang=\"fr\">"));
    }

    #[test]
    fn anonymous_pages_show_only_the_brand() {
        let html = render(&ctx(Lang::Fr));
        assert!(html.contains("Comptoir"));
        assert!(!html.contains("<nav"));
        assert!(!html.contains("/logout"));
    }

    #[test]
    fn only_the_owner_sees_users() {
        let owner = render(&signed_in(Lang::Fr, Role::Owner));
        assert!(owner.contains("href=\"/users\">Utilisateurs</a>"));
        for role in [Role::Manager, Role::Cashier] {
            let html = render(&signed_in(Lang::Fr, role));
            assert!(!html.contains("/users"), "{role} must not see /users");
            assert!(html.contains("href=\"/\">Tableau de bord</a>"));
            assert!(html.contains("href=\"/account\">Mon compte</a>"));
        }
    }

    #[test]
    fn goods_links_follow_the_roles() {
        let cashier = render(&signed_in(Lang::Fr, Role::Cashier));
        assert!(cashier.contains(
            "<li><a href=\"/\">Tableau de bord</a></li><li><a href=\"/till\">Caisse</a></li><li><a href=\"/products\">Produits</a></li>\
             <li><a href=\"/account\">Mon compte</a></li>"
        ));
        assert!(!cashier.contains("/suppliers"));
        assert!(!cashier.contains("/purchase-orders"));
        assert!(!cashier.contains("/stocktakes"));
        assert!(!cashier.contains("/sales"));
        assert!(!cashier.contains("/customers"));
        let manager = render(&signed_in(Lang::En, Role::Manager));
        assert!(manager.contains(
            "<li><a href=\"/products\">Products</a></li><li><a href=\"/sales\">Sales</a></li>\
             <li><a href=\"/customers\">Customers</a></li><li><a href=\"/suppliers\">Suppliers</a></li>\
             <li><a href=\"/purchase-orders\">Orders</a></li><li><a href=\"/stocktakes\">Stocktakes</a></li>\
             <li><a href=\"/settings\">Settings</a></li><li><a href=\"/account\">My account</a></li>"
        ));
        let owner = render(&signed_in(Lang::Fr, Role::Owner));
        assert!(owner.contains(
            "<a href=\"/purchase-orders\">Commandes</a></li><li><a href=\"/stocktakes\">Inventaires</a></li>\
             <li><a href=\"/users\">Utilisateurs</a></li><li><a href=\"/settings\">Réglages</a>"
        ));
        assert!(!cashier.contains("/settings"));
    }

    #[test]
    fn nav_shows_name_and_role_in_words() {
        let html = render(&signed_in(Lang::En, Role::Manager));
        assert!(html.contains("<strong>Camille &lt;Martin&gt;</strong>"));
        assert!(html.contains("(Manager)"));
        assert!(html.contains(">My account</a>"));
    }

    #[test]
    fn logout_is_a_post_form_with_the_csrf_token() {
        let html = render(&signed_in(Lang::Fr, Role::Cashier));
        let form = html
            .split("<form method=\"post\" action=\"/logout\">")
            .nth(1)
            .and_then(|rest| rest.split("</form>").next())
            .unwrap_or_default();
        assert!(form.contains("<input type=\"hidden\" name=\"_csrf\" value=\"csrf-123\">"));
        assert!(form.contains("Se déconnecter"));
    }

    #[test]
    fn flash_is_rendered_with_its_kind() {
        let mut ctx = ctx(Lang::Fr);
        ctx.flash = Some(Flash {
            kind: FlashKind::Error,
            text: "Raté <b>".into(),
        });
        let html = render(&ctx);
        assert!(
            html.contains("<div class=\"flash flash-error\" role=\"alert\">Raté &lt;b&gt;</div>")
        );
        ctx.flash = Some(Flash {
            kind: FlashKind::Success,
            text: "Fait".into(),
        });
        assert!(render(&ctx).contains("class=\"flash flash-success\" role=\"status\""));
    }
}
