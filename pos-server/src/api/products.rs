//! `/api/v1/products`: the catalogue, its stock and its movements. Cashiers read
//! (without costs); managers and the owner write.

use super::fields::{self, present};
use crate::auth::{AnyRole, ApiAuthed, ApiJson, ManagerRole};
use crate::error::AppResult;
use crate::routes::{read, write};
use crate::state::AppState;
use actix_web::HttpResponse;
use actix_web::web::{self, Json};
use db::{Money, Quantity, Role};
use inventory::InventoryError;
use inventory::catalogue::products::{self, Search};
use inventory::catalogue::{NewProduct, Product, ProductChanges, Unit};
use inventory::stock::{Movement, MovementKind, movements};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

#[derive(Serialize, ToSchema)]
pub struct ProductOut {
    pub id: i64,
    pub name: String,
    /// The first barcode.
    pub barcode: Option<String>,
    pub barcodes: Vec<String>,
    /// VAT included, decimal string.
    #[schema(value_type = String, example = "4.95")]
    pub price: Money,
    #[schema(example = "5.5")]
    pub vat_rate: String,
    #[schema(example = "piece")]
    pub unit: String,
    pub category: Option<String>,
    pub category_id: Option<i64>,
    /// Managers and the owner only.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>)]
    pub cost: Option<Money>,
    /// Weighted average cost; managers and the owner only.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>)]
    pub average_cost: Option<Money>,
    #[schema(value_type = Option<String>)]
    pub reorder_level: Option<Quantity>,
    pub preferred_supplier_id: Option<i64>,
    pub active: bool,
    /// All locations together, decimal string.
    #[schema(value_type = String, example = "12.000")]
    pub stock: Quantity,
    pub low_stock: bool,
    /// A scale label's weight, when `?barcode=` was one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>)]
    pub scanned_quantity: Option<Quantity>,
    /// A scale label's price, when `?barcode=` was one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>)]
    pub scanned_price: Option<Money>,
}

impl ProductOut {
    pub fn of(p: Product, role: Role) -> ProductOut {
        let sees_costs = role.allows(Role::Manager);
        ProductOut {
            low_stock: p.is_low(),
            barcode: p.barcodes.first().cloned(),
            barcodes: p.barcodes,
            id: p.id,
            name: p.name,
            price: p.price,
            vat_rate: p.vat_code,
            unit: p.unit.as_str().to_owned(),
            category: p.category,
            category_id: p.category_id,
            cost: p.cost.filter(|_| sees_costs),
            average_cost: p.average_cost.filter(|_| sees_costs),
            reorder_level: p.reorder_level,
            preferred_supplier_id: p.preferred_supplier_id,
            active: p.active,
            stock: p.stock,
            scanned_quantity: None,
            scanned_price: None,
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct ProductList {
    pub items: Vec<ProductOut>,
}

#[derive(Deserialize, IntoParams)]
pub struct ProductQuery {
    /// An exact barcode (EAN-13 and UPC-A twins match), or a scale label
    /// (prefixes as set on the settings page; by default 21–22 weight, 23–24
    /// price), whose weight or price is returned.
    pub barcode: Option<String>,
    /// Words of the name, a barcode or a category.
    pub q: Option<String>,
    /// Include archived products.
    pub archived: Option<bool>,
    /// At most this many (default 50, at most 500).
    pub limit: Option<i64>,
}

/// Finds products by barcode or by text.
#[utoipa::path(get, path = "/api/v1/products", tag = "catalogue", security(("bearer" = [])),
    params(ProductQuery), responses((status = 200, body = ProductList), (status = 401, body = super::openapi::ErrorBody)))]
pub async fn list(
    caller: ApiAuthed<AnyRole>,
    state: web::Data<AppState>,
    query: web::Query<ProductQuery>,
) -> AppResult<Json<ProductList>> {
    let query = query.into_inner();
    let role = caller.user.role;
    if let Some(barcode) = query.barcode {
        let scan = read(&state, move |conn| products::resolve_scan(conn, &barcode)).await?;
        let items = scan
            .map(|scan| ProductOut {
                scanned_quantity: scan.quantity,
                scanned_price: scan.price,
                ..ProductOut::of(scan.product, role)
            })
            .into_iter()
            .collect();
        return Ok(Json(ProductList { items }));
    }
    let found = read(
        &state,
        move |conn| -> Result<Vec<Product>, InventoryError> {
            products::search(
                conn,
                &Search {
                    text: query.q,
                    include_archived: query.archived.unwrap_or(false),
                    limit: query.limit.unwrap_or(50).clamp(1, 500),
                    ..Search::default()
                },
            )
        },
    )
    .await?;
    Ok(Json(ProductList {
        items: found.into_iter().map(|p| ProductOut::of(p, role)).collect(),
    }))
}

/// One product.
#[utoipa::path(get, path = "/api/v1/products/{id}", tag = "catalogue", security(("bearer" = [])), params(("id" = i64, Path, description = "the product's id")),
    responses((status = 200, body = ProductOut), (status = 404, body = super::openapi::ErrorBody)))]
