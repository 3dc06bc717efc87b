//! The `comptoir` binary's library: command line, configuration, HTTP server,
//! authentication and the JSON API. The domain lives in the crates below; this
//! one only wires them to HTTP.

pub mod api;
pub mod auth;
pub mod cli;
pub mod config;
pub mod error;
mod import_text;
mod localize;
pub mod page;
mod receipts;
mod routes;
pub mod server;
pub mod state;

pub use config::Config;
pub use server::{Prepared, StartError, prepare, run};
