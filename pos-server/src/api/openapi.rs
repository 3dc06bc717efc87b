//! The OpenAPI document, generated from the handlers' annotations.

use actix_web::HttpResponse;
use serde::Serialize;
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi, ToSchema};

#[derive(OpenApi)]
#[openapi(
    info(title = "Comptoir API", description = "The till and back office of a small shop. \
        Amounts, rates and quantities travel as decimal strings; errors as \
        {\"error\": {\"code\", \"message\"}}."),
    paths(
        crate::routes::health::health,
        super::me::me,
        super::users::list,
        super::users::create,
        super::products::list,
        super::products::get,
        super::products::create,
        super::products::patch,
        super::products::movements,
        super::suppliers::list,
        super::suppliers::create,
        super::suppliers::products,
        super::suppliers::set_terms,
        super::purchasing::create,
        super::purchasing::get,
        super::purchasing::receive,
        super::purchasing::adjust,
        super::tills::list,
        super::tills::create,
        super::tills::open,
        super::tills::current,
        super::tills::cash,
        super::tills::close,
        super::tills::hold,
        super::tills::held,
        super::tills::take,
        super::cards::get,
        super::customers::create,
        super::customers::list,
        super::customers::get,
        super::customers::export,
        super::customers::erase,
        super::sales::create,
        super::sales::get,
        super::sales::list,
        super::sales::print,
        super::sales::refund,
        super::sales::email,
        super::sales::blind_refund,
    ),
    components(schemas(ErrorBody, ErrorDetail)),
    modifiers(&BearerAuth),
)]
pub struct ApiDoc;

/// The shape of every API error.
#[derive(Serialize, ToSchema)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Serialize, ToSchema)]
pub struct ErrorDetail {
    /// Stable: `bad_request`, `unauthorized`, `forbidden`, `not_found`, `conflict`,
    /// `unprocessable`, `too_many_requests`, `internal`, `unavailable`.
    pub code: String,
    /// A sentence for people, in the language of `Accept-Language` (French by default).
    pub message: String,
}

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

pub async fn document() -> HttpResponse {
    HttpResponse::Ok().json(ApiDoc::openapi())
}
