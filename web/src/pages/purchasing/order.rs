//! `/purchase-orders/{id}`: one order, its lines and what was received, and while
//! it is open the forms that send, cancel or receive it. The receive form takes
//! scans: `scanning.js` adds one to the scanned product's line in the page, and
//! without JavaScript the server does it (the scan field posts with the form).

use std::collections::HashMap;

use db::Quantity;
use inventory::purchasing::{Order, OrderLine, OrderStatus, ReceiptWarning};
use inventory::stock::Location;
use maud::{Markup, html};

use super::{order_number, status_badge};
use crate::forms::{FormErrors, Select, form_error};
use crate::i18n::{self, Msg};
use crate::layout::{PageCtx, csrf_field, page};
use crate::pages::products::location_options;

/// The receive form beyond the order itself: what a scan needs, and what was
/// typed when the form comes back.
#[derive(Debug, Clone, Default)]
pub struct ReceiveState {
    /// Product id → every code a scanner may type for it.
    pub scan_codes: HashMap<i64, Vec<String>>,
    /// Quantities start at 0, to be counted by scanning (else: what remains).
    pub scan_mode: bool,
    /// What was typed, when the form comes back: product id → (quantity, unit cost).
    pub typed: Option<HashMap<i64, (String, String)>>,
    /// The location chosen, when the form comes back.
    pub location: Option<String>,
    /// The product the last scan added one to.
    pub scanned: Option<String>,
}

/// `warnings` are those of the receipt just recorded (received more than
/// ordered); `can_edit` allows the send, cancel and receive forms, which show
/// only while the order is open.
pub fn order_page(
    ctx: &PageCtx,
    order: &Order,
    locations: &[Location],
    warnings: &[ReceiptWarning],
    errors: &FormErrors,
    can_edit: bool,
    receive: &ReceiveState,
) -> Markup {
    let title = i18n::tf(
        ctx.lang,
        Msg::OrderTitle,
        &[("number", &order_number(order.id))],
    );
    let editable = can_edit && order.status.is_open();
    let body = html! {
        p { a href="/purchase-orders" { "← " (ctx.t(Msg::BackToOrders)) } }
        div.page-head {
            h1 { (title) " " (status_badge(ctx, order.status)) }
            div.actions {
                a.button.button-secondary href=(format!("/purchase-orders/{}/pdf", order.id)) {
                    (ctx.t(Msg::OrderPdf))
                }
            }
        }
        (form_error(errors))
        @if !warnings.is_empty() {
            div.alert.alert-info role="status" {
                ul.plain {
                    @for warning in warnings {
                        li { (warning_text(ctx, order, warning)) }
                    }
                }
            }
        }
        dl.facts {
            dt { (ctx.t(Msg::FieldSupplier)) }
            dd { a href=(format!("/suppliers/{}", order.supplier_id)) { (order.supplier_name) } }
            dt { (ctx.t(Msg::FieldCreatedAt)) }
            dd { (i18n::short_datetime(order.created_at)) }
            @if let Some(sent_at) = order.sent_at {
                dt { (ctx.t(Msg::FieldSentAt)) }
                dd { (i18n::short_datetime(sent_at)) }
            }
            @if let Some(notes) = &order.notes {
                dt { (ctx.t(Msg::FieldNotes)) }
                dd.notes { (notes) }
            }
        }
        div.table-wrap { (lines_table(ctx, order)) }
        @if editable {
            div.order-actions {
                @if order.status == OrderStatus::Draft {
                    form method="post" action=(format!("/purchase-orders/{}/send", order.id)) {
                        (csrf_field(ctx))
                        button type="submit" { (ctx.t(Msg::MarkSentSubmit)) }
                    }
                }
                @if matches!(order.status, OrderStatus::Draft | OrderStatus::Sent) {
                    form method="post" action=(format!("/purchase-orders/{}/cancel", order.id)) {
                        (csrf_field(ctx))
                        button.button-danger type="submit" { (ctx.t(Msg::CancelOrderSubmit)) }
                    }
                }
            }
            (receive_form(ctx, order, locations, errors, receive))
        }
    };
    page(ctx, &title, body)
}

