//! Receipts: the plain text and ESC/POS renderings (snapshots), sending to
//! printers, and e-mail. No database.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

mod escpos;
mod fixtures;
mod mail;
mod printer;
mod text;
