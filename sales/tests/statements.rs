//! How many statements a sale runs: the till's hot path, kept in check (see
//! BENCHMARKS.md). A 5-line sale by barcode, counted on both backends.

use diesel::Connection;
use diesel::connection::InstrumentationEvent;
use sales::testing::{SaleBuilder, setup};
use sales::tickets::PaymentMethod::Card;
use std::sync::{Arc, Mutex};

/// Statements per 5-line sale at most (61 before the lookups were shared by
/// the lines, 40 after; the ticket, its lines, VAT rows,
/// payment, stock movements and the answer read back included).
const MOST: usize = 45;

#[test]
fn a_five_line_sale_runs_few_statements() {
    db::testing::each_conn(|conn, backend| {
        let fx = setup(conn);
        // One sale first: what is loaded once per connection stays out of the count.
        SaleBuilder::new(&fx)
            .scan(&fx.honey_code)
            .pay(Card, "8.90")
            .done(conn);
        let seen: Arc<Mutex<Vec<String>>> = Arc::default();
        let log = seen.clone();
        conn.set_instrumentation(move |event: InstrumentationEvent<'_>| {
            if let InstrumentationEvent::StartQuery { query, .. } = event {
                log.lock().unwrap().push(query.to_string());
            }
        });
        let mut sale = SaleBuilder::new(&fx);
        for code in [
            &fx.honey_code,
            &fx.wine_code,
            &fx.honey_code,
            &fx.wine_code,
            &fx.honey_code,
        ] {
            sale = sale.scan(code);
        }
        sale.pay(Card, "51.70").done(conn);
        conn.set_instrumentation(|_: InstrumentationEvent<'_>| {});
        let seen = seen.lock().unwrap();
        if std::env::var("SHOW_STATEMENTS").is_ok() {
            for s in seen.iter() {
                eprintln!("{s}");
            }
        }
        eprintln!("[{}] {} statements", backend.name(), seen.len());
        assert!(
            seen.len() <= MOST,
            "[{}] {} statements",
            backend.name(),
            seen.len()
        );
    });
}
