//! Tills and cash sessions, the sale, payments, returns, receipts and the
//! inalterable ledger of tickets.

pub mod mail;
pub mod printer;
pub mod receipt;
