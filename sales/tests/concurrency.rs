//! Tills posting at once, on both backends: the same id makes one ticket, and
//! different sales are numbered without gaps in a chain that verifies.

use db::testing::GroupedJob;
use sales::SalesError;
use sales::ledger::verify::verify_all;
use sales::sale::{self, Completed};
use sales::testing::{SaleBuilder, now, setup};
use sales::tickets::PaymentMethod::Cash;
use std::sync::{Arc, Barrier};

#[test]
fn concurrent_posts_of_one_id_make_one_ticket() {
    db::testing::each_backend(|db, _| {
        let fx = db.write(|conn| Ok::<_, SalesError>(setup(conn))).unwrap();
        let sale = SaleBuilder::new(&fx)
            .scan(&fx.honey_code)
            .pay(Cash, "10")
            .sale;
        let barrier = Arc::new(Barrier::new(8));
        let handles: Vec<_> = (0..8)
            .map(|_| {
                let (db, sale, barrier) = (db.clone(), sale.clone(), barrier.clone());
                std::thread::spawn(move || {
                    barrier.wait();
                    db.write(|conn| sale::complete(conn, &sale, now())).unwrap()
                })
            })
            .collect();
        let results: Vec<Completed> = handles.into_iter().map(|h| h.join().unwrap()).collect();
        let new = results
            .iter()
            .filter(|r| matches!(r, Completed::New(_)))
            .count();
        assert_eq!(new, 1, "exactly one post made the ticket");
        let ids: Vec<i64> = results.iter().map(|r| r.ticket().id).collect();
        assert!(ids.iter().all(|id| *id == ids[0]));
        let checked = db.read(verify_all).unwrap().unwrap();
        assert_eq!(checked.tickets, 1);
    });
}

#[test]
fn concurrent_sales_are_numbered_without_gaps() {
    db::testing::each_backend(|db, _| {
        let fx = db.write(|conn| Ok::<_, SalesError>(setup(conn))).unwrap();
        let barrier = Arc::new(Barrier::new(6));
        let handles: Vec<_> = (0..6)
            .map(|_| {
                let sale = SaleBuilder::new(&fx)
                    .scan(&fx.wine_code)
                    .pay(Cash, "20")
                    .sale;
                let (db, barrier) = (db.clone(), barrier.clone());
                std::thread::spawn(move || {
                    barrier.wait();
                    let mut numbers = Vec::new();
                    for _ in 0..5 {
                        let mut sale = sale.clone();
                        sale.uuid = uuid::Uuid::new_v4().to_string();
                        let done = db.write(|conn| sale::complete(conn, &sale, now())).unwrap();
                        numbers.push(done.ticket().number);
                    }
                    numbers
                })
            })
            .collect();
        let mut numbers: Vec<i64> = handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect();
        numbers.sort_unstable();
        assert_eq!(numbers, (1..=30).collect::<Vec<i64>>());
        let checked = db.read(verify_all).unwrap().unwrap();
        assert_eq!(checked.tickets, 30);
    });
}

#[test]
fn one_id_posted_at_once_on_two_tills_makes_one_ticket() {
    db::testing::each_backend(|db, _| {
        let fx = db
            .write(|conn| {
                let fx = setup(conn);
                let shop = sales::shops::main_shop(conn)?;
                sales::testing::till(conn, shop.id(), "T02");
                sales::sessions::open(conn, "T02", db::Money::ZERO, fx.cashier, now())?;
                Ok::<_, SalesError>(fx)
            })
            .unwrap();
        let sale = SaleBuilder::new(&fx)
            .scan(&fx.honey_code)
            .pay(Cash, "10")
            .sale;
        let barrier = Arc::new(Barrier::new(2));
        let handles: Vec<_> = ["T01", "T02"]
            .into_iter()
            .map(|till| {
                let (db, mut sale, barrier) = (db.clone(), sale.clone(), barrier.clone());
                sale.till = till.into();
                std::thread::spawn(move || {
                    barrier.wait();
                    db.write(|conn| sale::complete(conn, &sale, now()))
                })
            })
            .collect();
        let results: Vec<_> = handles.into_iter().map(|h| h.join().unwrap()).collect();
        let made = results
            .iter()
            .filter(|r| matches!(r, Ok(Completed::New(_))))
            .count();
        assert_eq!(made, 1, "one ticket");
        // The other either saw it, or was refused by the unique id (the API
        // then answers with the ticket that was made).
        assert!(results.iter().all(|r| match r {
            Ok(_) => true,
            Err(e) => e.is_unique_violation(),
        }));
        assert!(db.read(verify_all).unwrap().is_ok());
    });
}

