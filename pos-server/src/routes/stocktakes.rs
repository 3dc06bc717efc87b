//! `/stocktakes`: count the shelves, validate the differences. Managers and the owner.

use super::products_common::{field_error, typed_quantity};
use super::{attempt_write, read};
use crate::auth::{Authed, AuthedForm, ManagerRole};
use crate::error::{AppError, AppResult, ErrorKind};
use crate::localize::json_error;
use crate::page::{FlashNote, Page, redirect_with, wants_json};
use crate::state::AppState;
use ::web::forms::FormErrors;
use ::web::i18n::Msg;
use ::web::pages::stocktakes::{scanned_row, stocktake_page, stocktakes_page};
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, web};
use inventory::InventoryError;
use inventory::catalogue::categories;
use inventory::stock::locations;
use inventory::stocktake;
use serde::Deserialize;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/stocktakes", web::get().to(list))
        .route("/stocktakes", web::post().to(open))
        .route("/stocktakes/{id}", web::get().to(show))
        .route("/stocktakes/{id}/scan", web::post().to(scan))
        .route("/stocktakes/{id}/counts", web::post().to(counts))
        .route("/stocktakes/{id}/validate", web::post().to(validate))
        .route("/stocktakes/{id}/cancel", web::post().to(cancel));
}

async fn render_list(
    state: &AppState,
    page: &Page,
    errors: &FormErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let (mut all, all_locations, all_categories) =
        read(state, |conn| -> Result<_, InventoryError> {
            Ok((
                stocktake::list(conn)?,
                locations::all(conn)?,
                categories::all(conn)?,
            ))
        })
        .await?;
    for count in &mut all {
        localize_count(state, count);
    }
    Ok(page.respond(
        status,
        stocktakes_page(&page.ctx, &all, &all_locations, &all_categories, errors),
    ))
}

async fn list(
    _user: Authed<ManagerRole>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    render_list(&state, &page, &FormErrors::new(), StatusCode::OK).await
}

#[derive(Deserialize)]
struct OpenForm {
    location_id: Option<i64>,
    #[serde(default)]
    category_id: String,
}

async fn open(
    AuthedForm { user, form }: AuthedForm<ManagerRole, OpenForm>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let category = form.category_id.trim().parse::<i64>().ok();
    let (actor, clock) = (user.user().id, state.clock.clone());
    match attempt_write(&state, move |conn| {
        stocktake::open(
            conn,
            form.location_id,
            category,
            Some(actor),
            clock.now_naive(),
        )
    })
    .await?
    {
        Ok(count) => Ok(redirect_with(
            &format!("/stocktakes/{}", count.id),
            FlashNote::StocktakeOpened,
        )),
        Err(e) => {
            let errors = field_error(&page, e)?;
            render_list(&state, &page, &errors, StatusCode::UNPROCESSABLE_ENTITY).await
        }
    }
}

async fn render_one(
    state: &AppState,
    page: &Page,
    id: i64,
    errors: &FormErrors,
    scanned: Option<&str>,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let mut count = read(state, move |conn| stocktake::get(conn, id)).await?;
    localize_count(state, &mut count);
    Ok(page.respond(status, stocktake_page(&page.ctx, &count, errors, scanned)))
}

async fn show(
    _user: Authed<ManagerRole>,
    state: web::Data<AppState>,
    page: Page,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    render_one(
        &state,
        &page,
        id.into_inner(),
        &FormErrors::new(),
        None,
        StatusCode::OK,
    )
    .await
}

/// A refusal shown at the top of the count (not found, closed…).
fn general(page: &Page, e: InventoryError) -> Result<FormErrors, AppError> {
    match e {
        InventoryError::Db(db) => Err(db.into()),
        other => Ok(FormErrors::new().with("", AppError::from(other).message(page.lang()))),
    }
}

#[derive(Deserialize)]
struct ScanForm {
    #[serde(default)]
    barcode: String,
}

/// Why a scan was refused, and the field it belongs to: the scan field for an
/// unknown code or a product outside the count, the top of the page otherwise
/// (a closed count…).
fn scan_refusal(e: InventoryError) -> Result<(&'static str, AppError), AppError> {
    let refused = |msg| AppError::new(ErrorKind::Unprocessable, msg);
    match e {
        InventoryError::NotFound {
            what: "barcode",
            id,
        } if id.is_empty() => Ok(("barcode", refused(Msg::ScanEmpty))),
        InventoryError::NotFound {
            what: "barcode",
            id,
        } => Ok(("barcode", refused(Msg::ScanUnknownBarcode).arg("code", id))),
        InventoryError::NotFound {
            what: "product in this stocktake",
            id,
        } => Ok(("barcode", refused(Msg::ScanNotInStocktake).arg("name", id))),
        InventoryError::Db(db) => Err(db.into()),
        other => Ok(("", AppError::from(other))),
    }
}

