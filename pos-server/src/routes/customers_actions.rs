//! What is done to one customer from their page: a consent given or
//! withdrawn, a card assigned or replaced (managers and the owner), points
//! adjusted with a reason (the owner).

use super::attempt_write;
use super::customers::{Sent, customer_field_error, path_id, refusal_status, render_customer};
use crate::auth::{AuthedForm, ManagerRole, OwnerRole};
use crate::error::AppResult;
use crate::page::{FlashNote, Page, redirect_with};
use crate::state::AppState;
use ::web::forms::FormErrors;
use ::web::i18n::Msg;
use ::web::pages::customers::detail::{ConsentFormValues, LedgerLine};
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use customers::consents::{self, NewConsent};
use customers::kinds::{Basis, Channel, ConsentSource, PointsReason};
use customers::{CustomerError, cards, points};
use db::DbConn;
use db::audit::{self, AuditEntry};
use serde::Deserialize;

/// The audit action that keeps the reason of a manual points adjustment
/// (the ledger has no room for text).
const POINTS_NOTE: &str = "customer.points_note";
const REASON_MAX: usize = 200;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/customers/{id}/consents", web::post().to(record_consent))
        .route("/customers/{id}/card", web::post().to(assign_card))
        .route("/customers/{id}/card/replace", web::post().to(replace_card))
        .route("/customers/{id}/points", web::post().to(adjust_points));
}

/// The customer's moves of points, each adjustment with the reason given.
pub(crate) fn ledger_notes(
    conn: &mut DbConn,
    customer_id: i64,
) -> Result<Vec<LedgerLine>, CustomerError> {
    let notes: Vec<(chrono::NaiveDateTime, String)> =
        audit::for_entity(conn, "customer", &customer_id.to_string())?
            .into_iter()
            .filter(|r| r.action == POINTS_NOTE)
            .filter_map(|r| r.detail.map(|d| (r.at, d)))
            .collect();
    Ok(points::ledger(conn, customer_id)?
        .into_iter()
        .map(|entry| {
            let note = (entry.reason == PointsReason::Adjustment.as_str())
                .then(|| notes.iter().find(|(at, _)| *at == entry.at))
                .flatten()
                .map(|(_, d)| d.clone());
            LedgerLine { entry, note }
        })
        .collect())
}

