//! The closed lists the customer file stores as text: each has its stored code
//! (`as_str`) and is parsed back from it (`parse`).

use crate::error::{CustomerError, Result};
use serde::{Deserialize, Serialize};

macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident, $field:literal { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }

            pub fn parse(code: &str) -> Result<$name> {
                match code.trim() {
                    $($code => Ok($name::$variant),)+
                    other => Err(CustomerError::UnknownValue {
                        field: $field,
                        value: other.to_owned(),
                    }),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

text_enum!(
    /// Madame or Monsieur, as letters and labels address the person.
    Civility, "civility" { Mme => "mme", M => "m" }
);
text_enum!(
    /// Where a fiche was first made.
    Source, "source" { Till => "till", Form => "form", Import => "import", Api => "api" }
);
text_enum!(
    /// The language letters and e-mails are written in.
    Language, "language" { Fr => "fr", En => "en" }
);
text_enum!(
    /// A way of reaching the customer for marketing.
    Channel, "channel" { Email => "email", Sms => "sms", Post => "post" }
);
text_enum!(
    /// Why the shop may use a channel: an explicit yes (a ticked box), the
    /// soft opt-in for a buyer's own e-mail or phone (told and not objecting,
    /// similar products only), or information with the right to object (post).
    Basis, "basis" { Explicit => "explicit", SoftOptIn => "soft_opt_in", Informed => "informed" }
);
text_enum!(
    /// Where a consent was given or withdrawn. `erasure` is the final withdrawal
    /// written when a person is anonymised.
    ConsentSource, "consent source" {
        Till => "till", Form => "form", Import => "import", Account => "account",
        Api => "api", Erasure => "erasure",
    }
);
text_enum!(
    /// A loyalty card's state: only an active card finds its customer.
    CardStatus, "card status" { Active => "active", Replaced => "replaced", Lost => "lost" }
);
text_enum!(
    /// Why points moved.
    PointsReason, "points reason" {
        Sale => "sale", Refund => "refund", Spent => "spent", Adjustment => "adjustment", Merge => "merge",
    }
);
