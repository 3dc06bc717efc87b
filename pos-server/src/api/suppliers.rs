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

#[derive(Serialize, ToSchema)]
pub struct SupplierProductOut {
    pub product_id: i64,
    pub product_name: String,
    pub supplier_reference: Option<String>,
    #[schema(value_type = Option<String>)]
    pub cost: Option<db::Money>,
    #[schema(value_type = String)]
    pub pack_size: db::Quantity,
    pub lead_time_days: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct SupplierProductList {
    pub items: Vec<SupplierProductOut>,
}

fn terms_out(all: Vec<suppliers::SupplierProduct>) -> SupplierProductList {
    SupplierProductList {
        items: all
            .into_iter()
            .map(|t| SupplierProductOut {
                product_id: t.product_id,
                product_name: t.product_name,
                supplier_reference: t.supplier_reference,
                cost: t.cost,
                pack_size: t.pack_size,
                lead_time_days: t.lead_time_days,
            })
            .collect(),
    }
}

/// What a supplier sells us, on their terms.
#[utoipa::path(get, path = "/api/v1/suppliers/{id}/products", tag = "purchasing", security(("bearer" = [])), params(("id" = i64, Path, description = "the supplier's id")),
    responses((status = 200, body = SupplierProductList), (status = 404, body = super::openapi::ErrorBody)))]
pub async fn products(
    _caller: ApiAuthed<ManagerRole>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<Json<SupplierProductList>> {
    let id = id.into_inner();
    let all = read(
        &state,
        move |conn| -> Result<_, inventory::InventoryError> {
            suppliers::get(conn, id)?;
            suppliers::catalogue_of(conn, id)
        },
    )
    .await?;
    Ok(Json(terms_out(all)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TermsIn {
    pub supplier_reference: Option<String>,
    /// Cost excluding VAT: `"4.10"`.
    pub cost: Option<String>,
    /// Units per pack: `"12"` (default 1).
    pub pack_size: Option<String>,
    pub lead_time_days: Option<i64>,
}

/// Sets (or replaces) the terms on which a supplier sells a product.
#[utoipa::path(put, path = "/api/v1/suppliers/{id}/products/{product_id}", tag = "purchasing", security(("bearer" = [])), params(("id" = i64, Path, description = "the product's id"), ("product_id" = i64, Path, description = "the product's id")), request_body = TermsIn,
    responses((status = 200, body = SupplierProductList), (status = 404, body = super::openapi::ErrorBody), (status = 422, body = super::openapi::ErrorBody)))]
pub async fn set_terms(
    ApiJson { body, .. }: ApiJson<ManagerRole, TermsIn>,
    state: web::Data<AppState>,
    path: web::Path<(i64, i64)>,
) -> AppResult<Json<SupplierProductList>> {
    let (id, product_id) = path.into_inner();
    let terms = suppliers::SupplierTerms {
        supplier_reference: body.supplier_reference,
        cost: super::fields::optional_money("cost", body.cost.as_deref())?,
        pack_size: super::fields::optional_quantity("pack_size", body.pack_size.as_deref())?,
        lead_time_days: body.lead_time_days,
    };
    let all = write(&state, move |conn| {
        suppliers::set_terms(conn, id, product_id, &terms)?;
        suppliers::catalogue_of(conn, id)
    })
    .await?;
    Ok(Json(terms_out(all)))
}
