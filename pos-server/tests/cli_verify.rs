//! `comptoir verify` as a user runs it: exit 0 on an honest database, exit 1
//! naming the ticket when one of its fields, lines or payments was changed
//! behind the program's back. On SQLite and PostgreSQL.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use db::DbError;
use sales::testing::{SaleBuilder, setup};
use sales::tickets::PaymentMethod::{Card, Cash};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_comptoir");

fn verify(db: &str) -> (Option<i32>, String) {
    let out: Output = Command::new(BIN)
        .args(["verify", "--db", db])
        .env_remove("COMPTOIR_DATABASE_URL")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// Ticket `n`'s id, in SQL.
fn ticket(n: i64) -> String {
    format!("(SELECT id FROM tickets WHERE number = {n} AND training = FALSE)")
}

#[test]
fn verify_names_the_ticket_changed_behind_its_back() {
    for database in db::testing::databases() {
        let (label, url) = (database.label(), database.url.clone());
        let db = database.db();
        db.write(|conn| -> Result<(), DbError> {
            let fx = setup(conn);
            for _ in 0..3 {
                SaleBuilder::new(&fx)
                    .scan(&fx.honey_code)
                    .scan(&fx.wine_code)
                    .pay(Card, "5")
                    .pay(Cash, "20")
                    .done(conn);
            }
            Ok(())
        })
        .unwrap();
        let (code, out) = verify(&url);
        assert_eq!(code, Some(0), "[{label}] {out}");
        assert!(
            out.starts_with("OK: 1 caisse(s), 3 ticket(s)"),
            "[{label}] {out}"
        );

        // Each change is undone before the next: one broken record at a time.
        let cases = [
            (
                "UPDATE tickets SET total = total - 100 WHERE number = 2".to_owned(),
                "UPDATE tickets SET total = total + 100 WHERE number = 2".to_owned(),
                "ticket 2",
            ),
            (
                format!(
                    "UPDATE ticket_lines SET unit_price = unit_price + 1 WHERE position = 1 AND ticket_id = {}",
                    ticket(3)
                ),
                format!(
                    "UPDATE ticket_lines SET unit_price = unit_price - 1 WHERE position = 1 AND ticket_id = {}",
                    ticket(3)
                ),
                "ticket 3",
            ),
            (
                format!(
                    "UPDATE ticket_payments SET method = 'cheque' WHERE method = 'card' AND ticket_id = {}",
                    ticket(1)
                ),
                format!(
                    "UPDATE ticket_payments SET method = 'card' WHERE method = 'cheque' AND ticket_id = {}",
                    ticket(1)
                ),
                "ticket 1",
            ),
        ];
        for (tamper, restore, record) in cases {
            db.write(|conn| db::testing::execute(conn, &tamper))
                .unwrap();
            let (code, out) = verify(&url);
            assert_eq!(code, Some(1), "[{label}] after {tamper}: {out}");
            assert!(
                out.starts_with(&format!("ÉCHEC / FAILED — caisse T01: {record}:")),
                "[{label}] after {tamper}: {out}"
            );
            db.write(|conn| db::testing::execute(conn, &restore))
                .unwrap();
            let (code, out) = verify(&url);
            assert_eq!(code, Some(0), "[{label}] after {restore}: {out}");
        }
    }
}