/// The page again with `errors` (and what was typed in the consent form).
async fn refused(
    state: &AppState,
    page: &Page,
    id: i64,
    e: CustomerError,
    consent: ConsentFormValues,
) -> AppResult<HttpResponse> {
    let status = refusal_status(&e);
    let errors = customer_field_error(page, e)?;
    let sent = Sent {
        consent,
        errors,
        status: Some(status),
        ..Sent::default()
    };
    render_customer(state, page, id, sent).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ConsentForm {
    channel: String,
    granted: String,
    basis: String,
    text_shown: String,
}

async fn record_consent(
    AuthedForm { user, form }: AuthedForm<ManagerRole, ConsentForm>,
    state: web::Data<AppState>,
    page: Page,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let id = path_id(&id)?;
    let typed = ConsentFormValues {
        channel: form.channel.clone(),
        granted: form.granted.clone(),
        basis: form.basis.clone(),
        text_shown: form.text_shown.clone(),
    };
    let parsed = Channel::parse(&form.channel).and_then(|channel| {
        Ok(NewConsent {
            channel,
            granted: form.granted.trim() == "yes",
            basis: Basis::parse(&form.basis)?,
            source: ConsentSource::Form,
            text_shown: Some(form.text_shown.clone()).filter(|t| !t.trim().is_empty()),
        })
    });
    let new = match parsed {
        Ok(new) => new,
        Err(e) => return refused(&state, &page, id, e, typed).await,
    };
    let (actor, clock) = (user.user().id, state.clock.clone());
    match attempt_write(&state, move |conn| {
        consents::record(conn, id, &new, Some(actor), clock.now_naive())
    })
    .await?
    {
        Ok(_) => Ok(redirect_with(
            &format!("/customers/{id}#channels"),
            FlashNote::ConsentRecorded,
        )),
        Err(e) => refused(&state, &page, id, e, typed).await,
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct CardForm {
    card_number: String,
    /// The "new numbered card" button: the shop numbers the card itself.
    allocate: String,
}

async fn assign_card(
    AuthedForm { user, form }: AuthedForm<ManagerRole, CardForm>,
    state: web::Data<AppState>,
    page: Page,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let id = path_id(&id)?;
    let allocate = !form.allocate.is_empty() && form.card_number.trim().is_empty();
    let typed = form.card_number;
    let (actor, clock) = (user.user().id, state.clock.clone());
    match attempt_write(&state, move |conn| {
        let at = clock.now_naive();
        let number = if allocate {
            // Refuse before numbering a card for a customer who has one.
            if let Some(card) = cards::active_card(conn, id)? {
                return Err(CustomerError::HasCard {
                    number: card.number,
                });
            }
            cards::next_number(conn, at)?
        } else {
            typed
        };
        cards::assign(conn, &number, id, Some(actor), at)
    })
    .await?
    {
        Ok(_) => Ok(redirect_with(
            &format!("/customers/{id}#cards"),
            FlashNote::CardAssigned,
        )),
        Err(e) => refused(&state, &page, id, e, ConsentFormValues::default()).await,
    }
}

async fn replace_card(
    AuthedForm { user, form }: AuthedForm<ManagerRole, CardForm>,
    state: web::Data<AppState>,
    page: Page,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let id = path_id(&id)?;
    let (actor, clock) = (user.user().id, state.clock.clone());
    match attempt_write(&state, move |conn| {
        cards::replace(conn, id, &form.card_number, Some(actor), clock.now_naive())
    })
    .await?
    {
        Ok(_) => Ok(redirect_with(
            &format!("/customers/{id}#cards"),
            FlashNote::CardReplaced,
        )),
        Err(e) => refused(&state, &page, id, e, ConsentFormValues::default()).await,
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct PointsForm {
    delta: String,
    reason: String,
}

async fn adjust_points(
    AuthedForm { user, form }: AuthedForm<OwnerRole, PointsForm>,
    state: web::Data<AppState>,
    page: Page,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let id = path_id(&id)?;
    let mut errors = FormErrors::new();
    let delta = form
        .delta
        .trim()
        .trim_start_matches('+')
        .parse::<i64>()
        .ok()
        .filter(|d| *d != 0);
    if delta.is_none() {
        errors.add("delta", page.t(Msg::ErrPointsDelta));
    }
    let reason = form.reason.split_whitespace().collect::<Vec<_>>().join(" ");
    if reason.is_empty() || reason.chars().count() > REASON_MAX {
        errors.add("reason", page.t(Msg::ErrReasonRequired));
    }
    let Some(delta) = delta.filter(|_| errors.is_empty()) else {
        let sent = Sent {
            errors,
            status: Some(StatusCode::UNPROCESSABLE_ENTITY),
            ..Sent::default()
        };
        return render_customer(&state, &page, id, sent).await;
    };
    let (actor, clock) = (user.user().id, state.clock.clone());
    match attempt_write(&state, move |conn| -> Result<_, CustomerError> {
        let at = clock.now_naive();
        points::adjust(conn, id, delta, Some(actor), at)?;
        audit::record(
            conn,
            &AuditEntry {
                at,
                user_id: Some(actor),
                action: POINTS_NOTE,
                entity: "customer",
                entity_id: Some(id.to_string()),
                detail: Some(reason),
            },
        )?;
        Ok(())
    })
    .await?
    {
        Ok(()) => Ok(redirect_with(
            &format!("/customers/{id}#points"),
            FlashNote::PointsAdjusted,
        )),
        Err(e) => refused(&state, &page, id, e, ConsentFormValues::default()).await,
    }
}
