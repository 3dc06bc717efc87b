//! What the server is told at start: from flags and environment variables.

use chrono_tz::Tz;

#[derive(Debug, Clone)]
pub struct Config {
    /// `sqlite://comptoir.db` or `postgres://…`.
    pub database_url: String,
    /// `127.0.0.1:8080`; port 0 picks a free one (tests).
    pub bind: String,
    /// Business days are cut in this zone.
    pub timezone: Tz,
    /// Marks cookies `Secure`: set when Comptoir is served over HTTPS.
    pub secure_cookies: bool,
    /// Worker threads; None = one per core.
    pub workers: Option<usize>,
    /// The shop's name on documents (until the shops' cards hold it).
    pub shop_name: String,
    /// Where receipts are e-mailed from; None: the till offers no e-mail.
    pub smtp: Option<sales::mail::SmtpSettings>,
    /// The shop's address as customers reach it (`https://boutique.fr`), for
    /// the links e-mailed to them. Never taken from a request's Host header,
    /// which anyone can forge; None: the public enrolment form and the
    /// account links are closed.
    pub public_url: Option<url::Url>,
}

impl Config {
    pub fn new(database_url: impl Into<String>, bind: impl Into<String>) -> Self {
        Config {
            database_url: database_url.into(),
            bind: bind.into(),
            timezone: chrono_tz::Europe::Paris,
            secure_cookies: false,
            workers: None,
            shop_name: "Comptoir".into(),
            smtp: None,
            public_url: None,
        }
    }
}

/// Parses a time zone name such as `Europe/Paris`, with a sentence when it is not one.
pub fn parse_timezone(name: &str) -> Result<Tz, String> {
    name.trim()
        .parse::<Tz>()
        .map_err(|_| format!("unknown time zone {name:?} (expected a name such as Europe/Paris)"))
}

/// Parses the public address: `http(s)://host[:port][/path]`, kept without
/// its trailing slash.
pub fn parse_public_url(raw: &str) -> Result<url::Url, String> {
    let url = url::Url::parse(raw.trim()).map_err(|e| format!("--public-url {raw:?}: {e}"))?;
    if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
        return Err(format!(
            "--public-url {raw:?}: an http:// or https:// address"
        ));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(format!("--public-url {raw:?}: no ?query or #fragment"));
    }
    Ok(url)
}
