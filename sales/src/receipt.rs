//! Receipts: the model, and its renderings.

pub mod model;

pub use model::Receipt;
