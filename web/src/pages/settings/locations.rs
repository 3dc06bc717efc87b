//! `/settings/locations`: where stock stands, with what it is worth there; a
//! new location; one location's page to rename it. The owner.

use inventory::stock::{Location, LocationValue};
use maud::{Markup, html};

use super::back_link;
use crate::forms::{FormErrors, Input, form_error};
use crate::i18n::Msg;
use crate::layout::{PageCtx, csrf_field, page};

pub fn locations_page(
    ctx: &PageCtx,
    locations: &[LocationValue],
    name: &str,
    errors: &FormErrors,
) -> Markup {
    let title = ctx.t(Msg::LocationsTitle);
    let body = html! {
        (back_link(ctx))
        h1 { (title) }
        p { (ctx.t(Msg::LocationsIntro)) }
        div.table-wrap {
            table {
                thead {
                    tr {
                        th scope="col" { (ctx.t(Msg::ColLocation)) }
                        th.num scope="col" { (ctx.t(Msg::ColInStock)) }
                        th.num scope="col" { (ctx.t(Msg::ColStockValue)) }
                    }
                }
                tbody {
                    @for item in locations {
                        tr {
                            th scope="row" {
                                a href=(format!("/settings/locations/{}", item.location.id)) { (item.location.name) }
                                @if item.location.is_sales_floor {
                                    " " span.badge.badge-on { (ctx.t(Msg::SalesFloorBadge)) }
                                }
                            }
                            td.num { (item.products_in_stock) }
                            td.num { (item.value.to_french()) }
                        }
                    }
                }
            }
        }
        section.card {
            h2 { (ctx.t(Msg::NewLocationTitle)) }
            (form_error(errors))
            form method="post" action="/settings/locations" {
                (csrf_field(ctx))
                (Input::text("name", ctx.t(Msg::FieldName)).value(name).required()
                    .autocomplete("off").render(errors))
                button type="submit" { (ctx.t(Msg::CreateLocationSubmit)) }
            }
        }
    };
    page(ctx, title, body)
}

/// One location, to rename it.
pub fn location_page(
    ctx: &PageCtx,
    location: &Location,
    name: &str,
    errors: &FormErrors,
) -> Markup {
    let title = location.name.as_str();
    let body = html! {
        p { a href="/settings/locations" { "← " (ctx.t(Msg::LocationsTitle)) } }
        h1 { (title) }
        section.card {
            (form_error(errors))
            form method="post" action=(format!("/settings/locations/{}/rename", location.id)) {
                (csrf_field(ctx))
                (Input::text("name", ctx.t(Msg::FieldNewName)).value(name).required()
                    .autocomplete("off").render(errors))
                button type="submit" { (ctx.t(Msg::RenameSubmit)) }
            }
        }
    };
    page(ctx, title, body)
}

#[cfg(test)]
mod tests {
    use db::{Money, Role};

    use super::*;
    use crate::i18n::Lang;
    use crate::test_support::{goods, no_empty_class, signed_in};

    fn values() -> Vec<LocationValue> {
        vec![LocationValue {
            location: goods::floor(),
            value: Money::from_cents(123_456),
            products_in_stock: 42,
            below_zero: 1,
            without_cost: 0,
        }]
    }

    #[test]
    fn locations_are_listed_with_their_value_and_a_creation_form() {
        let html = no_empty_class(
            locations_page(
                &signed_in(Lang::Fr, Role::Owner),
                &values(),
                "",
                &FormErrors::new(),
            )
            .into_string(),
        );
        assert!(html.contains("<title>Emplacements · Comptoir</title>"));
        assert!(html.contains(
            "<a href=\"/settings/locations/1\">Magasin</a> <span class=\"badge badge-on\">vente</span>"
        ));
        assert!(
            html.contains("<td class=\"num\">42</td><td class=\"num\">1\u{a0}234,56\u{a0}€</td>")
        );
        assert!(html.contains("action=\"/settings/locations\""));
        assert!(html.contains(">Créer l’emplacement</button>"));
    }

    #[test]
    fn a_refused_name_is_shown_next_to_the_field() {
        let errors = FormErrors::new().with("name", "Already there.");
        let html = location_page(
            &signed_in(Lang::En, Role::Owner),
            &goods::floor(),
            "Réserve",
            &errors,
        )
        .into_string();
        assert!(html.contains("action=\"/settings/locations/1/rename\""));
        assert!(html.contains("value=\"Réserve\""));
        assert!(html.contains("id=\"field-name-error\" role=\"alert\">Already there.</p>"));
        assert!(html.contains(">Rename</button>"));
    }
}