#[test]
fn one_id_twice_in_one_grouped_batch_makes_one_ticket() {
    db::testing::each_backend(|db, database| {
        let fx = db.write(|conn| Ok::<_, SalesError>(setup(conn))).unwrap();
        let sale = SaleBuilder::new(&fx)
            .scan(&fx.honey_code)
            .pay(Cash, "10")
            .sale;
        let other = SaleBuilder::new(&fx)
            .scan(&fx.wine_code)
            .pay(Cash, "20")
            .sale;
        // The same id three times, another sale between: on SQLite one batch,
        // where the later posts see the first one's ticket before it commits.
        let jobs: Vec<GroupedJob<Completed, SalesError>> = [&sale, &other, &sale, &sale]
            .into_iter()
            .map(|s| {
                let s = s.clone();
                let job: GroupedJob<Completed, SalesError> =
                    Box::new(move |conn| sale::complete(conn, &s, now()));
                job
            })
            .collect();
        let results: Vec<Completed> = db::testing::one_batch(db, jobs)
            .into_iter()
            .map(|r| r.unwrap().unwrap())
            .collect();
        let label = database.label();
        assert!(matches!(results[0], Completed::New(_)), "[{label}]");
        assert!(matches!(results[1], Completed::New(_)), "[{label}]");
        assert!(matches!(results[2], Completed::Existing(_)), "[{label}]");
        assert!(matches!(results[3], Completed::Existing(_)), "[{label}]");
        let first = results[0].ticket();
        for again in &results[2..] {
            assert_eq!(again.ticket().id, first.id, "[{label}]");
            assert_eq!(again.ticket().hash, first.hash, "[{label}]");
        }
        assert_eq!(
            (first.number, results[1].ticket().number),
            (1, 2),
            "[{label}]"
        );
        let checked = db.read(verify_all).unwrap().unwrap();
        assert_eq!(checked.tickets, 2, "[{label}]");
    });
}

#[test]
fn grouped_sales_from_eight_tills_are_numbered_without_gaps() {
    db::testing::each_backend(|db, database| {
        let fx = db.write(|conn| Ok::<_, SalesError>(setup(conn))).unwrap();
        let barrier = Arc::new(Barrier::new(8));
        let handles: Vec<_> = (0..8)
            .map(|_| {
                let sale = SaleBuilder::new(&fx)
                    .scan(&fx.wine_code)
                    .pay(Cash, "20")
                    .sale;
                let (db, barrier) = (db.clone(), barrier.clone());
                std::thread::spawn(move || {
                    barrier.wait();
                    let mut numbers = Vec::new();
                    for _ in 0..10 {
                        let mut sale = sale.clone();
                        sale.uuid = uuid::Uuid::new_v4().to_string();
                        let done = db
                            .write_grouped(move |conn| sale::complete(conn, &sale, now()))
                            .unwrap();
                        numbers.push(done.ticket().number);
                    }
                    numbers
                })
            })
            .collect();
        let mut numbers: Vec<i64> = handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect();
        numbers.sort_unstable();
        assert_eq!(
            numbers,
            (1..=80).collect::<Vec<i64>>(),
            "[{}]",
            database.label()
        );
        let checked = db.read(verify_all).unwrap().unwrap();
        assert_eq!(checked.tickets, 80);
    });
}