fn warning_text(ctx: &PageCtx, order: &Order, warning: &ReceiptWarning) -> String {
    let product = order
        .lines
        .iter()
        .find(|line| line.product_id == warning.product_id)
        .map_or_else(
            || format!("#{}", warning.product_id),
            |line| line.product_name.clone(),
        );
    i18n::tf(
        ctx.lang,
        Msg::WarnOverReceived,
        &[
            ("product", &product),
            ("received", &warning.received.to_french()),
            ("ordered", &warning.ordered.to_french()),
        ],
    )
}

/// What is still to come: never below zero, even when more arrived.
fn remaining(line: &OrderLine) -> Quantity {
    Quantity::from_thousandths((line.quantity.thousandths() - line.received.thousandths()).max(0))
}

fn lines_table(ctx: &PageCtx, order: &Order) -> Markup {
    html! {
        table {
            thead {
                tr {
                    th scope="col" { (ctx.t(Msg::ColProduct)) }
                    th.num scope="col" { (ctx.t(Msg::ColOrdered)) }
                    th.num scope="col" { (ctx.t(Msg::ColReceived)) }
                    th.num scope="col" { (ctx.t(Msg::ColRemaining)) }
                    th.num scope="col" { (ctx.t(Msg::ColUnitCost)) }
                    th.num scope="col" { (ctx.t(Msg::ColLineTotal)) }
                }
            }
            tbody {
                @for line in &order.lines {
                    tr {
                        th scope="row" {
                            a href=(format!("/products/{}", line.product_id)) { (line.product_name) }
                        }
                        td.num { (line.quantity.to_french()) }
                        td.num { (line.received.to_french()) }
                        td.num { (remaining(line).to_french()) }
                        td.num { (line.unit_cost.to_french()) }
                        td.num { (line.total().to_french()) }
                    }
                }
            }
            tfoot {
                tr {
                    th scope="row" colspan="5" { (ctx.t(Msg::ColTotalExclVat)) }
                    td.num { strong { (order.total().to_french()) } }
                }
            }
        }
    }
}

fn receive_form(
    ctx: &PageCtx,
    order: &Order,
    locations: &[Location],
    errors: &FormErrors,
    receive: &ReceiveState,
) -> Markup {
    let options = location_options(locations);
    let location = Select {
        name: "location_id",
        label: ctx.t(Msg::ReceiveLocation),
        options: options
            .iter()
            .map(|(id, name)| (id.as_str(), *name))
            .collect(),
        selected: receive
            .location
            .as_deref()
            .filter(|chosen| options.iter().any(|(id, _)| id == chosen))
            .or_else(|| options.first().map(|(id, _)| id.as_str())),
        placeholder: None,
        required: true,
    };
    html! {
        section.card {
            h2 { (ctx.t(Msg::ReceiveTitle)) }
            p.hint { (ctx.t(Msg::ReceiveHint)) }
            form method="post" action=(format!("/purchase-orders/{}/receive", order.id)) {
                (csrf_field(ctx))
                (location.render(errors))
                (scan_field(ctx, order, errors, receive))
                div.table-wrap {
                    table.receive-lines {
                        thead {
                            tr {
                                th scope="col" { (ctx.t(Msg::ColProduct)) }
                                th.num scope="col" { (ctx.t(Msg::ColRemaining)) }
                                th scope="col" { (ctx.t(Msg::ColReceiveQuantity)) }
                                th scope="col" {
                                    (ctx.t(Msg::ColReceiveCost)) " "
                                    span.optional { "(" (ctx.t(Msg::Optional)) ")" }
                                }
                            }
                        }
                        tbody {
                            @for (index, line) in order.lines.iter().enumerate() {
                                (receive_row(ctx, index, line, receive))
                            }
                        }
                    }
                }
                button #receive-submit type="submit" { (ctx.t(Msg::ReceiveSubmit)) }
            }
        }
        script src="/static/scanning.js" defer {}
    }
}

