//! The owner manages users; each role sees only what it may; a PIN opens the
//! till with a cashier's rights.

use comptoir_e2e::{WebClient, location, servers};
use db::Role;
use reqwest::StatusCode;

#[tokio::test(flavor = "multi_thread")]
async fn each_role_reaches_only_its_pages() {
    for server in servers() {
        let label = server.label();
        server.add_user("owner", Role::Owner, "password-o", None);
        server.add_user("manager", Role::Manager, "password-m", None);
        server.add_user("cashier", Role::Cashier, "password-c", None);
        let anonymous = WebClient::new(&server.url);
        for path in ["/", "/users", "/users/1", "/account"] {
            let r = anonymous.get(path).await;
            assert_eq!(
                r.status(),
                StatusCode::SEE_OTHER,
                "[{label}] anonymous {path}"
            );
        }
        let r = anonymous.post_raw("/users", &[("username", "x")]).await;
        assert_eq!(
            r.status(),
            StatusCode::SEE_OTHER,
            "[{label}] anonymous post: to the login page"
        );

        for (name, password, users_status) in [
            ("owner", "password-o", StatusCode::OK),
            ("manager", "password-m", StatusCode::FORBIDDEN),
            ("cashier", "password-c", StatusCode::FORBIDDEN),
        ] {
            let browser = WebClient::new(&server.url);
            browser.login(name, password).await;
            let (status, body) = browser.page("/users").await;
            assert_eq!(status, users_status, "[{label}] {name} on /users");
            if status == StatusCode::FORBIDDEN {
                assert!(body.contains("Accès refusé"), "[{label}] a French 403 page");
                assert!(body.contains(name), "[{label}] with the user's navigation");
                let r = browser
                    .submit(
                        "/account",
                        "/users",
                        &[
                            ("username", "intrus"),
                            ("display_name", "I"),
                            ("role", "owner"),
                            ("password", "password-x"),
                        ],
                    )
                    .await;
                assert_eq!(
                    r.status(),
                    StatusCode::FORBIDDEN,
                    "[{label}] {name} cannot create users"
                );
            }
            let (_, dashboard) = browser.page("/").await;
            assert_eq!(
                dashboard.contains("href=\"/users\""),
                name == "owner",
                "[{label}] {name} nav"
            );
            assert_eq!(
                browser.page("/account").await.0,
                StatusCode::OK,
                "[{label}]"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_owner_adds_edits_disables_and_resets_users() {
    for server in servers() {
        let label = server.label();
        server.add_user("owner", Role::Owner, "password-o", None);
        let owner = WebClient::new(&server.url);
        owner.login("owner", "password-o").await;

        // Bad input: errors next to their field, nothing created.
        let r = owner
            .submit(
                "/users",
                "/users",
                &[
                    ("username", "Jean Dupont"),
                    ("display_name", "Jean"),
                    ("role", "cashier"),
                    ("password", "password-j"),
                    ("pin", "12"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");
        let body = r.text().await.unwrap();
        assert!(
            body.contains("code PIN compte de 4 à 8 chiffres"),
            "[{label}] {body}"
        );
        let r = owner
            .submit(
                "/users",
                "/users",
                &[
                    ("username", "jean"),
                    ("display_name", "Jean"),
                    ("role", ""),
                    ("password", "password-j"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");
        assert!(
            r.text().await.unwrap().contains("Choisissez un rôle"),
            "[{label}]"
        );
        let r = owner
            .submit(
                "/users",
                "/users",
                &[
                    ("username", "owner"),
                    ("display_name", "Bis"),
                    ("role", "cashier"),
                    ("password", "password-j"),
                ],
            )
            .await;
        assert!(r.text().await.unwrap().contains("déjà pris"), "[{label}]");

        let r = owner
            .submit(
                "/users",
                "/users",
                &[
                    ("username", "jean"),
                    ("display_name", "Jean Dupont"),
                    ("role", "cashier"),
                    ("password", "password-j"),
                    ("pin", "2468"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "[{label}]");
        let (_, list) = owner.page("/users").await;
        assert!(
            list.contains("Jean Dupont") && list.contains("Utilisateur créé"),
            "[{label}]"
        );
        let jean = server
            .db
            .read(|c| db::accounts::users::find_by_username(c, "jean"))
            .unwrap()
            .unwrap();
        let edit = format!("/users/{}", jean.id);

        // Jean logs in at the till with his PIN.
        let till = WebClient::new(&server.url);
        let (_, pin_page) = till.page("/login/pin").await;
        assert!(pin_page.contains("Jean Dupont"), "[{label}]");
        let r = till
            .submit(
                "/login/pin",
                "/login/pin",
                &[("username", "jean"), ("pin", "0000")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "[{label}]");
        assert!(
            r.text().await.unwrap().contains("Code PIN incorrect"),
            "[{label}]"
        );
        let r = till
            .submit(
                "/login/pin",
                "/login/pin",
                &[("username", "jean"), ("pin", "2468")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "[{label}]");
        assert_eq!(till.get("/").await.status(), StatusCode::OK, "[{label}]");

        // Promoted to manager: his sessions end (they carried the old rights).
        let r = owner
            .submit(
                &edit,
                &edit,
                &[
                    ("display_name", "Jean D."),
                    ("role", "manager"),
                    ("active", "on"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "[{label}]");
        assert_eq!(location(&r), edit, "[{label}]");
        assert_eq!(
            till.get("/").await.status(),
            StatusCode::SEE_OTHER,
            "[{label}] session ended"
        );

        // A manager's PIN still opens only a cashier's session.
        till.submit(
            "/login/pin",
            "/login/pin",
            &[("username", "jean"), ("pin", "2468")],
        )
        .await;
        let (status, _) = till.page("/").await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        let (_, dash) = till.page("/").await;
        assert!(
            dash.contains("Caissier") || dash.contains("caissier"),
            "[{label}] PIN session acts as cashier"
        );

        // Logged out everywhere by the owner.
        let r = owner
            .submit(&edit, &format!("{edit}/sessions/revoke"), &[])
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "[{label}]");
        assert_eq!(
            till.get("/").await.status(),
            StatusCode::SEE_OTHER,
            "[{label}] till session ended"
        );

        // Password reset and disabling.
        let r = owner
            .submit(&edit, &format!("{edit}/password"), &[("password", "court")])
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");
        let r = owner
            .submit(
                &edit,
                &format!("{edit}/password"),
                &[("password", "nouvelle-j")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "[{label}]");
        let jean_browser = WebClient::new(&server.url);
        jean_browser.login("jean", "nouvelle-j").await;
        let r = owner
            .submit(
                &edit,
                &edit,
                &[("display_name", "Jean D."), ("role", "manager")],
            )
            .await;
        assert_eq!(
            r.status(),
            StatusCode::SEE_OTHER,
            "[{label}] disabled (no 'active')"
        );
        assert_eq!(
            jean_browser.get("/").await.status(),
            StatusCode::SEE_OTHER,
            "[{label}]"
        );
        let r = jean_browser
            .submit(
                "/login",
                "/login",
                &[("username", "jean"), ("password", "nouvelle-j")],
            )
            .await;
        assert_eq!(
            r.status(),
            StatusCode::UNAUTHORIZED,
            "[{label}] a disabled user cannot log in"
        );

        // The last owner cannot demote themself.
        let me = format!(
            "/users/{}",
            server
                .db
                .read(|c| db::accounts::users::find_by_username(c, "owner"))
                .unwrap()
                .unwrap()
                .id
        );
        let r = owner
            .submit(
                &me,
                &me,
                &[
                    ("display_name", "Owner"),
                    ("role", "cashier"),
                    ("active", "on"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");
        assert!(
            r.text().await.unwrap().contains("au moins un propriétaire"),
            "[{label}]"
        );

        // Unknown and malformed ids are a French 404.
        assert_eq!(
            owner.page("/users/99999").await.0,
            StatusCode::NOT_FOUND,
            "[{label}]"
        );
        let (status, body) = owner.page("/users/abc").await;
        assert_eq!(status, StatusCode::NOT_FOUND, "[{label}]");
        assert!(body.contains("Page introuvable"), "[{label}]");

        // Every change is in the audit log.
        let trail = server
            .db
            .read(|c| db::audit::for_entity(c, "user", &jean.id.to_string()))
            .unwrap();
        let actions: Vec<&str> = trail.iter().map(|e| e.action.as_str()).collect();
        assert_eq!(
            actions,
            [
                "user.create",
                "user.update",
                "user.sessions_revoked",
                "user.password",
                "user.update"
            ],
            "[{label}]"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn unknown_pages_are_a_french_404() {
    for server in servers() {
        let (status, body) = WebClient::new(&server.url).page("/nulle-part").await;
        assert_eq!(status, StatusCode::NOT_FOUND, "[{}]", server.label());
        assert!(body.contains("Page introuvable"), "[{}]", server.label());
    }
}
