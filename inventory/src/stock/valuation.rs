//! What the stock is worth: per location and in total, each level times the
//! product's weighted average cost (its entered cost when nothing was received yet).

use super::locations::{self, Location};
use crate::error::Result;
use db::schema::{products, stock_levels};
use db::{DbConn, Money};
use diesel::prelude::*;
use std::collections::{HashMap, HashSet};

/// One location's stock value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocationValue {
    pub location: Location,
    /// The levels above zero at their unit cost. A level below zero is worth
    /// nothing on the shelf: it is counted in `below_zero` instead.
    pub value: Money,
    /// Products with stock here.
    pub products_in_stock: usize,
    /// Products below zero here.
    pub below_zero: usize,
    /// Products in stock here without any cost: their value is missing.
    pub without_cost: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Valuation {
    pub locations: Vec<LocationValue>,
    pub total: Money,
    /// Distinct products below zero at one location or more.
    pub below_zero: usize,
    /// Distinct products in stock somewhere without any cost.
    pub without_cost: usize,
}

/// The value of the stock, location by location.
pub fn valuation(conn: &mut DbConn) -> Result<Valuation> {
    let costs: HashMap<i64, Option<i64>> = products::table
        .select((products::id, products::average_cost, products::cost))
        .load::<(i64, Option<i64>, Option<i64>)>(conn)?
        .into_iter()
        .map(|(id, average, cost)| (id, average.or(cost)))
        .collect();
    let levels: Vec<(i64, i64, i64)> = stock_levels::table
        .filter(stock_levels::quantity.ne(0_i64))
        .select((
            stock_levels::product_id,
            stock_levels::location_id,
            stock_levels::quantity,
        ))
        .load(conn)?;
    let mut below_zero: HashSet<i64> = HashSet::new();
    let mut without_cost: HashSet<i64> = HashSet::new();
    let mut total: i128 = 0;
    let mut per_location = Vec::new();
    for location in locations::all(conn)? {
        // Thousandths of a unit × cents: summed exactly, rounded once.
        let mut value: i128 = 0;
        let (mut in_stock, mut negative, mut no_cost) = (0, 0, 0);
        for &(product_id, _, quantity) in levels.iter().filter(|l| l.1 == location.id) {
            if quantity < 0 {
                negative += 1;
                below_zero.insert(product_id);
                continue;
            }
            in_stock += 1;
            match costs.get(&product_id).copied().flatten() {
                Some(cost) => value += i128::from(quantity) * i128::from(cost),
                None => {
                    no_cost += 1;
                    without_cost.insert(product_id);
                }
            }
        }
        total += value;
        per_location.push(LocationValue {
            location,
            value: cents(value),
            products_in_stock: in_stock,
            below_zero: negative,
            without_cost: no_cost,
        });
    }
    Ok(Valuation {
        locations: per_location,
        total: cents(total),
        below_zero: below_zero.len(),
        without_cost: without_cost.len(),
    })
}

/// Thousandths × cents → cents, half away from zero (the values are not negative).
fn cents(milli_cents: i128) -> Money {
    let rounded = (milli_cents + 500).div_euclid(1000);
    Money::from_cents(i64::try_from(rounded).unwrap_or(i64::MAX))
}
