//! What a receipt says, independent of where it goes (paper, screen, e-mail).
//! Built from a stored ticket by the sales crate; rendered by `text`, `escpos`
//! and the back office's HTML preview.

use chrono::NaiveDateTime;
use db::{Money, Quantity};

/// The shop's identity as French receipts must show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShopHeader {
    pub name: String,
    /// Postal address, one entry per printed line (street, postcode and city…).
    pub address: Vec<String>,
    pub phone: Option<String>,
    pub siret: Option<String>,
    /// Numéro de TVA intracommunautaire.
    pub vat_number: Option<String>,
    /// Free text printed at the bottom ("Merci de votre visite").
    pub footer: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TicketKind {
    Sale,
    /// A counter-ticket: amounts and quantities are negative.
    Refund,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReceiptLine {
    pub label: String,
    /// Signed (negative on a refund), in thousandths.
    pub quantity: Quantity,
    /// `"piece"`, `"kg"`, `"l"`, `"m"`: weighed goods print "0,350 kg × 24,90 €/kg".
    pub unit: String,
    /// VAT included.
    pub unit_price: Money,
    /// The VAT code as printed: `"20"`, `"5.5"`… (a letter column maps to it
    /// in the VAT table).
    pub vat_code: String,
    /// The discount taken off this line (positive), and how it was expressed.
    pub discount: Option<LineDiscount>,
    /// What the line costs after its discount, VAT included (signed).
    pub total: Money,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineDiscount {
    /// `"-10 %"` or `"-1,50 €"`, as typed at the till.
    pub label: String,
    pub amount: Money,
}

/// One row of the VAT table: per rate, base (HT), tax (TVA) and total (TTC).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VatRow {
    pub vat_code: String,
    pub base: Money,
    pub tax: Money,
    pub total: Money,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentRow {
    /// `cash`, `card`, `cheque`, `voucher`, `loyalty`.
    pub method: String,
    pub amount: Money,
}

/// The loyalty card shown at the till.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerBlock {
    pub name: String,
    pub card_number: String,
    pub points_earned: i64,
    pub points_balance: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    pub shop: ShopHeader,
    pub till_code: String,
    pub till_name: String,
    /// Sequential per till; training tickets have their own sequence.
    pub number: i64,
    pub kind: TicketKind,
    /// The original ticket's number, on a refund.
    pub refund_of: Option<i64>,
    /// Training mode: every copy is marked FORMATION.
    pub training: bool,
    /// Local time of the shop.
    pub at: NaiveDateTime,
    pub cashier: String,
    pub lines: Vec<ReceiptLine>,
    /// A discount on the whole ticket (positive), already spread in `lines`' VAT.
    pub ticket_discount: Option<LineDiscount>,
    pub total: Money,
    pub vat: Vec<VatRow>,
    pub payments: Vec<PaymentRow>,
    /// Cash given back.
    pub change: Money,
    pub customer: Option<CustomerBlock>,
    /// What the barcode at the bottom encodes (Code 128), scanned back for returns.
    pub barcode: String,
    /// `Some(n)`: this is the n-th reprint, marked DUPLICATA n.
    pub duplicate: Option<u32>,
}
