//! The plain-text receipt at 42 and 48 columns, in snapshots.

use super::fixtures;
use sales::receipt::{Lang, text};

fn render(receipt: &sales::receipt::Receipt, columns: usize) -> String {
    let out = text::render(receipt, columns, Lang::Fr);
    for line in out.lines() {
        assert!(
            line.chars().count() <= columns,
            "line wider than {columns}: {line:?}"
        );
        assert!(
            !line.contains('\u{a0}'),
            "no-break space left on paper: {line:?}"
        );
    }
    out
}

#[test]
fn sale_42() {
    insta::assert_snapshot!(render(&fixtures::sale(), 42));
}

#[test]
fn sale_48() {
    insta::assert_snapshot!(render(&fixtures::sale(), 48));
}

#[test]
fn refund_42() {
    insta::assert_snapshot!(render(&fixtures::refund(), 42));
}

#[test]
fn refund_48() {
    insta::assert_snapshot!(render(&fixtures::refund(), 48));
}

#[test]
fn training_42() {
    insta::assert_snapshot!(render(&fixtures::training(), 42));
}

#[test]
fn training_48() {
    insta::assert_snapshot!(render(&fixtures::training(), 48));
}

#[test]
fn duplicate_42() {
    insta::assert_snapshot!(render(&fixtures::duplicate(), 42));
}

#[test]
fn duplicate_48() {
    insta::assert_snapshot!(render(&fixtures::duplicate(), 48));
}

#[test]
fn sale_in_english_42() {
    insta::assert_snapshot!(text::render(&fixtures::sale(), 42, Lang::En));
}

#[test]
fn a_label_cannot_drive_the_printer() {
    let mut receipt = fixtures::training();
    receipt.lines[0].label = "Pain\u{1b}p\u{0}\u{19}\u{fa}\nde mie".into();
    let out = text::render(&receipt, 42, Lang::Fr);
    assert!(out.contains("Pain p"), "{out}");
    assert!(!out.contains('\u{1b}'));
}
