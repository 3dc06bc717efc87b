//! The person's rights and the file's upkeep: the readable data page and the
//! JSON export (both audited), erasure (the owner, confirmed), likely
//! duplicates and their merge, and retention with its bulk anonymisation
//! (the owner, confirmed). Managers and the owner otherwise.

use super::customers::{path_id, refusal_status};
use super::{attempt_write, write};
use crate::auth::{Authed, AuthedForm, ManagerRole, OwnerRole};
use crate::error::{AppError, AppResult};
use crate::page::{FlashNote, Page, redirect_with};
use crate::state::AppState;
use ::web::forms::FormErrors;
use ::web::i18n::Msg;
use ::web::pages::customers::duplicates::{DuplicateView, duplicates_page};
use ::web::pages::customers::privacy::{CustomerData, customer_data_page};
use ::web::pages::customers::retention::retention_page;
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use customers::retention::{self, DEFAULT_YEARS};
use customers::{CustomerError, cards, consents, enrichment, fiche, gdpr, merge, points};
use serde::Deserialize;

/// At most this many likely pairs on the page.
const PAIRS_LIMIT: i64 = 100;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/customers/duplicates", web::get().to(duplicates))
        .route("/customers/merge", web::post().to(merge_pair))
        .route("/customers/retention", web::get().to(retention_list))
        .route("/customers/retention", web::post().to(anonymise_stale))
        .route("/customers/{id}/data", web::get().to(data))
        .route("/customers/{id}/export", web::get().to(export))
        .route("/customers/{id}/erase", web::post().to(erase));
}

/// The JSON export as a download, audited.
async fn export(
    user: Authed<ManagerRole>,
    state: web::Data<AppState>,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let id = path_id(&id)?;
    let (actor, clock) = (user.user().id, state.clock.clone());
    let value = write(&state, move |conn| {
        gdpr::export(conn, id, Some(actor), clock.now_naive())
    })
    .await?;
    let body = serde_json::to_string_pretty(&value).map_err(AppError::internal)?;
    Ok(HttpResponse::Ok()
        .content_type("application/json; charset=utf-8")
        .insert_header(("Cache-Control", "no-store"))
        .insert_header((
            "Content-Disposition",
            format!("attachment; filename=\"client-{id}.json\""),
        ))
        .body(body))
}

/// The data page: what the export holds, readable; reading it is an export
/// (audited the same way).
async fn render_data(
    state: &AppState,
    page: &Page,
    actor: db::ids::UserId,
    id: i64,
    errors: &FormErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let (st, clock) = (state.clone(), state.clock.clone());
    let loaded = write(state, move |conn| -> Result<_, AppError> {
        let exported = gdpr::export(conn, id, Some(actor), clock.now_naive())?;
        let merged_from: Vec<i64> = exported["merged_from"]
            .as_array()
            .map(|ids| ids.iter().filter_map(serde_json::Value::as_i64).collect())
            .unwrap_or_default();
        let local = |at| st.local(at);
        let mut customer = fiche::resolve(conn, id)?;
        let id = customer.id;
        customer.created_at = local(customer.created_at);
        customer.updated_at = local(customer.updated_at);
        let mut history = consents::history(conn, id)?;
        for row in &mut history {
            row.at = local(row.at);
        }
        let card_list = cards::of_customer(conn, id)?;
        let mut ledger = Vec::new();
        for each in std::iter::once(id).chain(merged_from.iter().copied()) {
            ledger.extend(points::ledger(conn, each)?);
        }
        ledger.sort_by_key(|e| (e.at, e.id));
        for e in &mut ledger {
            e.at = local(e.at);
        }
        let stats = enrichment::stats(conn, id)?;
        let spend = enrichment::spend_by_category(conn, id)?;
        let tickets: Vec<_> = sales::tickets::of_customer(conn, id, 1000)?
            .into_iter()
            .map(|s| sales::tickets::Summary {
                created_at: local(s.created_at),
                ..s
            })
            .collect();
        Ok((
            customer,
            merged_from,
            history,
            card_list,
            ledger,
            stats,
            spend,
            tickets,
        ))
    })
    .await?;
    let (customer, merged_from, history, card_list, ledger, stats, spend, tickets) = loaded;
    let data = CustomerData {
        customer: &customer,
        merged_from: &merged_from,
        history: &history,
        cards: &card_list,
        ledger: &ledger,
        stats: &stats,
        spend: &spend,
        tickets: &tickets,
    };
    Ok(page.respond(status, customer_data_page(&page.ctx, &data, errors)))
}

