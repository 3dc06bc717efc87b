//! Dates written out in words, as people read them on a page.

use super::Lang;
use chrono::{Datelike, NaiveDate};

const FR_DAYS: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];
const FR_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const EN_DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const EN_MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `mercredi 25 novembre 2026` / `Wednesday 25 November 2026`.
pub fn long_date(lang: Lang, date: NaiveDate) -> String {
    let (days, months) = match lang {
        Lang::Fr => (FR_DAYS, FR_MONTHS),
        Lang::En => (EN_DAYS, EN_MONTHS),
    };
    let day = days[date.weekday().num_days_from_monday() as usize];
    let month = months[date.month0() as usize];
    let first = if lang == Lang::Fr && date.day() == 1 {
        "1er".to_owned()
    } else {
        date.day().to_string()
    };
    format!("{day} {first} {month} {}", date.year())
}

/// `25/11/2026` / `2026-11-25`: a date in a table cell.
pub fn short_date(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::Fr => date.format("%d/%m/%Y").to_string(),
        Lang::En => date.format("%Y-%m-%d").to_string(),
    }
}

/// A date as typed on a form: `25/11/2026`, `25-11-2026` or `2026-11-25`.
pub fn parse_date(typed: &str) -> Option<NaiveDate> {
    let typed = typed.trim();
    ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(typed, format).ok())
}

/// `25/11/2026 09:30`: a local date and time in a table cell.
pub fn short_datetime(at: chrono::NaiveDateTime) -> String {
    at.format("%d/%m/%Y %H:%M").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_dates_in_both_languages() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        assert_eq!(long_date(Lang::Fr, d), "mercredi 25 novembre 2026");
        assert_eq!(long_date(Lang::En, d), "Wednesday 25 November 2026");
        let first = NaiveDate::from_ymd_opt(2026, 8, 1).unwrap();
        assert_eq!(long_date(Lang::Fr, first), "samedi 1er août 2026");
        assert_eq!(short_date(Lang::Fr, first), "01/08/2026");
        assert_eq!(short_date(Lang::En, first), "2026-08-01");
    }

    #[test]
    fn reads_dates_as_people_type_them() {
        let d = NaiveDate::from_ymd_opt(2027, 1, 1);
        for typed in ["01/01/2027", " 1/1/2027 ", "01-01-2027", "2027-01-01"] {
            assert_eq!(parse_date(typed), d, "{typed}");
        }
        for bad in ["", "demain", "31/02/2027", "2027/13/01"] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }
}
