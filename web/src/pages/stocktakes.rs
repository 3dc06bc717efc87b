//! `/stocktakes`: counts of what is on the shelves. The list opens a count for a
//! location (all products or one category); a count's page takes scans and typed
//! counts while it is open, shows the differences and validates or abandons it.
//! With `scanning.js` a scan is posted in the background and its row updated in
//! place; without it, the scan form reloads the page. Managers and the owner.

use db::Quantity;
use inventory::catalogue::categories::Category;
use inventory::stock::Location;
use inventory::stocktake::{Stocktake, StocktakeLine, StocktakeStatus};
use maud::{Markup, html};

use crate::forms::{FormErrors, Select, form_error};
use crate::i18n::{self, Msg};
use crate::layout::{PageCtx, csrf_field, page};
use crate::pages::products::{NONE, location_options, quantity_with_unit, signed_quantity};

/// How a count is named to people: `INV-0007`.
pub fn stocktake_number(id: i64) -> String {
    format!("INV-{id:04}")
}

/// The status in words, in a badge coloured by status.
fn status_badge(ctx: &PageCtx, status: StocktakeStatus) -> Markup {
    html! {
        span class=(format!("badge status-{}", status.as_str())) {
            (i18n::stocktake_status_label(ctx.lang, status))
        }
    }
}

/// The category counted, or all products.
fn scope<'a>(ctx: &PageCtx, st: &'a Stocktake) -> &'a str {
    st.category.as_deref().unwrap_or(ctx.t(Msg::AllProducts))
}

/// `12/40 comptés`.
fn progress(ctx: &PageCtx, st: &Stocktake) -> String {
    progress_text(ctx, st.counted(), st.lines.len())
}

fn progress_text(ctx: &PageCtx, counted: usize, total: usize) -> String {
    i18n::tf(
        ctx.lang,
        Msg::CountedOfTotal,
        &[
            ("counted", &counted.to_string()),
            ("total", &total.to_string()),
        ],
    )
}

/// A scan's row as the page shows it, for `scanning.js` to put in place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScannedRow {
    pub product_id: i64,
    /// The count, as its input shows it: `5`, `0,35`.
    pub counted: String,
    /// `+2 pce`, `-1 kg`.
    pub difference: String,
    pub negative: bool,
    /// `12/40 comptés`.
    pub progress: String,
    /// `+1 : Miel`.
    pub message: String,
}

/// `progress` is (lines counted, all lines).
pub fn scanned_row(ctx: &PageCtx, line: &StocktakeLine, progress: (usize, usize)) -> ScannedRow {
    let difference = line.difference().unwrap_or(Quantity::ZERO);
    ScannedRow {
        product_id: line.product_id,
        counted: line.counted.map(|c| c.to_french()).unwrap_or_default(),
        difference: format!(
            "{}\u{a0}{}",
            signed_quantity(difference),
            i18n::unit_abbr(ctx.lang, line.unit)
        ),
        negative: difference.thousandths() < 0,
        progress: progress_text(ctx, progress.0, progress.1),
        message: i18n::tf(ctx.lang, Msg::ScannedOne, &[("name", &line.product_name)]),
    }
}

pub fn stocktakes_page(
    ctx: &PageCtx,
    list: &[Stocktake],
    locations: &[Location],
    categories: &[Category],
    errors: &FormErrors,
) -> Markup {
    let title = ctx.t(Msg::NavStocktakes);
    let body = html! {
        div.page-head {
            h1 { (title) }
        }
        (form_error(errors))
        @if list.is_empty() {
            p { (ctx.t(Msg::NoStocktakes)) }
        } @else {
            div.table-wrap { (stocktakes_table(ctx, list)) }
        }
        (open_form(ctx, locations, categories, errors))
    };
    page(ctx, title, body)
}

fn stocktakes_table(ctx: &PageCtx, list: &[Stocktake]) -> Markup {
    html! {
        table {
            thead {
                tr {
                    th scope="col" { (ctx.t(Msg::ColNumber)) }
                    th scope="col" { (ctx.t(Msg::ColLocation)) }
                    th scope="col" { (ctx.t(Msg::FieldCategory)) }
                    th scope="col" { (ctx.t(Msg::ColStatus)) }
                    th scope="col" { (ctx.t(Msg::ColOpened)) }
                    th.num scope="col" { (ctx.t(Msg::ColCounted)) }
                }
            }
            tbody {
                @for st in list {
                    tr {
                        th scope="row" {
                            a href=(format!("/stocktakes/{}", st.id)) { (stocktake_number(st.id)) }
                        }
                        td { (st.location) }
                        td { (scope(ctx, st)) }
                        td { (status_badge(ctx, st.status)) }
                        td { (i18n::short_datetime(st.opened_at)) }
                        td.num { (progress(ctx, st)) }
                    }
                }
            }
        }
    }
}

