//! `/customers/export.csv` and `/customers/export.vcf`: the customer file as
//! `comptoir export customers [--vcard]` writes it (live fiches only), as a
//! dated download for managers and the owner; a bulk export, audited.

use super::write;
use crate::auth::{Authed, ManagerRole};
use crate::error::AppResult;
use crate::state::AppState;
use actix_web::{HttpResponse, web};
use customers::export::{self, ExportFormat};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/customers/export.csv", web::get().to(csv))
        .route("/customers/export.vcf", web::get().to(vcard));
}

async fn csv(user: Authed<ManagerRole>, state: web::Data<AppState>) -> AppResult<HttpResponse> {
    download(&user, &state, ExportFormat::Csv).await
}

async fn vcard(user: Authed<ManagerRole>, state: web::Data<AppState>) -> AppResult<HttpResponse> {
    download(&user, &state, ExportFormat::Vcard).await
}

async fn download(
    user: &Authed<ManagerRole>,
    state: &AppState,
    format: ExportFormat,
) -> AppResult<HttpResponse> {
    let (actor, now) = (user.user().id, state.clock.now_naive());
    let bytes = write(state, move |conn| {
        export::export_file(conn, format, Some(actor), now, "page")
    })
    .await?;
    let content_type = match format {
        ExportFormat::Csv => "text/csv; charset=utf-8",
        ExportFormat::Vcard => "text/vcard; charset=utf-8",
    };
    // Named after the shop's day, so that successive exports sort by date.
    let day = state.local(now).format("%Y-%m-%d");
    Ok(HttpResponse::Ok()
        .content_type(content_type)
        .insert_header(("Cache-Control", "no-store"))
        .insert_header((
            "Content-Disposition",
            format!(
                "attachment; filename=\"clients-{day}.{}\"",
                format.extension()
            ),
        ))
        .body(bytes))
}
