//! Barcodes as scanned at the till: parsing and check digits for EAN-13, EAN-8 and
//! UPC-A, the shop's own codes, and the in-store EAN-13s that scales print for
//! weighed goods and goods priced at the counter.

use std::fmt;
use thiserror::Error;

/// Longest code accepted; GS1 codes are at most 14 digits, shops' own codes stay short.
pub const MAX_LEN: usize = 32;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum BarcodeError {
    #[error("empty barcode")]
    Empty,
    #[error("a barcode cannot contain spaces")]
    Whitespace,
    #[error("barcode too long: {length} characters, at most {MAX_LEN}")]
    TooLong { length: usize },
    #[error("invalid character {character:?} in barcode: only letters, digits, '-', '.' and '_'")]
    InvalidCharacter { character: char },
    #[error("wrong check digit: expected {expected}, found {found}")]
    CheckDigit { expected: u8, found: u8 },
    #[error("scale barcode prefix {prefix} is outside 20 to 29")]
    ScalePrefixOutOfRange { prefix: u8 },
    #[error("scale barcode prefix {prefix} is configured twice")]
    DuplicateScalePrefix { prefix: u8 },
    #[error("{text:?} is not a scale barcode prefix (two digits, 20 to 29)")]
    InvalidScalePrefix { text: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Symbology {
    Ean13,
    Ean8,
    UpcA,
    /// The shop's own code: any other length, or letters.
    Internal,
}

/// A barcode that passed [`Barcode::parse`]: trimmed, and with a verified check
/// digit when it has the length of a GS1 code.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Barcode {
    code: String,
    symbology: Symbology,
}

impl Barcode {
    pub fn parse(raw: &str) -> Result<Barcode, BarcodeError> {
        let code = raw.trim();
        if code.is_empty() {
            return Err(BarcodeError::Empty);
        }
        if code.chars().any(char::is_whitespace) {
            return Err(BarcodeError::Whitespace);
        }
        let length = code.chars().count();
        if length > MAX_LEN {
            return Err(BarcodeError::TooLong { length });
        }
        if let Some(character) = code
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_')))
        {
            return Err(BarcodeError::InvalidCharacter { character });
        }
        let symbology = if code.bytes().all(|b| b.is_ascii_digit()) {
            match code.len() {
                13 => Symbology::Ean13,
                8 => Symbology::Ean8,
                12 => Symbology::UpcA,
                _ => Symbology::Internal,
            }
        } else {
            Symbology::Internal
        };
        if symbology != Symbology::Internal {
            let (body, last) = code.split_at(code.len() - 1);
            let found = last.bytes().next().map_or(0, |b| b - b'0');
            if let Some(expected) = gs1_check_digit(body)
                && expected != found
            {
                return Err(BarcodeError::CheckDigit { expected, found });
            }
        }
        Ok(Barcode {
            code: code.to_owned(),
            symbology,
        })
    }

    pub fn as_str(&self) -> &str {
        &self.code
    }

    pub fn symbology(&self) -> Symbology {
        self.symbology
    }

    /// The forms under which a product may have been stored: a UPC-A is also the
    /// EAN-13 with a leading 0 (and the reverse), so either scan finds either record.
    pub fn lookup_keys(&self) -> Vec<String> {
        let mut keys = vec![self.code.clone()];
        match self.symbology {
            Symbology::UpcA => keys.push(format!("0{}", self.code)),
            Symbology::Ean13 => {
                if let Some(upc) = self.code.strip_prefix('0') {
                    keys.push(upc.to_owned());
                }
            }
            Symbology::Ean8 | Symbology::Internal => {}
        }
        keys
    }
}

impl fmt::Display for Barcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.code)
    }
}

/// The GS1 check digit (EAN-13, EAN-8, UPC-A alike): weights 3 and 1 alternate
/// from the rightmost data digit. None when `body` is empty or not all digits.
fn gs1_check_digit(body: &str) -> Option<u8> {
    if body.is_empty() || !body.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let sum: u32 = body
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| u32::from(b - b'0') * if i % 2 == 0 { 3 } else { 1 })
        .sum();
    // `sum % 10` is below 10, so the result always fits in a u8.
    Some(((10 - sum % 10) % 10) as u8)
}

