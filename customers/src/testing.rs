//! Fixture builders for this crate's tests and the till's: a fixed clock,
//! users, fiches, and bare tickets (inserted as rows, outside the sales
//! crate's chain) for enrichment and export tests.

#![expect(clippy::unwrap_used, reason = "fixture builders fail loudly")]

use crate::fiche::{self, Customer, NewCustomer};
use crate::kinds::Source;
use chrono::{NaiveDateTime, TimeDelta, TimeZone, Utc};
use db::accounts::{HashedPassword, Role, users};
use db::ids::UserId;
use db::schema::{cash_sessions, shops, tickets, tills};
use db::{DbConn, Money};
use diesel::prelude::*;

pub fn now() -> NaiveDateTime {
    Utc.with_ymd_and_hms(2026, 11, 25, 10, 0, 0)
        .unwrap()
        .naive_utc()
}

pub fn days_ago(days: i64) -> NaiveDateTime {
    now() - TimeDelta::days(days)
}

pub fn eur(text: &str) -> Money {
    Money::parse(text).unwrap()
}

/// A manager of the shop.
pub fn user(conn: &mut DbConn, name: &str) -> UserId {
    let password = HashedPassword::new("correct horse battery").unwrap();
    let new = users::NewUser {
        username: name,
        display_name: name,
        role: Role::Manager,
        password: &password,
        pin: None,
    };
    users::create(conn, &new, None, now()).unwrap().id
}

/// A fiche with just a name, as the till makes it.
pub fn new_customer(first: &str, last: &str) -> NewCustomer {
    NewCustomer {
        first_name: first.into(),
        last_name: last.into(),
        source: Some(Source::Till),
        ..NewCustomer::default()
    }
}

pub fn customer(conn: &mut DbConn, first: &str, last: &str) -> Customer {
    fiche::create(conn, &new_customer(first, last), None, now()).unwrap()
}

/// Writes bare ticket rows on till TST (made on first use).
pub struct Tickets {
    till: i64,
    session: i64,
    cashier: i64,
    number: i64,
}

impl Tickets {
    pub fn new(conn: &mut DbConn, cashier: UserId) -> Tickets {
        let shop: i64 = shops::table.select(shops::id).first(conn).unwrap();
        let till: i64 = diesel::insert_into(tills::table)
            .values((
                tills::shop_id.eq(shop),
                tills::code.eq("TST"),
                tills::name.eq("Caisse de test"),
                tills::created_at.eq(now()),
                tills::updated_at.eq(now()),
            ))
            .returning(tills::id)
            .get_result(conn)
            .unwrap();
        let session: i64 = diesel::insert_into(cash_sessions::table)
            .values((
                cash_sessions::till_id.eq(till),
                cash_sessions::opened_at.eq(now()),
                cash_sessions::opened_by.eq(cashier.0),
                cash_sessions::opening_float.eq(0),
            ))
            .returning(cash_sessions::id)
            .get_result(conn)
            .unwrap();
        Tickets {
            till,
            session,
            cashier: cashier.0,
            number: 0,
        }
    }

    /// A sale (positive total) or a refund of `refund_of` (negative total).
    pub fn ticket(
        &mut self,
        conn: &mut DbConn,
        customer: Option<i64>,
        total: Money,
        refund_of: Option<i64>,
        at: NaiveDateTime,
    ) -> i64 {
        self.number += 1;
        let kind = if refund_of.is_some() {
            "refund"
        } else {
            "sale"
        };
        diesel::insert_into(tickets::table)
            .values((
                tickets::uuid.eq(format!("test-{}-{}", self.till, self.number)),
                tickets::till_id.eq(self.till),
                tickets::session_id.eq(self.session),
                tickets::number.eq(self.number),
                tickets::kind.eq(kind),
                tickets::training.eq(false),
                tickets::refund_of.eq(refund_of),
                tickets::cashier_id.eq(self.cashier),
                tickets::customer_id.eq(customer),
                tickets::discount_total.eq(0),
                tickets::total.eq(total.cents()),
                tickets::change_given.eq(0),
                tickets::grand_total.eq(0),
                tickets::created_at.eq(at),
                tickets::previous_hash.eq(""),
                tickets::hash.eq("test"),
            ))
            .returning(tickets::id)
            .get_result(conn)
            .unwrap()
    }
}
