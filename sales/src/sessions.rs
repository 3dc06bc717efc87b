//! Cash sessions: open with the counted float, cash in and out with a reason,
//! an X report at any time, close with the counted cash → the Z report, stored
//! as a chained closure.

use crate::error::{Result, SalesError, clean_text};
use crate::ledger::chain_hash;
use crate::ledger::journal::{self, EventKind};
use crate::ledger::rows::ClosureFields;
use crate::report::{self, Report};
use crate::tills::{self, Till};
use chrono::NaiveDateTime;
use db::ids::UserId;
use db::schema::{cash_movements, cash_sessions, closures, tills as tills_t};
use db::{DbConn, Money};
use diesel::prelude::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CashSession {
    pub id: i64,
    pub till_id: i64,
    pub opened_at: NaiveDateTime,
    pub opened_by: i64,
    pub opening_float: Money,
    pub closed_at: Option<NaiveDateTime>,
    pub closed_by: Option<i64>,
    pub expected_cash: Option<Money>,
    pub counted_cash: Option<Money>,
}

type SessionRow = (
    i64,
    i64,
    NaiveDateTime,
    i64,
    i64,
    Option<NaiveDateTime>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
);

const SESSION_COLUMNS: (
    cash_sessions::id,
    cash_sessions::till_id,
    cash_sessions::opened_at,
    cash_sessions::opened_by,
    cash_sessions::opening_float,
    cash_sessions::closed_at,
    cash_sessions::closed_by,
    cash_sessions::expected_cash,
    cash_sessions::counted_cash,
) = (
    cash_sessions::id,
    cash_sessions::till_id,
    cash_sessions::opened_at,
    cash_sessions::opened_by,
    cash_sessions::opening_float,
    cash_sessions::closed_at,
    cash_sessions::closed_by,
    cash_sessions::expected_cash,
    cash_sessions::counted_cash,
);

fn from_row(r: SessionRow) -> CashSession {
    CashSession {
        id: r.0,
        till_id: r.1,
        opened_at: r.2,
        opened_by: r.3,
        opening_float: Money::from_cents(r.4),
        closed_at: r.5,
        closed_by: r.6,
        expected_cash: r.7.map(Money::from_cents),
        counted_cash: r.8.map(Money::from_cents),
    }
}

/// The till's open session, if any.
pub fn current(conn: &mut DbConn, till_id: i64) -> Result<Option<CashSession>> {
    // On the sale's path: the backend's own connection (see `db::native!`).
    Ok(db::native!(conn, |c| cash_sessions::table
        .filter(cash_sessions::till_id.eq(till_id))
        .filter(cash_sessions::closed_at.is_null())
        .select(SESSION_COLUMNS)
        .first::<SessionRow>(c)
        .optional())?
    .map(from_row))
}

pub fn get(conn: &mut DbConn, id: i64) -> Result<CashSession> {
    cash_sessions::table
        .find(id)
        .select(SESSION_COLUMNS)
        .first::<SessionRow>(conn)
        .optional()?
        .map(from_row)
        .ok_or_else(|| SalesError::NotFound {
            what: "cash session",
            id: id.to_string(),
        })
}

/// The open session of a till, or the error the till shows (409).
pub fn require_open(conn: &mut DbConn, till: &Till) -> Result<CashSession> {
    current(conn, till.id)?.ok_or_else(|| SalesError::NoOpenSession(till.code.clone()))
}

pub fn open(
    conn: &mut DbConn,
    till_code: &str,
    opening_float: Money,
    user: UserId,
    at: NaiveDateTime,
) -> Result<CashSession> {
    if opening_float.is_negative() {
        return Err(SalesError::Invalid {
            field: "opening_float",
            reason: "not negative".into(),
        });
    }
    let till = tills::lock(conn, till_code)?;
    if !till.active {
        return Err(SalesError::TillInactive(till.code));
    }
    if current(conn, till.id)?.is_some() {
        return Err(SalesError::SessionAlreadyOpen(till.code));
    }
    diesel::insert_into(cash_sessions::table)
        .values((
            cash_sessions::till_id.eq(till.id),
            cash_sessions::opened_at.eq(at),
            cash_sessions::opened_by.eq(i64::from(user)),
            cash_sessions::opening_float.eq(opening_float.cents()),
        ))
        .execute(conn)?;
    journal::append(
        conn,
        till.id,
        EventKind::SessionOpened,
        None,
        &format!("float {}", opening_float.to_api()),
        Some(user),
        at,
    )?;
    require_open(conn, &till)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CashKind {
    In,
    Out,
}

/// Cash put in or taken out of the drawer during the day, with its reason.
pub fn move_cash(
    conn: &mut DbConn,
    till_code: &str,
    kind: CashKind,
    amount: Money,
    reason: &str,
    user: UserId,
    at: NaiveDateTime,
) -> Result<()> {
    if amount.cents() <= 0 {
        return Err(SalesError::Invalid {
            field: "amount",
            reason: "more than zero".into(),
        });
    }
    let reason = clean_text("reason", reason, 200)?;
    let till = tills::lock(conn, till_code)?;
    let session = require_open(conn, &till)?;
    let (kind_text, event) = match kind {
        CashKind::In => ("in", EventKind::CashIn),
        CashKind::Out => ("out", EventKind::CashOut),
    };
    diesel::insert_into(cash_movements::table)
        .values((
            cash_movements::session_id.eq(session.id),
            cash_movements::kind.eq(kind_text),
            cash_movements::amount.eq(amount.cents()),
            cash_movements::reason.eq(&reason),
            cash_movements::user_id.eq(i64::from(user)),
            cash_movements::at.eq(at),
        ))
        .execute(conn)?;
    journal::append(
        conn,
        till.id,
        event,
        None,
        &format!("{} {reason}", amount.to_api()),
        Some(user),
        at,
    )
}

/// The X report: the open session as it stands.
pub fn x_report(conn: &mut DbConn, till_code: &str) -> Result<Report> {
    let till = tills::by_code(conn, till_code)?;
    let session = require_open(conn, &till)?;
    report::compute(conn, &till, &session, "X")
}

/// A stored Z report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Closure {
    pub id: i64,
    pub till_id: i64,
    pub session_id: i64,
    pub number: i64,
    pub report: Report,
    pub at: NaiveDateTime,
    pub hash: String,
}

