//! Stock is never edited in place: every change is a movement, and the level per
//! product and location is their sum, kept in the movement's transaction.

pub mod locations;
pub mod movements;
pub mod valuation;

pub use locations::Location;
pub use movements::{Movement, MovementKind, NewMovement};
pub use valuation::{LocationValue, Valuation};
