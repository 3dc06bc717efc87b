//! `/sales/{uuid}`: one ticket as stored (lines, discounts, VAT, payments,
//! change, who, where, when, its hash), the ticket it refunds or the refunds
//! made of it, its receipt as the till prints it, and a reprint button.

use chrono::NaiveDateTime;
use inventory::catalogue::Unit;
use maud::{Markup, html};
use sales::tickets::{Summary, Ticket, TicketKind};

use super::{back_to_sales, method_label};
use crate::forms::alert;
use crate::i18n::{self, Msg, short_datetime, unit_abbr, vat_label};
use crate::layout::{PageCtx, csrf_field, page};

/// What the ticket's page shows besides the ticket.
#[derive(Debug, Clone, Copy)]
pub struct TicketView<'a> {
    pub ticket: &'a Ticket,
    /// When it was made, in the shop's local time.
    pub at: NaiveDateTime,
    /// The ticket this one refunds: `(uuid, reference)`.
    pub refund_of: Option<(&'a str, &'a str)>,
    /// The refunds made of this ticket (`created_at` local).
    pub refunds: &'a [Summary],
    /// The receipt as plain text, as wide as the till's paper.
    pub receipt: &'a str,
    /// Why the last reprint failed (the printer's refusal), if it did.
    pub print_error: Option<&'a str>,
}

pub fn ticket_page(ctx: &PageCtx, view: &TicketView<'_>) -> Markup {
    let t = view.ticket;
    let reference = t.reference();
    let title = i18n::tf(ctx.lang, Msg::TicketTitle, &[("reference", &reference)]);
    let kind = match t.kind {
        TicketKind::Sale => Msg::KindSale,
        TicketKind::Refund => Msg::KindRefund,
    };
    let body = html! {
        (back_to_sales(ctx))
        div.page-head {
            h1 {
                (title)
                @if t.training {
                    " " span.badge.status-draft { (ctx.t(Msg::TrainingBadge)) }
                }
            }
            div.order-actions {
                form method="post" action=(format!("/sales/{}/print", t.uuid)) {
                    (csrf_field(ctx))
                    button type="submit" { (ctx.t(Msg::ReprintSubmit)) }
                }
            }
        }
        (alert(view.print_error))
        dl.facts {
            dt { (ctx.t(Msg::ColKind)) } dd { (ctx.t(kind)) }
            dt { (ctx.t(Msg::FieldTill)) } dd { (t.till_code) }
            dt { (ctx.t(Msg::FieldCashier)) } dd { (t.cashier_name) }
            dt { (ctx.t(Msg::ColDate)) } dd { (short_datetime(view.at)) }
            dt { (ctx.t(Msg::ColCashSession)) }
            dd { a href=(format!("/sessions/{}", t.session_id)) { (i18n::tf(ctx.lang, Msg::SessionNumber, &[("id", &t.session_id.to_string())])) } }
            @if let Some((uuid, original)) = view.refund_of {
                dt { (ctx.t(Msg::RefundOf)) }
                dd { a href=(format!("/sales/{uuid}")) { (original) } }
            }
            @if !view.refunds.is_empty() {
                dt { (ctx.t(Msg::RefundedBy)) }
                dd {
                    ul.plain {
                        @for r in view.refunds {
                            li {
                                a href=(format!("/sales/{}", r.uuid)) { (format!("{}-{:06}", r.till_code, r.number)) }
                                " · " (short_datetime(r.created_at)) " · " (r.total.to_french())
                            }
                        }
                    }
                }
            }
            dt { (ctx.t(Msg::TicketHash)) } dd { code.muted { (t.hash) } }
        }
        div.table-wrap {
            table {
                thead {
                    tr {
                        th scope="col" { (ctx.t(Msg::ColProduct)) }
                        th.num scope="col" { (ctx.t(Msg::ColQuantity)) }
                        th.num scope="col" { (ctx.t(Msg::ColUnitPriceTtc)) }
                        th.num scope="col" { (ctx.t(Msg::ColDiscount)) }
                        th.num scope="col" { (ctx.t(Msg::ColVat)) }
                        th.num scope="col" { (ctx.t(Msg::ColTotalTtc)) }
                    }
                }
                tbody {
                    @for line in &t.lines {
                        tr {
                            td { (line.label) }
                            td.num {
                                (line.quantity.to_french())
                                @if let Ok(unit) = line.unit.parse::<Unit>() {
                                    @if unit != Unit::Piece { " " (unit_abbr(ctx.lang, unit)) }
                                }
                            }
                            td.num { (line.unit_price.to_french()) }
                            td.num {
                                @if line.line_discount != db::Money::ZERO {
                                    (line.discount.map(|d| d.label()).unwrap_or_default())
                                    " (" (line.line_discount.to_french()) ")"
                                }
                            }
                            td.num { (vat_label(ctx.lang, &line.vat_code)) }
                            td.num { (line.total.to_french()) }
                        }
                    }
                }
                tfoot {
                    @if t.discount_total != db::Money::ZERO {
                        tr {
                            th scope="row" colspan="5" { (ctx.t(Msg::DiscountsTotal)) }
                            td.num { (t.discount_total.to_french()) }
                        }
                    }
                    tr {
                        th scope="row" colspan="5" { (ctx.t(Msg::Total)) }
                        td.num { (t.total.to_french()) }
                    }
                }
            }
        }
        div.cards {
            section.card {
                h2 { (ctx.t(Msg::VatTableTitle)) }
                (vat_table(ctx, &t.vat))
            }
            section.card {
                h2 { (ctx.t(Msg::PaymentsTitle)) }
                table {
                    tbody {
                        @for p in &t.payments {
                            tr {
                                th scope="row" {
                                    (method_label(ctx.lang, &p.method))
                                    @if let Some(reference) = &p.reference { " " span.muted { (reference) } }
                                }
                                td.num { (p.amount.to_french()) }
                            }
                        }
                    }
                    tfoot {
                        tr {
                            th scope="row" { (ctx.t(Msg::ChangeGiven)) }
                            td.num { (t.change.to_french()) }
                        }
                    }
                }
            }
        }
        section.card {
            h2 { (ctx.t(Msg::ReceiptPreviewTitle)) }
            pre.receipt aria-label=(ctx.t(Msg::ReceiptPreviewTitle)) { (view.receipt) }
        }
    };
    page(ctx, &title, body)
}

