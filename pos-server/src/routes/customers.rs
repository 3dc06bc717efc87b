//! `/customers`: the customer file's list (search as you type) and one
//! customer's page with their fiche. Managers and the owner; cashiers find
//! customers at the till only. The actions on a customer are in
//! `customers_actions`, the person's rights in `customers_rights`.
//!
//! Bulk views are audited (`gdpr::audit_view`, with the count, never the text
//! searched): the whole file (`?all=1`), and any search that lists
//! [`BULK_VIEW`] rows or more. Looking one person up is the daily work and is
//! not logged.

use super::customers_actions::ledger_notes;
use super::{attempt_write, read, write};
use crate::auth::{Authed, AuthedForm, ManagerRole};
use crate::error::{AppError, AppResult, ErrorKind, customer_error_field};
use crate::page::{FlashNote, Page, redirect_with};
use crate::state::AppState;
use ::web::forms::FormErrors;
use ::web::i18n::{Msg, parse_date};
use ::web::pages::customers::detail::{ConsentFormValues, CustomerDetail, customer_page};
use ::web::pages::customers::fiche::{FicheValues, new_customer_page};
use ::web::pages::customers::list::{CustomerRow, CustomersView, customer_rows, customers_page};
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use chrono::NaiveDate;
use customers::kinds::{Civility, Language, Source};
use customers::points::PointsRules;
use customers::{
    CustomerChanges, CustomerError, NewCustomer, cards, consents, enrichment, fiche, gdpr,
    normalise,
};
use db::ids::UserId;
use serde::Deserialize;

/// At most this many rows on the list.
const LIST_LIMIT: i64 = 200;
/// A search listing this many rows or more is a bulk view, audited.
pub(crate) const BULK_VIEW: usize = 20;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/static/customers.js", web::get().to(script))
        .route("/customers", web::get().to(list))
        .route("/customers", web::post().to(create))
        .route("/customers/search", web::get().to(search_rows))
        .route("/customers/new", web::get().to(new_form))
        .route("/customers/{id}", web::get().to(show))
        .route("/customers/{id}", web::post().to(update));
}

async fn script() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/javascript; charset=utf-8")
        .insert_header(("Cache-Control", "public, max-age=3600"))
        .body(::web::assets::CUSTOMERS_JS)
}

/// A customer-file refusal next to its field; a missing, anonymised or merged
/// fiche and the database's errors are the page's.
pub(crate) fn customer_field_error(page: &Page, e: CustomerError) -> Result<FormErrors, AppError> {
    match e {
        CustomerError::Db(_)
        | CustomerError::NotFound(_)
        | CustomerError::TicketNotFound(_)
        | CustomerError::Anonymised(_)
        | CustomerError::AlreadyAnonymised(_)
        | CustomerError::Merged { .. } => Err(e.into()),
        other => {
            let field = customer_error_field(&other);
            Ok(FormErrors::new().with(field, AppError::from(&other).message(page.lang())))
        }
    }
}

/// The status a form sent back with this refusal answers (409 for a taken
/// card, 422 for a bad value).
pub(crate) fn refusal_status(e: &CustomerError) -> StatusCode {
    AppError::from(e).kind.status()
}

#[derive(Deserialize, Default)]
struct ListQuery {
    q: Option<String>,
    all: Option<String>,
}

/// The rows for `query` (or the whole file), audited when they are many.
async fn find(
    state: &AppState,
    user: UserId,
    text: String,
    all: bool,
) -> AppResult<Vec<CustomerRow>> {
    let st = state.clone();
    let clock = state.clock.clone();
    write(state, move |conn| -> Result<_, CustomerError> {
        let found = if all {
            fiche::list(conn, LIST_LIMIT)?
        } else {
            fiche::search(conn, &text, LIST_LIMIT)?
        };
        if all || found.len() >= BULK_VIEW {
            let what = if all {
                "customer list"
            } else {
                "customer search"
            };
            gdpr::audit_view(conn, Some(user), clock.now_naive(), what, found.len())?;
        }
        let ids: Vec<i64> = found.iter().map(|c| c.id).collect();
        let mut cards = cards::active_cards(conn, &ids)?;
        let mut rows = Vec::with_capacity(found.len());
        for mut customer in found {
            let card = cards.remove(&customer.id);
            customer.last_visit = customer.last_visit.map(|at| st.local(at));
            rows.push(CustomerRow { customer, card });
        }
        Ok(rows)
    })
    .await
}

