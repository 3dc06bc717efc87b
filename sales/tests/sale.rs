//! Completing sales on both backends: numbers, VAT, payments, stock, limits.

use db::schema::{stock_levels, tickets as tickets_t};
use diesel::prelude::*;
use inventory::barcode::with_check_digit;
use inventory::stock::{MovementKind, movements};
use sales::SalesError;
use sales::pricing::Discount;
use sales::sale::Completed;
use sales::testing::{SaleBuilder, eur, now, q, setup};
use sales::tickets::{PaymentMethod::*, TicketKind};
use sales::{sessions, tickets, tills};

#[test]
fn a_sale_is_numbered_priced_paid_and_takes_stock() {
    db::testing::each_conn(|conn, _| {
        let fx = setup(conn);
        let weighed = with_check_digit("210004200350").unwrap(); // 0,350 kg of Comté
        let ticket = SaleBuilder::new(&fx)
            .scan(&fx.honey_code)
            .scan(&fx.honey_code)
            .scan(&weighed)
            .product(fx.wine, "1")
            .pay(Card, "20")
            .pay(Cash, "20")
            .done(conn);
        assert_eq!(ticket.number, 1);
        assert_eq!(ticket.kind, TicketKind::Sale);
        assert_eq!(ticket.lines.len(), 4);
        // 8,90 + 8,90 + 0,350 × 24,90 (8,715 → 8,72) + 12,50 = 39,02.
        assert_eq!(ticket.lines[2].quantity, q("0.350"));
        assert_eq!(ticket.lines[2].total, eur("8.72"));
        assert_eq!(ticket.total, eur("39.02"));
        assert_eq!(ticket.change, eur("0.98"));
        // VAT per rate, highest first; base + tax = total.
        assert_eq!(ticket.vat.len(), 2);
        assert_eq!(ticket.vat[0].code, "20");
        assert_eq!(
            (ticket.vat[0].base, ticket.vat[0].tax),
            (eur("10.42"), eur("2.08"))
        );
        assert_eq!(ticket.vat[1].code, "5.5");
        assert_eq!(ticket.vat[1].total, eur("26.52"));
        assert_eq!(
            (ticket.vat[1].base, ticket.vat[1].tax),
            (eur("25.14"), eur("1.38"))
        );
        // One movement per line, out of the sales floor.
        let honey_moves = movements::for_product(conn, fx.honey, 10).unwrap();
        assert_eq!(honey_moves.len(), 2);
        assert!(honey_moves.iter().all(|m| m.kind == MovementKind::Sale
            && m.quantity == q("-1")
            && m.reference.as_deref() == Some("ticket:T01-000001")));
        let comte_level: i64 = stock_levels::table
            .filter(stock_levels::product_id.eq(fx.comte))
            .select(stock_levels::quantity)
            .load::<i64>(conn)
            .unwrap()
            .into_iter()
            .sum();
        assert_eq!(comte_level, -350);
        // The next ticket follows; the till keeps the grand total.
        let second = SaleBuilder::new(&fx)
            .scan(&fx.wine_code)
            .pay(Cash, "12.50")
            .done(conn);
        assert_eq!(second.number, 2);
        assert_eq!(second.grand_total, eur("51.52"));
        assert_eq!(
            tills::by_code(conn, "T01").unwrap().grand_total(),
            eur("51.52")
        );
        assert_eq!(ticket.reference(), "T01-000001");
    });
}

#[test]
fn posting_the_same_id_twice_returns_the_first_ticket() {
    db::testing::each_conn(|conn, _| {
        let fx = setup(conn);
        let sale = SaleBuilder::new(&fx)
            .uuid("8D8AC610-566D-4EF0-9C22-186B2A5ED793")
            .scan(&fx.honey_code)
            .pay(Cash, "10");
        let first = sale.done(conn);
        match sale.post(conn).unwrap() {
            Completed::Existing(again) => assert_eq!(again, first),
            Completed::New(_) => panic!("a second ticket was made"),
        }
        assert_eq!(first.uuid, "8d8ac610-566d-4ef0-9c22-186b2a5ed793");
        let count: i64 = tickets_t::table.count().get_result(conn).unwrap();
        assert_eq!(count, 1);
    });
}

