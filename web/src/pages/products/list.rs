//! `/products`: search the catalogue by name, barcode or category, filter by
//! category and low stock. The GET form works alone; `products.js` refreshes the
//! rows as one types (from `/products/search`) and opens a product when a barcode
//! scanner's Enter leaves exactly one.

use inventory::catalogue::Product;
use inventory::catalogue::categories::Category;
use maud::{Markup, html};

use super::{NONE, effective_cost, margin_of, quantity_with_unit};
use crate::i18n::{self, Msg};
use crate::layout::{PageCtx, page};

/// What the list shows: the filters as submitted and what they found.
#[derive(Debug, Clone, Copy)]
pub struct ProductsView<'a> {
    pub query: &'a str,
    pub category_id: Option<i64>,
    pub low_only: bool,
    pub categories: &'a [Category],
    pub products: &'a [Product],
    /// Costs and margins (managers and the owner).
    pub show_costs: bool,
    /// The links to create, import and export.
    pub can_edit: bool,
}

pub fn products_page(ctx: &PageCtx, view: &ProductsView) -> Markup {
    let title = ctx.t(Msg::NavProducts);
    let body = html! {
        div.page-head {
            h1 { (title) }
            @if view.can_edit {
                div.actions {
                    a.button href="/products/new" { (ctx.t(Msg::NewProduct)) }
                    a.button.button-secondary href="/products/import" { (ctx.t(Msg::ImportProducts)) }
                    a.button.button-secondary href="/products/export.csv" { (ctx.t(Msg::ExportProducts)) }
                }
            }
        }
        form.search-bar #product-filters method="get" action="/products" role="search" {
            div.search-field {
                label.visually-hidden for="product-search" { (ctx.t(Msg::SearchProducts)) }
                input #product-search type="search" name="q" value=(view.query)
                    placeholder=(ctx.t(Msg::SearchPlaceholder)) autofocus autocomplete="off";
            }
            div {
                label.visually-hidden for="product-category" { (ctx.t(Msg::FieldCategory)) }
                select #product-category name="category" {
                    option value="" selected[view.category_id.is_none()] { (ctx.t(Msg::AllCategories)) }
                    @for category in view.categories {
                        option value=(category.id) selected[view.category_id == Some(category.id)] {
                            (category.path)
                        }
                    }
                }
            }
            label.check {
                input type="checkbox" name="low" value="1" checked[view.low_only];
                (ctx.t(Msg::LowStockOnly))
            }
            button type="submit" { (ctx.t(Msg::SearchSubmit)) }
        }
        div.table-wrap {
            table #product-results {
                thead {
                    tr {
                        th scope="col" { (ctx.t(Msg::FieldName)) }
                        th scope="col" { (ctx.t(Msg::ColBarcode)) }
                        th scope="col" { (ctx.t(Msg::FieldCategory)) }
                        th.num scope="col" { (ctx.t(Msg::ColPrice)) }
                        th.num scope="col" { (ctx.t(Msg::ColVat)) }
                        th.num scope="col" { (ctx.t(Msg::ColStock)) }
                        @if view.show_costs {
                            th.num scope="col" { (ctx.t(Msg::ColCost)) }
                            th.num scope="col" { (ctx.t(Msg::ColMargin)) }
                        }
                    }
                }
                tbody { (product_rows(ctx, view.products, view.show_costs)) }
            }
        }
        script src="/static/products.js" defer {}
    };
    page(ctx, title, body)
}

/// The table's rows alone: the page's `<tbody>`, and the answer to
/// `/products/search` that the script puts in its place.
pub fn product_rows(ctx: &PageCtx, products: &[Product], show_costs: bool) -> Markup {
    let columns = if show_costs { 8 } else { 6 };
    html! {
        @if products.is_empty() {
            tr.empty { td colspan=(columns) { (ctx.t(Msg::NoProducts)) } }
        }
        @for product in products {
            (product_row(ctx, product, show_costs))
        }
    }
}

