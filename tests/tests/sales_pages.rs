//! The back office's till pages over HTTP on both backends: tills and the shop
//! (the owner), sales, a ticket with its reprint, cash sessions with their X
//! and Z reports (managers); each refusal a 4xx with its French sentence, and
//! nothing written.

use comptoir_e2e::{TestServer, WebClient, location, servers};
use db::Role;
use reqwest::StatusCode;
use sales::sessions;
use sales::testing::{Fixture, SaleBuilder, eur, now, setup};
use sales::tickets::{PaymentMethod, Ticket};
use sales::tills::{self, Till, TillFields};
use sales::{SalesError, shops};

async fn text(r: reqwest::Response) -> String {
    r.text().await.unwrap_or_default().replace('\u{a0}', " ")
}

async fn page(client: &WebClient, path: &str) -> (StatusCode, String) {
    let (status, body) = client.page(path).await;
    (status, body.replace('\u{a0}', " "))
}

fn all_tills(server: &TestServer) -> Vec<Till> {
    server
        .db
        .read(tills::all)
        .unwrap_or_else(|e| panic!("[{}] {e}", server.label()))
}

#[tokio::test(flavor = "multi_thread")]
async fn the_owner_creates_and_edits_tills_and_refusals_write_nothing() {
    for server in servers() {
        let label = server.label();
        server.add_user("patronne", Role::Owner, "password-o", None);
        server.add_user("gerant", Role::Manager, "password-m", None);
        let owner = WebClient::new(&server.url);
        owner.login("patronne", "password-o").await;

        let (_, settings) = page(&owner, "/settings").await;
        assert!(settings.contains("href=\"/settings/tills\""), "[{label}]");
        assert!(settings.contains("href=\"/settings/shop\""), "[{label}]");
        let (status, list) = page(&owner, "/settings/tills").await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        assert!(list.contains("Aucune caisse"), "[{label}] {list}");

        let r = owner
            .submit(
                "/settings/tills",
                "/settings/tills",
                &[
                    ("code", "t01"),
                    ("name", "Caisse principale"),
                    ("printer", "tcp://192.168.1.50:9100"),
                    ("printer_columns", "48"),
                    ("drawer_on_cash", "on"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "[{label}]");
        assert_eq!(location(&r), "/settings/tills", "[{label}]");
        let (_, list) = page(&owner, "/settings/tills").await;
        assert!(list.contains("Caisse créée."), "[{label}]");
        assert!(
            list.contains("<a href=\"/settings/tills/T01\">T01</a>"),
            "[{label}] the code is upper-cased: {list}"
        );
        assert!(
            list.contains("<code>tcp://192.168.1.50:9100</code>"),
            "[{label}]"
        );
        assert!(list.contains("<td>Fermée</td>"), "[{label}] no session yet");

        // Refusals: 422 with the sentence next to its field, nothing written.
        let before = all_tills(&server);
        for (fields, field, message) in [
            (
                [("code", "T01"), ("printer", ""), ("printer_columns", "42")],
                "code",
                "Le code de caisse « T01 » est déjà pris.",
            ),
            (
                [
                    ("code", "T02"),
                    ("printer", "imprimante"),
                    ("printer_columns", "42"),
                ],
                "printer",
                "tcp://",
            ),
            (
                [("code", "T02"), ("printer", ""), ("printer_columns", "50")],
                "printer_columns",
                "Une imprimante de tickets imprime 42 ou 48 colonnes.",
            ),
            (
                [("code", "T 2!"), ("printer", ""), ("printer_columns", "42")],
                "code",
                "Le code de caisse compte 1 à 20 lettres, chiffres ou tirets.",
            ),
        ] {
            let mut form = vec![("name", "Seconde")];
            form.extend(fields);
            let r = owner
                .submit("/settings/tills", "/settings/tills", &form)
                .await;
            assert_eq!(
                r.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "[{label}] {form:?}"
            );
            let body = text(r).await;
            let error = body
                .split(&format!("id=\"field-{field}-error\" role=\"alert\">"))
                .nth(1)
                .unwrap_or_else(|| panic!("[{label}] no error at {field}: {body}"));
            assert!(
                error.starts_with(message) || error.contains(message),
                "[{label}] {error}"
            );
        }
        assert_eq!(all_tills(&server), before, "[{label}] nothing written");

        // Edit: a new name, no printer, no drawer, archived.
        let r = owner
            .submit(
                "/settings/tills/T01",
                "/settings/tills/T01",
                &[
                    ("name", "Comptoir"),
                    ("printer", ""),
                    ("printer_columns", "42"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "[{label}]");
        let till = &all_tills(&server)[0];
        assert_eq!(
            (
                till.name.as_str(),
                till.printer.as_deref(),
                till.printer_columns
            ),
            ("Comptoir", None, 42),
            "[{label}]"
        );
        assert!(!till.drawer_on_cash && !till.active, "[{label}]");
        let (_, list) = page(&owner, "/settings/tills").await;
        assert!(list.contains("Caisse enregistrée."), "[{label}]");
        assert!(list.contains("archivée"), "[{label}]");
        let before = all_tills(&server);
        let r = owner
            .submit(
                "/settings/tills/T01",
                "/settings/tills/T01",
                &[
                    ("name", "Autre"),
                    ("printer", "lpt1"),
                    ("printer_columns", "42"),
                    ("active", "on"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");
        let body = text(r).await;
        assert!(body.contains("id=\"field-printer-error\""), "[{label}]");
        assert!(
            body.contains("value=\"lpt1\""),
            "[{label}] what was typed stays"
        );
        assert_eq!(all_tills(&server), before, "[{label}] nothing written");
        let (status, _) = owner.page("/settings/tills/NOPE").await;
        assert_eq!(status, StatusCode::NOT_FOUND, "[{label}]");

        // A manager neither sees nor changes tills.
        let manager = WebClient::new(&server.url);
        manager.login("gerant", "password-m").await;
        let (_, settings) = page(&manager, "/settings").await;
        assert!(!settings.contains("/settings/tills"), "[{label}]");
        assert!(!settings.contains("/settings/shop"), "[{label}]");
        for path in ["/settings/tills", "/settings/tills/T01", "/settings/shop"] {
            assert_eq!(
                manager.get(path).await.status(),
                StatusCode::FORBIDDEN,
                "[{label}] {path}"
            );
            let r = manager
                .submit(
                    "/account",
                    path,
                    &[("code", "T09"), ("name", "X"), ("printer_columns", "42")],
                )
                .await;
            assert_eq!(r.status(), StatusCode::FORBIDDEN, "[{label}] POST {path}");
        }
        assert_eq!(all_tills(&server), before, "[{label}]");
    }
}

fn shop_form<'a>(changes: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("name", "Épicerie du Port"),
        ("address_line1", "3 quai de l’Odet"),
        ("address_line2", ""),
        ("postcode", "29000"),
        ("city", "Quimper"),
        ("phone", "02 98 00 00 00"),
        ("siret", "732 829 320 00074"),
        ("vat_number", "FR 40 732829320"),
        ("receipt_footer", "Merci de votre visite"),
        ("print_mode", "never"),
        ("max_discount_percent", "12,5"),
        ("refund_limit", "80"),
    ];
    for (name, value) in changes {
        if let Some(field) = form.iter_mut().find(|(n, _)| n == name) {
            field.1 = value;
        }
    }
    form
}

#[tokio::test(flavor = "multi_thread")]
async fn the_owner_sets_the_shop_and_its_limits_and_bad_values_write_nothing() {
    for server in servers() {
        let label = server.label();
        server.add_user("patronne", Role::Owner, "password-o", None);
        let owner = WebClient::new(&server.url);
        owner.login("patronne", "password-o").await;
        let shop = || {
            server
                .db
                .read(shops::main_shop)
                .unwrap_or_else(|e| panic!("[{label}] {e}"))
        };
        let (status, body) = page(&owner, "/settings/shop").await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        assert!(
            body.contains("<pre class=\"receipt\""),
            "[{label}] the preview"
        );
        assert!(
            body.contains("<option value=\"ask\" selected>"),
            "[{label}] {body}"
        );

        let r = owner
            .submit("/settings/shop", "/settings/shop", &shop_form(&[]))
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "[{label}]");
        let saved = shop();
        assert_eq!(
            saved.row.siret.as_deref(),
            Some("73282932000074"),
            "[{label}]"
        );
        assert_eq!(saved.row.city.as_deref(), Some("Quimper"), "[{label}]");
        assert_eq!(saved.row.address_line2, None, "[{label}]");
        assert_eq!(saved.print_mode, shops::PrintMode::Never, "[{label}]");
        assert_eq!(saved.max_discount_percent, 1250, "[{label}]");
        assert_eq!(saved.refund_limit, eur("80"), "[{label}]");
        let (_, body) = page(&owner, "/settings/shop").await;
        assert!(body.contains("Boutique enregistrée."), "[{label}]");
        assert!(body.contains("value=\"12,50\""), "[{label}]");
        assert!(body.contains("Épicerie du Port"), "[{label}]");
        assert!(
            body.contains("Merci de votre visite\n"),
            "[{label}] the preview's footer"
        );

        for (change, field, message) in [
            (
                ("siret", "123"),
                "siret",
                "SIRET invalide « 123 » : 14 chiffres.",
            ),
            (
                ("postcode", "2900"),
                "postcode",
                "Code postal invalide : 5 chiffres.",
            ),
            (
                ("max_discount_percent", "150"),
                "max_discount_percent",
                "La remise maximale va de 0 à 100 %.",
            ),
            (
                ("max_discount_percent", "beaucoup"),
                "max_discount_percent",
                "La remise maximale va de 0 à 100 %.",
            ),
            (
                ("refund_limit", "cher"),
                "refund_limit",
                "Montant invalide : saisissez par exemple 50 ou 12,50.",
            ),
            (
                ("refund_limit", "-5"),
                "refund_limit",
                "Un montant ne peut pas être négatif.",
            ),
            (
                ("name", " "),
                "name",
                "Le nom compte de 1 à 120 caractères.",
            ),
            (
                ("print_mode", "parfois"),
                "print_mode",
                "Formulaire incomplet ou mal formé.",
            ),
        ] {
            let r = owner
                .submit("/settings/shop", "/settings/shop", &shop_form(&[change]))
                .await;
            assert_eq!(
                r.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "[{label}] {change:?}"
            );
            let body = text(r).await;
            assert!(
                body.contains(&format!(
                    "id=\"field-{field}-error\" role=\"alert\">{message}</p>"
                )),
                "[{label}] {change:?}: {body}"
            );
            assert_eq!(shop(), saved, "[{label}] {change:?}: nothing written");
        }
    }
}

/// Till T01 with a session, three sales (one by card), a training sale and a
/// refund; the cashier is `camille`, the manager `martin`.
fn a_day_of_sales(server: &TestServer) -> (Fixture, Ticket, Ticket, Ticket) {
    server
        .db
        .write(|conn| -> Result<_, SalesError> {
            let fx = setup(conn);
            let first = SaleBuilder::new(&fx)
                .product(fx.honey, "2")
                .pay(PaymentMethod::Cash, "20")
                .done(conn);
            let card = SaleBuilder::new(&fx)
                .scan(&fx.wine_code)
                .pay(PaymentMethod::Card, "12.50")
                .done(conn);
            SaleBuilder::new(&fx)
                .product(fx.honey, "1")
                .pay(PaymentMethod::Cash, "8.90")
                .training()
                .done(conn);
            let refund = sales::refund::refund(
                conn,
                &sales::refund::NewRefund {
                    uuid: "0b7c3f9e-2222-4a2b-9c3d-123456789abc".into(),
                    till: "T01".into(),
                    cashier: fx.cashier,
                    of: sales::refund::RefundOf::Ticket {
                        ticket_id: first.id,
                        lines: None,
                    },
                    method: PaymentMethod::Cash,
                    approved_by: None,
                    training: false,
                    day: sales::testing::day(),
                },
                now(),
            )?
            .into_ticket();
            Ok((fx, first, card, refund))
        })
        .unwrap_or_else(|e| panic!("[{}] sales: {e}", server.label()))
}

#[tokio::test(flavor = "multi_thread")]
async fn managers_list_the_day_s_sales_and_open_a_ticket_cashiers_do_not() {
    for server in servers() {
        let label = server.label();
        let (_, first, card, refund) = a_day_of_sales(&server);
        let manager = WebClient::new(&server.url);
        manager.login("martin", "correct horse battery").await;

        let (_, home) = page(&manager, "/").await;
        assert!(
            home.contains("<a href=\"/sales\">Ventes</a>"),
            "[{label}] in the nav"
        );
        let (status, _) = page(&manager, "/sales").await;
        assert_eq!(status, StatusCode::OK, "[{label}] today, whatever it is");
        let (status, day) = page(&manager, "/sales?day=2026-11-25").await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        for ticket in [&first, &card, &refund] {
            assert!(
                day.contains(&format!(
                    "<a href=\"/sales/{}\">{}</a>",
                    ticket.uuid,
                    ticket.reference()
                )),
                "[{label}] {} in {day}",
                ticket.reference()
            );
        }
        // 17,80 + 12,50 − 17,80: the refund counts against the day.
        assert!(
            day.contains("3 tickets</th><td class=\"num\">12,50 €</td>"),
            "[{label}] {day}"
        );
        assert!(
            !day.contains("Formation</span>"),
            "[{label}] no training ticket"
        );
        // 10:00 UTC is 11:00 in Paris in November.
        assert!(day.contains("<td>25/11/2026 11:00</td>"), "[{label}]");

        let (_, by_card) = page(&manager, "/sales?day=25%2F11%2F2026&method=card&till=T01").await;
        assert!(by_card.contains(&card.uuid), "[{label}]");
        assert!(!by_card.contains(&first.uuid), "[{label}]");
        assert!(by_card.contains("1 ticket</th>"), "[{label}]");
        let (_, training) = page(&manager, "/sales?day=2026-11-25&training=on").await;
        assert!(
            training.contains("Formation</span>"),
            "[{label}] {training}"
        );
        assert!(!training.contains(&card.uuid), "[{label}]");
        let cashier_id = first.cashier_id.to_string();
        let (_, by_cashier) = page(
            &manager,
            &format!("/sales?day=2026-11-25&cashier={cashier_id}"),
        )
        .await;
        assert!(by_cashier.contains(&card.uuid), "[{label}]");
        let (_, other_day) = page(&manager, "/sales?day=2026-11-26").await;
        assert!(other_day.contains("Aucun ticket."), "[{label}]");
        let (_, session) = page(&manager, &format!("/sales?session={}", first.session_id)).await;
        assert!(session.contains(&card.uuid), "[{label}]");

        for (query, field, message) in [
            (
                "day=demain",
                "day",
                "Date invalide « demain » : jj/mm/aaaa ou aaaa-mm-jj.",
            ),
            (
                "method=bitcoin",
                "method",
                "Moyen de paiement inconnu « bitcoin »",
            ),
            ("till=ZZ", "till", "Caisse « ZZ » introuvable."),
            ("cashier=abc", "cashier", "Caissier inconnu."),
        ] {
            let (status, body) = page(&manager, &format!("/sales?{query}")).await;
            assert_eq!(
                status,
                StatusCode::UNPROCESSABLE_ENTITY,
                "[{label}] {query}"
            );
            assert!(
                body.contains(&format!(
                    "id=\"field-{field}-error\" role=\"alert\">{message}"
                )),
                "[{label}] {query}: {body}"
            );
        }

        // One ticket: lines, VAT, payments, the receipt, its refund.
        let (status, ticket) = page(&manager, &format!("/sales/{}", first.uuid)).await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        assert!(
            ticket.contains("<title>Ticket T01-000001 · Comptoir</title>"),
            "[{label}]"
        );
        assert!(
            ticket.contains("<td>Miel de lavande</td><td class=\"num\">2</td>"),
            "[{label}] {ticket}"
        );
        assert!(
            ticket.contains("<th scope=\"row\">Espèces</th><td class=\"num\">20,00 €</td>"),
            "[{label}]"
        );
        assert!(
            ticket.contains("Rendu</th><td class=\"num\">2,20 €</td>"),
            "[{label}]"
        );
        assert!(ticket.contains("<pre class=\"receipt\""), "[{label}]");
        assert!(
            ticket.contains("MIEL DE LAVANDE") || ticket.contains("Miel de lavande"),
            "[{label}]"
        );
        assert!(
            ticket.contains(&format!(
                "<a href=\"/sales/{}\">{}</a>",
                refund.uuid,
                refund.reference()
            )),
            "[{label}] its refund"
        );
        assert!(ticket.contains(&first.hash), "[{label}]");
        let (_, counter) = page(&manager, &format!("/sales/{}", refund.uuid)).await;
        assert!(
            counter.contains(&format!("<a href=\"/sales/{}\">T01-000001</a>", first.uuid)),
            "[{label}] the refund names its original"
        );
        let (status, _) = manager
            .page("/sales/00000000-0000-4000-8000-000000000000")
            .await;
        assert_eq!(status, StatusCode::NOT_FOUND, "[{label}]");

        // The cashier sees none of it.
        let cashier = WebClient::new(&server.url);
        cashier.login("camille", "correct horse battery").await;
        let (_, home) = page(&cashier, "/").await;
        assert!(!home.contains("href=\"/sales\""), "[{label}]");
        let ticket_page = format!("/sales/{}", first.uuid);
        let report = format!("/sessions/{}", first.session_id);
        for path in ["/sales", ticket_page.as_str(), "/sessions", report.as_str()] {
            assert_eq!(
                cashier.get(path).await.status(),
                StatusCode::FORBIDDEN,
                "[{label}] {path}"
            );
        }
        let r = cashier
            .submit("/account", &format!("{ticket_page}/print"), &[])
            .await;
        assert_eq!(r.status(), StatusCode::FORBIDDEN, "[{label}]");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reprint_goes_to_the_printer_or_says_why_not() {
    for server in servers() {
        let label = server.label();
        let (_, first, _, _) = a_day_of_sales(&server);
        let manager = WebClient::new(&server.url);
        manager.login("martin", "correct horse battery").await;
        let ticket_page = format!("/sales/{}", first.uuid);
        let print = format!("{ticket_page}/print");
        let set_printer = |printer: Option<&str>| {
            server
                .db
                .write(|conn| {
                    let fields = TillFields {
                        code: "T01",
                        name: "Caisse principale",
                        printer,
                        printer_columns: 42,
                        drawer_on_cash: true,
                    };
                    tills::update(conn, "T01", &fields, true, now())
                })
                .unwrap_or_else(|e| panic!("[{label}] {e}"));
        };

        // No printer: 409, said on the page.
        let r = manager.submit(&ticket_page, &print, &[]).await;
        assert_eq!(r.status(), StatusCode::CONFLICT, "[{label}]");
        let body = text(r).await;
        assert!(
            body.contains("La caisse T01 n’a pas d’imprimante."),
            "[{label}] {body}"
        );
        assert!(
            body.contains("<title>Ticket T01-000001"),
            "[{label}] still the ticket's page"
        );

        // A printer that is not there: 503, nothing recorded.
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let missing = format!("file:{}/absent/printer", dir.path().display());
        set_printer(Some(&missing));
        let r = manager.submit(&ticket_page, &print, &[]).await;
        assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE, "[{label}]");
        let body = text(r).await;
        assert!(
            body.contains("<div class=\"alert\" role=\"alert\">"),
            "[{label}] {body}"
        );
        assert!(
            body.contains("Miel de lavande"),
            "[{label}] the ticket is still there"
        );

        // A printer: the original, then DUPLICATA 1.
        let paper = dir.path().join("printer");
        set_printer(Some(&format!("file:{}", paper.display())));
        let r = manager.submit(&ticket_page, &print, &[]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "[{label}]");
        assert_eq!(location(&r), ticket_page, "[{label}]");
        let (_, body) = page(&manager, &ticket_page).await;
        assert!(body.contains("Ticket envoyé à l’imprimante."), "[{label}]");
        let r = manager.submit(&ticket_page, &print, &[]).await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "[{label}]");
        let (_, body) = page(&manager, &ticket_page).await;
        assert!(
            body.contains("Duplicata n° 1 envoyé à l’imprimante."),
            "[{label}] {body}"
        );
        let printed = std::fs::read(&paper).unwrap_or_default();
        let printed = String::from_utf8_lossy(&printed);
        assert!(
            printed.contains("DUPLICATA"),
            "[{label}] the second copy says so"
        );
        // Once shown, the note goes.
        let (_, body) = page(&manager, &ticket_page).await;
        assert!(!body.contains("Duplicata n° 1"), "[{label}]");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn sessions_show_the_x_report_then_the_stored_z() {
    for server in servers() {
        let label = server.label();
        let (fx, first, _, _) = a_day_of_sales(&server);
        let manager = WebClient::new(&server.url);
        manager.login("martin", "correct horse battery").await;
        let report = format!("/sessions/{}", first.session_id);

        let (status, list) = page(&manager, "/sessions").await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        assert!(
            list.contains(&format!(
                "<a href=\"{report}\">Session n° {}</a>",
                first.session_id
            )),
            "[{label}] {list}"
        );
        assert!(
            list.contains("<span class=\"badge status-open\">Ouverte</span>"),
            "[{label}]"
        );
        assert!(list.contains("camille"), "[{label}] who opened it");
        let (status, x) = page(&manager, &report).await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        assert!(
            x.contains("<title>Rapport X · T01 · Comptoir</title>"),
            "[{label}] {x}"
        );
        assert!(
            x.contains("onclick=\"window.print()\">Imprimer</button>"),
            "[{label}]"
        );
        assert!(
            x.contains("2 ventes</th><td class=\"num\">30,30 €</td>"),
            "[{label}] {x}"
        );
        assert!(
            x.contains("1 remboursement</th><td class=\"num\">-17,80 €</td>"),
            "[{label}]"
        );

        // Closed with 10 cents missing: the stored Z, the difference in red.
        server
            .db
            .write(|conn| {
                let expected = sessions::x_report(conn, "T01")?.expected_cash;
                sessions::close(conn, "T01", expected - eur("0.10"), fx.manager, now())
            })
            .unwrap_or_else(|e| panic!("[{label}] {e}"));
        let (_, z) = page(&manager, &report).await;
        assert!(
            z.contains("<title>Rapport Z n° 1 · T01 · Comptoir</title>"),
            "[{label}] {z}"
        );
        assert!(
            z.contains("<td class=\"num negative\">-0,10 €</td>"),
            "[{label}]"
        );
        assert!(z.contains("martin"), "[{label}] who closed it");
        let (_, list) = page(&manager, "/sessions?till=T01").await;
        assert!(
            list.contains("<td class=\"num negative\">-0,10 €</td>"),
            "[{label}] {list}"
        );
        assert!(!list.contains("status-open"), "[{label}]");
        let (status, _) = manager.page("/sessions/999999").await;
        assert_eq!(status, StatusCode::NOT_FOUND, "[{label}]");
        let (status, _) = manager.page("/sessions?till=ZZ").await;
        assert_eq!(status, StatusCode::NOT_FOUND, "[{label}]");
    }
}
