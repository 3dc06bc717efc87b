//! A stored ticket as a receipt: the shop's identity, the till, the lines as
//! sold, the VAT table and the payments.

use super::model::{
    CustomerBlock, LineDiscount, PaymentRow, Receipt, ReceiptLine, ShopHeader,
    TicketKind as ReceiptKind, VatRow,
};
use crate::error::Result;
use crate::pricing::Discount;
use crate::shops;
use crate::tickets::{self, Ticket, TicketKind};
use crate::tills;
use chrono::NaiveDateTime;
use db::{DbConn, Money};

/// The loyalty card's block: who, which card, the points.
fn customer_block(conn: &mut DbConn, ticket: &Ticket) -> Result<Option<CustomerBlock>> {
    let Some(customer_id) = ticket.customer_id else {
        return Ok(None);
    };
    let customer = customers::fiche::get(conn, customer_id)?;
    let card = customers::cards::active_card(conn, customer_id)?;
    let (earned, balance) = ticket.loyalty.unwrap_or((0, customer.points));
    Ok(Some(CustomerBlock {
        name: customer.display_name(),
        card_number: card.map(|c| c.number).unwrap_or_default(),
        points_earned: earned,
        points_balance: balance,
    }))
}

/// The receipt of `ticket`; `duplicate` is the copy number of a reprint;
/// `local` turns stored UTC times into the shop's wall clock.
pub fn build(
    conn: &mut DbConn,
    ticket: &Ticket,
    duplicate: Option<u32>,
    local: impl Fn(NaiveDateTime) -> NaiveDateTime,
) -> Result<Receipt> {
    let till = tills::get(conn, ticket.till_id)?;
    let shop = shops::get(conn, till.shop_id)?;
    let refund_of = match ticket.refund_of {
        Some(id) => Some(tickets::get(conn, id)?.number),
        None => None,
    };
    let ticket_discount: Money = ticket.lines.iter().map(|l| l.ticket_discount).sum();
    Ok(Receipt {
        shop: ShopHeader {
            name: shop.name().to_owned(),
            address: shop.address_lines(),
            phone: shop.row.phone.clone(),
            siret: shop.row.siret.clone(),
            vat_number: shop.row.vat_number.clone(),
            footer: shop.row.receipt_footer.clone(),
        },
        till_code: till.code.clone(),
        till_name: till.name.clone(),
        number: ticket.number,
        kind: match ticket.kind {
            TicketKind::Sale => ReceiptKind::Sale,
            TicketKind::Refund => ReceiptKind::Refund,
        },
        refund_of,
        training: ticket.training,
        at: local(ticket.created_at),
        cashier: ticket.cashier_name.clone(),
        lines: ticket
            .lines
            .iter()
            .map(|l| ReceiptLine {
                label: l.label.clone(),
                quantity: l.quantity,
                unit: l.unit.clone(),
                unit_price: l.unit_price,
                vat_code: l.vat_code.clone(),
                discount: (l.line_discount != Money::ZERO).then(|| LineDiscount {
                    label: l.discount.map_or_else(
                        || format!("-{}", l.line_discount.to_french()),
                        Discount::label,
                    ),
                    amount: l.line_discount,
                }),
                // Before the ticket's discount, which the receipt shows once.
                total: l.total + l.ticket_discount,
            })
            .collect(),
        ticket_discount: (ticket_discount != Money::ZERO).then(|| LineDiscount {
            label: format!("-{}", ticket_discount.to_french()),
            amount: ticket_discount,
        }),
        total: ticket.total,
        vat: ticket
            .vat
            .iter()
            .map(|v| VatRow {
                vat_code: v.code.clone(),
                base: v.base,
                tax: v.tax,
                total: v.total,
            })
            .collect(),
        payments: ticket
            .payments
            .iter()
            .map(|p| PaymentRow {
                method: p.method.clone(),
                amount: p.amount,
            })
            .collect(),
        change: ticket.change,
        customer: customer_block(conn, ticket)?,
        barcode: ticket.reference(),
        duplicate,
    })
}