fn product_row(ctx: &PageCtx, product: &Product, show_costs: bool) -> Markup {
    let low = product.is_low();
    html! {
        tr data-product-id=(product.id) {
            th scope="row" {
                a href=(format!("/products/{}", product.id)) { (product.name) }
                @if !product.active {
                    " " span.badge.badge-off { (ctx.t(Msg::BadgeArchived)) }
                }
            }
            td {
                @match product.barcodes.first() {
                    Some(barcode) => code { (barcode) },
                    None => span.muted { (NONE) },
                }
            }
            td {
                @match &product.category {
                    Some(path) => (path),
                    None => span.muted { (NONE) },
                }
            }
            td.num { (product.price.to_french()) }
            td.num { (i18n::vat_label(ctx.lang, &product.vat_code)) }
            td.num.negative[low] {
                (quantity_with_unit(ctx.lang, product.stock, product.unit))
                @if low {
                    " " span.badge.badge-low { (ctx.t(Msg::BadgeLow)) }
                }
            }
            @if show_costs {
                td.num { (effective_cost(product).map_or(NONE.to_owned(), |c| c.to_french())) }
                @match margin_of(product) {
                    Some(margin) => td.num.negative[margin < 0] {
                        (i18n::percent(ctx.lang, margin, 1, false))
                    },
                    None => td.num { (NONE) },
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use db::Role;
    use inventory::catalogue::Product;

    use super::*;
    use crate::i18n::Lang;
    use crate::test_support::{goods, no_empty_class, pretty, signed_in};

    fn products() -> Vec<Product> {
        vec![goods::jam(), goods::cheese()]
    }

    fn view<'a>(
        products: &'a [Product],
        categories: &'a [Category],
        staff: bool,
    ) -> ProductsView<'a> {
        ProductsView {
            query: "conf \"bio\"",
            category_id: Some(3),
            low_only: true,
            categories,
            products,
            show_costs: staff,
            can_edit: staff,
        }
    }

    fn render(lang: Lang, staff: bool) -> String {
        let (products, categories) = (products(), goods::categories());
        let role = if staff { Role::Manager } else { Role::Cashier };
        no_empty_class(
            products_page(&signed_in(lang, role), &view(&products, &categories, staff))
                .into_string(),
        )
    }

    #[test]
    fn the_page_has_the_filters_the_rows_and_the_script_in_french() {
        let html = render(Lang::Fr, true);
        assert!(html.contains("<title>Produits · Comptoir</title>"));
        assert!(html.contains(
            "<form class=\"search-bar\" id=\"product-filters\" method=\"get\" action=\"/products\" role=\"search\">"
        ));
        assert!(html.contains(
            "<input id=\"product-search\" type=\"search\" name=\"q\" value=\"conf &quot;bio&quot;\" \
             placeholder=\"Nom, code-barres ou catégorie\" autofocus autocomplete=\"off\">"
        ));
        assert!(html.contains("<select id=\"product-category\" name=\"category\">"));
        assert!(html.contains("<option value=\"\">Toutes les catégories</option>"));
        assert!(html.contains("<option value=\"2\">Épicerie</option>"));
        assert!(html.contains("<option value=\"3\" selected>Épicerie &gt; Confitures</option>"));
        assert!(html.contains(
            "<input type=\"checkbox\" name=\"low\" value=\"1\" checked>Stock bas seulement"
        ));
        assert!(html.contains("<button type=\"submit\">Rechercher</button>"));
        assert!(html.contains("<a class=\"button\" href=\"/products/new\">Nouveau produit</a>"));
        assert!(html.contains("href=\"/products/export.csv\">Exporter (CSV)</a>"));
        assert!(html.contains("<table id=\"product-results\">"));
        assert!(html.contains("<th class=\"num\" scope=\"col\">Marge</th>"));
        assert!(html.contains("<tbody><tr data-product-id=\"12\">"));
        assert!(html.contains("<tr data-product-id=\"7\">"));
        assert!(html.contains("<script src=\"/static/products.js\" defer></script>"));
    }

    #[test]
    fn the_page_renders_in_english() {
        let html = render(Lang::En, true);
        assert!(html.contains("<title>Products · Comptoir</title>"));
        assert!(html.contains("placeholder=\"Name, barcode or category\""));
        assert!(html.contains(">All categories</option>"));
        assert!(html.contains(">Low stock only</label>"));
        assert!(html.contains(">New product</a>"));
        assert!(html.contains(">Export (CSV)</a>"));
        assert!(html.contains("<th class=\"num\" scope=\"col\">Price incl. VAT</th>"));
        assert!(html.contains("<td class=\"num\">5.5%</td>"));
        assert!(html.contains("<span class=\"badge badge-low\">low</span>"));
        assert!(html.contains("<span class=\"badge badge-off\">archived</span>"));
        assert!(html.contains("<td class=\"num\">55.2%</td>"));
    }

    #[test]
    fn cashiers_see_neither_costs_nor_edit_links() {
        let html = render(Lang::Fr, false);
        assert!(!html.contains("/products/new"));
        assert!(!html.contains("/products/import"));
        assert!(!html.contains("export.csv"));
        assert!(!html.contains("Coût"));
        assert!(!html.contains("Marge"));
        assert!(!html.contains("2,10"));
        assert!(!html.contains("55,2"));
        // The search, the rows and the script are for everyone.
        assert!(html.contains("id=\"product-search\""));
        assert!(html.contains("<tr data-product-id=\"12\">"));
        assert!(html.contains("src=\"/static/products.js\""));
    }

    #[test]
    fn rows_show_price_vat_stock_cost_and_margin() {
        let ctx = signed_in(Lang::Fr, Role::Manager);
        let html = product_rows(&ctx, &[goods::jam()], true).into_string();
        assert!(html.contains(
            "<th scope=\"row\"><a href=\"/products/12\">Confiture d'abricot &lt;bio&gt;</a></th>"
        ));
        assert!(html.contains("<td><code>3760123456789</code></td>"));
        assert!(html.contains("<td>Épicerie &gt; Confitures</td>"));
        assert!(html.contains("<td class=\"num\">4,95\u{a0}€</td>"));
        assert!(html.contains("<td class=\"num\">5,5\u{a0}%</td>"));
        assert!(html.contains(
            "<td class=\"num negative\">3\u{a0}pce <span class=\"badge badge-low\">stock bas</span></td>"
        ));
        assert!(html.contains("<td class=\"num\">2,10\u{a0}€</td>"));
        assert!(html.contains("<td class=\"num\">55,2\u{a0}%</td>"));
        let html = product_rows(&ctx, &[goods::jam()], false).into_string();
        assert!(!html.contains("2,10"));
        assert!(!html.contains("55,2"));
    }

    #[test]
    fn a_negative_stock_is_red_and_a_missing_cost_a_dash() {
        let ctx = signed_in(Lang::Fr, Role::Owner);
        let html = product_rows(&ctx, &[goods::cheese()], true).into_string();
        assert!(html.contains("<span class=\"badge badge-off\">archivé</span>"));
        assert!(html.contains("<td class=\"num negative\">-0,35\u{a0}kg"));
        assert!(html.contains(
            "<td><span class=\"muted\">—</span></td><td><span class=\"muted\">—</span></td>"
        ));
        assert!(html.contains("<td class=\"num\">—</td><td class=\"num\">—</td></tr>"));
    }

    #[test]
    fn a_stock_above_its_level_is_plain() {
        let ctx = signed_in(Lang::Fr, Role::Cashier);
        let plenty = Product {
            stock: db::Quantity::from_units(40),
            ..goods::jam()
        };
        let html = product_rows(&ctx, &[plenty], false).into_string();
        assert!(html.contains("<td class=\"num\">40\u{a0}pce</td>"));
        assert!(!html.contains("badge-low"));
    }

    #[test]
    fn no_result_is_one_row_across_the_columns() {
        let ctx = signed_in(Lang::Fr, Role::Cashier);
        assert_eq!(
            product_rows(&ctx, &[], false).into_string(),
            "<tr class=\"empty\"><td colspan=\"6\">Aucun produit</td></tr>"
        );
        let ctx = signed_in(Lang::En, Role::Manager);
        assert_eq!(
            product_rows(&ctx, &[], true).into_string(),
            "<tr class=\"empty\"><td colspan=\"8\">No products</td></tr>"
        );
    }

    #[test]
    fn product_rows_snapshot() {
        let ctx = signed_in(Lang::Fr, Role::Manager);
        let html = product_rows(&ctx, &products(), true).into_string();
        insta::assert_snapshot!(pretty(&html));
    }
}
