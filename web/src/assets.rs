//! Static files, embedded in the binary so a deployment is one file.

/// The one stylesheet, served at `/static/style.css`.
pub const STYLE_CSS: &str = include_str!("../assets/style.css");

/// Search-as-you-type on the products page, served at `/static/products.js`.
pub const PRODUCTS_JS: &str = include_str!("../assets/products.js");

/// Scanning on a purchase order's receive form and on a stocktake, served at
/// `/static/scanning.js`.
pub const SCANNING_JS: &str = include_str!("../assets/scanning.js");

/// Search-as-you-type on the customers page, served at `/static/customers.js`.
pub const CUSTOMERS_JS: &str = include_str!("../assets/customers.js");

/// The till: scans, payments, receipts, served at `/static/till.js`.
pub const TILL_JS: &str = include_str!("../assets/till.js");

#[cfg(test)]
mod tests {
    use super::{CUSTOMERS_JS, PRODUCTS_JS, SCANNING_JS, STYLE_CSS};

    #[test]
    fn stylesheet_is_self_contained() {
        assert!(STYLE_CSS.contains(":root"));
        assert!(STYLE_CSS.contains("@media print"));
        assert!(!STYLE_CSS.contains("@import"));
        assert!(!STYLE_CSS.contains("url("));
    }

    #[test]
    fn products_script_talks_to_the_search_route_and_stays_small() {
        assert!(PRODUCTS_JS.contains("'/products/search?'"));
        assert!(PRODUCTS_JS.contains("product-search"));
        assert!(PRODUCTS_JS.contains("product-results"));
        assert!(PRODUCTS_JS.contains("data-product-id"));
        assert!(
            !PRODUCTS_JS.contains("import "),
            "no modules, no third party"
        );
        assert!(PRODUCTS_JS.len() < 8_000);
    }

    #[test]
    fn customers_script_talks_to_its_search_route_and_stays_small() {
        assert!(CUSTOMERS_JS.contains("'/customers/search?'"));
        assert!(CUSTOMERS_JS.contains("customer-search"));
        assert!(CUSTOMERS_JS.contains("customer-results"));
        assert!(CUSTOMERS_JS.contains("data-customer-id"));
        assert!(!CUSTOMERS_JS.contains("import "));
        assert!(CUSTOMERS_JS.len() < 4_000);
    }

    #[test]
    fn scanning_script_knows_both_pages_and_stays_small() {
        for needle in [
            "receive-scan",
            "receive_quantity",
            "data-barcodes",
            "stocktake-scan",
            "count_quantity",
            "'_csrf'",
            "Accept: 'application/json'",
            "event.key === 'Enter'",
        ] {
            assert!(SCANNING_JS.contains(needle), "{needle}");
        }
        assert!(
            !SCANNING_JS.contains("import "),
            "no modules, no third party"
        );
        assert!(SCANNING_JS.len() < 10_000);
    }
}
