//! Fixture builders for the sales tests: a shop with a cashier and a manager,
//! a few products (one weighed), till T01 with an open session.

#![expect(clippy::unwrap_used, reason = "fixture builders fail loudly")]

use crate::pricing::Discount;
use crate::sale::{self, Completed, Item, NewPayment, NewSale, SaleLine};
use crate::tickets::{PaymentMethod, Ticket};
use crate::tills::{self, TillFields};
use crate::{SalesError, sessions, shops};
use chrono::{NaiveDate, NaiveDateTime, TimeZone, Utc};
use db::accounts::{HashedPassword, Role, users};
use db::ids::UserId;
use db::{DbConn, Money, Quantity};
use inventory::barcode::with_check_digit;
use inventory::catalogue::products;
use inventory::catalogue::{NewProduct, Unit};

pub fn now() -> NaiveDateTime {
    Utc.with_ymd_and_hms(2026, 11, 25, 10, 0, 0)
        .unwrap()
        .naive_utc()
}

pub fn day() -> NaiveDate {
    now().date()
}

pub fn eur(text: &str) -> Money {
    Money::parse(text).unwrap()
}

pub fn q(text: &str) -> Quantity {
    Quantity::parse(text).unwrap()
}

pub struct Fixture {
    pub cashier: UserId,
    pub manager: UserId,
    /// 8,90 € at 5,5 %, by the piece.
    pub honey: i64,
    pub honey_code: String,
    /// 12,50 € at 20 %, by the piece.
    pub wine: i64,
    pub wine_code: String,
    /// 24,90 €/kg at 5,5 %, weighed: scale key 2100042.
    pub comte: i64,
}

fn user(conn: &mut DbConn, name: &str, role: Role) -> UserId {
    let password = HashedPassword::new("correct horse battery").unwrap();
    let new = users::NewUser {
        username: name,
        display_name: name,
        role,
        password: &password,
        pin: None,
    };
    users::create(conn, &new, None, now()).unwrap().id
}

fn product(conn: &mut DbConn, name: &str, price: &str, vat: &str, unit: Unit, code: &str) -> i64 {
    let new = NewProduct {
        name: name.into(),
        barcodes: vec![code.to_owned()],
        price: eur(price),
        vat_rate: vat.into(),
        unit: Some(unit),
        ..NewProduct::default()
    };
    products::create(conn, &new, None, now()).unwrap().id
}

/// Till T01 (no printer) with a session opened on a float of 100 €.
pub fn setup(conn: &mut DbConn) -> Fixture {
    let cashier = user(conn, "camille", Role::Cashier);
    let manager = user(conn, "martin", Role::Manager);
    let honey_code = with_check_digit("376000000001").unwrap();
    let wine_code = with_check_digit("376000000002").unwrap();
    let honey = product(
        conn,
        "Miel de lavande",
        "8.90",
        "5.5",
        Unit::Piece,
        &honey_code,
    );
    let wine = product(
        conn,
        "Côtes-du-Rhône",
        "12.50",
        "20",
        Unit::Piece,
        &wine_code,
    );
    let comte = product(conn, "Comté 18 mois", "24.90", "5.5", Unit::Kg, "2100042");
    let shop = shops::main_shop(conn).unwrap();
    till(conn, shop.id(), "T01");
    sessions::open(conn, "T01", eur("100"), cashier, now()).unwrap();
    Fixture {
        cashier,
        manager,
        honey,
        honey_code,
        wine,
        wine_code,
        comte,
    }
}

pub fn till(conn: &mut DbConn, shop_id: i64, code: &str) {
    tills::create(
        conn,
        shop_id,
        &TillFields {
            code,
            name: "Caisse principale",
            printer: None,
            printer_columns: 42,
            drawer_on_cash: true,
        },
        now(),
    )
    .unwrap();
}

/// A sale to post, built line by line.
pub struct SaleBuilder {
    pub sale: NewSale,
}

impl SaleBuilder {
    pub fn new(fx: &Fixture) -> SaleBuilder {
        SaleBuilder {
            sale: NewSale {
                uuid: uuid::Uuid::new_v4().to_string(),
                till: "T01".into(),
                cashier: fx.cashier,
                lines: Vec::new(),
                discount: None,
                payments: Vec::new(),
                customer_id: None,
                training: false,
                approved_by: None,
                day: day(),
            },
        }
    }

    pub fn uuid(mut self, uuid: &str) -> Self {
        self.sale.uuid = uuid.into();
        self
    }

    pub fn scan(mut self, code: &str) -> Self {
        self.sale.lines.push(SaleLine {
            item: Item::Scan(code.into()),
            quantity: None,
            discount: None,
        });
        self
    }

    pub fn product(mut self, id: i64, quantity: &str) -> Self {
        self.sale.lines.push(SaleLine {
            item: Item::Product(id),
            quantity: Some(q(quantity)),
            discount: None,
        });
        self
    }

    /// A discount on the last line.
    pub fn line_discount(mut self, discount: Discount) -> Self {
        if let Some(line) = self.sale.lines.last_mut() {
            line.discount = Some(discount);
        }
        self
    }

    pub fn discount(mut self, discount: Discount) -> Self {
        self.sale.discount = Some(discount);
        self
    }

    pub fn pay(mut self, method: PaymentMethod, amount: &str) -> Self {
        self.sale.payments.push(NewPayment {
            method,
            amount: eur(amount),
            reference: None,
        });
        self
    }

    pub fn training(mut self) -> Self {
        self.sale.training = true;
        self
    }

    pub fn approved_by(mut self, user: UserId) -> Self {
        self.sale.approved_by = Some(user);
        self
    }

    pub fn post(&self, conn: &mut DbConn) -> Result<Completed, SalesError> {
        sale::complete(conn, &self.sale, now())
    }

    pub fn done(&self, conn: &mut DbConn) -> Ticket {
        match self.post(conn).unwrap() {
            Completed::New(t) => t,
            Completed::Existing(t) => panic!("ticket {} already existed", t.number),
        }
    }
}
