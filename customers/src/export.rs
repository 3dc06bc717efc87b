//! The whole customer file out, as the import reads it back (CSV) or as
//! contact applications read it (vCard): a bulk export of personal data,
//! written to the audit log with who asked and how many fiches went out. The
//! command line and the customer pages both go through here.

use crate::error::Result;
use crate::{gdpr, import};
use chrono::NaiveDateTime;
use db::DbConn;
use db::ids::UserId;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// `import::EXPORT_HEADERS`, one row per fiche.
    Csv,
    /// vCard 3.0.
    Vcard,
}

impl ExportFormat {
    /// The file's extension, also its name in the audit log.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Vcard => "vcf",
        }
    }
}

/// The live fiches (neither anonymised nor merged away) as a file, audited
/// as `customers.view` (`cli export csv (12)`: `via`, the format and the
/// number of fiches).
pub fn export_file(
    conn: &mut DbConn,
    format: ExportFormat,
    user: Option<UserId>,
    at: NaiveDateTime,
    via: &str,
) -> Result<Vec<u8>> {
    let (bytes, count) = match format {
        ExportFormat::Csv => {
            let rows = import::export_rows(conn)?;
            let count = rows.len();
            (db::csv_in::write_csv(&import::EXPORT_HEADERS, rows), count)
        }
        ExportFormat::Vcard => {
            let cards = import::vcards(conn)?;
            let count = cards.matches("BEGIN:VCARD\r\n").count();
            (cards.into_bytes(), count)
        }
    };
    let what = format!("{via} export {}", format.extension());
    gdpr::audit_view(conn, user, at, &what, count)?;
    Ok(bytes)
}
