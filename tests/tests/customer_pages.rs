//! The customer pages over HTTP on both backends: the fiche and its refusals
//! next to their fields (nothing written), the search, consents, cards,
//! points, merge, export, erasure, retention and the loyalty settings; the
//! cashier kept out.

use chrono::TimeDelta;
use comptoir_e2e::{TestServer, WebClient, location, servers};
use customers::{fiche, gdpr};
use db::Role;
use reqwest::StatusCode;

async fn text(r: reqwest::Response) -> String {
    r.text().await.unwrap_or_default().replace('\u{a0}', " ")
}

fn count_customers(server: &TestServer) -> usize {
    server
        .db
        .read(|conn| fiche::list(conn, 1000))
        .unwrap_or_else(|e| panic!("{e}"))
        .len()
}

/// The `id` of the customer a redirect leads to.
fn customer_id(r: &reqwest::Response) -> i64 {
    let to = location(r);
    to.trim_start_matches("/customers/")
        .split('#')
        .next()
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("not a customer: {to}"))
}

const HELENE: [(&str, &str); 8] = [
    ("civility", "mme"),
    ("first_name", "Hélène"),
    ("last_name", "Dupont"),
    ("email", "Helene.Dupont@Example.fr"),
    ("phone", "06 12 34 56 78"),
    ("address_line1", "3 rue du Port"),
    ("postcode", "29000"),
    ("city", "Quimper"),
];

