//! `/purchase-orders`: order from suppliers, receive what arrives. Managers and the owner.

use super::products_common::{field_error, quantity_message, typed_money};
use super::{attempt_write, read};
use crate::auth::{Authed, AuthedForm, ManagerRole};
use crate::error::{AppError, AppResult};
use crate::page::{FlashNote, Page, redirect_with};
use crate::state::AppState;
use ::web::forms::FormErrors;
use ::web::i18n::Msg;
use ::web::pages::purchasing::{
    OrderLineValues, ReceiveState, new_order_page, order_page, orders_page,
};
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use db::{Money, Quantity};
use inventory::InventoryError;
use inventory::catalogue::products::{self, Search};
use inventory::purchasing::{self, NewOrderLine, ReceiptWarning};
use inventory::stock::locations;
use inventory::suppliers;
use serde::Deserialize;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/purchase-orders", web::get().to(list))
        .route("/purchase-orders", web::post().to(create))
        .route("/purchase-orders/new", web::get().to(new_form))
        .route("/purchase-orders/suggestions", web::get().to(suggestions))
        .route(
            "/purchase-orders/suggestions",
            web::post().to(create_suggested),
        )
        .route("/purchase-orders/{id}", web::get().to(show))
        .route("/purchase-orders/{id}/pdf", web::get().to(pdf))
        .route("/purchase-orders/{id}/send", web::post().to(send))
        .route("/purchase-orders/{id}/cancel", web::post().to(cancel))
        .route(
            "/purchase-orders/{id}/receive",
            web::post().to(super::receiving::receive),
        );
}

async fn list(
    _user: Authed<ManagerRole>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let orders: Vec<_> = read(&state, |conn| purchasing::list_orders(conn, None, 500))
        .await?
        .into_iter()
        .map(|o| localized(&state, o))
        .collect();
    Ok(page.ok(orders_page(&page.ctx, &orders)))
}

#[derive(Deserialize)]
struct NewQuery {
    supplier: Option<i64>,
}

async fn render_new(
    state: &AppState,
    page: &Page,
    supplier_id: Option<i64>,
    notes: &str,
    lines: &[OrderLineValues],
    errors: &FormErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let (all_suppliers, all_products) = read(state, |conn| -> Result<_, InventoryError> {
        Ok((
            suppliers::list(conn)?,
            products::search(
                conn,
                &Search {
                    limit: 5000,
                    ..Search::default()
                },
            )?,
        ))
    })
    .await?;
    let markup = new_order_page(
        &page.ctx,
        &all_suppliers,
        supplier_id,
        notes,
        lines,
        errors,
        &all_products,
    );
    Ok(page.respond(status, markup))
}

async fn new_form(
    _user: Authed<ManagerRole>,
    state: web::Data<AppState>,
    page: Page,
    query: web::Query<NewQuery>,
) -> AppResult<HttpResponse> {
    render_new(
        &state,
        &page,
        query.supplier,
        "",
        &[],
        &FormErrors::new(),
        StatusCode::OK,
    )
    .await
}

/// The values of every field named `name`, in order (forms repeat line fields).
pub(super) fn all_of<'a>(pairs: &'a [(String, String)], name: &str) -> Vec<&'a str> {
    pairs
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .collect()
}

/// An order with its times in the shop's time zone, for display.
pub(crate) fn localized(state: &AppState, mut order: purchasing::Order) -> purchasing::Order {
    order.created_at = state.local(order.created_at);
    order.sent_at = order.sent_at.map(|at| state.local(at));
    order.updated_at = state.local(order.updated_at);
    order
}

pub(super) fn one_of<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    all_of(pairs, name).first().copied().unwrap_or_default()
}

