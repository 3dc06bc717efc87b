//! A large catalogue for `comptoir bench`: the demo's families, many times
//! over, with valid EAN-13 barcodes, written in multi-row inserts (no audit
//! entries, no suppliers' terms: only what the till reads). The caller chooses
//! the transactions, a few thousand products each.

use super::{FAMILIES, Lcg};
use crate::barcode::with_check_digit;
use crate::catalogue::{Unit, categories};
use crate::error::{InventoryError, Result};
use crate::stock::locations;
use crate::vat;
use chrono::NaiveDateTime;
use db::schema::{barcodes, products, stock_levels};
use db::{DbConn, Money};
use diesel::prelude::*;
use std::collections::HashMap;

/// One product of the bulk catalogue, as the till would scan it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulkProduct {
    pub id: i64,
    pub barcode: String,
    pub price: Money,
    pub unit: Unit,
}

/// One multi-row INSERT (the connection enum has no batch inserts, each
/// backend's own connection does).
macro_rules! insert_many {
    ($conn:expr, $table:expr, $rows:expr) => {
        match $conn {
            DbConn::Sqlite(c) => diesel::insert_into($table).values($rows).execute(c)?,
            DbConn::Postgres(c) => diesel::insert_into($table).values($rows).execute(c)?,
        }
    };
}

/// Rows per INSERT: well under SQLite's and PostgreSQL's parameter limits.
const ROWS_PER_INSERT: usize = 500;

/// Units on the sales floor of each product, so that sales never empty it.
const INITIAL_STOCK: i64 = 1_000_000;

/// Adds the products numbered `from..until` of the bulk catalogue (the same
/// numbers give the same products). Product names carry their number, so a
/// range is never added twice.
pub fn fill_range(
    conn: &mut DbConn,
    from: u64,
    until: u64,
    at: NaiveDateTime,
) -> Result<Vec<BulkProduct>> {
    let mut categories_of = HashMap::new();
    let mut vat_codes = HashMap::new();
    for family in FAMILIES {
        if !categories_of.contains_key(family.category) {
            let id = categories::find_or_create(conn, family.category, at)?;
            categories_of.insert(family.category, id);
        }
        if !vat_codes.contains_key(family.vat) {
            let rate = vat::resolve(conn, family.vat, at.date())?;
            vat_codes.insert(family.vat, rate.code);
        }
    }
    let floor = locations::sales_floor(conn)?;
    let others: Vec<i64> = locations::all(conn)?
        .into_iter()
        .map(|l| l.id)
        .filter(|id| *id != floor.id)
        .collect();
    let templates: Vec<(&super::Family, &str, &str)> = FAMILIES
        .iter()
        .flat_map(|f| {
            f.names
                .iter()
                .flat_map(move |n| f.variants.iter().map(move |v| (f, *n, *v)))
        })
        .collect();
    let mut made = Vec::new();
    let numbers: Vec<u64> = (from..until).collect();
    for chunk in numbers.chunks(ROWS_PER_INSERT) {
        let mut rows = Vec::with_capacity(chunk.len());
        let mut wanted = HashMap::with_capacity(chunk.len());
        for &serial in chunk {
            let mut rng = Lcg(serial.wrapping_mul(7919).wrapping_add(2026));
            let index = usize::try_from(serial).unwrap_or(0) % templates.len().max(1);
            let Some((family, template, variant)) = templates.get(index) else {
                return Err(InventoryError::Conflict("no demo family".into()));
            };
            let name = format!("{} (réf. {serial:05})", template.replace("{}", variant));
            let price = rng.between(family.price.0, family.price.1) / 10 * 10;
            let cost = price * rng.between(45, 62) / 100;
            // 376 is a French GS1 prefix; 2… keeps clear of the demo's own codes.
            let barcode = with_check_digit(&format!("376{:09}", 200_000_000 + serial))
                .ok_or_else(|| InventoryError::Conflict("bulk barcode".into()))?;
            let category = categories_of.get(family.category).copied();
            let vat_code = vat_codes.get(family.vat).cloned().unwrap_or_default();
            rows.push((
                products::name.eq(name.clone()),
                products::search_text.eq(db::text::fold(&name)),
                products::category_id.eq(category),
                products::price.eq(price),
                products::vat_code.eq(vat_code),
                products::unit.eq(family.unit.as_str()),
                products::cost.eq(Some(cost)),
                products::active.eq(true),
                products::created_at.eq(at),
                products::updated_at.eq(at),
            ));
            wanted.insert(
                name,
                BulkProduct {
                    id: 0,
                    barcode,
                    price: Money::from_cents(price),
                    unit: family.unit,
                },
            );
        }
        insert_many!(conn, products::table, &rows);
        let names: Vec<&String> = wanted.keys().collect();
        let ids: Vec<(i64, String)> = products::table
            .filter(products::name.eq_any(names))
            .select((products::id, products::name))
            .load(conn)?;
        let mut chunk_made = Vec::with_capacity(ids.len());
        for (id, name) in ids {
            if let Some(mut product) = wanted.remove(&name) {
                product.id = id;
                chunk_made.push(product);
            }
        }
        let codes: Vec<_> = chunk_made
            .iter()
            .map(|p| {
                (
                    barcodes::product_id.eq(p.id),
                    barcodes::code.eq(p.barcode.as_str()),
                    barcodes::symbology.eq("ean13"),
                )
            })
            .collect();
        insert_many!(conn, barcodes::table, &codes);
        let mut levels = Vec::with_capacity(chunk_made.len() * (1 + others.len()));
        for p in &chunk_made {
            let on_floor = if p.unit == Unit::Piece {
                INITIAL_STOCK
            } else {
                INITIAL_STOCK * 10
            };
            levels.push((
                stock_levels::product_id.eq(p.id),
                stock_levels::location_id.eq(floor.id),
                stock_levels::quantity.eq(on_floor),
            ));
            for other in &others {
                levels.push((
                    stock_levels::product_id.eq(p.id),
                    stock_levels::location_id.eq(*other),
                    stock_levels::quantity.eq(0),
                ));
            }
        }
        insert_many!(conn, stock_levels::table, &levels);
        chunk_made.sort_by_key(|p| p.id);
        made.extend(chunk_made);
    }
    Ok(made)
}
