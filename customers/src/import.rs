//! Customers in and out as French spreadsheets write them (see `db::csv_in`),
//! and as contact applications read them (vCard).
//!
//! Import: every valid row is imported, every refused row listed with its line
//! and reason, the whole file one transaction (each row in a savepoint). A row
//! whose e-mail or phone is already on an earlier line of the file, or already
//! belongs to a customer on file, is refused as a likely duplicate, naming it.

use crate::consents::{self, NewConsent};
use crate::error::CustomerError;
use crate::fiche::{self, Customer, NewCustomer};
use crate::kinds::{Basis, Channel, Civility, ConsentSource, Language, Source};
use crate::{cards, normalise};
use chrono::NaiveDateTime;
use db::DbConn;
use db::csv_in::{ColumnMap, CsvError, CsvRow, CsvTable};
use db::ids::UserId;
use db::schema::customers;
use diesel::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Civility,
    FirstName,
    LastName,
    Company,
    Email,
    Phone,
    Phone2,
    Address1,
    Address2,
    Postcode,
    City,
    Country,
    BirthDate,
    Language,
    Notes,
    Tags,
    Card,
    ConsentEmail,
    ConsentSms,
    ConsentPost,
    ConsentText,
}

const COLUMNS: [(Field, &[&str]); 21] = [
    (Field::Civility, &["civilité", "civility", "titre"]),
    (Field::FirstName, &["prénom", "first_name", "first name"]),
    (
        Field::LastName,
        &["nom", "last_name", "last name", "nom de famille"],
    ),
    (
        Field::Company,
        &["société", "company", "entreprise", "raison sociale"],
    ),
    (Field::Email, &["e-mail", "email", "courriel", "mail"]),
    (
        Field::Phone,
        &["téléphone", "phone", "tel", "mobile", "portable"],
    ),
    (
        Field::Phone2,
        &["téléphone 2", "phone2", "phone 2", "tel 2"],
    ),
    (
        Field::Address1,
        &["adresse", "address", "address_line1", "adresse 1"],
    ),
    (
        Field::Address2,
        &[
            "complément",
            "address_line2",
            "adresse 2",
            "complément d'adresse",
        ],
    ),
    (Field::Postcode, &["code postal", "postcode", "cp", "zip"]),
    (Field::City, &["ville", "city", "commune"]),
    (Field::Country, &["pays", "country"]),
    (
        Field::BirthDate,
        &["date de naissance", "birth_date", "naissance", "birthday"],
    ),
    (Field::Language, &["langue", "language"]),
    (Field::Notes, &["notes", "remarques"]),
    (Field::Tags, &["étiquettes", "tags"]),
    (
        Field::Card,
        &["carte", "card", "card_number", "numéro de carte"],
    ),
    (
        Field::ConsentEmail,
        &["consentement e-mail", "consent_email", "optin email"],
    ),
    (
        Field::ConsentSms,
        &["consentement sms", "consent_sms", "optin sms"],
    ),
    (
        Field::ConsentPost,
        &["consentement courrier", "consent_post", "optin courrier"],
    ),
    (
        Field::ConsentText,
        &["texte du consentement", "consent_text"],
    ),
];

/// The header names an export writes (French, as the import reads them back).
pub const EXPORT_HEADERS: [&str; 20] = [
    "civilité",
    "prénom",
    "nom",
    "société",
    "e-mail",
    "téléphone",
    "téléphone 2",
    "adresse",
    "complément",
    "code postal",
    "ville",
    "pays",
    "date de naissance",
    "langue",
    "notes",
    "étiquettes",
    "carte",
    "consentement e-mail",
    "consentement sms",
    "consentement courrier",
];

