//! Cash sessions with X and Z reports, and refunds, on both backends.

use db::schema::tickets as tickets_t;
use diesel::prelude::*;
use inventory::stock::{MovementKind, movements};
use sales::SalesError;
use sales::refund::{self, NewRefund, RefundOf};
use sales::sale::{Completed, Item, SaleLine};
use sales::sessions::{self, CashKind};
use sales::testing::{Fixture, SaleBuilder, day, eur, now, q, setup};
use sales::tickets::{PaymentMethod, PaymentMethod::*, Ticket, TicketKind};

fn refund_of(fx: &Fixture, ticket: &Ticket, lines: Option<Vec<(i64, db::Quantity)>>) -> NewRefund {
    NewRefund {
        uuid: uuid::Uuid::new_v4().to_string(),
        till: "T01".into(),
        cashier: fx.cashier,
        of: RefundOf::Ticket {
            ticket_id: ticket.id,
            lines,
        },
        method: PaymentMethod::Cash,
        approved_by: None,
        training: false,
        day: day(),
    }
}

fn new_ticket(done: Completed) -> Ticket {
    match done {
        Completed::New(t) => t,
        Completed::Existing(t) => panic!("ticket {} existed", t.number),
    }
}

#[test]
fn a_day_at_the_till_ends_with_a_z_report() {
    db::testing::each_conn(|conn, _| {
        let fx = setup(conn);
        SaleBuilder::new(&fx)
            .scan(&fx.honey_code)
            .pay(Cash, "10")
            .done(conn);
        SaleBuilder::new(&fx)
            .scan(&fx.wine_code)
            .scan(&fx.honey_code)
            .pay(Card, "21.40")
            .done(conn);
        let third = SaleBuilder::new(&fx)
            .scan(&fx.wine_code)
            .pay(Cheque, "12.50")
            .done(conn);
        new_ticket(refund::refund(conn, &refund_of(&fx, &third, None), now()).unwrap());
        sessions::move_cash(
            conn,
            "T01",
            CashKind::In,
            eur("20"),
            "monnaie",
            fx.cashier,
            now(),
        )
        .unwrap();
        sessions::move_cash(
            conn,
            "T01",
            CashKind::Out,
            eur("50"),
            "dépôt banque",
            fx.cashier,
            now(),
        )
        .unwrap();
        let x = sessions::x_report(conn, "T01").unwrap();
        assert_eq!(x.kind, "X");
        assert_eq!((x.sales_count, x.refunds_count), (3, 1));
        assert_eq!(x.sales_total, eur("42.80"));
        assert_eq!(x.refunds_total, eur("-12.50"));
        assert_eq!(x.net_total, eur("30.30"));
        let cash = x.by_method.iter().find(|m| m.method == "cash").unwrap();
        // 10 given, 1,10 back; 12,50 paid back in cash.
        assert_eq!(cash.amount, eur("-3.60"));
        // 100 float − 3,60 + 20 − 50.
        assert_eq!(x.expected_cash, eur("66.40"));
        let vat_sum: db::Money = x.by_vat.iter().map(|v| v.total).sum();
        assert_eq!(vat_sum, x.net_total);
        let z = sessions::close(conn, "T01", eur("66"), fx.cashier, now()).unwrap();
        assert_eq!(z.number, 1);
        assert_eq!(z.report.kind, "Z");
        assert_eq!(z.report.counted_cash, Some(eur("66")));
        assert_eq!(z.report.difference, Some(eur("-0.40")));
        assert_eq!(z.report.first_ticket, Some(1));
        assert_eq!(z.report.last_ticket, Some(4));
        assert_eq!(
            sessions::closure_of(conn, z.session_id).unwrap().unwrap(),
            z
        );
        // Closed: no X report, no second close; a new session opens.
        assert!(matches!(
            sessions::x_report(conn, "T01"),
            Err(SalesError::NoOpenSession(_))
        ));
        assert!(matches!(
            sessions::close(conn, "T01", eur("0"), fx.cashier, now()),
            Err(SalesError::NoOpenSession(_))
        ));
        sessions::open(conn, "T01", eur("66"), fx.cashier, now()).unwrap();
        assert!(matches!(
            sessions::open(conn, "T01", eur("66"), fx.cashier, now()),
            Err(SalesError::SessionAlreadyOpen(_))
        ));
        let history = sessions::history(conn, None, 10).unwrap();
        assert_eq!(history.len(), 2);
    });
}

