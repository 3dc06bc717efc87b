//! The demo shop fills an empty database, once.

use chrono::{TimeZone, Utc};
use inventory::catalogue::products::{self, Search};
use inventory::purchasing::{self, OrderStatus};

#[test]
fn the_demo_fills_an_empty_catalogue_once() {
    db::testing::each_conn(|conn, _| {
        let at = Utc
            .with_ymd_and_hms(2026, 11, 25, 8, 0, 0)
            .unwrap()
            .naive_utc();
        let mut last = 0;
        let report = inventory::demo::fill(conn, at, &mut |n| last = n).unwrap();
        assert_eq!(report.products as u64, inventory::demo::product_count());
        assert!(report.products >= 200);
        assert_eq!(last, inventory::demo::product_count());
        let all = products::search(
            conn,
            &Search {
                limit: 1000,
                ..Search::default()
            },
        )
        .unwrap();
        assert_eq!(all.len(), report.products);
        assert!(
            all.iter()
                .all(|p| p.barcodes.len() == 1 && p.barcodes[0].len() == 13)
        );
        assert!(all.iter().any(|p| p.stock.thousandths() > 0));
        assert!(all.iter().any(|p| p.vat_code == "20") && all.iter().any(|p| p.vat_code == "5.5"));
        let statuses: Vec<OrderStatus> = purchasing::list_orders(conn, None, 10)
            .unwrap()
            .into_iter()
            .map(|o| o.status)
            .collect();
        assert_eq!(statuses.len(), 3);
        assert!(
            statuses.contains(&OrderStatus::Received) && statuses.contains(&OrderStatus::Draft)
        );
        assert!(
            inventory::demo::fill(conn, at, &mut |_| {}).is_err(),
            "never twice"
        );
    });
}
