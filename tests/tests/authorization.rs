//! Every page and API route × every role (and nobody): only the allowed answers,
//! never a 500.

use comptoir_e2e::{WebClient, servers};
use db::Role;
use reqwest::StatusCode;

/// Who asks, and the least role a route needs.
fn allowed(who: Option<Role>, needs: Option<Role>) -> bool {
    match (who, needs) {
        (_, None) => true,
        (None, Some(_)) => false,
        (Some(who), Some(needs)) => who.allows(needs),
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn pages_and_api_answer_each_role_as_they_should() {
    for server in servers() {
        let label = server.label();
        let owner = server.add_user("owner", Role::Owner, "password-o", None);
        let manager = server.add_user("manager", Role::Manager, "password-m", None);
        let cashier = server.add_user("cashier", Role::Cashier, "password-c", None);
        let target = server.add_user("target", Role::Cashier, "password-t", None);
        let user_page = format!("/users/{}", target.id);
        let category = server
            .db
            .write(|conn| {
                inventory::catalogue::categories::find_or_create(
                    conn,
                    "Épicerie > Miels",
                    server.clock.now_naive(),
                )
            })
            .unwrap_or_else(|e| panic!("[{label}] fixture category: {e}"));
        let category_page = format!("/settings/categories/{category}");
        // back office sales: a ticket on till T01, printed to a file.
        let paper = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let printer = format!("file:{}", paper.path().join("printer").display());
        let ticket = server
            .db
            .write(|conn| -> Result<_, sales::SalesError> {
                let fx = sales::testing::setup(conn);
                let fields = sales::tills::TillFields {
                    code: "T01",
                    name: "Caisse principale",
                    printer: Some(&printer),
                    printer_columns: 42,
                    drawer_on_cash: true,
                };
                sales::tills::update(conn, "T01", &fields, true, sales::testing::now())?;
                Ok(sales::testing::SaleBuilder::new(&fx)
                    .product(fx.honey, "1")
                    .pay(sales::tickets::PaymentMethod::Card, "8.90")
                    .done(conn))
            })
            .unwrap_or_else(|e| panic!("[{label}] fixture sale: {e}"));
        let ticket_page = format!("/sales/{}", ticket.uuid);
        // customer pages: a fiche to open.
        let customer = server
            .db
            .write(|conn| -> Result<_, customers::CustomerError> {
                Ok(customers::testing::customer(conn, "Hélène", "Dupont").id)
            })
            .unwrap_or_else(|e| panic!("[{label}] fixture customer: {e}"));
        let customer_page = format!("/customers/{customer}");
        let session_page = format!("/sessions/{}", ticket.session_id);

        let get_pages: Vec<(String, Option<Role>)> = vec![
            ("/".into(), Some(Role::Cashier)),
            ("/account".into(), Some(Role::Cashier)),
            ("/users".into(), Some(Role::Owner)),
            (user_page.clone(), Some(Role::Owner)),
            ("/health".into(), None),
            ("/static/style.css".into(), None),
            ("/static/products.js".into(), None),
            ("/static/scanning.js".into(), None),
            ("/products".into(), Some(Role::Cashier)),
            ("/products/search?q=x".into(), Some(Role::Cashier)),
            ("/products/new".into(), Some(Role::Manager)),
            ("/products/export.csv".into(), Some(Role::Manager)),
            ("/products/import".into(), Some(Role::Manager)),
            ("/suppliers".into(), Some(Role::Manager)),
            ("/purchase-orders".into(), Some(Role::Manager)),
            ("/purchase-orders/new".into(), Some(Role::Manager)),
            ("/purchase-orders/suggestions".into(), Some(Role::Manager)),
            ("/stocktakes".into(), Some(Role::Manager)),
            ("/settings".into(), Some(Role::Manager)),
            ("/settings/categories".into(), Some(Role::Manager)),
            (category_page.clone(), Some(Role::Manager)),
            ("/settings/locations".into(), Some(Role::Owner)),
            ("/settings/locations/1".into(), Some(Role::Owner)),
            ("/settings/vat".into(), Some(Role::Owner)),
            ("/settings/scales".into(), Some(Role::Owner)),
            ("/stock/valuation".into(), Some(Role::Manager)),
            // back office sales
            ("/settings/tills".into(), Some(Role::Owner)),
            ("/settings/tills/T01".into(), Some(Role::Owner)),
            ("/settings/shop".into(), Some(Role::Owner)),
            ("/sales".into(), Some(Role::Manager)),
            (
                "/sales?day=2026-11-25&training=on".into(),
                Some(Role::Manager),
            ),
            (ticket_page.clone(), Some(Role::Manager)),
            ("/sessions".into(), Some(Role::Manager)),
            (session_page.clone(), Some(Role::Manager)),
            ("/api/v1/openapi.json".into(), None),
            ("/static/till.js".into(), None),
            ("/till/T01".into(), Some(Role::Cashier)),
            ("/till/T01/cash".into(), Some(Role::Cashier)),
            ("/till/T01/report".into(), Some(Role::Cashier)),
            ("/till/T01/close".into(), Some(Role::Cashier)),
            // customer pages
            ("/static/customers.js".into(), None),
            ("/customers".into(), Some(Role::Manager)),
            ("/customers?q=helene".into(), Some(Role::Manager)),
            ("/customers?all=1".into(), Some(Role::Manager)),
            ("/customers/search?q=dupont".into(), Some(Role::Manager)),
            ("/customers/new".into(), Some(Role::Manager)),
            (customer_page.clone(), Some(Role::Manager)),
            (format!("{customer_page}/data"), Some(Role::Manager)),
            (format!("{customer_page}/export"), Some(Role::Manager)),
            ("/customers/duplicates".into(), Some(Role::Manager)),
            ("/customers/retention".into(), Some(Role::Manager)),
            ("/settings/loyalty".into(), Some(Role::Owner)),
            // customer import page and exports
            ("/customers/import".into(), Some(Role::Manager)),
            ("/customers/export.csv".into(), Some(Role::Manager)),
            ("/customers/export.vcf".into(), Some(Role::Manager)),
        ];
        let post_pages: Vec<(String, Option<Role>)> = vec![
            ("/users".into(), Some(Role::Owner)),
            (user_page.clone(), Some(Role::Owner)),
            (format!("{user_page}/password"), Some(Role::Owner)),
            (format!("{user_page}/pin"), Some(Role::Owner)),
            (format!("{user_page}/sessions/revoke"), Some(Role::Owner)),
            ("/account/language".into(), Some(Role::Cashier)),
            ("/products".into(), Some(Role::Manager)),
            ("/suppliers".into(), Some(Role::Manager)),
            ("/purchase-orders".into(), Some(Role::Manager)),
            ("/purchase-orders/suggestions".into(), Some(Role::Manager)),
            ("/stocktakes".into(), Some(Role::Manager)),
            (format!("{category_page}/rename"), Some(Role::Manager)),
            (format!("{category_page}/move"), Some(Role::Manager)),
            ("/settings/locations".into(), Some(Role::Owner)),
            ("/settings/locations/1/rename".into(), Some(Role::Owner)),
            ("/settings/vat".into(), Some(Role::Owner)),
            ("/settings/scales".into(), Some(Role::Owner)),
            ("/account/password".into(), Some(Role::Cashier)),
            ("/till/T01/open".into(), Some(Role::Cashier)),
            ("/till/T01/cash".into(), Some(Role::Cashier)),
            ("/till/T01/close".into(), Some(Role::Cashier)),
            // back office sales
            ("/settings/tills".into(), Some(Role::Owner)),
            ("/settings/tills/T01".into(), Some(Role::Owner)),
            ("/settings/shop".into(), Some(Role::Owner)),
            (format!("{ticket_page}/print"), Some(Role::Manager)),
            // customer pages
            ("/customers".into(), Some(Role::Manager)),
            (customer_page.clone(), Some(Role::Manager)),
            (format!("{customer_page}/consents"), Some(Role::Manager)),
            (format!("{customer_page}/card"), Some(Role::Manager)),
            (format!("{customer_page}/card/replace"), Some(Role::Manager)),
            (format!("{customer_page}/points"), Some(Role::Owner)),
            (format!("{customer_page}/erase"), Some(Role::Owner)),
            ("/customers/merge".into(), Some(Role::Manager)),
            ("/customers/retention".into(), Some(Role::Owner)),
            ("/settings/loyalty".into(), Some(Role::Owner)),
            // customer import page (not multipart here: a 400 once allowed)
            ("/customers/import".into(), Some(Role::Manager)),
        ];
        let who = [
            (None, None),
            (
                Some(Role::Cashier),
                Some(("cashier", "password-c", &cashier)),
            ),
            (
                Some(Role::Manager),
                Some(("manager", "password-m", &manager)),
            ),
            (Some(Role::Owner), Some(("owner", "password-o", &owner))),
        ];
        for (role, login) in who {
            let browser = WebClient::new(&server.url);
            let mut token = None;
            if let Some((name, password, user)) = login {
                browser.login(name, password).await;
                token = Some(server.token(user));
            }
            for (path, needs) in &get_pages {
                let status = browser.get(path).await.status();
                let expected = if allowed(role, *needs) {
                    StatusCode::OK
                } else if role.is_none() {
                    StatusCode::SEE_OTHER
                } else {
                    StatusCode::FORBIDDEN
                };
                assert_eq!(status, expected, "[{label}] {role:?} GET {path}");
            }
            for (path, needs) in &post_pages {
                // A form with only its CSRF field: refused for the role, or
                // answered as a form (422, 400, 303), never a 500.
                let form_page = if role.is_some() { "/account" } else { "/login" };
                let status = browser.submit(form_page, path, &[]).await.status();
                if allowed(role, *needs) {
                    assert!(
                        [
                            StatusCode::UNPROCESSABLE_ENTITY,
                            StatusCode::BAD_REQUEST,
                            StatusCode::SEE_OTHER
                        ]
                        .contains(&status),
                        "[{label}] {role:?} POST {path}: {status}"
                    );
                } else if role.is_none() {
                    assert_eq!(
                        status,
                        StatusCode::SEE_OTHER,
                        "[{label}] {role:?} POST {path}"
                    );
                } else {
                    assert_eq!(
                        status,
                        StatusCode::FORBIDDEN,
                        "[{label}] {role:?} POST {path}"
                    );
                }
            }
            let api: [(&str, Option<Role>); 7] = [
                ("/api/v1/me", Some(Role::Cashier)),
                ("/api/v1/users", Some(Role::Owner)),
                ("/api/v1/tills", Some(Role::Cashier)),
                ("/api/v1/tills/T01/sessions/current", Some(Role::Cashier)),
                ("/api/v1/tills/T01/held", Some(Role::Cashier)),
                ("/api/v1/sales", Some(Role::Manager)),
                ("/api/v1/customers?q=dupont", Some(Role::Manager)),
            ];
            let http = reqwest::Client::new();
            for (path, needs) in api {
                let mut request = http.get(server.at(path));
                if let Some(token) = &token {
                    request = request.bearer_auth(token);
                }
                let status = request.send().await.unwrap().status();
                let expected = if allowed(role, needs) {
                    StatusCode::OK
                } else if role.is_none() {
                    StatusCode::UNAUTHORIZED
                } else {
                    StatusCode::FORBIDDEN
                };
                assert_eq!(status, expected, "[{label}] {role:?} API {path}");
            }
            // The login pages: for the logged out; the logged in go to their dashboard.
            for path in ["/login", "/login/pin"] {
                let expected = if role.is_some() {
                    StatusCode::SEE_OTHER
                } else {
                    StatusCode::OK
                };
                assert_eq!(
                    browser.get(path).await.status(),
                    expected,
                    "[{label}] {role:?} GET {path}"
                );
            }
            // The customers' own pages: the same answer whoever is logged in
            // (staff sessions open nothing there); closed without SMTP.
            for (path, expected) in [
                ("/join", StatusCode::SERVICE_UNAVAILABLE),
                ("/my-account", StatusCode::SERVICE_UNAVAILABLE),
                ("/join/confirm?t=x", StatusCode::NOT_FOUND),
                ("/my-account/open?t=x", StatusCode::NOT_FOUND),
                ("/unsubscribe/1-00", StatusCode::NOT_FOUND),
            ] {
                let status = browser.get(path).await.status();
                assert_eq!(status, expected, "[{label}] {role:?} GET {path}");
            }
            let form_page = if role.is_some() { "/account" } else { "/login" };
            for path in [
                "/join",
                "/join/confirm",
                "/my-account/link",
                "/my-account/open",
                "/my-account/details",
                "/my-account/consents",
                "/my-account/erase",
                "/my-account/logout",
                "/unsubscribe/1-00",
            ] {
                let status = browser.submit(form_page, path, &[]).await.status();
                assert!(
                    [
                        StatusCode::SERVICE_UNAVAILABLE,
                        StatusCode::NOT_FOUND,
                        StatusCode::SEE_OTHER
                    ]
                    .contains(&status),
                    "[{label}] {role:?} POST {path}: {status}"
                );
            }
            // A browser session is no API credential (without the page's CSRF
            // header), and a token opens no page.
            let status = browser.get("/api/v1/me").await.status();
            assert_eq!(
                status,
                StatusCode::UNAUTHORIZED,
                "[{label}] {role:?} cookie on the API"
            );
            if let Some(token) = &token {
                let r = http
                    .get(server.at("/"))
                    .bearer_auth(token)
                    .send()
                    .await
                    .unwrap();
                assert_eq!(
                    r.url().path(),
                    "/login",
                    "[{label}] a token on a page leads to the login page"
                );
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_failing_database_gives_a_french_500_page_not_a_panic() {
    for server in servers() {
        let label = server.label();
        server.add_user("owner", Role::Owner, "password-o", None);
        let browser = WebClient::new(&server.url);
        browser.login("owner", "password-o").await;
        // Break the database under the running server.
        server
            .db
            .write(|conn| db::testing::execute(conn, "DROP TABLE login_attempts"))
            .unwrap();
        let response = browser
            .submit(
                "/account",
                "/login",
                &[("username", "owner"), ("password", "password-o")],
            )
            .await;
        assert_eq!(
            response.status(),
            StatusCode::INTERNAL_SERVER_ERROR,
            "[{label}]"
        );
        let body = response.text().await.unwrap();
        assert!(body.contains("Erreur interne"), "[{label}] {body}");
        assert!(
            !body.contains("login_attempts"),
            "[{label}] no internals shown"
        );
        // The rest still works.
        assert_eq!(browser.get("/").await.status(), StatusCode::OK, "[{label}]");
    }
}
