//! Goods to scan: a supplier, products with barcodes, an order for two of them.

use crate::TestServer;
use db::{Money, Quantity};
use inventory::InventoryError;
use inventory::catalogue::{NewProduct, products};
use inventory::purchasing::{self, NewOrderLine};
use inventory::suppliers::{self, SupplierInput};

/// Honey and jam are on the order (10 and 6), tea is in the catalogue only.
pub struct ScanGoods {
    pub order: i64,
    pub honey: i64,
    pub jam: i64,
    pub tea: i64,
}

pub const HONEY: &str = "3760000000017";
pub const JAM: &str = "3760000000024";
pub const TEA: &str = "3760000000031";
/// A valid EAN-13 that no product has.
pub const UNKNOWN: &str = "3760000000048";

impl TestServer {
    pub fn scan_goods(&self) -> ScanGoods {
        let now = self.clock.now_naive();
        self.db
            .write(|conn| -> Result<ScanGoods, InventoryError> {
                let supplier = suppliers::create(
                    conn,
                    &SupplierInput {
                        name: "Les Ruchers du Morvan".into(),
                        ..SupplierInput::default()
                    },
                    None,
                    now,
                )?
                .id;
                let mut ids = Vec::new();
                for (name, barcode) in [
                    ("Miel de sapin", HONEY),
                    ("Confiture de myrtilles", JAM),
                    ("Thé des bois", TEA),
                ] {
                    let new = NewProduct {
                        name: name.into(),
                        barcodes: vec![barcode.into()],
                        price: Money::from_cents(990),
                        vat_rate: "5.5".into(),
                        ..NewProduct::default()
                    };
                    ids.push(products::create(conn, &new, None, now)?.id);
                }
                let lines = [(ids[0], 10), (ids[1], 6)].map(|(product_id, units)| NewOrderLine {
                    product_id,
                    quantity: Quantity::from_units(units),
                    unit_cost: Money::from_cents(510),
                });
                let order = purchasing::create_order(conn, supplier, &lines, None, None, now)?;
                Ok(ScanGoods {
                    order: order.id,
                    honey: ids[0],
                    jam: ids[1],
                    tea: ids[2],
                })
            })
            .unwrap_or_else(|e| panic!("[{}] goods to scan: {e}", self.label()))
    }

    /// A product's stock, as the API writes it (`"4.000"`).
    pub fn stock_of(&self, product: i64) -> String {
        self.db
            .read(|conn| products::get(conn, product))
            .map(|p| p.stock.to_api())
            .unwrap_or_else(|e| panic!("[{}] product {product}: {e}", self.label()))
    }
}
