//! Points and what the till's tickets teach the file: sales, spending, refunds
//! and the figures, on both backends.

use customers::enrichment::{self, record_sale};
use customers::kinds::PointsReason;
use customers::points::{self, PointsRules};
use customers::testing::{Tickets, customer, days_ago, eur, now, user};
use customers::{CustomerError, SaleFacts, fiche, gdpr};
use db::Money;
use inventory::catalogue::categories;

#[test]
fn the_points_rule() {
    let rules = PointsRules::default();
    assert_eq!(rules.earn_for(eur("12.99")), 12);
    assert_eq!(rules.earn_for(eur("0.99")), 0);
    assert_eq!(rules.earn_for(eur("-20")), 0);
    assert_eq!(rules.value_of(20), eur("1.00"));
    assert_eq!(rules.points_for(eur("1.00")), 20);
    assert_eq!(rules.points_for(eur("1.01")), 21);
    assert_eq!(rules.points_for(Money::ZERO), 0);
    let double = PointsRules {
        points_per_euro: 2,
        point_value: eur("0.10"),
    };
    assert_eq!(double.earn_for(eur("12.99")), 24);
    assert_eq!(double.points_for(eur("1.05")), 11);

    db::testing::each_conn(|conn, _| {
        assert_eq!(PointsRules::load(conn).unwrap(), PointsRules::default());
        double.save(conn, None, now()).unwrap();
        assert_eq!(PointsRules::load(conn).unwrap(), double);
        for bad in [
            PointsRules {
                points_per_euro: -1,
                ..double
            },
            PointsRules {
                point_value: Money::ZERO,
                ..double
            },
        ] {
            assert!(matches!(
                bad.save(conn, None, now()),
                Err(CustomerError::InvalidSetting { .. })
            ));
        }
        // A hand-edited setting does not stop the till.
        db::settings::set(conn, points::POINTS_PER_EURO_KEY, "beaucoup", now()).unwrap();
        assert_eq!(PointsRules::load(conn).unwrap().points_per_euro, 1);
    });
}

fn facts(customer: i64, ticket: i64, total: &str, spent: i64) -> SaleFacts {
    SaleFacts {
        customer_id: customer,
        ticket_id: ticket,
        total: eur(total),
        points_spent: spent,
        categories: Vec::new(),
        refund_of: None,
        at: now(),
        user_id: None,
    }
}

#[test]
fn a_sale_then_its_refunds() {
    db::testing::each_conn(|conn, _| {
        let cashier = user(conn, "camille");
        let mut tickets = Tickets::new(conn, cashier);
        let cheese = categories::find_or_create(conn, "Fromages", now()).unwrap();
        let wine = categories::find_or_create(conn, "Vins", now()).unwrap();
        let honey = categories::find_or_create(conn, "Miels", now()).unwrap();
        let tea = categories::find_or_create(conn, "Thés", now()).unwrap();
        let c = customer(conn, "Hélène", "Dupont");

        // First sale: 45,50 € earns 45 points.
        let t1 = tickets.ticket(conn, Some(c.id), eur("45.50"), None, days_ago(10));
        let mut first = facts(c.id, t1, "45.50", 0);
        first.at = days_ago(10);
        first.user_id = Some(cashier.0);
        first.categories = vec![
            (Some(cheese), eur("30.00")),
            (Some(wine), eur("12.00")),
            (None, eur("3.50")),
        ];
        let out = record_sale(conn, &first).unwrap();
        assert_eq!((out.points_earned, out.points_balance), (45, 45));

        // Second: 10 € of which 1 € paid with 20 points.
        let t2 = tickets.ticket(conn, Some(c.id), eur("10.00"), None, days_ago(2));
        let mut second = facts(c.id, t2, "10.00", 20);
        second.at = days_ago(2);
        second.categories = vec![(Some(honey), eur("6.00")), (Some(tea), eur("4.00"))];
        let out = record_sale(conn, &second).unwrap();
        assert_eq!((out.points_earned, out.points_balance), (10, 35));

        // Spending more than the balance is refused and writes nothing.
        let t3 = tickets.ticket(conn, Some(c.id), eur("5.00"), None, now());
        let err = record_sale(conn, &facts(c.id, t3, "5.00", 36)).unwrap_err();
        assert!(matches!(
            err,
            CustomerError::NotEnoughPoints {
                needed: 36,
                available: 35
            }
        ));
        let after = fiche::get(conn, c.id).unwrap();
        assert_eq!(
            (after.visits, after.total_spent, after.points),
            (2, 5550, 35)
        );

        let stats = enrichment::stats(conn, c.id).unwrap();
        assert_eq!(stats.visits, 2);
        assert_eq!(stats.total_spent, eur("55.50"));
        assert_eq!(stats.average_basket, eur("27.75"));
        assert_eq!(
            (stats.first_visit, stats.last_visit),
            (Some(days_ago(10)), Some(days_ago(2)))
        );
        assert_eq!(stats.points, 35);
        assert_eq!(
            stats
                .favourite_categories
                .iter()
                .map(|s| (s.name.clone().unwrap_or_default(), s.amount))
                .collect::<Vec<_>>(),
            vec![
                ("Fromages".to_owned(), eur("30")),
                ("Vins".to_owned(), eur("12")),
                ("Miels".to_owned(), eur("6")),
            ]
        );

        // Refund half of the first sale: half its points (22 of 45) go back,
        // no visit is counted, the spending drops.
        let r1 = tickets.ticket(conn, Some(c.id), eur("-22.75"), Some(t1), now());
        let mut refund = facts(c.id, r1, "-22.75", 0);
        refund.refund_of = Some(t1);
        refund.categories = vec![(Some(cheese), eur("-22.75"))];
        let out = record_sale(conn, &refund).unwrap();
        assert_eq!((out.points_earned, out.points_balance), (-22, 13));
        let after = fiche::get(conn, c.id).unwrap();
        assert_eq!((after.visits, after.total_spent), (2, 3275));
        assert_eq!(after.last_visit, Some(days_ago(2)));
        let stats = enrichment::stats(conn, c.id).unwrap();
        assert_eq!(stats.favourite_categories[0].name.as_deref(), Some("Vins"));

        // Refund the rest: the 23 points still owed, but only 13 are left and
        // the balance stops at zero.
        let r2 = tickets.ticket(conn, Some(c.id), eur("-22.75"), Some(t1), now());
        let mut rest = facts(c.id, r2, "-22.75", 0);
        rest.refund_of = Some(t1);
        let out = record_sale(conn, &rest).unwrap();
        assert_eq!((out.points_earned, out.points_balance), (-13, 0));

        // Refunding the second sale gives back the 20 points paid with and
        // takes back the 10 it earned.
        let r3 = tickets.ticket(conn, Some(c.id), eur("-10.00"), Some(t2), now());
        let mut back = facts(c.id, r3, "-10.00", -20);
        back.refund_of = Some(t2);
        let out = record_sale(conn, &back).unwrap();
        assert_eq!((out.points_earned, out.points_balance), (-10, 10));
        assert_eq!(fiche::get(conn, c.id).unwrap().total_spent, 0);

        let ledger = points::ledger(conn, c.id).unwrap();
        let moves: Vec<(i64, String, Option<i64>, i64)> = ledger
            .iter()
            .map(|e| (e.delta, e.reason.clone(), e.ticket_id, e.balance_after))
            .collect();
        let sale = PointsReason::Sale.as_str().to_owned();
        let refund = PointsReason::Refund.as_str().to_owned();
        assert_eq!(
            moves,
            vec![
                (45, sale.clone(), Some(t1), 45),
                (-20, "spent".to_owned(), Some(t2), 25),
                (10, sale, Some(t2), 35),
                (-22, refund.clone(), Some(r1), 13),
                (-13, refund.clone(), Some(r2), 0),
                (20, refund.clone(), Some(r3), 20),
                (-10, refund, Some(r3), 10),
            ]
        );
        assert_eq!(ledger[0].user_id, Some(cashier.0));
        assert_eq!(points::balance(conn, c.id).unwrap(), 10);

        // A refund of an unknown ticket is refused.
        let mut unknown = facts(c.id, r3, "-1.00", 0);
        unknown.refund_of = Some(999_999);
        assert!(matches!(
            record_sale(conn, &unknown),
            Err(CustomerError::TicketNotFound(999_999))
        ));
    });
}

