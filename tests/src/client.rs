//! An HTTP client that behaves like a browser: it keeps cookies, reads the CSRF
//! field of a page's form and sends it back, and does not follow redirects by
//! itself (tests look at them).

use reqwest::{Client, Response, StatusCode, redirect};

pub struct WebClient {
    pub base: String,
    pub http: Client,
}

/// The `_csrf` value of the first form in `html`.
pub fn csrf_in(html: &str) -> Option<String> {
    let at = html.find("name=\"_csrf\"")?;
    let rest = &html[at..];
    let start = rest.find("value=\"")? + "value=\"".len();
    let end = rest[start..].find('"')?;
    Some(rest[start..start + end].to_owned())
}

impl WebClient {
    pub fn new(base: &str) -> WebClient {
        WebClient::with_language(base, "fr-FR,fr;q=0.9")
    }

    pub fn with_language(base: &str, accept_language: &str) -> WebClient {
        let mut headers = reqwest::header::HeaderMap::new();
        if let Ok(value) = accept_language.parse() {
            headers.insert(reqwest::header::ACCEPT_LANGUAGE, value);
        }
        let http = Client::builder()
            .cookie_store(true)
            .redirect(redirect::Policy::none())
            .default_headers(headers)
            .build()
            .unwrap_or_else(|e| panic!("HTTP client: {e}"));
        WebClient {
            base: base.to_owned(),
            http,
        }
    }

    pub async fn get(&self, path: &str) -> Response {
        self.http
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap_or_else(|e| panic!("GET {path}: {e}"))
    }

    /// GET a page and return its status and body.
    pub async fn page(&self, path: &str) -> (StatusCode, String) {
        let response = self.get(path).await;
        let status = response.status();
        (status, response.text().await.unwrap_or_default())
    }

    /// Posts `fields` as a form, with the CSRF field read from `form_page`.
    pub async fn submit(&self, form_page: &str, action: &str, fields: &[(&str, &str)]) -> Response {
        let (_, html) = self.page(form_page).await;
        let csrf = csrf_in(&html).unwrap_or_else(|| panic!("no CSRF field on {form_page}"));
        let mut all: Vec<(&str, &str)> = fields.to_vec();
        all.push(("_csrf", &csrf));
        self.post_raw(action, &all).await
    }

    /// Posts exactly `fields` (no CSRF added).
    pub async fn post_raw(&self, action: &str, fields: &[(&str, &str)]) -> Response {
        self.http
            .post(format!("{}{action}", self.base))
            .form(fields)
            .send()
            .await
            .unwrap_or_else(|e| panic!("POST {action}: {e}"))
    }

    /// Logs in with a password; panics unless it works.
    pub async fn login(&self, username: &str, password: &str) {
        let response = self
            .submit(
                "/login",
                "/login",
                &[("username", username), ("password", password)],
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::SEE_OTHER,
            "login of {username} refused"
        );
    }
}

/// Where a redirect points.
pub fn location(response: &Response) -> String {
    response
        .headers()
        .get(reqwest::header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}
