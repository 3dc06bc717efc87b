//! `/products/import`: a spreadsheet of products in, and what became of each line.

use maud::{Markup, html};

use crate::forms::{FormErrors, form_error};
use crate::i18n::{Msg, tf};
use crate::layout::{PageCtx, csrf_field, page};

/// What an import did, already in words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportOutcome {
    pub created: usize,
    pub updated: usize,
    /// (line, reason)
    pub rejected: Vec<(u64, String)>,
}

pub fn import_page(ctx: &PageCtx, outcome: Option<&ImportOutcome>, errors: &FormErrors) -> Markup {
    let title = ctx.t(Msg::ImportTitle);
    let body = html! {
        p { a href="/products" { "← " (ctx.t(Msg::BackToProducts)) } }
        h1 { (title) }
        (form_error(errors))
        @if let Some(outcome) = outcome {
            section.card {
                h2 { (ctx.t(Msg::ImportResult)) }
                p {
                    (tf(ctx.lang, Msg::ImportSummary, &[
                        ("created", &outcome.created.to_string()),
                        ("updated", &outcome.updated.to_string()),
                        ("rejected", &outcome.rejected.len().to_string()),
                    ]))
                }
                @if !outcome.rejected.is_empty() {
                    table.import-rejected {
                        thead { tr { th.num { (ctx.t(Msg::ImportLine)) } th { (ctx.t(Msg::ImportReason)) } } }
                        tbody {
                            @for (line, reason) in &outcome.rejected {
                                tr { td.num { (line) } td { (reason) } }
                            }
                        }
                    }
                }
            }
        }
        section.card {
            p { (ctx.t(Msg::ImportHelp)) }
            form method="post" action="/products/import" enctype="multipart/form-data" {
                (csrf_field(ctx))
                div.field {
                    label for="field-file" { (ctx.t(Msg::ImportFile)) }
                    input #field-file type="file" name="file" accept=".csv,text/csv" required;
                }
                button type="submit" { (ctx.t(Msg::ImportSubmit)) }
            }
        }
    };
    page(ctx, title, body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::test_support::signed_in;

    #[test]
    fn the_form_uploads_a_file_and_the_outcome_lists_refused_lines() {
        let ctx = signed_in(Lang::Fr, db::Role::Manager);
        let html = import_page(&ctx, None, &FormErrors::new()).into_string();
        assert!(html.contains("enctype=\"multipart/form-data\""));
        assert!(html.contains("name=\"file\""));
        assert!(html.contains("name=\"_csrf\""));
        let outcome = ImportOutcome {
            created: 2,
            updated: 1,
            rejected: vec![(4, "prix invalide".into())],
        };
        let html = import_page(&ctx, Some(&outcome), &FormErrors::new()).into_string();
        assert!(html.contains("prix invalide"));
        assert!(html.contains("<td class=\"num\">4</td>"));
        let html = import_page(
            &signed_in(Lang::En, db::Role::Manager),
            Some(&outcome),
            &FormErrors::new(),
        )
        .into_string();
        assert!(html.contains("2 created, 1 updated, 1 refused"));
    }
}