async fn create(
    AuthedForm { user, form }: AuthedForm<ManagerRole, Vec<(String, String)>>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let supplier_id = one_of(&form, "supplier_id").parse::<i64>().ok();
    let notes = one_of(&form, "notes").to_owned();
    let typed: Vec<OrderLineValues> = all_of(&form, "line_product")
        .into_iter()
        .zip(all_of(&form, "line_quantity"))
        .zip(all_of(&form, "line_unit_cost"))
        .map(|((product, quantity), unit_cost)| OrderLineValues {
            product: product.into(),
            quantity: quantity.into(),
            unit_cost: unit_cost.into(),
        })
        .collect();
    let lang = page.lang();
    let lines_in = typed.clone();
    // Resolve the lines (reads) and create the order (writes) in one transaction.
    let outcome = attempt_write(&state, {
        let clock = state.clock.clone();
        let actor = user.user().id;
        let notes = notes.clone();
        move |conn| -> Result<Result<i64, FormErrors>, InventoryError> {
            let mut errors = FormErrors::new();
            let mut lines = Vec::new();
            for (i, line) in lines_in.iter().enumerate() {
                if line.product.trim().is_empty() && line.quantity.trim().is_empty() {
                    continue;
                }
                let field = format!("line_{i}");
                let Some(product) = products::resolve_typed(conn, &line.product)? else {
                    errors.add(
                        field,
                        AppError::new(
                            crate::error::ErrorKind::Unprocessable,
                            Msg::ErrUnknownProduct,
                        )
                        .arg("value", line.product.trim())
                        .message(lang),
                    );
                    continue;
                };
                let quantity =
                    Quantity::parse(&line.quantity).map_err(|e| quantity_message(lang, &e));
                let cost = typed_money(lang, "unit_cost", &line.unit_cost).map(|typed| {
                    typed
                        .or(product.cost)
                        .or(product.average_cost)
                        .unwrap_or(Money::ZERO)
                });
                match (quantity, cost) {
                    (Ok(quantity), Ok(unit_cost)) => lines.push(NewOrderLine {
                        product_id: product.id,
                        quantity,
                        unit_cost,
                    }),
                    (Err(message), _) | (_, Err(message)) => errors.add(field, message),
                }
            }
            let Some(supplier_id) = supplier_id else {
                errors.add(
                    "supplier_id",
                    AppError::from(InventoryError::NotFound {
                        what: "supplier",
                        id: String::new(),
                    })
                    .message(lang),
                );
                return Ok(Err(errors));
            };
            if !errors.is_empty() {
                return Ok(Err(errors));
            }
            let order = purchasing::create_order(
                conn,
                supplier_id,
                &lines,
                Some(&notes),
                Some(actor),
                clock.now_naive(),
            )?;
            Ok(Ok(order.id))
        }
    })
    .await?;
    let errors = match outcome {
        Ok(Ok(id)) => {
            return Ok(redirect_with(
                &format!("/purchase-orders/{id}"),
                FlashNote::OrderCreated,
            ));
        }
        Ok(Err(errors)) => errors,
        Err(e) => field_error(&page, e)?,
    };
    render_new(
        &state,
        &page,
        supplier_id,
        &notes,
        &typed,
        &errors,
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

/// The order's page; `receive` is its receive form's state (the scan codes
/// of its products are looked up here).
pub(super) async fn render_order(
    state: &AppState,
    page: &Page,
    id: i64,
    warnings: &[ReceiptWarning],
    errors: &FormErrors,
    status: StatusCode,
    mut receive: ReceiveState,
) -> AppResult<HttpResponse> {
    let (order, all_locations, codes) = read(state, move |conn| -> Result<_, InventoryError> {
        let mut all = locations::all(conn)?;
        all.sort_by_key(|l| !l.is_sales_floor);
        let order = purchasing::get_order(conn, id)?;
        let ids: Vec<i64> = order.lines.iter().map(|line| line.product_id).collect();
        let codes = products::scan_codes(conn, &ids)?;
        Ok((order, all, codes))
    })
    .await?;
    receive.scan_codes = codes;
    Ok(page.respond(
        status,
        order_page(
            &page.ctx,
            &order,
            &all_locations,
            warnings,
            errors,
            true,
            &receive,
        ),
    ))
}

#[derive(Deserialize)]
struct ShowQuery {
    /// `?scan=1`: the receive form's quantities start at 0, to be scanned.
    #[serde(default)]
    scan: Option<String>,
}

async fn show(
    _user: Authed<ManagerRole>,
    state: web::Data<AppState>,
    page: Page,
    id: web::Path<i64>,
    query: web::Query<ShowQuery>,
) -> AppResult<HttpResponse> {
    let receive = ReceiveState {
        scan_mode: query.scan.as_deref() == Some("1"),
        ..ReceiveState::default()
    };
    render_order(
        &state,
        &page,
        id.into_inner(),
        &[],
        &FormErrors::new(),
        StatusCode::OK,
        receive,
    )
    .await
}

#[derive(Deserialize)]
struct Empty {}

/// The signature of an order's status change (send, cancel).
type OrderChange = fn(
    &mut db::DbConn,
    i64,
    Option<db::ids::UserId>,
    chrono::NaiveDateTime,
) -> Result<purchasing::Order, InventoryError>;

/// Applies a status change; a refusal (the order moved on) comes back on its page.
async fn change_status(
    user: &Authed<ManagerRole>,
    state: &AppState,
    page: &Page,
    id: i64,
    change: OrderChange,
    note: FlashNote,
) -> AppResult<HttpResponse> {
    let (actor, clock) = (user.user().id, state.clock.clone());
    match attempt_write(state, move |conn| {
        change(conn, id, Some(actor), clock.now_naive())
    })
    .await?
    {
        Ok(_) => Ok(redirect_with(&format!("/purchase-orders/{id}"), note)),
        Err(e) => {
            let errors = field_error(page, e)?;
            render_order(
                state,
                page,
                id,
                &[],
                &errors,
                StatusCode::CONFLICT,
                ReceiveState::default(),
            )
            .await
        }
    }
}

async fn send(
    AuthedForm { user, .. }: AuthedForm<ManagerRole, Empty>,
    state: web::Data<AppState>,
    page: Page,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    change_status(
        &user,
        &state,
        &page,
        id.into_inner(),
        purchasing::mark_sent,
        FlashNote::OrderSent,
    )
    .await
}

async fn cancel(
    AuthedForm { user, .. }: AuthedForm<ManagerRole, Empty>,
    state: web::Data<AppState>,
    page: Page,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    change_status(
        &user,
        &state,
        &page,
        id.into_inner(),
        purchasing::cancel,
        FlashNote::OrderCancelled,
    )
    .await
}

async fn suggestions(
    _user: Authed<ManagerRole>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let groups = read(&state, inventory::reorder::suggestions).await?;
    Ok(page.ok(::web::pages::reorder::reorder_page(&page.ctx, &groups)))
}

/// One draft order per supplier, from the suggestions.
async fn create_suggested(
    AuthedForm { user, .. }: AuthedForm<ManagerRole, Empty>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let (actor, clock) = (user.user().id, state.clock.clone());
    super::write(&state, move |conn| {
        inventory::reorder::create_drafts(conn, Some(actor), clock.now_naive())
    })
    .await?;
    Ok(redirect_with("/purchase-orders", FlashNote::DraftsCreated))
}

/// The order as a PDF to send to the supplier.
async fn pdf(
    _user: Authed<ManagerRole>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let (order, supplier) = read(&state, move |conn| -> Result<_, InventoryError> {
        let order = purchasing::get_order(conn, id)?;
        let supplier = suppliers::get(conn, order.supplier_id)?;
        Ok((order, supplier))
    })
    .await?;
    let issued = state.local(order.created_at).date();
    let bytes =
        ::web::documents::purchase_order_pdf(&order, &supplier, &state.config.shop_name, issued)
            .map_err(AppError::internal)?;
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            "Content-Disposition",
            format!(
                "inline; filename=\"{}.pdf\"",
                ::web::pages::purchasing::order_number(id)
            ),
        ))
        .body(bytes))
}
