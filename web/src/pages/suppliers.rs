//! `/suppliers`: the list with its creation form, and one supplier's page (their
//! card, what they supply and their orders). Managers and the owner.

use inventory::purchasing::Order;
use inventory::suppliers::{Supplier, SupplierProduct};
use maud::{Markup, html};

use crate::forms::{FormErrors, Input, TextArea, checkbox, form_error};
use crate::i18n::{self, Msg};
use crate::layout::{PageCtx, csrf_field, page};
use crate::pages::purchasing::orders_table;

/// The card's fields as text: what was typed, shown again after an error, or
/// the supplier's values.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SupplierFormValues {
    pub name: String,
    pub contact_name: String,
    pub email: String,
    pub phone: String,
    pub address: String,
    pub siret: String,
    pub notes: String,
    pub active: bool,
}

impl SupplierFormValues {
    /// An empty card for an active supplier.
    pub fn new() -> Self {
        Self {
            active: true,
            ..Self::default()
        }
    }
}

const NONE: &str = "—";

pub fn suppliers_page(
    ctx: &PageCtx,
    suppliers: &[Supplier],
    values: &SupplierFormValues,
    errors: &FormErrors,
) -> Markup {
    let title = ctx.t(Msg::NavSuppliers);
    let body = html! {
        h1 { (title) }
        section {
            @if suppliers.is_empty() {
                p { (ctx.t(Msg::NoSuppliers)) }
            } @else {
                div.table-wrap { (suppliers_table(ctx, suppliers)) }
            }
        }
        section.card {
            h2 { (ctx.t(Msg::NewSupplierTitle)) }
            (form_error(errors))
            form method="post" action="/suppliers" {
                (csrf_field(ctx))
                (supplier_fields(ctx, values, errors))
                button type="submit" { (ctx.t(Msg::CreateSupplierSubmit)) }
            }
        }
    };
    page(ctx, title, body)
}

fn suppliers_table(ctx: &PageCtx, suppliers: &[Supplier]) -> Markup {
    html! {
        table {
            thead {
                tr {
                    th scope="col" { (ctx.t(Msg::FieldName)) }
                    th scope="col" { (ctx.t(Msg::FieldContactName)) }
                    th scope="col" { (ctx.t(Msg::FieldEmail)) }
                    th scope="col" { (ctx.t(Msg::FieldPhone)) }
                    th scope="col" { (ctx.t(Msg::ColStatus)) }
                }
            }
            tbody {
                @for supplier in suppliers {
                    tr {
                        th scope="row" {
                            a href=(format!("/suppliers/{}", supplier.id)) { (supplier.name) }
                        }
                        td { (supplier.contact_name.as_deref().unwrap_or(NONE)) }
                        td {
                            @match &supplier.email {
                                Some(email) => a href=(format!("mailto:{email}")) { (email) },
                                None => (NONE),
                            }
                        }
                        td { (supplier.phone.as_deref().unwrap_or(NONE)) }
                        td { (active_badge(ctx, supplier.active)) }
                    }
                }
            }
        }
    }
}

fn active_badge(ctx: &PageCtx, active: bool) -> Markup {
    html! {
        @if active {
            span.badge.badge-on { (ctx.t(Msg::StatusActive)) }
        } @else {
            span.badge.badge-off { (ctx.t(Msg::StatusInactive)) }
        }
    }
}

