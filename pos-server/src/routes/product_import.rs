//! `/products/import`: the product import of the command line, from a page.

use super::attempt_write;
use crate::auth::{Authed, ManagerRole, csrf_token};
use crate::error::{AppError, AppResult, ErrorKind};
use crate::import_text::{csv_error_fr, row_error_fr};
use crate::page::Page;
use crate::state::AppState;
use ::web::forms::FormErrors;
use ::web::i18n::Msg;
use ::web::pages::products::{ImportOutcome, import_page};
use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use futures_util::StreamExt;
use inventory::import::{self, ImportError};
use subtle::ConstantTimeEq;

/// A spreadsheet of a few thousand products fits well under this.
const MAX_FILE: usize = 8 * 1024 * 1024;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/products/import", web::get().to(show))
        .route("/products/import", web::post().to(upload));
}

async fn show(_user: Authed<ManagerRole>, page: Page) -> HttpResponse {
    page.ok(import_page(&page.ctx, None, &FormErrors::new()))
}

/// The multipart body's `_csrf` and `file` fields.
async fn read_parts(mut body: Multipart) -> Result<(String, Vec<u8>), AppError> {
    let too_big = || AppError::bad_request(Msg::ErrBadForm);
    let (mut csrf, mut file) = (String::new(), Vec::new());
    while let Some(field) = body.next().await {
        let mut field = field.map_err(|_| AppError::bad_request(Msg::ErrBadForm))?;
        let name = field
            .content_disposition()
            .and_then(|d| d.get_name())
            .unwrap_or_default()
            .to_owned();
        let mut bytes = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(|_| AppError::bad_request(Msg::ErrBadForm))?;
            if bytes.len() + chunk.len() > MAX_FILE {
                return Err(too_big());
            }
            bytes.extend_from_slice(&chunk);
        }
        match name.as_str() {
            "_csrf" => csrf = String::from_utf8_lossy(&bytes).into_owned(),
            "file" => file = bytes,
            _ => {}
        }
    }
    Ok((csrf, file))
}

async fn upload(
    req: HttpRequest,
    user: Authed<ManagerRole>,
    state: web::Data<AppState>,
    page: Page,
    body: Multipart,
) -> AppResult<HttpResponse> {
    let (csrf, file) = read_parts(body).await?;
    let expected = csrf_token(&req);
    if expected.is_empty() || !bool::from(csrf.as_bytes().ct_eq(expected.as_bytes())) {
        return Err(AppError::new(ErrorKind::Forbidden, Msg::ErrCsrf));
    }
    let refuse = |message: String| {
        page.respond(
            StatusCode::UNPROCESSABLE_ENTITY,
            import_page(&page.ctx, None, &FormErrors::new().with("", message)),
        )
    };
    if file.is_empty() {
        return Ok(refuse(page.t(Msg::ErrNoFile).to_owned()));
    }
    let table = match db::csv_in::read_csv(&file) {
        Ok(table) => table,
        Err(e) => return Ok(refuse(csv_error_fr(&e))),
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
        Err(ImportError::Csv(e)) => Ok(refuse(csv_error_fr(&e))),
        Err(ImportError::Inventory(e)) => Err(e.into()),
    }
}
