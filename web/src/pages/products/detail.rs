//! `/products/{id}`: a product's card, its stock per location, its movements, and
//! for managers the forms that adjust or move its stock.

use db::Quantity;
use inventory::catalogue::Product;
use inventory::stock::{Location, Movement};
use maud::{Markup, html};

use super::{
    NONE, location_options, margin_of, price_excl_vat, quantity_with_unit, signed_quantity,
    vat_hundredths,
};
use crate::forms::{FormErrors, Input, Select, form_error};
use crate::i18n::{self, Msg};
use crate::layout::{PageCtx, csrf_field, page};

/// Everything the product's page shows.
#[derive(Debug, Clone, Copy)]
pub struct ProductDetail<'a> {
    pub product: &'a Product,
    /// The level at each location.
    pub levels: &'a [(Location, Quantity)],
    /// The latest first, as the server reads them.
    pub movements: &'a [Movement],
    /// Where stock may be adjusted or moved to.
    pub locations: &'a [Location],
    pub show_costs: bool,
    pub can_edit: bool,
}

/// Errors of the adjustment form use its field names (`quantity`, `reason`,
/// `location_id`); those of the transfer form `transfer_quantity` (its input is
/// still named `quantity`), `from_location_id` and `to_location_id`.
pub fn product_page(ctx: &PageCtx, d: &ProductDetail, errors: &FormErrors) -> Markup {
    let product = d.product;
    let title = product.name.as_str();
    let body = html! {
        p { a href="/products" { "← " (ctx.t(Msg::BackToProducts)) } }
        div.page-head {
            h1 {
                (title)
                @if !product.active {
                    " " span.badge.badge-off { (ctx.t(Msg::BadgeArchived)) }
                }
            }
            @if d.can_edit {
                div.actions {
                    a.button href=(format!("/products/{}/edit", product.id)) { (ctx.t(Msg::Edit)) }
                }
            }
        }
        (form_error(errors))
        section.card { (facts(ctx, product, d.show_costs)) }
        section {
            h2 { (ctx.t(Msg::StockByLocation)) }
            div.table-wrap { (levels_table(ctx, product, d.levels)) }
        }
        section {
            h2 { (ctx.t(Msg::MovementsTitle)) }
            @if d.movements.is_empty() {
                p { (ctx.t(Msg::NoMovements)) }
            } @else {
                div.table-wrap { (movements_table(ctx, d.movements, d.show_costs)) }
            }
        }
        @if d.can_edit {
            div.cards {
                (adjust_form(ctx, product.id, d.locations, errors))
                (transfer_form(ctx, product.id, d.locations, errors))
            }
        }
    };
    page(ctx, title, body)
}

fn facts(ctx: &PageCtx, product: &Product, show_costs: bool) -> Markup {
    let rate = vat_hundredths(&product.vat_code);
    let money = |amount: Option<db::Money>| amount.map_or(NONE.to_owned(), |a| a.to_french());
    let negative = product.stock.thousandths() < 0;
    html! {
        dl.facts {
            dt { (ctx.t(Msg::FieldBarcodes)) }
            dd {
                @if product.barcodes.is_empty() {
                    (NONE)
                }
                @for (i, code) in product.barcodes.iter().enumerate() {
                    @if i > 0 { ", " }
                    code { (code) }
                }
            }
            dt { (ctx.t(Msg::ColPrice)) }
            dd { (product.price.to_french()) }
            dt { (ctx.t(Msg::FieldPriceExclVat)) }
            dd { (money(rate.map(|rate| price_excl_vat(product.price, rate)))) }
            dt { (ctx.t(Msg::ColVat)) }
            dd { (i18n::vat_label(ctx.lang, &product.vat_code)) }
            dt { (ctx.t(Msg::FieldUnit)) }
            dd { (i18n::unit_words(ctx.lang, product.unit)) }
            dt { (ctx.t(Msg::FieldCategory)) }
            dd { (product.category.as_deref().unwrap_or(NONE)) }
            dt { (ctx.t(Msg::FieldReorderLevel)) }
            dd {
                (product.reorder_level.map_or(NONE.to_owned(), |level| {
                    quantity_with_unit(ctx.lang, level, product.unit)
                }))
            }
            dt { (ctx.t(Msg::ColStock)) }
            dd class=[product.is_low().then_some("negative")] {
                (quantity_with_unit(ctx.lang, product.stock, product.unit))
                @if negative {
                    " " span.badge.badge-low { (ctx.t(Msg::NegativeStockWarning)) }
                } @else if product.is_low() {
                    " " span.badge.badge-low { (ctx.t(Msg::BadgeLow)) }
                }
            }
            @if show_costs {
                dt { (ctx.t(Msg::FieldCost)) }
                dd { (money(product.cost)) }
                dt { (ctx.t(Msg::FieldAverageCost)) }
                dd { (money(product.average_cost)) }
                dt { (ctx.t(Msg::ColMargin)) }
                @match margin_of(product) {
                    Some(margin) => dd class=[(margin < 0).then_some("negative")] {
                        (i18n::percent(ctx.lang, margin, 1, false))
                    },
                    None => dd { (NONE) },
                }
            }
        }
    }
}