/// The card's fields, shared by the creation and the edit forms.
fn supplier_fields(ctx: &PageCtx, values: &SupplierFormValues, errors: &FormErrors) -> Markup {
    let optional = ctx.t(Msg::Optional);
    html! {
        (Input::text("name", ctx.t(Msg::FieldName))
            .value(&values.name).required().autocomplete("off").render(errors))
        (Input::text("contact_name", ctx.t(Msg::FieldContactName))
            .value(&values.contact_name).optional(optional).autocomplete("off").render(errors))
        (Input::email("email", ctx.t(Msg::FieldEmail))
            .value(&values.email).optional(optional).autocomplete("off").render(errors))
        (Input::text("phone", ctx.t(Msg::FieldPhone))
            .value(&values.phone).optional(optional).inputmode("tel").autocomplete("off")
            .render(errors))
        (TextArea::new("address", ctx.t(Msg::FieldAddress))
            .value(&values.address).optional(optional).render(errors))
        (Input::text("siret", ctx.t(Msg::FieldSiret))
            .value(&values.siret).optional(optional).inputmode("numeric").autocomplete("off")
            .hint(ctx.t(Msg::SiretHint)).render(errors))
        (TextArea::new("notes", ctx.t(Msg::FieldNotes))
            .value(&values.notes).optional(optional).render(errors))
    }
}

pub fn supplier_page(
    ctx: &PageCtx,
    supplier: &Supplier,
    catalogue: &[SupplierProduct],
    orders: &[Order],
    values: &SupplierFormValues,
    errors: &FormErrors,
) -> Markup {
    let title = supplier.name.as_str();
    let body = html! {
        p { a href="/suppliers" { "← " (ctx.t(Msg::BackToSuppliers)) } }
        div.page-head {
            h1 { (title) " " (active_badge(ctx, supplier.active)) }
            div.actions {
                a.button href=(format!("/purchase-orders/new?supplier={}", supplier.id)) {
                    (ctx.t(Msg::NewOrder))
                }
            }
        }
        section.card {
            h2 { (ctx.t(Msg::SupplierCardTitle)) }
            (form_error(errors))
            form method="post" action=(format!("/suppliers/{}", supplier.id)) {
                (csrf_field(ctx))
                (supplier_fields(ctx, values, errors))
                (checkbox("active", ctx.t(Msg::FieldSupplierActive), values.active,
                    Some(ctx.t(Msg::SupplierActiveHint)), errors))
                button type="submit" { (ctx.t(Msg::Save)) }
            }
        }
        section {
            h2 { (ctx.t(Msg::SupplierCatalogueTitle)) }
            @if catalogue.is_empty() {
                p { (ctx.t(Msg::NoSupplierProducts)) }
            } @else {
                div.table-wrap { (catalogue_table(ctx, catalogue)) }
            }
            form.card method="post" action=(format!("/suppliers/{}/terms", supplier.id)) {
                h3 { (ctx.t(Msg::TermsTitle)) }
                (csrf_field(ctx))
                (Input::text("product", ctx.t(Msg::TermsProduct)).required().hint(ctx.t(Msg::TermsProductHint)).render(errors))
                (Input::text("supplier_reference", ctx.t(Msg::TermsReference)).optional(ctx.t(Msg::Optional)).render(errors))
                (Input::text("cost", ctx.t(Msg::TermsCost)).inputmode("decimal").optional(ctx.t(Msg::Optional)).render(errors))
                (Input::text("pack_size", ctx.t(Msg::TermsPack)).inputmode("decimal").optional(ctx.t(Msg::Optional)).render(errors))
                (Input::text("lead_time_days", ctx.t(Msg::TermsLeadTime)).inputmode("numeric").optional(ctx.t(Msg::Optional)).render(errors))
                button type="submit" { (ctx.t(Msg::Save)) }
            }
        }
        section {
            h2 { (ctx.t(Msg::SupplierOrdersTitle)) }
            @if orders.is_empty() {
                p { (ctx.t(Msg::NoOrders)) }
            } @else {
                div.table-wrap { (orders_table(ctx, orders, false)) }
            }
        }
    };
    page(ctx, title, body)
}

