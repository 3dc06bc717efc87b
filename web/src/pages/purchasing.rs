//! `/purchase-orders`: orders to suppliers and the goods received against them.
//! Managers and the owner.

mod new;
mod order;

pub use crate::i18n::order_status_label;
pub use new::{OrderLineValues, new_order_page};
pub use order::{ReceiveState, order_page};

use inventory::purchasing::{Order, OrderStatus};
use maud::{Markup, html};

use crate::i18n::{self, Msg};
use crate::layout::{PageCtx, page};

/// How an order is named to people and on paper: `CF-00012`.
pub fn order_number(id: i64) -> String {
    format!("CF-{id:05}")
}

/// The status in words, in a badge coloured by status.
fn status_badge(ctx: &PageCtx, status: OrderStatus) -> Markup {
    html! {
        span class=(format!("badge status-{}", status.as_str())) {
            (order_status_label(ctx.lang, status))
        }
    }
}

pub fn orders_page(ctx: &PageCtx, orders: &[Order]) -> Markup {
    let title = ctx.t(Msg::OrdersTitle);
    let body = html! {
        div.page-head {
            h1 { (title) }
            div.actions {
                a.button href="/purchase-orders/new" { (ctx.t(Msg::NewOrder)) }
                a.button.button-secondary href="/purchase-orders/suggestions" { (ctx.t(Msg::ReorderTitle)) }
            }
        }
        @if orders.is_empty() {
            p { (ctx.t(Msg::NoOrders)) }
        } @else {
            div.table-wrap { (orders_table(ctx, orders, true)) }
        }
    };
    page(ctx, title, body)
}

/// Orders, latest as given; the supplier's column only where orders of several
/// suppliers mix.
pub(crate) fn orders_table(ctx: &PageCtx, orders: &[Order], show_supplier: bool) -> Markup {
    html! {
        table {
            thead {
                tr {
                    th scope="col" { (ctx.t(Msg::ColNumber)) }
                    @if show_supplier {
                        th scope="col" { (ctx.t(Msg::ColSupplier)) }
                    }
                    th scope="col" { (ctx.t(Msg::ColStatus)) }
                    th scope="col" { (ctx.t(Msg::ColCreated)) }
                    th.num scope="col" { (ctx.t(Msg::ColTotalExclVat)) }
                }
            }
            tbody {
                @for order in orders {
                    tr {
                        th scope="row" {
                            a href=(format!("/purchase-orders/{}", order.id)) { (order_number(order.id)) }
                        }
                        @if show_supplier {
                            td {
                                a href=(format!("/suppliers/{}", order.supplier_id)) { (order.supplier_name) }
                            }
                        }
                        td { (status_badge(ctx, order.status)) }
                        td { (i18n::short_datetime(order.created_at)) }
                        td.num { (order.total().to_french()) }
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
    use crate::test_support::{goods, signed_in};

    fn render(lang: Lang, orders: &[Order]) -> String {
        orders_page(&signed_in(lang, Role::Manager), orders).into_string()
    }

    #[test]
    fn numbers_are_padded() {
        assert_eq!(order_number(3), "CF-00003");
        assert_eq!(order_number(123_456), "CF-123456");
    }

    #[test]
    fn statuses_have_words_in_both_languages() {
        let fr = [
            (OrderStatus::Draft, "Brouillon"),
            (OrderStatus::Sent, "Envoyée"),
            (OrderStatus::Partial, "Reçue en partie"),
            (OrderStatus::Received, "Reçue"),
            (OrderStatus::Cancelled, "Annulée"),
        ];
        for (status, word) in fr {
            assert_eq!(order_status_label(Lang::Fr, status), word);
        }
        assert_eq!(order_status_label(Lang::En, OrderStatus::Draft), "Draft");
        assert_eq!(
            order_status_label(Lang::En, OrderStatus::Partial),
            "Partly received"
        );
    }

    #[test]
    fn lists_orders_in_french() {
        let html = render(Lang::Fr, &[goods::order(OrderStatus::Partial)]);
        assert!(html.contains("<title>Commandes fournisseurs · Comptoir</title>"));
        assert!(
            html.contains(
                "<a class=\"button\" href=\"/purchase-orders/new\">Nouvelle commande</a>"
            )
        );
        assert!(html.contains(
            "<th scope=\"row\"><a href=\"/purchase-orders/3\">CF-00003</a></th>\
             <td><a href=\"/suppliers/4\">Les Vergers &lt;du Sud&gt;</a></td>\
             <td><span class=\"badge status-partial\">Reçue en partie</span></td>\
             <td>02/03/2025 10:30</td><td class=\"num\">53,43\u{a0}€</td>"
        ));
        assert!(html.contains("<th class=\"num\" scope=\"col\">Total HT</th>"));
        assert!(html.contains(
            "<a class=\"button button-secondary\" href=\"/purchase-orders/suggestions\">Réapprovisionnement</a>"
        ));
    }

    #[test]
    fn lists_orders_in_english_or_says_there_are_none() {
        let html = render(Lang::En, &[goods::order(OrderStatus::Cancelled)]);
        assert!(html.contains("<title>Purchase orders · Comptoir</title>"));
        assert!(html.contains("<span class=\"badge status-cancelled\">Cancelled</span>"));
        assert!(html.contains(">New order</a>"));
        assert!(html.contains("href=\"/purchase-orders/suggestions\">Reorder</a>"));
        let html = render(Lang::Fr, &[]);
        assert!(html.contains("<p>Aucune commande.</p>"));
        assert!(!html.contains("<table"));
        assert!(render(Lang::En, &[]).contains("<p>No orders.</p>"));
    }
}