/// A scan adds one. Asked for JSON (`scanning.js`, which posts in the
/// background), the answer is the row to update; otherwise the page comes
/// straight back with the scan field focused, so that a scanner can go on.
async fn scan(
    AuthedForm { form, .. }: AuthedForm<ManagerRole, ScanForm>,
    state: web::Data<AppState>,
    page: Page,
    id: web::Path<i64>,
    req: HttpRequest,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let json = wants_json(&req);
    let scanned = attempt_write(&state, move |conn| {
        let line = stocktake::scan(conn, id, &form.barcode)?;
        Ok::<_, InventoryError>((line, stocktake::progress(conn, id)?))
    })
    .await?;
    match scanned {
        Ok((line, progress)) if json => {
            let row = scanned_row(&page.ctx, &line, progress);
            Ok(HttpResponse::Ok()
                .insert_header(("Cache-Control", "no-store"))
                .json(serde_json::json!({
                    "product_id": row.product_id,
                    "counted": row.counted,
                    "difference": row.difference,
                    "negative": row.negative,
                    "progress": row.progress,
                    "message": row.message,
                })))
        }
        Ok((line, _)) => {
            render_one(
                &state,
                &page,
                id,
                &FormErrors::new(),
                Some(&line.product_name),
                StatusCode::OK,
            )
            .await
        }
        Err(e) => {
            let (field, refusal) = scan_refusal(e)?;
            if json {
                return Ok(json_error(&refusal, page.lang()));
            }
            let errors = FormErrors::new().with(field, refusal.message(page.lang()));
            render_one(
                &state,
                &page,
                id,
                &errors,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

async fn counts(
    AuthedForm { form, .. }: AuthedForm<ManagerRole, Vec<(String, String)>>,
    state: web::Data<AppState>,
    page: Page,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let products: Vec<&str> = form
        .iter()
        .filter(|(k, _)| k == "count_product")
        .map(|(_, v)| v.as_str())
        .collect();
    let quantities: Vec<&str> = form
        .iter()
        .filter(|(k, _)| k == "count_quantity")
        .map(|(_, v)| v.as_str())
        .collect();
    let mut entries = Vec::new();
    for (product, quantity) in products.into_iter().zip(quantities) {
        let Ok(product) = product.parse::<i64>() else {
            continue;
        };
        let counted = match typed_quantity(page.lang(), quantity) {
            Ok(counted) => counted,
            Err(message) => {
                let errors = FormErrors::new().with("", message);
                return render_one(
                    &state,
                    &page,
                    id,
                    &errors,
                    None,
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await;
            }
        };
        entries.push((product, counted));
    }
    let saved = attempt_write(&state, move |conn| {
        entries
            .into_iter()
            .try_for_each(|(product, counted)| stocktake::set_count(conn, id, product, counted))
    })
    .await?;
    match saved {
        Ok(()) => Ok(redirect_with(
            &format!("/stocktakes/{id}"),
            FlashNote::CountsSaved,
        )),
        Err(e) => {
            let errors = general(&page, e)?;
            render_one(
                &state,
                &page,
                id,
                &errors,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

#[derive(Deserialize)]
struct Empty {}

/// The signature of a count's closing (validate, cancel).
type Closing = fn(
    &mut db::DbConn,
    i64,
    Option<db::ids::UserId>,
    chrono::NaiveDateTime,
) -> Result<stocktake::Stocktake, InventoryError>;

/// Closes a count; a refusal (already closed) comes back on its page.
async fn close(
    user: &Authed<ManagerRole>,
    state: &AppState,
    page: &Page,
    id: i64,
    closing: Closing,
    then: (&str, FlashNote),
) -> AppResult<HttpResponse> {
    let (actor, clock) = (user.user().id, state.clock.clone());
    match attempt_write(state, move |conn| {
        closing(conn, id, Some(actor), clock.now_naive())
    })
    .await?
    {
        Ok(_) => Ok(redirect_with(then.0, then.1)),
        Err(e) => {
            let errors = general(page, e)?;
            render_one(state, page, id, &errors, None, StatusCode::CONFLICT).await
        }
    }
}

async fn validate(
    AuthedForm { user, .. }: AuthedForm<ManagerRole, Empty>,
    state: web::Data<AppState>,
    page: Page,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let back = format!("/stocktakes/{id}");
    close(
        &user,
        &state,
        &page,
        id,
        stocktake::validate,
        (&back, FlashNote::StocktakeValidated),
    )
    .await
}

async fn cancel(
    AuthedForm { user, .. }: AuthedForm<ManagerRole, Empty>,
    state: web::Data<AppState>,
    page: Page,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    close(
        &user,
        &state,
        &page,
        id.into_inner(),
        stocktake::cancel,
        ("/stocktakes", FlashNote::StocktakeCancelled),
    )
    .await
}

fn localize_count(state: &AppState, count: &mut stocktake::Stocktake) {
    count.opened_at = state.local(count.opened_at);
    count.closed_at = count.closed_at.map(|at| state.local(at));
}