/// The scan field (focused: a scanner types straight into it), its messages,
/// and the links between the two ways of filling the quantities.
fn scan_field(ctx: &PageCtx, order: &Order, errors: &FormErrors, receive: &ReceiveState) -> Markup {
    let error = errors.get("scan");
    html! {
        div.field.scan-field {
            label for="receive-scan" { (ctx.t(Msg::ScanLabel)) }
            input #receive-scan type="text" name="scan" value="" autofocus autocomplete="off"
                inputmode="numeric"
                data-unknown=(ctx.t(Msg::ScanCodeNotOnOrder))
                data-added=(ctx.t(Msg::ScannedOne))
                aria-invalid=[error.map(|_| "true")]
                aria-describedby="receive-scan-error";
            p.field-error #receive-scan-error role="alert" hidden[error.is_none()] {
                @if let Some(message) = error { (message) }
            }
            p.scan-status.scan-ok[receive.scanned.is_some()] #receive-scan-status role="status" {
                @if let Some(name) = &receive.scanned {
                    (i18n::tf(ctx.lang, Msg::ScannedOne, &[("name", name)]))
                }
            }
            p.hint { (ctx.t(Msg::ReceiveScanHint)) }
        }
        p.scan-modes {
            input #receive-scan-mode type="hidden" name="scan_mode"
                value=(if receive.scan_mode { "1" } else { "0" });
            a #receive-mode-scan href=(format!("/purchase-orders/{}?scan=1", order.id))
                hidden[receive.scan_mode] { (ctx.t(Msg::ReceiveScanModeStart)) }
            a #receive-mode-prefill href=(format!("/purchase-orders/{}", order.id))
                hidden[!receive.scan_mode] { (ctx.t(Msg::ReceiveScanModePrefilled)) }
        }
    }
}

