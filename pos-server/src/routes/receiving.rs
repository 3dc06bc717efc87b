//! `POST /purchase-orders/{id}/receive`: the receive form. A code in its scan
//! field (posted without JavaScript: `scanning.js` counts scans in the page)
//! adds one to that product's line and sends the form back as typed; otherwise
//! the typed quantities become a receipt. Managers and the owner.

use super::attempt_write;
use super::products_common::{field_error, quantity_message, typed_money};
use super::purchasing::{all_of, one_of, render_order};
use super::read;
use crate::auth::{AuthedForm, ManagerRole};
use crate::error::AppResult;
use crate::page::Page;
use crate::state::AppState;
use ::web::forms::FormErrors;
use ::web::i18n::{Msg, tf};
use ::web::pages::purchasing::ReceiveState;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use db::Quantity;
use inventory::InventoryError;
use inventory::catalogue::products;
use inventory::purchasing::{self, ReceiveLine};
use std::collections::HashMap;

/// One line of the form as typed.
struct TypedLine {
    product_id: i64,
    quantity: String,
    unit_cost: String,
}

/// The lines as typed, in the form's order (its fields repeat per line).
fn typed_lines(form: &[(String, String)]) -> Vec<TypedLine> {
    all_of(form, "receive_product")
        .into_iter()
        .zip(all_of(form, "receive_quantity"))
        .zip(all_of(form, "receive_unit_cost"))
        .filter_map(|((product, quantity), cost)| {
            Some(TypedLine {
                product_id: product.parse::<i64>().ok()?,
                quantity: quantity.to_owned(),
                unit_cost: cost.to_owned(),
            })
        })
        .collect()
}

/// The form sent back as it was typed.
fn as_typed(form: &[(String, String)], lines: &[TypedLine]) -> ReceiveState {
    ReceiveState {
        scan_mode: one_of(form, "scan_mode") == "1",
        typed: Some(
            lines
                .iter()
                .map(|l| (l.product_id, (l.quantity.clone(), l.unit_cost.clone())))
                .collect::<HashMap<_, _>>(),
        ),
        location: Some(one_of(form, "location_id").to_owned()),
        ..ReceiveState::default()
    }
}

/// A parsed optional value (`Some(None)` when blank), or its error filed at the
/// top of the order (and `None`, so the line is skipped).
fn keep_or_skip<T>(
    errors: &mut FormErrors,
    parsed: Result<Option<T>, String>,
) -> Option<Option<T>> {
    match parsed {
        Ok(value) => Some(value),
        Err(message) => {
            errors.add("", message);
            None
        }
    }
}

pub(super) async fn receive(
    AuthedForm { user, form }: AuthedForm<ManagerRole, Vec<(String, String)>>,
    state: web::Data<AppState>,
    page: Page,
    id: web::Path<i64>,
) -> AppResult<HttpResponse> {
    let id = id.into_inner();
    let typed = typed_lines(&form);
    let scan = one_of(&form, "scan").trim();
    if !scan.is_empty() {
        let back = as_typed(&form, &typed);
        return add_scan(&state, &page, id, scan.to_owned(), back).await;
    }
    let location_id = one_of(&form, "location_id").parse::<i64>().ok();
    let mut lines = Vec::new();
    let mut errors = FormErrors::new();
    for line in &typed {
        if line.quantity.trim().is_empty() {
            continue;
        }
        let quantity = match Quantity::parse(&line.quantity) {
            Ok(q) if q.is_zero() => continue,
            Ok(q) => q,
            Err(e) => {
                errors.add("", quantity_message(page.lang(), &e));
                continue;
            }
        };
        let Some(unit_cost) = keep_or_skip(
            &mut errors,
            typed_money(page.lang(), "unit_cost", &line.unit_cost),
        ) else {
            continue;
        };
        lines.push(ReceiveLine {
            product_id: line.product_id,
            quantity,
            unit_cost,
        });
    }
    if !errors.is_empty() {
        return render_order(
            &state,
            &page,
            id,
            &[],
            &errors,
            StatusCode::UNPROCESSABLE_ENTITY,
            as_typed(&form, &typed),
        )
        .await;
    }
    let (actor, clock) = (user.user().id, state.clock.clone());
    match attempt_write(&state, move |conn| {
        purchasing::receive(
            conn,
            id,
            &lines,
            location_id,
            Some(actor),
            clock.now_naive(),
        )
    })
    .await?
    {
        // Shown at once (not after a redirect) so that the warnings are seen.
        Ok(receipt) => {
            let mut page = page;
            page.ctx.flash = Some(::web::layout::Flash {
                kind: ::web::layout::FlashKind::Success,
                text: page.t(Msg::FlashGoodsReceived).to_owned(),
            });
            render_order(
                &state,
                &page,
                id,
                &receipt.warnings,
                &FormErrors::new(),
                StatusCode::OK,
                ReceiveState::default(),
            )
            .await
        }
        Err(e) => {
            let errors = field_error(&page, e)?;
            render_order(
                &state,
                &page,
                id,
                &[],
                &errors,
                StatusCode::UNPROCESSABLE_ENTITY,
                as_typed(&form, &typed),
            )
            .await
        }
    }
}