fn levels_table(ctx: &PageCtx, product: &Product, levels: &[(Location, Quantity)]) -> Markup {
    html! {
        table {
            thead {
                tr {
                    th scope="col" { (ctx.t(Msg::ColLocation)) }
                    th.num scope="col" { (ctx.t(Msg::ColQuantity)) }
                }
            }
            tbody {
                @for (location, quantity) in levels {
                    @let negative = quantity.thousandths() < 0;
                    tr {
                        th scope="row" {
                            (location.name)
                            @if location.is_sales_floor {
                                " " span.muted { "(" (ctx.t(Msg::SalesFloor)) ")" }
                            }
                        }
                        td.num.negative[negative] {
                            (quantity_with_unit(ctx.lang, *quantity, product.unit))
                            @if negative {
                                p.negative-note role="note" { (ctx.t(Msg::NegativeStockWarning)) }
                            }
                        }
                    }
                }
            }
            tfoot {
                tr {
                    th scope="row" { (ctx.t(Msg::Total)) }
                    td.num.negative[product.stock.thousandths() < 0] {
                        (quantity_with_unit(ctx.lang, product.stock, product.unit))
                    }
                }
            }
        }
    }
}

fn movements_table(ctx: &PageCtx, movements: &[Movement], show_costs: bool) -> Markup {
    html! {
        table {
            thead {
                tr {
                    th scope="col" { (ctx.t(Msg::ColDate)) }
                    th scope="col" { (ctx.t(Msg::ColKind)) }
                    th.num scope="col" { (ctx.t(Msg::ColQuantity)) }
                    th scope="col" { (ctx.t(Msg::ColLocation)) }
                    th scope="col" { (ctx.t(Msg::ColReason)) }
                    @if show_costs {
                        th.num scope="col" { (ctx.t(Msg::ColUnitCost)) }
                    }
                }
            }
            tbody {
                @for movement in movements {
                    tr {
                        td { (i18n::short_datetime(movement.at)) }
                        td { (i18n::movement_kind_label(ctx.lang, movement.kind)) }
                        td.num { (signed_quantity(movement.quantity)) }
                        td { (movement.location) }
                        td {
                            @if let Some(reason) = &movement.reason {
                                (reason)
                            }
                            @if let Some(reference) = &movement.reference {
                                @if movement.reason.is_some() { " " }
                                code.muted { (reference) }
                            }
                        }
                        @if show_costs {
                            td.num {
                                (movement.unit_cost.map_or(NONE.to_owned(), |c| c.to_french()))
                            }
                        }
                    }
                }
            }
        }
    }
}

fn location_select<'a>(
    name: &'a str,
    label: &'a str,
    options: &'a [(String, &'a str)],
    selected: Option<&'a str>,
) -> Select<'a> {
    Select {
        name,
        label,
        options: options.iter().map(|(id, n)| (id.as_str(), *n)).collect(),
        selected,
        placeholder: None,
        required: true,
    }
}

fn adjust_form(
    ctx: &PageCtx,
    product_id: i64,
    locations: &[Location],
    errors: &FormErrors,
) -> Markup {
    let options = location_options(locations);
    let floor = options.first().map(|(id, _)| id.as_str());
    html! {
        section.card {
            h2 { (ctx.t(Msg::AdjustTitle)) }
            form method="post" action=(format!("/products/{product_id}/adjust")) {
                (csrf_field(ctx))
                (Input::text("quantity", ctx.t(Msg::FieldQuantity))
                    .required().autocomplete("off").hint(ctx.t(Msg::AdjustQuantityHint))
                    .render(errors))
                (Input::text("reason", ctx.t(Msg::FieldReason))
                    .required().autocomplete("off").render(errors))
                (location_select("location_id", ctx.t(Msg::FieldLocation), &options, floor)
                    .render(errors))
                button type="submit" { (ctx.t(Msg::AdjustSubmit)) }
            }
        }
    }
}

