//! `/purchase-orders/new`: a supplier, notes, and up to ten lines (more when
//! more were typed). The line fields repeat their names; the server reads them
//! in order and skips the blank rows.

use inventory::catalogue::Product;
use inventory::suppliers::Supplier;
use maud::{Markup, html};

use crate::forms::{FormErrors, Select, TextArea, form_error};
use crate::i18n::{self, Msg};
use crate::layout::{PageCtx, csrf_field, page};

/// One order line as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrderLineValues {
    /// A barcode, a product id as `#12`, or the exact name.
    pub product: String,
    pub quantity: String,
    /// Empty: the product's own cost.
    pub unit_cost: String,
}

/// The rows a blank order offers.
const BLANK_ROWS: usize = 10;

/// Errors of a line are under `line_{index}` (0-based), shown under its row;
/// the supplier's under `supplier_id`, the order's as a whole under `""`.
pub fn new_order_page(
    ctx: &PageCtx,
    suppliers: &[Supplier],
    supplier_id: Option<i64>,
    notes: &str,
    lines: &[OrderLineValues],
    errors: &FormErrors,
    products: &[Product],
) -> Markup {
    let title = ctx.t(Msg::NewOrder);
    let blank = OrderLineValues::default();
    let rows = lines.len().max(BLANK_ROWS);
    let body = html! {
        p { a href="/purchase-orders" { "← " (ctx.t(Msg::BackToOrders)) } }
        h1 { (title) }
        (form_error(errors))
        form.card method="post" action="/purchase-orders" {
            (csrf_field(ctx))
            (supplier_select(ctx, suppliers, supplier_id, errors))
            (TextArea::new("notes", ctx.t(Msg::FieldNotes))
                .value(notes).rows(2).optional(ctx.t(Msg::Optional)).render(errors))
            fieldset {
                legend { (ctx.t(Msg::OrderLinesTitle)) }
                p.hint #order-lines-hint { (ctx.t(Msg::OrderLinesHint)) }
                div.table-wrap {
                    table.order-lines {
                        thead {
                            tr {
                                th scope="col" { (ctx.t(Msg::ColProduct)) }
                                th scope="col" { (ctx.t(Msg::ColQuantity)) }
                                th scope="col" {
                                    (ctx.t(Msg::ColUnitCost)) " "
                                    span.optional { "(" (ctx.t(Msg::Optional)) ")" }
                                }
                            }
                        }
                        tbody {
                            @for index in 0..rows {
                                (line_row(ctx, index, lines.get(index).unwrap_or(&blank), errors))
                            }
                        }
                    }
                }
            }
            datalist #product-names {
                @for product in products {
                    option value=(format!("#{}", product.id)) label=(product.name) {}
                }
            }
            button type="submit" { (ctx.t(Msg::CreateOrderSubmit)) }
        }
    };
    page(ctx, title, body)
}

/// Active suppliers, and the chosen one even if no longer active.
fn supplier_select(
    ctx: &PageCtx,
    suppliers: &[Supplier],
    chosen: Option<i64>,
    errors: &FormErrors,
) -> Markup {
    let shown: Vec<(String, &str)> = suppliers
        .iter()
        .filter(|s| s.active || Some(s.id) == chosen)
        .map(|s| (s.id.to_string(), s.name.as_str()))
        .collect();
    let chosen = chosen.map(|id| id.to_string());
    let selected = shown
        .iter()
        .find(|(id, _)| Some(id) == chosen.as_ref())
        .map(|(id, _)| id.as_str());
    Select {
        name: "supplier_id",
        label: ctx.t(Msg::FieldSupplier),
        options: shown
            .iter()
            .map(|(id, name)| (id.as_str(), *name))
            .collect(),
        selected,
        placeholder: selected.is_none().then(|| ctx.t(Msg::ChooseSupplier)),
        required: true,
    }
    .render(errors)
}

