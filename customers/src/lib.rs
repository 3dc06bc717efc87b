//! Comptoir's customer file: the fiches and their search, consents per
//! channel, loyalty cards and points, what the till's tickets teach about each
//! customer, duplicates and merges, and the person's rights (export, erasure,
//! retention). Functions take `&mut DbConn` and never open a transaction: the
//! caller's (the till's sale, a page's handler) holds them together.

pub mod bulk;
pub mod cards;
pub mod consents;
pub mod enrichment;
pub mod enrolment;
mod error;
pub mod export;
pub mod fiche;
pub mod gdpr;
pub mod import;
pub mod kinds;
pub mod merge;
pub mod normalise;
pub mod online;
pub mod points;
pub mod retention;
mod search;
#[cfg(feature = "testing")]
pub mod testing;

pub use enrichment::{SaleFacts, SaleOutcome};
pub use error::{CustomerError, Result};
pub use fiche::{Customer, CustomerChanges, NewCustomer};
