//! `/customers/import`: a spreadsheet of customers in, and what became of each
//! line: the refused ones with their reason, the likely duplicates with the
//! fiche they match.

use maud::{Markup, html};

use super::{back_to_list, customer_href};
use crate::forms::{FormErrors, form_error};
use crate::i18n::{Msg, tf};
use crate::layout::{PageCtx, csrf_field, page};

/// What an import did, already in words.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CustomerImportOutcome {
    pub created: usize,
    /// Lines refused for a bad value: (line, reason).
    pub rejected: Vec<(u64, String)>,
    /// Lines refused as likely duplicates.
    pub duplicates: Vec<DuplicateLine>,
}

/// A line left out because its e-mail or phone is already someone's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateLine {
    pub line: u64,
    pub reason: String,
    /// The fiche it matches (id, name): one already on file, or the one an
    /// earlier line of the file made.
    pub existing: Option<(i64, String)>,
}

pub fn customer_import_page(
    ctx: &PageCtx,
    outcome: Option<&CustomerImportOutcome>,
    errors: &FormErrors,
) -> Markup {
    let title = ctx.t(Msg::CustomerImportTitle);
    let body = html! {
        (back_to_list(ctx))
        h1 { (title) }
        (form_error(errors))
        @if let Some(outcome) = outcome {
            (report(ctx, outcome))
        }
        section.card {
            p { (ctx.t(Msg::CustomerImportHelp)) }
            form method="post" action="/customers/import" enctype="multipart/form-data" {
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

fn report(ctx: &PageCtx, outcome: &CustomerImportOutcome) -> Markup {
    let refused = outcome.rejected.len() + outcome.duplicates.len();
    html! {
        section.card #import-report {
            h2 { (ctx.t(Msg::ImportResult)) }
            p {
                (tf(ctx.lang, Msg::CustomerImportSummary, &[
                    ("created", &outcome.created.to_string()),
                    ("rejected", &refused.to_string()),
                ]))
            }
            @if !outcome.rejected.is_empty() {
                h3 { (ctx.t(Msg::CustomerImportRefused)) }
                table.import-rejected #import-rejected {
                    thead { tr { th.num { (ctx.t(Msg::ImportLine)) } th { (ctx.t(Msg::ImportReason)) } } }
                    tbody {
                        @for (line, reason) in &outcome.rejected {
                            tr { td.num { (line) } td { (reason) } }
                        }
                    }
                }
            }
            @if !outcome.duplicates.is_empty() {
                h3 { (ctx.t(Msg::CustomerImportDuplicates)) }
                table.import-rejected #import-duplicates {
                    thead {
                        tr {
                            th.num { (ctx.t(Msg::ImportLine)) }
                            th { (ctx.t(Msg::ImportReason)) }
                            th { (ctx.t(Msg::CustomerImportExisting)) }
                        }
                    }
                    tbody {
                        @for duplicate in &outcome.duplicates {
                            tr {
                                td.num { (duplicate.line) }
                                td { (duplicate.reason) }
                                td {
                                    @match &duplicate.existing {
                                        Some((id, name)) => {
                                            a href=(customer_href(*id)) { (name) }
                                            " "
                                            span.muted { "(" (tf(ctx.lang, Msg::CustomerNumber, &[("id", &id.to_string())])) ")" }
                                        }
                                        None => span.muted { (super::NONE) },
                                    }
                                }
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
    use super::*;
    use crate::i18n::Lang;
    use crate::test_support::{no_empty_class, pretty, signed_in};

    fn outcome() -> CustomerImportOutcome {
        CustomerImportOutcome {
            created: 2,
            rejected: vec![(3, "Adresse e-mail invalide".into())],
            duplicates: vec![
                DuplicateLine {
                    line: 4,
                    reason: "même e-mail qu’à la ligne 2 (doublon probable)".into(),
                    existing: Some((12, "Hélène <Dupont>".into())),
                },
                DuplicateLine {
                    line: 5,
                    reason: "même téléphone".into(),
                    existing: None,
                },
            ],
        }
    }

    #[test]
    fn the_form_uploads_a_file_with_its_csrf_field() {
        let ctx = signed_in(Lang::Fr, db::Role::Manager);
        let html =
            no_empty_class(customer_import_page(&ctx, None, &FormErrors::new()).into_string());
        assert!(html.contains("<title>Importer des clients · Comptoir</title>"));
        assert!(html.contains("action=\"/customers/import\" enctype=\"multipart/form-data\""));
        assert!(html.contains("name=\"file\""));
        assert!(html.contains("name=\"_csrf\""));
        assert!(!html.contains("import-report"));
        assert!(html.contains("href=\"/customers\""));
    }

    #[test]
    fn the_report_lists_refused_lines_and_links_duplicates_to_their_fiche() {
        let ctx = signed_in(Lang::Fr, db::Role::Manager);
        let html = customer_import_page(&ctx, Some(&outcome()), &FormErrors::new()).into_string();
        let at = html
            .find("<section class=\"card\" id=\"import-report\">")
            .unwrap_or_default();
        let end = html[at..].find("</section>").unwrap_or_default();
        insta::assert_snapshot!(pretty(&html[at..at + end]));
        let english = customer_import_page(
            &signed_in(Lang::En, db::Role::Owner),
            Some(&outcome()),
            &FormErrors::new(),
        )
        .into_string();
        assert!(english.contains("2 created, 3 refused."));
        assert!(english.contains("(Customer no. 12)"));
    }
}
