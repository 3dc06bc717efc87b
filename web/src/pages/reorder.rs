//! `/purchase-orders/suggestions`: products at or below their reorder level,
//! by supplier, and the button that turns each supplier's group into a draft
//! order. Managers and the owner.

use db::Money;
use inventory::purchasing::line_total;
use inventory::reorder::{Suggestion, SupplierSuggestions};
use maud::{Markup, html};

use crate::i18n::Msg;
use crate::layout::{PageCtx, csrf_field, page};

pub fn reorder_page(ctx: &PageCtx, groups: &[SupplierSuggestions]) -> Markup {
    let title = ctx.t(Msg::ReorderTitle);
    let any_supplier = groups.iter().any(|g| g.supplier_id.is_some());
    let body = html! {
        p { a href="/purchase-orders" { "← " (ctx.t(Msg::BackToOrders)) } }
        div.page-head {
            h1 { (title) }
        }
        @if groups.is_empty() {
            p { (ctx.t(Msg::NoReorder)) }
        } @else {
            p.hint { (ctx.t(Msg::ReorderIntro)) }
            @if any_supplier {
                form method="post" action="/purchase-orders/suggestions" {
                    (csrf_field(ctx))
                    p.hint { (ctx.t(Msg::CreateDraftsHint)) }
                    button type="submit" { (ctx.t(Msg::CreateDraftsSubmit)) }
                }
            }
            @for group in groups {
                section.card {
                    @match (group.supplier_id, &group.supplier_name) {
                        (Some(id), Some(name)) => h2 { a href=(format!("/suppliers/{id}")) { (name) } },
                        (Some(id), None) => h2 { a href=(format!("/suppliers/{id}")) { "#" (id) } },
                        (None, _) => {
                            h2 { (ctx.t(Msg::NoSupplierKnown)) }
                            p.hint { (ctx.t(Msg::NoSupplierKnownHint)) }
                        }
                    }
                    div.table-wrap { (suggestions_table(ctx, &group.lines)) }
                }
            }
        }
    };
    page(ctx, title, body)
}

fn line_cost(line: &Suggestion) -> Money {
    line_total(line.quantity, line.unit_cost)
}

fn suggestions_table(ctx: &PageCtx, lines: &[Suggestion]) -> Markup {
    let total: Money = lines.iter().map(line_cost).sum();
    html! {
        table {
            thead {
                tr {
                    th scope="col" { (ctx.t(Msg::ColProduct)) }
                    th.num scope="col" { (ctx.t(Msg::ColStock)) }
                    th.num scope="col" { (ctx.t(Msg::ColReorderLevel)) }
                    th.num scope="col" { (ctx.t(Msg::ColSuggested)) }
                    th.num scope="col" { (ctx.t(Msg::ColUnitCost)) }
                    th.num scope="col" { (ctx.t(Msg::ColLineTotal)) }
                }
            }
            tbody {
                @for line in lines {
                    tr {
                        th scope="row" {
                            a href=(format!("/products/{}", line.product_id)) { (line.product_name) }
                        }
                        td.num.negative[line.stock.thousandths() < 0] { (line.stock.to_french()) }
                        td.num { (line.reorder_level.to_french()) }
                        td.num { strong { (line.quantity.to_french()) } }
                        td.num { (line.unit_cost.to_french()) }
                        td.num { (line_cost(line).to_french()) }
                    }
                }
            }
            tfoot {
                tr {
                    th scope="row" colspan="5" { (ctx.t(Msg::ColTotalExclVat)) }
                    td.num { (total.to_french()) }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use db::{Quantity, Role};

    use super::*;
    use crate::i18n::Lang;
    use crate::test_support::{no_empty_class, signed_in};

    fn jam() -> Suggestion {
        Suggestion {
            product_id: 12,
            product_name: "Confiture d'abricot <bio>".into(),
            stock: Quantity::from_units(3),
            reorder_level: Quantity::from_units(5),
            quantity: Quantity::from_units(12),
            unit_cost: Money::from_cents(210),
        }
    }

    fn orphan() -> SupplierSuggestions {
        SupplierSuggestions {
            supplier_id: None,
            supplier_name: None,
            lines: vec![Suggestion {
                product_id: 7,
                product_name: "Comté 18 mois".into(),
                stock: Quantity::from_thousandths(-350),
                reorder_level: Quantity::from_units(1),
                quantity: Quantity::from_thousandths(2350),
                unit_cost: Money::ZERO,
            }],
        }
    }

    fn vergers() -> SupplierSuggestions {
        SupplierSuggestions {
            supplier_id: Some(4),
            supplier_name: Some("Les Vergers <du Sud>".into()),
            lines: vec![jam()],
        }
    }

    fn render(lang: Lang, groups: &[SupplierSuggestions]) -> String {
        no_empty_class(reorder_page(&signed_in(lang, Role::Manager), groups).into_string())
    }

    #[test]
    fn groups_by_supplier_with_the_drafts_form_in_french() {
        let html = render(Lang::Fr, &[vergers(), orphan()]);
        assert!(html.contains("<title>Réapprovisionnement · Comptoir</title>"));
        assert!(html.contains("<h2><a href=\"/suppliers/4\">Les Vergers &lt;du Sud&gt;</a></h2>"));
        assert!(html.contains(
            "<th scope=\"row\"><a href=\"/products/12\">Confiture d'abricot &lt;bio&gt;</a></th>\
             <td class=\"num\">3</td><td class=\"num\">5</td><td class=\"num\"><strong>12</strong></td>\
             <td class=\"num\">2,10\u{a0}€</td><td class=\"num\">25,20\u{a0}€</td>"
        ));
        assert!(html.contains("<th class=\"num\" scope=\"col\">À commander</th>"));
        assert!(html.contains("<h2>Sans fournisseur connu</h2>"));
        assert!(html.contains("fournisseur préféré sur la fiche du produit"));
        assert!(html.contains("<td class=\"num negative\">-0,35</td>"));
        assert!(html.contains(
            "<form method=\"post\" action=\"/purchase-orders/suggestions\">\
             <input type=\"hidden\" name=\"_csrf\" value=\"csrf-123\">"
        ));
        assert!(html.contains("<button type=\"submit\">Créer les commandes brouillon</button>"));
        assert!(!html.contains("Aucun produit sous son seuil"));
    }

    #[test]
    fn without_a_known_supplier_there_is_nothing_to_create() {
        let html = render(Lang::En, &[orphan()]);
        assert!(html.contains("<title>Reorder · Comptoir</title>"));
        assert!(html.contains("<h2>No known supplier</h2>"));
        assert!(html.contains("Set a preferred supplier on the product"));
        assert!(html.contains("<a href=\"/products/7\">Comté 18 mois</a>"));
        assert!(!html.contains("action=\"/purchase-orders/suggestions\""));
        assert!(!html.contains("Create the draft orders"));
        let html = render(Lang::En, &[vergers()]);
        assert!(html.contains(">Create the draft orders</button>"));
        assert!(html.contains("<th class=\"num\" scope=\"col\">To order</th>"));
    }

    #[test]
    fn says_when_nothing_is_low() {
        let html = render(Lang::Fr, &[]);
        assert!(html.contains("<p>Aucun produit sous son seuil de réapprovisionnement.</p>"));
        assert!(!html.contains("<table"));
        assert!(!html.contains("/purchase-orders/suggestions"));
        assert!(render(Lang::En, &[]).contains("<p>No product below its reorder level.</p>"));
    }
}
