//! First start on an empty database: the one-time setup address, then never again.

use comptoir_e2e::{WebClient, location, servers};
use reqwest::StatusCode;

#[tokio::test(flavor = "multi_thread")]
async fn the_owner_is_created_once_through_the_setup_address() {
    for server in servers() {
        let label = server.label();
        let setup = server
            .setup_path
            .clone()
            .expect("an empty database opens the setup address");
        let browser = WebClient::new(&server.url);

        // The login page tells where to look; the setup page wants its token.
        let (_, login) = browser.page("/login").await;
        assert!(
            login.contains("adresse de configuration"),
            "[{label}] {login}"
        );
        let (status, body) = browser.page("/setup?token=wrong").await;
        assert_eq!(status, StatusCode::FORBIDDEN, "[{label}]");
        assert!(
            body.contains("Adresse de configuration invalide"),
            "[{label}]"
        );
        let (status, _) = browser.page("/setup").await;
        assert_eq!(status, StatusCode::FORBIDDEN, "[{label}]");

        // Mistakes are shown next to their field, and nothing is created.
        let token = setup.trim_start_matches("/setup?token=").to_owned();
        let response = browser
            .submit(
                &setup,
                "/setup",
                &[
                    ("token", &token),
                    ("username", "marie"),
                    ("display_name", "Marie Curie"),
                    ("password", "court"),
                    ("password_confirm", "court"),
                ],
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "[{label}]"
        );
        let body = response.text().await.unwrap();
        assert!(body.contains("au moins 8 caractères"), "[{label}] {body}");
        assert!(body.contains("aria-invalid=\"true\""), "[{label}]");
        assert!(
            body.contains("value=\"Marie Curie\""),
            "[{label}] typed values are kept"
        );

        // A forged form (no CSRF field) is refused.
        let forged = browser
            .post_raw(
                "/setup",
                &[
                    ("token", &token),
                    ("username", "eve"),
                    ("display_name", "Eve"),
                    ("password", "password1"),
                    ("password_confirm", "password1"),
                ],
            )
            .await;
        assert_eq!(forged.status(), StatusCode::FORBIDDEN, "[{label}]");
        assert!(
            forged.text().await.unwrap().contains("rechargez la page"),
            "[{label}]"
        );

        let response = browser
            .submit(
                &setup,
                "/setup",
                &[
                    ("token", &token),
                    ("username", "Marie"),
                    ("display_name", "Marie Curie"),
                    ("password", "radium-1898"),
                    ("password_confirm", "radium-1898"),
                ],
            )
            .await;
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "[{label}]");
        assert_eq!(location(&response), "/", "[{label}]");

        // Logged in straight away, as the owner.
        let (status, dashboard) = browser.page("/").await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        assert!(dashboard.contains("Marie Curie"), "[{label}]");
        assert!(
            dashboard.contains("Bienvenue"),
            "[{label}] the welcome message"
        );
        assert!(
            dashboard.contains("href=\"/users\""),
            "[{label}] the owner sees the users link"
        );

        // The address is gone for good, with or without its token.
        let (status, _) = browser.page(&setup).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "[{label}]");
        let other = WebClient::new(&server.url);
        let (status, _) = other.page(&setup).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "[{label}]");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_database_with_users_opens_no_setup_address() {
    for server in servers() {
        server.add_user("owner", db::Role::Owner, "password-1", None);
        let restarted = server.restart();
        assert!(restarted.setup_path.is_none(), "[{}]", restarted.label());
    }
}
