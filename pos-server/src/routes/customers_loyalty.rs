//! `/settings/loyalty`: the loyalty cards' prefix (refused when the scales
//! print it), points per euro and what a point pays. The owner.

use super::customers::{customer_field_error, refusal_status};
use super::products_common::typed_money;
use super::{attempt_write, read};
use crate::auth::{Authed, AuthedForm, OwnerRole};
use crate::error::AppResult;
use crate::page::{FlashNote, Page, redirect_with};
use crate::state::AppState;
use ::web::forms::FormErrors;
use ::web::i18n::Msg;
use ::web::pages::customers::loyalty::{LoyaltyFormValues, loyalty_page};
use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use customers::CustomerError;
use customers::cards::{self, CARD_PREFIX_KEY, DEFAULT_CARD_PREFIX};
use customers::points::PointsRules;
use serde::Deserialize;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/settings/loyalty", web::get().to(show))
        .route("/settings/loyalty", web::post().to(save));
}

async fn show(
    _user: Authed<OwnerRole>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let (prefix, rules) = read(&state, |conn| -> Result<_, CustomerError> {
        let prefix = db::settings::get(conn, CARD_PREFIX_KEY)?
            .unwrap_or_else(|| DEFAULT_CARD_PREFIX.to_owned());
        Ok((prefix, PointsRules::load(conn)?))
    })
    .await?;
    let values = LoyaltyFormValues {
        card_prefix: prefix,
        points_per_euro: rules.points_per_euro.to_string(),
        point_value: rules.point_value.to_api().replace('.', ","),
    };
    let join = join_url(&state);
    Ok(page.ok(loyalty_page(
        &page.ctx,
        &values,
        join.as_deref(),
        &FormErrors::new(),
    )))
}

/// The public enrolment form's address, when it is open.
fn join_url(state: &AppState) -> Option<String> {
    super::public::Outreach::of(state).map(|o| o.page("/join"))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct LoyaltyForm {
    card_prefix: String,
    points_per_euro: String,
    point_value: String,
}

async fn save(
    AuthedForm { user, form }: AuthedForm<OwnerRole, LoyaltyForm>,
    state: web::Data<AppState>,
    page: Page,
) -> AppResult<HttpResponse> {
    let values = LoyaltyFormValues {
        card_prefix: form.card_prefix.trim().to_owned(),
        points_per_euro: form.points_per_euro.trim().to_owned(),
        point_value: form.point_value.trim().to_owned(),
    };
    let refused = |errors: &FormErrors, status| {
        let join = join_url(&state);
        page.respond(
            status,
            loyalty_page(&page.ctx, &values, join.as_deref(), errors),
        )
    };
    let mut errors = FormErrors::new();
    let points_per_euro = values
        .points_per_euro
        .parse::<i64>()
        .ok()
        .filter(|p| (0..=1000).contains(p));
    if points_per_euro.is_none() {
        errors.add("points_per_euro", page.t(Msg::ErrPointsPerEuro));
    }
    let point_value = match typed_money(page.lang(), "point_value", &values.point_value) {
        Ok(Some(value)) => Some(value),
        Ok(None) => {
            errors.add("point_value", page.t(Msg::PointValueHint));
            None
        }
        Err(message) => {
            errors.add("point_value", message);
            None
        }
    };
    let (Some(points_per_euro), Some(point_value)) = (points_per_euro, point_value) else {
        return Ok(refused(&errors, StatusCode::UNPROCESSABLE_ENTITY));
    };
    if !errors.is_empty() {
        return Ok(refused(&errors, StatusCode::UNPROCESSABLE_ENTITY));
    }
    let rules = PointsRules {
        points_per_euro,
        point_value,
    };
    let prefix = values.card_prefix.clone();
    let (actor, clock) = (user.user().id, state.clock.clone());
    let saved = attempt_write(&state, move |conn| -> Result<(), CustomerError> {
        let at = clock.now_naive();
        let current = db::settings::get(conn, CARD_PREFIX_KEY)?;
        if current.as_deref() != Some(prefix.as_str()) {
            cards::set_prefix(conn, &prefix, Some(actor), at)?;
        }
        rules.save(conn, Some(actor), at)
    })
    .await?;
    match saved {
        Ok(()) => Ok(redirect_with("/settings/loyalty", FlashNote::LoyaltySaved)),
        Err(e) => {
            let status = refusal_status(&e);
            let errors = customer_field_error(&page, e)?;
            Ok(refused(&errors, status))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{AppError, customer_error_field};

    #[test]
    fn a_clashing_prefix_is_refused_next_to_its_field() {
        let e = CustomerError::CardPrefixClash {
            prefix: "21".into(),
        };
        assert_eq!(customer_error_field(&e), "card_prefix");
        assert_eq!(
            AppError::from(&e).message(::web::i18n::Lang::Fr),
            "Le préfixe 21 est celui d’étiquettes de balance."
        );
    }
}
