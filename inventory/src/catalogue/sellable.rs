//! What the till needs of a product to sell it, and nothing else: a sale reads
//! neither barcodes nor stock nor the category tree. The API's sales read it
//! on a reader before their write (`sales::sale::price`); inside the write,
//! which every till shares, it is read only for a basket not priced before.

use super::Unit;
use crate::error::Result;
use db::schema::products;
use db::{DbConn, Money};
use diesel::prelude::*;

/// A product as a ticket line sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sellable {
    pub id: i64,
    pub name: String,
    pub price: Money,
    pub vat_code: String,
    pub unit: Unit,
    pub category_id: Option<i64>,
    pub active: bool,
}

#[derive(Queryable, Selectable)]
#[diesel(table_name = products)]
struct Row {
    id: i64,
    name: String,
    price: i64,
    vat_code: String,
    unit: String,
    category_id: Option<i64>,
    active: bool,
}

impl From<Row> for Sellable {
    fn from(r: Row) -> Sellable {
        Sellable {
            id: r.id,
            name: r.name,
            price: Money::from_cents(r.price),
            vat_code: r.vat_code,
            unit: r.unit.parse().unwrap_or(Unit::Piece),
            category_id: r.category_id,
            active: r.active,
        }
    }
}

/// The products of `ids` (unknown ids left out), in no particular order.
pub fn get_many(conn: &mut DbConn, ids: &[i64]) -> Result<Vec<Sellable>> {
    // Statements prepared once per connection (see `db::native!`): one key
    // lookup per id on SQLite, where `IN (?, ?, …)` is a new statement for each
    // count of ids; one `= ANY($1)` on PostgreSQL, which binds the list whole.
    let rows: Vec<Row> = match conn {
        DbConn::Sqlite(c) => {
            let mut rows = Vec::with_capacity(ids.len());
            for id in ids {
                if let Some(row) = products::table
                    .find(id)
                    .select(Row::as_select())
                    .first(c)
                    .optional()?
                {
                    rows.push(row);
                }
            }
            rows
        }
        DbConn::Postgres(c) => products::table
            .filter(products::id.eq_any(ids))
            .select(Row::as_select())
            .load(c)?,
    };
    Ok(rows.into_iter().map(Sellable::from).collect())
}