fn line_row(ctx: &PageCtx, index: usize, line: &OrderLineValues, errors: &FormErrors) -> Markup {
    let number = (index + 1).to_string();
    let label = |field: Msg| {
        i18n::tf(
            ctx.lang,
            Msg::LineFieldLabel,
            &[("field", ctx.t(field)), ("line", &number)],
        )
    };
    let error = errors.get(&format!("line_{index}"));
    let error_id = format!("field-line_{index}-error");
    let invalid = error.map(|_| "true");
    let described_by = error.map(|_| error_id.as_str());
    html! {
        tr class=[error.map(|_| "invalid")] {
            td {
                input type="text" name="line_product" value=(line.product)
                    list="product-names" autocomplete="off" aria-label=(label(Msg::ColProduct))
                    aria-invalid=[invalid] aria-describedby=[described_by];
            }
            td {
                input type="text" name="line_quantity" value=(line.quantity)
                    inputmode="decimal" autocomplete="off" aria-label=(label(Msg::ColQuantity))
                    aria-invalid=[invalid] aria-describedby=[described_by];
            }
            td {
                input type="text" name="line_unit_cost" value=(line.unit_cost)
                    inputmode="decimal" autocomplete="off" aria-label=(label(Msg::ColUnitCost))
                    aria-invalid=[invalid] aria-describedby=[described_by];
            }
        }
        @if let Some(message) = error {
            tr.line-error {
                td colspan="3" {
                    p.field-error id=(error_id) role="alert" { (message) }
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

    fn render(
        lang: Lang,
        supplier_id: Option<i64>,
        lines: &[OrderLineValues],
        errors: &FormErrors,
    ) -> String {
        no_empty_class(
            new_order_page(
                &signed_in(lang, Role::Manager),
                &[goods::supplier(), goods::old_supplier()],
                supplier_id,
                "Livrer <le> matin",
                lines,
                errors,
                &[goods::jam(), goods::cheese()],
            )
            .into_string(),
        )
    }

    #[test]
    fn a_blank_order_has_ten_lines_in_french() {
        let html = render(Lang::Fr, None, &[], &FormErrors::new());
        assert!(html.contains("<title>Nouvelle commande · Comptoir</title>"));
        assert!(html.contains("<form class=\"card\" method=\"post\" action=\"/purchase-orders\">"));
        assert!(html.contains("name=\"_csrf\" value=\"csrf-123\""));
        assert!(html.contains("<option value=\"\" selected>— Choisir un fournisseur —</option>"));
        assert!(html.contains("<option value=\"4\">Les Vergers &lt;du Sud&gt;</option>"));
        assert!(!html.contains("Ancien grossiste"));
        assert!(html.contains(">Livrer &lt;le&gt; matin</textarea>"));
        assert_eq!(html.matches("name=\"line_product\"").count(), 10);
        assert_eq!(html.matches("name=\"line_quantity\"").count(), 10);
        assert_eq!(html.matches("name=\"line_unit_cost\"").count(), 10);
        assert!(html.contains(
            "<input type=\"text\" name=\"line_product\" value=\"\" list=\"product-names\" \
             autocomplete=\"off\" aria-label=\"Produit, ligne 1\">"
        ));
        assert!(html.contains("aria-label=\"Quantité, ligne 10\""));
        assert!(html.contains(
            "<datalist id=\"product-names\"><option value=\"#12\" label=\"Confiture d'abricot &lt;bio&gt;\"></option>\
             <option value=\"#7\" label=\"Comté 18 mois\"></option></datalist>"
        ));
        assert!(html.contains("code-barres, nom exact ou numéro (#12)"));
        assert!(html.contains(">Créer la commande</button>"));
    }

    #[test]
    fn typed_lines_come_back_with_their_errors_in_english() {
        let mut lines: Vec<OrderLineValues> = (0..11)
            .map(|i| OrderLineValues {
                product: format!("#{i}"),
                quantity: "2".into(),
                unit_cost: String::new(),
            })
            .collect();
        lines[1] = OrderLineValues {
            product: "Confiture <inconnue>".into(),
            quantity: "3".into(),
            unit_cost: "2,10".into(),
        };
        let errors = FormErrors::new()
            .with("line_1", "Product not found: “Confiture <inconnue>”.")
            .with("supplier_id", "Supplier not found.");
        let html = render(Lang::En, Some(5), &lines, &errors);
        assert!(html.contains("<title>New order · Comptoir</title>"));
        assert_eq!(html.matches("name=\"line_product\"").count(), 11);
        // The chosen supplier stays chosen though inactive.
        assert!(html.contains("<option value=\"5\" selected>Ancien grossiste</option>"));
        assert!(!html.contains("— Choose a supplier —"));
        assert!(
            html.contains("id=\"field-supplier_id-error\" role=\"alert\">Supplier not found.</p>")
        );
        assert!(html.contains(
            "<tr class=\"invalid\"><td><input type=\"text\" name=\"line_product\" \
             value=\"Confiture &lt;inconnue&gt;\" list=\"product-names\" autocomplete=\"off\" \
             aria-label=\"Product, line 2\" aria-invalid=\"true\" aria-describedby=\"field-line_1-error\">"
        ));
        assert!(html.contains("value=\"2,10\" inputmode=\"decimal\""));
        assert!(html.contains(
            "<tr class=\"line-error\"><td colspan=\"3\"><p class=\"field-error\" id=\"field-line_1-error\" \
             role=\"alert\">Product not found: “Confiture &lt;inconnue&gt;”.</p></td></tr>"
        ));
        // The error row follows its line, before the next one.
        let error_at = html.find("field-line_1-error\" role").unwrap_or(usize::MAX);
        let next_at = html.find("value=\"#2\"").unwrap_or(0);
        assert!(error_at < next_at);
        assert_eq!(html.matches("aria-invalid=\"true\"").count(), 4);
        assert!(html.contains(">Create the order</button>"));
    }
}
