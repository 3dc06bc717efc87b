//! `/products/new` and `/products/{id}/edit`: one form for both, posted to
//! `/products` or `/products/{id}`.

use inventory::catalogue::Unit;
use inventory::catalogue::categories::Category;
use inventory::suppliers::Supplier;
use inventory::vat::VatRate;
use maud::{Markup, html};

use super::vat_hundredths;
use crate::forms::{FormErrors, Input, Select, TextArea, checkbox, form_error};
use crate::i18n::{self, Msg};
use crate::layout::{PageCtx, csrf_field, page};

/// The form's fields as text: what was typed, shown again after an error, or
/// the product's values when editing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProductFormValues {
    pub name: String,
    /// Comma or newline separated.
    pub barcodes: String,
    pub price: String,
    /// A VAT code (`5.5`).
    pub vat_rate: String,
    /// `piece`, `kg`, `l` or `m`.
    pub unit: String,
    /// A category path (`Épicerie > Confitures`).
    pub category: String,
    pub cost: String,
    pub reorder_level: String,
    /// A supplier id, `""` for none.
    pub preferred_supplier_id: String,
    pub active: bool,
}

impl ProductFormValues {
    /// An empty form for a product on sale.
    pub fn new() -> Self {
        Self {
            active: true,
            ..Self::default()
        }
    }
}

const UNITS: [(Unit, Msg); 4] = [
    (Unit::Piece, Msg::UnitPieceWords),
    (Unit::Kg, Msg::UnitKgWords),
    (Unit::L, Msg::UnitLWords),
    (Unit::M, Msg::UnitMWords),
];

/// The new product's form (`product_id` `None`) or an existing one's.
pub fn product_form_page(
    ctx: &PageCtx,
    product_id: Option<i64>,
    values: &ProductFormValues,
    errors: &FormErrors,
    vat_rates: &[VatRate],
    categories: &[Category],
    suppliers: &[Supplier],
) -> Markup {
    let (title, action, back, back_label, submit) = match product_id {
        Some(id) => (
            ctx.t(Msg::EditProductTitle),
            format!("/products/{id}"),
            format!("/products/{id}"),
            Msg::BackToProduct,
            Msg::Save,
        ),
        None => (
            ctx.t(Msg::NewProduct),
            "/products".to_owned(),
            "/products".to_owned(),
            Msg::BackToProducts,
            Msg::CreateProductSubmit,
        ),
    };
    let optional = ctx.t(Msg::Optional);
    let body = html! {
        p { a href=(back) { "← " (ctx.t(back_label)) } }
        h1 { (title) }
        (form_error(errors))
        form.card method="post" action=(action) {
            (csrf_field(ctx))
            (Input::text("name", ctx.t(Msg::FieldName))
                .value(&values.name).required().autocomplete("off").render(errors))
            (TextArea::new("barcodes", ctx.t(Msg::FieldBarcodes))
                .value(&values.barcodes).rows(2).optional(optional)
                .hint(ctx.t(Msg::BarcodesHint)).render(errors))
            (Input::text("price", ctx.t(Msg::FieldPrice))
                .value(&values.price).required().inputmode("decimal").autocomplete("off")
                .hint(ctx.t(Msg::PriceHint)).render(errors))
            (vat_select(ctx, vat_rates, &values.vat_rate, errors))
            (unit_select(ctx, &values.unit, errors))
            (Input::text("category", ctx.t(Msg::FieldCategory))
                .value(&values.category).optional(optional).autocomplete("off")
                .list("category-paths").hint(ctx.t(Msg::CategoryHint)).render(errors))
            datalist #category-paths {
                @for category in categories {
                    option value=(category.path) {}
                }
            }
            (Input::text("cost", ctx.t(Msg::FieldCost))
                .value(&values.cost).optional(optional).inputmode("decimal").autocomplete("off")
                .hint(ctx.t(Msg::CostHint)).render(errors))
            (Input::text("reorder_level", ctx.t(Msg::FieldReorderLevel))
                .value(&values.reorder_level).optional(optional).inputmode("decimal")
                .autocomplete("off").hint(ctx.t(Msg::ReorderLevelHint)).render(errors))
            (supplier_select(ctx, suppliers, &values.preferred_supplier_id, errors))
            @if product_id.is_some() {
                (checkbox("active", ctx.t(Msg::FieldOnSale), values.active, None, errors))
            }
            button type="submit" { (ctx.t(submit)) }
        }
    };
    page(ctx, title, body)
}

