//! What the inventory pages share.

use crate::error::{AppError, inventory_error_field};
use crate::page::Page;
use ::web::forms::FormErrors;
use db::DbConn;
use inventory::InventoryError;
use inventory::catalogue::products::{self, Search};

/// An inventory refusal, next to its field.
pub(crate) fn field_error(page: &Page, e: InventoryError) -> Result<FormErrors, AppError> {
    match e {
        InventoryError::Db(db) => Err(db.into()),
        InventoryError::NotFound { .. } => Err(e.into()),
        other => {
            let field = inventory_error_field(&other);
            Ok(FormErrors::new().with(field, AppError::from(other).message(page.lang())))
        }
    }
}

/// A product as typed on an order line: `#12`, a barcode, or its exact name.
pub(crate) fn resolve_product(
    conn: &mut DbConn,
    typed: &str,
) -> Result<Option<products::Product>, InventoryError> {
    let typed = typed.trim();
    if let Some(id) = typed
        .strip_prefix('#')
        .and_then(|id| id.trim().parse::<i64>().ok())
    {
        return products::get(conn, id).map(Some).or_else(|e| match e {
            InventoryError::NotFound { .. } => Ok(None),
            other => Err(other),
        });
    }
    if let Some(found) = products::find_by_barcode(conn, typed)? {
        return Ok(Some(found));
    }
    let wanted = db::text::fold(typed);
    let candidates = products::search(
        conn,
        &Search {
            text: Some(typed.to_owned()),
            limit: 20,
            ..Search::default()
        },
    )?;
    Ok(candidates
        .into_iter()
        .find(|p| db::text::fold(&p.name) == wanted))
}
