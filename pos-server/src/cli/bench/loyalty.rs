//! Loyalty cards in the sale scenarios: most sales scan a card of the bench's
//! customer file (`customers::bulk` gives each customer one); a share come
//! from each till's own regulars, who pay part of a sale with their points
//! once they have some. Balances are read from the tickets, so a loyalty
//! payment never asks for more points than the customer has.

use customers::points::PointsRules;
use db::Money;
use rand::Rng;
use rand::rngs::StdRng;
use std::collections::HashMap;
use std::sync::Mutex;

/// Sales that scan a card, in percent.
const WITH_CARD: u32 = 80;
/// Of those, the share of the till's regulars, in percent.
const REGULARS: u32 = 25;
/// Regulars per till (each till its own, so balances never race).
const REGULARS_PER_TILL: u64 = 16;
/// A regular pays with points once they have this many.
const SPEND_FROM: i64 = 50;

/// The customer file the tills scan cards from. The first customers are the
/// regulars (each till its own), the others come once in a while.
pub struct Cards {
    prefix: String,
    population: u64,
    /// Regulars of all tills: none when the file is too small for them.
    regulars: u64,
    rules: PointsRules,
    /// Known balances of the regulars, by serial in the bulk file.
    balances: Mutex<HashMap<u64, i64>>,
}

/// One sale's card, and what it pays with points.
pub struct Visit {
    pub card: String,
    serial: u64,
    pub points_paid: Money,
}

impl Cards {
    pub fn new(prefix: String, population: u64, tills: usize, rules: PointsRules) -> Cards {
        let regulars = u64::try_from(tills)
            .unwrap_or(0)
            .saturating_mul(REGULARS_PER_TILL);
        Cards {
            prefix,
            population,
            regulars: if regulars < population { regulars } else { 0 },
            rules,
            balances: Mutex::new(HashMap::new()),
        }
    }

    /// The card scanned at `till` (its number among the tills) for a sale of
    /// `total`, if any.
    pub fn visit(&self, till: usize, total: Money, rng: &mut StdRng) -> Option<Visit> {
        if self.population == 0 || rng.gen_range(0..100) >= WITH_CARD {
            return None;
        }
        let regular = self.regulars > 0 && rng.gen_range(0..100) < REGULARS;
        let serial = if regular {
            u64::try_from(till).unwrap_or(0) * REGULARS_PER_TILL
                + rng.gen_range(0..REGULARS_PER_TILL)
        } else {
            rng.gen_range(self.regulars..self.population)
        };
        let card = customers::bulk::card_number(&self.prefix, serial)?;
        let balance = if regular { self.balance(serial) } else { 0 };
        let points_paid = if balance >= SPEND_FROM {
            // At most half the sale, and never more points than held: only
            // this till's sales move this regular's balance.
            let half = Money::from_cents(total.cents() / 2);
            self.rules
                .value_of(balance.min(self.rules.points_for(half)))
        } else {
            Money::ZERO
        };
        Some(Visit {
            card,
            serial,
            points_paid: if points_paid < total {
                points_paid
            } else {
                Money::ZERO
            },
        })
    }

    /// The balance a ticket of this visit reports (kept for regulars).
    pub fn settle(&self, visit: &Visit, balance: i64) {
        if visit.serial >= self.regulars {
            return;
        }
        if let Ok(mut balances) = self.balances.lock() {
            balances.insert(visit.serial, balance);
        }
    }

    fn balance(&self, serial: u64) -> i64 {
        self.balances
            .lock()
            .ok()
            .and_then(|b| b.get(&serial).copied())
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::{Cards, REGULARS_PER_TILL};
    use customers::points::PointsRules;
    use db::Money;
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    #[test]
    fn regulars_spend_the_points_they_have_and_no_more() {
        let cards = Cards::new("29".into(), 100_000, 8, PointsRules::default());
        let mut rng = StdRng::seed_from_u64(3);
        let total = Money::from_cents(3_000);
        let (mut scanned, mut spent) = (0, 0);
        for _ in 0..2_000 {
            let Some(visit) = cards.visit(2, total, &mut rng) else {
                continue;
            };
            scanned += 1;
            let held = if visit.serial < cards.regulars {
                assert!((2 * REGULARS_PER_TILL..3 * REGULARS_PER_TILL).contains(&visit.serial));
                cards.balance(visit.serial)
            } else {
                0
            };
            let points = PointsRules::default().points_for(visit.points_paid);
            assert!(points <= held, "{points} > {held}");
            assert!(visit.points_paid.cents() <= total.cents() / 2 + 5);
            if points > 0 {
                spent += 1;
            }
            cards.settle(&visit, held - points + 30);
        }
        assert!((1_500..1_700).contains(&scanned), "{scanned}");
        assert!(spent > 100, "{spent}");
    }
}
