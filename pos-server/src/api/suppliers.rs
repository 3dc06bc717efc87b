//! `/api/v1/suppliers`: managers and the owner.

use crate::auth::{ApiAuthed, ApiJson, ManagerRole};
use crate::error::AppResult;
use crate::routes::{read, write};
use crate::state::AppState;
use actix_web::HttpResponse;
use actix_web::web::{self, Json};
use inventory::suppliers::{self, Supplier, SupplierInput};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, ToSchema)]
pub struct SupplierOut {
    pub id: i64,
    pub name: String,
    pub contact_name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub siret: Option<String>,
    pub notes: Option<String>,
    pub active: bool,
}

impl From<Supplier> for SupplierOut {
    fn from(s: Supplier) -> Self {
        SupplierOut {
            id: s.id,
            name: s.name,
            contact_name: s.contact_name,
            email: s.email,
            phone: s.phone,
            address: s.address,
            siret: s.siret,
            notes: s.notes,
            active: s.active,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct SupplierList {
    pub items: Vec<SupplierOut>,
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SupplierIn {
    pub name: String,
    pub contact_name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    /// 14 digits.
    pub siret: Option<String>,
    pub notes: Option<String>,
}

/// Every supplier, active ones first.
#[utoipa::path(get, path = "/api/v1/suppliers", tag = "purchasing", security(("bearer" = [])),
    responses((status = 200, body = SupplierList), (status = 403, body = super::openapi::ErrorBody)))]
pub async fn list(
    _caller: ApiAuthed<ManagerRole>,
    state: web::Data<AppState>,
) -> AppResult<Json<SupplierList>> {
    let all = read(&state, suppliers::list).await?;
    Ok(Json(SupplierList {
        items: all.into_iter().map(SupplierOut::from).collect(),
    }))
}

/// Adds a supplier.
#[utoipa::path(post, path = "/api/v1/suppliers", tag = "purchasing", security(("bearer" = [])), request_body = SupplierIn,
    responses((status = 201, body = SupplierOut), (status = 422, body = super::openapi::ErrorBody)))]
pub async fn create(
    ApiJson { caller, body }: ApiJson<ManagerRole, SupplierIn>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let input = SupplierInput {
        name: body.name,
        contact_name: body.contact_name,
        email: body.email,
        phone: body.phone,
        address: body.address,
        siret: body.siret,
        notes: body.notes,
    };
    let (actor, clock) = (caller.user.id, state.clock.clone());
    let supplier = write(&state, move |conn| {
        suppliers::create(conn, &input, Some(actor), clock.now_naive())
    })
    .await?;
    Ok(HttpResponse::Created().json(SupplierOut::from(supplier)))
}
