//! The catalogue and its stock: the searchable list (with its rows alone for the
//! search-as-you-type script), a product's form, and a product's page with its
//! stock per location, its movements and the forms that move stock.
//!
//! Everyone may look; costs and margins only when `show_costs`, the controls
//! that change something only when `can_edit`.

mod detail;
mod form;
mod import;
mod list;

pub use detail::{ProductDetail, product_page};
pub use form::{ProductFormValues, product_form_page};
pub use import::{ImportOutcome, import_page};
pub use list::{ProductsView, product_rows, products_page};

use db::{Money, Quantity};
use inventory::catalogue::{Product, Unit};
use inventory::stock::Location;

use crate::i18n::{self, Lang};

/// What an empty cell shows.
pub(crate) const NONE: &str = "—";

/// A VAT code (`"5.5"`) as hundredths of a percent (`550`).
pub fn vat_hundredths(code: &str) -> Option<i64> {
    db::fixed::parse(code, 2).ok()
}

/// The price excluding VAT of a price that includes it, at `rate` hundredths of
/// a percent (5.5 % is 550), rounded to the cent, halves away from zero.
pub fn price_excl_vat(price: Money, rate: i64) -> Money {
    let divisor = 10_000 + i128::from(rate);
    if divisor <= 0 {
        return price;
    }
    let cents = div_round(i128::from(price.cents()) * 10_000, divisor);
    Money::from_cents(i64::try_from(cents).unwrap_or(price.cents()))
}

/// The margin rate on the price excluding VAT, `(HT − cost) / HT`, in tenths of
/// a percent (`552` is 55.2 %), rounded halves away from zero. Computed exactly
/// from the price including VAT, so the unrounded HT price is used:
/// `(P·10000 − C·(10000 + rate)) / (P·10000)`. `None` when the price is zero.
pub fn margin_tenths(price: Money, rate: i64, cost: Money) -> Option<i64> {
    let price = i128::from(price.cents()) * 10_000;
    if price <= 0 {
        return None;
    }
    let cost = i128::from(cost.cents()) * (10_000 + i128::from(rate));
    i64::try_from(div_round(1_000 * (price - cost), price)).ok()
}

/// `n / d` rounded to the nearest integer, halves away from zero (`d > 0`).
fn div_round(n: i128, d: i128) -> i128 {
    let (quotient, remainder) = (n / d, n % d);
    if 2 * remainder.abs() >= d {
        quotient + n.signum()
    } else {
        quotient
    }
}

/// What a unit of the product costs the shop: its weighted average cost once
/// goods were received, else the cost typed on its card.
fn effective_cost(product: &Product) -> Option<Money> {
    product.average_cost.or(product.cost)
}

/// The margin of `product` in words, if it has a cost and a known rate.
fn margin_of(product: &Product) -> Option<i64> {
    let cost = effective_cost(product)?;
    margin_tenths(product.price, vat_hundredths(&product.vat_code)?, cost)
}

/// `12 pce`, `0,35 kg`: a quantity and its unit, never split across lines.
pub(crate) fn quantity_with_unit(lang: Lang, quantity: Quantity, unit: Unit) -> String {
    format!(
        "{}\u{a0}{}",
        quantity.to_french(),
        i18n::unit_abbr(lang, unit)
    )
}

/// `+6`, `-2`, `+0,35`: a stock movement's quantity with its sign.
pub(crate) fn signed_quantity(quantity: Quantity) -> String {
    let text = quantity.to_french();
    if quantity.thousandths() > 0 {
        format!("+{text}")
    } else {
        text
    }
}

/// Active locations as `(id, name)` choices, the sales floor first (where the
/// till sells from and goods usually go).
pub(crate) fn location_options(locations: &[Location]) -> Vec<(String, &str)> {
    let mut active: Vec<&Location> = locations.iter().filter(|l| l.active).collect();
    active.sort_by_key(|l| !l.is_sales_floor);
    active
        .into_iter()
        .map(|l| (l.id.to_string(), l.name.as_str()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::goods;

    #[test]
    fn price_excl_vat_rounds_to_the_cent() {
        // 4,95 / 1,055 = 4,6919…
        assert_eq!(price_excl_vat(Money::from_cents(495), 550).cents(), 469);
        // 12,00 / 1,2 = 10 exactly.
        assert_eq!(price_excl_vat(Money::from_cents(1200), 2000).cents(), 1000);
        // 0,11 / 1,1 = 0,1; 0,05 / 1,055 = 0,0474 → 0,05.
        assert_eq!(price_excl_vat(Money::from_cents(11), 1000).cents(), 10);
        assert_eq!(price_excl_vat(Money::from_cents(5), 550).cents(), 5);
        assert_eq!(price_excl_vat(Money::from_cents(500), 0).cents(), 500);
    }

    #[test]
    fn margin_is_exact_on_an_awkward_price() {
        // HT = 4,95 / 1,055 = 4,691943…; (4,691943 − 2,10) / 4,691943 = 0,552424…
        assert_eq!(
            margin_tenths(Money::from_cents(495), 550, Money::from_cents(210)),
            Some(552)
        );
        // 12 € incl. 20 % VAT is 10 € excl.; bought 6 € → exactly 40 %.
        assert_eq!(
            margin_tenths(Money::from_cents(1200), 2000, Money::from_cents(600)),
            Some(400)
        );
        // Sold below cost: 10 € HT, bought 10,35 € → −3,5 % exactly.
        assert_eq!(
            margin_tenths(Money::from_cents(1200), 2000, Money::from_cents(1035)),
            Some(-35)
        );
        // A half rounds away from zero: 20 € HT, cost 19,99 → 0,05 % → 0,1 %.
        assert_eq!(
            margin_tenths(Money::from_cents(2000), 0, Money::from_cents(1999)),
            Some(1)
        );
        assert_eq!(margin_tenths(Money::ZERO, 550, Money::from_cents(1)), None);
    }

    #[test]
    fn the_average_cost_wins_over_the_typed_one() {
        let jam = goods::jam();
        assert_eq!(effective_cost(&jam), Some(Money::from_cents(210)));
        assert_eq!(margin_of(&jam), Some(552));
        let typed_only = Product {
            average_cost: None,
            ..goods::jam()
        };
        assert_eq!(effective_cost(&typed_only), Some(Money::from_cents(230)));
        assert_eq!(margin_of(&goods::cheese()), None);
    }

    #[test]
    fn quantities_carry_their_unit_and_sign() {
        assert_eq!(
            quantity_with_unit(Lang::Fr, Quantity::from_thousandths(350), Unit::Kg),
            "0,35\u{a0}kg"
        );
        assert_eq!(
            quantity_with_unit(Lang::En, Quantity::from_units(12), Unit::Piece),
            "12\u{a0}pc"
        );
        assert_eq!(signed_quantity(Quantity::from_units(6)), "+6");
        assert_eq!(signed_quantity(Quantity::from_thousandths(-350)), "-0,35");
        assert_eq!(signed_quantity(Quantity::ZERO), "0");
    }
}
