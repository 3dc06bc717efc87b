//! The public enrolment form, confirmed by e-mail (double opt-in): the form is
//! checked and kept aside with its consent boxes; nothing enters the customer
//! file until the person opens the link sent to the address they typed.

use super::{ENROLMENT_VALID, Kind, NewRequest, account, insert, limits, live, purge, use_up};
use crate::cards;
use crate::enrolment::{self, Boxes};
use crate::error::{CustomerError, Result};
use crate::fiche::{self, Customer, NewCustomer};
use crate::kinds::{Civility, ConsentSource, Language, Source};
use crate::normalise;
use chrono::{NaiveDate, NaiveDateTime};
use db::DbConn;
use db::schema::customers;
use diesel::prelude::*;
use serde::{Deserialize, Serialize};

/// The form as the person filled it in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct JoinForm {
    pub civility: Option<Civility>,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: Option<String>,
    pub address_line1: Option<String>,
    pub address_line2: Option<String>,
    pub postcode: Option<String>,
    pub city: Option<String>,
    pub birth_date: Option<NaiveDate>,
    pub language: Option<Language>,
    pub boxes: Boxes,
}

impl JoinForm {
    fn new_customer(&self) -> NewCustomer {
        NewCustomer {
            civility: self.civility,
            first_name: self.first_name.clone(),
            last_name: self.last_name.clone(),
            email: Some(self.email.clone()),
            phone: self.phone.clone(),
            address_line1: self.address_line1.clone(),
            address_line2: self.address_line2.clone(),
            postcode: self.postcode.clone(),
            city: self.city.clone(),
            birth_date: self.birth_date,
            language: self.language,
            source: Some(Source::Form),
            ..NewCustomer::default()
        }
    }
}

/// An enrolment waiting for its confirmation: the secret for the link.
#[derive(Debug, Clone)]
pub struct Pending {
    pub secret: String,
    /// Where to send the link (normalised).
    pub email: String,
    pub language: Language,
}

/// Checks the form (the e-mail is required: it is how the person confirms)
/// and the rate limits, and keeps it aside until confirmed.
pub fn request(
    conn: &mut DbConn,
    form: &JoinForm,
    address: &str,
    at: NaiveDateTime,
) -> Result<Pending> {
    let email = normalise::email(Some(&form.email))?.ok_or(CustomerError::EmailRequired)?;
    form.new_customer().check(at.date())?;
    purge(conn, at)?;
    limits::check(conn, address, &email, at)?;
    let json = serde_json::to_string(form).map_err(|e| CustomerError::Corrupt(e.to_string()))?;
    let secret = insert(
        conn,
        NewRequest {
            kind: Kind::Enrolment,
            email: &email,
            customer_id: None,
            form: Some(json),
            address,
            valid: ENROLMENT_VALID,
        },
        at,
    )?;
    Ok(Pending {
        secret,
        email,
        language: form.language.unwrap_or(Language::Fr),
    })
}

/// The form behind a confirmation link still valid, to greet the person
/// before they confirm.
pub fn pending(conn: &mut DbConn, secret: &str, at: NaiveDateTime) -> Result<JoinForm> {
    let request = live(conn, Kind::Enrolment, secret, at)?;
    form_of(request.form.as_deref())
}

fn form_of(json: Option<&str>) -> Result<JoinForm> {
    let json = json.ok_or(CustomerError::LinkNotValid)?;
    serde_json::from_str(json).map_err(|e| CustomerError::Corrupt(e.to_string()))
}

/// What a confirmation did.
#[derive(Debug, Clone)]
pub struct Confirmed {
    pub customer: Customer,
    /// True when the address already belonged to a fiche: its details were
    /// kept and only the boxes' answers recorded.
    pub existing: bool,
    pub card_number: Option<String>,
    /// Opens the account page at once.
    pub session: String,
}

/// Files the enrolment behind `secret`: a new fiche with the boxes' answers
/// (source: the form) and a card, or, when a fiche already has this e-mail
/// address, the answers on that fiche. The link then no longer works.
pub fn confirm(
    conn: &mut DbConn,
    secret: &str,
    address: &str,
    at: NaiveDateTime,
) -> Result<Confirmed> {
    let request = live(conn, Kind::Enrolment, secret, at)?;
    let form = form_of(request.form.as_deref())?;
    let existing = customers::table
        .filter(customers::email.eq(&request.email))
        .filter(customers::anonymised_at.is_null())
        .filter(customers::merged_into.is_null())
        .order(customers::id.asc())
        .select(customers::id)
        .first::<i64>(conn)
        .optional()?;
    let (customer, existing) = match existing {
        Some(id) => {
            enrolment::record_boxes(conn, id, form.boxes, ConsentSource::Form, None, at)?;
            if cards::active_card(conn, id)?.is_none() {
                let number = cards::next_number(conn, at)?;
                cards::assign(conn, &number, id, None, at)?;
            }
            (fiche::get(conn, id)?, true)
        }
        None => {
            let new = form.new_customer();
            let customer =
                enrolment::enrol(conn, &new, form.boxes, None, ConsentSource::Form, None, at)?;
            (customer, false)
        }
    };
    use_up(conn, request.id, Some(customer.id), at)?;
    let card_number = cards::active_card(conn, customer.id)?.map(|c| c.number);
    let session = account::open_for(conn, &customer, address, at)?;
    Ok(Confirmed {
        customer,
        existing,
        card_number,
        session,
    })
}