fn catalogue_table(ctx: &PageCtx, catalogue: &[SupplierProduct]) -> Markup {
    html! {
        table {
            thead {
                tr {
                    th scope="col" { (ctx.t(Msg::ColProduct)) }
                    th scope="col" { (ctx.t(Msg::ColReference)) }
                    th.num scope="col" { (ctx.t(Msg::ColCost)) }
                    th.num scope="col" { (ctx.t(Msg::ColPackSize)) }
                    th.num scope="col" { (ctx.t(Msg::ColLeadTime)) }
                }
            }
            tbody {
                @for item in catalogue {
                    tr {
                        th scope="row" {
                            a href=(format!("/products/{}", item.product_id)) { (item.product_name) }
                        }
                        td {
                            @match &item.supplier_reference {
                                Some(reference) => code { (reference) },
                                None => (NONE),
                            }
                        }
                        td.num { (item.cost.map_or(NONE.to_owned(), |c| c.to_french())) }
                        td.num { (item.pack_size.to_french()) }
                        td.num {
                            @match item.lead_time_days {
                                Some(days) => (i18n::plural(ctx.lang, days, Msg::LeadTimeDaysOne, Msg::LeadTimeDaysOther)),
                                None => (NONE),
                            }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use db::Role;
    use inventory::purchasing::OrderStatus;

    use super::*;
    use crate::i18n::Lang;
    use crate::test_support::{goods, no_empty_class, signed_in};

    fn render_list(lang: Lang, values: &SupplierFormValues, errors: &FormErrors) -> String {
        let suppliers = [goods::supplier(), goods::old_supplier()];
        no_empty_class(
            suppliers_page(&signed_in(lang, Role::Manager), &suppliers, values, errors)
                .into_string(),
        )
    }

    fn render_one(lang: Lang, errors: &FormErrors) -> String {
        let supplier = goods::supplier();
        let values = SupplierFormValues {
            name: supplier.name.clone(),
            contact_name: "Marc Olive".into(),
            email: "marc@vergers.example".into(),
            phone: "04 90 00 00 00".into(),
            address: "Chemin des Abricotiers\n84000 Avignon".into(),
            siret: "12345678901234".into(),
            notes: String::new(),
            active: true,
        };
        no_empty_class(
            supplier_page(
                &signed_in(lang, Role::Manager),
                &supplier,
                &goods::supplier_catalogue(),
                &[goods::order(OrderStatus::Sent)],
                &values,
                errors,
            )
            .into_string(),
        )
    }

    const FIELDS: [&str; 8] = [
        "_csrf",
        "name",
        "contact_name",
        "email",
        "phone",
        "address",
        "siret",
        "notes",
    ];

    #[test]
    fn lists_suppliers_in_french_with_the_creation_form() {
        let html = render_list(Lang::Fr, &SupplierFormValues::new(), &FormErrors::new());
        assert!(html.contains("<title>Fournisseurs · Comptoir</title>"));
        assert!(html.contains(
            "<th scope=\"row\"><a href=\"/suppliers/4\">Les Vergers &lt;du Sud&gt;</a></th>\
             <td>Marc Olive</td>\
             <td><a href=\"mailto:marc@vergers.example\">marc@vergers.example</a></td>\
             <td>04 90 00 00 00</td><td><span class=\"badge badge-on\">Actif</span></td>"
        ));
        assert!(html.contains(
            "<td>—</td><td>—</td><td>—</td><td><span class=\"badge badge-off\">Inactif</span></td>"
        ));
        assert!(html.contains("<h2>Nouveau fournisseur</h2>"));
        assert!(html.contains("method=\"post\" action=\"/suppliers\">"));
        for field in FIELDS {
            assert!(
                html.contains(&format!("name=\"{field}\"")),
                "missing {field}"
            );
        }
        assert!(html.contains("<textarea name=\"address\""));
        assert!(html.contains("type=\"email\" name=\"email\""));
        assert!(html.contains("<p class=\"hint\" id=\"field-siret-hint\">14 chiffres</p>"));
        assert!(
            !html.contains("name=\"active\""),
            "a new supplier is active"
        );
        assert!(html.contains(">Créer le fournisseur</button>"));
    }

    #[test]
    fn lists_suppliers_in_english_and_keeps_what_was_typed() {
        let values = SupplierFormValues {
            name: "Moulin".into(),
            siret: "123".into(),
            ..SupplierFormValues::new()
        };
        let errors = FormErrors::new().with("siret", "Invalid SIRET “123”: 14 digits.");
        let html = render_list(Lang::En, &values, &errors);
        assert!(html.contains("<title>Suppliers · Comptoir</title>"));
        assert!(html.contains("<span class=\"badge badge-off\">Inactive</span>"));
        assert!(html.contains("<h2>New supplier</h2>"));
        assert!(html.contains("value=\"Moulin\""));
        assert!(html.contains("value=\"123\""));
        assert!(html.contains(
            "id=\"field-siret-error\" role=\"alert\">Invalid SIRET “123”: 14 digits.</p>"
        ));
    }

    #[test]
    fn no_supplier_yet() {
        let html = suppliers_page(
            &signed_in(Lang::Fr, Role::Owner),
            &[],
            &SupplierFormValues::new(),
            &FormErrors::new(),
        )
        .into_string();
        assert!(html.contains("<p>Aucun fournisseur.</p>"));
        assert!(!html.contains("<table"));
    }

    #[test]
    fn a_supplier_s_page_in_french() {
        let html = render_one(Lang::Fr, &FormErrors::new());
        assert!(html.contains("<title>Les Vergers &lt;du Sud&gt; · Comptoir</title>"));
        assert!(html.contains(
            "<a class=\"button\" href=\"/purchase-orders/new?supplier=4\">Nouvelle commande</a>"
        ));
        assert!(html.contains("method=\"post\" action=\"/suppliers/4\">"));
        for field in FIELDS {
            assert!(
                html.contains(&format!("name=\"{field}\"")),
                "missing {field}"
            );
        }
        assert!(html.contains(">Chemin des Abricotiers\n84000 Avignon</textarea>"));
        assert!(html.contains("name=\"active\" id=\"field-active\" value=\"on\" checked"));
        assert!(html.contains(">Fournisseur actif"));
        // What they supply.
        assert!(html.contains(
            "<th scope=\"row\"><a href=\"/products/12\">Confiture d'abricot &lt;bio&gt;</a></th>\
             <td><code>CONF-AB-370</code></td><td class=\"num\">2,10\u{a0}€</td>\
             <td class=\"num\">6</td><td class=\"num\">3\u{a0}jours</td>"
        ));
        // Their orders.
        assert!(html.contains("<h2>Ses commandes</h2>"));
        assert!(html.contains("<a href=\"/purchase-orders/3\">CF-00003</a>"));
        assert!(html.contains("Envoyée"));
        assert!(html.contains("53,43\u{a0}€"));
    }

    #[test]
    fn a_supplier_s_page_in_english() {
        let html = render_one(Lang::En, &FormErrors::new().with("email", "Invalid"));
        assert!(html.contains(">New order</a>"));
        assert!(html.contains("<h2>What they supply</h2>"));
        assert!(html.contains("<td class=\"num\">3 days</td>"));
        assert!(html.contains("<h2>Their orders</h2>"));
        assert!(html.contains("<span class=\"badge status-sent\">Sent</span>"));
        assert!(html.contains(">Active supplier"));
        assert!(html.contains("id=\"field-email-error\" role=\"alert\">Invalid</p>"));
    }

    #[test]
    fn an_empty_catalogue_and_no_orders_say_so() {
        let html = supplier_page(
            &signed_in(Lang::Fr, Role::Manager),
            &goods::old_supplier(),
            &[],
            &[],
            &SupplierFormValues::new(),
            &FormErrors::new(),
        )
        .into_string();
        assert!(html.contains("<p>Aucun produit référencé chez ce fournisseur.</p>"));
        assert!(html.contains("<p>Aucune commande.</p>"));
    }
}
