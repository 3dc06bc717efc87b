//! `/suppliers`: managers and the owner.

use super::products_common::{field_error, keep, typed_money, typed_quantity};
use super::{attempt_write, read};
use crate::auth::{Authed, AuthedForm, ManagerRole};
use crate::error::AppError;
use crate::error::AppResult;
use crate::page::{FlashNote, Page, redirect_with};
use crate::state::AppState;
use ::web::forms::FormErrors;
use ::web::i18n::Msg;
use ::web::pages::suppliers::{SupplierFormValues, supplier_page, suppliers_page};
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use inventory::InventoryError;
use inventory::catalogue::products;
use inventory::purchasing;
use inventory::suppliers::{self, Supplier, SupplierInput, SupplierTerms};
use serde::Deserialize;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/suppliers", web::get().to(list))
        .route("/suppliers", web::post().to(create))
        .route("/suppliers/{id}", web::get().to(show))
        .route("/suppliers/{id}", web::post().to(update))
        .route("/suppliers/{id}/terms", web::post().to(set_terms));
}

#[derive(Deserialize)]
struct SupplierForm {
    name: String,
    #[serde(default)]
    contact_name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    address: String,
    #[serde(default)]
    siret: String,
    #[serde(default)]
    notes: String,
    active: Option<String>,
}

impl SupplierForm {
    fn values(&self) -> SupplierFormValues {
        SupplierFormValues {
            name: self.name.clone(),
            contact_name: self.contact_name.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            address: self.address.clone(),
            siret: self.siret.clone(),
            notes: self.notes.clone(),
            active: self.active.is_some(),
        }
    }

    fn input(&self) -> SupplierInput {
        SupplierInput {
            name: self.name.clone(),
            contact_name: Some(self.contact_name.clone()),
            email: Some(self.email.clone()),
            phone: Some(self.phone.clone()),
            address: Some(self.address.clone()),
            siret: Some(self.siret.clone()),
            notes: Some(self.notes.clone()),
        }
    }
}

fn values_of(s: &Supplier) -> SupplierFormValues {
    let text = |v: &Option<String>| v.clone().unwrap_or_default();
    SupplierFormValues {
        name: s.name.clone(),
        contact_name: text(&s.contact_name),
        email: text(&s.email),
        phone: text(&s.phone),
        address: text(&s.address),
        siret: text(&s.siret),
        notes: text(&s.notes),
        active: s.active,
    }
}

async fn render_list(
    state: &AppState,
    page: &Page,
    values: &SupplierFormValues,
    errors: &FormErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let all = read(state, suppliers::list).await?;
    Ok(page.respond(status, suppliers_page(&page.ctx, &all, values, errors)))
}

async fn list(
    _user: Authed<ManagerRole>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    render_list(
        &state,
        &page,
        &SupplierFormValues::new(),
        &FormErrors::new(),
        StatusCode::OK,
    )
    .await
}

async fn create(
    AuthedForm { user, form }: AuthedForm<ManagerRole, SupplierForm>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let input = form.input();
    let (actor, clock) = (user.user().id, state.clock.clone());
    match attempt_write(&state, move |conn| {
        suppliers::create(conn, &input, Some(actor), clock.now_naive())
    })
    .await?
    {
        Ok(supplier) => Ok(redirect_with(
            &format!("/suppliers/{}", supplier.id),
            FlashNote::SupplierSaved,
        )),
        Err(e) => {
            let errors = field_error(&page, e)?;
            render_list(
                &state,
                &page,
                &form.values(),
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

async fn render_one(
    state: &AppState,
    page: &Page,
    id: i64,
    values: Option<SupplierFormValues>,
    errors: &FormErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let (supplier, catalogue, orders) = read(state, move |conn| -> Result<_, InventoryError> {
        let supplier = suppliers::get(conn, id)?;
        let orders = purchasing::list_orders(conn, None, 500)?
            .into_iter()
            .filter(|o| o.supplier_id == id)
            .collect::<Vec<_>>();
        Ok((supplier, suppliers::catalogue_of(conn, id)?, orders))
    })
    .await?;
    let orders: Vec<_> = orders
        .into_iter()
        .map(|o| super::purchasing::localized(state, o))
        .collect();
    let values = values.unwrap_or_else(|| values_of(&supplier));
    Ok(page.respond(
        status,
        supplier_page(&page.ctx, &supplier, &catalogue, &orders, &values, errors),
    ))
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
        None,
        &FormErrors::new(),
        StatusCode::OK,
    )
    .await
}

async fn update(
    AuthedForm { user, form }: AuthedForm<ManagerRole, SupplierForm>,
    state: web::Data<AppState>,
    page: Page,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let input = form.input();
    let active = form.active.is_some();
    let (actor, clock) = (user.user().id, state.clock.clone());
    match attempt_write(&state, move |conn| {
        suppliers::update(conn, id, &input, active, Some(actor), clock.now_naive())
    })
    .await?
    {
        Ok(_) => Ok(redirect_with(
            &format!("/suppliers/{id}"),
            FlashNote::SupplierSaved,
        )),
        Err(e) => {
            let errors = field_error(&page, e)?;
            render_one(
                &state,
                &page,
                id,
                Some(form.values()),
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

#[derive(Deserialize)]
struct TermsForm {
    #[serde(default)]
    product: String,
    #[serde(default)]
    supplier_reference: String,
    #[serde(default)]
    cost: String,
    #[serde(default)]
    pack_size: String,
    #[serde(default)]
    lead_time_days: String,
}

/// Records what a supplier sells us of a product, on their terms.
async fn set_terms(
    AuthedForm { form, .. }: AuthedForm<ManagerRole, TermsForm>,
    state: web::Data<AppState>,
    page: Page,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let lang = page.lang();
    let mut errors = FormErrors::new();
    let cost = keep(&mut errors, "cost", typed_money(lang, "cost", &form.cost));
    let pack_size = keep(
        &mut errors,
        "pack_size",
        typed_quantity(lang, &form.pack_size),
    );
    let lead_time_days = match form.lead_time_days.trim() {
        "" => None,
        raw => raw
            .parse::<i64>()
            .map_err(|_| errors.add("lead_time_days", page.t(Msg::ErrLeadTime)))
            .ok(),
    };
    if !errors.is_empty() {
        return render_one(
            &state,
            &page,
            id,
            None,
            &errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let typed = form.product.clone();
    let terms = SupplierTerms {
        supplier_reference: Some(form.supplier_reference),
        cost,
        pack_size,
        lead_time_days,
    };
    let saved = attempt_write(&state, move |conn| -> Result<Option<()>, InventoryError> {
        let Some(product) = products::resolve_typed(conn, &typed)? else {
            return Ok(None);
        };
        suppliers::set_terms(conn, id, product.id, &terms).map(Some)
    })
    .await?;
    let errors = match saved {
        Ok(Some(())) => {
            return Ok(redirect_with(
                &format!("/suppliers/{id}"),
                FlashNote::TermsSaved,
            ));
        }
        Ok(None) => FormErrors::new().with(
            "product",
            AppError::new(
                crate::error::ErrorKind::Unprocessable,
                Msg::ErrUnknownProduct,
            )
            .arg("value", form.product.trim())
            .message(lang),
        ),
        Err(e) => field_error(&page, e)?,
    };
    render_one(
        &state,
        &page,
        id,
        None,
        &errors,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}