/// From the storeroom to the sales floor by default: the usual restocking.
/// Shown only where there are two places to move between.
fn transfer_form(
    ctx: &PageCtx,
    product_id: i64,
    locations: &[Location],
    errors: &FormErrors,
) -> Markup {
    let options = location_options(locations);
    let to = options.first().map(|(id, _)| id.as_str());
    let from = options.get(1).map(|(id, _)| id.as_str());
    html! {
        @if options.len() >= 2 {
            section.card {
                h2 { (ctx.t(Msg::TransferTitle)) }
                form method="post" action=(format!("/products/{product_id}/transfer")) {
                    (csrf_field(ctx))
                    (location_select("from_location_id", ctx.t(Msg::FieldFromLocation), &options, from)
                        .render(errors))
                    (location_select("to_location_id", ctx.t(Msg::FieldToLocation), &options, to)
                        .render(errors))
                    (Input::text("quantity", ctx.t(Msg::FieldQuantity))
                        .key("transfer_quantity").required().inputmode("decimal")
                        .autocomplete("off").render(errors))
                    button type="submit" { (ctx.t(Msg::TransferSubmit)) }
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
    use crate::test_support::{goods, no_empty_class, signed_in};

    fn levels() -> Vec<(Location, Quantity)> {
        vec![
            (goods::floor(), Quantity::from_units(-1)),
            (goods::storeroom(), Quantity::from_units(4)),
        ]
    }

    fn render(lang: Lang, staff: bool, errors: &FormErrors) -> String {
        let (product, levels, movements, locations) = (
            goods::jam(),
            levels(),
            goods::movements(),
            goods::locations(),
        );
        let detail = ProductDetail {
            product: &product,
            levels: &levels,
            movements: &movements,
            locations: &locations,
            show_costs: staff,
            can_edit: staff,
        };
        let role = if staff { Role::Owner } else { Role::Cashier };
        no_empty_class(product_page(&signed_in(lang, role), &detail, errors).into_string())
    }

    /// The markup of the form posting to `action`.
    fn form<'h>(html: &'h str, action: &str) -> &'h str {
        html.split(&format!("<form method=\"post\" action=\"{action}\">"))
            .nth(1)
            .and_then(|rest| rest.split("</form>").next())
            .unwrap_or_default()
    }

    #[test]
    fn the_card_stock_and_movements_in_french() {
        let html = render(Lang::Fr, true, &FormErrors::new());
        assert!(html.contains("<title>Confiture d'abricot &lt;bio&gt; · Comptoir</title>"));
        assert!(html.contains("<a class=\"button\" href=\"/products/12/edit\">Modifier</a>"));
        assert!(html.contains(
            "<dt>Codes-barres</dt><dd><code>3760123456789</code>, <code>12345</code></dd>"
        ));
        assert!(html.contains("<dt>Prix TTC</dt><dd>4,95\u{a0}€</dd>"));
        assert!(html.contains("<dt>Prix HT</dt><dd>4,69\u{a0}€</dd>"));
        assert!(html.contains("<dt>TVA</dt><dd>5,5\u{a0}%</dd>"));
        assert!(html.contains("<dt>Vendu</dt><dd>à la pièce</dd>"));
        assert!(html.contains("<dd>Épicerie &gt; Confitures</dd>"));
        assert!(html.contains("<dt>Seuil de réapprovisionnement</dt><dd>5\u{a0}pce</dd>"));
        assert!(html.contains("<dt>Coût d’achat HT</dt><dd>2,30\u{a0}€</dd>"));
        assert!(html.contains("<dt>Coût moyen pondéré</dt><dd>2,10\u{a0}€</dd>"));
        assert!(html.contains("<dt>Marge</dt><dd>55,2\u{a0}%</dd>"));
        // Stock per location: the negative floor is red and explained.
        assert!(html.contains(
            "<th scope=\"row\">Magasin <span class=\"muted\">(surface de vente)</span></th>\
             <td class=\"num negative\">-1\u{a0}pce\
             <p class=\"negative-note\" role=\"note\">Stock négatif\u{a0}: vérifiez le rayon</p></td>"
        ));
        assert!(html.contains("<th scope=\"row\">Réserve</th><td class=\"num\">4\u{a0}pce</td>"));
        assert!(html.contains("<th scope=\"row\">Total</th><td class=\"num\">3\u{a0}pce</td>"));
        // Movements, latest first, kinds in words.
        assert!(html.contains(
            "<td>04/03/2025 17:45</td><td>Ajustement</td><td class=\"num\">-2</td>\
             <td>Magasin</td><td>Pots cassés</td><td class=\"num\">—</td>"
        ));
        assert!(html.contains(
            "<td>03/03/2025 09:05</td><td>Réception</td><td class=\"num\">+6</td>\
             <td>Réserve</td><td><code class=\"muted\">purchase_order:3</code></td>\
             <td class=\"num\">2,10\u{a0}€</td>"
        ));
    }

    #[test]
    fn managers_get_the_adjust_and_transfer_forms() {
        let html = render(Lang::Fr, true, &FormErrors::new());
        let csrf = "name=\"_csrf\" value=\"csrf-123\"";
        let adjust = form(&html, "/products/12/adjust");
        assert!(adjust.contains(csrf));
        assert!(adjust.contains("name=\"quantity\" id=\"field-quantity\" value=\"\" required"));
        assert!(adjust.contains("ex. -2 pour deux pots cassés"));
        assert!(adjust.contains("name=\"reason\" id=\"field-reason\" value=\"\" required"));
        // The sales floor first and chosen, though the list had it second.
        assert!(adjust.contains(
            "<select name=\"location_id\" id=\"field-location_id\" required>\
             <option value=\"1\" selected>Magasin</option><option value=\"2\">Réserve</option>"
        ));
        let transfer = form(&html, "/products/12/transfer");
        assert!(transfer.contains(csrf));
        assert!(transfer.contains(
            "<select name=\"from_location_id\" id=\"field-from_location_id\" required>\
             <option value=\"1\">Magasin</option><option value=\"2\" selected>Réserve</option>"
        ));
        assert!(transfer.contains(
            "<select name=\"to_location_id\" id=\"field-to_location_id\" required>\
             <option value=\"1\" selected>Magasin</option>"
        ));
        assert!(transfer.contains("name=\"quantity\" id=\"field-transfer_quantity\""));
        assert!(transfer.contains(">Transférer</button>"));
    }

    #[test]
    fn cashiers_see_no_costs_and_no_controls_in_english() {
        let html = render(Lang::En, false, &FormErrors::new());
        assert!(html.contains("<dt>Price excl. VAT</dt><dd>4,69\u{a0}€</dd>"));
        assert!(html.contains("<dt>VAT</dt><dd>5.5%</dd>"));
        assert!(html.contains("<dt>Sold</dt><dd>by the piece</dd>"));
        assert!(html.contains("<h2>Stock by location</h2>"));
        assert!(html.contains("Negative stock: check the shelf"));
        assert!(html.contains("<td>Adjustment</td>"));
        assert!(html.contains("<td>Receipt</td>"));
        assert!(!html.contains("/edit"));
        assert!(!html.contains("/adjust"));
        assert!(!html.contains("/transfer"));
        assert!(!html.contains("Weighted average cost"));
        assert!(!html.contains("Margin"));
        assert!(!html.contains("Unit cost"));
        assert!(!html.contains("2,10"));
        assert!(!html.contains("2,30"));
    }

    #[test]
    fn each_form_shows_its_own_errors() {
        let errors = FormErrors::new()
            .with("reason", "Indiquez la raison de l’ajustement.")
            .with("transfer_quantity", "Quantité invalide");
        let html = render(Lang::Fr, true, &errors);
        let adjust = form(&html, "/products/12/adjust");
        assert!(adjust.contains("id=\"field-reason-error\" role=\"alert\">Indiquez la raison"));
        assert!(!adjust.contains("Quantité invalide"));
        let transfer = form(&html, "/products/12/transfer");
        assert!(
            transfer
                .contains("id=\"field-transfer_quantity-error\" role=\"alert\">Quantité invalide")
        );
    }

    #[test]
    fn one_place_means_no_transfer() {
        let (product, movements, locations) = (goods::jam(), goods::movements(), [goods::floor()]);
        let levels = [(goods::floor(), Quantity::from_units(3))];
        let detail = ProductDetail {
            product: &product,
            levels: &levels,
            movements: &movements,
            locations: &locations,
            show_costs: true,
            can_edit: true,
        };
        let html = product_page(
            &signed_in(Lang::Fr, Role::Manager),
            &detail,
            &FormErrors::new(),
        )
        .into_string();
        assert!(html.contains("/products/12/adjust"));
        assert!(!html.contains("/products/12/transfer"));
    }

    #[test]
    fn an_archived_product_without_moves_says_so() {
        let (product, locations) = (goods::cheese(), goods::locations());
        let levels = [(goods::floor(), Quantity::from_thousandths(-350))];
        let detail = ProductDetail {
            product: &product,
            levels: &levels,
            movements: &[],
            locations: &locations,
            show_costs: true,
            can_edit: false,
        };
        let html = product_page(
            &signed_in(Lang::Fr, Role::Manager),
            &detail,
            &FormErrors::new(),
        )
        .into_string();
        assert!(
            html.contains("<h1>Comté 18 mois <span class=\"badge badge-off\">archivé</span></h1>")
        );
        assert!(html.contains("<p>Aucun mouvement.</p>"));
        assert!(html.contains("<dt>Codes-barres</dt><dd>—</dd>"));
        assert!(html.contains("<dt>Marge</dt><dd>—</dd>"));
        assert!(html.contains("<dt>Vendu</dt><dd>au kilo</dd>"));
        assert!(html.contains(
            "<dd class=\"negative\">-0,35\u{a0}kg <span class=\"badge badge-low\">Stock négatif"
        ));
    }
}