#[tokio::test(flavor = "multi_thread")]
async fn a_manager_creates_a_fiche_refused_fields_are_shown_and_nothing_is_written() {
    for server in servers() {
        let label = server.label();
        server.add_user("gerant", Role::Manager, "password-g", None);
        let manager = WebClient::new(&server.url);
        manager.login("gerant", "password-g").await;
        let (_, home) = manager.page("/").await;
        assert!(home.contains("href=\"/customers\""), "[{label}] nav");

        // Bad e-mail, phone and postcode: each said next to its field.
        let r = manager
            .submit(
                "/customers/new",
                "/customers",
                &[
                    ("first_name", "Hélène"),
                    ("last_name", "Dupont"),
                    ("email", "helene@"),
                    ("phone", "06 12 AB"),
                    ("postcode", "2900"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");
        let page = text(r).await;
        for (field, words) in [
            ("email", "Adresse e-mail invalide : « helene@ »"),
            ("phone", "Numéro de téléphone invalide : « 06 12 AB »"),
            ("postcode", "2900"),
        ] {
            let at = page
                .find(&format!("id=\"field-{field}-error\""))
                .unwrap_or_else(|| panic!("[{label}] no error for {field}: {page}"));
            assert!(page[at..].contains(words), "[{label}] {field}");
        }
        assert!(page.contains("value=\"helene@\""), "[{label}] typed kept");
        assert_eq!(count_customers(&server), 0, "[{label}] nothing written");

        // No name at all.
        let r = manager
            .submit("/customers/new", "/customers", &[("first_name", "Hélène")])
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");
        let page = text(r).await;
        assert!(
            page.contains("id=\"field-last_name-error\" role=\"alert\">Un client a un nom de famille ou une société."),
            "[{label}] {page}"
        );
        assert_eq!(count_customers(&server), 0, "[{label}]");

        // A good one.
        let r = manager
            .submit("/customers/new", "/customers", &HELENE)
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "[{label}]");
        let id = customer_id(&r);
        let (status, page) = manager.page(&format!("/customers/{id}")).await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        assert!(page.contains("Client créé."), "[{label}]");
        assert!(
            page.contains("value=\"helene.dupont@example.fr\""),
            "[{label}]"
        );
        assert!(page.contains("value=\"+33612345678\""), "[{label}]");

        // A change refused keeps the fiche as it was.
        let mut changed: Vec<(&str, &str)> = HELENE.to_vec();
        changed.retain(|(k, _)| *k != "email");
        changed.push(("email", "pas un mail"));
        let r = manager
            .submit(
                &format!("/customers/{id}"),
                &format!("/customers/{id}"),
                &changed,
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");
        let stored = server
            .db
            .read(|conn| fiche::get(conn, id))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            stored.email.as_deref(),
            Some("helene.dupont@example.fr"),
            "[{label}]"
        );
        // A change accepted.
        let mut changed: Vec<(&str, &str)> = HELENE.to_vec();
        changed.push(("tags", "bio, vrac"));
        changed.push(("birth_date", "17/05/1980"));
        let r = manager
            .submit(
                &format!("/customers/{id}"),
                &format!("/customers/{id}"),
                &changed,
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "[{label}]");
        let stored = server
            .db
            .read(|conn| fiche::get(conn, id))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(stored.tags.as_deref(), Some("bio,vrac"), "[{label}]");
        assert_eq!(
            stored.birth_date.map(|d| d.to_string()).as_deref(),
            Some("1980-05-17"),
            "[{label}]"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn search_ignores_accents_and_bulk_views_are_audited() {
    for server in servers() {
        let label = server.label();
        server.add_user("gerant", Role::Manager, "password-g", None);
        let manager = WebClient::new(&server.url);
        manager.login("gerant", "password-g").await;
        server
            .db
            .write(|conn| -> Result<_, customers::CustomerError> {
                customers::testing::customer(conn, "Hélène", "Dupont");
                customers::testing::customer(conn, "Marc", "Olive");
                Ok(())
            })
            .unwrap_or_else(|e| panic!("{e}"));
        let (status, page) = manager.page("/customers?q=helene").await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        assert!(page.contains("Hélène Dupont"), "[{label}]");
        assert!(!page.contains("Marc Olive"), "[{label}]");
        let (status, rows) = manager.page("/customers/search?q=HELENE").await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        assert!(rows.starts_with("<tr data-customer-id"), "[{label}] {rows}");
        assert!(rows.contains("Hélène Dupont"), "[{label}]");
        let (_, none) = manager.page("/customers/search?q=zzz").await;
        assert!(none.contains("Aucun client trouvé."), "[{label}]");
        let audited = |server: &TestServer| {
            server
                .db
                .read(|conn| db::testing::audit_count(conn, "customers.view"))
                .unwrap_or_else(|e| panic!("{e}"))
        };
        assert_eq!(
            audited(&server),
            0,
            "[{label}] a look-up is not a bulk view"
        );
        let (_, all) = manager.page("/customers?all=1").await;
        assert!(
            all.contains("Marc Olive") && all.contains("Hélène Dupont"),
            "[{label}]"
        );
        assert_eq!(audited(&server), 1, "[{label}] the whole file is");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn consents_cards_and_points_from_the_customer_s_page() {
    for server in servers() {
        let label = server.label();
        server.add_user("gerant", Role::Manager, "password-g", None);
        server.add_user("patron", Role::Owner, "password-o", None);
        let manager = WebClient::new(&server.url);
        manager.login("gerant", "password-g").await;
        let (id, other) = server
            .db
            .write(|conn| -> Result<_, customers::CustomerError> {
                Ok((
                    customers::testing::customer(conn, "Hélène", "Dupont").id,
                    customers::testing::customer(conn, "Marc", "Olive").id,
                ))
            })
            .unwrap_or_else(|e| panic!("{e}"));
        let page_of = format!("/customers/{id}");

        // An explicit yes needs the text shown: refused, nothing written.
        let r = manager
            .submit(
                &page_of,
                &format!("{page_of}/consents"),
                &[
                    ("channel", "email"),
                    ("granted", "yes"),
                    ("basis", "explicit"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");
        let body = text(r).await;
        assert!(
            body.contains("id=\"field-text_shown-error\" role=\"alert\">Un consentement explicite garde le texte montré au client."),
            "[{label}] {body}"
        );
        // Post cannot be granted by the soft opt-in.
        let r = manager
            .submit(
                &page_of,
                &format!("{page_of}/consents"),
                &[
                    ("channel", "post"),
                    ("granted", "yes"),
                    ("basis", "soft_opt_in"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");
        assert!(
            text(r).await.contains("id=\"field-basis-error\""),
            "[{label}]"
        );
        let history = |server: &TestServer| {
            server
                .db
                .read(|conn| customers::consents::history(conn, id))
                .unwrap_or_else(|e| panic!("{e}"))
        };
        assert!(history(&server).is_empty(), "[{label}]");
        // Granted, then withdrawn: both in the history, the latest counts.
        for (granted, basis) in [("yes", "explicit"), ("no", "explicit")] {
            let r = manager
                .submit(
                    &page_of,
                    &format!("{page_of}/consents"),
                    &[
                        ("channel", "email"),
                        ("granted", granted),
                        ("basis", basis),
                        ("text_shown", "J’accepte de recevoir les offres par e-mail"),
                    ],
                )
                .await;
            assert_eq!(r.status(), StatusCode::SEE_OTHER, "[{label}]");
        }
        assert_eq!(history(&server).len(), 2, "[{label}]");
        let (_, page) = manager.page(&page_of).await;
        let page = page.replace('\u{a0}', " ");
        assert!(page.contains("Consentement enregistré."), "[{label}]");
        let table = &page[page.find("id=\"consent-history\"").unwrap_or(0)..];
        assert_eq!(
            table
                .matches("J’accepte de recevoir les offres par e-mail")
                .count(),
            2,
            "[{label}]"
        );
        assert!(
            page.contains("<th scope=\"row\">E-mail</th><td>—</td><td><span class=\"badge badge-off\">Retiré</span>")
                || page.contains("<span class=\"badge badge-off\">Retiré</span>"),
            "[{label}]"
        );

        // A card: a new number, then a taken one refused for the other customer.
        let r = manager
            .submit(&page_of, &format!("{page_of}/card"), &[("allocate", "1")])
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "[{label}]");
        let card = server
            .db
            .read(|conn| customers::cards::active_card(conn, id))
            .unwrap_or_else(|e| panic!("{e}"))
            .unwrap_or_else(|| panic!("[{label}] no card"))
            .number;
        let other_page = format!("/customers/{other}");
        let r = manager
            .submit(
                &other_page,
                &format!("{other_page}/card"),
                &[("card_number", &card)],
            )
            .await;
        assert_eq!(r.status(), StatusCode::CONFLICT, "[{label}]");
        let body = text(r).await;
        assert!(
            body.contains(&format!("id=\"field-card_number-error\" role=\"alert\">La carte {card} appartient à un autre client.")),
            "[{label}] {body}"
        );
        let r = manager
            .submit(
                &other_page,
                &format!("{other_page}/card"),
                &[("card_number", "1234")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");
        // The search finds her by her card.
        let (_, rows) = manager.page(&format!("/customers/search?q={card}")).await;
        assert!(rows.contains("Hélène Dupont"), "[{label}]");
        // Replaced: the old card no longer finds her.
        let new_card = server
            .db
            .write(|conn| customers::cards::next_number(conn, server.clock.now_naive()))
            .unwrap_or_else(|e| panic!("{e}"));
        let r = manager
            .submit(
                &page_of,
                &format!("{page_of}/card/replace"),
                &[("card_number", &new_card)],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "[{label}]");
        let (_, page) = manager.page(&page_of).await;
        assert!(
            page.contains("Remplacée") && page.contains(&new_card),
            "[{label}]"
        );

        // Points: the owner only, with a reason.
        let owner = WebClient::new(&server.url);
        owner.login("patron", "password-o").await;
        let r = manager
            .submit(
                &page_of,
                &format!("{page_of}/points"),
                &[("delta", "10"), ("reason", "Geste")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN, "[{label}]");
        let r = owner
            .submit(
                &page_of,
                &format!("{page_of}/points"),
                &[("delta", "10"), ("reason", "")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");
        let r = owner
            .submit(
                &page_of,
                &format!("{page_of}/points"),
                &[("delta", "-5"), ("reason", "Trop")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");
        assert!(
            text(r)
                .await
                .contains("Pas assez de points : 5 nécessaires, 0 disponibles."),
            "[{label}]"
        );
        let r = owner
            .submit(
                &page_of,
                &format!("{page_of}/points"),
                &[("delta", "+40"), ("reason", "Geste commercial")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "[{label}]");
        let (_, page) = owner.page(&page_of).await;
        let page = page.replace('\u{a0}', " ");
        assert!(page.contains("40 points (valeur 2,00 €)"), "[{label}]");
        assert!(page.contains("Geste commercial"), "[{label}]");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn duplicates_merge_and_a_refusal_in_french() {
    for server in servers() {
        let label = server.label();
        server.add_user("gerant", Role::Manager, "password-g", None);
        let manager = WebClient::new(&server.url);
        manager.login("gerant", "password-g").await;
        let (first, second) = server
            .db
            .write(|conn| -> Result<_, customers::CustomerError> {
                let now = server.clock.now_naive();
                let mut a = customers::testing::new_customer("Hélène", "Dupont");
                a.email = Some("helene@example.fr".into());
                let mut b = customers::testing::new_customer("Helene", "Dupont");
                b.email = Some("HELENE@example.fr".into());
                Ok((
                    fiche::create(conn, &a, None, now)?.id,
                    fiche::create(conn, &b, None, now)?.id,
                ))
            })
            .unwrap_or_else(|e| panic!("{e}"));
        let (status, page) = manager.page("/customers/duplicates").await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        assert!(page.contains("Même adresse e-mail"), "[{label}]");
        let (a, b) = (first.to_string(), second.to_string());
        // Keeping a third fiche is no choice.
        let r = manager
            .submit(
                "/customers/duplicates",
                "/customers/merge",
                &[("first", &a), ("second", &b), ("keep", "999")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");
        assert!(
            text(r).await.contains("Choisissez l’une des deux fiches."),
            "[{label}]"
        );
        // Into itself: refused in French.
        let r = manager
            .submit(
                "/customers/duplicates",
                "/customers/merge",
                &[("first", &a), ("second", &a), ("keep", &a)],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");
        assert!(
            text(r)
                .await
                .contains("Un client ne se fusionne pas avec lui-même."),
            "[{label}]"
        );
        let r = manager
            .submit(
                "/customers/duplicates",
                "/customers/merge",
                &[("first", &a), ("second", &b), ("keep", &b)],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "[{label}]");
        assert_eq!(location(&r), format!("/customers/{second}"), "[{label}]");
        let retired = server
            .db
            .read(|conn| fiche::get(conn, first))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(retired.merged_into, Some(second), "[{label}]");
        let (_, page) = manager.page("/customers/duplicates").await;
        assert!(page.contains("Aucun doublon probable."), "[{label}]");
        // Merged again: refused, said in French.
        let r = manager
            .submit(
                "/customers/duplicates",
                "/customers/merge",
                &[("first", &a), ("second", &b), ("keep", &b)],
            )
            .await;
        assert_eq!(r.status(), StatusCode::CONFLICT, "[{label}]");
        assert!(
            text(r)
                .await
                .contains(&format!("fusionné avec le client n° {second}")),
            "[{label}]"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn export_data_page_erasure_once_retention_and_the_cashier_kept_out() {
    for server in servers() {
        let label = server.label();
        server.add_user("gerant", Role::Manager, "password-g", None);
        server.add_user("patron", Role::Owner, "password-o", None);
        server.add_user("caisse", Role::Cashier, "password-c", None);
        let manager = WebClient::new(&server.url);
        manager.login("gerant", "password-g").await;
        let owner = WebClient::new(&server.url);
        owner.login("patron", "password-o").await;
        let cashier = WebClient::new(&server.url);
        cashier.login("caisse", "password-c").await;
        let (id, ticket_uuid) = server
            .db
            .write(|conn| -> Result<_, sales::SalesError> {
                let fx = sales::testing::setup(conn);
                let mut new = customers::testing::new_customer("Hélène", "Dupont");
                new.email = Some("helene@example.fr".into());
                let id = fiche::create(conn, &new, None, server.clock.now_naive())?.id;
                let mut sale = sales::testing::SaleBuilder::new(&fx)
                    .product(fx.honey, "1")
                    .pay(sales::tickets::PaymentMethod::Card, "8.90");
                sale.sale.customer_id = Some(id);
                Ok((id, sale.done(conn).uuid))
            })
            .unwrap_or_else(|e| panic!("[{label}] {e}"));
        let page_of = format!("/customers/{id}");

        // The cashier sees none of it.
        for path in [
            "/customers",
            page_of.as_str(),
            &format!("{page_of}/export"),
            "/customers/duplicates",
        ] {
            assert_eq!(
                cashier.get(path).await.status(),
                StatusCode::FORBIDDEN,
                "[{label}] {path}"
            );
        }
        let (_, home) = cashier.page("/").await;
        assert!(!home.contains("href=\"/customers\""), "[{label}]");

        // Her tickets link to their page.
        let (_, page) = manager.page(&page_of).await;
        assert!(
            page.contains(&format!("href=\"/sales/{ticket_uuid}\"")),
            "[{label}]"
        );

        // The export: a JSON download, audited.
        let r = manager.get(&format!("{page_of}/export")).await;
        assert_eq!(r.status(), StatusCode::OK, "[{label}]");
        let disposition = r
            .headers()
            .get("content-disposition")
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned();
        assert_eq!(
            disposition,
            format!("attachment; filename=\"client-{id}.json\""),
            "[{label}]"
        );
        let json: serde_json::Value = r.json().await.unwrap_or_default();
        assert_eq!(json["customer"]["email"], "helene@example.fr", "[{label}]");
        assert_eq!(
            json["tickets"].as_array().map(Vec::len),
            Some(1),
            "[{label}]"
        );
        let (status, data) = manager.page(&format!("{page_of}/data")).await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        assert!(data.contains("helene@example.fr"), "[{label}]");
        assert!(!data.contains("/erase"), "[{label}] the owner erases");
        let exports = server
            .db
            .read(|conn| db::testing::audit_count(conn, "customer.export"))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(exports, 2, "[{label}] the download and the page");

        // Erasure: the manager may not; the owner must confirm; then once only.
        let r = manager
            .submit(&page_of, &format!("{page_of}/erase"), &[("confirm", "on")])
            .await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN, "[{label}]");
        let r = owner
            .submit(&format!("{page_of}/data"), &format!("{page_of}/erase"), &[])
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");
        assert!(
            text(r).await.contains("Cochez la case pour confirmer."),
            "[{label}]"
        );
        let r = owner
            .submit(
                &format!("{page_of}/data"),
                &format!("{page_of}/erase"),
                &[("confirm", "on")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "[{label}]");
        let gone = server
            .db
            .read(|conn| fiche::get(conn, id))
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            gone.anonymised_at.is_some() && gone.email.is_none(),
            "[{label}]"
        );
        let (_, page) = owner.page(&page_of).await;
        assert!(page.contains("Données personnelles effacées."), "[{label}]");
        assert!(
            page.contains(&format!("href=\"/sales/{ticket_uuid}\"")),
            "[{label}] the sales stay"
        );
        let r = owner
            .submit(
                &format!("{page_of}/data"),
                &format!("{page_of}/erase"),
                &[("confirm", "on")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::CONFLICT, "[{label}]");
        assert!(
            text(r).await.contains("Ce client est déjà anonymisé."),
            "[{label}]"
        );

        // Retention: a fiche untouched for four years, anonymised in bulk by the owner.
        let old = server
            .db
            .write(|conn| {
                let long_ago = server.clock.now_naive() - TimeDelta::days(4 * 366);
                fiche::create(
                    conn,
                    &customers::testing::new_customer("Jean", "Ancien"),
                    None,
                    long_ago,
                )
            })
            .unwrap_or_else(|e| panic!("{e}"))
            .id;
        let (status, page) = manager.page("/customers/retention").await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        assert!(page.contains("Jean Ancien"), "[{label}]");
        assert!(
            !page.contains("action=\"/customers/retention\""),
            "[{label}] owner only"
        );
        let r = owner
            .submit("/customers/retention", "/customers/retention", &[])
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");
        let r = owner
            .submit(
                "/customers/retention",
                "/customers/retention",
                &[("confirm", "on")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "[{label}]");
        let old = server
            .db
            .read(|conn| fiche::get(conn, old))
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(old.anonymised_at.is_some(), "[{label}]");
        // Exported after erasure: what is left, no name.
        let left = server
            .db
            .write(|conn| gdpr::export(conn, id, None, server.clock.now_naive()))
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(left["customer"]["last_name"].is_null(), "[{label}]");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_owner_sets_the_loyalty_rules_and_a_scale_prefix_is_refused() {
    for server in servers() {
        let label = server.label();
        server.add_user("patron", Role::Owner, "password-o", None);
        let owner = WebClient::new(&server.url);
        owner.login("patron", "password-o").await;
        let (status, page) = owner.page("/settings/loyalty").await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        assert!(
            page.contains("value=\"29\"") && page.contains("value=\"0,05\""),
            "[{label}]"
        );
        let (_, settings) = owner.page("/settings").await;
        assert!(settings.contains("href=\"/settings/loyalty\""), "[{label}]");
        // 21 is a scale prefix by default.
        let scales = server
            .db
            .read(inventory::barcode::ScaleRules::load)
            .unwrap_or_else(|e| panic!("{e}"));
        let clash = scales
            .prefixes
            .first()
            .map(|p| p.prefix.to_string())
            .unwrap_or_default();
        let r = owner
            .submit(
                "/settings/loyalty",
                "/settings/loyalty",
                &[
                    ("card_prefix", &clash),
                    ("points_per_euro", "2"),
                    ("point_value", "0,10"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");
        let body = text(r).await;
        assert!(
            body.contains(&format!("id=\"field-card_prefix-error\" role=\"alert\">Le préfixe {clash} est celui d’étiquettes de balance.")),
            "[{label}] {body}"
        );
        let rules = |server: &TestServer| {
            server
                .db
                .read(customers::points::PointsRules::load)
                .unwrap_or_else(|e| panic!("{e}"))
        };
        assert_eq!(
            rules(&server).points_per_euro,
            1,
            "[{label}] nothing written"
        );
        let r = owner
            .submit(
                "/settings/loyalty",
                "/settings/loyalty",
                &[
                    ("card_prefix", "28"),
                    ("points_per_euro", "2"),
                    ("point_value", "0,10"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "[{label}]");
        assert_eq!(rules(&server).points_per_euro, 2, "[{label}]");
        assert_eq!(rules(&server).point_value.cents(), 10, "[{label}]");
        let prefix = server
            .db
            .read(customers::cards::prefix)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(prefix, "28", "[{label}]");
    }
}
