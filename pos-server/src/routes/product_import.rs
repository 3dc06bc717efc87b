//! `/products/import`: the product import of the command line, from a page.

use super::attempt_write;
use super::upload::read_upload;
use crate::auth::{Authed, ManagerRole};
use crate::error::AppResult;
use crate::import_text::{csv_error_fr, row_error_fr};
use crate::page::Page;
use crate::state::AppState;
use ::web::forms::FormErrors;
use ::web::pages::products::{ImportOutcome, import_page};
use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use inventory::import::{self, ImportError};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/products/import", web::get().to(show))
        .route("/products/import", web::post().to(upload));
}

async fn show(_user: Authed<ManagerRole>, page: Page) -> HttpResponse {
    page.ok(import_page(&page.ctx, None, &FormErrors::new()))
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
            import_page(&page.ctx, None, &FormErrors::new().with("", message)),
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
    let report = attempt_write(&state, move |conn| {
        import::import_products(conn, &table, Some(actor), clock.now_naive(), &mut |_| {})
    })
    .await?;
    match report {
        Ok(report) => {
            let outcome = ImportOutcome {
                created: report.created,
                updated: report.updated,
                rejected: report
                    .rejected
                    .iter()
                    .map(|r| (r.line, row_error_fr(&r.error)))
                    .collect(),
            };
            Ok(page.ok(import_page(&page.ctx, Some(&outcome), &FormErrors::new())))
        }
        Err(ImportError::Csv(e)) => Ok(refuse(StatusCode::UNPROCESSABLE_ENTITY, csv_error_fr(&e))),
        Err(ImportError::Inventory(e)) => Err(e.into()),
    }
}
