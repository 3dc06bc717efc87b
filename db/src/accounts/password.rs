//! Passwords and PINs: checked for shape, hashed with argon2id. Hashing is slow on
//! purpose, so it happens before a write transaction opens, never inside one.

use super::AccountError;
use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use std::sync::LazyLock;

/// A password or PIN hash in PHC form, only made from a value that passed its checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HashedPassword(String);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HashedPin(String);

impl HashedPassword {
    pub fn new(password: &str) -> Result<HashedPassword, AccountError> {
        let length = password.chars().count();
        if !(8..=128).contains(&length) || password.trim().is_empty() {
            return Err(AccountError::WeakPassword);
        }
        hash(password).map(HashedPassword)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl HashedPin {
    pub fn new(pin: &str) -> Result<HashedPin, AccountError> {
        if !(4..=8).contains(&pin.len()) || !pin.bytes().all(|b| b.is_ascii_digit()) {
            return Err(AccountError::InvalidPin);
        }
        hash(pin).map(HashedPin)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn hash(secret: &str) -> Result<String, AccountError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(secret.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AccountError::Hash(e.to_string()))
}

/// Whether `secret` matches `stored`. With no stored hash (unknown user, no PIN)
/// a dummy hash is still checked, so the answer takes as long either way.
pub fn verify(secret: &str, stored: Option<&str>) -> bool {
    static DUMMY: LazyLock<String> = LazyLock::new(|| hash("no such user").unwrap_or_default());
    let (stored, real) = match stored {
        Some(s) => (s, true),
        None => (DUMMY.as_str(), false),
    };
    let Ok(parsed) = PasswordHash::new(stored) else {
        return false;
    };
    let matches = Argon2::default()
        .verify_password(secret.as_bytes(), &parsed)
        .is_ok();
    matches && real
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_refuse_others() {
        let h = HashedPassword::new("correct horse").unwrap();
        assert!(h.as_str().starts_with("$argon2id$"));
        assert!(verify("correct horse", Some(h.as_str())));
        assert!(!verify("wrong horse!", Some(h.as_str())));
        assert!(!verify("correct horse", None));
    }

    #[test]
    fn refuses_weak_passwords_and_malformed_pins() {
        assert!(matches!(
            HashedPassword::new("short"),
            Err(AccountError::WeakPassword)
        ));
        assert!(matches!(
            HashedPassword::new("         "),
            Err(AccountError::WeakPassword)
        ));
        for bad in ["123", "12a4", "123456789", ""] {
            assert!(
                matches!(HashedPin::new(bad), Err(AccountError::InvalidPin)),
                "{bad}"
            );
        }
        assert!(HashedPin::new("0421").is_ok());
    }
}
