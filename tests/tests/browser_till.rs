//! A whole sale at the till in a real headless Chromium, typed as a scanner
//! types it (digits then Enter, many in a row without waiting), paid in cash,
//! the change shown; then the ticket as stored.

use comptoir_e2e::browser::{
    Browser, click, fill, scanned, submit, text_of, wait_for, wait_for_text,
};
use comptoir_e2e::goods::{HONEY, JAM, TEA, UNKNOWN};
use comptoir_e2e::{TestServer, servers};
use db::Role;
use fantoccini::Locator;
use sales::tills::{self, TillFields};
use sales::{SalesError, shops, tickets};

/// A customer with a loyalty card; its number.
fn card_holder(server: &TestServer) -> String {
    let now = server.clock.now_naive();
    server
        .db
        .write(|conn| -> Result<String, customers::CustomerError> {
            let customer = customers::testing::customer(conn, "Hélène", "Dupont");
            let number = customers::cards::next_number(conn, now)?;
            customers::cards::assign(conn, &number, customer.id, None, now)?;
            Ok(number)
        })
        .unwrap_or_else(|e| panic!("[{}] card: {e}", server.label()))
}

fn till(server: &TestServer) {
    let now = server.clock.now_naive();
    server
        .db
        .write(|conn| -> Result<(), SalesError> {
            let shop = shops::main_shop(conn)?;
            let fields = TillFields {
                code: "T01",
                name: "Caisse principale",
                printer: None,
                printer_columns: 42,
                drawer_on_cash: true,
            };
            tills::create(conn, shop.id(), &fields, now)?;
            Ok(())
        })
        .unwrap_or_else(|e| panic!("[{}] till: {e}", server.label()));
}

