//! The receipt's line layout, shared by the plain text (screen, e-mail) and the
//! ESC/POS bytes (paper): `rows` says what is printed in which order and with
//! which emphasis; `Row::lines` lays one row out on a given number of columns.

use super::model::{LineDiscount, Receipt, ReceiptLine, TicketKind};
use super::words::{Lang, Words};
use db::{Money, fixed};

/// How a row stands out on paper. Plain text ignores it, except that a
/// `Large` row is laid out on half the columns by the ESC/POS renderer
/// (double width).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Emphasis {
    Normal,
    Bold,
    Large,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// Centred text, wrapped on words.
    Centre(String, Emphasis),
    /// Left-aligned text, wrapped on words (leading spaces indent every line).
    Text(String),
    /// Text on the left (wrapped), a value right-aligned on its last line,
    /// then, for amounts, a one-letter column (the VAT code, or blank).
    Pair {
        left: String,
        right: String,
        tag: Option<char>,
        emphasis: Emphasis,
    },
    /// A table row: the first cell left-aligned, the others right-aligned in
    /// equal columns.
    Columns(Vec<String>),
    /// A line of this character across the width.
    Rule(char),
    Blank,
    /// A Code 128 barcode on paper; its text, centred, in plain text.
    Barcode(String),
}

/// The narrowest first column of a table (the VAT rate: "A 5,5 %").
const FIRST_COLUMN: usize = 9;

impl Row {
    pub fn emphasis(&self) -> Emphasis {
        match self {
            Row::Centre(_, emphasis) | Row::Pair { emphasis, .. } => *emphasis,
            _ => Emphasis::Normal,
        }
    }

    /// The printed lines of this row on `columns` characters, without
    /// trailing spaces; no-break spaces become plain spaces.
    pub fn lines(&self, columns: usize) -> Vec<String> {
        let columns = columns.max(8);
        let lines = match self {
            Row::Centre(text, _) => wrap(text, columns)
                .into_iter()
                .map(|line| centre(&line, columns))
                .collect(),
            Row::Text(text) => wrap(text, columns),
            Row::Pair {
                left, right, tag, ..
            } => pair(left, right, *tag, columns),
            Row::Columns(cells) => vec![table_row(cells, columns)],
            Row::Rule(c) => vec![c.to_string().repeat(columns)],
            Row::Blank => vec![String::new()],
            Row::Barcode(code) => vec![centre(code, columns)],
        };
        lines
            .into_iter()
            .map(|line| line.trim_end().replace('\u{a0}', " "))
            .collect()
    }
}

fn width(text: &str) -> usize {
    text.chars().count()
}

/// Greedy word wrap; a word longer than the line is cut. Breaks only at
/// plain spaces, so amounts (no-break spaces) stay whole.
pub(crate) fn wrap(text: &str, columns: usize) -> Vec<String> {
    let indent = text.chars().take_while(|c| *c == ' ').count();
    let indent = if indent * 2 >= columns { 0 } else { indent };
    let room = columns - indent;
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let word_width = width(word);
        let current_width = width(&current);
        if current_width > 0 && current_width + 1 + word_width <= room {
            current.push(' ');
            current.push_str(word);
            continue;
        }
        if current_width > 0 {
            lines.push(std::mem::take(&mut current));
        }
        let chars: Vec<char> = word.chars().collect();
        let mut chunks = chars.chunks(room).peekable();
        while let Some(chunk) = chunks.next() {
            let chunk: String = chunk.iter().collect();
            if chunks.peek().is_some() {
                lines.push(chunk);
            } else {
                current = chunk;
            }
        }
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    let pad = " ".repeat(indent);
    lines
        .into_iter()
        .map(|line| format!("{pad}{line}"))
        .collect()
}

fn centre(text: &str, columns: usize) -> String {
    let left = columns.saturating_sub(width(text)) / 2;
    format!("{}{text}", " ".repeat(left))
}

fn pair(left: &str, right: &str, tag: Option<char>, columns: usize) -> Vec<String> {
    let right = match tag {
        Some(tag) => format!("{right} {tag}"),
        None => right.to_owned(),
    };
    let right_width = width(&right);
    let mut lines = wrap(left, columns);
    let last = lines.pop().unwrap_or_default();
    let last_width = width(&last);
    if last_width + 1 + right_width <= columns {
        let gap = columns - last_width - right_width;
        lines.push(format!("{last}{}{right}", " ".repeat(gap)));
    } else {
        lines.push(last);
        let gap = columns.saturating_sub(right_width);
        lines.push(format!("{}{right}", " ".repeat(gap)));
    }
    lines
}

