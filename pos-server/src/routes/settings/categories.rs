//! `/settings/categories`: rename a category, move it in the tree. Managers and the owner.

use super::super::products_common::field_error_at;
use super::super::{attempt_write, read};
use crate::auth::{Authed, AuthedForm, ManagerRole};
use crate::error::{AppError, AppResult};
use crate::page::{FlashNote, Page, redirect_with};
use crate::state::AppState;
use ::web::forms::FormErrors;
use ::web::i18n::Msg;
use ::web::pages::settings::categories::{CategoryFormValues, categories_page, category_page};
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use inventory::InventoryError;
use inventory::catalogue::categories;
use serde::Deserialize;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/settings/categories", web::get().to(list))
        .route("/settings/categories/{id}", web::get().to(show))
        .route("/settings/categories/{id}/rename", web::post().to(rename))
        .route("/settings/categories/{id}/move", web::post().to(move_to));
}

async fn list(
    _user: Authed<ManagerRole>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let (all, counts) = read(&state, |conn| -> Result<_, InventoryError> {
        Ok((categories::all(conn)?, categories::product_counts(conn)?))
    })
    .await?;
    Ok(page.ok(categories_page(&page.ctx, &all, &counts)))
}

async fn render_one(
    state: &AppState,
    page: &Page,
    id: i64,
    values: Option<CategoryFormValues>,
    errors: &FormErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let (category, all, branch) = read(state, move |conn| -> Result<_, InventoryError> {
        Ok((
            categories::get(conn, id)?,
            categories::all(conn)?,
            categories::with_descendants(conn, id)?,
        ))
    })
    .await?;
    let values = values.unwrap_or_else(|| CategoryFormValues {
        name: category.name.clone(),
        parent: category
            .parent_id
            .map(|p| p.to_string())
            .unwrap_or_default(),
    });
    Ok(page.respond(
        status,
        category_page(&page.ctx, &category, &all, &branch, &values, errors),
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

#[derive(Deserialize)]
struct RenameForm {
    #[serde(default)]
    name: String,
}

async fn rename(
    AuthedForm { user, form }: AuthedForm<ManagerRole, RenameForm>,
    state: web::Data<AppState>,
    page: Page,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let name = form.name.clone();
    let (actor, clock) = (user.user().id, state.clock.clone());
    match attempt_write(&state, move |conn| {
        categories::rename(conn, id, &name, Some(actor), clock.now_naive())
    })
    .await?
    {
        Ok(_) => Ok(redirect_with(
            &format!("/settings/categories/{id}"),
            FlashNote::CategorySaved,
        )),
        Err(e) => {
            let errors = field_error_at(&page, e, "name")?;
            let values = CategoryFormValues {
                name: form.name,
                parent: String::new(),
            };
            render_again(&state, &page, id, values, &errors).await
        }
    }
}

#[derive(Deserialize)]
struct MoveForm {
    #[serde(default)]
    parent: String,
}

async fn move_to(
    AuthedForm { user, form }: AuthedForm<ManagerRole, MoveForm>,
    state: web::Data<AppState>,
    page: Page,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let parent = match form.parent.trim() {
        "" => None,
        typed => match typed.parse::<i64>() {
            Ok(parent) => Some(parent),
            Err(_) => return Err(AppError::bad_request(Msg::ErrBadForm)),
        },
    };
    let (actor, clock) = (user.user().id, state.clock.clone());
    match attempt_write(&state, move |conn| {
        categories::move_to(conn, id, parent, Some(actor), clock.now_naive())
    })
    .await?
    {
        Ok(_) => Ok(redirect_with(
            &format!("/settings/categories/{id}"),
            FlashNote::CategorySaved,
        )),
        Err(e) => {
            let errors = field_error_at(&page, e, "parent")?;
            let values = CategoryFormValues {
                name: String::new(),
                parent: form.parent,
            };
            render_again(&state, &page, id, values, &errors).await
        }
    }
}

/// The category's page with the refused form as typed, the other as saved.
async fn render_again(
    state: &AppState,
    page: &Page,
    id: i64,
    typed: CategoryFormValues,
    errors: &FormErrors,
) -> AppResult<HttpResponse> {
    let saved = read(state, move |conn| categories::get(conn, id)).await?;
    let values = CategoryFormValues {
        name: if errors.get("name").is_some() {
            typed.name
        } else {
            saved.name
        },
        parent: if errors.get("parent").is_some() {
            typed.parent
        } else {
            saved.parent_id.map(|p| p.to_string()).unwrap_or_default()
        },
    };
    render_one(
        state,
        page,
        id,
        Some(values),
        errors,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}
