//! `/stock/valuation`: what the stock is worth, per location and in total.
//! Managers and the owner.

use inventory::stock::Valuation;
use maud::{Markup, html};

use crate::i18n::{self, Msg};
use crate::layout::{PageCtx, page};

pub fn valuation_page(ctx: &PageCtx, valuation: &Valuation) -> Markup {
    let title = ctx.t(Msg::ValuationTitle);
    let count = |n: usize| n.to_string();
    let body = html! {
        h1 { (title) }
        p { (ctx.t(Msg::ValuationIntro)) }
        div.table-wrap {
            table {
                thead {
                    tr {
                        th scope="col" { (ctx.t(Msg::ColLocation)) }
                        th.num scope="col" { (ctx.t(Msg::ColInStock)) }
                        th.num scope="col" { (ctx.t(Msg::ColBelowZero)) }
                        th.num scope="col" { (ctx.t(Msg::ColWithoutCost)) }
                        th.num scope="col" { (ctx.t(Msg::ColStockValue)) }
                    }
                }
                tbody {
                    @for item in &valuation.locations {
                        tr {
                            th scope="row" { (item.location.name) }
                            td.num { (item.products_in_stock) }
                            td.num { (item.below_zero) }
                            td.num { (item.without_cost) }
                            td.num { (item.value.to_french()) }
                        }
                    }
                }
                tfoot {
                    tr {
                        th scope="row" colspan="4" { (ctx.t(Msg::Total)) }
                        td.num { strong { (valuation.total.to_french()) } }
                    }
                }
            }
        }
        @if valuation.below_zero > 0 {
            p.negative role="alert" {
                (i18n::tf(ctx.lang, Msg::NegativeStockCount, &[("count", &count(valuation.below_zero))]))
            }
        }
        @if valuation.without_cost > 0 {
            p {
                (i18n::tf(ctx.lang, Msg::WithoutCostCount, &[("count", &count(valuation.without_cost))]))
            }
        }
    };
    page(ctx, title, body)
}

#[cfg(test)]
mod tests {
    use db::{Money, Role};
    use inventory::stock::LocationValue;

    use super::*;
    use crate::i18n::Lang;
    use crate::test_support::{goods, no_empty_class, signed_in};

    fn valuation(below_zero: usize, without_cost: usize) -> Valuation {
        Valuation {
            locations: vec![LocationValue {
                location: goods::floor(),
                value: Money::from_cents(3444),
                products_in_stock: 2,
                below_zero,
                without_cost,
            }],
            total: Money::from_cents(3444),
            below_zero,
            without_cost,
        }
    }

    #[test]
    fn per_location_and_in_total_with_what_is_missing() {
        let html = no_empty_class(
            valuation_page(&signed_in(Lang::Fr, Role::Manager), &valuation(2, 1)).into_string(),
        )
        .replace('\u{a0}', " ");
        assert!(html.contains("<title>Valeur du stock · Comptoir</title>"));
        assert!(html.contains(
            "<th scope=\"row\">Magasin</th><td class=\"num\">2</td><td class=\"num\">2</td>\
             <td class=\"num\">1</td><td class=\"num\">34,44 €</td>"
        ));
        assert!(html.contains("<td class=\"num\"><strong>34,44 €</strong></td>"));
        assert!(html.contains("2 produit(s) en stock négatif"));
        assert!(html.contains("1 produit(s) en stock sans coût connu"));
        let html =
            valuation_page(&signed_in(Lang::En, Role::Owner), &valuation(0, 0)).into_string();
        assert!(html.contains("Stock value"));
        assert!(!html.contains("negative stock"));
        assert!(!html.contains("without a known cost"));
    }
}
