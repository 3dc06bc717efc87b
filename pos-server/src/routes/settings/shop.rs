//! `/settings/shop`: the shop's identity on receipts, whether the till prints
//! them, and the cashier's limits. The owner.

use super::super::{attempt_write, read};
use super::sales_field_error;
use crate::auth::{Authed, AuthedForm, OwnerRole};
use crate::error::{AppError, AppResult, ErrorKind};
use crate::page::{FlashNote, Page, redirect_with};
use crate::state::AppState;
use ::web::forms::FormErrors;
use ::web::i18n::Msg;
use ::web::pages::settings::shop::{ShopFormValues, sample_receipt, shop_page};
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use db::Money;
use sales::shops::{self, PrintMode, ShopChanges};
use serde::Deserialize;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/settings/shop", web::get().to(show))
        .route("/settings/shop", web::post().to(save));
}

async fn render(
    state: &AppState,
    page: &Page,
    typed: Option<ShopFormValues>,
    errors: &FormErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let shop = read(state, shops::main_shop).await?;
    let values = typed.unwrap_or_else(|| ShopFormValues::of(&shop, page.lang()));
    let now = state.local(state.clock.now_naive());
    let preview = sample_receipt(&shop, now, 42, page.lang());
    Ok(page.respond(
        status,
        shop_page(&page.ctx, &values, Some(&preview), errors),
    ))
}

async fn show(
    _user: Authed<OwnerRole>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    render(&state, &page, None, &FormErrors::new(), StatusCode::OK).await
}

#[derive(Deserialize)]
struct ShopForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    address_line1: String,
    #[serde(default)]
    address_line2: String,
    #[serde(default)]
    postcode: String,
    #[serde(default)]
    city: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    siret: String,
    #[serde(default)]
    vat_number: String,
    #[serde(default)]
    receipt_footer: String,
    #[serde(default)]
    print_mode: String,
    #[serde(default)]
    max_discount_percent: String,
    #[serde(default)]
    refund_limit: String,
}

/// The typed values, and the limits and print mode parsed, or their errors.
struct Parsed {
    print_mode: Option<PrintMode>,
    max_discount: Option<i64>,
    refund_limit: Option<Money>,
}

fn parse(page: &Page, v: &ShopFormValues) -> Result<Parsed, FormErrors> {
    let mut errors = FormErrors::new();
    let print_mode = PrintMode::parse(v.print_mode.trim());
    if print_mode.is_none() {
        errors.add("print_mode", page.t(Msg::ErrBadForm));
    }
    let raw = v.max_discount_percent.trim();
    let raw = raw.strip_suffix('%').unwrap_or(raw).trim();
    let max_discount = db::fixed::parse(raw, 2).ok();
    if max_discount.is_none() {
        errors.add("max_discount_percent", page.t(Msg::ErrDiscountLimit));
    }
    let refund_limit = Money::parse(&v.refund_limit).ok();
    if refund_limit.is_none() {
        errors.add("refund_limit", page.t(Msg::ErrAmountFormat));
    }
    if errors.is_empty() {
        Ok(Parsed {
            print_mode,
            max_discount,
            refund_limit,
        })
    } else {
        Err(errors)
    }
}

async fn save(
    AuthedForm { form, .. }: AuthedForm<OwnerRole, ShopForm>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let values = ShopFormValues {
        name: form.name,
        address_line1: form.address_line1,
        address_line2: form.address_line2,
        postcode: form.postcode,
        city: form.city,
        phone: form.phone,
        siret: form.siret,
        vat_number: form.vat_number,
        receipt_footer: form.receipt_footer,
        print_mode: form.print_mode,
        max_discount_percent: form.max_discount_percent,
        refund_limit: form.refund_limit,
    };
    let unprocessable = StatusCode::UNPROCESSABLE_ENTITY;
    let parsed = match parse(&page, &values) {
        Ok(parsed) => parsed,
        Err(errors) => return render(&state, &page, Some(values), &errors, unprocessable).await,
    };
    let (v, clock) = (values.clone(), state.clock.clone());
    let saved = attempt_write(&state, move |conn| {
        let shop = shops::main_shop(conn)?;
        // Blank fields are cleared by the domain.
        let changes = ShopChanges {
            name: &v.name,
            address_line1: Some(&v.address_line1),
            address_line2: Some(&v.address_line2),
            postcode: Some(&v.postcode),
            city: Some(&v.city),
            phone: Some(&v.phone),
            siret: Some(&v.siret),
            vat_number: Some(&v.vat_number),
            receipt_footer: Some(&v.receipt_footer),
            print_mode: parsed.print_mode,
            max_discount_percent: parsed.max_discount,
            refund_limit: parsed.refund_limit,
        };
        shops::update(conn, shop.id(), &changes, clock.now_naive())
    })
    .await?;
    match saved {
        Ok(_) => Ok(redirect_with("/settings/shop", FlashNote::ShopSaved)),
        Err(e) => {
            let mut errors = sales_field_error(&page, e)?;
            if errors.get("siret").is_some() {
                // The sentence quotes what was typed.
                let message = AppError::new(ErrorKind::Unprocessable, Msg::ErrSiret)
                    .arg("value", values.siret.trim())
                    .message(page.lang());
                errors = FormErrors::new().with("siret", message);
            }
            render(&state, &page, Some(values), &errors, unprocessable).await
        }
    }
}