async fn list(
    user: Authed<ManagerRole>,
    state: web::Data<AppState>,
    page: Page,
    query: web::Query<ListQuery>,
) -> AppResult<HttpResponse> {
    let q = query.into_inner();
    let text = q.q.unwrap_or_default();
    let all = q.all.is_some_and(|a| !a.is_empty()) && text.trim().is_empty();
    let rows = find(&state, user.user().id, text.clone(), all).await?;
    let view = CustomersView {
        query: &text,
        all,
        rows: &rows,
        limit: usize::try_from(LIST_LIMIT).unwrap_or(usize::MAX),
    };
    Ok(page.ok(customers_page(&page.ctx, &view)))
}

/// The rows alone, for the search-as-you-type script.
async fn search_rows(
    user: Authed<ManagerRole>,
    state: web::Data<AppState>,
    page: Page,
    query: web::Query<ListQuery>,
) -> AppResult<HttpResponse> {
    let text = query.into_inner().q.unwrap_or_default();
    let asked = !text.trim().is_empty();
    let rows = find(&state, user.user().id, text, false).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/html; charset=utf-8")
        .insert_header(("Cache-Control", "no-store"))
        .body(customer_rows(&page.ctx, &rows, asked).into_string()))
}

/// The fiche as the form sends it; every field optional.
#[derive(Deserialize, Default)]
#[serde(default)]
pub(crate) struct FicheForm {
    pub(crate) civility: String,
    pub(crate) first_name: String,
    pub(crate) last_name: String,
    pub(crate) company: String,
    pub(crate) email: String,
    pub(crate) phone: String,
    pub(crate) phone2: String,
    pub(crate) address_line1: String,
    pub(crate) address_line2: String,
    pub(crate) postcode: String,
    pub(crate) city: String,
    pub(crate) country: String,
    pub(crate) birth_date: String,
    pub(crate) language: String,
    pub(crate) notes: String,
    pub(crate) tags: String,
}

/// What the typed fiche stands for, once the page's own parsing is done.
pub(crate) struct Typed {
    pub(crate) civility: Option<Civility>,
    pub(crate) birth_date: Option<NaiveDate>,
    pub(crate) language: Language,
    pub(crate) tags: Vec<String>,
}

impl FicheForm {
    pub(crate) fn values(&self) -> FicheValues {
        FicheValues {
            civility: self.civility.clone(),
            first_name: self.first_name.clone(),
            last_name: self.last_name.clone(),
            company: self.company.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            phone2: self.phone2.clone(),
            address_line1: self.address_line1.clone(),
            address_line2: self.address_line2.clone(),
            postcode: self.postcode.clone(),
            city: self.city.clone(),
            country: self.country.clone(),
            birth_date: self.birth_date.clone(),
            language: self.language.clone(),
            notes: self.notes.clone(),
            tags: self.tags.clone(),
        }
    }

