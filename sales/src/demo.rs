//! The demo shop's till: its identity on receipts, till T01, and yesterday's
//! day of sales closed by a Z report, so that the reports and the sales list
//! have something to show. Called by `comptoir demo` after the catalogue.

use crate::error::Result;
use crate::pricing::Discount;
use crate::sale::{self, Item, NewPayment, NewSale, SaleLine};
use crate::sessions;
use crate::shops::{self, PrintMode, ShopChanges};
use crate::tickets::PaymentMethod;
use crate::tills::{self, TillFields};
use chrono::{NaiveDateTime, TimeDelta};
use db::ids::UserId;
use db::{DbConn, Money, Quantity};
use inventory::catalogue::Unit;
use inventory::catalogue::products::{self, Search};

/// What the demo added at the till.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoSales {
    pub tickets: usize,
    pub closures: usize,
}

/// A small deterministic generator: the same demo every time.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        usize::try_from((self.0 >> 33) % u64::try_from(n.max(1)).unwrap_or(1)).unwrap_or(0)
    }
}

pub fn fill(conn: &mut DbConn, at: NaiveDateTime, cashier: UserId) -> Result<DemoSales> {
    let shop = shops::main_shop(conn)?;
    shops::update(
        conn,
        shop.id(),
        &ShopChanges {
            name: "Épicerie fine du Marché",
            address_line1: Some("4 place du Marché"),
            postcode: Some("21000"),
            city: Some("Dijon"),
            phone: Some("03 80 12 34 56"),
            siret: Some("81234567800014"),
            vat_number: Some("FR32812345678"),
            receipt_footer: Some("Merci de votre visite et à bientôt !"),
            print_mode: Some(PrintMode::Ask),
            ..ShopChanges::default()
        },
        at,
    )?;
    tills::create(
        conn,
        shop.id(),
        &TillFields {
            code: "T01",
            name: "Caisse principale",
            printer: None,
            printer_columns: 42,
            drawer_on_cash: true,
        },
        at,
    )?;
    let goods: Vec<i64> = products::search(
        conn,
        &Search {
            limit: 500,
            ..Search::default()
        },
    )?
    .into_iter()
    .filter(|p| p.unit == Unit::Piece && p.price.cents() > 0)
    .map(|p| p.id)
    .collect();
    let mut rng = Lcg(2611);
    let opening = at - TimeDelta::days(1) - TimeDelta::hours(9);
    sessions::open(conn, "T01", Money::from_cents(15_000), cashier, opening)?;
    let mut tickets = 0;
    for n in 0..36_i64 {
        let when = opening + TimeDelta::minutes(10 + n * 15);
        let mut lines = Vec::new();
        for _ in 0..1 + rng.below(4) {
            let Some(id) = goods.get(rng.below(goods.len())) else {
                continue;
            };
            let units = 1 + i64::try_from(rng.below(3)).unwrap_or(0);
            lines.push(SaleLine {
                item: Item::Product(*id),
                quantity: Some(Quantity::from_units(units)),
                discount: (rng.below(12) == 0).then_some(Discount::Percent(1000)),
            });
        }
        if lines.is_empty() {
            continue;
        }
        let mut sale = NewSale {
            uuid: uuid::Uuid::new_v4().to_string(),
            till: "T01".into(),
            cashier,
            lines,
            discount: None,
            payments: Vec::new(),
            customer_id: None,
            training: false,
            approved_by: None,
            day: when.date(),
        };
        let total = sale::quote(conn, &sale)?;
        sale.payments = match rng.below(3) {
            0 => vec![NewPayment {
                method: PaymentMethod::Cash,
                // Rounded up to the next 5 €: the change comes back.
                amount: Money::from_cents((total.cents() / 500 + 1) * 500),
                reference: None,
            }],
            1 => vec![NewPayment {
                method: PaymentMethod::Card,
                amount: total,
                reference: None,
            }],
            _ => vec![
                NewPayment {
                    method: PaymentMethod::Cheque,
                    amount: Money::from_cents(total.cents() / 2),
                    reference: Some("0001234".into()),
                },
                NewPayment {
                    method: PaymentMethod::Card,
                    amount: total - Money::from_cents(total.cents() / 2),
                    reference: None,
                },
            ],
        };
        sale::complete(conn, &sale, when)?;
        tickets += 1;
    }
    let closing = opening + TimeDelta::hours(10);
    let expected = sessions::x_report(conn, "T01")?.expected_cash;
    sessions::close(conn, "T01", expected, cashier, closing)?;
    Ok(DemoSales {
        tickets,
        closures: 1,
    })
}
