//! Typed ids, so that a user id is never passed where a product id is expected.
//! Rows keep plain `i64`; the newtypes live at the edges of the domain.

/// Declares an `i64` id newtype that travels as a plain number in JSON.
#[macro_export]
macro_rules! id_type {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }

        impl From<$name> for i64 {
            fn from(id: $name) -> i64 {
                id.0
            }
        }
    };
}

id_type!(
    /// A user of the back office or the till.
    UserId
);
id_type!(
    /// A browser session.
    SessionId
);
id_type!(
    /// An API token.
    TokenId
);
