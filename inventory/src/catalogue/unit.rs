use crate::error::InventoryError;
use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// How a product is counted and priced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    Piece,
    Kg,
    L,
    M,
}

impl Unit {
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Piece => "piece",
            Unit::Kg => "kg",
            Unit::L => "l",
            Unit::M => "m",
        }
    }
}

impl FromStr for Unit {
    type Err = InventoryError;
    /// Also what French spreadsheets write: `pièce`, `u`, `kilo`, `litre`, `mètre`.
    fn from_str(s: &str) -> Result<Unit, InventoryError> {
        match db::text::fold(s).as_str() {
            "piece" | "pieces" | "pc" | "u" | "unite" | "" => Ok(Unit::Piece),
            "kg" | "kilo" | "kilogramme" => Ok(Unit::Kg),
            "l" | "litre" | "liter" => Ok(Unit::L),
            "m" | "metre" | "meter" => Ok(Unit::M),
            _ => Err(InventoryError::UnknownUnit(s.trim().to_owned())),
        }
    }
}
