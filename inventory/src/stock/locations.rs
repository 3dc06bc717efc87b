//! Where stock stands: the shop floor (where the till sells from) and the
//! storeroom, seeded; more can be added.

use crate::error::{InventoryError, Result, clean_name};
use chrono::NaiveDateTime;
use db::DbConn;
use db::schema::{locations, products, stock_levels};
use diesel::prelude::*;

const MAX_NAME: usize = 60;

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = locations)]
pub struct Location {
    pub id: i64,
    pub name: String,
    pub is_sales_floor: bool,
    pub active: bool,
}

pub fn all(conn: &mut DbConn) -> Result<Vec<Location>> {
    Ok(locations::table
        .order(locations::id.asc())
        .select(Location::as_select())
        .load(conn)?)
}

pub fn get(conn: &mut DbConn, id: i64) -> Result<Location> {
    locations::table
        .find(id)
        .select(Location::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| InventoryError::NotFound {
            what: "location",
            id: id.to_string(),
        })
}

/// Where the till takes what it sells (and where stock goes by default).
pub fn sales_floor(conn: &mut DbConn) -> Result<Location> {
    db::native!(conn, |c| locations::table
        .filter(locations::is_sales_floor.eq(true))
        .order(locations::id.asc())
        .select(Location::as_select())
        .first(c)
        .optional())?
    .ok_or_else(|| InventoryError::NotFound {
        what: "location",
        id: "sales floor".into(),
    })
}

/// `Some(id)` checked, or the sales floor.
pub fn or_sales_floor(conn: &mut DbConn, id: Option<i64>) -> Result<Location> {
    match id {
        Some(id) => get(conn, id),
        None => sales_floor(conn),
    }
}

pub fn create(conn: &mut DbConn, name: &str, at: NaiveDateTime) -> Result<Location> {
    let name = clean_name(name, MAX_NAME)?;
    check_free(conn, &name, None)?;
    diesel::insert_into(locations::table)
        .values((
            locations::name.eq(&name),
            locations::is_sales_floor.eq(false),
            locations::active.eq(true),
            locations::created_at.eq(at),
        ))
        .execute(conn)?;
    let location: Location = locations::table
        .filter(locations::name.eq(&name))
        .select(Location::as_select())
        .first(conn)?;
    // A level row for every product, as for a new product at every location.
    let ids: Vec<i64> = products::table.select(products::id).load(conn)?;
    for product_id in ids {
        diesel::insert_into(stock_levels::table)
            .values((
                stock_levels::product_id.eq(product_id),
                stock_levels::location_id.eq(location.id),
                stock_levels::quantity.eq(0_i64),
            ))
            .execute(conn)?;
    }
    Ok(location)
}

/// Renames a location; its stock and movements follow (they hold its id).
pub fn rename(conn: &mut DbConn, id: i64, name: &str) -> Result<Location> {
    get(conn, id)?;
    let name = clean_name(name, MAX_NAME)?;
    check_free(conn, &name, Some(id))?;
    diesel::update(locations::table.find(id))
        .set(locations::name.eq(&name))
        .execute(conn)?;
    get(conn, id)
}

/// Refuses a name another location has (case and accents aside: "reserve" and
/// "Réserve" would be the same place on a shelf label).
fn check_free(conn: &mut DbConn, name: &str, except: Option<i64>) -> Result<()> {
    let wanted = db::text::fold(name);
    let taken = all(conn)?
        .iter()
        .any(|l| Some(l.id) != except && db::text::fold(&l.name) == wanted);
    if taken {
        return Err(InventoryError::DuplicateLocation(name.to_owned()));
    }
    Ok(())
}
