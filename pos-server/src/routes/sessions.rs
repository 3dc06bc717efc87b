//! `/sessions`: the cash sessions, newest first; `/sessions/{id}`: the X
//! report of an open one or the stored Z report of a closed one, to print.
//! Managers and the owner.

use super::read;
use crate::auth::{Authed, ManagerRole};
use crate::error::AppResult;
use crate::page::Page;
use crate::state::AppState;
use ::web::pages::sales::{ReportView, SessionRow, report_page, sessions_page};
use actix_web::{HttpResponse, web};
use db::accounts::users;
use sales::{SalesError, sessions, tills};
use serde::Deserialize;
use std::collections::HashMap;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/sessions", web::get().to(list))
        .route("/sessions/{id}", web::get().to(show));
}

/// Everyone's name by id: sessions and reports name people by id.
async fn names(state: &AppState) -> AppResult<HashMap<i64, String>> {
    Ok(read(state, users::list)
        .await?
        .into_iter()
        .map(|u| (u.id.0, u.display_name))
        .collect())
}

fn name_of(names: &HashMap<i64, String>, id: i64) -> String {
    names.get(&id).cloned().unwrap_or_else(|| format!("#{id}"))
}

#[derive(Deserialize)]
struct SessionsQuery {
    till: Option<String>,
}

async fn list(
    _user: Authed<ManagerRole>,
    state: web::Data<AppState>,
    page: Page,
    query: web::Query<SessionsQuery>,
) -> AppResult<HttpResponse> {
    let till = query
        .into_inner()
        .till
        .map(|t| t.trim().to_uppercase())
        .filter(|t| !t.is_empty());
    let chosen = till.clone();
    let (tills, history) = read(&state, move |conn| -> Result<_, SalesError> {
        let tills = tills::all(conn)?;
        let till_id = match &chosen {
            Some(code) => Some(tills::by_code(conn, code)?.id),
            None => None,
        };
        Ok((tills, sessions::history(conn, till_id, 300)?))
    })
    .await?;
    let names = names(&state).await?;
    let codes: HashMap<i64, &str> = tills.iter().map(|t| (t.id, t.code.as_str())).collect();
    let rows: Vec<SessionRow> = history
        .into_iter()
        .map(|s| SessionRow {
            id: s.id,
            till_code: codes
                .get(&s.till_id)
                .copied()
                .unwrap_or_default()
                .to_owned(),
            opened_at: state.local(s.opened_at),
            opened_by: name_of(&names, s.opened_by),
            closed_at: s.closed_at.map(|at| state.local(at)),
            closed_by: s.closed_by.map(|id| name_of(&names, id)),
            opening_float: s.opening_float,
            expected_cash: s.expected_cash,
            counted_cash: s.counted_cash,
        })
        .collect();
    let codes: Vec<String> = tills.into_iter().map(|t| t.code).collect();
    Ok(page.ok(sessions_page(&page.ctx, &rows, &codes, till.as_deref())))
}

async fn show(
    _user: Authed<ManagerRole>,
    state: web::Data<AppState>,
    page: Page,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let (till, session, report, closure) = read(&state, move |conn| -> Result<_, SalesError> {
        let session = sessions::get(conn, id)?;
        let till = tills::get(conn, session.till_id)?;
        if session.closed_at.is_some() {
            let closure = sessions::closure_of(conn, id)?.ok_or_else(|| SalesError::NotFound {
                what: "closure",
                id: id.to_string(),
            })?;
            let report = closure.report.clone();
            Ok((till, session, report, Some(closure)))
        } else {
            let report = sessions::x_report(conn, &till.code)?;
            Ok((till, session, report, None))
        }
    })
    .await?;
    let names = names(&state).await?;
    let at = match &closure {
        Some(c) => c.at,
        None => state.clock.now_naive(),
    };
    let closed_by = session.closed_by.map(|id| name_of(&names, id));
    let opened_by = name_of(&names, session.opened_by);
    let view = ReportView {
        report: &report,
        till_name: &till.name,
        at: state.local(at),
        opened_at: state.local(session.opened_at),
        opened_by: &opened_by,
        closed_by: closed_by.as_deref(),
        closure: closure.as_ref().map(|c| (c.number, c.hash.as_str())),
    };
    Ok(page.ok(report_page(&page.ctx, &view)))
}
