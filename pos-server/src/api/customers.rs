//! `/api/v1/customers`: enrolment (at the till too: cashiers enrol), and for
//! managers and the owner the file itself — search, the record with its
//! figures, the GDPR export; erasure for the owner.

use crate::auth::{AnyRole, ApiAuthed, ApiJson, ManagerRole, OwnerRole};
use crate::error::AppResult;
use crate::routes::{read, write};
use crate::state::AppState;
use actix_web::HttpResponse;
use actix_web::web::{self, Json};
use chrono::NaiveDate;
use customers::consents;
use customers::enrolment::{self, Boxes};
use customers::fiche::{self, Customer, NewCustomer};
use customers::kinds::{Channel, ConsentSource, Source};
use customers::{CustomerError, cards, enrichment, gdpr};
use db::Money;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Serialize, Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct AddressIo {
    pub line1: Option<String>,
    pub line2: Option<String>,
    pub postcode: Option<String>,
    pub city: Option<String>,
    /// Two letters: `FR` by default.
    pub country: Option<String>,
}

#[derive(Serialize, Deserialize, ToSchema, Default, Clone, Copy)]
#[serde(deny_unknown_fields)]
pub struct ConsentsIo {
    #[serde(default)]
    pub email: bool,
    #[serde(default)]
    pub sms: bool,
    #[serde(default)]
    pub post: bool,
}

#[derive(Serialize, ToSchema)]
pub struct StatsOut {
    pub visits: i64,
    #[schema(value_type = String)]
    pub total_spent: Money,
    #[schema(value_type = String)]
    pub average_basket: Money,
    pub first_visit: Option<String>,
    pub last_visit: Option<String>,
    pub points: i64,
}

#[derive(Serialize, ToSchema)]
pub struct CustomerOut {
    pub id: i64,
    pub civility: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub company: Option<String>,
    pub email: Option<String>,
    /// E.164: `+33612345678`.
    pub phone: Option<String>,
    pub address: AddressIo,
    pub birth_date: Option<String>,
    pub language: String,
    pub card_number: Option<String>,
    /// The current state per channel.
    pub consents: ConsentsIo,
    pub points: i64,
    pub created_at: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stats: Option<StatsOut>,
}

fn out(conn: &mut db::DbConn, c: Customer) -> Result<CustomerOut, CustomerError> {
    let card = cards::active_card(conn, c.id)?.map(|card| card.number);
    let current = consents::current(conn, c.id)?;
    Ok(shaped(c, card, &current))
}

/// A page of customers: their cards and consents read in two queries.
fn outs(conn: &mut db::DbConn, found: Vec<Customer>) -> Result<Vec<CustomerOut>, CustomerError> {
    let ids: Vec<i64> = found.iter().map(|c| c.id).collect();
    let mut cards = cards::active_cards(conn, &ids)?;
    let consents = consents::current_of(conn, &ids)?;
    Ok(found
        .into_iter()
        .map(|c| {
            let card = cards.remove(&c.id);
            let current = consents.get(&c.id).cloned().unwrap_or_default();
            shaped(c, card, &current)
        })
        .collect())
}

fn shaped(c: Customer, card: Option<String>, current: &consents::Current) -> CustomerOut {
    CustomerOut {
        consents: ConsentsIo {
            email: current.granted(Channel::Email),
            sms: current.granted(Channel::Sms),
            post: current.granted(Channel::Post),
        },
        card_number: card,
        id: c.id,
        civility: c.civility,
        first_name: c.first_name,
        last_name: c.last_name,
        company: c.company,
        email: c.email,
        phone: c.phone,
        address: AddressIo {
            line1: c.address_line1,
            line2: c.address_line2,
            postcode: c.postcode,
            city: c.city,
            country: Some(c.country),
        },
        birth_date: c.birth_date.map(|d| d.to_string()),
        language: c.language,
        points: c.points,
        created_at: c.created_at.and_utc().to_rfc3339(),
        stats: None,
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CustomerIn {
    pub first_name: String,
    pub last_name: String,
    pub company: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<AddressIo>,
    /// `1984-05-17`.
    pub birth_date: Option<String>,
    /// One box per channel, as the person ticked it (unticked by default).
    pub consents: ConsentsIo,
    /// A pre-printed card scanned at enrolment; none: a number is given.
    pub card_number: Option<String>,
    /// Enrolled at the till (the record's and the consents' source).
    #[serde(default)]
    pub at_till: bool,
}

/// Enrols a customer: the record, a consent per channel (an explicit yes with
/// the text shown, or a refusal kept as proof), and a loyalty card.
#[utoipa::path(post, path = "/api/v1/customers", tag = "customers", security(("bearer" = [])), request_body = CustomerIn,
    responses((status = 201, body = CustomerOut), (status = 409, description = "card taken", body = super::openapi::ErrorBody),
        (status = 422, body = super::openapi::ErrorBody)))]
