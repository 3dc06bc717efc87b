//! Accounts: users and roles, passwords and PINs, browser sessions, API tokens
//! and the rate limiting of login attempts. Storage and rules only; cookies,
//! CSRF and HTTP live in `pos-server`.

mod error;
pub mod password;
mod role;
pub mod sessions;
pub mod throttle;
pub mod tokens;
pub mod users;

pub use error::AccountError;
pub use password::{HashedPassword, HashedPin};
pub use role::{Role, UnknownRole};
pub use users::User;

use rand::RngCore;
use sha2::{Digest, Sha256};

/// A fresh random secret for a cookie, a token or a setup address: 256 bits,
/// URL-safe.
pub fn random_secret() -> String {
    use base64::Engine;
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// How secrets are stored: a SHA-256 is enough for 256-bit random values, and
/// a stolen database then holds nothing that logs anyone in.
pub fn secret_hash(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}
