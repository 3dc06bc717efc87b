//! Comptoir's shared foundation: the schema, one connection type over SQLite and
//! PostgreSQL, the pools, embedded migrations, value types, the clock, the audit
//! log and the accounts that every other crate builds on.

pub mod accounts;
pub mod audit;
pub mod clock;
mod conn;
pub mod csv_in;
mod error;
pub mod fixed;
mod group;
pub mod ids;
pub mod migrate;
pub mod money;
pub mod native;
mod pool;
pub mod quantity;
pub mod schema;
pub mod scratch;
pub mod settings;
#[cfg(feature = "testing")]
pub mod testing;
pub mod text;
pub mod url;

pub use accounts::Role;
pub use clock::{Clock, FixedClock, SystemClock};
pub use conn::DbConn;
pub use error::DbError;
pub use money::Money;
pub use pool::Db;
pub use quantity::Quantity;
pub use url::{Backend, DbUrl};