/// The check digit of an EAN-13 from its first 12 digits; None unless exactly 12 digits.
pub fn ean13_check_digit(first12: &str) -> Option<u8> {
    if first12.len() != 12 {
        return None;
    }
    gs1_check_digit(first12)
}

/// The check digit of an EAN-8 from its first 7 digits; None unless exactly 7 digits.
pub fn ean8_check_digit(first7: &str) -> Option<u8> {
    if first7.len() != 7 {
        return None;
    }
    gs1_check_digit(first7)
}

/// A valid EAN-13 from its first 12 digits (demo data, loyalty card numbers).
pub fn with_check_digit(first12: &str) -> Option<String> {
    ean13_check_digit(first12).map(|digit| format!("{first12}{digit}"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScaleKind {
    /// The value is a weight in grams (thousandths of a kilogram).
    Weight,
    /// The value is a price in cents.
    Price,
}

/// One EAN-13 prefix that the shop's scales print, and what its value means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScalePrefix {
    /// 20 to 29: GS1 keeps that range for codes used inside the shop.
    pub prefix: u8,
    pub kind: ScaleKind,
}

/// Which in-store prefixes are scale barcodes, laid out `PP IIIII VVVVV C`:
/// prefix, item code, value, EAN-13 check digit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScaleRules {
    pub prefixes: Vec<ScalePrefix>,
}

/// What a scale barcode says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScaleReading {
    pub prefix: u8,
    /// The 5 digits after the prefix: the product as the scale knows it.
    pub item_code: String,
    pub kind: ScaleKind,
    /// Grams for [`ScaleKind::Weight`], cents for [`ScaleKind::Price`].
    pub value: i64,
}

impl ScaleReading {
    /// The key of the product this reading is about; see [`ScaleRules::lookup_code`].
    pub fn lookup_code(&self) -> String {
        ScaleRules::lookup_code(self.prefix, &self.item_code)
    }
}

impl ScaleRules {
    /// The usual French setup: 21 and 22 carry a weight, 23 and 24 a price. Shops
    /// configure their own to match their scales; 20 and 25–29 stay free for other
    /// in-store codes such as loyalty cards, which must not be read as scale tickets.
    pub fn french_default() -> ScaleRules {
        ScaleRules {
            prefixes: vec![
                ScalePrefix {
                    prefix: 21,
                    kind: ScaleKind::Weight,
                },
                ScalePrefix {
                    prefix: 22,
                    kind: ScaleKind::Weight,
                },
                ScalePrefix {
                    prefix: 23,
                    kind: ScaleKind::Price,
                },
                ScalePrefix {
                    prefix: 24,
                    kind: ScaleKind::Price,
                },
            ],
        }
    }

    /// Prefixes within 20..=29 (outside it they would capture real products' EANs),
    /// each at most once.
    pub fn validate(&self) -> Result<(), BarcodeError> {
        for (i, rule) in self.prefixes.iter().enumerate() {
            if !(20..=29).contains(&rule.prefix) {
                return Err(BarcodeError::ScalePrefixOutOfRange {
                    prefix: rule.prefix,
                });
            }
            if self.prefixes[..i].iter().any(|r| r.prefix == rule.prefix) {
                return Err(BarcodeError::DuplicateScalePrefix {
                    prefix: rule.prefix,
                });
            }
        }
        Ok(())
    }

    /// Rules from two typed lists (`21, 22` and `23 24`): the prefixes whose value
    /// is a weight and those whose value is a price; validated.
    pub fn from_lists(weight: &str, price: &str) -> Result<ScaleRules, BarcodeError> {
        let mut prefixes = Vec::new();
        for (list, kind) in [(weight, ScaleKind::Weight), (price, ScaleKind::Price)] {
            for text in list
                .split(|c: char| c == ',' || c == ';' || c.is_whitespace())
                .filter(|t| !t.is_empty())
            {
                let prefix = text
                    .parse::<u8>()
                    .ok()
                    .filter(|_| text.len() == 2)
                    .ok_or_else(|| BarcodeError::InvalidScalePrefix {
                        text: text.to_owned(),
                    })?;
                prefixes.push(ScalePrefix { prefix, kind });
            }
        }
        let rules = ScaleRules { prefixes };
        rules.validate()?;
        Ok(rules)
    }