#[test]
fn discounts_are_spread_and_limited() {
    db::testing::each_conn(|conn, _| {
        let fx = setup(conn);
        // 10 % off the honey (0,89), then 1 € off the ticket spread over both lines.
        let ticket = SaleBuilder::new(&fx)
            .scan(&fx.honey_code)
            .line_discount(Discount::Percent(1000))
            .scan(&fx.wine_code)
            .discount(Discount::Amount(eur("1")))
            .pay(Card, "19.51")
            .done(conn);
        assert_eq!(ticket.lines[0].line_discount, eur("0.89"));
        let shares: db::Money = ticket.lines.iter().map(|l| l.ticket_discount).sum();
        assert_eq!(shares, eur("1"));
        assert_eq!(ticket.discount_total, eur("1.89"));
        assert_eq!(ticket.total, eur("19.51"));
        let vat_total: db::Money = ticket.vat.iter().map(|v| v.total).sum();
        assert_eq!(vat_total, ticket.total);
        // Beyond the shop's limit (10 %), a manager approves.
        let greedy = SaleBuilder::new(&fx)
            .scan(&fx.wine_code)
            .line_discount(Discount::Percent(5000))
            .pay(Cash, "6.25");
        assert!(matches!(
            greedy.post(conn),
            Err(SalesError::NeedsApproval(_))
        ));
        greedy.approved_by(fx.manager).done(conn);
        // A discount larger than the line is refused.
        let too_much = SaleBuilder::new(&fx)
            .scan(&fx.honey_code)
            .line_discount(Discount::Amount(eur("9")))
            .approved_by(fx.manager)
            .pay(Cash, "1");
        assert!(matches!(
            too_much.post(conn),
            Err(SalesError::InvalidLine { line: 1, .. })
        ));
    });
}

#[test]
fn bad_sales_are_refused_and_write_nothing() {
    db::testing::each_conn(|conn, _| {
        let fx = setup(conn);
        let short = SaleBuilder::new(&fx).scan(&fx.wine_code).pay(Cash, "10");
        assert!(matches!(
            short.post(conn),
            Err(SalesError::PaymentShort { .. })
        ));
        let card_change = SaleBuilder::new(&fx).scan(&fx.honey_code).pay(Card, "10");
        assert!(matches!(
            card_change.post(conn),
            Err(SalesError::ChangeWithoutCash { .. })
        ));
        let unknown = SaleBuilder::new(&fx).scan("3760000009999").pay(Cash, "10");
        assert!(matches!(
            unknown.post(conn),
            Err(SalesError::UnknownBarcode(_))
        ));
        let zero = SaleBuilder::new(&fx).product(fx.honey, "0").pay(Cash, "10");
        assert!(matches!(
            zero.post(conn),
            Err(SalesError::InvalidLine { .. })
        ));
        let half_jar = SaleBuilder::new(&fx)
            .product(fx.honey, "0.5")
            .pay(Cash, "10");
        assert!(matches!(
            half_jar.post(conn),
            Err(SalesError::InvalidLine { .. })
        ));
        let empty = SaleBuilder::new(&fx).pay(Cash, "10");
        assert!(matches!(empty.post(conn), Err(SalesError::EmptySale)));
        let bad_id = SaleBuilder::new(&fx)
            .uuid("not-a-uuid")
            .scan(&fx.honey_code)
            .pay(Cash, "10");
        assert!(matches!(
            bad_id.post(conn),
            Err(SalesError::Invalid { field: "id", .. })
        ));
        let points = SaleBuilder::new(&fx)
            .scan(&fx.honey_code)
            .pay(Loyalty, "8.90");
        assert!(matches!(
            points.post(conn),
            Err(SalesError::LoyaltyWithoutCustomer)
        ));
        let count: i64 = tickets_t::table.count().get_result(conn).unwrap();
        assert_eq!(count, 0);
        assert!(
            movements::for_product(conn, fx.honey, 10)
                .unwrap()
                .is_empty()
        );
        // No open session: the till says so.
        sessions::close(conn, "T01", eur("100"), fx.cashier, now()).unwrap();
        let closed = SaleBuilder::new(&fx).scan(&fx.honey_code).pay(Cash, "10");
        assert!(matches!(
            closed.post(conn),
            Err(SalesError::NoOpenSession(_))
        ));
    });
}

#[test]
fn training_tickets_are_kept_apart() {
    db::testing::each_conn(|conn, _| {
        let fx = setup(conn);
        let real = SaleBuilder::new(&fx)
            .scan(&fx.honey_code)
            .pay(Cash, "8.90")
            .done(conn);
        let training = SaleBuilder::new(&fx)
            .training()
            .scan(&fx.wine_code)
            .pay(Cash, "20")
            .done(conn);
        assert!(training.training);
        assert_eq!(
            training.number, 1,
            "training tickets have their own numbers"
        );
        assert_eq!(training.hash, "");
        let next = SaleBuilder::new(&fx)
            .scan(&fx.honey_code)
            .pay(Cash, "8.90")
            .done(conn);
        assert_eq!(next.number, real.number + 1);
        assert_eq!(next.grand_total, eur("17.80"));
        // No stock moved for training.
        assert!(
            movements::for_product(conn, fx.wine, 10)
                .unwrap()
                .is_empty()
        );
        let x = sessions::x_report(conn, "T01").unwrap();
        assert_eq!(x.sales_count, 2);
        assert_eq!(x.sales_total, eur("17.80"));
        let listed = tickets::list(conn, &tickets::Filter::default()).unwrap();
        assert_eq!(listed.len(), 2);
    });
}
