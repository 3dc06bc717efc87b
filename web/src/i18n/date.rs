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
    }
}
