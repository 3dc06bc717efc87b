//! A real headless Chromium driven through WebDriver (Debian's `chromium` and
//! `chromium-driver`, installed by `scripts/test`).

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct Browser {
    pub client: Client,
    driver: Child,
    _profile: tempfile::TempDir,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or_else(|e| panic!("no free port: {e}"))
}

impl Browser {
    pub async fn start() -> Browser {
        let driver_bin =
            std::env::var("COMPTOIR_CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".into());
        let chromium =
            std::env::var("COMPTOIR_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let port = free_port();
        let driver = Command::new(&driver_bin)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!("cannot start {driver_bin} ({e}): run scripts/test, which installs chromium and chromium-driver")
            });
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "chromedriver did not listen on port {port}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let profile = tempfile::tempdir().unwrap_or_else(|e| panic!("profile folder: {e}"));
        let args = [
            "--headless=new".to_owned(),
            "--no-sandbox".to_owned(),
            "--disable-gpu".to_owned(),
            "--disable-dev-shm-usage".to_owned(),
            "--disable-quic".to_owned(),
            "--no-first-run".to_owned(),
            "--disable-background-networking".to_owned(),
            "--disable-component-update".to_owned(),
            "--disable-sync".to_owned(),
            "--window-size=1280,900".to_owned(),
            "--lang=fr-FR".to_owned(),
            format!("--user-data-dir={}", profile.path().display()),
        ];
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), "chrome".into());
        caps.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({
                "binary": chromium,
                "args": args,
                "prefs": {"intl.accept_languages": "fr-FR,fr"}
            }),
        );
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .unwrap_or_else(|e| panic!("cannot open a Chromium session: {e}"));
        Browser {
            client,
            driver,
            _profile: profile,
        }
    }

    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
    }
}

/// Types `value` into the (first) form field named `name`: an input or a textarea.
pub async fn fill(client: &Client, name: &str, value: &str) {
    let field = client
        .find(Locator::Css(&format!("main [name='{name}']")))
        .await
        .unwrap_or_else(|e| panic!("no field {name}: {e}"));
    field
        .clear()
        .await
        .unwrap_or_else(|e| panic!("cannot clear {name}: {e}"));
    field
        .send_keys(value)
        .await
        .unwrap_or_else(|e| panic!("cannot type into {name}: {e}"));
}

/// Presses the submit button of the page's first form.
pub async fn submit(client: &Client) {
    let button = client
        .find(Locator::Css("main form button[type='submit']"))
        .await
        .unwrap_or_else(|e| panic!("no submit button: {e}"));
    button
        .click()
        .await
        .unwrap_or_else(|e| panic!("cannot click submit: {e}"));
}

/// The page's text, or nothing while a navigation replaces the page.
pub async fn body_text(client: &Client) -> String {
    match client.find(Locator::Css("body")).await {
        Ok(body) => body.text().await.unwrap_or_default(),
        Err(_) => String::new(),
    }
}

/// Waits until the page shows `needle` (pages load after a click); returns its text.
pub async fn wait_for_text(client: &Client, needle: &str) -> String {
    let mut text = String::new();
    for _ in 0..200 {
        text = body_text(client).await;
        if text.contains(needle) {
            return text;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{needle:?} never appeared; the page says: {text}");
}

/// Presses the submit button of the form whose action ends with `action`.
pub async fn submit_form(client: &Client, action: &str) {
    let button = client
        .find(Locator::Css(&format!(
            "form[action$='{action}'] button[type='submit']"
        )))
        .await
        .unwrap_or_else(|e| panic!("no form posting to {action}: {e}"));
    button
        .click()
        .await
        .unwrap_or_else(|e| panic!("cannot click submit of {action}: {e}"));
}

/// What a scanner types for `code`: its digits, then Enter.
pub fn scanned(code: &str) -> String {
    format!("{code}{}", fantoccini::key::Key::Enter)
}

/// The value of the first field matching `css`.
pub async fn value_of(client: &Client, css: &str) -> String {
    match client.find(Locator::Css(css)).await {
        Ok(field) => field.prop("value").await.ok().flatten().unwrap_or_default(),
        Err(_) => String::new(),
    }
}

/// The text of the first element matching `css`, no-break spaces made plain.
pub async fn text_of(client: &Client, css: &str) -> String {
    match client.find(Locator::Css(css)).await {
        Ok(e) => e.text().await.unwrap_or_default().replace('\u{a0}', " "),
        Err(_) => String::new(),
    }
}

/// Reads `read` until it gives `wanted` (10 s at most); returns the last reading.
async fn wait_until<'a, F, Fut>(mut read: F, wanted: &str) -> String
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = String> + 'a,
{
    let mut value = String::new();
    for _ in 0..200 {
        value = read().await;
        if value == wanted {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    value
}

/// Waits until the field matching `css` holds `wanted`; returns what it holds.
pub async fn wait_for_value(client: &Client, css: &str, wanted: &str) -> String {
    wait_until(|| value_of(client, css), wanted).await
}

/// Waits until the element matching `css` reads `wanted`; returns what it reads.
pub async fn wait_for(client: &Client, css: &str, wanted: &str) -> String {
    wait_until(|| text_of(client, css), wanted).await
}

/// Clicks the first element matching `css`.
pub async fn click(client: &Client, css: &str) {
    client
        .find(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"))
        .click()
        .await
        .unwrap_or_else(|e| panic!("{css}: {e}"));
}
