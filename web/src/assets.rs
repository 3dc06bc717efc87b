//! Static files, embedded in the binary so a deployment is one file.

/// The one stylesheet, served at `/static/style.css`.
pub const STYLE_CSS: &str = include_str!("../assets/style.css");

#[cfg(test)]
mod tests {
    use super::STYLE_CSS;

    #[test]
    fn stylesheet_is_self_contained() {
        assert!(STYLE_CSS.contains(":root"));
        assert!(STYLE_CSS.contains("@media print"));
        assert!(!STYLE_CSS.contains("@import"));
        assert!(!STYLE_CSS.contains("url("));
    }
}
