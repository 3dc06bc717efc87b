//! Settings: a text per key, absent until set, on both backends.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use chrono::{NaiveDate, NaiveDateTime};
use db::settings;

fn at(hour: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 11, 25)
        .and_then(|d| d.and_hms_opt(hour, 0, 0))
        .unwrap()
}

#[test]
fn a_setting_is_absent_then_set_replaced_and_removed() {
    db::testing::each_conn(|conn, _| {
        assert_eq!(settings::get(conn, "scale.prefixes").unwrap(), None);
        settings::set(conn, "scale.prefixes", "21:weight", at(9)).unwrap();
        assert_eq!(
            settings::get(conn, "scale.prefixes").unwrap().as_deref(),
            Some("21:weight")
        );
        settings::set(conn, "scale.prefixes", "", at(10)).unwrap();
        assert_eq!(
            settings::get(conn, "scale.prefixes").unwrap().as_deref(),
            Some(""),
            "an empty value is a value"
        );
        assert_eq!(settings::get(conn, "other").unwrap(), None);
        settings::remove(conn, "scale.prefixes").unwrap();
        assert_eq!(settings::get(conn, "scale.prefixes").unwrap(), None);
    });
}
