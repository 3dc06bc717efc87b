//! The inventory's settings kept in the database: which in-store EAN-13 prefixes
//! the shop's scales print, and whether each carries a weight or a price.

use crate::barcode::{ScaleKind, ScalePrefix, ScaleRules};
use crate::error::{InventoryError, Result};
use chrono::NaiveDateTime;
use db::DbConn;
use db::audit::{self, AuditEntry};
use db::ids::UserId;

/// The settings key of the scale prefixes: `21:weight,23:price`.
pub const SCALE_PREFIXES_KEY: &str = "scale.prefixes";

impl ScaleRules {
    /// The shop's rules: as saved, or the French default when never set.
    pub fn load(conn: &mut DbConn) -> Result<ScaleRules> {
        let Some(stored) = db::settings::get(conn, SCALE_PREFIXES_KEY)? else {
            return Ok(ScaleRules::french_default());
        };
        match decode(&stored) {
            Some(rules) if rules.validate().is_ok() => Ok(rules),
            _ => {
                // Only `save` writes this key; a hand-edited value must not stop the till.
                tracing::warn!(%stored, "unreadable scale prefixes setting, using the default");
                Ok(ScaleRules::french_default())
            }
        }
    }

    /// Saves these rules for every later scan, once validated.
    pub fn save(&self, conn: &mut DbConn, actor: Option<UserId>, at: NaiveDateTime) -> Result<()> {
        self.validate().map_err(InventoryError::ScaleRules)?;
        let value = encode(self);
        db::settings::set(conn, SCALE_PREFIXES_KEY, &value, at)?;
        audit::record(
            conn,
            &AuditEntry {
                at,
                user_id: actor,
                action: "settings.scale_prefixes",
                entity: "settings",
                entity_id: Some(SCALE_PREFIXES_KEY.to_owned()),
                detail: Some(value),
            },
        )?;
        Ok(())
    }
}

fn encode(rules: &ScaleRules) -> String {
    rules
        .prefixes
        .iter()
        .map(|p| {
            let kind = match p.kind {
                ScaleKind::Weight => "weight",
                ScaleKind::Price => "price",
            };
            format!("{:02}:{kind}", p.prefix)
        })
        .collect::<Vec<_>>()
        .join(",")
}

fn decode(stored: &str) -> Option<ScaleRules> {
    let mut prefixes = Vec::new();
    for item in stored.split(',').filter(|i| !i.trim().is_empty()) {
        let (prefix, kind) = item.trim().split_once(':')?;
        let kind = match kind {
            "weight" => ScaleKind::Weight,
            "price" => ScaleKind::Price,
            _ => return None,
        };
        prefixes.push(ScalePrefix {
            prefix: prefix.parse().ok()?,
            kind,
        });
    }
    Some(ScaleRules { prefixes })
}
