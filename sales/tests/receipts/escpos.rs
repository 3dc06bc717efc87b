//! The ESC/POS bytes of a receipt, in readable snapshots, and the commands a
//! French receipt needs.

use super::fixtures::{self, escaped, find};
use sales::receipt::escpos::{self, CODE_PAGE_WPC1252, CUT, DRAWER_KICK, INIT};

fn bytes(receipt: &sales::receipt::Receipt, columns: usize, drawer: bool) -> Vec<u8> {
    escpos::render(receipt, columns, drawer).unwrap_or_default()
}

#[test]
fn sale_42_with_drawer() {
    insta::assert_snapshot!(escaped(&bytes(&fixtures::sale(), 42, true)));
}

#[test]
fn refund_48() {
    insta::assert_snapshot!(escaped(&bytes(&fixtures::refund(), 48, false)));
}

#[test]
fn training_42() {
    insta::assert_snapshot!(escaped(&bytes(&fixtures::training(), 42, false)));
}

#[test]
fn duplicate_42() {
    insta::assert_snapshot!(escaped(&bytes(&fixtures::duplicate(), 42, false)));
}

#[test]
fn starts_with_init_and_the_windows_1252_code_page_and_ends_with_a_cut() {
    let out = bytes(&fixtures::sale(), 42, false);
    assert!(out.starts_with(&[INIT.as_slice(), CODE_PAGE_WPC1252.as_slice()].concat()));
    assert!(out.ends_with(&CUT));
    assert_eq!(find(&out, &DRAWER_KICK), None);
    let with_drawer = bytes(&fixtures::sale(), 42, true);
    assert_eq!(
        find(&with_drawer, &DRAWER_KICK),
        Some(INIT.len() + CODE_PAGE_WPC1252.len())
    );
}

#[test]
fn french_letters_are_windows_1252() {
    let out = bytes(&fixtures::sale(), 42, false);
    // "Épicerie du Marché", "Tél.", "€", "« Les Galets »", "×", "—".
    assert!(find(&out, b"\xC9picerie du March\xE9").is_some());
    assert!(find(&out, b"T\xE9l.").is_some());
    assert!(find(&out, b"2,60 \x80 A").is_some());
    assert!(find(&out, b"\xAB Les Galets \xBB").is_some());
    assert!(find(&out, b"2 \xD7 1,30").is_some());
    assert!(find(&out, b"C1 \x97 Caisse").is_some());
    // Nothing left in UTF-8 (é is C3 A9 there).
    assert_eq!(find(&out, "é".as_bytes()), None);
}

#[test]
fn the_total_is_bold_and_double_size() {
    let out = bytes(&fixtures::sale(), 42, false);
    let total = find(&out, b"TOTAL TTC").unwrap_or_default();
    // ESC E 1 (bold) then GS ! 0x11 (double width and height) just before.
    assert_eq!(&out[total - 6..total], b"\x1bE\x01\x1d!\x11");
    // Laid out on 21 double-width columns: the amount ends at column 19.
    let end = find(&out[total..], b"\x1bd\x01").unwrap_or_default();
    assert_eq!(&out[total..total + end], b"TOTAL TTC   20,87 \x80");
}

#[test]
fn the_ticket_barcode_is_code_128() {
    let out = bytes(&fixtures::sale(), 42, false);
    let mut command = b"\x1dk\x49".to_vec();
    command.push(11);
    command.extend_from_slice(b"{BC1-000123");
    assert!(find(&out, &command).is_some(), "{}", escaped(&out));
}

#[test]
fn text_and_paper_say_the_same() {
    let receipt = fixtures::duplicate();
    let paper = bytes(&receipt, 48, false);
    let text = sales::receipt::text::render(&receipt, 48, sales::receipt::Lang::Fr);
    // The large total is laid out on half the columns; the barcode prints as bars.
    let on_paper = |l: &&str| !l.is_empty() && !l.contains("TOTAL") && l.trim() != receipt.barcode;
    for line in text.lines().filter(on_paper) {
        let encoded: Vec<u8> = line
            .chars()
            .map(|c| match c {
                'É' => 0xC9,
                'é' => 0xE9,
                'è' => 0xE8,
                'à' => 0xE0,
                'ç' => 0xE7,
                '°' => 0xB0,
                '€' => 0x80,
                '—' => 0x97,
                '×' => 0xD7,
                '«' => 0xAB,
                '»' => 0xBB,
                'ô' => 0xF4,
                c => u8::try_from(c).unwrap_or(b'?'),
            })
            .collect();
        assert!(find(&paper, &encoded).is_some(), "not on paper: {line:?}");
    }
}