/// Closes the open session with the counted cash: the Z report is computed,
/// stored as the till's next chained closure, and the session is closed.
pub fn close(
    conn: &mut DbConn,
    till_code: &str,
    counted_cash: Money,
    user: UserId,
    at: NaiveDateTime,
) -> Result<Closure> {
    if counted_cash.is_negative() {
        return Err(SalesError::Invalid {
            field: "counted_cash",
            reason: "not negative".into(),
        });
    }
    let till = tills::lock(conn, till_code)?;
    let mut session = require_open(conn, &till)?;
    session.closed_at = Some(at);
    session.closed_by = Some(i64::from(user));
    session.counted_cash = Some(counted_cash);
    let report = report::compute(conn, &till, &session, "Z")?;
    diesel::update(cash_sessions::table.find(session.id))
        .set((
            cash_sessions::closed_at.eq(at),
            cash_sessions::closed_by.eq(i64::from(user)),
            cash_sessions::expected_cash.eq(report.expected_cash.cents()),
            cash_sessions::counted_cash.eq(counted_cash.cents()),
        ))
        .execute(conn)?;
    let fields = ClosureFields {
        till_id: till.id,
        session_id: session.id,
        number: till.last_closure_number + 1,
        report: serde_json::to_string(&report).map_err(|e| SalesError::Invalid {
            field: "report",
            reason: e.to_string(),
        })?,
        grand_total: till.grand_total,
        at,
    };
    let hash = chain_hash(&till.last_closure_hash, &fields);
    diesel::insert_into(closures::table)
        .values((
            &fields,
            closures::previous_hash.eq(&till.last_closure_hash),
            closures::hash.eq(&hash),
        ))
        .execute(conn)?;
    diesel::update(tills_t::table.find(till.id))
        .set((
            tills_t::last_closure_number.eq(fields.number),
            tills_t::last_closure_hash.eq(&hash),
        ))
        .execute(conn)?;
    journal::append(
        conn,
        till.id,
        EventKind::SessionClosed,
        None,
        &format!(
            "Z {} counted {} expected {}",
            fields.number,
            counted_cash.to_api(),
            report.expected_cash.to_api()
        ),
        Some(user),
        at,
    )?;
    closure_of(conn, session.id)?.ok_or_else(|| SalesError::NotFound {
        what: "closure",
        id: session.id.to_string(),
    })
}

type ClosureRow = (i64, i64, i64, i64, String, NaiveDateTime, String);

fn closure_from(row: ClosureRow) -> Result<Closure> {
    let report = serde_json::from_str(&row.4).map_err(|e| SalesError::Invalid {
        field: "report",
        reason: e.to_string(),
    })?;
    Ok(Closure {
        id: row.0,
        till_id: row.1,
        session_id: row.2,
        number: row.3,
        report,
        at: row.5,
        hash: row.6,
    })
}

const CLOSURE_COLUMNS: (
    closures::id,
    closures::till_id,
    closures::session_id,
    closures::number,
    closures::report,
    closures::at,
    closures::hash,
) = (
    closures::id,
    closures::till_id,
    closures::session_id,
    closures::number,
    closures::report,
    closures::at,
    closures::hash,
);

/// The Z report of a closed session.
pub fn closure_of(conn: &mut DbConn, session_id: i64) -> Result<Option<Closure>> {
    closures::table
        .filter(closures::session_id.eq(session_id))
        .select(CLOSURE_COLUMNS)
        .first::<ClosureRow>(conn)
        .optional()?
        .map(closure_from)
        .transpose()
}

/// Sessions, newest first, of one till or all.
pub fn history(conn: &mut DbConn, till_id: Option<i64>, limit: i64) -> Result<Vec<CashSession>> {
    let mut query = cash_sessions::table.select(SESSION_COLUMNS).into_boxed();
    if let Some(till_id) = till_id {
        query = query.filter(cash_sessions::till_id.eq(till_id));
    }
    Ok(query
        .order(cash_sessions::opened_at.desc())
        .limit(limit)
        .load::<SessionRow>(conn)?
        .into_iter()
        .map(from_row)
        .collect())
}