/// Base, tax and total per VAT rate.
pub(super) fn vat_table(ctx: &PageCtx, shares: &[sales::pricing::VatShare]) -> Markup {
    html! {
        table {
            thead {
                tr {
                    th scope="col" { (ctx.t(Msg::ColRate)) }
                    th.num scope="col" { (ctx.t(Msg::ColVatBase)) }
                    th.num scope="col" { (ctx.t(Msg::ColVatTax)) }
                    th.num scope="col" { (ctx.t(Msg::ColTotalTtc)) }
                }
            }
            tbody {
                @for share in shares {
                    tr {
                        th scope="row" { (vat_label(ctx.lang, &share.code)) }
                        td.num { (share.base.to_french()) }
                        td.num { (share.tax.to_french()) }
                        td.num { (share.total.to_french()) }
                    }
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
    use crate::pages::sales::fixtures::{at, summary, ticket};
    use crate::test_support::{no_empty_class, signed_in};

    #[test]
    fn a_ticket_shows_lines_vat_payments_receipt_and_a_reprint_form() {
        let ticket = ticket();
        let mut refund = summary();
        refund.uuid = "refund-uuid".into();
        refund.number = 43;
        let refunds = [refund];
        let view = TicketView {
            ticket: &ticket,
            at: at(10, 30),
            refund_of: None,
            refunds: &refunds,
            receipt: "ÉPICERIE <FINE>\n",
            print_error: None,
        };
        let html =
            no_empty_class(ticket_page(&signed_in(Lang::Fr, Role::Manager), &view).into_string())
                .replace('\u{a0}', " ");
        assert!(html.contains("<title>Ticket T01-000042 · Comptoir</title>"));
        assert!(html.contains("<td>Miel &lt;lavande&gt;</td><td class=\"num\">2</td>"));
        assert!(html.contains("<td class=\"num\">5,5 %</td><td class=\"num\">17,80 €</td>"));
        assert!(html.contains("<th scope=\"row\">Espèces</th><td class=\"num\">30,00 €</td>"));
        assert!(html.contains("Rendu</th><td class=\"num\">9,35 €</td>"));
        assert!(html.contains("<dd>25/11/2026 10:30</dd>"));
        assert!(html.contains("<a href=\"/sales/refund-uuid\">T01-000043</a>"));
        assert!(html.contains("<a href=\"/sessions/3\">"));
        assert!(html.contains(
            "<pre class=\"receipt\" aria-label=\"Aperçu du ticket\">ÉPICERIE &lt;FINE&gt;\n</pre>"
        ));
        assert!(html.contains("action=\"/sales/0b7c3f9e-1111-4a2b-9c3d-123456789abc/print\""));
        assert!(html.contains(">Réimprimer</button>"));
        assert!(!html.contains("role=\"alert\""));
    }

    #[test]
    fn a_refund_links_to_its_original_and_a_printer_error_is_shown() {
        let mut ticket = ticket();
        ticket.kind = TicketKind::Refund;
        ticket.training = true;
        let view = TicketView {
            ticket: &ticket,
            at: at(10, 30),
            refund_of: Some(("orig-uuid", "T01-000041")),
            refunds: &[],
            receipt: "",
            print_error: Some("Printer off."),
        };
        let html = ticket_page(&signed_in(Lang::En, Role::Owner), &view).into_string();
        assert!(html.contains("<a href=\"/sales/orig-uuid\">T01-000041</a>"));
        assert!(html.contains("<div class=\"alert\" role=\"alert\">Printer off.</div>"));
        assert!(html.contains(">Training</span>"));
        assert!(html.contains("<dd>Refund</dd>"));
    }
}
