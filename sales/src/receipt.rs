//! Receipts: the model, and its renderings.

pub mod escpos;
pub mod from_ticket;
pub mod layout;
pub mod model;
pub mod text;
pub mod words;

pub use model::Receipt;
pub use words::Lang;
