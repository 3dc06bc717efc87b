//! The catalogue pages over HTTP: roles, forms and their errors, stock moves.

use comptoir_e2e::{WebClient, location, servers};
use db::Role;
use reqwest::StatusCode;

#[tokio::test(flavor = "multi_thread")]
async fn a_manager_creates_adjusts_and_exports_a_cashier_only_looks() {
    for server in servers() {
        let label = server.label();
        server.add_user("gerant", Role::Manager, "password-g", None);
        server.add_user("caisse", Role::Cashier, "password-c", None);
        let manager = WebClient::new(&server.url);
        manager.login("gerant", "password-g").await;

        // Mistakes come back next to their field, nothing is created.
        let fields = |barcode: &'static str, price: &'static str| {
            vec![
                ("name", "Miel de lavande"),
                ("barcodes", barcode),
                ("price", price),
                ("vat_rate", "5.5"),
                ("unit", "piece"),
                ("category", "Épicerie > Miels"),
            ]
        };
        let r = manager
            .submit(
                "/products/new",
                "/products",
                &fields("3760170000016", "9,90"),
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");
        let body = r.text().await.unwrap_or_default().replace('\u{a0}', " ");
        assert!(
            body.contains("la clé de contrôle devrait être 5"),
            "[{label}] {body}"
        );
        assert!(
            body.contains("value=\"Miel de lavande\""),
            "[{label}] typed values kept"
        );
        let r = manager
            .submit("/products/new", "/products", &fields("", "neuf euros"))
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");

        let r = manager
            .submit(
                "/products/new",
                "/products",
                &fields("3760170000015", "9,90"),
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "[{label}]");
        let product = location(&r);
        assert!(product.starts_with("/products/"), "[{label}] {product}");

        // Stock: an adjustment needs a reason; then the level moves.
        let adjust = format!("{product}/adjust");
        let r = manager
            .submit(&product, &adjust, &[("quantity", "10"), ("reason", "")])
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");
        let r = manager
            .submit(
                &product,
                &adjust,
                &[("quantity", "10"), ("reason", "stock initial")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "[{label}]");
        let r = manager
            .submit(
                &product,
                &adjust,
                &[("quantity", "-2"), ("reason", "pots cassés")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "[{label}]");
        let (_, page) = manager.page(&product).await;
        assert!(
            page.contains("pots cassés"),
            "[{label}] the movement is listed"
        );

        // What a supplier sells us of it, on their terms.
        let supplier = server
            .db
            .write(|conn| {
                inventory::suppliers::create(
                    conn,
                    &inventory::suppliers::SupplierInput {
                        name: "Ruchers".into(),
                        ..Default::default()
                    },
                    None,
                    server.clock.now_naive(),
                )
            })
            .map(|s| s.id)
            .unwrap_or_default();
        let page = format!("/suppliers/{supplier}");
        let terms = format!("{page}/terms");
        let r = manager
            .submit(
                &page,
                &terms,
                &[("product", "3760170000015"), ("lead_time_days", "demain")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");
        let r = manager
            .submit(&page, &terms, &[("product", "Produit inconnu")])
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");
        let r = manager
            .submit(
                &page,
                &terms,
                &[
                    ("product", "3760170000015"),
                    ("supplier_reference", "ML-250"),
                    ("cost", "5,10"),
                    ("pack_size", "12"),
                    ("lead_time_days", "4"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "[{label}]");
        let (_, supplier_page) = manager.page(&page).await;
        assert!(
            supplier_page.contains("ML-250"),
            "[{label}] listed with its terms"
        );

        // Instant search answers rows; the export is a spreadsheet.
        let (status, rows) = manager.page("/products/search?q=lavande").await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        assert!(
            rows.contains("Miel de lavande") && !rows.contains("<html"),
            "[{label}] rows only"
        );
        let (status, csv) = manager.page("/products/export.csv").await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        assert!(
            csv.contains("Miel de lavande;3760170000015;9,90;5,5;piece;Épicerie > Miels;;;8;oui"),
            "[{label}] {csv}"
        );

        // The cashier sees the product and its stock, not its cost, and changes nothing.
        let cashier = WebClient::new(&server.url);
        cashier.login("caisse", "password-c").await;
        let (status, list) = cashier.page("/products").await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        assert!(
            list.contains("Miel de lavande")
                && !list.contains("Marge")
                && !list.contains("/products/new"),
            "[{label}]"
        );
        let (status, _) = cashier.page(&format!("{product}/edit")).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "[{label}]");
        let r = cashier
            .submit("/products", &adjust, &[("quantity", "5"), ("reason", "x")])
            .await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN, "[{label}]");

        // Sold below zero: allowed, and the manager's dashboard says so.
        let r = manager
            .submit(
                &product,
                &adjust,
                &[("quantity", "-20"), ("reason", "ventes non saisies")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "[{label}]");
        let (_, dashboard) = manager.page("/").await;
        assert!(
            dashboard
                .replace('\u{a0}', " ")
                .contains("1 produit(s) en stock négatif"),
            "[{label}]"
        );
        let (_, dashboard) = cashier.page("/").await;
        assert!(
            !dashboard.contains("stock négatif"),
            "[{label}] not for cashiers"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_spreadsheet_is_imported_from_the_page() {
    for server in servers() {
        let label = server.label();
        server.add_user("gerant", Role::Manager, "password-g", None);
        let manager = WebClient::new(&server.url);
        manager.login("gerant", "password-g").await;
        let (status, form) = manager.page("/products/import").await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        let csrf = comptoir_e2e::csrf_in(&form).unwrap_or_default();
        let upload = |csrf: String, bytes: &'static [u8]| {
            let part = reqwest::multipart::Part::bytes(bytes).file_name("produits.csv");
            let form = reqwest::multipart::Form::new()
                .text("_csrf", csrf)
                .part("file", part);
            manager
                .http
                .post(server.at("/products/import"))
                .multipart(form)
                .send()
        };
        let file: &[u8] = "nom;code-barres;prix;tva\nConfiture;3608580758686;4,95;5,5\nMauvais;3608580758687;1;20\n".as_bytes();
        let r = upload(csrf.clone(), file)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(r.status(), StatusCode::OK, "[{label}]");
        let body = r.text().await.unwrap_or_default().replace('\u{a0}', " ");
        assert!(
            body.contains("1 produit(s) créé(s), 0 mis à jour, 1 ligne(s) refusée(s)"),
            "[{label}] {body}"
        );
        assert!(
            body.contains("la clé de contrôle devrait être 6"),
            "[{label}]"
        );
        let r = upload(csrf.clone(), b"nom;prix;tva\ncaf\xe9;1;5,5\n")
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");
        let r = upload("forged".into(), file)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(r.status(), StatusCode::FORBIDDEN, "[{label}] CSRF checked");
    }
}
