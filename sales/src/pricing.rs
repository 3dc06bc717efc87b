//! Prices, discounts and the VAT breakdown of a ticket: pure arithmetic on
//! integer cents, so that the till, the receipt and the Z report agree.
//!
//! The rounding rule (documented in the README):
//! - a line is quantity × unit price, rounded to the cent half away from zero
//!   (a price-embedded scale label gives the line total directly);
//! - a line discount is taken off that line (a percentage is rounded the same way);
//! - a ticket discount is spread over the lines in proportion to their totals,
//!   the cents left over going to the lines with the largest remainders, so that
//!   each VAT rate carries its own share;
//! - per VAT rate, the total VAT included is the sum of its lines; the base is
//!   that total ÷ (1 + rate) rounded half away from zero, and the tax is the
//!   difference, so base + tax always equals the total paid.

use db::{Money, Quantity};
use serde::{Deserialize, Serialize};

/// Divides rounding half away from zero.
pub fn div_round(numerator: i128, denominator: i128) -> i64 {
    let half = denominator.abs() / 2;
    let magnitude = (numerator.abs() + half) / denominator.abs();
    let negative = (numerator < 0) != (denominator < 0);
    let signed = if negative { -magnitude } else { magnitude };
    i64::try_from(signed).unwrap_or(if negative { i64::MIN } else { i64::MAX })
}

/// A discount as typed at the till.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Discount {
    /// Hundredths of a percent: 10 % is 1000.
    Percent(i64),
    Amount(Money),
}

impl Discount {
    /// What it takes off `gross` (same sign as `gross`), or None when it is
    /// more than `gross` or malformed.
    pub fn off(self, gross: Money) -> Option<Money> {
        let cents = match self {
            Discount::Percent(p) if (0..=10_000).contains(&p) => {
                div_round(i128::from(gross.cents()) * i128::from(p), 10_000)
            }
            Discount::Amount(a) if a.cents() >= 0 && a.cents() <= gross.cents().abs() => {
                a.cents() * gross.cents().signum()
            }
            _ => return None,
        };
        Some(Money::from_cents(cents))
    }

    /// As a percentage of `gross`, in hundredths (for the approval limit).
    pub fn percent_of(self, gross: Money) -> i64 {
        match self {
            Discount::Percent(p) => p,
            Discount::Amount(_) if gross.cents() == 0 => 0,
            Discount::Amount(a) => div_round(
                i128::from(a.cents()) * 10_000,
                i128::from(gross.cents().abs()),
            ),
        }
    }

    pub fn kind(self) -> &'static str {
        match self {
            Discount::Percent(_) => "percent",
            Discount::Amount(_) => "amount",
        }
    }

    pub fn value(self) -> i64 {
        match self {
            Discount::Percent(p) => p,
            Discount::Amount(a) => a.cents(),
        }
    }

    pub fn from_parts(kind: &str, value: i64) -> Option<Discount> {
        match kind {
            "percent" => Some(Discount::Percent(value)),
            "amount" => Some(Discount::Amount(Money::from_cents(value))),
            _ => None,
        }
    }

    /// `-10 %`, `-1,50 €`.
    pub fn label(self) -> String {
        match self {
            Discount::Percent(p) => format!("-{}\u{a0}%", percent_text(p)),
            Discount::Amount(a) => format!("-{}", a.to_french()),
        }
    }
}

/// Hundredths of a percent as written in French: 1000 → `10`, 550 → `5,5`.
pub fn percent_text(hundredths: i64) -> String {
    let plain = db::fixed::to_plain(hundredths, 2);
    let trimmed = if plain.contains('.') {
        plain.trim_end_matches('0').trim_end_matches('.')
    } else {
        plain.as_str()
    };
    trimmed.replace('.', ",")
}

/// quantity × unit price, to the cent.
pub fn line_gross(unit_price: Money, quantity: Quantity) -> Money {
    Money::from_cents(div_round(
        i128::from(unit_price.cents()) * i128::from(quantity.thousandths()),
        1000,
    ))
}

/// Spreads `discount` over `totals` in proportion, largest remainders first
/// (ties to the earlier line). The shares sum to `discount` exactly.
pub fn spread(discount: Money, totals: &[Money]) -> Vec<Money> {
    let sum: i128 = totals.iter().map(|t| i128::from(t.cents())).sum();
    if sum == 0 || discount.cents() == 0 {
        return vec![Money::ZERO; totals.len()];
    }
    let d = i128::from(discount.cents());
    let mut shares: Vec<i128> = Vec::with_capacity(totals.len());
    let mut remainders: Vec<(i128, usize)> = Vec::with_capacity(totals.len());
    for (i, t) in totals.iter().enumerate() {
        let exact = d * i128::from(t.cents());
        shares.push(exact / sum);
        remainders.push(((exact % sum).abs(), i));
    }
    let mut left = d - shares.iter().sum::<i128>();
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let step = left.signum();
    for (_, i) in remainders {
        if left == 0 {
            break;
        }
        if let Some(share) = shares.get_mut(i) {
            *share += step;
            left -= step;
        }
    }
    shares
        .into_iter()
        .map(|s| Money::from_cents(i64::try_from(s).unwrap_or(0)))
        .collect()
}

/// One rate's row of the VAT table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VatShare {
    /// Hundredths of a percent.
    pub rate: i64,
    pub code: String,
    pub base: Money,
    pub tax: Money,
    pub total: Money,
}

