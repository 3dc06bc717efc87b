//! Enrolment: a new fiche, a consent per channel (an explicit yes with the
//! text shown, or a refusal kept as proof) and a loyalty card, together. The
//! till, the API and the public form (once its e-mail is confirmed) enrol
//! through here.

use crate::cards;
use crate::consents::{self, NewConsent};
use crate::error::Result;
use crate::fiche::{self, Customer, NewCustomer};
use crate::kinds::{Basis, Channel, ConsentSource};
use chrono::NaiveDateTime;
use db::DbConn;
use db::ids::UserId;
use serde::{Deserialize, Serialize};

/// The three consent boxes as the person left them: unticked by default.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Boxes {
    #[serde(default)]
    pub email: bool,
    #[serde(default)]
    pub sms: bool,
    #[serde(default)]
    pub post: bool,
}

impl Boxes {
    pub fn each(self) -> [(Channel, bool); 3] {
        [
            (Channel::Email, self.email),
            (Channel::Sms, self.sms),
            (Channel::Post, self.post),
        ]
    }
}

/// Files `new` with the boxes' answers and a card: `card` when a pre-printed
/// one was scanned, a fresh number otherwise.
pub fn enrol(
    conn: &mut DbConn,
    new: &NewCustomer,
    boxes: Boxes,
    card: Option<&str>,
    from: ConsentSource,
    user: Option<UserId>,
    at: NaiveDateTime,
) -> Result<Customer> {
    let customer = fiche::create(conn, new, user, at)?;
    record_boxes(conn, customer.id, boxes, from, user, at)?;
    let number = match card.map(str::trim).filter(|c| !c.is_empty()) {
        Some(number) => number.to_owned(),
        None => cards::next_number(conn, at)?,
    };
    cards::assign(conn, &number, customer.id, user, at)?;
    fiche::get(conn, customer.id)
}

/// Records each box as the channel's current state, with the text shown.
pub fn record_boxes(
    conn: &mut DbConn,
    customer_id: i64,
    boxes: Boxes,
    from: ConsentSource,
    user: Option<UserId>,
    at: NaiveDateTime,
) -> Result<()> {
    for (channel, ticked) in boxes.each() {
        consents::record(conn, customer_id, &answer(channel, ticked, from), user, at)?;
    }
    Ok(())
}

/// A box's answer as a consent: an explicit yes or no, with the box's text.
fn answer(channel: Channel, ticked: bool, from: ConsentSource) -> NewConsent {
    NewConsent {
        channel,
        granted: ticked,
        basis: Basis::Explicit,
        source: from,
        text_shown: Some(consents::standard_text(channel).to_owned()),
    }
}

/// Records the boxes whose answer differs from the channel's current state
/// (the account page: only what the person changed); returns how many.
pub fn update_boxes(
    conn: &mut DbConn,
    customer_id: i64,
    boxes: Boxes,
    from: ConsentSource,
    at: NaiveDateTime,
) -> Result<usize> {
    let current = consents::current(conn, customer_id)?;
    let mut changed = 0;
    for (channel, ticked) in boxes.each() {
        if current.granted(channel) == ticked && current.get(channel).is_some() {
            continue;
        }
        consents::record(conn, customer_id, &answer(channel, ticked, from), None, at)?;
        changed += 1;
    }
    Ok(changed)
}