    /// The prefixes of one kind, in order.
    pub fn prefixes_of(&self, kind: ScaleKind) -> Vec<u8> {
        self.prefixes
            .iter()
            .filter(|p| p.kind == kind)
            .map(|p| p.prefix)
            .collect()
    }

    /// Reads a scale barcode; None when `barcode` is not an EAN-13 or its prefix is
    /// not a configured scale prefix.
    pub fn decode(&self, barcode: &Barcode) -> Option<ScaleReading> {
        if barcode.symbology() != Symbology::Ean13 {
            return None;
        }
        let code = barcode.as_str();
        let prefix: u8 = code.get(..2)?.parse().ok()?;
        // Out-of-range rules are ignored even if `validate` was skipped.
        let rule = self
            .prefixes
            .iter()
            .find(|r| r.prefix == prefix && (20..=29).contains(&r.prefix))?;
        Some(ScaleReading {
            prefix,
            item_code: code.get(2..7)?.to_owned(),
            kind: rule.kind,
            value: code.get(7..12)?.parse().ok()?,
        })
    }

    /// The 7-digit key `PPIIIII` (prefix then the 5-digit item code) that a weighed
    /// or counter-priced product carries as one of its barcodes, so that every scale
    /// ticket for it, whatever its value and check digit, finds it.
    pub fn lookup_code(prefix: u8, item_code: &str) -> String {
        format!("{prefix:02}{item_code}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(raw: &str) -> Barcode {
        Barcode::parse(raw).unwrap()
    }

    #[test]
    fn real_ean13s() {
        for code in ["3017620422003", "5449000000996", "4006381333931"] {
            let barcode = parse(code);
            assert_eq!(barcode.symbology(), Symbology::Ean13, "{code}");
            assert_eq!(barcode.as_str(), code);
            assert_eq!(barcode.to_string(), code);
        }
    }

    #[test]
    fn real_ean8s() {
        for code in ["96385074", "73513537"] {
            assert_eq!(parse(code).symbology(), Symbology::Ean8, "{code}");
        }
    }

    #[test]
    fn real_upcas() {
        for code in ["036000291452", "012345678905"] {
            assert_eq!(parse(code).symbology(), Symbology::UpcA, "{code}");
        }
    }

    #[test]
    fn trims() {
        let barcode = parse("  3017620422003\r\n");
        assert_eq!(barcode.as_str(), "3017620422003");
        assert_eq!(barcode.symbology(), Symbology::Ean13);
    }

    #[test]
    fn wrong_check_digits() {
        assert_eq!(
            Barcode::parse("3017620422004"),
            Err(BarcodeError::CheckDigit {
                expected: 3,
                found: 4
            })
        );
        assert_eq!(
            Barcode::parse("96385070"),
            Err(BarcodeError::CheckDigit {
                expected: 4,
                found: 0
            })
        );
        assert_eq!(
            Barcode::parse("036000291459"),
            Err(BarcodeError::CheckDigit {
                expected: 2,
                found: 9
            })
        );
        let message = Barcode::parse("5449000000990").unwrap_err().to_string();
        assert_eq!(message, "wrong check digit: expected 6, found 0");
    }

    #[test]
    fn internal_codes() {
        for code in [
            "1",
            "1234",
            "1234567",
            "123456789",
            "12345678901",
            "12345678901234",
            "CAFE-250G",
            "pain.complet_1",
            "301762042200X",
            "0000000000000000000000000000000A",
        ] {
            let barcode = parse(code);
            assert_eq!(barcode.symbology(), Symbology::Internal, "{code}");
            assert_eq!(barcode.lookup_keys(), vec![code.to_owned()]);
        }
    }

    #[test]
    fn refusals() {
        assert_eq!(Barcode::parse(""), Err(BarcodeError::Empty));
        assert_eq!(Barcode::parse(" \t\n"), Err(BarcodeError::Empty));
        assert_eq!(Barcode::parse("301 762"), Err(BarcodeError::Whitespace));
        assert_eq!(Barcode::parse("a\tb"), Err(BarcodeError::Whitespace));
        assert_eq!(
            Barcode::parse(&"1".repeat(33)),
            Err(BarcodeError::TooLong { length: 33 })
        );
        assert!(Barcode::parse(&"1".repeat(32)).is_ok());
        assert_eq!(
            Barcode::parse("café"),
            Err(BarcodeError::InvalidCharacter { character: 'é' })
        );
        for (raw, character) in [("a/b", '/'), ("12+3", '+'), ("x;y", ';'), ("'1'", '\'')] {
            assert_eq!(
                Barcode::parse(raw),
                Err(BarcodeError::InvalidCharacter { character }),
                "{raw}"
            );
        }
    }

    #[test]
    fn check_digit_generation() {
        assert_eq!(ean13_check_digit("301762042200"), Some(3));
        assert_eq!(ean13_check_digit("544900000099"), Some(6));
        assert_eq!(ean13_check_digit("400638133393"), Some(1));
        assert_eq!(ean8_check_digit("9638507"), Some(4));
        assert_eq!(ean8_check_digit("7351353"), Some(7));
        assert_eq!(
            with_check_digit("301762042200").as_deref(),
            Some("3017620422003")
        );
        // A sum that is already a multiple of 10 gives 0, not 10.
        assert_eq!(ean13_check_digit("000000000000"), Some(0));
        assert_eq!(
            with_check_digit("290000000001")
                .as_deref()
                .map(parse)
                .map(|b| b.symbology()),
            Some(Symbology::Ean13)
        );

        for bad in [
            "",
            "30176204220",
            "3017620422003",
            "30176204220a",
            "３01762042200",
        ] {
            assert_eq!(ean13_check_digit(bad), None, "{bad}");
            assert_eq!(with_check_digit(bad), None, "{bad}");
        }
        for bad in ["963850", "96385074", "963850x"] {
            assert_eq!(ean8_check_digit(bad), None, "{bad}");
        }
    }

    #[test]
    fn generated_codes_parse() {
        for n in 0..200_u64 {
            let first12 = format!("{:012}", n * 7_919_123);
            let code = with_check_digit(&first12).unwrap();
            assert_eq!(parse(&code).symbology(), Symbology::Ean13, "{code}");
        }
    }

    #[test]
    fn lookup_keys() {
        assert_eq!(
            parse("036000291452").lookup_keys(),
            vec!["036000291452", "0036000291452"]
        );
        assert_eq!(
            parse("0036000291452").lookup_keys(),
            vec!["0036000291452", "036000291452"]
        );
        assert_eq!(parse("3017620422003").lookup_keys(), vec!["3017620422003"]);
        assert_eq!(parse("96385074").lookup_keys(), vec!["96385074"]);
        // The 0-prefixed EAN-13 of a UPC-A is itself valid, and the keys meet.
        let upc = parse("012345678905");
        let ean = parse("0012345678905");
        assert_eq!(ean.symbology(), Symbology::Ean13);
        assert!(
            upc.lookup_keys()
                .iter()
                .all(|k| ean.lookup_keys().contains(k))
        );
    }

    fn scale_code(first12: &str) -> Barcode {
        parse(&with_check_digit(first12).unwrap())
    }

    #[test]
    fn rules_from_typed_lists() {
        let rules = ScaleRules::from_lists(" 21, 22 ", "23;24").unwrap();
        assert_eq!(rules, ScaleRules::french_default());
        assert_eq!(rules.prefixes_of(ScaleKind::Weight), vec![21, 22]);
        assert_eq!(rules.prefixes_of(ScaleKind::Price), vec![23, 24]);
        assert_eq!(
            ScaleRules::from_lists("", "").unwrap(),
            ScaleRules { prefixes: vec![] }
        );
        assert_eq!(
            ScaleRules::from_lists("21 25", "")
                .unwrap()
                .prefixes_of(ScaleKind::Weight),
            vec![21, 25]
        );
        assert_eq!(
            ScaleRules::from_lists("21", "21"),
            Err(BarcodeError::DuplicateScalePrefix { prefix: 21 })
        );
        assert_eq!(
            ScaleRules::from_lists("30", ""),
            Err(BarcodeError::ScalePrefixOutOfRange { prefix: 30 })
        );
        for bad in ["2", "021", "2a", "-1"] {
            assert_eq!(
                ScaleRules::from_lists(bad, ""),
                Err(BarcodeError::InvalidScalePrefix { text: bad.into() }),
                "{bad}"
            );
        }
    }

    #[test]
    fn french_default_rules_are_valid() {
        ScaleRules::french_default().validate().unwrap();
        ScaleRules { prefixes: vec![] }.validate().unwrap();
    }

    #[test]
    fn scale_weight() {
        let barcode = scale_code("210123401250");
        let reading = ScaleRules::french_default().decode(&barcode).unwrap();
        assert_eq!(
            reading,
            ScaleReading {
                prefix: 21,
                item_code: "01234".to_owned(),
                kind: ScaleKind::Weight,
                value: 1250,
            }
        );
        assert_eq!(reading.lookup_code(), "2101234");
        assert_eq!(ScaleRules::lookup_code(21, "01234"), "2101234");
    }

    #[test]
    fn scale_price() {
        let rules = ScaleRules::french_default();
        let reading = rules.decode(&scale_code("239876500349")).unwrap();
        assert_eq!(reading.kind, ScaleKind::Price);
        assert_eq!(reading.item_code, "98765");
        assert_eq!(reading.value, 349);
        assert_eq!(reading.lookup_code(), "2398765");

        let reading = rules.decode(&scale_code("240000099999")).unwrap();
        assert_eq!((reading.kind, reading.value), (ScaleKind::Price, 99_999));
        let reading = rules.decode(&scale_code("220000100000")).unwrap();
        assert_eq!((reading.kind, reading.value), (ScaleKind::Weight, 0));
    }

    #[test]
    fn scale_not_configured() {
        let rules = ScaleRules::french_default();
        // Loyalty cards and other in-store codes.
        assert_eq!(rules.decode(&scale_code("200000012345")), None);
        assert_eq!(rules.decode(&scale_code("290000012345")), None);
        // Ordinary products, EAN-8, UPC-A and internal codes.
        assert_eq!(rules.decode(&parse("3017620422003")), None);
        assert_eq!(rules.decode(&parse("96385074")), None);
        assert_eq!(rules.decode(&parse("036000291452")), None);
        assert_eq!(rules.decode(&parse("2101234012")), None);
        // Custom rules: 20 as weight, nothing else.
        let rules = ScaleRules {
            prefixes: vec![ScalePrefix {
                prefix: 20,
                kind: ScaleKind::Weight,
            }],
        };
        rules.validate().unwrap();
        assert_eq!(rules.decode(&scale_code("210123401250")), None);
        assert_eq!(
            rules.decode(&scale_code("200123401250")).map(|r| r.value),
            Some(1250)
        );
        // A rule outside 20..=29 never captures a real product, even unvalidated.
        let rules = ScaleRules {
            prefixes: vec![ScalePrefix {
                prefix: 30,
                kind: ScaleKind::Price,
            }],
        };
        assert_eq!(rules.decode(&parse("3017620422003")), None);
    }

    #[test]
    fn rules_validation() {
        let rule = |prefix, kind| ScalePrefix { prefix, kind };
        let rules = ScaleRules {
            prefixes: vec![rule(21, ScaleKind::Weight), rule(30, ScaleKind::Price)],
        };
        assert_eq!(
            rules.validate(),
            Err(BarcodeError::ScalePrefixOutOfRange { prefix: 30 })
        );
        let rules = ScaleRules {
            prefixes: vec![rule(19, ScaleKind::Weight)],
        };
        assert_eq!(
            rules.validate(),
            Err(BarcodeError::ScalePrefixOutOfRange { prefix: 19 })
        );
        let rules = ScaleRules {
            prefixes: vec![
                rule(20, ScaleKind::Weight),
                rule(29, ScaleKind::Price),
                rule(20, ScaleKind::Price),
            ],
        };
        assert_eq!(
            rules.validate(),
            Err(BarcodeError::DuplicateScalePrefix { prefix: 20 })
        );
    }
}