/// Tickets may reach the file out of order (a till that was offline, an
/// import): the first and last visits are the earliest and latest seen.
#[test]
fn visits_keep_their_earliest_and_latest_dates() {
    db::testing::each_conn(|conn, _| {
        let cashier = user(conn, "camille");
        let mut tickets = Tickets::new(conn, cashier);
        let c = customer(conn, "Hélène", "Dupont");
        for (days, total) in [(5, "10.00"), (9, "20.00"), (2, "5.00"), (7, "1.00")] {
            let t = tickets.ticket(conn, Some(c.id), eur(total), None, days_ago(days));
            let mut sale = facts(c.id, t, total, 0);
            sale.at = days_ago(days);
            record_sale(conn, &sale).unwrap();
        }
        let after = fiche::get(conn, c.id).unwrap();
        assert_eq!(
            (after.visits, after.total_spent, after.points),
            (4, 3600, 36)
        );
        assert_eq!(
            (after.first_visit, after.last_visit),
            (Some(days_ago(9)), Some(days_ago(2)))
        );
    });
}

#[test]
fn manual_adjustments_and_anonymised_customers() {
    db::testing::each_conn(|conn, _| {
        let manager = user(conn, "martin");
        let mut tickets = Tickets::new(conn, manager);
        let c = customer(conn, "Hélène", "Dupont");
        assert_eq!(
            points::adjust(conn, c.id, 50, Some(manager), now()).unwrap(),
            50
        );
        assert!(matches!(
            points::adjust(conn, c.id, -51, Some(manager), now()),
            Err(CustomerError::NotEnoughPoints {
                needed: 51,
                available: 50
            })
        ));
        assert_eq!(
            points::adjust(conn, c.id, -50, Some(manager), now()).unwrap(),
            0
        );
        let t1 = tickets.ticket(conn, Some(c.id), eur("20"), None, now());
        record_sale(conn, &facts(c.id, t1, "20", 0)).unwrap();

        gdpr::anonymise(conn, c.id, None, now()).unwrap();
        let t2 = tickets.ticket(conn, Some(c.id), eur("20"), None, now());
        assert!(matches!(
            record_sale(conn, &facts(c.id, t2, "20", 0)),
            Err(CustomerError::Anonymised(_))
        ));
        // Refunding their old sale still goes through the till, and changes nothing here.
        let r = tickets.ticket(conn, Some(c.id), eur("-20"), Some(t1), now());
        let mut refund = facts(c.id, r, "-20", 0);
        refund.refund_of = Some(t1);
        let out = record_sale(conn, &refund).unwrap();
        assert_eq!((out.points_earned, out.points_balance), (0, 20));
    });
}