    /// Parses what the page parses (civility, birth date, language, tags) and
    /// checks ahead the contact fields, so that every wrong one is shown at
    /// once; the domain checks everything again when it writes.
    pub(crate) fn check(&self, page: &Page) -> Result<Typed, FormErrors> {
        let mut errors = FormErrors::new();
        let mut refuse = |e: CustomerError| {
            errors.add(
                customer_error_field(&e),
                AppError::from(&e).message(page.lang()),
            );
        };
        let civility = match self.civility.trim() {
            "" => None,
            code => Civility::parse(code).map_err(&mut refuse).ok(),
        };
        let language = match self.language.trim() {
            "" => Language::Fr,
            code => Language::parse(code)
                .map_err(&mut refuse)
                .unwrap_or(Language::Fr),
        };
        let country = normalise::country(Some(&self.country))
            .map_err(&mut refuse)
            .ok();
        if let Some(country) = &country {
            let _ = normalise::phone("phone", Some(&self.phone), country).map_err(&mut refuse);
            let _ = normalise::phone("phone2", Some(&self.phone2), country).map_err(&mut refuse);
            let _ = normalise::postcode(Some(&self.postcode), country).map_err(&mut refuse);
        }
        let _ = normalise::email(Some(&self.email)).map_err(&mut refuse);
        let birth_date = match self.birth_date.trim() {
            "" => None,
            typed => {
                let parsed = parse_date(typed);
                if parsed.is_none() {
                    errors.add("birth_date", page.t(Msg::ErrBirthDateTyped));
                }
                parsed
            }
        };
        let tags = self
            .tags
            .split(',')
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
            .collect();
        if errors.is_empty() {
            Ok(Typed {
                civility,
                birth_date,
                language,
                tags,
            })
        } else {
            Err(errors)
        }
    }
}

fn new_customer(f: &FicheForm, t: Typed) -> NewCustomer {
    NewCustomer {
        civility: t.civility,
        first_name: f.first_name.clone(),
        last_name: f.last_name.clone(),
        company: Some(f.company.clone()),
        email: Some(f.email.clone()),
        phone: Some(f.phone.clone()),
        phone2: Some(f.phone2.clone()),
        address_line1: Some(f.address_line1.clone()),
        address_line2: Some(f.address_line2.clone()),
        postcode: Some(f.postcode.clone()),
        city: Some(f.city.clone()),
        country: Some(f.country.clone()).filter(|c| !c.trim().is_empty()),
        birth_date: t.birth_date,
        language: Some(t.language),
        notes: Some(f.notes.clone()),
        tags: t.tags,
        source: Some(Source::Form),
    }
}

fn changes(f: &FicheForm, t: Typed) -> CustomerChanges {
    CustomerChanges {
        civility: Some(t.civility),
        first_name: Some(f.first_name.clone()),
        last_name: Some(f.last_name.clone()),
        company: Some(f.company.clone()),
        email: Some(f.email.clone()),
        phone: Some(f.phone.clone()),
        phone2: Some(f.phone2.clone()),
        address_line1: Some(f.address_line1.clone()),
        address_line2: Some(f.address_line2.clone()),
        postcode: Some(f.postcode.clone()),
        city: Some(f.city.clone()),
        country: Some(f.country.clone()).filter(|c| !c.trim().is_empty()),
        birth_date: Some(t.birth_date),
        language: Some(t.language),
        notes: Some(f.notes.clone()),
        tags: Some(t.tags),
    }
}

async fn new_form(_user: Authed<ManagerRole>, page: Page) -> AppResult<HttpResponse> {
    Ok(page.ok(new_customer_page(
        &page.ctx,
        &FicheValues::new(),
        &FormErrors::new(),
    )))
}

async fn create(
    AuthedForm { user, form }: AuthedForm<ManagerRole, FicheForm>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let refused = |errors: &FormErrors, status| {
        page.respond(status, new_customer_page(&page.ctx, &form.values(), errors))
    };
    let typed = match form.check(&page) {
        Ok(typed) => typed,
        Err(errors) => return Ok(refused(&errors, StatusCode::UNPROCESSABLE_ENTITY)),
    };
    let new = new_customer(&form, typed);
    let (actor, clock) = (user.user().id, state.clock.clone());
    match attempt_write(&state, move |conn| {
        fiche::create(conn, &new, Some(actor), clock.now_naive())
    })
    .await?
    {
        Ok(customer) => Ok(redirect_with(
            &format!("/customers/{}", customer.id),
            FlashNote::CustomerCreated,
        )),
        Err(e) => {
            let status = refusal_status(&e);
            let errors = customer_field_error(&page, e)?;
            Ok(refused(&errors, status))
        }
    }
}

/// What the customer's page shows as sent back after a form: the fiche as
/// typed, the consent as typed, the errors and the status.
#[derive(Default)]
pub(crate) struct Sent {
    pub fiche: Option<FicheValues>,
    pub consent: ConsentFormValues,
    pub errors: FormErrors,
    pub status: Option<StatusCode>,
}

