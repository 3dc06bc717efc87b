//! Stocktakes: open a count for a location (all products, or one category),
//! enter or scan what is on the shelves, see the differences, validate → one
//! stocktake movement per difference. The difference is taken against the level
//! at validation, so sales made during the count are not counted twice.

use crate::catalogue::products::{self, Search};
use crate::catalogue::{Unit, categories};
use crate::error::{InventoryError, Result};
use crate::stock::{MovementKind, NewMovement, locations, movements};
use chrono::NaiveDateTime;
use db::audit::{self, AuditEntry};
use db::ids::UserId;
use db::schema::{stock_levels, stocktake_lines, stocktakes};
use db::{DbConn, Quantity};
use diesel::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StocktakeStatus {
    Open,
    Validated,
    Cancelled,
}

impl StocktakeStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            StocktakeStatus::Open => "open",
            StocktakeStatus::Validated => "validated",
            StocktakeStatus::Cancelled => "cancelled",
        }
    }
    fn parse(s: &str) -> StocktakeStatus {
        match s {
            "validated" => StocktakeStatus::Validated,
            "cancelled" => StocktakeStatus::Cancelled,
            _ => StocktakeStatus::Open,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StocktakeLine {
    pub product_id: i64,
    pub product_name: String,
    pub barcode: Option<String>,
    pub unit: Unit,
    /// The level when the count opened.
    pub expected: Quantity,
    /// None: not counted yet (left as it is at validation).
    pub counted: Option<Quantity>,
}

impl StocktakeLine {
    /// counted − expected, once counted.
    pub fn difference(&self) -> Option<Quantity> {
        self.counted
            .map(|c| Quantity::from_thousandths(c.thousandths() - self.expected.thousandths()))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stocktake {
    pub id: i64,
    pub location_id: i64,
    pub location: String,
    pub category_id: Option<i64>,
    pub category: Option<String>,
    pub status: StocktakeStatus,
    pub opened_at: NaiveDateTime,
    pub closed_at: Option<NaiveDateTime>,
    pub lines: Vec<StocktakeLine>,
}

impl Stocktake {
    pub fn counted(&self) -> usize {
        self.lines.iter().filter(|l| l.counted.is_some()).count()
    }
}

fn not_open(status: StocktakeStatus) -> InventoryError {
    InventoryError::Conflict(format!("this stocktake is {}", status.as_str()))
}

/// Opens a count: a line per active product (of the category's branch), with its
/// level at the location now.
pub fn open(
    conn: &mut DbConn,
    location_id: Option<i64>,
    category_id: Option<i64>,
    actor: Option<UserId>,
    at: NaiveDateTime,
) -> Result<Stocktake> {
    let location = locations::or_sales_floor(conn, location_id)?;
    if let Some(category) = category_id {
        categories::path_of(conn, category)?;
    }
    let goods = products::search(
        conn,
        &Search {
            category_id,
            limit: i64::MAX,
            ..Search::default()
        },
    )?;
    diesel::insert_into(stocktakes::table)
        .values((
            stocktakes::location_id.eq(location.id),
            stocktakes::category_id.eq(category_id),
            stocktakes::status.eq(StocktakeStatus::Open.as_str()),
            stocktakes::opened_by.eq(actor.map(i64::from)),
            stocktakes::opened_at.eq(at),
        ))
        .execute(conn)?;
    let id: i64 = stocktakes::table
        .order(stocktakes::id.desc())
        .select(stocktakes::id)
        .first(conn)?;
    for product in goods {
        let expected = level(conn, product.id, location.id)?;
        diesel::insert_into(stocktake_lines::table)
            .values((
                stocktake_lines::stocktake_id.eq(id),
                stocktake_lines::product_id.eq(product.id),
                stocktake_lines::expected.eq(expected.thousandths()),
            ))
            .execute(conn)?;
    }
    audit_stocktake(conn, actor, at, "stocktake.open", id)?;
    get(conn, id)
}

fn level(conn: &mut DbConn, product_id: i64, location_id: i64) -> Result<Quantity> {
    let q: Option<i64> = stock_levels::table
        .filter(stock_levels::product_id.eq(product_id))
        .filter(stock_levels::location_id.eq(location_id))
        .select(stock_levels::quantity)
        .first(conn)
        .optional()?;
    Ok(Quantity::from_thousandths(q.unwrap_or(0)))
}

pub fn get(conn: &mut DbConn, id: i64) -> Result<Stocktake> {
    type Head = (
        i64,
        i64,
        Option<i64>,
        String,
        NaiveDateTime,
        Option<NaiveDateTime>,
    );
    let head: Head = stocktakes::table
        .find(id)
        .select((
            stocktakes::id,
            stocktakes::location_id,
            stocktakes::category_id,
            stocktakes::status,
            stocktakes::opened_at,
            stocktakes::closed_at,
        ))
        .first(conn)
        .optional()?
        .ok_or_else(|| InventoryError::NotFound {
            what: "stocktake",
            id: id.to_string(),
        })?;
    let location = locations::get(conn, head.1)?;
    let category = head.2.map(|c| categories::path_of(conn, c)).transpose()?;
    let rows: Vec<(i64, i64, Option<i64>)> = stocktake_lines::table
        .filter(stocktake_lines::stocktake_id.eq(id))
        .select((
            stocktake_lines::product_id,
            stocktake_lines::expected,
            stocktake_lines::counted,
        ))
        .load(conn)?;
    let mut lines = Vec::with_capacity(rows.len());
    for (product_id, expected, counted) in rows {
        let product = products::get(conn, product_id)?;
        lines.push(StocktakeLine {
            product_id,
            barcode: product.barcodes.first().cloned(),
            product_name: product.name,
            unit: product.unit,
            expected: Quantity::from_thousandths(expected),
            counted: counted.map(Quantity::from_thousandths),
        });
    }
    lines.sort_by_cached_key(|l| db::text::fold(&l.product_name));
    Ok(Stocktake {
        id: head.0,
        location_id: head.1,
        location: location.name,
        category_id: head.2,
        category,
        status: StocktakeStatus::parse(&head.3),
        opened_at: head.4,
        closed_at: head.5,
        lines,
    })
}

/// Every stocktake, newest first.
pub fn list(conn: &mut DbConn) -> Result<Vec<Stocktake>> {
    let ids: Vec<i64> = stocktakes::table
        .order(stocktakes::id.desc())
        .select(stocktakes::id)
        .load(conn)?;
    ids.into_iter().map(|id| get(conn, id)).collect()
}

fn check_open(conn: &mut DbConn, id: i64) -> Result<()> {
    let status: String = stocktakes::table
        .find(id)
        .select(stocktakes::status)
        .first(conn)
        .optional()?
        .ok_or_else(|| InventoryError::NotFound {
            what: "stocktake",
            id: id.to_string(),
        })?;
    match StocktakeStatus::parse(&status) {
        StocktakeStatus::Open => Ok(()),
        other => Err(not_open(other)),
    }
}

/// Sets what was counted for a product (`None` clears it).
pub fn set_count(
    conn: &mut DbConn,
    id: i64,
    product_id: i64,
    counted: Option<Quantity>,
) -> Result<()> {
    check_open(conn, id)?;
    if counted.is_some_and(|c| c.thousandths() < 0) {
        return Err(InventoryError::InvalidQuantity {
            reason: "a count cannot be negative".into(),
        });
    }
    let changed = diesel::update(
        stocktake_lines::table
            .filter(stocktake_lines::stocktake_id.eq(id))
            .filter(stocktake_lines::product_id.eq(product_id)),
    )
    .set(stocktake_lines::counted.eq(counted.map(Quantity::thousandths)))
    .execute(conn)?;
    if changed == 0 {
        return Err(InventoryError::NotFound {
            what: "product in this stocktake",
            id: product_id.to_string(),
        });
    }
    Ok(())
}

/// A scan adds one to the product's count; returns its line as it now stands.
pub fn scan(conn: &mut DbConn, id: i64, barcode: &str) -> Result<StocktakeLine> {
    check_open(conn, id)?;
    let product =
        products::find_by_barcode(conn, barcode)?.ok_or_else(|| InventoryError::NotFound {
            what: "barcode",
            id: barcode.trim().to_owned(),
        })?;
    let current: Option<(i64, Option<i64>)> = stocktake_lines::table
        .filter(stocktake_lines::stocktake_id.eq(id))
        .filter(stocktake_lines::product_id.eq(product.id))
        .select((stocktake_lines::expected, stocktake_lines::counted))
        .first(conn)
        .optional()?;
    let Some((expected, counted)) = current else {
        return Err(InventoryError::NotFound {
            what: "product in this stocktake",
            id: product.name,
        });
    };
    let next = Quantity::from_thousandths(counted.unwrap_or(0) + Quantity::ONE.thousandths());
    set_count(conn, id, product.id, Some(next))?;
    Ok(StocktakeLine {
        product_id: product.id,
        barcode: product.barcodes.first().cloned(),
        product_name: product.name,
        unit: product.unit,
        expected: Quantity::from_thousandths(expected),
        counted: Some(next),
    })
}

/// How far the count has gone: (lines counted, all lines).
pub fn progress(conn: &mut DbConn, id: i64) -> Result<(usize, usize)> {
    let counted: Vec<Option<i64>> = stocktake_lines::table
        .filter(stocktake_lines::stocktake_id.eq(id))
        .select(stocktake_lines::counted)
        .load(conn)?;
    Ok((counted.iter().flatten().count(), counted.len()))
}

/// Closes the count: a stocktake movement per counted product whose shelf
/// differs from its level now.
pub fn validate(
    conn: &mut DbConn,
    id: i64,
    actor: Option<UserId>,
    at: NaiveDateTime,
) -> Result<Stocktake> {
    check_open(conn, id)?;
    let count = get(conn, id)?;
    let reference = format!("stocktake:{id}");
    for line in &count.lines {
        let Some(counted) = line.counted else {
            continue;
        };
        let now = level(conn, line.product_id, count.location_id)?;
        let delta = counted.thousandths() - now.thousandths();
        if delta == 0 {
            continue;
        }
        movements::record(
            conn,
            &NewMovement {
                product_id: line.product_id,
                location_id: count.location_id,
                quantity: Quantity::from_thousandths(delta),
                kind: MovementKind::Stocktake,
                reason: None,
                reference: Some(&reference),
                unit_cost: None,
                user_id: actor,
            },
            at,
        )?;
    }
    close(conn, id, StocktakeStatus::Validated, at)?;
    audit_stocktake(conn, actor, at, "stocktake.validate", id)?;
    get(conn, id)
}

pub fn cancel(
    conn: &mut DbConn,
    id: i64,
    actor: Option<UserId>,
    at: NaiveDateTime,
) -> Result<Stocktake> {
    check_open(conn, id)?;
    close(conn, id, StocktakeStatus::Cancelled, at)?;
    audit_stocktake(conn, actor, at, "stocktake.cancel", id)?;
    get(conn, id)
}

fn close(conn: &mut DbConn, id: i64, status: StocktakeStatus, at: NaiveDateTime) -> Result<()> {
    diesel::update(stocktakes::table.find(id))
        .set((
            stocktakes::status.eq(status.as_str()),
            stocktakes::closed_at.eq(at),
        ))
        .execute(conn)?;
    Ok(())
}

fn audit_stocktake(
    conn: &mut DbConn,
    actor: Option<UserId>,
    at: NaiveDateTime,
    action: &str,
    id: i64,
) -> Result<()> {
    audit::record(
        conn,
        &AuditEntry {
            at,
            user_id: actor,
            action,
            entity: "stocktake",
            entity_id: Some(id.to_string()),
            detail: None,
        },
    )?;
    Ok(())
}