/// The rates in force, `5,5 %` in words; the typed code is matched by value so
/// that `5,5` or `5.50` still selects 5.5 %.
fn vat_select(ctx: &PageCtx, rates: &[VatRate], typed: &str, errors: &FormErrors) -> Markup {
    let wanted = vat_hundredths(typed.trim().trim_end_matches('%').trim());
    let labels: Vec<String> = rates
        .iter()
        // The percentage in force, which a line keeps its code through a change of.
        .map(|rate| i18n::percent(ctx.lang, rate.rate, 2, true))
        .collect();
    let selected = rates
        .iter()
        .find(|rate| Some(rate.rate) == wanted)
        .map(|rate| rate.code.as_str());
    Select {
        name: "vat_rate",
        label: ctx.t(Msg::FieldVatRate),
        options: rates
            .iter()
            .zip(&labels)
            .map(|(rate, label)| (rate.code.as_str(), label.as_str()))
            .collect(),
        selected,
        placeholder: selected.is_none().then(|| ctx.t(Msg::ChooseVatRate)),
        required: true,
    }
    .render(errors)
}

fn unit_select(ctx: &PageCtx, typed: &str, errors: &FormErrors) -> Markup {
    Select {
        name: "unit",
        label: ctx.t(Msg::FieldUnit),
        options: UNITS
            .iter()
            .map(|(unit, words)| (unit.as_str(), ctx.t(*words)))
            .collect(),
        // An empty or unreadable unit falls back to the piece, as the catalogue does.
        selected: Some(
            typed
                .parse::<Unit>()
                .map_or(Unit::Piece, |unit| unit)
                .as_str(),
        ),
        placeholder: None,
        required: true,
    }
    .render(errors)
}

/// Active suppliers, and the chosen one even if no longer active.
fn supplier_select(
    ctx: &PageCtx,
    suppliers: &[Supplier],
    typed: &str,
    errors: &FormErrors,
) -> Markup {
    let typed = typed.trim();
    let shown: Vec<(String, &str)> = suppliers
        .iter()
        .filter(|s| s.active || s.id.to_string() == typed)
        .map(|s| (s.id.to_string(), s.name.as_str()))
        .collect();
    let selected = shown
        .iter()
        .find(|(id, _)| id == typed)
        .map(|(id, _)| id.as_str());
    Select {
        name: "preferred_supplier_id",
        label: ctx.t(Msg::FieldPreferredSupplier),
        options: shown
            .iter()
            .map(|(id, name)| (id.as_str(), *name))
            .collect(),
        selected,
        placeholder: Some(ctx.t(Msg::NoSupplierChoice)),
        required: false,
    }
    .render(errors)
}

#[cfg(test)]
mod tests {
    use db::Role;

    use super::*;
    use crate::i18n::Lang;
    use crate::test_support::{goods, no_empty_class, signed_in};

    fn values() -> ProductFormValues {
        ProductFormValues {
            name: "Confiture <bio>".into(),
            barcodes: "3760123456789\n12345".into(),
            price: "4,95".into(),
            vat_rate: "5,5".into(),
            unit: "kg".into(),
            category: "Épicerie > Confitures".into(),
            cost: "2,10".into(),
            reorder_level: "5".into(),
            preferred_supplier_id: "5".into(),
            active: false,
        }
    }

    fn render(
        lang: Lang,
        id: Option<i64>,
        values: &ProductFormValues,
        errors: &FormErrors,
    ) -> String {
        no_empty_class(
            product_form_page(
                &signed_in(lang, Role::Manager),
                id,
                values,
                errors,
                &goods::vat_rates(),
                &goods::categories(),
                &[goods::supplier(), goods::old_supplier()],
            )
            .into_string(),
        )
    }