/// The proof kept with a consent imported without its wording.
pub const IMPORTED_CONSENT_TEXT: &str =
    "Consentement recueilli avant Comptoir et importé d’un fichier (texte d’origine non fourni).";

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(transparent)]
    Csv(#[from] CsvError),
    #[error(transparent)]
    Customer(#[from] CustomerError),
}

impl From<db::DbError> for ImportError {
    fn from(e: db::DbError) -> Self {
        ImportError::Customer(e.into())
    }
}

/// Why a row was left out.
#[derive(Debug, thiserror::Error)]
pub enum RowError {
    #[error("column {column}: {value:?} is neither oui nor non")]
    YesNo { column: &'static str, value: String },
    #[error("column {column}: {value:?} is not a date (jj/mm/aaaa)")]
    Date { column: &'static str, value: String },
    #[error("same {what} as line {line}")]
    DuplicateInFile { what: &'static str, line: u64 },
    #[error("same {what} as customer {id}, already on file")]
    DuplicateOnFile { what: &'static str, id: i64 },
    #[error(transparent)]
    Customer(CustomerError),
}

#[derive(Debug)]
pub struct Rejected {
    pub line: u64,
    pub error: RowError,
}

#[derive(Debug, Default)]
pub struct ImportReport {
    pub created: usize,
    /// (line, customer id) of each fiche created, so that a report can link a
    /// duplicate to the fiche an earlier line made.
    pub created_ids: Vec<(u64, i64)>,
    pub rejected: Vec<Rejected>,
}

impl ImportReport {
    /// The fiche created from `line`, if that line was imported.
    pub fn created_at_line(&self, line: u64) -> Option<i64> {
        self.created_ids
            .iter()
            .find(|(l, _)| *l == line)
            .map(|(_, id)| *id)
    }
}

type Columns = ColumnMap<Field>;

fn yes_no(
    columns: &Columns,
    row: &CsvRow,
    field: Field,
    column: &'static str,
) -> Result<Option<bool>, RowError> {
    match columns.optional(row, field).map(db::text::fold).as_deref() {
        None => Ok(None),
        Some("oui" | "o" | "yes" | "y" | "1" | "vrai" | "true" | "x") => Ok(Some(true)),
        Some("non" | "n" | "no" | "0" | "faux" | "false") => Ok(Some(false)),
        Some(_) => Err(RowError::YesNo {
            column,
            value: columns.get(row, field).to_owned(),
        }),
    }
}

/// A row read and checked, not yet written.
struct RowValues {
    new: NewCustomer,
    card: Option<String>,
    consents: Vec<(Channel, bool)>,
    consent_text: String,
}

fn read_row(columns: &Columns, row: &CsvRow) -> Result<RowValues, RowError> {
    let text = |field| columns.optional(row, field).map(str::to_owned);
    let civility = match columns
        .optional(row, Field::Civility)
        .map(db::text::fold)
        .as_deref()
    {
        None => None,
        Some("mme" | "madame" | "mlle" | "mademoiselle") => Some(Civility::Mme),
        Some("m" | "m." | "monsieur" | "mr") => Some(Civility::M),
        Some(_) => {
            return Err(RowError::Customer(CustomerError::UnknownValue {
                field: "civility",
                value: columns.get(row, Field::Civility).to_owned(),
            }));
        }
    };
    let birth_date = match columns.optional(row, Field::BirthDate) {
        None => None,
        Some(raw) => Some(
            ["%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d"]
                .iter()
                .find_map(|f| chrono::NaiveDate::parse_from_str(raw, f).ok())
                .ok_or_else(|| RowError::Date {
                    column: "date de naissance",
                    value: raw.to_owned(),
                })?,
        ),
    };
    let language = columns
        .optional(row, Field::Language)
        .map(|l| Language::parse(&db::text::fold(l)))
        .transpose()
        .map_err(RowError::Customer)?;
    let mut consents = Vec::new();
    for (field, channel, column) in [
        (Field::ConsentEmail, Channel::Email, "consentement e-mail"),
        (Field::ConsentSms, Channel::Sms, "consentement sms"),
        (Field::ConsentPost, Channel::Post, "consentement courrier"),
    ] {
        if let Some(granted) = yes_no(columns, row, field, column)? {
            consents.push((channel, granted));
        }
    }
    Ok(RowValues {
        new: NewCustomer {
            civility,
            first_name: columns.get(row, Field::FirstName).to_owned(),
            last_name: columns.get(row, Field::LastName).to_owned(),
            company: text(Field::Company),
            email: text(Field::Email),
            phone: text(Field::Phone),
            phone2: text(Field::Phone2),
            address_line1: text(Field::Address1),
            address_line2: text(Field::Address2),
            postcode: text(Field::Postcode),
            city: text(Field::City),
            country: text(Field::Country),
            birth_date,
            language,
            notes: text(Field::Notes),
            tags: normalise::tag_list(columns.optional(row, Field::Tags)),
            source: Some(Source::Import),
        },
        card: text(Field::Card),
        consents,
        consent_text: text(Field::ConsentText).unwrap_or_else(|| IMPORTED_CONSENT_TEXT.to_owned()),
    })
}

/// The customer on file with this e-mail or phone, if any.
fn on_file(
    conn: &mut DbConn,
    column: &'static str,
    value: &str,
) -> Result<Option<i64>, CustomerError> {
    let query = customers::table
        .filter(customers::anonymised_at.is_null())
        .filter(customers::merged_into.is_null())
        .select(customers::id)
        .into_boxed();
    let query = match column {
        "email" => query.filter(customers::email.eq(value)),
        _ => query.filter(customers::phone.eq(value)),
    };
    Ok(query.first(conn).optional()?)
}

/// Imports a parsed file. `progress` is called after each row with the number done.
pub fn import_customers(
    conn: &mut DbConn,
    table: &CsvTable,
    actor: Option<UserId>,
    at: NaiveDateTime,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportReport, ImportError> {
    let columns = ColumnMap::of(table, &COLUMNS, &[(Field::LastName, "nom")])?;
    let mut report = ImportReport::default();
    // Normalised e-mails and phones seen, with their line.
    let mut seen: Vec<(&'static str, String, u64)> = Vec::new();
    for (done, row) in table.rows.iter().enumerate() {
        let outcome = read_row(&columns, row).and_then(|values| {
            let keys = duplicate_keys(&values.new).map_err(RowError::Customer)?;
            for (what, key) in &keys {
                if let Some((_, _, line)) = seen.iter().find(|(w, k, _)| w == what && k == key) {
                    return Err(RowError::DuplicateInFile { what, line: *line });
                }
                if let Some(id) = on_file(conn, what, key).map_err(RowError::Customer)? {
                    return Err(RowError::DuplicateOnFile { what, id });
                }
            }
            // A savepoint per row: a refused row leaves nothing, the others stay.
            let id = conn
                .transaction(|conn| write_row(conn, &values, actor, at))
                .map_err(RowError::Customer)?;
            seen.extend(keys.into_iter().map(|(w, k)| (w, k, row.line)));
            Ok(id)
        });
        match outcome {
            Ok(id) => {
                report.created += 1;
                report.created_ids.push((row.line, id));
            }
            Err(error) => report.rejected.push(Rejected {
                line: row.line,
                error,
            }),
        }
        progress(done as u64 + 1);
    }
    Ok(report)
}

/// The normalised e-mail and phone a duplicate would share.
fn duplicate_keys(new: &NewCustomer) -> Result<Vec<(&'static str, String)>, CustomerError> {
    let region = new.country.as_deref().unwrap_or("FR").to_uppercase();
    let mut keys = Vec::new();
    if let Some(email) = normalise::email(new.email.as_deref())? {
        keys.push(("email", email));
    }
    if let Some(phone) = normalise::phone("phone", new.phone.as_deref(), &region)? {
        keys.push(("phone", phone));
    }
    Ok(keys)
}

fn write_row(
    conn: &mut DbConn,
    values: &RowValues,
    actor: Option<UserId>,
    at: NaiveDateTime,
) -> Result<i64, CustomerError> {
    let customer = fiche::create(conn, &values.new, actor, at)?;
    for (channel, granted) in &values.consents {
        let consent = NewConsent {
            channel: *channel,
            granted: *granted,
            basis: Basis::Explicit,
            source: ConsentSource::Import,
            text_shown: Some(values.consent_text.clone()),
        };
        consents::record(conn, customer.id, &consent, actor, at)?;
    }
    if let Some(card) = &values.card {
        cards::assign(conn, card, customer.id, actor, at)?;
    }
    Ok(customer.id)
}

/// The customers on file (not erased, not merged away), by name.
pub fn live_customers(conn: &mut DbConn) -> Result<Vec<Customer>, CustomerError> {
    let ids: Vec<i64> = customers::table
        .filter(customers::anonymised_at.is_null())
        .filter(customers::merged_into.is_null())
        .order((
            customers::last_name.asc(),
            customers::first_name.asc(),
            customers::id.asc(),
        ))
        .select(customers::id)
        .load(conn)?;
    ids.into_iter().map(|id| fiche::get(conn, id)).collect()
}

fn yes_no_text(value: bool) -> String {
    if value { "oui" } else { "non" }.to_owned()
}

/// Every live customer as rows of `EXPORT_HEADERS`.
pub fn export_rows(conn: &mut DbConn) -> Result<Vec<Vec<String>>, CustomerError> {
    let mut rows = Vec::new();
    for c in live_customers(conn)? {
        let card = cards::active_card(conn, c.id)?.map(|card| card.number);
        let current = consents::current(conn, c.id)?;
        let consent = |channel: Channel| {
            current
                .get(channel)
                .map(|k| yes_no_text(k.granted))
                .unwrap_or_default()
        };
        let text = |value: Option<String>| value.unwrap_or_default();
        rows.push(vec![
            text(c.civility.clone()),
            text(c.first_name.clone()),
            text(c.last_name.clone()),
            text(c.company.clone()),
            text(c.email.clone()),
            text(c.phone.clone()),
            text(c.phone2.clone()),
            text(c.address_line1.clone()),
            text(c.address_line2.clone()),
            text(c.postcode.clone()),
            text(c.city.clone()),
            c.country.clone(),
            c.birth_date
                .map(|d| d.format("%d/%m/%Y").to_string())
                .unwrap_or_default(),
            c.language.clone(),
            text(c.notes.clone()),
            text(c.tags.clone()),
            text(card),
            consent(Channel::Email),
            consent(Channel::Sms),
            consent(Channel::Post),
        ]);
    }
    Ok(rows)
}

/// vCard 3.0 escaping of a value.
fn vcard_text(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace(',', "\\,")
        .replace(';', "\\;")
        .replace('\n', "\\n")
}

/// Every live customer as vCards (3.0), for contact applications.
pub fn vcards(conn: &mut DbConn) -> Result<String, CustomerError> {
    let mut out = String::new();
    for c in live_customers(conn)? {
        let first = c.first_name.as_deref().unwrap_or_default();
        let last = c.last_name.as_deref().unwrap_or_default();
        out.push_str("BEGIN:VCARD\r\nVERSION:3.0\r\n");
        out.push_str(&format!(
            "N:{};{};;;\r\n",
            vcard_text(last),
            vcard_text(first)
        ));
        out.push_str(&format!("FN:{}\r\n", vcard_text(&c.display_name())));
        if let Some(company) = &c.company {
            out.push_str(&format!("ORG:{}\r\n", vcard_text(company)));
        }
        if let Some(email) = &c.email {
            out.push_str(&format!("EMAIL;TYPE=INTERNET:{}\r\n", vcard_text(email)));
        }
        for phone in [&c.phone, &c.phone2].into_iter().flatten() {
            out.push_str(&format!("TEL;TYPE=CELL:{}\r\n", vcard_text(phone)));
        }
        if c.address_line1.is_some() || c.city.is_some() {
            let street = [c.address_line1.as_deref(), c.address_line2.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ");
            out.push_str(&format!(
                "ADR;TYPE=HOME:;;{};{};;{};{}\r\n",
                vcard_text(&street),
                vcard_text(c.city.as_deref().unwrap_or_default()),
                vcard_text(c.postcode.as_deref().unwrap_or_default()),
                vcard_text(&c.country),
            ));
        }
        if let Some(birth) = c.birth_date {
            out.push_str(&format!("BDAY:{}\r\n", birth.format("%Y-%m-%d")));
        }
        out.push_str("END:VCARD\r\n");
    }
    Ok(out)
}
