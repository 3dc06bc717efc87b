//! What the inventory pages share.

use crate::error::{AppError, inventory_error_field};
use crate::page::Page;
use ::web::forms::FormErrors;
use inventory::InventoryError;

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