fn table_row(cells: &[String], columns: usize) -> String {
    let Some((first, rest)) = cells.split_first() else {
        return String::new();
    };
    if rest.is_empty() {
        return first.clone();
    }
    let cell = (columns - FIRST_COLUMN.min(columns)) / rest.len();
    let first_width = columns - cell * rest.len();
    let mut line = format!("{first:<first_width$}");
    for value in rest {
        line.push_str(&format!("{value:>cell$}"));
    }
    line
}

/// `1 234,50 €` (no-break spaces, so it never wraps).
pub(crate) fn euros(amount: Money) -> String {
    amount.to_french()
}

/// `"5.5"` → `"5,5 %"`; a code that is not a number prints as is.
fn vat_rate(code: &str) -> String {
    if !code.is_empty()
        && code
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        format!("{}\u{a0}%", code.replace('.', ","))
    } else {
        code.to_owned()
    }
}

/// Control characters (an ESC in a label would drive the printer) become spaces.
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

struct Builder<'a> {
    receipt: &'a Receipt,
    words: &'a Words,
    rows: Vec<Row>,
}

impl Builder<'_> {
    fn centre(&mut self, text: impl AsRef<str>, emphasis: Emphasis) {
        self.rows.push(Row::Centre(clean(text.as_ref()), emphasis));
    }

    fn text(&mut self, text: impl AsRef<str>) {
        self.rows.push(Row::Text(clean(text.as_ref())));
    }

    fn pair(&mut self, left: impl AsRef<str>, right: impl AsRef<str>, tag: Option<char>) {
        self.pair_with(left, right, tag, Emphasis::Normal);
    }

    fn pair_with(
        &mut self,
        left: impl AsRef<str>,
        right: impl AsRef<str>,
        tag: Option<char>,
        emphasis: Emphasis,
    ) {
        self.rows.push(Row::Pair {
            left: clean(left.as_ref()),
            right: clean(right.as_ref()),
            tag,
            emphasis,
        });
    }

    fn amount(&mut self, left: impl AsRef<str>, amount: Money) {
        self.pair(left, euros(amount), Some(' '));
    }

    fn rule(&mut self) {
        self.rows.push(Row::Rule('-'));
    }

    /// The letter that stands for a VAT code on the lines and in the table.
    fn vat_letter(&self, code: &str) -> char {
        let index = self.receipt.vat.iter().position(|row| row.vat_code == code);
        match index.and_then(|i| u8::try_from(i).ok()) {
            Some(i) if i < 26 => char::from(b'A' + i),
            _ => ' ',
        }
    }

    fn training_banner(&mut self) {
        if self.receipt.training {
            self.centre(format!("*** {} ***", self.words.training), Emphasis::Large);
        }
    }

    fn header(&mut self) {
        let (shop, w) = (&self.receipt.shop, self.words);
        self.training_banner();
        self.centre(&shop.name, Emphasis::Bold);
        for line in &shop.address {
            self.centre(line, Emphasis::Normal);
        }
        if let Some(phone) = &shop.phone {
            self.centre(format!("{} {phone}", w.phone), Emphasis::Normal);
        }
        if let Some(siret) = &shop.siret {
            self.centre(format!("{} {siret}", w.siret), Emphasis::Normal);
        }
        if let Some(number) = &shop.vat_number {
            self.centre(format!("{} {number}", w.vat_number), Emphasis::Normal);
        }
        self.rule();
        if let Some(n) = self.receipt.duplicate {
            self.centre(format!("{} {n}", w.duplicate), Emphasis::Bold);
        }
        if self.receipt.kind == TicketKind::Refund {
            self.centre(w.refund, Emphasis::Bold);
            if let Some(original) = self.receipt.refund_of {
                self.centre(format!("{} {original:06}", w.refund_of), Emphasis::Normal);
            }
        }
        let r = self.receipt;
        self.pair(
            r.at.format("%d/%m/%Y %H:%M").to_string(),
            format!("{} {:06}", w.ticket, r.number),
            None,
        );
        self.text(format!("{} {} — {}", w.till, r.till_code, r.till_name));
        self.text(format!("{} {}", w.cashier, r.cashier));
        self.rule();
    }

    fn line(&mut self, line: &ReceiptLine) {
        let tag = Some(self.vat_letter(&line.vat_code));
        let shown_discount = line
            .discount
            .as_ref()
            .map(|d| signed_discount(d, line.total));
        let gross = line.total - shown_discount.unwrap_or(Money::ZERO);
        let weighed = line.unit != "piece";
        if !weighed && line.quantity.thousandths() == 1000 && shown_discount.is_none() {
            self.pair(&line.label, euros(line.total), tag);
            return;
        }
        self.text(&line.label);
        let quantity = if weighed {
            format!(
                "  {}\u{a0}{unit} × {}/{unit}",
                fixed::to_french(line.quantity.thousandths(), 3),
                euros(line.unit_price),
                unit = line.unit
            )
        } else {
            format!(
                "  {} × {}",
                line.quantity.to_french(),
                euros(line.unit_price)
            )
        };
        self.pair(quantity, euros(gross), tag);
        if let (Some(discount), Some(shown)) = (&line.discount, shown_discount) {
            let label = format!("  {} {}", self.words.discount, discount.label);
            self.pair(label, euros(shown), Some(' '));
        }
    }

    fn totals(&mut self) {
        let (r, w) = (self.receipt, self.words);
        if let Some(discount) = &r.ticket_discount {
            self.rule();
            let subtotal: Money = r.lines.iter().map(|line| line.total).sum();
            self.amount(w.subtotal, subtotal);
            let label = format!("{} {}", w.ticket_discount, discount.label);
            self.amount(label, signed_discount(discount, r.total));
        }
        self.rows.push(Row::Rule('='));
        self.pair_with(w.total, euros(r.total), Some(' '), Emphasis::Large);
        self.rows.push(Row::Rule('='));
        self.rows.push(Row::Blank);
        self.rows.push(Row::Columns(vec![
            w.vat_rate.to_owned(),
            w.vat_base.to_owned(),
            w.vat_tax.to_owned(),
            w.vat_total.to_owned(),
        ]));
        for row in &r.vat {
            let letter = self.vat_letter(&row.vat_code);
            self.rows.push(Row::Columns(vec![
                clean(&format!("{letter} {}", vat_rate(&row.vat_code))),
                euros(row.base),
                euros(row.tax),
                euros(row.total),
            ]));
        }
        self.rule();
    }

    fn payments(&mut self) {
        let (r, w) = (self.receipt, self.words);
        for payment in &r.payments {
            self.amount(w.payment_method(&payment.method), payment.amount);
        }
        if r.change != Money::ZERO {
            self.amount(w.change, r.change);
        }
    }

    fn customer(&mut self) {
        let w = self.words;
        if let Some(customer) = &self.receipt.customer {
            self.rule();
            self.text(format!("{} {}", w.customer, customer.name));
            self.text(format!("{} {}", w.card_number, customer.card_number));
            self.pair(
                w.points_earned,
                customer.points_earned.to_string(),
                Some(' '),
            );
            self.pair(
                w.points_balance,
                customer.points_balance.to_string(),
                Some(' '),
            );
        }
    }

    fn footer(&mut self) {
        let r = self.receipt;
        self.rule();
        if r.training {
            self.centre(self.words.training_footer, Emphasis::Bold);
        }
        if let Some(footer) = &r.shop.footer {
            for line in footer.lines() {
                self.centre(line, Emphasis::Normal);
            }
        }
        let code = clean(r.barcode.trim());
        if !code.is_empty() {
            self.rows.push(Row::Blank);
            self.rows.push(Row::Barcode(code));
        }
        self.training_banner();
    }
}