/// The VAT table of a ticket from its lines' (rate, code, total), by rate,
/// highest rate first.
pub fn vat_breakdown<'a>(lines: impl IntoIterator<Item = (i64, &'a str, Money)>) -> Vec<VatShare> {
    let mut by_rate: Vec<VatShare> = Vec::new();
    for (rate, code, total) in lines {
        match by_rate.iter_mut().find(|s| s.rate == rate) {
            Some(share) => share.total += total,
            None => by_rate.push(VatShare {
                rate,
                code: code.to_owned(),
                base: Money::ZERO,
                tax: Money::ZERO,
                total,
            }),
        }
    }
    for share in &mut by_rate {
        share.base = Money::from_cents(div_round(
            i128::from(share.total.cents()) * 10_000,
            10_000 + i128::from(share.rate),
        ));
        share.tax = share.total - share.base;
    }
    by_rate.sort_by_key(|s| std::cmp::Reverse(s.rate));
    by_rate
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eur(cents: i64) -> Money {
        Money::from_cents(cents)
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(div_round(5, 10), 1);
        assert_eq!(div_round(-5, 10), -1);
        assert_eq!(div_round(4, 10), 0);
        assert_eq!(div_round(15, 10), 2);
        assert_eq!(div_round(-15, 10), -2);
    }

    #[test]
    fn weighed_goods_round_to_the_cent() {
        // 0,347 kg at 24,90 €/kg = 8,6403 € → 8,64 €.
        assert_eq!(
            line_gross(eur(2490), Quantity::from_thousandths(347)),
            eur(864)
        );
        // 0,125 kg at 0,99 €/kg = 0,12375 € → 0,12 €.
        assert_eq!(
            line_gross(eur(99), Quantity::from_thousandths(125)),
            eur(12)
        );
        // 0,250 kg at 3,30 €/kg = 0,825 € → 0,83 € (half away from zero).
        assert_eq!(
            line_gross(eur(330), Quantity::from_thousandths(250)),
            eur(83)
        );
        // A refund mirrors it exactly.
        assert_eq!(
            line_gross(eur(330), Quantity::from_thousandths(-250)),
            eur(-83)
        );
    }

    #[test]
    fn vat_base_and_tax_always_sum_to_the_total() {
        // 0,01 € at 20 %: base 0,01 (0,00833 → 0,01), tax 0.
        let rows = vat_breakdown([(2000, "20", eur(1))]);
        assert_eq!((rows[0].base, rows[0].tax), (eur(1), eur(0)));
        // 1,99 € at 5,5 %: 1,88626 → base 1,89, tax 0,10.
        let rows = vat_breakdown([(550, "5.5", eur(199))]);
        assert_eq!((rows[0].base, rows[0].tax), (eur(189), eur(10)));
        // 9,99 € at 20 %: 8,325 → 8,33 (half away), tax 1,66.
        let rows = vat_breakdown([(2000, "20", eur(999))]);
        assert_eq!((rows[0].base, rows[0].tax), (eur(833), eur(166)));
        // Per rate, not per line: three lines of 0,10 € at 20 % make 0,30 € → base 0,25, tax 0,05.
        let rows = vat_breakdown([
            (2000, "20", eur(10)),
            (2000, "20", eur(10)),
            (2000, "20", eur(10)),
        ]);
        assert_eq!(rows.len(), 1);
        assert_eq!(
            (rows[0].base, rows[0].tax, rows[0].total),
            (eur(25), eur(5), eur(30))
        );
        // 2,1 % and 0 %, highest first; a refund is the mirror image.
        let rows = vat_breakdown([(0, "0", eur(500)), (210, "2.1", eur(-1290))]);
        assert_eq!(rows[0].code, "2.1");
        assert_eq!((rows[0].base, rows[0].tax), (eur(-1263), eur(-27)));
        assert_eq!((rows[1].base, rows[1].tax), (eur(500), eur(0)));
    }

    #[test]
    fn a_ticket_discount_is_spread_to_the_cent() {
        // 1,00 € off three lines of 3,33 € / 3,33 € / 3,34 €.
        let shares = spread(eur(100), &[eur(333), eur(333), eur(334)]);
        assert_eq!(shares.iter().copied().sum::<Money>(), eur(100));
        assert_eq!(shares, vec![eur(33), eur(33), eur(34)]);
        // 0,01 € over two equal lines goes to the first.
        assert_eq!(spread(eur(1), &[eur(500), eur(500)]), vec![eur(1), eur(0)]);
        // Nothing to spread over.
        assert_eq!(spread(eur(100), &[eur(0)]), vec![eur(0)]);
    }

    #[test]
    fn discounts_never_exceed_what_they_apply_to() {
        assert_eq!(Discount::Percent(1000).off(eur(999)), Some(eur(100)));
        assert_eq!(Discount::Percent(3333).off(eur(100)), Some(eur(33)));
        assert_eq!(Discount::Amount(eur(150)).off(eur(1000)), Some(eur(150)));
        assert_eq!(Discount::Amount(eur(1001)).off(eur(1000)), None);
        assert_eq!(Discount::Percent(10_001).off(eur(1000)), None);
        assert_eq!(Discount::Percent(-1).off(eur(1000)), None);
        assert_eq!(Discount::Amount(eur(250)).percent_of(eur(1000)), 2500);
        assert_eq!(
            Discount::Percent(1000).label().replace('\u{a0}', " "),
            "-10 %"
        );
    }
}
