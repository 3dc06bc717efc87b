//! Micro-benchmarks of what every sale computes in memory: the VAT table of a
//! 20-line ticket, the receipt as text and as ESC/POS, the ticket's chain hash.
//! `cargo bench -p sales` (not run by `cargo test`; see BENCHMARKS.md).

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use db::{Money, Quantity};
use sales::ledger::chain_hash;
use sales::ledger::rows::{LineFields, PaymentFields, TicketContent, TicketFields, VatFields};
use sales::pricing::vat_breakdown;
use sales::receipt::model::{PaymentRow, ReceiptLine, ShopHeader, TicketKind, VatRow};
use sales::receipt::{Lang, Receipt, escpos, text};
use std::hint::black_box;

const LINES: i64 = 20;

/// (rate, code, price in cents) of line `i`: three VAT rates mixed.
fn goods(i: i64) -> (i64, &'static str, i64) {
    match i % 3 {
        0 => (550, "5.5", 390 + i * 37),
        1 => (2000, "20", 1250 + i * 11),
        _ => (1000, "10", 820 + i * 5),
    }
}

fn label(i: i64) -> String {
    format!("Confiture extra de fraise, pot de 370 g n°{i}")
}

fn receipt() -> Receipt {
    let lines: Vec<ReceiptLine> = (0..LINES)
        .map(|i| {
            let (_, code, price) = goods(i);
            ReceiptLine {
                label: label(i),
                quantity: Quantity::from_units(1),
                unit: "piece".into(),
                unit_price: Money::from_cents(price),
                vat_code: code.into(),
                discount: None,
                total: Money::from_cents(price),
            }
        })
        .collect();
    let vat: Vec<VatRow> = vat_breakdown(
        (0..LINES)
            .map(goods)
            .map(|(rate, code, price)| (rate, code, Money::from_cents(price))),
    )
    .into_iter()
    .map(|s| VatRow {
        vat_code: s.code,
        base: s.base,
        tax: s.tax,
        total: s.total,
    })
    .collect();
    let total: Money = lines.iter().map(|l| l.total).sum();
    Receipt {
        shop: ShopHeader {
            name: "Épicerie fine du Marché".into(),
            address: vec!["4 place du Marché".into(), "21000 Dijon".into()],
            phone: Some("03 80 12 34 56".into()),
            siret: Some("812 345 678 00014".into()),
            vat_number: Some("FR32812345678".into()),
            footer: Some("Merci de votre visite et à bientôt !".into()),
        },
        till_code: "T01".into(),
        till_name: "Caisse principale".into(),
        number: 4242,
        kind: TicketKind::Sale,
        refund_of: None,
        training: false,
        at: NaiveDate::from_ymd_opt(2026, 11, 25)
            .and_then(|d| d.and_hms_opt(10, 0, 0))
            .unwrap_or_default(),
        cashier: "Camille".into(),
        lines,
        ticket_discount: None,
        total,
        vat,
        payments: vec![PaymentRow {
            method: "card".into(),
            amount: total,
        }],
        change: Money::ZERO,
        customer: None,
        barcode: "T01-004242".into(),
        duplicate: None,
    }
}

fn content() -> TicketContent {
    let at = NaiveDate::from_ymd_opt(2026, 11, 25)
        .and_then(|d| d.and_hms_opt(10, 0, 0))
        .unwrap_or_default();
    let lines: Vec<LineFields> = (0..LINES)
        .map(|i| {
            let (rate, code, price) = goods(i);
            LineFields {
                ticket_id: 0,
                position: i + 1,
                product_id: 100 + i,
                label: label(i),
                unit: "piece".into(),
                quantity: 1000,
                unit_price: price,
                vat_code: code.into(),
                vat_rate: rate,
                discount_kind: None,
                discount_value: None,
                discount: 0,
                ticket_discount: 0,
                total: price,
                original_line_id: None,
            }
        })
        .collect();
    let total: i64 = lines.iter().map(|l| l.total).sum();
    TicketContent {
        ticket: TicketFields {
            uuid: "0b7c1f2e-6a55-4b8e-9d3a-2f6f3c1d9e10".into(),
            till_id: 1,
            session_id: 1,
            number: 4242,
            kind: "sale".into(),
            training: false,
            refund_of: None,
            cashier_id: 2,
            approved_by: None,
            customer_id: None,
            discount_total: 0,
            total,
            change_given: 0,
            grand_total: 123_456_789,
            created_at: at,
        },
        lines,
        vat: vec![VatFields {
            ticket_id: 0,
            vat_rate: 2000,
            vat_code: "20".into(),
            base: total * 100 / 120,
            tax: total - total * 100 / 120,
            total,
        }],
        payments: vec![PaymentFields {
            ticket_id: 0,
            position: 1,
            method: "card".into(),
            amount: total,
            reference: None,
        }],
    }
}

fn vat_table(c: &mut Criterion) {
    let lines: Vec<(i64, &str, Money)> = (0..LINES)
        .map(goods)
        .map(|(rate, code, price)| (rate, code, Money::from_cents(price)))
        .collect();
    c.bench_function("vat_breakdown/20 lines", |b| {
        b.iter(|| vat_breakdown(black_box(&lines).iter().copied()))
    });
}

fn receipts(c: &mut Criterion) {
    let receipt = receipt();
    c.bench_function("receipt/text 42 columns, 20 lines", |b| {
        b.iter(|| text::render(black_box(&receipt), 42, Lang::Fr))
    });
    c.bench_function("receipt/escpos 48 columns, 20 lines", |b| {
        b.iter(|| escpos::render(black_box(&receipt), 48, false))
    });
}

fn hashing(c: &mut Criterion) {
    let content = content();
    let previous = "9f2c".repeat(16);
    c.bench_function("ledger/chain_hash 20 lines", |b| {
        b.iter(|| chain_hash(black_box(&previous), black_box(&content)))
    });
}

criterion_group!(benches, vat_table, receipts, hashing);
criterion_main!(benches);
