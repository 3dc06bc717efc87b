//! `/settings/shop`: the shop's identity as receipts print it, whether the
//! till prints them, and the cashier's limits beyond which a manager's PIN is
//! asked. The owner.

use chrono::NaiveDateTime;
use db::{Money, Quantity};
use maud::{Markup, html};
use sales::receipt::model::{PaymentRow, ReceiptLine, ShopHeader, TicketKind, VatRow};
use sales::receipt::{Receipt, text};
use sales::shops::{PrintMode, Shop};

use super::back_link;
use crate::forms::{FormErrors, Input, Select, TextArea, form_error};
use crate::i18n::{Lang, Msg};
use crate::layout::{PageCtx, csrf_field, page};

/// What the shop form shows: as typed, or as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShopFormValues {
    pub name: String,
    pub address_line1: String,
    pub address_line2: String,
    pub postcode: String,
    pub city: String,
    pub phone: String,
    pub siret: String,
    pub vat_number: String,
    pub receipt_footer: String,
    pub print_mode: String,
    /// `10` or `12,5` (percent).
    pub max_discount_percent: String,
    /// `50,00` (euros).
    pub refund_limit: String,
}

impl ShopFormValues {
    pub fn of(shop: &Shop, lang: Lang) -> ShopFormValues {
        let r = &shop.row;
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        let number = |value: i64| match lang {
            Lang::Fr => db::fixed::to_french(value, 2),
            Lang::En => db::fixed::to_plain(value, 2),
        };
        ShopFormValues {
            name: r.name.clone(),
            address_line1: text(&r.address_line1),
            address_line2: text(&r.address_line2),
            postcode: text(&r.postcode),
            city: text(&r.city),
            phone: text(&r.phone),
            siret: text(&r.siret),
            vat_number: text(&r.vat_number),
            receipt_footer: text(&r.receipt_footer),
            print_mode: shop.print_mode.as_str().to_owned(),
            max_discount_percent: number(shop.max_discount_percent),
            refund_limit: number(shop.refund_limit.cents()),
        }
    }
}

/// `preview`: the top of a sample receipt as the stored shop prints it.
pub fn shop_page(
    ctx: &PageCtx,
    values: &ShopFormValues,
    preview: Option<&str>,
    errors: &FormErrors,
) -> Markup {
    let title = ctx.t(Msg::ShopTitle);
    let optional = ctx.t(Msg::Optional);
    let text = |name, label, value| {
        Input::text(name, ctx.t(label))
            .value(value)
            .optional(optional)
            .autocomplete("off")
    };
    let body = html! {
        (back_link(ctx))
        h1 { (title) }
        p { (ctx.t(Msg::ShopIntro)) }
        (form_error(errors))
        form method="post" action="/settings/shop" {
            (csrf_field(ctx))
            section.card {
                h2 { (ctx.t(Msg::ShopIdentity)) }
                (Input::text("name", ctx.t(Msg::FieldShopName)).value(&values.name).required()
                    .autocomplete("organization").render(errors))
                (text("address_line1", Msg::FieldAddressLine1, &values.address_line1)
                    .autocomplete("address-line1").render(errors))
                (text("address_line2", Msg::FieldAddressLine2, &values.address_line2)
                    .autocomplete("address-line2").render(errors))
                (text("postcode", Msg::FieldPostcode, &values.postcode).inputmode("numeric")
                    .autocomplete("postal-code").render(errors))
                (text("city", Msg::FieldCity, &values.city).autocomplete("address-level2").render(errors))
                (text("phone", Msg::FieldPhone, &values.phone).inputmode("tel").render(errors))
                (text("siret", Msg::FieldSiret, &values.siret).hint(ctx.t(Msg::SiretHint))
                    .inputmode("numeric").render(errors))
                (text("vat_number", Msg::FieldVatNumber, &values.vat_number)
                    .placeholder("FR12345678901").render(errors))
                (TextArea::new("receipt_footer", ctx.t(Msg::FieldReceiptFooter))
                    .value(&values.receipt_footer).rows(2).optional(optional)
                    .hint(ctx.t(Msg::ReceiptFooterHint)).render(errors))
            }
            section.card {
                h2 { (ctx.t(Msg::ShopTillRules)) }
                (Select {
                    name: "print_mode",
                    label: ctx.t(Msg::FieldPrintMode),
                    options: vec![
                        (PrintMode::Ask.as_str(), ctx.t(Msg::PrintModeAsk)),
                        (PrintMode::Always.as_str(), ctx.t(Msg::PrintModeAlways)),
                        (PrintMode::Never.as_str(), ctx.t(Msg::PrintModeNever)),
                    ],
                    selected: Some(values.print_mode.as_str()),
                    placeholder: None,
                    required: true,
                }.render(errors))
                p.hint { (ctx.t(Msg::PrintModeHint)) }
                (Input::text("max_discount_percent", ctx.t(Msg::FieldMaxDiscount))
                    .value(&values.max_discount_percent).required().inputmode("decimal")
                    .hint(ctx.t(Msg::MaxDiscountHint)).render(errors))
                (Input::text("refund_limit", ctx.t(Msg::FieldRefundLimit))
                    .value(&values.refund_limit).required().inputmode("decimal")
                    .hint(ctx.t(Msg::RefundLimitHint)).render(errors))
            }
            button type="submit" { (ctx.t(Msg::Save)) }
        }
        @if let Some(preview) = preview {
            section.card {
                h2 { (ctx.t(Msg::ReceiptPreviewTitle)) }
                pre.receipt aria-label=(ctx.t(Msg::ReceiptPreviewTitle)) { (preview) }
            }
        }
    };
    page(ctx, title, body)
}

