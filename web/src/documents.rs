//! Printable documents: the purchase order a supplier receives, the loyalty
//! card a customer takes home.

mod loyalty_card;
mod purchase_order;

pub use loyalty_card::loyalty_card_pdf;
pub use purchase_order::{DocumentError, purchase_order_pdf};
