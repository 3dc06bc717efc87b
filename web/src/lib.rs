//! Comptoir's pages: maud views rendered from plain data, in French and English.
//!
//! This crate knows nothing about HTTP: the server gathers the data, calls a page
//! function and sends the returned [`maud::Markup`].

pub mod assets;
pub mod documents;
pub mod forms;
pub mod i18n;
pub mod layout;
pub mod pages;

#[cfg(test)]
mod test_support;
