//! One module per page. Each takes the [`PageCtx`](crate::layout::PageCtx) first and
//! returns a whole document.

pub mod account;
pub mod customers;
pub mod dashboard;
pub mod error;
pub mod login;
pub mod products;
pub mod public;
pub mod purchasing;
pub mod reorder;
pub mod sales;
pub mod settings;
pub mod setup;
pub mod stocktakes;
pub mod suppliers;
pub mod till;
pub mod users;
pub mod valuation;