/// A one-line sample receipt of `shop` at `at` (its local time), as text on
/// `columns` characters.
pub fn sample_receipt(shop: &Shop, at: NaiveDateTime, columns: usize, lang: Lang) -> String {
    let price = Money::from_cents(1000);
    let receipt = Receipt {
        shop: ShopHeader {
            name: shop.name().to_owned(),
            address: shop.address_lines(),
            phone: shop.row.phone.clone(),
            siret: shop.row.siret.clone(),
            vat_number: shop.row.vat_number.clone(),
            footer: shop.row.receipt_footer.clone(),
        },
        till_code: "T01".into(),
        till_name: String::new(),
        number: 1,
        kind: TicketKind::Sale,
        refund_of: None,
        training: false,
        at,
        cashier: "Camille".into(),
        lines: vec![ReceiptLine {
            label: match lang {
                Lang::Fr => "Article exemple".into(),
                Lang::En => "Sample item".into(),
            },
            quantity: Quantity::from_units(1),
            unit: "piece".into(),
            unit_price: price,
            vat_code: "20".into(),
            discount: None,
            total: price,
        }],
        ticket_discount: None,
        total: price,
        vat: vec![VatRow {
            vat_code: "20".into(),
            base: Money::from_cents(833),
            tax: Money::from_cents(167),
            total: price,
        }],
        payments: vec![PaymentRow {
            method: "card".into(),
            amount: price,
        }],
        change: Money::ZERO,
        customer: None,
        barcode: "T01-000001".into(),
        duplicate: None,
    };
    let lang = match lang {
        Lang::Fr => sales::receipt::Lang::Fr,
        Lang::En => sales::receipt::Lang::En,
    };
    text::render(&receipt, columns, lang)
}

#[cfg(test)]
mod tests {
    use db::Role;

    use super::*;
    use crate::i18n::Lang;
    use crate::test_support::{no_empty_class, signed_in};

    fn values() -> ShopFormValues {
        ShopFormValues {
            name: "Épicerie <Fine>".into(),
            print_mode: "ask".into(),
            max_discount_percent: "10,00".into(),
            refund_limit: "50,00".into(),
            ..ShopFormValues::default()
        }
    }

    #[test]
    fn the_shop_form_shows_identity_print_mode_and_limits() {
        let html = no_empty_class(
            shop_page(
                &signed_in(Lang::Fr, Role::Owner),
                &values(),
                Some("Épicerie <Fine>\n"),
                &FormErrors::new(),
            )
            .into_string(),
        );
        assert!(html.contains("<title>Boutique · Comptoir</title>"));
        assert!(html.contains("value=\"Épicerie &lt;Fine&gt;\""));
        assert!(html.contains("<option value=\"ask\" selected>"));
        assert!(html.contains("name=\"max_discount_percent\""));
        assert!(html.contains("value=\"50,00\""));
        assert!(html.contains("<pre class=\"receipt\""));
        assert!(html.contains(">Épicerie &lt;Fine&gt;\n</pre>"));
    }

    #[test]
    fn a_refused_siret_is_shown_next_to_its_field() {
        let errors = FormErrors::new().with("siret", "Bad SIRET.");
        let html =
            shop_page(&signed_in(Lang::En, Role::Owner), &values(), None, &errors).into_string();
        assert!(html.contains("id=\"field-siret-error\" role=\"alert\">Bad SIRET.</p>"));
        assert!(!html.contains("<pre"));
    }
}
