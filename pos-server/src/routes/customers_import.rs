//! `/customers/import`: the customer import of the command line, from a page
//! (managers and the owner). Same semantics: the whole file one transaction,
//! every good line imported, every other one listed (bad value or likely
//! duplicate), a file the CSV reader refuses writes nothing. Audited as the
//! command line's is: each fiche's creation (`customer.create`, source
//! `import`), with the user who sent the file.

use super::attempt_write;
use super::upload::read_upload;
use crate::auth::{Authed, ManagerRole};
use crate::error::AppResult;
use crate::import_text::{csv_error_fr, customer_row_error_fr};
use crate::page::Page;
use crate::state::AppState;
use ::web::forms::FormErrors;
use ::web::pages::customers::import::{CustomerImportOutcome, DuplicateLine, customer_import_page};
use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use customers::import::{self, ImportError, ImportReport, RowError};
use customers::{CustomerError, fiche};
use db::DbConn;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/customers/import", web::get().to(show))
        .route("/customers/import", web::post().to(upload));
}

async fn show(_user: Authed<ManagerRole>, page: Page) -> HttpResponse {
    page.ok(customer_import_page(&page.ctx, None, &FormErrors::new()))
}

async fn upload(
    req: HttpRequest,
    user: Authed<ManagerRole>,
    state: web::Data<AppState>,
    page: Page,
    body: Multipart,
) -> AppResult<HttpResponse> {
    let refuse = |status, message: String| {
        page.respond(
            status,
            customer_import_page(&page.ctx, None, &FormErrors::new().with("", message)),
        )
    };
    let file = match read_upload(&req, body).await? {
        Ok(file) => file,
        Err(refusal) => return Ok(refuse(refusal.status, page.t(refusal.msg).to_owned())),
    };
    let table = match db::csv_in::read_csv(&file) {
        Ok(table) => table,
        Err(e) => return Ok(refuse(StatusCode::UNPROCESSABLE_ENTITY, csv_error_fr(&e))),
    };
    let (actor, clock) = (user.user().id, state.clock.clone());
    let outcome = attempt_write(&state, move |conn| -> Result<_, ImportError> {
        let report =
            import::import_customers(conn, &table, Some(actor), clock.now_naive(), &mut |_| {})?;
        Ok(outcome_of(conn, &report)?)
    })
    .await?;
    match outcome {
        Ok(outcome) => Ok(page.ok(customer_import_page(
            &page.ctx,
            Some(&outcome),
            &FormErrors::new(),
        ))),
        Err(ImportError::Csv(e)) => Ok(refuse(StatusCode::UNPROCESSABLE_ENTITY, csv_error_fr(&e))),
        Err(ImportError::Customer(e)) => Err(e.into()),
    }
}

/// The report in words, each likely duplicate with the fiche it matches: one
/// on file, or the one the earlier line of the file made.
fn outcome_of(
    conn: &mut DbConn,
    report: &ImportReport,
) -> Result<CustomerImportOutcome, CustomerError> {
    let mut outcome = CustomerImportOutcome {
        created: report.created,
        ..CustomerImportOutcome::default()
    };
    for rejected in &report.rejected {
        let reason = customer_row_error_fr(&rejected.error);
        let existing = match rejected.error {
            RowError::DuplicateOnFile { id, .. } => Some(id),
            RowError::DuplicateInFile { line, .. } => report.created_at_line(line),
            _ => {
                outcome.rejected.push((rejected.line, reason));
                continue;
            }
        };
        let existing = match existing {
            Some(id) => Some((id, fiche::get(conn, id)?.display_name())),
            None => None,
        };
        outcome.duplicates.push(DuplicateLine {
            line: rejected.line,
            reason,
            existing,
        });
    }
    Ok(outcome)
}
