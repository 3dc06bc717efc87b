//! The fiche: who the customer is and how to reach them. Created at the till,
//! from the enrolment form, an import or the API; every change is audited
//! (field names only: the audit log holds no personal data).

use crate::error::{CustomerError, Result};
use crate::kinds::{Civility, Language, Source};
use crate::normalise::{self, NAME_MAX, TEXT_MAX};
use crate::search::words;
use chrono::{NaiveDate, NaiveDateTime};
use db::DbConn;
use db::audit::{self, AuditEntry};
use db::ids::UserId;
use db::schema::{customers, loyalty_cards};
use db::text::fold;
use diesel::prelude::*;
use serde::Serialize;

pub use crate::search::{list, search};

/// A customer as stored, statistics included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Queryable, Selectable)]
#[diesel(table_name = customers)]
pub struct Customer {
    pub id: i64,
    pub civility: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub company: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub phone2: Option<String>,
    pub address_line1: Option<String>,
    pub address_line2: Option<String>,
    pub postcode: Option<String>,
    pub city: Option<String>,
    pub country: String,
    pub birth_date: Option<NaiveDate>,
    pub language: String,
    pub notes: Option<String>,
    pub tags: Option<String>,
    pub source: String,
    #[serde(skip)]
    pub search_text: String,
    #[serde(skip)]
    pub match_key: Option<String>,
    pub visits: i64,
    pub total_spent: i64,
    pub first_visit: Option<NaiveDateTime>,
    pub last_visit: Option<NaiveDateTime>,
    pub points: i64,
    pub anonymised_at: Option<NaiveDateTime>,
    pub merged_into: Option<i64>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl Customer {
    /// "Hélène Dupont", or the company, or "Client n°12" once anonymised.
    pub fn display_name(&self) -> String {
        let name = [self.first_name.as_deref(), self.last_name.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        if !name.is_empty() {
            name
        } else if let Some(company) = &self.company {
            company.clone()
        } else {
            format!("Client n°{}", self.id)
        }
    }

    pub fn tag_list(&self) -> Vec<String> {
        normalise::tag_list(self.tags.as_deref())
    }

    pub fn total_spent(&self) -> db::Money {
        db::Money::from_cents(self.total_spent)
    }

    /// Refuses a fiche that can no longer change: anonymised or merged.
    pub fn ensure_live(&self) -> Result<()> {
        if self.anonymised_at.is_some() {
            return Err(CustomerError::Anonymised(self.id));
        }
        if let Some(into) = self.merged_into {
            return Err(CustomerError::Merged { id: self.id, into });
        }
        Ok(())
    }
}

/// A new fiche as typed. Empty texts count as absent.
#[derive(Debug, Clone, Default)]
pub struct NewCustomer {
    pub civility: Option<Civility>,
    pub first_name: String,
    pub last_name: String,
    pub company: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub phone2: Option<String>,
    pub address_line1: Option<String>,
    pub address_line2: Option<String>,
    pub postcode: Option<String>,
    pub city: Option<String>,
    /// ISO 3166-1 alpha-2; France when absent. Also the region phone numbers
    /// without a country code are read in.
    pub country: Option<String>,
    pub birth_date: Option<NaiveDate>,
    pub language: Option<Language>,
    pub notes: Option<String>,
    pub tags: Vec<String>,
    pub source: Option<Source>,
}

/// Changes to a fiche: `None` leaves a field as it is; `Some("")` (or
/// `Some(None)`) clears it.
#[derive(Debug, Clone, Default)]
pub struct CustomerChanges {
    pub civility: Option<Option<Civility>>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub company: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub phone2: Option<String>,
    pub address_line1: Option<String>,
    pub address_line2: Option<String>,
    pub postcode: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub birth_date: Option<Option<NaiveDate>>,
    pub language: Option<Language>,
    pub notes: Option<String>,
    pub tags: Option<Vec<String>>,
}

/// The editable fields once checked and normalised.
#[derive(Debug, Clone, PartialEq, Eq, AsChangeset, Insertable)]
#[diesel(table_name = customers, treat_none_as_null = true)]
pub(crate) struct Fiche {
    pub civility: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub company: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub phone2: Option<String>,
    pub address_line1: Option<String>,
    pub address_line2: Option<String>,
    pub postcode: Option<String>,
    pub city: Option<String>,
    pub country: String,
    pub birth_date: Option<NaiveDate>,
    pub language: String,
    pub notes: Option<String>,
    pub tags: Option<String>,
}

/// The raw fields in one shape, for new fiches and changed ones alike.
struct Raw<'a> {
    civility: Option<Civility>,
    first_name: Option<&'a str>,
    last_name: Option<&'a str>,
    company: Option<&'a str>,
    email: Option<&'a str>,
    phone: Option<&'a str>,
    phone2: Option<&'a str>,
    address_line1: Option<&'a str>,
    address_line2: Option<&'a str>,
    postcode: Option<&'a str>,
    city: Option<&'a str>,
    country: Option<&'a str>,
    birth_date: Option<NaiveDate>,
    language: Language,
    notes: Option<&'a str>,
    tags: Option<String>,
}

fn check(raw: Raw<'_>, today: NaiveDate) -> Result<Fiche> {
    let first_name = normalise::line("first_name", raw.first_name, NAME_MAX)?;
    let last_name = normalise::line("last_name", raw.last_name, NAME_MAX)?;
    let company = normalise::line("company", raw.company, TEXT_MAX)?;
    if last_name.is_none() && company.is_none() {
        return Err(CustomerError::MissingName);
    }
    let country = normalise::country(raw.country)?;
    if let Some(date) = raw.birth_date {
        let earliest = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(NaiveDate::MIN);
        if date > today || date < earliest {
            return Err(CustomerError::InvalidBirthDate {
                field: "birth_date",
                value: date,
            });
        }
    }
    Ok(Fiche {
        civility: raw.civility.map(|c| c.as_str().to_owned()),
        first_name,
        last_name,
        company,
        email: normalise::email(raw.email)?,
        phone: normalise::phone("phone", raw.phone, &country)?,
        phone2: normalise::phone("phone2", raw.phone2, &country)?,
        address_line1: normalise::line("address_line1", raw.address_line1, TEXT_MAX)?,
        address_line2: normalise::line("address_line2", raw.address_line2, TEXT_MAX)?,
        postcode: normalise::postcode(raw.postcode, &country)?,
        city: normalise::line("city", raw.city, TEXT_MAX)?,
        birth_date: raw.birth_date,
        language: raw.language.as_str().to_owned(),
        notes: normalise::notes(raw.notes)?,
        tags: raw.tags,
        country,
    })
}

impl NewCustomer {
    pub(crate) fn check(&self, today: NaiveDate) -> Result<Fiche> {
        check(
            Raw {
                civility: self.civility,
                first_name: Some(&self.first_name),
                last_name: Some(&self.last_name),
                company: self.company.as_deref(),
                email: self.email.as_deref(),
                phone: self.phone.as_deref(),
                phone2: self.phone2.as_deref(),
                address_line1: self.address_line1.as_deref(),
                address_line2: self.address_line2.as_deref(),
                postcode: self.postcode.as_deref(),
                city: self.city.as_deref(),
                country: self.country.as_deref(),
                birth_date: self.birth_date,
                language: self.language.unwrap_or(Language::Fr),
                notes: self.notes.as_deref(),
                tags: normalise::tags(&self.tags)?,
            },
            today,
        )
    }
}

impl CustomerChanges {
    fn apply(&self, current: &Customer, today: NaiveDate) -> Result<Fiche> {
        let pick = |change: &Option<String>, now: &Option<String>| -> Option<String> {
            match change {
                Some(new) => Some(new.clone()),
                None => now.clone(),
            }
        };
        let first_name = pick(&self.first_name, &current.first_name);
        let last_name = pick(&self.last_name, &current.last_name);
        let company = pick(&self.company, &current.company);
        let email = pick(&self.email, &current.email);
        let phone = pick(&self.phone, &current.phone);
        let phone2 = pick(&self.phone2, &current.phone2);
        let address_line1 = pick(&self.address_line1, &current.address_line1);
        let address_line2 = pick(&self.address_line2, &current.address_line2);
        let postcode = pick(&self.postcode, &current.postcode);
        let city = pick(&self.city, &current.city);
        let notes = pick(&self.notes, &current.notes);
        let country = self.country.clone().unwrap_or(current.country.clone());
        let civility = match self.civility {
            Some(c) => c,
            None => current
                .civility
                .as_deref()
                .map(Civility::parse)
                .transpose()?,
        };
        let language = match self.language {
            Some(l) => l,
            None => Language::parse(&current.language)?,
        };
        let tags = match &self.tags {
            Some(list) => normalise::tags(list)?,
            None => current.tags.clone(),
        };
        check(
            Raw {
                civility,
                first_name: first_name.as_deref(),
                last_name: last_name.as_deref(),
                company: company.as_deref(),
                email: email.as_deref(),
                phone: phone.as_deref(),
                phone2: phone2.as_deref(),
                address_line1: address_line1.as_deref(),
                address_line2: address_line2.as_deref(),
                postcode: postcode.as_deref(),
                city: city.as_deref(),
                country: Some(&country),
                birth_date: self.birth_date.unwrap_or(current.birth_date),
                language,
                notes: notes.as_deref(),
                tags,
            },
            today,
        )
    }
}

/// Checks and stores a new fiche.
pub fn create(
    conn: &mut DbConn,
    new: &NewCustomer,
    user: Option<UserId>,
    at: NaiveDateTime,
) -> Result<Customer> {
    let fiche = new.check(at.date())?;
    let source = new.source.unwrap_or(Source::Till);
    let id: i64 = diesel::insert_into(customers::table)
        .values((
            &fiche,
            customers::source.eq(source.as_str()),
            customers::created_at.eq(at),
            customers::updated_at.eq(at),
        ))
        .returning(customers::id)
        .get_result(conn)?;
    refresh_search(conn, id)?;
    audit::record(
        conn,
        &AuditEntry {
            at,
            user_id: user,
            action: "customer.create",
            entity: "customer",
            entity_id: Some(id.to_string()),
            detail: Some(format!("source={source}")),
        },
    )?;
    get(conn, id)
}

/// The fiche with this id, as stored (it may be anonymised or merged: see
/// [`resolve`] to follow a merge).
pub fn get(conn: &mut DbConn, id: i64) -> Result<Customer> {
    db::native!(conn, |c| customers::table
        .find(id)
        .select(Customer::as_select())
        .first(c)
        .optional())?
    .ok_or(CustomerError::NotFound(id))
}

/// The fiche with this id, or the one it was merged into.
pub fn resolve(conn: &mut DbConn, id: i64) -> Result<Customer> {
    let customer = get(conn, id)?;
    match customer.merged_into {
        // Merges flatten their chains, so one step is enough.
        Some(into) => get(conn, into),
        None => Ok(customer),
    }
}

/// Changes a live fiche (neither anonymised nor merged).
pub fn update(
    conn: &mut DbConn,
    id: i64,
    changes: &CustomerChanges,
    user: Option<UserId>,
    at: NaiveDateTime,
) -> Result<Customer> {
    let current = get(conn, id)?;
    current.ensure_live()?;
    let fiche = changes.apply(&current, at.date())?;
    let changed = changed_fields(&current, &fiche);
    if changed.is_empty() {
        return Ok(current);
    }
    diesel::update(customers::table.find(id))
        .set((&fiche, customers::updated_at.eq(at)))
        .execute(conn)?;
    refresh_search(conn, id)?;
    audit::record(
        conn,
        &AuditEntry {
            at,
            user_id: user,
            action: "customer.update",
            entity: "customer",
            entity_id: Some(id.to_string()),
            detail: Some(changed.join(",")),
        },
    )?;
    get(conn, id)
}

fn changed_fields(c: &Customer, f: &Fiche) -> Vec<&'static str> {
    let pairs: [(&'static str, bool); 16] = [
        ("civility", c.civility != f.civility),
        ("first_name", c.first_name != f.first_name),
        ("last_name", c.last_name != f.last_name),
        ("company", c.company != f.company),
        ("email", c.email != f.email),
        ("phone", c.phone != f.phone),
        ("phone2", c.phone2 != f.phone2),
        ("address_line1", c.address_line1 != f.address_line1),
        ("address_line2", c.address_line2 != f.address_line2),
        ("postcode", c.postcode != f.postcode),
        ("city", c.city != f.city),
        ("country", c.country != f.country),
        ("birth_date", c.birth_date != f.birth_date),
        ("language", c.language != f.language),
        ("notes", c.notes != f.notes),
        ("tags", c.tags != f.tags),
    ];
    pairs
        .into_iter()
        .filter(|(_, changed)| *changed)
        .map(|(name, _)| name)
        .collect()
}

/// Recomputes the search text, the search words and the duplicate key of a
/// fiche from its fields and its cards; all emptied once it is anonymised or
/// merged.
pub(crate) fn refresh_search(conn: &mut DbConn, id: i64) -> Result<()> {
    let c = get(conn, id)?;
    let (text, key, rows) = if c.anonymised_at.is_some() || c.merged_into.is_some() {
        (String::new(), None, Vec::new())
    } else {
        let cards: Vec<String> = loyalty_cards::table
            .filter(loyalty_cards::customer_id.eq(id))
            .select(loyalty_cards::number)
            .order(loyalty_cards::id.asc())
            .load(conn)?;
        let text = search_text(&c, &cards);
        let rows = words::rows_of(&c, &cards, &text);
        (text, match_key(&c), rows)
    };
    diesel::update(customers::table.find(id))
        .set((
            customers::search_text.eq(text),
            customers::match_key.eq(key),
        ))
        .execute(conn)?;
    words::rewrite(conn, id, &rows)
}

/// Folded last name first (so ordering by it orders by name), then first name,
/// company, e-mail, the phones' digits (international and national forms),
/// postcode and card numbers.
pub(crate) fn search_text(c: &Customer, cards: &[String]) -> String {
    let mut parts: Vec<String> = Vec::new();
    for text in [&c.last_name, &c.first_name, &c.company, &c.email]
        .into_iter()
        .flatten()
    {
        parts.push(fold(text));
    }
    for phone in [&c.phone, &c.phone2].into_iter().flatten() {
        parts.push(phone.trim_start_matches('+').to_owned());
        if let Some(national) = normalise::national_digits(phone) {
            parts.push(national);
        }
    }
    parts.extend(c.postcode.as_deref().map(fold));
    parts.extend(cards.iter().cloned());
    parts.join(" ")
}

/// Folded last name, first initial and postcode: `dupont|h|69001`.
pub(crate) fn match_key(c: &Customer) -> Option<String> {
    let last = fold(c.last_name.as_deref()?);
    let postcode = c.postcode.as_deref()?;
    let initial = c
        .first_name
        .as_deref()
        .map(fold)
        .and_then(|f| f.chars().next())
        .map(String::from)
        .unwrap_or_default();
    Some(format!("{last}|{initial}|{postcode}"))
}