fn open_form(
    ctx: &PageCtx,
    locations: &[Location],
    categories: &[Category],
    errors: &FormErrors,
) -> Markup {
    let options = location_options(locations);
    let location = Select {
        name: "location_id",
        label: ctx.t(Msg::FieldLocation),
        options: options
            .iter()
            .map(|(id, name)| (id.as_str(), *name))
            .collect(),
        selected: options.first().map(|(id, _)| id.as_str()),
        placeholder: None,
        required: true,
    };
    let ids: Vec<String> = categories.iter().map(|c| c.id.to_string()).collect();
    let category = Select {
        name: "category_id",
        label: ctx.t(Msg::FieldCategory),
        options: ids
            .iter()
            .zip(categories)
            .map(|(id, c)| (id.as_str(), c.path.as_str()))
            .collect(),
        selected: None,
        placeholder: Some(ctx.t(Msg::AllProducts)),
        required: false,
    };
    html! {
        section.card {
            h2 { (ctx.t(Msg::NewStocktakeTitle)) }
            p.hint { (ctx.t(Msg::NewStocktakeHint)) }
            form method="post" action="/stocktakes" {
                (csrf_field(ctx))
                (location.render(errors))
                (category.render(errors))
                button type="submit" { (ctx.t(Msg::OpenStocktakeSubmit)) }
            }
        }
    }
}

/// `flash_scanned` is the product the last scan added one to.
pub fn stocktake_page(
    ctx: &PageCtx,
    st: &Stocktake,
    errors: &FormErrors,
    flash_scanned: Option<&str>,
) -> Markup {
    let title = i18n::tf(
        ctx.lang,
        Msg::StocktakeTitle,
        &[("number", &stocktake_number(st.id))],
    );
    let open = st.status == StocktakeStatus::Open;
    let scan_error = errors.get("barcode");
    let body = html! {
        p { a href="/stocktakes" { "← " (ctx.t(Msg::BackToStocktakes)) } }
        div.page-head {
            h1 { (title) " " (status_badge(ctx, st.status)) }
        }
        (form_error(errors))
        dl.facts {
            dt { (ctx.t(Msg::FieldLocation)) }
            dd { (st.location) }
            dt { (ctx.t(Msg::FieldCategory)) }
            dd { (scope(ctx, st)) }
            dt { (ctx.t(Msg::FieldOpenedAt)) }
            dd { (i18n::short_datetime(st.opened_at)) }
            @if let Some(closed_at) = st.closed_at {
                dt { (ctx.t(Msg::FieldClosedAt)) }
                dd { (i18n::short_datetime(closed_at)) }
            }
        }
        p #stocktake-progress { (progress(ctx, st)) }
        @if open {
            section.card {
                form.scan-form #stocktake-scan-form method="post" action=(format!("/stocktakes/{}/scan", st.id))
                    data-failed=(ctx.t(Msg::ScanFailed)) {
                    (csrf_field(ctx))
                    div.field {
                        label for="stocktake-scan" { (ctx.t(Msg::ScanLabel)) }
                        input #stocktake-scan type="text" name="barcode" autofocus autocomplete="off"
                            inputmode="numeric"
                            aria-invalid=[scan_error.map(|_| "true")]
                            aria-describedby=[scan_error.map(|_| "stocktake-scan-error")];
                        @if let Some(message) = scan_error {
                            p.field-error #stocktake-scan-error role="alert" { (message) }
                        } @else {
                            p.field-error #stocktake-scan-error role="alert" hidden {}
                        }
                    }
                    button type="submit" { (ctx.t(Msg::ScanSubmit)) }
                }
                p.scan-status.scan-ok[flash_scanned.is_some()] #stocktake-scan-status role="status" {
                    @if let Some(name) = flash_scanned {
                        (i18n::tf(ctx.lang, Msg::ScannedOne, &[("name", name)]))
                    }
                }
            }
            section.card {
                h2 { (ctx.t(Msg::CountsTitle)) }
                p.hint { (ctx.t(Msg::CountsHint)) }
                form method="post" action=(format!("/stocktakes/{}/counts", st.id)) {
                    (csrf_field(ctx))
                    div.table-wrap { (lines_table(ctx, st, true)) }
                    button type="submit" { (ctx.t(Msg::SaveCountsSubmit)) }
                }
            }
            div.order-actions {
                form method="post" action=(format!("/stocktakes/{}/validate", st.id)) {
                    (csrf_field(ctx))
                    p.hint { (ctx.t(Msg::ValidateStocktakeHint)) }
                    button type="submit" { (ctx.t(Msg::ValidateStocktakeSubmit)) }
                }
                form method="post" action=(format!("/stocktakes/{}/cancel", st.id)) {
                    (csrf_field(ctx))
                    button.button-danger type="submit" { (ctx.t(Msg::CancelStocktakeSubmit)) }
                }
            }
        } @else {
            div.table-wrap { (lines_table(ctx, st, false)) }
        }
        @if open {
            script src="/static/scanning.js" defer {}
        }
    };
    page(ctx, &title, body)
}

