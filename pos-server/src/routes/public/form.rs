//! The person's fields as the public form and the account page post them:
//! checked by the back office's own fiche parsing, without the shop's fields
//! (company, second phone, notes, tags), which the person never sees.

use crate::page::Page;
use crate::routes::customers::{FicheForm, Typed};
use ::web::forms::FormErrors;
use ::web::pages::customers::fiche::FicheValues;
use customers::CustomerChanges;
use customers::enrolment::Boxes;
use customers::online::join::JoinForm;
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct PersonForm {
    civility: String,
    first_name: String,
    last_name: String,
    email: String,
    phone: String,
    address_line1: String,
    address_line2: String,
    postcode: String,
    city: String,
    birth_date: String,
    language: String,
    /// A ticked box is sent (`yes`); an unticked one is absent.
    consent_email: Option<String>,
    consent_sms: Option<String>,
    consent_post: Option<String>,
    /// The honeypot: people leave it empty.
    pub website: String,
}

impl PersonForm {
    fn fiche(&self) -> FicheForm {
        FicheForm {
            civility: self.civility.clone(),
            first_name: self.first_name.clone(),
            last_name: self.last_name.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            address_line1: self.address_line1.clone(),
            address_line2: self.address_line2.clone(),
            postcode: self.postcode.clone(),
            city: self.city.clone(),
            birth_date: self.birth_date.clone(),
            language: self.language.clone(),
            country: "FR".into(),
            ..FicheForm::default()
        }
    }

    /// What was typed, to show again.
    pub fn values(&self) -> FicheValues {
        self.fiche().values()
    }

    pub fn boxes(&self) -> Boxes {
        let ticked = |b: &Option<String>| b.as_deref().is_some_and(|v| !v.trim().is_empty());
        Boxes {
            email: ticked(&self.consent_email),
            sms: ticked(&self.consent_sms),
            post: ticked(&self.consent_post),
        }
    }

    /// Parses what the page parses, every wrong field shown at once.
    pub fn check(&self, page: &Page) -> Result<Typed, FormErrors> {
        self.fiche().check(page)
    }

    pub fn join_form(&self, t: Typed) -> JoinForm {
        let some = |s: &String| Some(s.clone()).filter(|s| !s.trim().is_empty());
        JoinForm {
            civility: t.civility,
            first_name: self.first_name.clone(),
            last_name: self.last_name.clone(),
            email: self.email.clone(),
            phone: some(&self.phone),
            address_line1: some(&self.address_line1),
            address_line2: some(&self.address_line2),
            postcode: some(&self.postcode),
            city: some(&self.city),
            birth_date: t.birth_date,
            language: Some(t.language),
            boxes: self.boxes(),
        }
    }

    /// The person's own fields; the shop's stay as they are.
    pub fn changes(&self, t: Typed) -> CustomerChanges {
        CustomerChanges {
            civility: Some(t.civility),
            first_name: Some(self.first_name.clone()),
            last_name: Some(self.last_name.clone()),
            email: Some(self.email.clone()),
            phone: Some(self.phone.clone()),
            address_line1: Some(self.address_line1.clone()),
            address_line2: Some(self.address_line2.clone()),
            postcode: Some(self.postcode.clone()),
            city: Some(self.city.clone()),
            birth_date: Some(t.birth_date),
            language: Some(t.language),
            ..CustomerChanges::default()
        }
    }
}
