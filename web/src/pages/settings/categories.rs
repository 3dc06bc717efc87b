//! `/settings/categories`: the tree as a list of paths, and one category's page
//! to rename it or move it elsewhere in the tree. Managers and the owner.

use inventory::catalogue::categories::Category;
use maud::{Markup, html};
use std::collections::HashMap;

use super::back_link;
use crate::forms::{FormErrors, Input, Select, form_error};
use crate::i18n::Msg;
use crate::layout::{PageCtx, csrf_field, page};

pub fn categories_page(
    ctx: &PageCtx,
    categories: &[Category],
    product_counts: &HashMap<i64, i64>,
) -> Markup {
    let title = ctx.t(Msg::CategoriesTitle);
    let body = html! {
        (back_link(ctx))
        h1 { (title) }
        p { (ctx.t(Msg::CategoriesIntro)) }
        @if categories.is_empty() {
            p { (ctx.t(Msg::NoCategories)) }
        } @else {
            div.table-wrap {
                table {
                    thead {
                        tr {
                            th scope="col" { (ctx.t(Msg::ColCategory)) }
                            th.num scope="col" { (ctx.t(Msg::ColProductCount)) }
                        }
                    }
                    tbody {
                        @for category in categories {
                            tr {
                                th scope="row" {
                                    a href=(format!("/settings/categories/{}", category.id)) { (category.path) }
                                }
                                td.num {
                                    a href=(format!("/products?category={}", category.id)) {
                                        (product_counts.get(&category.id).copied().unwrap_or(0))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    page(ctx, title, body)
}

/// What was typed, shown again after a refusal.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CategoryFormValues {
    pub name: String,
    /// The chosen parent's id as text; empty for the top level.
    pub parent: String,
}

/// One category: rename it, or move it (with its branch) under another parent.
/// `descendants` (itself included) are not offered as parents.
pub fn category_page(
    ctx: &PageCtx,
    category: &Category,
    all: &[Category],
    descendants: &[i64],
    values: &CategoryFormValues,
    errors: &FormErrors,
) -> Markup {
    let title = category.path.as_str();
    let parents: Vec<(String, &str)> = all
        .iter()
        .filter(|c| !descendants.contains(&c.id))
        .map(|c| (c.id.to_string(), c.path.as_str()))
        .collect();
    let body = html! {
        p { a href="/settings/categories" { "← " (ctx.t(Msg::CategoriesTitle)) } }
        h1 { (title) }
        (form_error(errors))
        section.card {
            h2 { (ctx.t(Msg::RenameSubmit)) }
            form method="post" action=(format!("/settings/categories/{}/rename", category.id)) {
                (csrf_field(ctx))
                (Input::text("name", ctx.t(Msg::FieldNewName)).value(&values.name).required()
                    .autocomplete("off").render(errors))
                button type="submit" { (ctx.t(Msg::RenameSubmit)) }
            }
        }
        section.card {
            h2 { (ctx.t(Msg::MoveSubmit)) }
            form method="post" action=(format!("/settings/categories/{}/move", category.id)) {
                (csrf_field(ctx))
                (Select {
                    name: "parent",
                    label: ctx.t(Msg::FieldMoveUnder),
                    options: std::iter::once(("", ctx.t(Msg::TopLevel)))
                        .chain(parents.iter().map(|(id, path)| (id.as_str(), *path)))
                        .collect(),
                    selected: Some(values.parent.as_str()),
                    placeholder: None,
                    required: false,
                }
                .render(errors))
                button type="submit" { (ctx.t(Msg::MoveSubmit)) }
            }
        }
    };
    page(ctx, title, body)
}

#[cfg(test)]
mod tests {
    use db::Role;

    use super::*;
    use crate::i18n::Lang;
    use crate::test_support::{goods, no_empty_class, signed_in};

    #[test]
    fn the_tree_is_listed_by_path_with_product_counts() {
        let counts = HashMap::from([(3, 12)]);
        let html = no_empty_class(
            categories_page(
                &signed_in(Lang::Fr, Role::Manager),
                &goods::categories(),
                &counts,
            )
            .into_string(),
        );
        assert!(html.contains("<title>Catégories · Comptoir</title>"));
        assert!(html.contains(
            "<th scope=\"row\"><a href=\"/settings/categories/3\">Épicerie &gt; Confitures</a></th>\
             <td class=\"num\"><a href=\"/products?category=3\">12</a></td>"
        ));
        assert!(html.contains("<a href=\"/products?category=2\">0</a>"));
        let html = categories_page(&signed_in(Lang::En, Role::Owner), &[], &counts).into_string();
        assert!(html.contains("No category yet"));
        assert!(!html.contains("<table"));
    }

    #[test]
    fn a_category_can_be_renamed_or_moved_but_not_under_itself() {
        let all = goods::categories();
        let values = CategoryFormValues {
            name: "Confitures".into(),
            parent: "2".into(),
        };
        let errors = FormErrors::new().with("parent", "Pas sous elle-même.");
        let html = no_empty_class(
            category_page(
                &signed_in(Lang::Fr, Role::Manager),
                &all[1],
                &all,
                &[3],
                &values,
                &errors,
            )
            .into_string(),
        );
        assert!(html.contains("action=\"/settings/categories/3/rename\""));
        assert!(html.contains("action=\"/settings/categories/3/move\""));
        assert!(html.contains("value=\"Confitures\""));
        assert!(html.contains("<option value=\"\">— Premier niveau —</option>"));
        assert!(html.contains("<option value=\"2\" selected>Épicerie</option>"));
        assert!(!html.contains("<option value=\"3\""), "not under itself");
        assert!(html.contains("id=\"field-parent-error\" role=\"alert\">Pas sous elle-même.</p>"));
    }
}
