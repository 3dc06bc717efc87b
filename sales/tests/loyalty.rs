//! The customer at the till, on both backends: a sale with a card enriches the
//! record and earns points in the sale's transaction, points pay, a refund takes
//! back what the sale gave, and the receipt shows the card and the points.

#![expect(clippy::unwrap_used, reason = "fixture helpers fail loudly")]
use customers::{cards, fiche, points};
use db::schema::tickets as tickets_t;
use diesel::prelude::*;
use sales::SalesError;
use sales::receipt::from_ticket;
use sales::refund::{self, NewRefund, RefundOf};
use sales::sale::Completed;
use sales::testing::{SaleBuilder, day, now, setup};
use sales::tickets::PaymentMethod::{self, *};

fn card_holder(conn: &mut db::DbConn) -> (i64, String) {
    let customer = customers::testing::customer(conn, "Hélène", "Dupont");
    let number = cards::next_number(conn, now()).unwrap();
    cards::assign(conn, &number, customer.id, None, now()).unwrap();
    (customer.id, number)
}

#[test]
fn a_sale_with_a_card_enriches_the_customer_and_earns_points() {
    db::testing::each_conn(|conn, _| {
        let fx = setup(conn);
        let (customer, card) = card_holder(conn);
        let mut sale = SaleBuilder::new(&fx)
            .scan(&fx.honey_code)
            .scan(&fx.wine_code)
            .pay(Card, "21.40");
        sale.sale.customer_id = Some(customer);
        let ticket = sale.done(conn);
        // One point per whole euro: 21,40 € → 21 points.
        assert_eq!(ticket.loyalty, Some((21, 21)));
        assert_eq!(ticket.customer_id, Some(customer));
        let record = fiche::get(conn, customer).unwrap();
        assert_eq!(
            (record.visits, record.total_spent, record.points),
            (1, 2140, 21)
        );
        let receipt = from_ticket::build(conn, &ticket, None, |t| t).unwrap();
        let block = receipt.customer.unwrap();
        assert_eq!(block.name, "Hélène Dupont");
        assert_eq!(block.card_number, card);
        assert_eq!((block.points_earned, block.points_balance), (21, 21));

        // Points pay at 0,05 € each: 100 points make 5 €.
        points::adjust(conn, customer, 79, None, now()).unwrap();
        let mut paid_with_points = SaleBuilder::new(&fx)
            .scan(&fx.honey_code)
            .pay(Loyalty, "5")
            .pay(Cash, "3.90");
        paid_with_points.sale.customer_id = Some(customer);
        let second = paid_with_points.done(conn);
        // 100 points spent, 8 earned on 8,90 €.
        assert_eq!(second.loyalty, Some((8, 8)));

        // A refund takes back the spending and the points the sale gave.
        let back = match refund::refund(
            conn,
            &NewRefund {
                uuid: uuid::Uuid::new_v4().to_string(),
                till: "T01".into(),
                cashier: fx.cashier,
                of: RefundOf::Ticket {
                    ticket_id: ticket.id,
                    lines: None,
                },
                method: PaymentMethod::Card,
                approved_by: None,
                training: false,
                day: day(),
            },
            now(),
        )
        .unwrap()
        {
            Completed::New(t) => t,
            Completed::Existing(_) => panic!("existed"),
        };
        assert_eq!(back.customer_id, Some(customer));
        let record = fiche::get(conn, customer).unwrap();
        assert_eq!(record.total_spent, 890, "only the second sale is left");
        assert_eq!(
            back.loyalty.map(|l| l.0),
            Some(-8),
            "the points it can take back"
        );
        assert!(record.points >= 0);
    });
}

#[test]
fn points_short_of_the_payment_refuse_the_sale_and_write_nothing() {
    db::testing::each_backend(|db, _| {
        let (fx, customer) = db
            .write(|conn| {
                let fx = setup(conn);
                let (customer, _) = card_holder(conn);
                Ok::<_, SalesError>((fx, customer))
            })
            .unwrap();
        let mut sale = SaleBuilder::new(&fx)
            .scan(&fx.honey_code)
            .pay(Loyalty, "8.90");
        sale.sale.customer_id = Some(customer);
        let refused = db.write(|conn| sale.post(conn));
        assert!(
            matches!(
                refused,
                Err(SalesError::Customer(
                    customers::CustomerError::NotEnoughPoints { .. }
                ))
            ),
            "{refused:?}"
        );
        let count: i64 = db
            .read(|conn| {
                tickets_t::table
                    .count()
                    .get_result(conn)
                    .map_err(SalesError::from)
            })
            .unwrap();
        assert_eq!(count, 0, "the whole sale rolled back");
        let record = db.read(|conn| fiche::get(conn, customer)).unwrap();
        assert_eq!((record.visits, record.points), (0, 0));
    });
}

#[test]
fn the_tickets_of_a_customer_include_those_of_a_fiche_merged_into_it() {
    db::testing::each_conn(|conn, _| {
        let fx = setup(conn);
        let (kept, _) = card_holder(conn);
        let other = customers::testing::customer(conn, "Helene", "Dupont").id;
        let mut first = SaleBuilder::new(&fx).scan(&fx.honey_code).pay(Card, "8.90");
        first.sale.customer_id = Some(kept);
        let first = first.done(conn);
        let mut second = SaleBuilder::new(&fx).scan(&fx.honey_code).pay(Card, "8.90");
        second.sale.customer_id = Some(other);
        let second = second.done(conn);
        SaleBuilder::new(&fx)
            .scan(&fx.honey_code)
            .pay(Card, "8.90")
            .done(conn);
        let ids = |list: Vec<sales::tickets::Summary>| -> Vec<i64> {
            let mut ids: Vec<i64> = list.into_iter().map(|s| s.id).collect();
            ids.sort_unstable();
            ids
        };
        assert_eq!(
            ids(sales::tickets::of_customer(conn, kept, 50).unwrap()),
            vec![first.id]
        );
        customers::merge::merge(conn, kept, other, None, now()).unwrap();
        assert_eq!(
            ids(sales::tickets::of_customer(conn, kept, 50).unwrap()),
            vec![first.id, second.id]
        );
        assert_eq!(sales::tickets::of_customer(conn, kept, 1).unwrap().len(), 1);
    });
}
