//! `/customers`: the customer file's back-office pages, for managers and the
//! owner: the search, the fiche with its consents, card, figures, points and
//! tickets, duplicates, the person's data and its erasure, retention, and the
//! loyalty settings.

pub mod detail;
pub mod duplicates;
pub mod fiche;
pub mod import;
pub mod list;
pub mod loyalty;
pub mod privacy;
pub mod retention;

use customers::Customer;
use customers::kinds::{Basis, CardStatus, Channel, Civility, ConsentSource, PointsReason};
use customers::merge::DuplicateReason;
use maud::{Markup, html};

use crate::i18n::{Lang, Msg, t};
use crate::layout::PageCtx;

pub(crate) const NONE: &str = "—";

/// A customer's address on their page.
pub fn customer_href(id: i64) -> String {
    format!("/customers/{id}")
}

pub fn channel_label(lang: Lang, code: &str) -> &'static str {
    t(
        lang,
        match Channel::parse(code) {
            Ok(Channel::Email) => Msg::ChannelEmail,
            Ok(Channel::Sms) => Msg::ChannelSms,
            Ok(Channel::Post) => Msg::ChannelPost,
            Err(_) => Msg::UnknownCode,
        },
    )
}

pub fn basis_label(lang: Lang, code: &str) -> &'static str {
    t(
        lang,
        match Basis::parse(code) {
            Ok(Basis::Explicit) => Msg::BasisExplicit,
            Ok(Basis::SoftOptIn) => Msg::BasisSoftOptIn,
            Ok(Basis::Informed) => Msg::BasisInformed,
            Err(_) => Msg::UnknownCode,
        },
    )
}

pub fn consent_source_label(lang: Lang, code: &str) -> &'static str {
    t(
        lang,
        match ConsentSource::parse(code) {
            Ok(ConsentSource::Till) => Msg::ConsentFromTill,
            Ok(ConsentSource::Form) => Msg::ConsentFromForm,
            Ok(ConsentSource::Import) => Msg::ConsentFromImport,
            Ok(ConsentSource::Account) => Msg::ConsentFromAccount,
            Ok(ConsentSource::Api) => Msg::ConsentFromApi,
            Ok(ConsentSource::Erasure) => Msg::ConsentFromErasure,
            Err(_) => Msg::UnknownCode,
        },
    )
}

pub fn points_reason_label(lang: Lang, code: &str) -> &'static str {
    t(
        lang,
        match PointsReason::parse(code) {
            Ok(PointsReason::Sale) => Msg::PointsSale,
            Ok(PointsReason::Refund) => Msg::PointsRefund,
            Ok(PointsReason::Spent) => Msg::PointsSpent,
            Ok(PointsReason::Adjustment) => Msg::PointsAdjustment,
            Ok(PointsReason::Merge) => Msg::PointsMerge,
            Err(_) => Msg::UnknownCode,
        },
    )
}

pub fn card_status_label(lang: Lang, code: &str) -> &'static str {
    t(
        lang,
        match CardStatus::parse(code) {
            Ok(CardStatus::Active) => Msg::CardActive,
            Ok(CardStatus::Replaced) => Msg::CardReplaced,
            Ok(CardStatus::Lost) => Msg::CardLost,
            Err(_) => Msg::UnknownCode,
        },
    )
}

pub fn civility_label(lang: Lang, code: &str) -> &'static str {
    t(
        lang,
        match Civility::parse(code) {
            Ok(Civility::Mme) => Msg::CivilityMme,
            Ok(Civility::M) => Msg::CivilityM,
            Err(_) => Msg::UnknownCode,
        },
    )
}

pub fn duplicate_reason_label(lang: Lang, reason: DuplicateReason) -> &'static str {
    t(
        lang,
        match reason {
            DuplicateReason::SameEmail => Msg::DuplicateSameEmail,
            DuplicateReason::SamePhone => Msg::DuplicateSamePhone,
            DuplicateReason::SameNameAndPostcode => Msg::DuplicateSameNameAndPostcode,
        },
    )
}

/// "Anonymised" or "merged" beside a name, when the fiche no longer lives.
pub fn state_badge(ctx: &PageCtx, customer: &Customer) -> Markup {
    html! {
        @if customer.anonymised_at.is_some() {
            " " span.badge.badge-off { (ctx.t(Msg::BadgeAnonymised)) }
        } @else if customer.merged_into.is_some() {
            " " span.badge.badge-off { (ctx.t(Msg::BadgeMerged)) }
        }
    }
}

/// The way back to the list, above each page.
pub(crate) fn back_to_list(ctx: &PageCtx) -> Markup {
    html! { p { a href="/customers" { "← " (ctx.t(Msg::BackToCustomers)) } } }
}

#[cfg(test)]
pub(crate) mod fixtures {
    use chrono::{NaiveDate, NaiveDateTime};
    use customers::Customer;

    pub fn at(day: u32, hour: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 11, day)
            .and_then(|d| d.and_hms_opt(hour, 0, 0))
            .unwrap_or_default()
    }

    /// Hélène <Dupont>, whose name needs escaping, with a card's figures.
    pub fn helene() -> Customer {
        Customer {
            id: 7,
            civility: Some("mme".into()),
            first_name: Some("Hélène".into()),
            last_name: Some("<Dupont>".into()),
            company: None,
            email: Some("helene@example.fr".into()),
            phone: Some("+33612345678".into()),
            phone2: None,
            address_line1: Some("3 rue du Port".into()),
            address_line2: None,
            postcode: Some("29000".into()),
            city: Some("Quimper".into()),
            country: "FR".into(),
            birth_date: NaiveDate::from_ymd_opt(1980, 5, 17),
            language: "fr".into(),
            notes: None,
            tags: Some("bio,vrac".into()),
            source: "form".into(),
            search_text: String::new(),
            match_key: None,
            visits: 3,
            total_spent: 6420,
            first_visit: Some(at(2, 10)),
            last_visit: Some(at(24, 17)),
            points: 64,
            anonymised_at: None,
            merged_into: None,
            created_at: at(1, 9),
            updated_at: at(1, 9),
        }
    }
}
