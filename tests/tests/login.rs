//! Logging in and out: wrong and right passwords, rate limiting, sessions that
//! survive a restart, expire when idle and die with logout.

use chrono::{TimeDelta, Utc};
use comptoir_e2e::{TestServer, WebClient, location, servers};
use db::{FixedClock, Role};
use reqwest::StatusCode;
use std::sync::Arc;

#[tokio::test(flavor = "multi_thread")]
async fn wrong_then_right_password_then_logout() {
    for server in servers() {
        let label = server.label();
        server.add_user("paul", Role::Manager, "bonne-clef", None);
        let browser = WebClient::new(&server.url);

        // Not logged in: the dashboard sends to the login page, and back after.
        let response = browser.get("/users?x=1").await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "[{label}]");
        assert_eq!(
            location(&response),
            "/login?next=%2Fusers%3Fx%3D1",
            "[{label}]"
        );

        let response = browser
            .submit(
                "/login",
                "/login",
                &[("username", "paul"), ("password", "mauvaise-clef")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "[{label}]");
        let body = response.text().await.unwrap();
        assert!(
            body.contains("Identifiant ou mot de passe incorrect"),
            "[{label}]"
        );
        assert!(
            !body.contains("mauvaise-clef"),
            "[{label}] the password is never echoed"
        );

        // An unknown user gets the very same answer.
        let response = browser
            .submit(
                "/login",
                "/login",
                &[("username", "nobody"), ("password", "whatever-1")],
            )
            .await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "[{label}]");

        let response = browser
            .submit(
                "/login?next=/account",
                "/login",
                &[
                    ("username", "PAUL"),
                    ("password", "bonne-clef"),
                    ("next", "/account"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "[{label}]");
        assert_eq!(location(&response), "/account", "[{label}]");
        let cookie = response
            .headers()
            .get_all(reqwest::header::SET_COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|c| c.starts_with("comptoir_session="))
            .unwrap_or_default()
            .to_owned();
        assert!(
            cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
            "[{label}] {cookie}"
        );
        let (status, body) = browser.page("/").await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        assert!(body.contains("paul"), "[{label}]");

        // A redirect target off the site is ignored.
        let other = WebClient::new(&server.url);
        let response = other
            .submit(
                "/login",
                "/login",
                &[
                    ("username", "paul"),
                    ("password", "bonne-clef"),
                    ("next", "//evil.example/"),
                ],
            )
            .await;
        assert_eq!(location(&response), "/", "[{label}]");

        let response = browser.submit("/", "/logout", &[]).await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "[{label}]");
        let response = browser.get("/").await;
        assert_eq!(
            response.status(),
            StatusCode::SEE_OTHER,
            "[{label}] logged out"
        );
        // The other browser's session is untouched.
        assert_eq!(other.get("/").await.status(), StatusCode::OK, "[{label}]");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn repeated_failures_are_rate_limited_even_with_the_right_password() {
    for server in servers() {
        let label = server.label();
        server.add_user("lea", Role::Cashier, "la-bonne-1", None);
        let browser = WebClient::new(&server.url);
        for _ in 0..db::accounts::throttle::MAX_PER_USER {
            let r = browser
                .submit(
                    "/login",
                    "/login",
                    &[("username", "lea"), ("password", "devinette")],
                )
                .await;
            assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "[{label}]");
        }
        let r = browser
            .submit(
                "/login",
                "/login",
                &[("username", "lea"), ("password", "la-bonne-1")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS, "[{label}]");
        assert!(
            r.text().await.unwrap().contains("Trop de tentatives"),
            "[{label}]"
        );
        // The limit survives a restart: it is kept in the database.
        let server = server.restart();
        let browser = WebClient::new(&server.url);
        let r = browser
            .submit(
                "/login",
                "/login",
                &[("username", "lea"), ("password", "la-bonne-1")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS, "[{label}]");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_session_survives_a_restart_and_ends_when_idle() {
    for database in db::testing::databases() {
        let clock = FixedClock::new(Utc::now());
        let server = TestServer::start_with_clock(Arc::new(database), clock.clone());
        let label = server.label();
        server.add_user("anne", Role::Owner, "une-clef-1", None);
        let browser = WebClient::new(&server.url);
        browser.login("anne", "une-clef-1").await;

        let server = server.restart();
        let browser = WebClient {
            base: server.url.clone(),
            http: browser.http,
        };
        assert_eq!(
            browser.get("/").await.status(),
            StatusCode::OK,
            "[{label}] kept across restart"
        );

        clock.advance(TimeDelta::hours(11));
        assert_eq!(
            browser.get("/").await.status(),
            StatusCode::OK,
            "[{label}] still active"
        );
        clock.advance(TimeDelta::hours(11));
        assert_eq!(
            browser.get("/").await.status(),
            StatusCode::OK,
            "[{label}] activity pushed expiry back"
        );
        clock.advance(TimeDelta::hours(13));
        let r = browser.get("/").await;
        assert_eq!(
            r.status(),
            StatusCode::SEE_OTHER,
            "[{label}] expired after 12 idle hours"
        );
        assert!(location(&r).starts_with("/login"), "[{label}]");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn pages_follow_the_browser_language_unless_the_user_chose_one() {
    for server in servers() {
        let label = server.label();
        server.add_user("sam", Role::Cashier, "password-1", None);
        let english = WebClient::with_language(&server.url, "en-GB,en;q=0.9,fr;q=0.5");
        let (_, body) = english.page("/login").await;
        assert!(body.contains("lang=\"en\""), "[{label}]");
        let (_, body) = WebClient::new(&server.url).page("/login").await;
        assert!(
            body.contains("lang=\"fr\"") && body.contains("Se connecter"),
            "[{label}]"
        );

        english.login("sam", "password-1").await;
        let r = english
            .submit("/account", "/account/language", &[("language", "fr")])
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "[{label}]");
        let (_, body) = english.page("/account").await;
        assert!(
            body.contains("lang=\"fr\""),
            "[{label}] the user's choice wins"
        );
        assert!(
            body.contains("Langue enregistrée"),
            "[{label}] flash shown once"
        );
        let (_, body) = english.page("/account").await;
        assert!(
            !body.contains("Langue enregistrée"),
            "[{label}] and only once"
        );
        let r = english
            .submit("/account", "/account/language", &[("language", "de")])
            .await;
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "[{label}]");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_user_changes_their_own_password() {
    for server in servers() {
        let label = server.label();
        server.add_user("zoe", Role::Cashier, "ancienne-1", None);
        let browser = WebClient::new(&server.url);
        browser.login("zoe", "ancienne-1").await;
        let r = browser
            .submit(
                "/account",
                "/account/password",
                &[
                    ("current_password", "pas-la-bonne"),
                    ("password", "nouvelle-1"),
                    ("password_confirm", "nouvelle-1"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");
        assert!(
            r.text()
                .await
                .unwrap()
                .contains("mot de passe actuel est incorrect"),
            "[{label}]"
        );
        let r = browser
            .submit(
                "/account",
                "/account/password",
                &[
                    ("current_password", "ancienne-1"),
                    ("password", "nouvelle-1"),
                    ("password_confirm", "nouvelle-2"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");
        let r = browser
            .submit(
                "/account",
                "/account/password",
                &[
                    ("current_password", "ancienne-1"),
                    ("password", "nouvelle-1"),
                    ("password_confirm", "nouvelle-1"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "[{label}]");
        assert_eq!(
            browser.get("/").await.status(),
            StatusCode::SEE_OTHER,
            "[{label}] logged out"
        );
        browser.login("zoe", "nouvelle-1").await;
    }
}