/// A cashier logs in, goes to the till and opens it with `float`.
async fn open_till(client: &fantoccini::Client, server: &TestServer, float: &str) {
    server.add_user("camille", Role::Cashier, "password-c", None);
    client.delete_all_cookies().await.ok();
    client
        .goto(&server.at("/login"))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    fill(client, "username", "camille").await;
    fill(client, "password", "password-c").await;
    submit(client).await;
    wait_for_text(client, "Tableau de bord").await;
    client
        .goto(&server.at("/till"))
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    wait_for_text(client, "Ouvrir la caisse").await;
    fill(client, "opening_float", float).await;
    submit(client).await;
    wait_for_text(client, "Session ouverte").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_sale_typed_as_a_scanner_types_it_is_paid_in_cash() {
    let browser = Browser::start().await;
    let client = &browser.client;
    for server in servers() {
        let label = server.label();
        let goods = server.scan_goods();
        till(&server);
        let card = card_holder(&server);
        // The only till opens straight away: count the float.
        open_till(client, &server, "150,00").await;

        // The scan field has the focus; scans follow each other without waiting.
        let field = client
            .active_element()
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            field.attr("id").await.ok().flatten().as_deref(),
            Some("scan"),
            "[{label}] the scan field is focused"
        );
        field
            .send_keys(&scanned(HONEY))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        field
            .send_keys(&[HONEY, JAM, HONEY].map(scanned).concat())
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        // A quantity before a scan: 2 × tea.
        field
            .send_keys(&format!("2*{}", scanned(TEA)))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        // An unknown code is refused with a sentence, nothing added.
        field
            .send_keys(&scanned(UNKNOWN))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        // 3 honey + 1 jam + 2 tea at 9,90 € = 59,40 €.
        assert_eq!(
            wait_for(client, "#total", "59,40 €").await,
            "59,40 €",
            "[{label}] every scan counted once"
        );
        let message = wait_for_text(client, "Code-barres inconnu").await;
        assert!(
            message
                .replace('\u{a0}', " ")
                .contains(&format!("Code-barres inconnu : « {UNKNOWN} »")),
            "[{label}] {message}"
        );
        let lines = client
            .find_all(Locator::Css("#lines tr"))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(lines.len(), 3, "[{label}] one line per product");
        let first = text_of(client, "#lines tr:first-child").await;
        assert!(
            first.contains("Miel de sapin")
                && first.contains("× 9,90 €")
                && first.contains("29,70 €"),
            "[{label}] {first}"
        );

        // The customer's card: scanned like goods, it names the customer.
        field
            .send_keys(&scanned(&card))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        let shown = wait_for_text(client, "Hélène Dupont").await;
        assert!(shown.contains(&card), "[{label}] the card is attached");

        // Paid 100 € in cash: the change shows before completing.
        client
            .find(Locator::Id("pay-amount"))
            .await
            .unwrap_or_else(|e| panic!("{e}"))
            .send_keys("100")
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        click(client, "button[data-method='cash']").await;
        assert_eq!(
            wait_for(client, "#due", "40,60 €").await,
            "40,60 €",
            "[{label}]"
        );
        assert_eq!(text_of(client, "#due-label").await, "Rendu", "[{label}]");
        click(client, "#complete").await;
        let done = wait_for_text(client, "Ticket n° 1").await;
        assert!(done.contains("Ticket n° 1"), "[{label}] {done}");
        assert_eq!(
            wait_for(client, "#change-given", "40,60 €").await,
            "40,60 €",
            "[{label}] the change, big"
        );

        let earned = wait_for_text(client, "+59 points").await;
        assert!(earned.contains("solde 59 points"), "[{label}] {earned}");

        // As stored: one ticket, its lines, the cash and the change, stock gone.
        let ticket = server
            .db
            .read(|conn| {
                let id = tickets::list(conn, &tickets::Filter::default())?
                    .first()
                    .map(|t| t.id)
                    .ok_or(SalesError::EmptySale)?;
                tickets::get(conn, id)
            })
            .unwrap_or_else(|e| panic!("[{label}] ticket: {e}"));
        assert_eq!(ticket.number, 1, "[{label}]");
        assert_eq!(ticket.total.to_api(), "59.40", "[{label}]");
        assert_eq!(ticket.change.to_api(), "40.60", "[{label}]");
        assert_eq!(ticket.lines.len(), 3, "[{label}]");
        assert_eq!(ticket.payments[0].method, "cash", "[{label}]");
        assert_eq!(server.stock_of(goods.honey), "-3.000", "[{label}]");
        assert_eq!(server.stock_of(goods.tea), "-2.000", "[{label}]");
        assert_eq!(ticket.loyalty, Some((59, 59)), "[{label}] points earned");
        let record = server
            .db
            .read(|conn| customers::fiche::get(conn, ticket.customer_id.unwrap_or_default()))
            .unwrap_or_else(|e| panic!("[{label}] customer: {e}"));
        assert_eq!((record.visits, record.total_spent), (1, 5940), "[{label}]");

        // A scan starts the next sale at once: nothing typed is lost.
        client
            .active_element()
            .await
            .unwrap_or_else(|e| panic!("{e}"))
            .send_keys(&scanned(JAM))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            wait_for(client, "#total", "9,90 €").await,
            "9,90 €",
            "[{label}] next sale"
        );
    }
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_customer_enrols_at_the_till_during_a_sale() {
    let browser = Browser::start().await;
    let client = &browser.client;
    for server in servers() {
        let label = server.label();
        server.scan_goods();
        till(&server);
        open_till(client, &server, "100").await;
        client
            .active_element()
            .await
            .unwrap_or_else(|e| panic!("{e}"))
            .send_keys(&scanned(HONEY))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            wait_for(client, "#total", "9,90 €").await,
            "9,90 €",
            "[{label}]"
        );

        // Enrolment: a name, an e-mail, one box ticked by the customer.
        click(client, "#enrol").await;
        wait_for_text(client, "Inscrire et rattacher").await;
        fill(client, "first_name", "Hélène").await;
        fill(client, "last_name", "Dupont").await;
        fill(client, "email", "helene.dupont@example.fr").await;
        click(client, "input[name='consent_email']").await;
        click(client, "#ask-dialog button[value='ok']").await;
        let shown = wait_for_text(client, "Hélène Dupont — carte").await;
        assert!(shown.contains("0 points"), "[{label}] {shown}");

        client
            .find(Locator::Id("pay-amount"))
            .await
            .unwrap_or_else(|e| panic!("{e}"))
            .send_keys("9,90")
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        click(client, "button[data-method='card']").await;
        click(client, "#complete").await;
        wait_for_text(client, "Ticket n° 1").await;
        wait_for_text(client, "+9 points").await;

        // The record: the visit, the spending, the points, the consents as ticked.
        let (record, consents) = server
            .db
            .read(|conn| -> Result<_, customers::CustomerError> {
                let found = customers::fiche::search(conn, "helene dupont", 5)?;
                let id = found.first().map(|c| c.id).unwrap_or_default();
                Ok((
                    customers::fiche::get(conn, id)?,
                    customers::consents::current(conn, id)?,
                ))
            })
            .unwrap_or_else(|e| panic!("[{label}] {e}"));
        assert_eq!(
            (record.visits, record.total_spent, record.points),
            (1, 990, 9),
            "[{label}]"
        );
        assert_eq!(record.source, "till", "[{label}]");
        use customers::kinds::Channel;
        assert!(
            consents.granted(Channel::Email),
            "[{label}] the box she ticked"
        );
        assert!(
            !consents.granted(Channel::Sms) && !consents.granted(Channel::Post),
            "[{label}]"
        );
        assert_eq!(
            consents.get(Channel::Email).map(|c| c.source.as_str()),
            Some("till"),
            "[{label}]"
        );

        // And on their page in the back office: the visit, the spending, the points.
        server.add_user("gerant", Role::Manager, "password-g", None);
        client.delete_all_cookies().await.ok();
        client
            .goto(&server.at("/login"))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        fill(client, "username", "gerant").await;
        fill(client, "password", "password-g").await;
        submit(client).await;
        wait_for_text(client, "Tableau de bord").await;
        client
            .goto(&server.at(&format!("/customers/{}", record.id)))
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        wait_for_text(client, "Hélène").await;
        let figures = text_of(client, "#figures").await;
        assert!(figures.contains("9,90 €"), "[{label}] spending: {figures}");
        assert!(figures.contains('1'), "[{label}] one visit: {figures}");
        let points = text_of(client, "#points").await;
        assert!(points.contains("9 points"), "[{label}] {points}");
    }
    browser.close().await;
}
