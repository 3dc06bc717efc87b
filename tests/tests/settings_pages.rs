//! The settings pages over HTTP on both backends: categories, locations, VAT
//! rates, scale prefixes and the stock value; each refusal a 4xx with its French
//! sentence, and nothing written.

use chrono::{TimeDelta, TimeZone, Utc};
use comptoir_e2e::{TestServer, WebClient, location, servers};
use db::{FixedClock, Role};
use inventory::catalogue::categories;
use reqwest::StatusCode;
use std::sync::Arc;

async fn text(r: reqwest::Response) -> String {
    r.text().await.unwrap_or_default().replace('\u{a0}', " ")
}

fn refused(status: StatusCode) -> bool {
    status.is_client_error()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_manager_renames_and_moves_categories_but_not_into_their_own_branch() {
    for server in servers() {
        let label = server.label();
        server.add_user("gerant", Role::Manager, "password-g", None);
        let manager = WebClient::new(&server.url);
        manager.login("gerant", "password-g").await;
        let now = server.clock.now_naive();
        let (grocery, jams, apricot, fresh) = server
            .db
            .write(|conn| {
                Ok::<_, inventory::InventoryError>((
                    categories::find_or_create(conn, "Épicerie", now)?,
                    categories::find_or_create(conn, "Épicerie > Confitures", now)?,
                    categories::find_or_create(conn, "Épicerie > Confitures > Abricot", now)?,
                    categories::find_or_create(conn, "Frais", now)?,
                ))
            })
            .unwrap_or_else(|e| panic!("[{label}] {e}"));
        categories_fixture_check(&server, label);
        let tree = || {
            server
                .db
                .read(categories::all)
                .unwrap_or_else(|e| panic!("{e}"))
        };

        // The nav leads to the settings, the settings to the tree.
        let (_, home) = manager.page("/").await;
        assert!(home.contains("href=\"/settings\""), "[{label}]");
        let (status, settings) = manager.page("/settings").await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        assert!(
            settings.contains("href=\"/settings/categories\""),
            "[{label}]"
        );
        assert!(!settings.contains("/settings/vat"), "[{label}] owner only");
        let (status, list) = manager.page("/settings/categories").await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        assert!(
            list.contains("Épicerie &gt; Confitures &gt; Abricot"),
            "[{label}] {list}"
        );

        let page = format!("/settings/categories/{jams}");
        let before = tree();
        for (target, why) in [(jams, "itself"), (apricot, "its own subcategory")] {
            let r = manager
                .submit(
                    &page,
                    &format!("{page}/move"),
                    &[("parent", &target.to_string())],
                )
                .await;
            assert!(refused(r.status()), "[{label}] under {why}: {}", r.status());
            let body = text(r).await;
            assert!(
                body.contains("Une catégorie ne peut pas aller sous elle-même ni sous l’une de ses sous-catégories."),
                "[{label}] {body}"
            );
        }
        let grocery_page = format!("/settings/categories/{grocery}");
        let r = manager
            .submit(
                &grocery_page,
                &format!("{grocery_page}/move"),
                &[("parent", &apricot.to_string())],
            )
            .await;
        assert!(refused(r.status()), "[{label}] under a grandchild");
        for (name, message) in [
            ("", "Le nom compte de 1 à 80 caractères."),
            ("   ", "Le nom compte de 1 à 80 caractères."),
        ] {
            let r = manager
                .submit(&page, &format!("{page}/rename"), &[("name", name)])
                .await;
            assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");
            assert!(text(r).await.contains(message), "[{label}]");
        }
        // A sibling's name, case and accents aside.
        let frais_jams = server
            .db
            .write(|conn| categories::find_or_create(conn, "Frais > Confitures", now))
            .unwrap_or_else(|e| panic!("[{label}] {e}"));
        let before_dup = tree();
        let r = manager
            .submit(
                &page,
                &format!("{page}/move"),
                &[("parent", &fresh.to_string())],
            )
            .await;
        assert!(refused(r.status()), "[{label}]");
        assert!(
            text(r)
                .await
                .contains("Une catégorie « Confitures » existe déjà à cet endroit."),
            "[{label}]"
        );
        let frais_page = format!("/settings/categories/{frais_jams}");
        let r = manager
            .submit(
                &frais_page,
                &format!("{frais_page}/rename"),
                &[("name", "")],
            )
            .await;
        assert!(refused(r.status()), "[{label}]");
        let r = manager
            .post_raw(
                &format!("{page}/move"),
                &[("parent", "abc"), ("_csrf", "x")],
            )
            .await;
        assert!(refused(r.status()), "[{label}] malformed or forged");
        assert_eq!(tree(), before_dup, "[{label}] nothing written");
        assert_eq!(before.len() + 1, before_dup.len(), "[{label}]");

        // Allowed: a new name, then to the top with its branch.
        let r = manager
            .submit(
                &page,
                &format!("{page}/rename"),
                &[("name", "Confitures maison")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "[{label}]");
        assert_eq!(location(&r), page, "[{label}]");
        let r = manager
            .submit(&page, &format!("{page}/move"), &[("parent", "")])
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "[{label}]");
        let (_, shown) = manager.page(&page).await;
        assert!(shown.contains("Catégorie enregistrée."), "[{label}]");
        let (_, list) = manager.page("/settings/categories").await;
        assert!(
            list.contains(">Confitures maison &gt; Abricot</a>"),
            "[{label}] {list}"
        );
    }
}

fn categories_fixture_check(server: &TestServer, label: &str) {
    let all = server.db.read(categories::all).unwrap_or_default();
    assert_eq!(all.len(), 4, "[{label}]");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_owner_adds_and_renames_locations_and_sees_their_value() {
    for server in servers() {
        let label = server.label();
        server.add_user("patronne", Role::Owner, "password-p", None);
        server.add_user("gerant", Role::Manager, "password-g", None);
        let owner = WebClient::new(&server.url);
        owner.login("patronne", "password-p").await;
        let manager = WebClient::new(&server.url);
        manager.login("gerant", "password-g").await;
        assert_eq!(
            manager.get("/settings/locations").await.status(),
            StatusCode::FORBIDDEN,
            "[{label}]"
        );

        // A product with stock and a cost, to give the shop floor a value.
        let now = server.clock.now_naive();
        server
            .db
            .write(|conn| -> Result<(), inventory::InventoryError> {
                let product = inventory::catalogue::products::create(
                    conn,
                    &inventory::catalogue::NewProduct {
                        name: "Miel".into(),
                        price: db::Money::from_cents(990),
                        vat_rate: "5.5".into(),
                        cost: Some(db::Money::from_cents(510)),
                        ..Default::default()
                    },
                    None,
                    now,
                )?;
                inventory::stock::movements::adjust(
                    conn,
                    product.id,
                    None,
                    db::Quantity::from_units(3),
                    "stock initial",
                    None,
                    now,
                )?;
                Ok(())
            })
            .unwrap_or_else(|e| panic!("[{label}] {e}"));
        let (status, list) = owner.page("/settings/locations").await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        let list = list.replace('\u{a0}', " ");
        assert!(
            list.contains(">Magasin</a>") && list.contains("15,30 €"),
            "[{label}] {list}"
        );

        let count = || {
            server
                .db
                .read(inventory::stock::locations::all)
                .map(|l| l.len())
                .unwrap_or_default()
        };
        for (name, message) in [
            ("", "Le nom compte de 1 à 60 caractères."),
            ("réserve", "Un emplacement « réserve » existe déjà."),
        ] {
            let r = owner
                .submit(
                    "/settings/locations",
                    "/settings/locations",
                    &[("name", name)],
                )
                .await;
            assert!(refused(r.status()), "[{label}] {name:?}");
            let body = text(r).await;
            assert!(body.contains(message), "[{label}] {body}");
            assert!(
                body.contains(&format!("value=\"{name}\"")),
                "[{label}] kept"
            );
        }
        assert_eq!(count(), 2, "[{label}] nothing written");
        let r = owner
            .submit(
                "/settings/locations",
                "/settings/locations",
                &[("name", "Cave")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "[{label}]");
        assert_eq!(count(), 3, "[{label}]");
        let (_, list) = owner.page("/settings/locations").await;
        assert!(list.contains(">Cave</a>"), "[{label}]");
        assert!(list.contains("Emplacement enregistré."), "[{label}]");
        let cave = server
            .db
            .read(inventory::stock::locations::all)
            .ok()
            .and_then(|all| all.into_iter().find(|l| l.name == "Cave"))
            .map(|l| l.id)
            .unwrap_or_default();
        let page = format!("/settings/locations/{cave}");
        let rename = format!("{page}/rename");
        let r = owner.submit(&page, &rename, &[("name", "MAGASIN")]).await;
        assert!(refused(r.status()), "[{label}]");
        assert!(
            text(r)
                .await
                .contains("Un emplacement « MAGASIN » existe déjà."),
            "[{label}]"
        );
        let r = owner
            .submit(&page, &rename, &[("name", "Cave voûtée")])
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "[{label}]");
        let (_, list) = owner.page("/settings/locations").await;
        assert!(list.contains(">Cave voûtée</a>"), "[{label}]");

        // The stock value, from the dashboard's stock card, for managers too.
        let (_, home) = manager.page("/").await;
        assert!(home.contains("href=\"/stock/valuation\""), "[{label}]");
        let (status, value) = manager.page("/stock/valuation").await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        let value = value.replace('\u{a0}', " ");
        assert!(
            value.contains("<strong>15,30 €</strong>"),
            "[{label}] {value}"
        );
        assert!(value.contains(">Cave voûtée</th>"), "[{label}]");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_owner_schedules_a_vat_change_that_applies_from_its_day() {
    for database in db::testing::databases() {
        // Wednesday 25 November 2026, 10:00 in Paris.
        let clock = FixedClock::new(Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap());
        let server = TestServer::start_with_clock(Arc::new(database), clock.clone());
        let label = server.label();
        server.add_user("patronne", Role::Owner, "password-p", None);
        server.add_user("gerant", Role::Manager, "password-g", None);
        let owner = WebClient::new(&server.url);
        owner.login("patronne", "password-p").await;
        let manager = WebClient::new(&server.url);
        manager.login("gerant", "password-g").await;
        assert_eq!(
            manager.get("/settings/vat").await.status(),
            StatusCode::FORBIDDEN,
            "[{label}]"
        );
        let (status, page) = owner.page("/settings/vat").await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        assert!(page.contains("01/01/2014"), "[{label}]");

        let rows = || server.db.read(inventory::vat::periods).unwrap_or_default();
        let before = rows();
        let owner_ref = &owner;
        let schedule = move |code: &'static str, rate: &'static str, from: &'static str| async move {
            owner_ref
                .submit(
                    "/settings/vat",
                    "/settings/vat",
                    &[("code", code), ("rate", rate), ("valid_from", from)],
                )
                .await
        };
        for (code, rate, from, message) in [
            ("20", "21", "24/11/2026", "à partir de demain au plus tôt"),
            ("20", "21", "25/11/2026", "à partir de demain au plus tôt"),
            ("20", "vingt", "01/01/2027", "Taux invalide « vingt »"),
            ("20", "150", "01/01/2027", "Taux invalide « 150 »"),
            ("20", "21", "hier", "Date invalide"),
            ("20", "21", "31/02/2027", "Date invalide"),
            (
                "20",
                "10",
                "01/01/2027",
                "Le taux de 10 % est déjà en vigueur ou programmé",
            ),
            (
                "",
                "5,5",
                "01/01/2027",
                "Le taux de 5,5 % est déjà en vigueur ou programmé",
            ),
        ] {
            let r = schedule(code, rate, from).await;
            assert!(
                refused(r.status()),
                "[{label}] {rate} {from}: {}",
                r.status()
            );
            let body = text(r).await;
            assert!(body.contains(message), "[{label}] {rate} {from}: {body}");
        }
        assert_eq!(rows(), before, "[{label}] nothing written");

        let r = schedule("20", "21", "01/01/2027").await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "[{label}]");
        let (_, page) = owner.page("/settings/vat").await;
        assert!(page.contains("Changement de taux programmé."), "[{label}]");
        let r = schedule("20", "22", "2027-01-01").await;
        assert!(refused(r.status()), "[{label}] the same day twice");
        assert_eq!(rows().len(), before.len() + 1, "[{label}]");
        let (_, page) = owner.page("/settings/vat").await;
        let page = page.replace('\u{a0}', " ");
        assert!(
            page.contains("<td class=\"num\">21 %</td><td>01/01/2027</td><td>—</td><td><span class=\"badge\">Programmé</span>"),
            "[{label}] {page}"
        );
        assert!(
            page.contains(
                "<td>31/12/2026</td><td><span class=\"badge badge-on\">En vigueur</span>"
            ),
            "[{label}]"
        );

        // The eve, then the day itself: the products of the line follow.
        let day = |d: u32, h: u32| Utc.with_ymd_and_hms(2026, 12, d, h, 0, 0).unwrap();
        clock.set(day(31, 12));
        let rate_now = || {
            let today = server.clock.now_naive().date();
            server
                .db
                .read(|conn| inventory::vat::rate_of(conn, "20", today))
                .map(|r| r.rate)
                .unwrap_or_default()
        };
        assert_eq!(rate_now(), 2000, "[{label}]");
        clock.advance(TimeDelta::days(1));
        assert_eq!(rate_now(), 2100, "[{label}]");
        // Weeks later the idle session has ended: in again.
        let owner = WebClient::new(&server.url);
        owner.login("patronne", "password-p").await;
        let (_, page) = owner.page("/settings/vat").await;
        assert!(page.contains("Terminé"), "[{label}]");
        let (_, form) = owner.page("/products/new").await;
        assert!(
            form.replace('\u{a0}', " ")
                .contains("<option value=\"20\">21 %</option>"),
            "[{label}] the product form offers the line at its new rate"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_owner_sets_the_scale_prefixes_and_scans_follow_them() {
    for server in servers() {
        let label = server.label();
        let owner_user = server.add_user("patronne", Role::Owner, "password-p", None);
        let owner = WebClient::new(&server.url);
        owner.login("patronne", "password-p").await;
        let token = server.token(&owner_user);
        let http = reqwest::Client::new();
        let scan = |code: &'static str| {
            http.get(server.at(&format!("/api/v1/products?barcode={code}")))
                .bearer_auth(&token)
                .send()
        };
        let now = server.clock.now_naive();
        server
            .db
            .write(|conn| {
                inventory::catalogue::products::create(
                    conn,
                    &inventory::catalogue::NewProduct {
                        name: "Jambon".into(),
                        barcodes: vec!["2500042".into()],
                        price: db::Money::from_cents(2490),
                        vat_rate: "5.5".into(),
                        unit: Some(inventory::catalogue::Unit::Kg),
                        ..Default::default()
                    },
                    None,
                    now,
                )
            })
            .unwrap_or_else(|e| panic!("[{label}] {e}"));
        // 25 00042 00350 + check digit: not a scale label by default.
        let label_25 = "2500042003505";
        let items = |body: serde_json::Value| body["items"].as_array().map(Vec::len).unwrap_or(99);
        let body: serde_json::Value = scan(label_25).await.unwrap().json().await.unwrap();
        assert_eq!(items(body), 0, "[{label}]");

        let (status, page) = owner.page("/settings/scales").await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        assert!(
            page.contains("value=\"21, 22\"") && page.contains("value=\"23, 24\""),
            "[{label}]"
        );

        let stored = || {
            server
                .db
                .read(|conn| db::settings::get(conn, "scale.prefixes"))
                .unwrap_or_default()
        };
        for (weight, price, message) in [
            ("21, 22", "22", "Le préfixe 22 est donné deux fois"),
            ("30", "", "Le préfixe 30 n’est pas compris entre 20 et 29."),
            ("21", "2x", "« 2x » n’est pas un préfixe"),
        ] {
            let r = owner
                .submit(
                    "/settings/scales",
                    "/settings/scales",
                    &[("weight", weight), ("price", price)],
                )
                .await;
            assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");
            let body = text(r).await;
            assert!(body.contains(message), "[{label}] {body}");
            assert_eq!(stored(), None, "[{label}] nothing written");
        }
        let r = owner
            .submit(
                "/settings/scales",
                "/settings/scales",
                &[("weight", "25"), ("price", "26")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "[{label}]");
        assert_eq!(stored().as_deref(), Some("25:weight,26:price"), "[{label}]");
        let body: serde_json::Value = scan(label_25).await.unwrap().json().await.unwrap();
        assert_eq!(
            body["items"][0]["scanned_quantity"], "0.350",
            "[{label}] {body}"
        );
        let (_, page) = owner.page("/settings/scales").await;
        assert!(
            page.contains("value=\"25\"") && page.contains("value=\"26\""),
            "[{label}]"
        );
    }
}