async fn data(
    user: Authed<ManagerRole>,
    state: web::Data<AppState>,
    page: Page,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let id = path_id(&id)?;
    render_data(
        &state,
        &page,
        user.user().id,
        id,
        &FormErrors::new(),
        StatusCode::OK,
    )
    .await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ConfirmForm {
    confirm: String,
}

/// Erasure: the person is anonymised, their sales stay. A second erasure is
/// refused (409, in words).
async fn erase(
    AuthedForm { user, form }: AuthedForm<OwnerRole, ConfirmForm>,
    state: web::Data<AppState>,
    page: Page,
    id: web::Path<String>,
) -> AppResult<HttpResponse> {
    let id = path_id(&id)?;
    let actor = user.user().id;
    if form.confirm.is_empty() {
        // Said first when already done, rather than asking to confirm it.
        let current = write(&state, move |conn| fiche::get(conn, id)).await?;
        if current.anonymised_at.is_some() {
            return Err(CustomerError::AlreadyAnonymised(id).into());
        }
        let errors = FormErrors::new().with("confirm", page.t(Msg::ErrEraseConfirm));
        return render_data(
            &state,
            &page,
            actor,
            id,
            &errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let clock = state.clock.clone();
    attempt_write(&state, move |conn| {
        gdpr::anonymise(conn, id, Some(actor), clock.now_naive())
    })
    .await?
    .map_err(AppError::from)?;
    Ok(redirect_with(
        &format!("/customers/{id}"),
        FlashNote::CustomerErased,
    ))
}

async fn render_duplicates(
    state: &AppState,
    page: &Page,
    errors: &FormErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let st = state.clone();
    let pairs = super::read(state, move |conn| -> Result<_, CustomerError> {
        let mut views = Vec::new();
        for pair in merge::duplicates(conn, PAIRS_LIMIT)? {
            let mut first = fiche::get(conn, pair.first)?;
            let mut second = fiche::get(conn, pair.second)?;
            first.last_visit = first.last_visit.map(|at| st.local(at));
            second.last_visit = second.last_visit.map(|at| st.local(at));
            views.push(DuplicateView {
                first,
                second,
                reason: pair.reason,
            });
        }
        Ok(views)
    })
    .await?;
    Ok(page.respond(status, duplicates_page(&page.ctx, &pairs, errors)))
}

async fn duplicates(
    _user: Authed<ManagerRole>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    render_duplicates(&state, &page, &FormErrors::new(), StatusCode::OK).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct MergeForm {
    first: String,
    second: String,
    keep: String,
}

async fn merge_pair(
    AuthedForm { user, form }: AuthedForm<ManagerRole, MergeForm>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let id = |raw: &str| raw.trim().parse::<i64>().ok();
    let pair = (id(&form.first), id(&form.second), id(&form.keep));
    let (keep, remove) = match pair {
        (Some(first), Some(second), Some(keep)) if keep == first => (first, second),
        (Some(first), Some(second), Some(keep)) if keep == second => (second, first),
        _ => {
            let errors = FormErrors::new().with("", page.t(Msg::ErrMergePair));
            return render_duplicates(&state, &page, &errors, StatusCode::UNPROCESSABLE_ENTITY)
                .await;
        }
    };
    let (actor, clock) = (user.user().id, state.clock.clone());
    match attempt_write(&state, move |conn| {
        merge::merge(conn, keep, remove, Some(actor), clock.now_naive())
    })
    .await?
    {
        Ok(_) => Ok(redirect_with(
            &format!("/customers/{keep}"),
            FlashNote::CustomersMerged,
        )),
        Err(CustomerError::Db(e)) => Err(e.into()),
        Err(e) => {
            let status = refusal_status(&e);
            let errors = FormErrors::new().with("", AppError::from(&e).message(page.lang()));
            render_duplicates(&state, &page, &errors, status).await
        }
    }
}

/// The stale list: a bulk view, audited with its count.
async fn render_retention(
    state: &AppState,
    page: &Page,
    actor: db::ids::UserId,
    errors: &FormErrors,
    status: StatusCode,
) -> AppResult<HttpResponse> {
    let (st, clock) = (state.clone(), state.clock.clone());
    let stale = write(state, move |conn| -> Result<_, CustomerError> {
        let now = clock.now_naive();
        let mut stale = retention::stale(conn, now, DEFAULT_YEARS)?;
        gdpr::audit_view(conn, Some(actor), now, "retention list", stale.len())?;
        for c in &mut stale {
            c.created_at = st.local(c.created_at);
            c.last_visit = c.last_visit.map(|at| st.local(at));
        }
        Ok(stale)
    })
    .await?;
    Ok(page.respond(
        status,
        retention_page(&page.ctx, &stale, DEFAULT_YEARS, errors),
    ))
}

async fn retention_list(
    user: Authed<ManagerRole>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    render_retention(
        &state,
        &page,
        user.user().id,
        &FormErrors::new(),
        StatusCode::OK,
    )
    .await
}

async fn anonymise_stale(
    AuthedForm { user, form }: AuthedForm<OwnerRole, ConfirmForm>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let actor = user.user().id;
    if form.confirm.is_empty() {
        let errors = FormErrors::new().with("confirm", page.t(Msg::ErrEraseConfirm));
        return render_retention(
            &state,
            &page,
            actor,
            &errors,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let clock = state.clock.clone();
    write(&state, move |conn| {
        retention::anonymise_stale(conn, clock.now_naive(), DEFAULT_YEARS, Some(actor))
    })
    .await?;
    Ok(redirect_with(
        "/customers/retention",
        FlashNote::StaleErased,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    #[test]
    fn a_refused_merge_says_why_in_french() {
        let e = AppError::from(&CustomerError::MergeIntoItself);
        assert_eq!(e.kind, ErrorKind::Unprocessable);
        assert_eq!(
            e.message(::web::i18n::Lang::Fr),
            "Un client ne se fusionne pas avec lui-même."
        );
    }
}
