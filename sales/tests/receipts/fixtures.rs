//! Receipts to render: a sale with everything on it, a refund, a training
//! ticket and a reprint.

use chrono::NaiveDate;
use db::{Money, Quantity};
use sales::receipt::Receipt;
use sales::receipt::model::{
    CustomerBlock, LineDiscount, PaymentRow, ReceiptLine, ShopHeader, TicketKind, VatRow,
};

fn eur(cents: i64) -> Money {
    Money::from_cents(cents)
}

fn shop() -> ShopHeader {
    ShopHeader {
        name: "Épicerie du Marché".into(),
        address: vec!["12 rue de la République".into(), "69001 Lyon".into()],
        phone: Some("04 78 00 00 00".into()),
        siret: Some("123 456 789 00012".into()),
        vat_number: Some("FR32 123456789".into()),
        footer: Some("Merci de votre visite !\nÉchanges sous 15 jours avec ce ticket".into()),
    }
}

fn line(
    label: &str,
    thousandths: i64,
    unit: &str,
    unit_price: i64,
    vat: &str,
    total: i64,
) -> ReceiptLine {
    ReceiptLine {
        label: label.into(),
        quantity: Quantity::from_thousandths(thousandths),
        unit: unit.into(),
        unit_price: eur(unit_price),
        vat_code: vat.into(),
        discount: None,
        total: eur(total),
    }
}

fn vat(code: &str, base: i64, tax: i64) -> VatRow {
    VatRow {
        vat_code: code.into(),
        base: eur(base),
        tax: eur(tax),
        total: eur(base + tax),
    }
}

fn pay(method: &str, cents: i64) -> PaymentRow {
    PaymentRow {
        method: method.into(),
        amount: eur(cents),
    }
}

/// Two baguettes, a weighed cheese with a long name, a discounted wine, a bag;
/// 5,5 % and 20 %; card and cash with change; a loyalty card.
pub fn sale() -> Receipt {
    let mut wine = line(
        "Côtes du Rhône « Les Galets » 75 cl",
        1000,
        "piece",
        950,
        "20",
        855,
    );
    wine.discount = Some(LineDiscount {
        label: "-10 %".into(),
        amount: eur(95),
    });
    Receipt {
        shop: shop(),
        till_code: "C1".into(),
        till_name: "Caisse principale".into(),
        number: 123,
        kind: TicketKind::Sale,
        refund_of: None,
        training: false,
        at: NaiveDate::from_ymd_opt(2025, 3, 5)
            .and_then(|d| d.and_hms_opt(14, 32, 7))
            .unwrap_or_default(),
        cashier: "Élodie".into(),
        lines: vec![
            line("Baguette tradition", 2000, "piece", 130, "5.5", 260),
            line(
                "Comté AOP 18 mois affiné en cave d'altitude, coupé à la demande",
                350,
                "kg",
                2490,
                "5.5",
                872,
            ),
            wine,
            line("Sac cabas", 1000, "piece", 100, "20", 100),
        ],
        ticket_discount: None,
        total: eur(2087),
        vat: vec![vat("5.5", 1073, 59), vat("20", 796, 159)],
        payments: vec![pay("card", 1000), pay("cash", 1500)],
        change: eur(413),
        customer: Some(CustomerBlock {
            name: "Jeanne Dupont".into(),
            card_number: "2990000012345".into(),
            points_earned: 20,
            points_balance: 154,
        }),
        barcode: "C1-000123".into(),
        duplicate: None,
    }
}

/// The cheese brought back from ticket 120, paid back in cash.
pub fn refund() -> Receipt {
    let mut cheese = line(
        "Comté AOP 18 mois affiné en cave d'altitude, coupé à la demande",
        -350,
        "kg",
        2490,
        "5.5",
        -872,
    );
    cheese.discount = None;
    Receipt {
        number: 124,
        kind: TicketKind::Refund,
        refund_of: Some(120),
        lines: vec![cheese],
        total: eur(-872),
        vat: vec![vat("5.5", -827, -45)],
        payments: vec![pay("cash", -872)],
        change: Money::ZERO,
        customer: None,
        barcode: "C1-000124".into(),
        ..sale()
    }
}

/// A practice sale: its own numbering, marked everywhere.
pub fn training() -> Receipt {
    Receipt {
        number: 7,
        training: true,
        lines: vec![line("Baguette tradition", 2000, "piece", 130, "5.5", 260)],
        total: eur(260),
        vat: vec![vat("5.5", 246, 14)],
        payments: vec![pay("cash", 500)],
        change: eur(240),
        customer: None,
        barcode: "F-C1-000007".into(),
        ..sale()
    }
}

/// The second reprint of a sale with a discount on the whole ticket, paid
/// with a voucher and loyalty points.
pub fn duplicate() -> Receipt {
    Receipt {
        duplicate: Some(2),
        ticket_discount: Some(LineDiscount {
            label: "-5 %".into(),
            amount: eur(104),
        }),
        total: eur(1983),
        vat: vec![vat("5.5", 1019, 56), vat("20", 757, 151)],
        payments: vec![pay("voucher", 1500), pay("loyalty", 483)],
        change: Money::ZERO,
        ..sale()
    }
}

/// ESC/POS bytes made readable for a snapshot: ESC and GS by name, a line
/// feed (LF or ESC d) ends the line, other bytes outside printable ASCII in hex.
pub fn escaped(bytes: &[u8]) -> String {
    let mut out = String::new();
    let mut iter = bytes.iter().copied().peekable();
    while let Some(b) = iter.next() {
        match b {
            // ESC d n: print the line and feed n lines.
            0x1b if iter.peek() == Some(&b'd') => {
                iter.next();
                let n = iter.next().unwrap_or_default();
                out.push_str(&format!("<ESC>d<{n:02X}>\n"));
            }
            0x1b => out.push_str("<ESC>"),
            0x1d => out.push_str("<GS>"),
            b'\n' => out.push_str("<LF>\n"),
            0x20..=0x7e => out.push(char::from(b)),
            other => out.push_str(&format!("<{other:02X}>")),
        }
    }
    out
}

/// Where `needle` starts in `haystack`.
pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