fn receive_row(ctx: &PageCtx, index: usize, line: &OrderLine, receive: &ReceiveState) -> Markup {
    let number = (index + 1).to_string();
    let label = |field: Msg| {
        i18n::tf(
            ctx.lang,
            Msg::LineFieldLabel,
            &[("field", ctx.t(field)), ("line", &number)],
        )
    };
    let remaining = remaining(line).to_french();
    let typed = receive
        .typed
        .as_ref()
        .and_then(|typed| typed.get(&line.product_id));
    let quantity = match typed {
        Some((quantity, _)) => quantity.clone(),
        None if receive.scan_mode => "0".to_owned(),
        None => remaining.clone(),
    };
    let cost = typed.map(|(_, cost)| cost.as_str()).unwrap_or_default();
    let codes = receive
        .scan_codes
        .get(&line.product_id)
        .map(|codes| codes.join(" "))
        .unwrap_or_default();
    html! {
        tr data-product-id=(line.product_id) data-barcodes=(codes) data-remaining=(remaining)
            data-name=(line.product_name) {
            th scope="row" {
                (line.product_name)
                input type="hidden" name="receive_product" value=(line.product_id);
            }
            td.num { (remaining) }
            td {
                input type="text" name="receive_quantity" value=(quantity)
                    inputmode="decimal" autocomplete="off"
                    aria-label=(label(Msg::ColReceiveQuantity));
            }
            td {
                input type="text" name="receive_unit_cost" value=(cost)
                    placeholder=(db::fixed::to_french(line.unit_cost.cents(), 2))
                    inputmode="decimal" autocomplete="off"
                    aria-label=(label(Msg::ColReceiveCost));
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

    fn render(lang: Lang, status: OrderStatus, can_edit: bool) -> String {
        render_with(
            lang,
            &goods::order(status),
            &[],
            &FormErrors::new(),
            can_edit,
            &ReceiveState::default(),
        )
    }

    fn render_with(
        lang: Lang,
        order: &Order,
        warnings: &[ReceiptWarning],
        errors: &FormErrors,
        can_edit: bool,
        receive: &ReceiveState,
    ) -> String {
        no_empty_class(
            order_page(
                &signed_in(lang, Role::Manager),
                order,
                &goods::locations(),
                warnings,
                errors,
                can_edit,
                receive,
            )
            .into_string(),
        )
    }

    /// The markup of the form posting to `action`.
    fn form<'h>(html: &'h str, action: &str) -> &'h str {
        html.split(&format!("<form method=\"post\" action=\"{action}\">"))
            .nth(1)
            .and_then(|rest| rest.split("</form>").next())
            .unwrap_or_default()
    }

    #[test]
    fn the_order_and_its_lines_in_french() {
        let html = render(Lang::Fr, OrderStatus::Partial, true);
        assert!(html.contains("<title>Commande CF-00003 · Comptoir</title>"));
        assert!(html.contains(
            "<h1>Commande CF-00003 <span class=\"badge status-partial\">Reçue en partie</span></h1>"
        ));
        assert!(html.contains(
            "<dt>Fournisseur</dt><dd><a href=\"/suppliers/4\">Les Vergers &lt;du Sud&gt;</a></dd>"
        ));
        assert!(html.contains("<dt>Créée le</dt><dd>02/03/2025 10:30</dd>"));
        assert!(html.contains("<dt>Envoyée le</dt><dd>02/03/2025 11:00</dd>"));
        assert!(html.contains("<dt>Notes</dt><dd class=\"notes\">Livrer le matin</dd>"));
        assert!(html.contains(
            "<th scope=\"row\"><a href=\"/products/12\">Confiture d'abricot &lt;bio&gt;</a></th>\
             <td class=\"num\">6</td><td class=\"num\">4</td><td class=\"num\">2</td>\
             <td class=\"num\">2,10\u{a0}€</td><td class=\"num\">12,60\u{a0}€</td>"
        ));
        assert!(html.contains(
            "<td class=\"num\">2,5</td><td class=\"num\">0</td><td class=\"num\">2,5</td>\
             <td class=\"num\">16,33\u{a0}€</td><td class=\"num\">40,83\u{a0}€</td>"
        ));
        assert!(html.contains(
            "<th scope=\"row\" colspan=\"5\">Total HT</th><td class=\"num\"><strong>53,43\u{a0}€</strong></td>"
        ));
    }

    #[test]
    fn an_open_order_can_be_received() {
        let html = render(Lang::Fr, OrderStatus::Partial, true);
        let receive = form(&html, "/purchase-orders/3/receive");
        assert!(receive.contains("name=\"_csrf\" value=\"csrf-123\""));
        assert!(receive.contains(
            "<select name=\"location_id\" id=\"field-location_id\" required>\
             <option value=\"1\" selected>Magasin</option><option value=\"2\">Réserve</option></select>"
        ));
        assert!(receive.contains("<input type=\"hidden\" name=\"receive_product\" value=\"12\">"));
        assert!(receive.contains(
            "<input type=\"text\" name=\"receive_quantity\" value=\"2\" inputmode=\"decimal\""
        ));
        assert!(receive.contains("name=\"receive_quantity\" value=\"2,5\""));
        assert!(receive.contains(
            "name=\"receive_unit_cost\" value=\"\" placeholder=\"2,10\" inputmode=\"decimal\""
        ));
        assert!(receive.contains("placeholder=\"16,33\""));
        assert!(receive.contains("aria-label=\"Quantité reçue, ligne 2\""));
        assert!(receive.contains(">Enregistrer la réception</button>"));
        // Partly received: neither sent again nor cancelled.
        assert!(!html.contains("/purchase-orders/3/send"));
        assert!(!html.contains("/purchase-orders/3/cancel"));
    }

    #[test]
    fn the_receive_form_takes_scans() {
        let receive = ReceiveState {
            scan_codes: HashMap::from([(
                12,
                vec!["036000291452".to_owned(), "0036000291452".to_owned()],
            )]),
            ..ReceiveState::default()
        };
        let html = render_with(
            Lang::Fr,
            &goods::order(OrderStatus::Partial),
            &[],
            &FormErrors::new(),
            true,
            &receive,
        );
        let form = form(&html, "/purchase-orders/3/receive");
        assert!(form.contains(
            "<label for=\"receive-scan\">Scanner un article (ajoute 1)</label>\
             <input id=\"receive-scan\" type=\"text\" name=\"scan\" value=\"\" autofocus \
             autocomplete=\"off\" inputmode=\"numeric\" \
             data-unknown=\"Aucun article de cette commande n’a le code-barres «\u{a0}{code}\u{a0}».\" \
             data-added=\"+1\u{a0}: {name}\" aria-describedby=\"receive-scan-error\">\
             <p class=\"field-error\" id=\"receive-scan-error\" role=\"alert\" hidden></p>\
             <p class=\"scan-status\" id=\"receive-scan-status\" role=\"status\"></p>"
        ));
        assert!(form.contains(
            "<tr data-product-id=\"12\" data-barcodes=\"036000291452 0036000291452\" \
             data-remaining=\"2\" data-name=\"Confiture d'abricot &lt;bio&gt;\">"
        ));
        assert!(form.contains(
            "<tr data-product-id=\"7\" data-barcodes=\"\" data-remaining=\"2,5\" \
             data-name=\"Comté 18 mois\">"
        ));
        // Prefilled with what remains; the link to count from 0 instead.
        assert!(form.contains("name=\"receive_quantity\" value=\"2\""));
        assert!(form.contains(
            "<input id=\"receive-scan-mode\" type=\"hidden\" name=\"scan_mode\" value=\"0\">\
             <a id=\"receive-mode-scan\" href=\"/purchase-orders/3?scan=1\">Réception par scan (quantités à 0)</a>\
             <a id=\"receive-mode-prefill\" href=\"/purchase-orders/3\" hidden>Quantités préremplies (ce qui reste)</a>"
        ));
        assert!(form.contains("<button id=\"receive-submit\" type=\"submit\">"));
        assert_eq!(
            form.matches("type=\"submit\"").count(),
            1,
            "Enter records or scans"
        );
        assert!(html.contains("<script src=\"/static/scanning.js\" defer></script>"));
    }

    #[test]
    fn a_scanned_form_comes_back_as_typed() {
        let receive = ReceiveState {
            scan_mode: true,
            typed: Some(HashMap::from([(7, ("3".to_owned(), "16,00".to_owned()))])),
            location: Some("2".to_owned()),
            scanned: Some("Comté <18 mois>".to_owned()),
            ..ReceiveState::default()
        };
        let errors = FormErrors::new().with("scan", "Inconnu <X>");
        let html = render_with(
            Lang::Fr,
            &goods::order(OrderStatus::Sent),
            &[],
            &errors,
            true,
            &receive,
        );
        assert!(html.contains("<option value=\"2\" selected>Réserve</option>"));
        assert!(html.contains("aria-invalid=\"true\" aria-describedby=\"receive-scan-error\">"));
        assert!(html.contains(
            "<p class=\"field-error\" id=\"receive-scan-error\" role=\"alert\">Inconnu &lt;X&gt;</p>"
        ));
        assert!(html.contains(
            "<p class=\"scan-status scan-ok\" id=\"receive-scan-status\" role=\"status\">\
             +1\u{a0}: Comté &lt;18 mois&gt;</p>"
        ));
        // Typed values stay; a line not typed starts at 0 when scanning.
        assert!(html.contains("name=\"receive_quantity\" value=\"3\""));
        assert!(html.contains("name=\"receive_unit_cost\" value=\"16,00\""));
        assert!(html.contains("name=\"receive_quantity\" value=\"0\""));
        assert!(html.contains("name=\"scan_mode\" value=\"1\""));
        assert!(
            html.contains("<a id=\"receive-mode-scan\" href=\"/purchase-orders/3?scan=1\" hidden>")
        );
        assert!(html.contains("<a id=\"receive-mode-prefill\" href=\"/purchase-orders/3\">"));
        let html = render(Lang::En, OrderStatus::Sent, true);
        assert!(html.contains("No item on this order has the barcode “{code}”."));
        assert!(html.contains(">Receive by scanning (quantities from 0)</a>"));
    }

    #[test]
    fn a_draft_can_be_sent_or_cancelled_in_english() {
        let html = render(Lang::En, OrderStatus::Draft, true);
        assert!(html.contains("<title>Order CF-00003 · Comptoir</title>"));
        let send = form(&html, "/purchase-orders/3/send");
        assert!(send.contains("name=\"_csrf\""));
        assert!(send.contains("<button type=\"submit\">Mark as sent</button>"));
        let cancel = form(&html, "/purchase-orders/3/cancel");
        assert!(cancel.contains("name=\"_csrf\""));
        assert!(
            cancel.contains(
                "<button class=\"button-danger\" type=\"submit\">Cancel the order</button>"
            )
        );
        assert!(html.contains("/purchase-orders/3/receive"));
        assert!(html.contains(">Record the receipt</button>"));
        assert!(html.contains("<th class=\"num\" scope=\"col\">Remaining</th>"));
    }

    #[test]
    fn a_sent_order_can_be_cancelled_but_not_sent_again() {
        let html = render(Lang::Fr, OrderStatus::Sent, true);
        assert!(!html.contains("/purchase-orders/3/send"));
        assert!(html.contains(">Annuler la commande</button>"));
        assert!(html.contains("/purchase-orders/3/receive"));
    }

    #[test]
    fn closed_orders_and_readers_get_no_forms() {
        for status in [OrderStatus::Received, OrderStatus::Cancelled] {
            let html = render(Lang::Fr, status, true);
            assert!(
                !html.contains("<form method=\"post\" action=\"/purchase-orders/3/"),
                "{status:?}"
            );
            assert!(!html.contains("receive_quantity"));
        }
        for status in [OrderStatus::Draft, OrderStatus::Sent, OrderStatus::Partial] {
            let html = render(Lang::Fr, status, false);
            assert!(
                !html.contains("<form method=\"post\" action=\"/purchase-orders/3/"),
                "{status:?}"
            );
        }
    }

    #[test]
    fn over_receipts_are_reported_and_errors_shown() {
        let warnings = [ReceiptWarning {
            product_id: 12,
            ordered: Quantity::from_units(6),
            received: Quantity::from_units(8),
        }];
        let errors = FormErrors::new().with("", "Ce produit ne figure pas sur cette commande.");
        let html = render_with(
            Lang::Fr,
            &goods::order(OrderStatus::Received),
            &warnings,
            &errors,
            true,
            &ReceiveState::default(),
        );
        assert!(html.contains(
            "<div class=\"alert alert-info\" role=\"status\"><ul class=\"plain\"><li>\
             Reçu plus que commandé\u{a0}: Confiture d'abricot &lt;bio&gt; (8 pour 6)</li></ul></div>"
        ));
        assert!(html.contains(
            "<div class=\"alert\" role=\"alert\">Ce produit ne figure pas sur cette commande.</div>"
        ));
        let html = render_with(
            Lang::En,
            &goods::order(OrderStatus::Received),
            &warnings,
            &FormErrors::new(),
            true,
            &ReceiveState::default(),
        );
        assert!(
            html.contains("Received more than ordered: Confiture d'abricot &lt;bio&gt; (8 for 6)")
        );
    }

    #[test]
    fn an_over_received_line_has_nothing_remaining() {
        let line = OrderLine {
            received: Quantity::from_units(8),
            ..goods::order(OrderStatus::Received).lines[0].clone()
        };
        assert_eq!(remaining(&line), Quantity::ZERO);
    }
}
