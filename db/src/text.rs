//! Text as people search it: "helene" finds "Hélène", "COEUR" finds "cœur".

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower-case, accents removed, ligatures spelt out, runs of spaces made one.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfd().filter(|c| !is_combining_mark(*c)) {
        match c {
            'œ' | 'Œ' => out.push_str("oe"),
            'æ' | 'Æ' => out.push_str("ae"),
            'ß' => out.push_str("ss"),
            c if c.is_whitespace() => {
                if !out.is_empty() && !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            c => out.extend(c.to_lowercase()),
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn folds_accents_case_ligatures_and_spaces() {
        assert_eq!(fold("Hélène"), "helene");
        assert_eq!(fold("  CŒUR   de  Bœuf "), "coeur de boeuf");
        assert_eq!(fold("Crème brûlée à l'ÉRABLE"), "creme brulee a l'erable");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold(""), "");
    }
}
