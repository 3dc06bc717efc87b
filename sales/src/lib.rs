//! Tills and cash sessions, the sale, payments, returns, receipts and the
//! inalterable ledger of tickets. Domain functions take `&mut DbConn` and never
//! open a transaction: the caller does, so a sale, its stock movements and the
//! customer's enrichment commit or fail as one.

pub mod demo;
pub mod emailing;
mod error;
pub mod held;
pub mod ledger;
pub mod mail;
pub mod pricing;
pub mod printer;
pub mod printing;
pub mod receipt;
pub mod refund;
pub mod report;
pub mod sale;
pub mod sessions;
pub mod shops;
#[cfg(feature = "testing")]
pub mod testing;
pub mod tickets;
pub mod tills;

pub use error::{Approval, LineProblem, SalesError};
