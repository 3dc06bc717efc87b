//! The end-to-end harness: the whole server started on port 0 on a fresh
//! database (SQLite, and PostgreSQL when configured), an HTTP client that behaves
//! like a browser (cookies, CSRF fields), and a real headless Chromium.

pub mod browser;
mod client;
pub mod goods;
pub mod mail;
mod server;
pub mod till;

pub use client::{WebClient, csrf_in, location};
pub use server::{TestServer, servers};
