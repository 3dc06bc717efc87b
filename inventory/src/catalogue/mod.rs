//! What the shop sells: categories (a tree) and products with their barcodes.

pub mod categories;
pub mod products;
mod unit;

pub use products::{NewProduct, Product, ProductChanges};
pub use unit::Unit;
