//! `/products`: the catalogue and its stock. Everyone may look (cashiers without
//! costs); managers and the owner change.

use super::products_common::{
    amount_message, field_error, keep, quantity_message, typed_money, typed_quantity,
};
use super::{attempt_write, read};
use crate::auth::{AnyRole, Authed, AuthedForm, ManagerRole};
use crate::error::{AppError, AppResult};
use crate::page::{FlashNote, Page, redirect_with};
use crate::state::AppState;
use ::web::forms::FormErrors;
use ::web::pages::products::{
    ProductDetail, ProductFormValues, ProductsView, product_form_page, product_page, product_rows,
    products_page,
};
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use db::{Money, Quantity, Role};
use inventory::InventoryError;
use inventory::catalogue::products::{self, Search};
use inventory::catalogue::{NewProduct, Product, ProductChanges, Unit, categories};
use inventory::stock::{locations, movements};
use inventory::{suppliers, vat};
use serde::Deserialize;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/static/products.js", web::get().to(script))
        .route("/products", web::get().to(list))
        .route("/products", web::post().to(create))
        .route("/products/search", web::get().to(search_rows))
        .route("/products/export.csv", web::get().to(export_csv))
        .route("/products/new", web::get().to(new_form))
        .route("/products/{id}", web::get().to(show))
        .route("/products/{id}", web::post().to(update))
        .route("/products/{id}/edit", web::get().to(edit_form))
        .route("/products/{id}/adjust", web::post().to(adjust))
        .route("/products/{id}/transfer", web::post().to(transfer));
}

async fn script() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/javascript; charset=utf-8")
        .insert_header(("Cache-Control", "public, max-age=3600"))
        .body(::web::assets::PRODUCTS_JS)
}

fn sees_costs(role: Role) -> bool {
    role.allows(Role::Manager)
}

#[derive(Deserialize, Default)]
struct ListQuery {
    q: Option<String>,
    category: Option<String>,
    low: Option<String>,
}

impl ListQuery {
    fn search(&self) -> Search {
        Search {
            text: self.q.clone(),
            category_id: self.category.as_deref().and_then(|c| c.parse().ok()),
            low_stock_only: self.low.is_some(),
            limit: 200,
            ..Search::default()
        }
    }
}

async fn list(
    user: Authed<AnyRole>,
    state: web::Data<AppState>,
    page: Page,
    query: web::Query<ListQuery>,
) -> AppResult<HttpResponse> {
    let query = query.into_inner();
    let search = query.search();
    let category_id = search.category_id;
    let (found, all_categories) = read(&state, move |conn| -> Result<_, InventoryError> {
        Ok((products::search(conn, &search)?, categories::all(conn)?))
    })
    .await?;
    let view = ProductsView {
        query: query.q.as_deref().unwrap_or_default(),
        category_id,
        low_only: query.low.is_some(),
        categories: &all_categories,
        products: &found,
        show_costs: sees_costs(user.role()),
        can_edit: sees_costs(user.role()),
    };
    Ok(page.ok(products_page(&page.ctx, &view)))
}

/// The rows alone, for the search-as-you-type script.
async fn search_rows(
    user: Authed<AnyRole>,
    state: web::Data<AppState>,
    page: Page,
    query: web::Query<ListQuery>,
) -> AppResult<HttpResponse> {
    let search = query.into_inner().search();
    let found = read(&state, move |conn| products::search(conn, &search)).await?;
    let rows = product_rows(&page.ctx, &found, sees_costs(user.role()));
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header(("Cache-Control", "no-store"))
        .body(rows.into_string()))
}

/// What the product form needs besides its values.
struct FormLists {
    vat_rates: Vec<vat::VatRate>,
    categories: Vec<categories::Category>,
    suppliers: Vec<suppliers::Supplier>,
}

async fn form_lists(state: &AppState) -> AppResult<FormLists> {
    let today = state.clock.now_naive().date();
    read(state, move |conn| -> Result<_, InventoryError> {
        Ok(FormLists {
            vat_rates: vat::in_force(conn, today)?,
            categories: categories::all(conn)?,
            suppliers: suppliers::list(conn)?,
        })
    })
    .await
}