/// The customer's page, with their times on the shop's clock.
pub(crate) async fn render_customer(
    state: &AppState,
    page: &Page,
    id: i64,
    sent: Sent,
) -> AppResult<HttpResponse> {
    let st = state.clone();
    let loaded = read(state, move |conn| -> Result<_, AppError> {
        let mut customer = fiche::get(conn, id)?;
        let local = |at| st.local(at);
        customer.first_visit = customer.first_visit.map(local);
        customer.last_visit = customer.last_visit.map(local);
        customer.anonymised_at = customer.anonymised_at.map(local);
        let mut current = consents::current(conn, id)?;
        for row in [&mut current.email, &mut current.sms, &mut current.post]
            .into_iter()
            .flatten()
        {
            row.at = local(row.at);
        }
        let mut history = consents::history(conn, id)?;
        for row in &mut history {
            row.at = local(row.at);
        }
        let mut card_list = cards::of_customer(conn, id)?;
        for card in &mut card_list {
            card.assigned_at = card.assigned_at.map(local);
        }
        let mut stats = enrichment::stats(conn, id)?;
        stats.first_visit = stats.first_visit.map(local);
        stats.last_visit = stats.last_visit.map(local);
        let rules = PointsRules::load(conn)?;
        let mut ledger = ledger_notes(conn, id)?;
        for line in &mut ledger {
            line.entry.at = local(line.entry.at);
        }
        let tickets: Vec<_> = sales::tickets::of_customer(conn, id, 100)?
            .into_iter()
            .map(|s| sales::tickets::Summary {
                created_at: local(s.created_at),
                ..s
            })
            .collect();
        let value = rules.value_of(stats.points);
        Ok((
            customer, current, history, card_list, stats, value, ledger, tickets,
        ))
    })
    .await?;
    let (customer, current, history, card_list, stats, value, ledger, tickets) = loaded;
    let fiche = sent
        .fiche
        .unwrap_or_else(|| FicheValues::of(page.lang(), &customer));
    let detail = CustomerDetail {
        customer: &customer,
        fiche: &fiche,
        consents: &current,
        history: &history,
        cards: &card_list,
        stats: &stats,
        points_value: value,
        ledger: &ledger,
        tickets: &tickets,
        consent: &sent.consent,
        errors: &sent.errors,
    };
    Ok(page.respond(
        sent.status.unwrap_or(StatusCode::OK),
        customer_page(&page.ctx, &detail),
    ))
}

pub(crate) fn path_id(raw: &str) -> AppResult<i64> {
    raw.parse()
        .map_err(|_| AppError::new(ErrorKind::NotFound, Msg::ErrNotFound))
}

async fn show(
    _user: Authed<ManagerRole>,
    state: web::Data<AppState>,
    page: Page,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let id = path_id(&id)?;
    render_customer(&state, &page, id, Sent::default()).await
}

async fn update(
    AuthedForm { user, form }: AuthedForm<ManagerRole, FicheForm>,
    state: web::Data<AppState>,
    page: Page,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let id = path_id(&id)?;
    let sent_back = |errors: FormErrors, status| Sent {
        fiche: Some(form.values()),
        errors,
        status: Some(status),
        ..Sent::default()
    };
    let typed = match form.check(&page) {
        Ok(typed) => typed,
        Err(errors) => {
            let sent = sent_back(errors, StatusCode::UNPROCESSABLE_ENTITY);
            return render_customer(&state, &page, id, sent).await;
        }
    };
    let changes = changes(&form, typed);
    let (actor, clock) = (user.user().id, state.clock.clone());
    match attempt_write(&state, move |conn| {
        fiche::update(conn, id, &changes, Some(actor), clock.now_naive())
    })
    .await?
    {
        Ok(_) => Ok(redirect_with(
            &format!("/customers/{id}"),
            FlashNote::CustomerSaved,
        )),
        Err(e) => {
            let status = refusal_status(&e);
            let errors = customer_field_error(&page, e)?;
            render_customer(&state, &page, id, sent_back(errors, status)).await
        }
    }
}