#[test]
fn refunds_give_back_what_was_sold_once() {
    db::testing::each_conn(|conn, _| {
        let fx = setup(conn);
        let sale = SaleBuilder::new(&fx)
            .product(fx.honey, "3")
            .scan(&fx.wine_code)
            .pay(Card, "39.20")
            .done(conn);
        let honey_line = sale.lines[0].id;
        // Part of a line.
        let first = new_ticket(
            refund::refund(
                conn,
                &refund_of(&fx, &sale, Some(vec![(honey_line, q("1"))])),
                now(),
            )
            .unwrap(),
        );
        assert_eq!(first.kind, TicketKind::Refund);
        assert_eq!(first.refund_of, Some(sale.id));
        assert_eq!(first.number, 2);
        assert_eq!(first.total, eur("-8.90"));
        assert_eq!(first.lines[0].quantity, q("-1"));
        assert_eq!(first.lines[0].original_line_id, Some(honey_line));
        assert_eq!(first.payments[0].amount, eur("-8.90"));
        assert_eq!(first.vat[0].total, eur("-8.90"));
        // More than is left of the line: refused.
        let too_many = refund::refund(
            conn,
            &refund_of(&fx, &sale, Some(vec![(honey_line, q("3"))])),
            now(),
        );
        assert!(matches!(
            too_many,
            Err(SalesError::RefundTooMany { line: 1, .. })
        ));
        // The rest of everything.
        let rest = new_ticket(refund::refund(conn, &refund_of(&fx, &sale, None), now()).unwrap());
        assert_eq!(rest.total, eur("-30.30"));
        // A second refund of the same lines: nothing left.
        let again = refund::refund(
            conn,
            &refund_of(&fx, &sale, Some(vec![(honey_line, q("1"))])),
            now(),
        );
        assert!(matches!(again, Err(SalesError::RefundTooMany { .. })));
        assert!(matches!(
            refund::refund(conn, &refund_of(&fx, &sale, None), now()),
            Err(SalesError::NothingToRefund(_))
        ));
        // The ticket lists its refunds, oldest first; a refund has none.
        let refunds = sales::tickets::refunds_of(conn, sale.id).unwrap();
        let numbers: Vec<i64> = refunds.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [first.number, rest.number]);
        assert_eq!(refunds[0].uuid, first.uuid);
        assert_eq!(refunds[0].kind, "refund");
        assert_eq!(refunds[1].total, eur("-30.30"));
        assert!(
            sales::tickets::refunds_of(conn, rest.id)
                .unwrap()
                .is_empty()
        );
        // A refund cannot itself be refunded.
        assert!(matches!(
            refund::refund(conn, &refund_of(&fx, &rest, None), now()),
            Err(SalesError::RefundOfRefund(_))
        ));
        // Stock came back by return movements.
        let back: i64 = movements::for_product(conn, fx.honey, 10)
            .unwrap()
            .iter()
            .filter(|m| m.kind == MovementKind::Return)
            .map(|m| m.quantity.thousandths())
            .sum();
        assert_eq!(back, 3000);
        // Idempotent like sales.
        let mut same = refund_of(&fx, &sale, None);
        same.uuid = rest.uuid.clone();
        assert!(matches!(
            refund::refund(conn, &same, now()),
            Ok(Completed::Existing(_))
        ));
    });
}

#[test]
fn big_refunds_and_refunds_without_a_ticket_need_a_manager() {
    db::testing::each_conn(|conn, _| {
        let fx = setup(conn);
        let sale = SaleBuilder::new(&fx)
            .product(fx.wine, "5")
            .pay(Card, "62.50")
            .done(conn);
        // 62,50 € is beyond the 50 € limit.
        let mut big = refund_of(&fx, &sale, None);
        assert!(matches!(
            refund::refund(conn, &big, now()),
            Err(SalesError::NeedsApproval(_))
        ));
        big.approved_by = Some(fx.manager);
        let done = new_ticket(refund::refund(conn, &big, now()).unwrap());
        assert_eq!(done.approved_by, Some(i64::from(fx.manager)));
        let mut blind = NewRefund {
            of: RefundOf::Nothing {
                lines: vec![SaleLine {
                    item: Item::Scan(fx.honey_code.clone()),
                    quantity: None,
                    discount: None,
                }],
            },
            ..refund_of(&fx, &sale, None)
        };
        assert!(matches!(
            refund::refund(conn, &blind, now()),
            Err(SalesError::NeedsApproval(_))
        ));
        blind.approved_by = Some(fx.manager);
        let blind_done = new_ticket(refund::refund(conn, &blind, now()).unwrap());
        assert_eq!(blind_done.total, eur("-8.90"));
        assert_eq!(blind_done.refund_of, None);
        let count: i64 = tickets_t::table.count().get_result(conn).unwrap();
        assert_eq!(count, 3);
    });
}

#[test]
fn baskets_go_on_hold_and_come_back_once() {
    db::testing::each_conn(|conn, _| {
        let fx = setup(conn);
        let basket = r#"{"lines":[{"product_id":1,"quantity":"2"}]}"#;
        let first = sales::held::hold(conn, "t01", None, basket, fx.cashier, now()).unwrap();
        assert_eq!(first.label, "Ticket en attente 1");
        let second =
            sales::held::hold(conn, "T01", Some("Mme Martin"), basket, fx.cashier, now()).unwrap();
        assert_eq!(sales::held::list(conn, Some("T01")).unwrap().len(), 2);
        let back = sales::held::take(conn, first.id).unwrap();
        assert_eq!(back.basket, basket);
        assert!(matches!(
            sales::held::take(conn, first.id),
            Err(SalesError::NotFound { .. })
        ));
        assert_eq!(sales::held::list(conn, None).unwrap(), vec![second]);
        assert!(matches!(
            sales::held::hold(conn, "T01", None, " ", fx.cashier, now()),
            Err(SalesError::Invalid { .. })
        ));
    });
}