async fn render_form(
    state: &AppState,
    page: &Page,
    id: Option<i64>,
    values: &ProductFormValues,
    errors: &FormErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let lists = form_lists(state).await?;
    let markup = product_form_page(
        &page.ctx,
        id,
        values,
        errors,
        &lists.vat_rates,
        &lists.categories,
        &lists.suppliers,
    );
    Ok(page.respond(status, markup))
}

async fn new_form(
    _user: Authed<ManagerRole>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let values = ProductFormValues {
        vat_rate: "20".into(),
        unit: "piece".into(),
        ..ProductFormValues::new()
    };
    render_form(
        &state,
        &page,
        None,
        &values,
        &FormErrors::new(),
        StatusCode::OK,
    )
    .await
}

#[derive(Deserialize)]
struct ProductForm {
    name: String,
    #[serde(default)]
    barcodes: String,
    #[serde(default)]
    price: String,
    #[serde(default)]
    vat_rate: String,
    #[serde(default)]
    unit: String,
    #[serde(default)]
    category: String,
    #[serde(default)]
    cost: String,
    #[serde(default)]
    reorder_level: String,
    #[serde(default)]
    preferred_supplier_id: String,
    active: Option<String>,
}

impl ProductForm {
    fn values(&self) -> ProductFormValues {
        ProductFormValues {
            name: self.name.clone(),
            barcodes: self.barcodes.clone(),
            price: self.price.clone(),
            vat_rate: self.vat_rate.clone(),
            unit: self.unit.clone(),
            category: self.category.clone(),
            cost: self.cost.clone(),
            reorder_level: self.reorder_level.clone(),
            preferred_supplier_id: self.preferred_supplier_id.clone(),
            active: self.active.is_some(),
        }
    }

    fn barcodes(&self) -> Vec<String> {
        self.barcodes
            .split([',', ';', '\n', '\r', ' '])
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_owned)
            .collect()
    }

    /// The typed fields as values, or the errors next to their fields.
    fn parse(&self, page: &Page) -> Result<Parsed, FormErrors> {
        let mut errors = FormErrors::new();
        let lang = page.lang();
        // The price is required: a blank one is "not an amount" like any other.
        let price = Money::parse(&self.price)
            .map_err(|e| errors.add("price", amount_message(lang, "price", &e)))
            .ok();
        let cost = keep(&mut errors, "cost", typed_money(lang, "cost", &self.cost));
        let reorder_level = keep(
            &mut errors,
            "reorder_level",
            typed_quantity(lang, &self.reorder_level),
        );
        let unit = match self.unit.parse::<Unit>() {
            Ok(u) => Some(u),
            Err(e) => {
                errors.add("unit", AppError::from(e).message(page.lang()));
                None
            }
        };
        let supplier = match self.preferred_supplier_id.trim() {
            "" => None,
            raw => raw.parse::<i64>().ok(),
        };
        match (price, unit) {
            (Some(price), Some(unit)) if errors.is_empty() => Ok(Parsed {
                price,
                cost,
                reorder_level,
                unit,
                supplier,
            }),
            _ => Err(errors),
        }
    }
}

struct Parsed {
    price: Money,
    cost: Option<Money>,
    reorder_level: Option<Quantity>,
    unit: Unit,
    supplier: Option<i64>,
}

