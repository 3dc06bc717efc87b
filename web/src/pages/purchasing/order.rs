//! `/purchase-orders/{id}`: one order, its lines and what was received, and while
//! it is open the forms that send, cancel or receive it.

use db::Quantity;
use inventory::purchasing::{Order, OrderLine, OrderStatus, ReceiptWarning};
use inventory::stock::Location;
use maud::{Markup, html};

use super::{order_number, status_badge};
use crate::forms::{FormErrors, Select, form_error};
use crate::i18n::{self, Msg};
use crate::layout::{PageCtx, csrf_field, page};
use crate::pages::products::location_options;

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
            (receive_form(ctx, order, locations, errors))
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
) -> Markup {
    let options = location_options(locations);
    let location = Select {
        name: "location_id",
        label: ctx.t(Msg::ReceiveLocation),
        options: options
            .iter()
            .map(|(id, name)| (id.as_str(), *name))
            .collect(),
        selected: options.first().map(|(id, _)| id.as_str()),
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
                                (receive_row(ctx, index, line))
                            }
                        }
                    }
                }
                button type="submit" { (ctx.t(Msg::ReceiveSubmit)) }
            }
        }
    }
}

fn receive_row(ctx: &PageCtx, index: usize, line: &OrderLine) -> Markup {
    let number = (index + 1).to_string();
    let label = |field: Msg| {
        i18n::tf(
            ctx.lang,
            Msg::LineFieldLabel,
            &[("field", ctx.t(field)), ("line", &number)],
        )
    };
    let remaining = remaining(line);
    html! {
        tr {
            th scope="row" {
                (line.product_name)
                input type="hidden" name="receive_product" value=(line.product_id);
            }
            td.num { (remaining.to_french()) }
            td {
                input type="text" name="receive_quantity" value=(remaining.to_french())
                    inputmode="decimal" autocomplete="off"
                    aria-label=(label(Msg::ColReceiveQuantity));
            }
            td {
                input type="text" name="receive_unit_cost" value=""
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
        )
    }

    fn render_with(
        lang: Lang,
        order: &Order,
        warnings: &[ReceiptWarning],
        errors: &FormErrors,
        can_edit: bool,
    ) -> String {
        no_empty_class(
            order_page(
                &signed_in(lang, Role::Manager),
                order,
                &goods::locations(),
                warnings,
                errors,
                can_edit,
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