/// A discount as printed: it lowers what is paid (minus on a sale) or what is
/// given back (plus on a refund, whose amounts are negative).
fn signed_discount(discount: &LineDiscount, total: Money) -> Money {
    if total.is_negative() {
        discount.amount
    } else {
        -discount.amount
    }
}

/// The receipt, row by row, in `lang`.
pub fn rows(receipt: &Receipt, lang: Lang) -> Vec<Row> {
    let mut builder = Builder {
        receipt,
        words: lang.words(),
        rows: Vec::new(),
    };
    builder.header();
    for line in &receipt.lines {
        builder.line(line);
    }
    builder.totals();
    builder.payments();
    builder.customer();
    builder.footer();
    builder.rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_on_words_and_cuts_long_words() {
        assert_eq!(wrap("un deux trois", 7), vec!["un deux", "trois"]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("  un deux trois", 10), vec!["  un deux", "  trois"]);
        assert_eq!(wrap("", 10), vec![""]);
    }

    #[test]
    fn pairs_put_the_value_on_the_last_line_or_below() {
        let row = Row::Pair {
            left: "Pain".into(),
            right: "1\u{a0}234,50\u{a0}€".into(),
            tag: Some('A'),
            emphasis: Emphasis::Normal,
        };
        assert_eq!(row.lines(20), vec!["Pain    1 234,50 € A"]);
        assert_eq!(row.lines(14), vec!["Pain", "  1 234,50 € A"]);
    }
}