    #[test]
    fn a_new_product_in_french() {
        let html = render(
            Lang::Fr,
            None,
            &ProductFormValues::new(),
            &FormErrors::new(),
        );
        assert!(html.contains("<title>Nouveau produit · Comptoir</title>"));
        assert!(html.contains("<form class=\"card\" method=\"post\" action=\"/products\">"));
        assert!(html.contains("name=\"_csrf\" value=\"csrf-123\""));
        for field in [
            "name",
            "barcodes",
            "price",
            "vat_rate",
            "unit",
            "category",
            "cost",
            "reorder_level",
            "preferred_supplier_id",
        ] {
            assert!(
                html.contains(&format!("name=\"{field}\"")),
                "missing {field}"
            );
        }
        assert!(
            !html.contains("name=\"active\""),
            "a new product is on sale"
        );
        assert!(html.contains("Un par ligne\u{a0}; EAN-13, EAN-8, UPC-A ou code interne"));
        assert!(html.contains(">Prix de vente TTC</label>"));
        assert!(html.contains("inputmode=\"decimal\""));
        assert!(html.contains("<p class=\"hint\" id=\"field-price-hint\">ex. 4,95</p>"));
        assert!(html.contains("<option value=\"\" selected>— Choisir un taux —</option>"));
        assert!(html.contains("<option value=\"5.5\">5,5\u{a0}%</option>"));
        assert!(html.contains("<option value=\"piece\" selected>à la pièce</option>"));
        assert!(html.contains("<option value=\"kg\">au kilo</option>"));
        assert!(html.contains("<option value=\"l\">au litre</option>"));
        assert!(html.contains("<option value=\"m\">au mètre</option>"));
        assert!(html.contains("list=\"category-paths\""));
        assert!(html.contains(
            "<datalist id=\"category-paths\"><option value=\"Épicerie\"></option>\
             <option value=\"Épicerie &gt; Confitures\"></option></datalist>"
        ));
        assert!(html.contains("créée si elle n’existe pas"));
        assert!(html.contains(">Seuil de réapprovisionnement"));
        assert!(html.contains("<option value=\"\" selected>— Aucun —</option>"));
        assert!(html.contains("<option value=\"4\">Les Vergers &lt;du Sud&gt;</option>"));
        assert!(
            !html.contains("Ancien grossiste"),
            "inactive suppliers are not offered"
        );
        assert!(html.contains("<button type=\"submit\">Créer le produit</button>"));
    }

    #[test]
    fn editing_shows_the_values_and_the_on_sale_box_in_english() {
        let html = render(Lang::En, Some(12), &values(), &FormErrors::new());
        assert!(html.contains("<title>Edit the product · Comptoir</title>"));
        assert!(html.contains("method=\"post\" action=\"/products/12\">"));
        assert!(html.contains("<a href=\"/products/12\">← Back to the product</a>"));
        assert!(html.contains("value=\"Confiture &lt;bio&gt;\""));
        assert!(html.contains(">3760123456789\n12345</textarea>"));
        assert!(html.contains("<option value=\"5.5\" selected>5.5%</option>"));
        assert!(html.contains("<option value=\"kg\" selected>by the kilo</option>"));
        assert!(html.contains("value=\"Épicerie &gt; Confitures\""));
        assert!(html.contains("<option value=\"5\" selected>Ancien grossiste</option>"));
        assert!(html.contains(
            "name=\"active\" id=\"field-active\" value=\"on\">On sale (unticked: archived)"
        ));
        assert!(html.contains("<button type=\"submit\">Save</button>"));
    }

    #[test]
    fn errors_sit_under_their_fields_and_the_general_one_on_top() {
        let errors = FormErrors::new()
            .with("barcodes", "Code-barres invalide")
            .with("", "Conflit");
        let html = render(Lang::Fr, None, &values(), &errors);
        assert!(html.contains("<div class=\"alert\" role=\"alert\">Conflit</div>"));
        let textarea = html
            .find("<textarea name=\"barcodes\"")
            .unwrap_or(usize::MAX);
        let error = html
            .find("<p class=\"field-error\" id=\"field-barcodes-error\" role=\"alert\">Code-barres invalide</p>")
            .unwrap_or(0);
        assert!(textarea < error);
    }
}