/// A scan without JavaScript: one more on the scanned product's line (a line
/// left blank counts from 0), the other lines as typed. Nothing is written.
async fn add_scan(
    state: &AppState,
    page: &Page,
    id: i64,
    code: String,
    mut back: ReceiveState,
) -> AppResult<HttpResponse> {
    let typed_code = code.clone();
    let (found, order) = read(state, move |conn| -> Result<_, InventoryError> {
        Ok((
            products::resolve_typed(conn, &typed_code)?,
            purchasing::get_order(conn, id)?,
        ))
    })
    .await?;
    let lang = page.lang();
    let mut errors = FormErrors::new();
    match found {
        None => errors.add(
            "scan",
            tf(lang, Msg::ScanUnknownBarcode, &[("code", &code)]),
        ),
        Some(product) if !order.lines.iter().any(|l| l.product_id == product.id) => errors.add(
            "scan",
            tf(lang, Msg::ScanNotOnOrder, &[("name", &product.name)]),
        ),
        Some(product) => {
            let typed = back.typed.get_or_insert_with(HashMap::new);
            let line = typed.entry(product.id).or_default();
            match plus_one(&line.0) {
                Ok(more) => {
                    line.0 = more.to_french();
                    back.scanned = Some(product.name);
                }
                Err(e) => errors.add("", quantity_message(lang, &e)),
            }
        }
    }
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    render_order(state, page, id, &[], &errors, status, back).await
}

/// A typed quantity and one more (blank is 0).
fn plus_one(typed: &str) -> Result<Quantity, db::fixed::FixedError> {
    let now = match typed.trim() {
        "" => Quantity::ZERO,
        raw => Quantity::parse(raw)?,
    };
    Ok(Quantity::from_thousandths(
        now.thousandths() + Quantity::ONE.thousandths(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scan_adds_one_to_what_was_typed() {
        assert_eq!(plus_one("").map(Quantity::to_french), Ok("1".to_owned()));
        assert_eq!(plus_one(" 0 ").map(Quantity::to_french), Ok("1".to_owned()));
        assert_eq!(
            plus_one("2,5").map(Quantity::to_french),
            Ok("3,5".to_owned())
        );
        assert!(plus_one("deux").is_err());
    }

    #[test]
    fn typed_lines_pair_the_repeated_fields_and_skip_unknown_products() {
        let form: Vec<(String, String)> = [
            ("receive_product", "12"),
            ("receive_quantity", "2"),
            ("receive_unit_cost", ""),
            ("receive_product", "x"),
            ("receive_quantity", "1"),
            ("receive_unit_cost", ""),
            ("receive_product", "7"),
            ("receive_quantity", "0"),
            ("receive_unit_cost", "3,10"),
            ("scan_mode", "1"),
            ("location_id", "2"),
        ]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
        let lines = typed_lines(&form);
        assert_eq!(
            lines
                .iter()
                .map(|l| (l.product_id, l.quantity.as_str(), l.unit_cost.as_str()))
                .collect::<Vec<_>>(),
            vec![(12, "2", ""), (7, "0", "3,10")]
        );
        let back = as_typed(&form, &lines);
        assert!(back.scan_mode);
        assert_eq!(back.location.as_deref(), Some("2"));
        assert_eq!(
            back.typed.and_then(|t| t.get(&7).cloned()),
            Some(("0".to_owned(), "3,10".to_owned()))
        );
    }
}
