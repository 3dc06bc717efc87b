//! What the shop sells: categories (a tree) and products with their barcodes.

pub mod categories;
pub mod products;
pub mod sellable;
mod unit;

pub use products::{NewProduct, Product, ProductChanges};
pub use sellable::Sellable;
pub use unit::Unit;