pub async fn get(
    caller: ApiAuthed<AnyRole>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<Json<ProductOut>> {
    let id = id.into_inner();
    let product = read(&state, move |conn| products::get(conn, id)).await?;
    Ok(Json(ProductOut::of(product, caller.user.role)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProductIn {
    pub name: String,
    pub barcode: Option<String>,
    #[serde(default)]
    pub barcodes: Vec<String>,
    /// VAT included: `"4.95"` (a decimal string, never a number).
    pub price: String,
    /// `"20"`, `"10"`, `"5.5"`, `"2.1"` or `"0"`.
    pub vat_rate: String,
    /// `piece` (default), `kg`, `l` or `m`.
    pub unit: Option<String>,
    /// A path such as `"Épicerie > Confitures"`, created when missing.
    pub category: Option<String>,
    pub cost: Option<String>,
    pub reorder_level: Option<String>,
    pub preferred_supplier_id: Option<i64>,
}

fn unit(raw: Option<&str>) -> Result<Option<Unit>, InventoryError> {
    raw.map(str::parse).transpose()
}

/// Adds a product.
#[utoipa::path(post, path = "/api/v1/products", tag = "catalogue", security(("bearer" = [])), request_body = ProductIn,
    responses((status = 201, body = ProductOut), (status = 409, description = "barcode taken", body = super::openapi::ErrorBody),
        (status = 422, body = super::openapi::ErrorBody)))]
pub async fn create(
    ApiJson { caller, body }: ApiJson<ManagerRole, ProductIn>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let mut barcodes = body.barcodes;
    if let Some(first) = body.barcode {
        barcodes.insert(0, first);
    }
    let new = NewProduct {
        name: body.name,
        barcodes,
        price: fields::money("price", &body.price)?,
        vat_rate: body.vat_rate,
        unit: unit(body.unit.as_deref())?,
        category: body.category,
        cost: fields::optional_money("cost", body.cost.as_deref())?,
        reorder_level: fields::optional_quantity("reorder_level", body.reorder_level.as_deref())?,
        preferred_supplier_id: body.preferred_supplier_id,
    };
    let actor = caller.user.id;
    let clock = state.clock.clone();
    let product = write(&state, move |conn| {
        products::create(conn, &new, Some(actor), clock.now_naive())
    })
    .await?;
    Ok(HttpResponse::Created().json(ProductOut::of(product, caller.user.role)))
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProductPatch {
    pub name: Option<String>,
    /// Replaces every barcode.
    pub barcodes: Option<Vec<String>>,
    pub price: Option<String>,
    pub vat_rate: Option<String>,
    pub unit: Option<String>,
    /// `null` removes the category.
    #[serde(default, deserialize_with = "present")]
    pub category: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub cost: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub reorder_level: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub preferred_supplier_id: Option<Option<i64>>,
    /// `false` archives the product.
    pub active: Option<bool>,
}

/// Changes a product: only the fields sent.
#[utoipa::path(patch, path = "/api/v1/products/{id}", tag = "catalogue", security(("bearer" = [])), params(("id" = i64, Path, description = "the product's id")), request_body = ProductPatch,
    responses((status = 200, body = ProductOut), (status = 404, body = super::openapi::ErrorBody), (status = 422, body = super::openapi::ErrorBody)))]
pub async fn patch(
    ApiJson { caller, body }: ApiJson<ManagerRole, ProductPatch>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let changes = ProductChanges {
        name: body.name,
        barcodes: body.barcodes,
        price: body
            .price
            .as_deref()
            .map(|p| fields::money("price", p))
            .transpose()?,
        vat_rate: body.vat_rate,
        unit: unit(body.unit.as_deref())?,
        category: body.category,
        cost: body
            .cost
            .map(|c| fields::optional_money("cost", c.as_deref()))
            .transpose()?,
        reorder_level: body
            .reorder_level
            .map(|l| fields::optional_quantity("reorder_level", l.as_deref()))
            .transpose()?,
        preferred_supplier_id: body.preferred_supplier_id,
        active: body.active,
    };
    let (id, actor, clock) = (id.into_inner(), caller.user.id, state.clock.clone());
    let product = write(&state, move |conn| {
        products::update(conn, id, &changes, Some(actor), clock.now_naive())
    })
    .await?;
    Ok(HttpResponse::Ok().json(ProductOut::of(product, caller.user.role)))
}

#[derive(Serialize, ToSchema)]
pub struct MovementOut {
    pub id: i64,
    /// `sale`, `return`, `receipt`, `adjustment`, `stocktake` or `transfer`.
    #[schema(value_type = String)]
    pub kind: MovementKind,
    /// Signed decimal string.
    #[schema(value_type = String, example = "-2.000")]
    pub quantity: Quantity,
    pub location_id: i64,
    pub location: String,
    pub reason: Option<String>,
    pub reference: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>)]
    pub unit_cost: Option<Money>,
    pub user_id: Option<i64>,
    /// UTC.
    pub at: String,
}

impl MovementOut {
    pub fn of(m: Movement, role: Role) -> MovementOut {
        MovementOut {
            id: m.id,
            kind: m.kind,
            quantity: m.quantity,
            location_id: m.location_id,
            location: m.location,
            reason: m.reason,
            reference: m.reference,
            unit_cost: m.unit_cost.filter(|_| role.allows(Role::Manager)),
            user_id: m.user_id,
            at: m.at.and_utc().to_rfc3339(),
        }
    }
}

#[derive(Serialize, ToSchema)]
pub struct MovementList {
    pub items: Vec<MovementOut>,
}

/// A product's stock movements, newest first.
#[utoipa::path(get, path = "/api/v1/products/{id}/movements", tag = "stock", security(("bearer" = [])), params(("id" = i64, Path, description = "the product's id")),
    responses((status = 200, body = MovementList), (status = 404, body = super::openapi::ErrorBody)))]
pub async fn movements(
    caller: ApiAuthed<AnyRole>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<Json<MovementList>> {
    let id = id.into_inner();
    let found = read(
        &state,
        move |conn| -> Result<Vec<Movement>, InventoryError> {
            products::get(conn, id)?;
            movements::for_product(conn, id, 500)
        },
    )
    .await?;
    let role = caller.user.role;
    Ok(Json(MovementList {
        items: found
            .into_iter()
            .map(|m| MovementOut::of(m, role))
            .collect(),
    }))
}