pub async fn create(
    ApiJson { caller, body }: ApiJson<AnyRole, CustomerIn>,
    state: web::Data<AppState>,
) -> AppResult<HttpResponse> {
    let birth_date = match body.birth_date.as_deref().map(str::trim) {
        Some(raw) if !raw.is_empty() => Some(parse_birth_date(raw)?),
        _ => None,
    };
    let address = body.address.unwrap_or_default();
    let new = NewCustomer {
        first_name: body.first_name,
        last_name: body.last_name,
        company: body.company,
        email: body.email,
        phone: body.phone,
        address_line1: address.line1,
        address_line2: address.line2,
        postcode: address.postcode,
        city: address.city,
        country: address.country,
        birth_date,
        source: Some(if body.at_till {
            Source::Till
        } else {
            Source::Api
        }),
        ..NewCustomer::default()
    };
    let (user, clock, boxes, card) = (
        caller.user.id,
        state.clock.clone(),
        body.consents,
        body.card_number,
    );
    let from = if body.at_till {
        ConsentSource::Till
    } else {
        ConsentSource::Api
    };
    let created = write(&state, move |conn| {
        let at = clock.now_naive();
        let boxes = Boxes {
            email: boxes.email,
            sms: boxes.sms,
            post: boxes.post,
        };
        let customer = enrolment::enrol(conn, &new, boxes, card.as_deref(), from, Some(user), at)?;
        out(conn, customer)
    })
    .await?;
    Ok(HttpResponse::Created().json(created))
}

fn parse_birth_date(raw: &str) -> Result<NaiveDate, crate::error::AppError> {
    ::web::i18n::parse_date(raw).ok_or_else(|| {
        crate::error::AppError::new(
            crate::error::ErrorKind::Unprocessable,
            ::web::i18n::Msg::ErrDay,
        )
        .arg("value", raw)
    })
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SearchQuery {
    /// Name, e-mail, phone, card number or postcode; accents and case ignored.
    pub q: Option<String>,
    /// At most this many (default 50, at most 500).
    pub limit: Option<i64>,
}

#[derive(Serialize, ToSchema)]
pub struct CustomerList {
    pub items: Vec<CustomerOut>,
}

/// Searches the file (a bulk view, written to the audit log).
#[utoipa::path(get, path = "/api/v1/customers", tag = "customers", security(("bearer" = [])),
    params(("q" = Option<String>, Query), ("limit" = Option<i64>, Query)), responses((status = 200, body = CustomerList)))]
pub async fn list(
    caller: ApiAuthed<ManagerRole>,
    state: web::Data<AppState>,
    query: web::Query<SearchQuery>,
) -> AppResult<Json<CustomerList>> {
    let query = query.into_inner();
    let (user, clock) = (caller.user.id, state.clock.clone());
    let items = write(&state, move |conn| {
        let text = query.q.unwrap_or_default();
        let found = fiche::search(conn, &text, query.limit.unwrap_or(50).clamp(1, 500))?;
        gdpr::audit_view(
            conn,
            Some(user),
            clock.now_naive(),
            &format!("api search {text:?}"),
            found.len(),
        )?;
        outs(conn, found)
    })
    .await?;
    Ok(Json(CustomerList { items }))
}

/// One customer with their figures.
#[utoipa::path(get, path = "/api/v1/customers/{id}", tag = "customers", security(("bearer" = [])), params(("id" = i64, Path, description = "the customer")),
    responses((status = 200, body = CustomerOut), (status = 404, body = super::openapi::ErrorBody)))]
pub async fn get(
    _caller: ApiAuthed<ManagerRole>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<Json<CustomerOut>> {
    let id = id.into_inner();
    let found = read(&state, move |conn| {
        let customer = fiche::resolve(conn, id)?;
        let stats = enrichment::stats(conn, customer.id)?;
        let mut found = out(conn, customer)?;
        found.stats = Some(StatsOut {
            visits: stats.visits,
            total_spent: stats.total_spent,
            average_basket: stats.average_basket,
            first_visit: stats.first_visit.map(|t| t.and_utc().to_rfc3339()),
            last_visit: stats.last_visit.map(|t| t.and_utc().to_rfc3339()),
            points: stats.points,
        });
        Ok::<_, CustomerError>(found)
    })
    .await?;
    Ok(Json(found))
}

/// Everything held on one person (GDPR access), written to the audit log.
#[utoipa::path(get, path = "/api/v1/customers/{id}/export", tag = "customers", security(("bearer" = [])), params(("id" = i64, Path, description = "the customer")),
    responses((status = 200, body = Object), (status = 404, body = super::openapi::ErrorBody)))]
pub async fn export(
    caller: ApiAuthed<ManagerRole>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<Json<serde_json::Value>> {
    let (id, user, clock) = (id.into_inner(), caller.user.id, state.clock.clone());
    let data = write(&state, move |conn| {
        gdpr::export(conn, id, Some(user), clock.now_naive())
    })
    .await?;
    Ok(Json(data))
}

/// Erasure by anonymisation: the person goes, their sales stay.
#[utoipa::path(post, path = "/api/v1/customers/{id}/erase", tag = "customers", security(("bearer" = [])), params(("id" = i64, Path, description = "the customer")),
    responses((status = 200, body = CustomerOut), (status = 409, description = "already erased", body = super::openapi::ErrorBody)))]
pub async fn erase(
    caller: ApiAuthed<OwnerRole>,
    state: web::Data<AppState>,
    id: web::Path<i64>,
) -> AppResult<Json<CustomerOut>> {
    let (id, user, clock) = (id.into_inner(), caller.user.id, state.clock.clone());
    let erased = write(&state, move |conn| {
        let customer = gdpr::anonymise(conn, id, Some(user), clock.now_naive())?;
        out(conn, customer)
    })
    .await?;
    Ok(Json(erased))
}
