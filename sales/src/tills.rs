//! Tills: the owner configures them (code, name, printer, drawer); each keeps
//! the heads of its chains (last ticket, perpetual grand total, journal, closures).

use crate::error::{Result, SalesError, clean_text, optional_text};
use chrono::NaiveDateTime;
use db::native::Bind;
use db::schema::tills;
use db::{DbConn, Money};
use diesel::prelude::*;

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = tills)]
pub struct Till {
    pub id: i64,
    pub shop_id: i64,
    pub code: String,
    pub name: String,
    pub printer: Option<String>,
    pub printer_columns: i64,
    pub drawer_on_cash: bool,
    pub active: bool,
    pub last_number: i64,
    pub last_hash: String,
    pub grand_total: i64,
    pub training_last_number: i64,
    pub last_event_number: i64,
    pub last_event_hash: String,
    pub last_closure_number: i64,
    pub last_closure_hash: String,
}

impl Till {
    pub fn grand_total(&self) -> Money {
        Money::from_cents(self.grand_total)
    }
}

/// What the owner types for a till.
#[derive(Debug, Clone)]
pub struct TillFields<'a> {
    pub code: &'a str,
    pub name: &'a str,
    /// `tcp://host:9100` or `file:/path`; empty: no printer.
    pub printer: Option<&'a str>,
    pub printer_columns: i64,
    pub drawer_on_cash: bool,
}

/// A till code: letters, digits and dashes, 1 to 20, upper-cased.
pub fn clean_code(raw: &str) -> Result<String> {
    let code = raw.trim().to_uppercase();
    if (1..=20).contains(&code.len())
        && code
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        Ok(code)
    } else {
        Err(SalesError::Invalid {
            field: "code",
            reason: "1 to 20 letters, digits or dashes".into(),
        })
    }
}

/// Checks a printer address: `tcp://host:port` or `file:/path`.
pub fn clean_printer(raw: Option<&str>) -> Result<Option<String>> {
    let Some(address) = optional_text(raw) else {
        return Ok(None);
    };
    let valid = if let Some(rest) = address.strip_prefix("tcp://") {
        rest.rsplit_once(':').is_some_and(|(host, port)| {
            !host.is_empty() && port.parse::<u16>().is_ok_and(|p| p > 0)
        })
    } else if let Some(path) = address.strip_prefix("file:") {
        path.starts_with('/')
    } else {
        false
    };
    if valid {
        Ok(Some(address))
    } else {
        Err(SalesError::Invalid {
            field: "printer",
            reason: "tcp://host:port or file:/path".into(),
        })
    }
}

fn check(fields: &TillFields<'_>) -> Result<(String, String, Option<String>)> {
    if ![42, 48].contains(&fields.printer_columns) {
        return Err(SalesError::Invalid {
            field: "printer_columns",
            reason: "42 or 48".into(),
        });
    }
    Ok((
        clean_code(fields.code)?,
        clean_text("name", fields.name, 80)?,
        clean_printer(fields.printer)?,
    ))
}

pub fn create(
    conn: &mut DbConn,
    shop_id: i64,
    fields: &TillFields<'_>,
    at: NaiveDateTime,
) -> Result<Till> {
    let (code, name, printer) = check(fields)?;
    if find(conn, &code)?.is_some() {
        return Err(SalesError::DuplicateTill(code));
    }
    diesel::insert_into(tills::table)
        .values((
            tills::shop_id.eq(shop_id),
            tills::code.eq(&code),
            tills::name.eq(name),
            tills::printer.eq(printer),
            tills::printer_columns.eq(fields.printer_columns),
            tills::drawer_on_cash.eq(fields.drawer_on_cash),
            tills::created_at.eq(at),
            tills::updated_at.eq(at),
        ))
        .execute(conn)?;
    by_code(conn, &code)
}

/// Changes the name, printer and drawer; the code stays (tickets name it).
pub fn update(
    conn: &mut DbConn,
    code: &str,
    fields: &TillFields<'_>,
    active: bool,
    at: NaiveDateTime,
) -> Result<Till> {
    let till = by_code(conn, code)?;
    let (_, name, printer) = check(&TillFields {
        code: &till.code,
        ..fields.clone()
    })?;
    diesel::update(tills::table.find(till.id))
        .set((
            tills::name.eq(name),
            tills::printer.eq(printer),
            tills::printer_columns.eq(fields.printer_columns),
            tills::drawer_on_cash.eq(fields.drawer_on_cash),
            tills::active.eq(active),
            tills::updated_at.eq(at),
        ))
        .execute(conn)?;
    by_code(conn, &till.code)
}

pub fn find(conn: &mut DbConn, code: &str) -> Result<Option<Till>> {
    let code = code.trim().to_uppercase();
    Ok(db::native!(conn, |c| tills::table
        .filter(tills::code.eq(&code))
        .select(Till::as_select())
        .first(c)
        .optional())?)
}

pub fn by_code(conn: &mut DbConn, code: &str) -> Result<Till> {
    find(conn, code)?.ok_or_else(|| SalesError::NotFound {
        what: "till",
        id: code.to_owned(),
    })
}

pub fn get(conn: &mut DbConn, id: i64) -> Result<Till> {
    tills::table
        .find(id)
        .select(Till::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| SalesError::NotFound {
            what: "till",
            id: id.to_string(),
        })
}

pub fn all(conn: &mut DbConn) -> Result<Vec<Till>> {
    Ok(tills::table
        .order(tills::code.asc())
        .select(Till::as_select())
        .load(conn)?)
}

/// Takes the till's row for the rest of the transaction, then reads it: on
/// PostgreSQL a second sale on the same till waits here, so numbers follow
/// each other without gaps (SQLite has one writer anyway).
pub fn lock(conn: &mut DbConn, code: &str) -> Result<Till> {
    let code = code.trim().to_uppercase();
    // A fixed UPDATE, prepared once (see `db::native!`).
    let touched = db::native!(conn, |c| db::fixed!(
        "UPDATE tills SET last_number = last_number WHERE code = ?",
        [Bind::Text(&code)]
    )
    .execute(c))?;
    if touched == 0 {
        return Err(SalesError::NotFound {
            what: "till",
            id: code,
        });
    }
    by_code(conn, &code)
}