/// The lines; with `editable`, a count input per line, every row with the same
/// field names (`count_product`, `count_quantity`), which the server pairs in order.
fn lines_table(ctx: &PageCtx, st: &Stocktake, editable: bool) -> Markup {
    html! {
        table.count-lines {
            thead {
                tr {
                    th scope="col" { (ctx.t(Msg::ColProduct)) }
                    th scope="col" { (ctx.t(Msg::ColBarcode)) }
                    th.num scope="col" { (ctx.t(Msg::ColExpected)) }
                    th class=[(!editable).then_some("num")] scope="col" { (ctx.t(Msg::ColCounted)) }
                    th.num scope="col" { (ctx.t(Msg::ColDifference)) }
                }
            }
            tbody {
                @if st.lines.is_empty() {
                    tr.empty { td colspan="5" { (ctx.t(Msg::NoStocktakeLines)) } }
                }
                @for (index, line) in st.lines.iter().enumerate() {
                    (line_row(ctx, index, line, editable))
                }
            }
        }
    }
}

fn line_row(ctx: &PageCtx, index: usize, line: &StocktakeLine, editable: bool) -> Markup {
    let number = (index + 1).to_string();
    let label = i18n::tf(
        ctx.lang,
        Msg::LineFieldLabel,
        &[("field", ctx.t(Msg::ColCounted)), ("line", &number)],
    );
    let unit = i18n::unit_abbr(ctx.lang, line.unit);
    html! {
        tr data-product-id=(line.product_id) {
            th scope="row" {
                (line.product_name)
                @if editable {
                    input type="hidden" name="count_product" value=(line.product_id);
                }
            }
            td {
                @match &line.barcode {
                    Some(barcode) => code { (barcode) },
                    None => span.muted { (NONE) },
                }
            }
            td.num { (quantity_with_unit(ctx.lang, line.expected, line.unit)) }
            @if editable {
                td {
                    input type="text" name="count_quantity"
                        value=(line.counted.map(|c| c.to_french()).unwrap_or_default())
                        inputmode="decimal" autocomplete="off" aria-label=(label);
                }
            } @else {
                td.num {
                    @match line.counted {
                        Some(counted) => (quantity_with_unit(ctx.lang, counted, line.unit)),
                        None => span.muted { (NONE) },
                    }
                }
            }
            @match line.difference() {
                Some(difference) => td.num.negative[difference.thousandths() < 0] {
                    (signed_quantity(difference)) "\u{a0}" (unit)
                },
                None => td.num { span.muted { (NONE) } },
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use db::{Quantity, Role};
    use inventory::catalogue::Unit;

    use super::*;
    use crate::i18n::Lang;
    use crate::test_support::{goods, no_empty_class, signed_in};

    /// Jam counted two short, cheese not counted, honey counted one over.
    fn stocktake(status: StocktakeStatus) -> Stocktake {
        Stocktake {
            id: 7,
            location_id: 1,
            location: "Magasin".into(),
            category_id: Some(3),
            category: Some("Épicerie > Confitures".into()),
            status,
            opened_at: goods::at(5, 8, 15),
            closed_at: (status != StocktakeStatus::Open).then(|| goods::at(5, 19, 0)),
            lines: vec![
                StocktakeLine {
                    product_id: 12,
                    product_name: "Confiture d'abricot <bio>".into(),
                    barcode: Some("3760123456789".into()),
                    unit: Unit::Piece,
                    expected: Quantity::from_units(5),
                    counted: Some(Quantity::from_units(3)),
                },
                StocktakeLine {
                    product_id: 7,
                    product_name: "Comté 18 mois".into(),
                    barcode: None,
                    unit: Unit::Kg,
                    expected: Quantity::from_thousandths(2500),
                    counted: None,
                },
                StocktakeLine {
                    product_id: 15,
                    product_name: "Miel de lavande".into(),
                    barcode: Some("3760000000017".into()),
                    unit: Unit::Piece,
                    expected: Quantity::ZERO,
                    counted: Some(Quantity::from_units(1)),
                },
            ],
        }
    }

    fn render_list(lang: Lang, list: &[Stocktake], errors: &FormErrors) -> String {
        no_empty_class(
            stocktakes_page(
                &signed_in(lang, Role::Manager),
                list,
                &goods::locations(),
                &goods::categories(),
                errors,
            )
            .into_string(),
        )
    }

    fn render(lang: Lang, st: &Stocktake, errors: &FormErrors, scanned: Option<&str>) -> String {
        no_empty_class(
            stocktake_page(&signed_in(lang, Role::Manager), st, errors, scanned).into_string(),
        )
    }

    #[test]
    fn numbers_are_padded() {
        assert_eq!(stocktake_number(7), "INV-0007");
        assert_eq!(stocktake_number(12_345), "INV-12345");
    }

    #[test]
    fn lists_stocktakes_in_french_with_the_open_form() {
        let all = Stocktake {
            id: 8,
            category_id: None,
            category: None,
            ..stocktake(StocktakeStatus::Open)
        };
        let html = render_list(
            Lang::Fr,
            &[all, stocktake(StocktakeStatus::Validated)],
            &FormErrors::new(),
        );
        assert!(html.contains("<title>Inventaires · Comptoir</title>"));
        assert!(html.contains(
            "<th scope=\"row\"><a href=\"/stocktakes/8\">INV-0008</a></th>\
             <td>Magasin</td><td>Tous les produits</td>\
             <td><span class=\"badge status-open\">Ouvert</span></td>\
             <td>05/03/2025 08:15</td><td class=\"num\">2/3 comptés</td>"
        ));
        assert!(html.contains(
            "<a href=\"/stocktakes/7\">INV-0007</a></th><td>Magasin</td>\
             <td>Épicerie &gt; Confitures</td>\
             <td><span class=\"badge status-validated\">Validé</span></td>"
        ));
        assert!(html.contains("<form method=\"post\" action=\"/stocktakes\">"));
        assert!(html.contains("<input type=\"hidden\" name=\"_csrf\" value=\"csrf-123\">"));
        assert!(html.contains(
            "<select name=\"location_id\" id=\"field-location_id\" required>\
             <option value=\"1\" selected>Magasin</option><option value=\"2\">Réserve</option></select>"
        ));
        assert!(html.contains(
            "<select name=\"category_id\" id=\"field-category_id\">\
             <option value=\"\" selected>Tous les produits</option>\
             <option value=\"2\">Épicerie</option>\
             <option value=\"3\">Épicerie &gt; Confitures</option></select>"
        ));
        assert!(html.contains("<button type=\"submit\">Ouvrir un inventaire</button>"));
    }

    #[test]
    fn lists_in_english_says_when_there_are_none_and_shows_errors() {
        let html = render_list(
            Lang::En,
            &[stocktake(StocktakeStatus::Cancelled)],
            &FormErrors::new(),
        );
        assert!(html.contains("<title>Stocktakes · Comptoir</title>"));
        assert!(html.contains("<span class=\"badge status-cancelled\">Cancelled</span>"));
        assert!(html.contains("<td class=\"num\">2/3 counted</td>"));
        assert!(html.contains(">Open a stocktake</button>"));
        let errors = FormErrors::new().with("", "Déjà <ouvert>");
        let html = render_list(Lang::Fr, &[], &errors);
        assert!(html.contains("<p>Aucun inventaire.</p>"));
        assert!(!html.contains("<table"));
        assert!(html.contains("<div class=\"alert\" role=\"alert\">Déjà &lt;ouvert&gt;</div>"));
        assert!(render_list(Lang::En, &[], &FormErrors::new()).contains("<p>No stocktakes.</p>"));
    }

    #[test]
    fn an_open_stocktake_takes_scans_and_counts() {
        let st = stocktake(StocktakeStatus::Open);
        let html = render(Lang::Fr, &st, &FormErrors::new(), Some("Miel <lavande>"));
        assert!(html.contains("<title>Inventaire INV-0007 · Comptoir</title>"));
        assert!(html.contains(
            "<h1>Inventaire INV-0007 <span class=\"badge status-open\">Ouvert</span></h1>"
        ));
        assert!(html.contains("<dd>Magasin</dd>"));
        assert!(html.contains("<dd>Épicerie &gt; Confitures</dd>"));
        assert!(html.contains("action=\"/stocktakes/7/scan\""));
        assert!(html.contains(
            "<label for=\"stocktake-scan\">Scanner un article (ajoute 1)</label>\
             <input id=\"stocktake-scan\" type=\"text\" name=\"barcode\" autofocus \
             autocomplete=\"off\" inputmode=\"numeric\">"
        ));
        assert!(html.contains(
            "<p class=\"scan-status scan-ok\" id=\"stocktake-scan-status\" role=\"status\">\
                 +1\u{a0}: Miel &lt;lavande&gt;</p>"
        ));
        assert!(html.contains("<form method=\"post\" action=\"/stocktakes/7/counts\">"));
        assert!(html.contains(
            "<th scope=\"row\">Confiture d'abricot &lt;bio&gt;\
             <input type=\"hidden\" name=\"count_product\" value=\"12\"></th>\
             <td><code>3760123456789</code></td><td class=\"num\">5\u{a0}pce</td>\
             <td><input type=\"text\" name=\"count_quantity\" value=\"3\" inputmode=\"decimal\" \
             autocomplete=\"off\" aria-label=\"Compté, ligne 1\"></td>\
             <td class=\"num negative\">-2\u{a0}pce</td>"
        ));
        assert!(html.contains(
            "<input type=\"hidden\" name=\"count_product\" value=\"7\"></th>\
             <td><span class=\"muted\">—</span></td><td class=\"num\">2,5\u{a0}kg</td>\
             <td><input type=\"text\" name=\"count_quantity\" value=\"\" inputmode=\"decimal\" \
             autocomplete=\"off\" aria-label=\"Compté, ligne 2\"></td>\
             <td class=\"num\"><span class=\"muted\">—</span></td>"
        ));
        assert!(html.contains("<td class=\"num\">+1\u{a0}pce</td>"));
        assert_eq!(html.matches("name=\"count_product\"").count(), 3);
        assert_eq!(html.matches("name=\"count_quantity\"").count(), 3);
        assert!(html.contains(">Enregistrer les comptages</button>"));
        assert!(html.contains("<form method=\"post\" action=\"/stocktakes/7/validate\">"));
        assert!(html.contains(">Valider l’inventaire</button>"));
        assert!(html.contains("les produits non comptés gardent leur stock."));
        assert!(html.contains(
            "<form method=\"post\" action=\"/stocktakes/7/cancel\">\
             <input type=\"hidden\" name=\"_csrf\" value=\"csrf-123\">\
             <button class=\"button-danger\" type=\"submit\">Abandonner</button></form>"
        ));
        assert_eq!(
            html.matches("name=\"_csrf\"").count(),
            5,
            "logout and four forms"
        );
    }

    #[test]
    fn an_open_stocktake_in_english_with_errors() {
        let errors = FormErrors::new()
            .with("", "Quantité <invalide>")
            .with("barcode", "Code inconnu");
        let html = render(Lang::En, &stocktake(StocktakeStatus::Open), &errors, None);
        assert!(html.contains("<title>Stocktake INV-0007 · Comptoir</title>"));
        let alert_at =
            html.find("<div class=\"alert\" role=\"alert\">Quantité &lt;invalide&gt;</div>");
        let scan_at = html.find("action=\"/stocktakes/7/scan\"");
        assert!(
            alert_at.is_some() && alert_at < scan_at,
            "general error at the top"
        );
        assert!(html.contains(
            "aria-invalid=\"true\" aria-describedby=\"stocktake-scan-error\">\
             <p class=\"field-error\" id=\"stocktake-scan-error\" role=\"alert\">Code inconnu</p>"
        ));
        assert!(!html.contains("scan-ok"));
        assert!(html.contains("<label for=\"stocktake-scan\">Scan an item (adds 1)</label>"));
        assert!(html.contains(">Save the counts</button>"));
        assert!(html.contains(">Validate the stocktake</button>"));
        assert!(html.contains(">Abandon</button>"));
        assert!(html.contains("<th class=\"num\" scope=\"col\">Difference</th>"));
        assert!(html.contains("<td class=\"num negative\">-2\u{a0}pc</td>"));
    }

    #[test]
    fn scans_update_the_row_in_place() {
        let html = render(
            Lang::Fr,
            &stocktake(StocktakeStatus::Open),
            &FormErrors::new(),
            None,
        );
        assert!(html.contains(
            "<form class=\"scan-form\" id=\"stocktake-scan-form\" method=\"post\" \
             action=\"/stocktakes/7/scan\" \
             data-failed=\"Le scan n’a pas pu être enregistré\u{a0}: rechargez la page.\">"
        ));
        assert!(html.contains(
            "<p class=\"field-error\" id=\"stocktake-scan-error\" role=\"alert\" hidden></p>"
        ));
        assert!(html.contains(
            "<p class=\"scan-status\" id=\"stocktake-scan-status\" role=\"status\"></p>"
        ));
        assert!(html.contains("<p id=\"stocktake-progress\">2/3 comptés</p>"));
        assert!(html.contains("<tr data-product-id=\"12\"><th scope=\"row\">"));
        assert!(html.contains("<script src=\"/static/scanning.js\" defer></script>"));
        let closed = render(
            Lang::Fr,
            &stocktake(StocktakeStatus::Validated),
            &FormErrors::new(),
            None,
        );
        assert!(!closed.contains("scanning.js"));

        let st = stocktake(StocktakeStatus::Open);
        let ctx = signed_in(Lang::Fr, Role::Manager);
        let row = scanned_row(&ctx, &st.lines[0], (2, 3));
        assert_eq!(
            row,
            ScannedRow {
                product_id: 12,
                counted: "3".into(),
                difference: "-2\u{a0}pce".into(),
                negative: true,
                progress: "2/3 comptés".into(),
                message: "+1\u{a0}: Confiture d'abricot <bio>".into(),
            }
        );
        let honey = scanned_row(&signed_in(Lang::En, Role::Manager), &st.lines[2], (3, 3));
        assert_eq!(
            (
                honey.difference.as_str(),
                honey.negative,
                honey.progress.as_str()
            ),
            ("+1\u{a0}pc", false, "3/3 counted")
        );
    }

    #[test]
    fn a_validated_stocktake_is_read_only() {
        let html = render(
            Lang::Fr,
            &stocktake(StocktakeStatus::Validated),
            &FormErrors::new(),
            Some("ignoré"),
        );
        assert!(html.contains("<span class=\"badge status-validated\">Validé</span>"));
        assert!(html.contains("<dt>Clos le</dt><dd>05/03/2025 19:00</dd>"));
        for absent in [
            "/stocktakes/7/",
            "count_product",
            "count_quantity",
            "name=\"barcode\"",
            "<input type=\"text\"",
            "scan-ok",
        ] {
            assert!(!html.contains(absent), "{absent} in a closed stocktake");
        }
        assert_eq!(html.matches("<form").count(), 1, "only logout");
        assert!(html.contains(
            "<td class=\"num\">5\u{a0}pce</td><td class=\"num\">3\u{a0}pce</td>\
             <td class=\"num negative\">-2\u{a0}pce</td>"
        ));
        assert!(html.contains(
            "<td class=\"num\">2,5\u{a0}kg</td><td class=\"num\"><span class=\"muted\">—</span></td>\
             <td class=\"num\"><span class=\"muted\">—</span></td>"
        ));
        assert!(html.contains("<td class=\"num\">+1\u{a0}pce</td>"));
        let html = render(
            Lang::En,
            &stocktake(StocktakeStatus::Cancelled),
            &FormErrors::new(),
            None,
        );
        assert!(html.contains("<span class=\"badge status-cancelled\">Cancelled</span>"));
        assert!(!html.contains("count_quantity"));
    }
}
