//! The stylesheet and the scanning script, embedded in the binary (a shop may
//! have no internet).

use actix_web::{HttpResponse, web};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/static/style.css", web::get().to(style))
        .route("/static/scanning.js", web::get().to(scanning))
        .route("/static/till.js", web::get().to(till));
}

async fn style() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/css; charset=utf-8")
        .insert_header(("Cache-Control", "public, max-age=3600"))
        .body(::web::assets::STYLE_CSS)
}

async fn scanning() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/javascript; charset=utf-8")
        .insert_header(("Cache-Control", "public, max-age=3600"))
        .body(::web::assets::SCANNING_JS)
}

async fn till() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/javascript; charset=utf-8")
        .insert_header(("Cache-Control", "public, max-age=3600"))
        .body(::web::assets::TILL_JS)
}
