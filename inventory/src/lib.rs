//! The shop's goods: the catalogue (VAT rates, categories, products and their
//! barcodes), stock as a ledger of movements, suppliers and purchasing. Domain
//! functions take `&mut DbConn` and never open a transaction: the caller does.

pub mod barcode;
pub mod catalogue;
pub mod demo;
mod error;
pub mod import;
pub mod purchasing;
pub mod reorder;
pub mod settings;
pub mod stock;
pub mod stocktake;
pub mod suppliers;
pub mod vat;

pub use error::InventoryError;
