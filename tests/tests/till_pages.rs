//! The till's session forms through the pages: choose the till, open with the
//! float, cash in and out, the X report, close with the Z report; bad input
//! answered in French next to the field, nothing written.

use comptoir_e2e::{TestServer, WebClient, location, servers};
use db::Role;
use reqwest::StatusCode;
use sales::tills::{self, TillFields};
use sales::{SalesError, sessions, shops};

fn add_till(server: &TestServer, code: &str) {
    let now = server.clock.now_naive();
    server
        .db
        .write(|conn| -> Result<(), SalesError> {
            let shop = shops::main_shop(conn)?;
            let fields = TillFields {
                code,
                name: "Caisse",
                printer: None,
                printer_columns: 42,
                drawer_on_cash: true,
            };
            tills::create(conn, shop.id(), &fields, now)?;
            Ok(())
        })
        .unwrap_or_else(|e| panic!("[{}] till {code}: {e}", server.label()));
}

fn plain(html: &str) -> String {
    html.replace('\u{a0}', " ").replace("&nbsp;", " ")
}

fn cash_moves(server: &TestServer) -> usize {
    server
        .db
        .read(|conn| sessions::x_report(conn, "T01"))
        .map(|r| usize::from(r.cash_in.cents() != 0) + usize::from(r.cash_out.cents() != 0))
        .unwrap_or(0)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_day_at_the_till_through_its_forms() {
    for server in servers() {
        let label = server.label();
        server.add_user("camille", Role::Cashier, "password-c", None);
        let cashier = WebClient::new(&server.url);
        cashier.login("camille", "password-c").await;

        // No till yet: the page says who creates one.
        let (status, html) = cashier.page("/till").await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        assert!(html.contains("Aucune caisse"), "[{label}]");
        add_till(&server, "T01");
        let r = cashier.get("/till").await;
        assert_eq!(
            r.status(),
            StatusCode::SEE_OTHER,
            "[{label}] one till: straight to it"
        );
        assert_eq!(location(&r), "/till/T01", "[{label}]");
        add_till(&server, "T02");
        let (_, html) = cashier.page("/till").await;
        assert!(
            html.contains("/till/T01") && html.contains("/till/T02"),
            "[{label}]"
        );
        let (status, html) = cashier.page("/till/T99").await;
        assert_eq!(status, StatusCode::NOT_FOUND, "[{label}]");
        assert!(
            plain(&html).contains("Caisse « T99 » introuvable."),
            "[{label}]"
        );

        // Opening: the float is checked.
        let (_, html) = cashier.page("/till/T01").await;
        assert!(html.contains("Ouvrir la caisse"), "[{label}]");
        for (typed, message) in [
            ("douze", "montant invalide"),
            ("-5", "Un montant ne peut pas être négatif."),
        ] {
            let r = cashier
                .submit("/till/T01", "/till/T01/open", &[("opening_float", typed)])
                .await;
            assert_eq!(
                r.status(),
                StatusCode::UNPROCESSABLE_ENTITY,
                "[{label}] {typed}"
            );
            let html = plain(&r.text().await.unwrap_or_default());
            assert!(html.contains(message), "[{label}] {typed}: {html}");
        }
        let still_closed = server
            .db
            .read(|conn| {
                let till = tills::by_code(conn, "T01")?;
                sessions::current(conn, till.id)
            })
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(still_closed.is_none(), "[{label}] nothing opened");
        let r = cashier
            .submit(
                "/till/T01",
                "/till/T01/open",
                &[("opening_float", "150,00")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "[{label}]");
        let (_, html) = cashier.page("/till/T01").await;
        assert!(
            html.contains("data-till=\"T01\""),
            "[{label}] the selling screen"
        );
        assert!(html.contains("/static/till.js"), "[{label}]");

        // Cash in and out: an amount above zero and a reason.
        for (fields, message) in [
            (
                vec![("kind", "out"), ("amount", "0"), ("reason", "banque")],
                "supérieur à zéro",
            ),
            (
                vec![("kind", "out"), ("amount", "20"), ("reason", " ")],
                "Indiquez la raison",
            ),
        ] {
            let r = cashier
                .submit("/till/T01/cash", "/till/T01/cash", &fields)
                .await;
            assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");
            let html = plain(&r.text().await.unwrap_or_default());
            assert!(html.contains(message), "[{label}] {html}");
        }
        assert_eq!(cash_moves(&server), 0, "[{label}] nothing written");
        let r = cashier
            .submit(
                "/till/T01/cash",
                "/till/T01/cash",
                &[
                    ("kind", "out"),
                    ("amount", "20"),
                    ("reason", "dépôt banque"),
                ],
            )
            .await;
        assert_eq!(r.status(), StatusCode::SEE_OTHER, "[{label}]");

        // The X report at any time.
        let (status, html) = cashier.page("/till/T01/report").await;
        assert_eq!(status, StatusCode::OK, "[{label}]");
        let html = plain(&html);
        assert!(html.contains("Rapport X"), "[{label}]");
        assert!(html.contains("130,00 €"), "[{label}] expected cash: {html}");

        // Closing with the counted cash: the Z report, stored.
        let r = cashier
            .submit(
                "/till/T01/close",
                "/till/T01/close",
                &[("counted_cash", "beaucoup")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "[{label}]");
        let r = cashier
            .submit(
                "/till/T01/close",
                "/till/T01/close",
                &[("counted_cash", "128,50")],
            )
            .await;
        assert_eq!(r.status(), StatusCode::OK, "[{label}]");
        let html = plain(&r.text().await.unwrap_or_default());
        assert!(html.contains("Rapport Z n° 1"), "[{label}]");
        assert!(html.contains("-1,50 €"), "[{label}] the difference: {html}");
        let (status, html) = cashier.page("/till/T01/cash").await;
        assert_eq!(status, StatusCode::CONFLICT, "[{label}] closed");
        assert!(
            plain(&html).contains("n’a pas de session ouverte"),
            "[{label}]"
        );
        let (_, html) = cashier.page("/till/T01").await;
        assert!(
            html.contains("Ouvrir la caisse"),
            "[{label}] ready for tomorrow"
        );
    }
}