async fn create(
    AuthedForm { user, form }: AuthedForm<ManagerRole, ProductForm>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let values = form.values();
    let parsed = match form.parse(&page) {
        Ok(p) => p,
        Err(errors) => {
            return render_form(
                &state,
                &page,
                None,
                &values,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let new = NewProduct {
        name: form.name.clone(),
        barcodes: form.barcodes(),
        price: parsed.price,
        vat_rate: form.vat_rate.clone(),
        unit: Some(parsed.unit),
        category: Some(form.category.clone()),
        cost: parsed.cost,
        reorder_level: parsed.reorder_level,
        preferred_supplier_id: parsed.supplier,
    };
    let (actor, clock) = (user.user().id, state.clock.clone());
    let created = attempt_write(&state, move |conn| {
        products::create(conn, &new, Some(actor), clock.now_naive())
    })
    .await?;
    match created {
        Ok(product) => Ok(redirect_with(
            &format!("/products/{}", product.id),
            FlashNote::ProductSaved,
        )),
        Err(e) => {
            let errors = field_error(&page, e)?;
            render_form(
                &state,
                &page,
                None,
                &values,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

fn values_of(p: &Product) -> ProductFormValues {
    ProductFormValues {
        name: p.name.clone(),
        barcodes: p.barcodes.join("\n"),
        price: p.price.to_api().replace('.', ","),
        vat_rate: p.vat_code.clone(),
        unit: p.unit.as_str().to_owned(),
        category: p.category.clone().unwrap_or_default(),
        cost: p
            .cost
            .map(|c| c.to_api().replace('.', ","))
            .unwrap_or_default(),
        reorder_level: p.reorder_level.map(Quantity::to_french).unwrap_or_default(),
        preferred_supplier_id: p
            .preferred_supplier_id
            .map(|s| s.to_string())
            .unwrap_or_default(),
        active: p.active,
    }
}

async fn edit_form(
    _user: Authed<ManagerRole>,
    state: web::Data<AppState>,
    page: Page,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let product = read(&state, move |conn| products::get(conn, id)).await?;
    render_form(
        &state,
        &page,
        Some(id),
        &values_of(&product),
        &FormErrors::new(),
        StatusCode::OK,
    )
    .await
}

async fn update(
    AuthedForm { user, form }: AuthedForm<ManagerRole, ProductForm>,
    state: web::Data<AppState>,
    page: Page,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let values = form.values();
    let parsed = match form.parse(&page) {
        Ok(p) => p,
        Err(errors) => {
            return render_form(
                &state,
                &page,
                Some(id),
                &values,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await;
        }
    };
    let changes = ProductChanges {
        name: Some(form.name.clone()),
        barcodes: Some(form.barcodes()),
        price: Some(parsed.price),
        vat_rate: Some(form.vat_rate.clone()),
        unit: Some(parsed.unit),
        category: Some(Some(form.category.clone())),
        cost: Some(parsed.cost),
        reorder_level: Some(parsed.reorder_level),
        preferred_supplier_id: Some(parsed.supplier),
        active: Some(form.active.is_some()),
    };
    let (actor, clock) = (user.user().id, state.clock.clone());
    let updated = attempt_write(&state, move |conn| {
        products::update(conn, id, &changes, Some(actor), clock.now_naive())
    })
    .await?;
    match updated {
        Ok(_) => Ok(redirect_with(
            &format!("/products/{id}"),
            FlashNote::ProductSaved,
        )),
        Err(e) => {
            let errors = field_error(&page, e)?;
            render_form(
                &state,
                &page,
                Some(id),
                &values,
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

async fn render_detail(
    state: &AppState,
    page: &Page,
    id: i64,
    role: Role,
    errors: &FormErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let (product, levels, mut moves, all_locations) =
        read(state, move |conn| -> Result<_, InventoryError> {
            Ok((
                products::get(conn, id)?,
                movements::levels(conn, id)?,
                movements::for_product(conn, id, 100)?,
                locations::all(conn)?,
            ))
        })
        .await?;
    // Shown in the shop's time, as everything a person reads.
    for m in &mut moves {
        m.at = state.local(m.at);
    }
    let detail = ProductDetail {
        product: &product,
        levels: &levels,
        movements: &moves,
        locations: &all_locations,
        show_costs: sees_costs(role),
        can_edit: sees_costs(role),
    };
    Ok(page.respond(status, product_page(&page.ctx, &detail, errors)))
}

/// The product's page again, with what was refused.
async fn unprocessable_detail(
    state: &AppState,
    page: &Page,
    id: i64,
    role: Role,
    errors: &FormErrors,
) -> AppResult<HttpResponse> {
    render_detail(
        state,
        page,
        id,
        role,
        errors,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

async fn show(
    user: Authed<AnyRole>,
    state: web::Data<AppState>,
    page: Page,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    render_detail(
        &state,
        &page,
        id.into_inner(),
        user.role(),
        &FormErrors::new(),
        StatusCode::OK,
    )
    .await
}

#[derive(Deserialize)]
struct AdjustForm {
    #[serde(default)]
    quantity: String,
    #[serde(default)]
    reason: String,
    location_id: Option<i64>,
}

async fn adjust(
    AuthedForm { user, form }: AuthedForm<ManagerRole, AdjustForm>,
    state: web::Data<AppState>,
    page: Page,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let role = user.role();
    let quantity = match Quantity::parse(&form.quantity) {
        Ok(q) => q,
        Err(e) => {
            let errors = FormErrors::new().with("quantity", quantity_message(page.lang(), &e));
            return unprocessable_detail(&state, &page, id, role, &errors).await;
        }
    };
    if form.reason.trim().is_empty() {
        let errors = FormErrors::new().with("reason", page.t(::web::i18n::Msg::ErrReasonRequired));
        return unprocessable_detail(&state, &page, id, role, &errors).await;
    }
    let (actor, clock) = (user.user().id, state.clock.clone());
    let result = attempt_write(&state, move |conn| {
        movements::adjust(
            conn,
            id,
            form.location_id,
            quantity,
            &form.reason,
            Some(actor),
            clock.now_naive(),
        )
    })
    .await?;
    match result {
        Ok(_) => Ok(redirect_with(
            &format!("/products/{id}"),
            FlashNote::StockAdjusted,
        )),
        Err(e) => {
            let errors = field_error(&page, e)?;
            unprocessable_detail(&state, &page, id, role, &errors).await
        }
    }
}

#[derive(Deserialize)]
struct TransferForm {
    from_location_id: i64,
    to_location_id: i64,
    #[serde(default)]
    quantity: String,
}

async fn transfer(
    AuthedForm { user, form }: AuthedForm<ManagerRole, TransferForm>,
    state: web::Data<AppState>,
    page: Page,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let (actor, clock, role) = (user.user().id, state.clock.clone(), user.role());
    let quantity = match Quantity::parse(&form.quantity) {
        Ok(q) => q,
        Err(e) => {
            // The transfer form's own quantity field, not the adjustment's.
            let errors =
                FormErrors::new().with("transfer_quantity", quantity_message(page.lang(), &e));
            return unprocessable_detail(&state, &page, id, role, &errors).await;
        }
    };
    let result = attempt_write(&state, move |conn| {
        movements::transfer(
            conn,
            id,
            form.from_location_id,
            form.to_location_id,
            quantity,
            Some(actor),
            clock.now_naive(),
        )
    })
    .await?;
    match result {
        Ok(()) => Ok(redirect_with(
            &format!("/products/{id}"),
            FlashNote::StockTransferred,
        )),
        Err(InventoryError::InvalidQuantity { reason }) => {
            let message =
                AppError::from(InventoryError::InvalidQuantity { reason }).message(page.lang());
            let errors = FormErrors::new().with("transfer_quantity", message);
            unprocessable_detail(&state, &page, id, role, &errors).await
        }
        Err(e) => {
            let errors = field_error(&page, e)?;
            unprocessable_detail(&state, &page, id, role, &errors).await
        }
    }
}

/// The catalogue as a spreadsheet (the format `comptoir import products` reads).
async fn export_csv(
    _user: Authed<ManagerRole>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let rows = read(&state, inventory::import::export_rows).await?;
    let bytes = db::csv_in::write_csv(&inventory::import::EXPORT_HEADERS, rows);
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            "Content-Disposition",
            "attachment; filename=\"produits.csv\"",
        ))
        .body(bytes))
}
