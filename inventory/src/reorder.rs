//! Reorder suggestions: products at or below their reorder level, grouped by
//! supplier, with a quantity that brings them back to twice their level in
//! whole packs; each group becomes a draft purchase order in one click.

use crate::catalogue::products::{self, Search};
use crate::error::Result;
use crate::purchasing::{self, NewOrderLine};
use crate::suppliers;
use chrono::NaiveDateTime;
use db::ids::UserId;
use db::schema::supplier_products;
use db::{DbConn, Money, Quantity};
use diesel::prelude::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub product_id: i64,
    pub product_name: String,
    pub stock: Quantity,
    pub reorder_level: Quantity,
    pub quantity: Quantity,
    pub unit_cost: Money,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupplierSuggestions {
    /// None: low products no supplier is known for.
    pub supplier_id: Option<i64>,
    pub supplier_name: Option<String>,
    pub lines: Vec<Suggestion>,
}

/// (supplier, pack size, cost) for a product: its preferred supplier's terms, or
/// the first supplier that sells it.
fn source(
    conn: &mut DbConn,
    product: &products::Product,
) -> Result<Option<(i64, Quantity, Option<Money>)>> {
    let terms: Vec<(i64, i64, Option<i64>)> = supplier_products::table
        .filter(supplier_products::product_id.eq(product.id))
        .order(supplier_products::id.asc())
        .select((
            supplier_products::supplier_id,
            supplier_products::pack_size,
            supplier_products::cost,
        ))
        .load(conn)?;
    let preferred = product.preferred_supplier_id;
    let chosen = terms
        .iter()
        .find(|t| Some(t.0) == preferred)
        .or(terms.first());
    Ok(match (chosen, preferred) {
        (Some((s, pack, cost)), _) => Some((
            *s,
            Quantity::from_thousandths(*pack),
            cost.map(Money::from_cents),
        )),
        (None, Some(s)) => Some((s, Quantity::ONE, None)),
        (None, None) => None,
    })
}

/// Up to twice the reorder level, in whole packs, at least one pack.
fn suggested(stock: Quantity, level: Quantity, pack: Quantity) -> Quantity {
    let missing = (2 * level.thousandths() - stock.thousandths()).max(1);
    let pack = pack.thousandths().max(1);
    // Both are positive here: ceiling division by hand (i64::div_ceil is unstable).
    Quantity::from_thousandths((missing + pack - 1) / pack * pack)
}

pub fn suggestions(conn: &mut DbConn) -> Result<Vec<SupplierSuggestions>> {
    let low = products::search(
        conn,
        &Search {
            low_stock_only: true,
            limit: i64::MAX,
            ..Search::default()
        },
    )?;
    let mut groups: Vec<SupplierSuggestions> = Vec::new();
    for product in low {
        let Some(level) = product.reorder_level else {
            continue;
        };
        let source = source(conn, &product)?;
        let (supplier_id, pack, cost) = match source {
            Some((s, pack, cost)) => (Some(s), pack, cost),
            None => (None, Quantity::ONE, None),
        };
        let line = Suggestion {
            product_id: product.id,
            product_name: product.name.clone(),
            stock: product.stock,
            reorder_level: level,
            quantity: suggested(product.stock, level, pack),
            unit_cost: cost
                .or(product.average_cost)
                .or(product.cost)
                .unwrap_or(Money::ZERO),
        };
        match groups.iter_mut().find(|g| g.supplier_id == supplier_id) {
            Some(group) => group.lines.push(line),
            None => {
                let supplier_name = supplier_id
                    .map(|s| suppliers::get(conn, s).map(|s| s.name))
                    .transpose()?;
                groups.push(SupplierSuggestions {
                    supplier_id,
                    supplier_name,
                    lines: vec![line],
                });
            }
        }
    }
    groups.sort_by_key(|g| {
        (
            g.supplier_id.is_none(),
            g.supplier_name.as_deref().map(db::text::fold),
        )
    });
    Ok(groups)
}

/// A draft order per supplier with suggestions; returns their ids.
pub fn create_drafts(
    conn: &mut DbConn,
    actor: Option<UserId>,
    at: NaiveDateTime,
) -> Result<Vec<i64>> {
    let mut ids = Vec::new();
    for group in suggestions(conn)? {
        let Some(supplier) = group.supplier_id else {
            continue;
        };
        let lines: Vec<NewOrderLine> = group
            .lines
            .iter()
            .map(|l| NewOrderLine {
                product_id: l.product_id,
                quantity: l.quantity,
                unit_cost: l.unit_cost,
            })
            .collect();
        let order = purchasing::create_order(
            conn,
            supplier,
            &lines,
            Some("Réapprovisionnement"),
            actor,
            at,
        )?;
        ids.push(order.id);
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::suggested;
    use db::Quantity;

    #[test]
    fn suggestions_fill_whole_packs_up_to_twice_the_level() {
        let q = Quantity::from_units;
        assert_eq!(suggested(q(2), q(6), q(6)), q(12));
        assert_eq!(suggested(q(0), q(6), q(1)), q(12));
        assert_eq!(suggested(q(-3), q(2), q(6)), q(12));
        assert_eq!(suggested(q(12), q(6), q(6)), q(6), "at least one pack");
    }
}
