//! The inalterable ledger: tickets, journal events and closures, each
//! hash-chained per till (SHA-256 over the previous hash and the record's
//! content as JSON). The heads of the chains sit on the till's row, so that a
//! deleted last record is noticed as well as a changed one.

pub mod journal;
pub mod rows;
pub mod verify;

use serde::Serialize;
use sha2::{Digest, Sha256};

/// The hash of a record chained after `previous`.
pub fn chain_hash<T: Serialize>(previous: &str, content: &T) -> String {
    let mut hasher = Sha256::new();
    hasher.update(previous.as_bytes());
    hasher.update(b"\n");
    // Serialising plain structs of integers, strings and dates cannot fail; an
    // empty body would still be caught by `verify` as a mismatch.
    hasher.update(serde_json::to_vec(content).unwrap_or_default());
    hex::encode(hasher.finalize())
}
