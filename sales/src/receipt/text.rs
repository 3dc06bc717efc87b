//! The receipt as plain text: the screen preview, the e-mail body, and what the
//! paper says (the ESC/POS renderer prints these same lines).

use super::Receipt;
use super::layout::rows;
use super::words::Lang;

/// The receipt on `columns` characters (42 or 48 on 80 mm paper, 32 on
/// 58 mm), one line per printed line, each ending with `\n`. Emphasis (bold,
/// the large total) exists only on paper.
pub fn render(receipt: &Receipt, columns: usize, lang: Lang) -> String {
    let mut out = String::new();
    for row in rows(receipt, lang) {
        for line in row.lines(columns) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}
