//! The ledger: one row per change of stock, with who, when and why.

use super::locations::{self, Location};
use crate::error::{InventoryError, Result, optional_text};
use chrono::NaiveDateTime;
use db::ids::UserId;
use db::native::Bind;
use db::schema::{locations as locations_t, stock_levels, stock_movements};
use db::{DbConn, Money, Quantity};
use diesel::prelude::*;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MovementKind {
    Sale,
    Return,
    Receipt,
    Adjustment,
    Stocktake,
    Transfer,
}

impl MovementKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MovementKind::Sale => "sale",
            MovementKind::Return => "return",
            MovementKind::Receipt => "receipt",
            MovementKind::Adjustment => "adjustment",
            MovementKind::Stocktake => "stocktake",
            MovementKind::Transfer => "transfer",
        }
    }

    fn parse(s: &str) -> MovementKind {
        match s {
            "sale" => MovementKind::Sale,
            "return" => MovementKind::Return,
            "receipt" => MovementKind::Receipt,
            "stocktake" => MovementKind::Stocktake,
            "transfer" => MovementKind::Transfer,
            _ => MovementKind::Adjustment,
        }
    }
}

/// A change of stock to record.
#[derive(Debug, Clone)]
pub struct NewMovement<'a> {
    pub product_id: i64,
    pub location_id: i64,
    /// Signed: positive in, negative out.
    pub quantity: Quantity,
    pub kind: MovementKind,
    pub reason: Option<&'a str>,
    /// What caused it: `purchase_order:12`, `sale:…`.
    pub reference: Option<&'a str>,
    pub unit_cost: Option<Money>,
    pub user_id: Option<UserId>,
}

/// A movement as read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Movement {
    pub id: i64,
    pub product_id: i64,
    pub location_id: i64,
    pub location: String,
    pub quantity: Quantity,
    pub kind: MovementKind,
    pub reason: Option<String>,
    pub reference: Option<String>,
    pub unit_cost: Option<Money>,
    pub user_id: Option<i64>,
    pub at: NaiveDateTime,
}

/// Writes the movement and moves the level by the same quantity. The caller's
/// transaction holds both: they commit together or not at all.
pub fn record(conn: &mut DbConn, movement: &NewMovement<'_>, at: NaiveDateTime) -> Result<()> {
    if movement.quantity.is_zero() {
        return Err(InventoryError::InvalidQuantity {
            reason: "a movement of zero".into(),
        });
    }
    // On the sale's path: the backend's own connection (see `db::native!`).
    let updated = db::native!(conn, |c| -> diesel::QueryResult<usize> {
        diesel::insert_into(stock_movements::table)
            .values((
                stock_movements::product_id.eq(movement.product_id),
                stock_movements::location_id.eq(movement.location_id),
                stock_movements::quantity.eq(movement.quantity.thousandths()),
                stock_movements::kind.eq(movement.kind.as_str()),
                stock_movements::reason.eq(movement.reason),
                stock_movements::reference.eq(movement.reference),
                stock_movements::unit_cost.eq(movement.unit_cost.map(Money::cents)),
                stock_movements::user_id.eq(movement.user_id.map(i64::from)),
                stock_movements::at.eq(at),
            ))
            .execute(c)?;
        // An UPDATE of a row that always exists: atomic on both backends, no upsert.
        db::fixed!(
        "UPDATE stock_levels SET quantity = quantity + ? WHERE product_id = ? AND location_id = ?",
        [
            Bind::Int(movement.quantity.thousandths()),
            Bind::Int(movement.product_id),
            Bind::Int(movement.location_id),
        ]
    )
    .execute(c)
    })?;
    if updated == 0 {
        return Err(InventoryError::NotFound {
            what: "stock level",
            id: format!("{}@{}", movement.product_id, movement.location_id),
        });
    }
    Ok(())
}

/// A manual correction with its reason (breakage, theft, found goods…).
pub fn adjust(
    conn: &mut DbConn,
    product_id: i64,
    location_id: Option<i64>,
    quantity: Quantity,
    reason: &str,
    user: Option<UserId>,
    at: NaiveDateTime,
) -> Result<Movement> {
    crate::catalogue::products::get(conn, product_id)?;
    let reason = optional_text(Some(reason)).ok_or_else(|| InventoryError::InvalidQuantity {
        reason: "an adjustment needs a reason".into(),
    })?;
    let location = locations::or_sales_floor(conn, location_id)?;
    record(
        conn,
        &NewMovement {
            product_id,
            location_id: location.id,
            quantity,
            kind: MovementKind::Adjustment,
            reason: Some(&reason),
            reference: None,
            unit_cost: None,
            user_id: user,
        },
        at,
    )?;
    latest(conn, product_id)
}

