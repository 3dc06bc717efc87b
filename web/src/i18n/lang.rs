//! The languages the interface speaks, and how a request picks one.

/// A language of the interface. French first: it is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// The ISO 639-1 code, as used in `<html lang>` and stored preferences.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// A language from its code; a regional tag (`fr-CA`, `en_GB`) counts as its language.
    pub fn parse(s: &str) -> Option<Lang> {
        let primary = s.trim().split(['-', '_']).next().unwrap_or_default();
        if primary.eq_ignore_ascii_case("fr") {
            Some(Lang::Fr)
        } else if primary.eq_ignore_ascii_case("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language a browser prefers, from its `Accept-Language` header.
    ///
    /// Ranges are taken by decreasing q-value (ties keep header order); the first
    /// one we speak wins. `*` and anything unreadable fall back to French.
    pub fn from_accept_language(header: &str) -> Lang {
        let mut ranges: Vec<(u16, &str)> = header
            .split(',')
            .filter_map(|item| {
                let mut parts = item.split(';');
                let range = parts.next()?.trim();
                let mut quality = 1000;
                for param in parts {
                    if let Some((key, value)) = param.split_once('=')
                        && key.trim().eq_ignore_ascii_case("q")
                    {
                        quality = parse_quality(value.trim())?;
                    }
                }
                (!range.is_empty() && quality > 0).then_some((quality, range))
            })
            .collect();
        // Stable: equal weights keep the order the browser sent them in.
        ranges.sort_by_key(|(quality, _)| std::cmp::Reverse(*quality));
        ranges
            .iter()
            .find_map(|(_, range)| {
                if *range == "*" {
                    Some(Lang::default())
                } else {
                    Lang::parse(range)
                }
            })
            .unwrap_or_default()
    }
}

/// A q-value (`0`, `0.8`, `1.000`) in thousandths, so weights compare exactly.
fn parse_quality(value: &str) -> Option<u16> {
    let (whole, fraction) = value.split_once('.').unwrap_or((value, ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let whole: u16 = match whole {
        "0" => 0,
        "1" => 1000,
        _ => return None,
    };
    let mut thousandths = 0;
    for (i, digit) in fraction.bytes().enumerate() {
        thousandths += u16::from(digit - b'0') * [100, 10, 1][i];
    }
    let quality = whole + thousandths;
    (quality <= 1000).then_some(quality)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::parse(lang.code()), Some(lang));
        }
        assert_eq!(Lang::default(), Lang::Fr);
    }

    #[test]
    fn parse_accepts_regions_and_case() {
        assert_eq!(Lang::parse("FR-ca"), Some(Lang::Fr));
        assert_eq!(Lang::parse(" en_GB "), Some(Lang::En));
        assert_eq!(Lang::parse("de"), None);
        assert_eq!(Lang::parse(""), None);
        assert_eq!(Lang::parse("french"), None);
    }

    #[test]
    fn accept_language_takes_first_supported_in_order() {
        assert_eq!(
            Lang::from_accept_language("en-US,en;q=0.9,fr;q=0.8"),
            Lang::En
        );
        assert_eq!(
            Lang::from_accept_language("fr-FR,fr;q=0.9,en;q=0.8"),
            Lang::Fr
        );
        assert_eq!(
            Lang::from_accept_language("de-DE,de;q=0.9,en;q=0.5"),
            Lang::En
        );
        assert_eq!(Lang::from_accept_language("en, fr"), Lang::En);
    }

    #[test]
    fn accept_language_honours_q_values_over_order() {
        assert_eq!(Lang::from_accept_language("fr;q=0.3, en;q=0.7"), Lang::En);
        assert_eq!(Lang::from_accept_language("en;q=0.5, fr"), Lang::Fr);
        assert_eq!(
            Lang::from_accept_language("en;q=0.800, fr;q=0.81"),
            Lang::Fr
        );
        assert_eq!(Lang::from_accept_language("en;q=0, de"), Lang::Fr);
    }

    #[test]
    fn accept_language_defaults_to_french() {
        assert_eq!(Lang::from_accept_language(""), Lang::Fr);
        assert_eq!(Lang::from_accept_language("de, es;q=0.5"), Lang::Fr);
        assert_eq!(Lang::from_accept_language("*"), Lang::Fr);
        assert_eq!(
            Lang::from_accept_language("de, *;q=0.1, en;q=0.05"),
            Lang::Fr
        );
        // An unreadable weight drops that range, not the whole header.
        assert_eq!(Lang::from_accept_language("fr;q=2, en"), Lang::En);
        assert_eq!(Lang::from_accept_language("fr;q=abc"), Lang::Fr);
    }

    #[test]
    fn quality_is_read_in_thousandths() {
        assert_eq!(parse_quality("1"), Some(1000));
        assert_eq!(parse_quality("1.000"), Some(1000));
        assert_eq!(parse_quality("0.5"), Some(500));
        assert_eq!(parse_quality("0.05"), Some(50));
        assert_eq!(parse_quality("0"), Some(0));
        assert_eq!(parse_quality("1.5"), None);
        assert_eq!(parse_quality("0.1234"), None);
        assert_eq!(parse_quality(""), None);
    }
}
