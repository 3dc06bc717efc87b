//! The chains: `verify` passes on an honest database and names the first
//! record changed, removed or added behind the program's back.
#![expect(clippy::unwrap_used, reason = "fixture helpers fail loudly")]

use db::DbConn;
use sales::ledger::verify::{Broken, verify_all};
use sales::sessions::{self, CashKind};
use sales::testing::{SaleBuilder, eur, now, setup};
use sales::tickets::PaymentMethod::*;

fn honest_day(conn: &mut DbConn) {
    let fx = setup(conn);
    for _ in 0..3 {
        SaleBuilder::new(&fx)
            .scan(&fx.honey_code)
            .scan(&fx.wine_code)
            .pay(Card, "5")
            .pay(Cash, "20")
            .done(conn);
    }
    SaleBuilder::new(&fx)
        .training()
        .scan(&fx.wine_code)
        .pay(Cash, "20")
        .done(conn);
    sessions::move_cash(
        conn,
        "T01",
        CashKind::Out,
        eur("10"),
        "fleurs",
        fx.cashier,
        now(),
    )
    .unwrap();
    sessions::close(conn, "T01", eur("144"), fx.cashier, now()).unwrap();
}

fn broken(conn: &mut DbConn, sql: &str) -> Broken {
    db::testing::execute(conn, sql).unwrap();
    match verify_all(conn).unwrap() {
        Ok(checked) => panic!("verify passed after {sql:?}: {checked:?}"),
        Err(broken) => broken,
    }
}

#[test]
fn an_honest_database_verifies() {
    db::testing::each_conn(|conn, _| {
        honest_day(conn);
        let checked = verify_all(conn).unwrap().unwrap();
        assert_eq!(checked.tills, 1);
        assert_eq!(checked.tickets, 3, "training tickets stay out of the chain");
        assert_eq!(checked.closures, 1);
        // Session opened, cash out, session closed.
        assert_eq!(checked.events, 3);
    });
}

#[test]
fn a_changed_ticket_line_or_payment_is_named() {
    let cases = [
        (
            "UPDATE tickets SET total = total - 100 WHERE number = 2 AND training = FALSE",
            "ticket 2",
        ),
        (
            "UPDATE ticket_lines SET unit_price = 1 WHERE position = 2 AND ticket_id = (SELECT id FROM tickets WHERE number = 2 AND training = FALSE)",
            "ticket 2",
        ),
        (
            "UPDATE ticket_payments SET method = 'card' WHERE method = 'cash' AND ticket_id = (SELECT id FROM tickets WHERE number = 3 AND training = FALSE)",
            "ticket 3",
        ),
        (
            "UPDATE ticket_vat SET tax = tax + 1 WHERE ticket_id = (SELECT id FROM tickets WHERE number = 1 AND training = FALSE)",
            "ticket 1",
        ),
        (
            "DELETE FROM ticket_payments WHERE ticket_id = (SELECT id FROM tickets WHERE number = 1 AND training = FALSE) AND method = 'card'",
            "ticket 1",
        ),
        (
            "UPDATE tickets SET training = TRUE WHERE number = 2 AND training = FALSE",
            "ticket 2",
        ),
        (
            "UPDATE closures SET report = replace(report, '144', '244')",
            "closure 1",
        ),
        (
            "UPDATE till_events SET detail = 'fleurs' WHERE kind = 'cash_out'",
            "event 2",
        ),
    ];
    for (sql, record) in cases {
        db::testing::each_conn(|conn, _| {
            honest_day(conn);
            let found = broken(conn, sql);
            assert_eq!(found.till, "T01");
            assert_eq!(found.record, record, "after {sql}: {found}");
        });
    }
}

#[test]
fn a_removed_last_ticket_is_noticed() {
    db::testing::each_conn(|conn, _| {
        honest_day(conn);
        let last = "(SELECT id FROM tickets WHERE number = 3 AND training = FALSE)";
        db::testing::execute(
            conn,
            &format!("DELETE FROM ticket_vat WHERE ticket_id = {last}"),
        )
        .unwrap();
        db::testing::execute(
            conn,
            &format!("DELETE FROM ticket_payments WHERE ticket_id = {last}"),
        )
        .unwrap();
        db::testing::execute(
            conn,
            &format!("DELETE FROM ticket_lines WHERE ticket_id = {last}"),
        )
        .unwrap();
        let found = broken(conn, &format!("DELETE FROM tickets WHERE id = {last}"));
        assert_eq!(found.record, "ticket 3");
    });
}