/// Moves goods between two locations: two movements, one out and one in.
pub fn transfer(
    conn: &mut DbConn,
    product_id: i64,
    from: i64,
    to: i64,
    quantity: Quantity,
    user: Option<UserId>,
    at: NaiveDateTime,
) -> Result<()> {
    if quantity.thousandths() <= 0 {
        return Err(InventoryError::InvalidQuantity {
            reason: "a transfer moves a positive quantity".into(),
        });
    }
    if from == to {
        return Err(InventoryError::InvalidQuantity {
            reason: "a transfer needs two different locations".into(),
        });
    }
    crate::catalogue::products::get(conn, product_id)?;
    let (from, to): (Location, Location) = (locations::get(conn, from)?, locations::get(conn, to)?);
    let reference = format!("transfer:{}->{}", from.id, to.id);
    for (location, signed) in [
        (from.id, -quantity.thousandths()),
        (to.id, quantity.thousandths()),
    ] {
        record(
            conn,
            &NewMovement {
                product_id,
                location_id: location,
                quantity: Quantity::from_thousandths(signed),
                kind: MovementKind::Transfer,
                reason: None,
                reference: Some(&reference),
                unit_cost: None,
                user_id: user,
            },
            at,
        )?;
    }
    Ok(())
}

type MovementRow = (
    i64,
    i64,
    i64,
    String,
    i64,
    String,
    Option<String>,
    Option<String>,
    Option<i64>,
    Option<i64>,
    NaiveDateTime,
);

/// A product's movements, newest first.
pub fn for_product(conn: &mut DbConn, product_id: i64, limit: i64) -> Result<Vec<Movement>> {
    let rows: Vec<MovementRow> = stock_movements::table
        .inner_join(locations_t::table)
        .filter(stock_movements::product_id.eq(product_id))
        .order((stock_movements::at.desc(), stock_movements::id.desc()))
        .limit(limit)
        .select((
            stock_movements::id,
            stock_movements::product_id,
            stock_movements::location_id,
            locations_t::name,
            stock_movements::quantity,
            stock_movements::kind,
            stock_movements::reason,
            stock_movements::reference,
            stock_movements::unit_cost,
            stock_movements::user_id,
            stock_movements::at,
        ))
        .load(conn)?;
    Ok(rows.into_iter().map(into_movement).collect())
}

fn latest(conn: &mut DbConn, product_id: i64) -> Result<Movement> {
    for_product(conn, product_id, 1)?
        .pop()
        .ok_or_else(|| InventoryError::NotFound {
            what: "movement",
            id: product_id.to_string(),
        })
}

fn into_movement(r: MovementRow) -> Movement {
    Movement {
        id: r.0,
        product_id: r.1,
        location_id: r.2,
        location: r.3,
        quantity: Quantity::from_thousandths(r.4),
        kind: MovementKind::parse(&r.5),
        reason: r.6,
        reference: r.7,
        unit_cost: r.8.map(Money::from_cents),
        user_id: r.9,
        at: r.10,
    }
}

/// The level of a product at each location.
pub fn levels(conn: &mut DbConn, product_id: i64) -> Result<Vec<(Location, Quantity)>> {
    let rows: Vec<(i64, i64)> = stock_levels::table
        .filter(stock_levels::product_id.eq(product_id))
        .select((stock_levels::location_id, stock_levels::quantity))
        .load(conn)?;
    let all = locations::all(conn)?;
    Ok(all
        .into_iter()
        .map(|l| {
            let q = rows
                .iter()
                .find(|(id, _)| *id == l.id)
                .map(|(_, q)| *q)
                .unwrap_or(0);
            (l, Quantity::from_thousandths(q))
        })
        .collect())
}

/// How many products stand below zero somewhere (sold before being received,
/// or a miscount): the owner's dashboard says so.
pub fn products_below_zero(conn: &mut DbConn) -> Result<usize> {
    let ids: Vec<i64> = stock_levels::table
        .filter(stock_levels::quantity.lt(0_i64))
        .select(stock_levels::product_id)
        .distinct()
        .load(conn)?;
    Ok(ids.len())
}
