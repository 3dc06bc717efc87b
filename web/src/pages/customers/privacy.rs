//! `/customers/{id}/data`: everything the file holds on a person, readable
//! (the same as the JSON export), and the erasure form (the owner).

use customers::Customer;
use customers::cards::Card;
use customers::consents::Consent;
use customers::enrichment::{CategorySpend, CustomerStats};
use customers::points::LedgerEntry;
use db::Role;
use maud::{Markup, html};
use sales::tickets::Summary;

use super::{
    NONE, basis_label, card_status_label, channel_label, civility_label, consent_source_label,
    customer_href, points_reason_label, state_badge,
};
use crate::forms::{FormErrors, checkbox, form_error};
use crate::i18n::{Msg, short_date, short_datetime};
use crate::layout::{PageCtx, csrf_field, page};
use crate::pages::sales::kind_label;

/// What the file holds on one person; times on the shop's clock.
#[derive(Debug, Clone, Copy)]
pub struct CustomerData<'a> {
    pub customer: &'a Customer,
    pub merged_from: &'a [i64],
    pub history: &'a [Consent],
    pub cards: &'a [Card],
    pub ledger: &'a [LedgerEntry],
    pub stats: &'a CustomerStats,
    pub spend: &'a [CategorySpend],
    pub tickets: &'a [Summary],
}

pub fn customer_data_page(ctx: &PageCtx, d: &CustomerData<'_>, errors: &FormErrors) -> Markup {
    let c = d.customer;
    let title = ctx.t(Msg::CustomerDataTitle);
    let owner = ctx
        .user
        .as_ref()
        .is_some_and(|u| u.role.allows(Role::Owner));
    let text = |v: &Option<String>| v.clone().unwrap_or_else(|| NONE.to_owned());
    let fields: Vec<(Msg, String)> = vec![
        (
            Msg::FieldCivility,
            c.civility
                .as_deref()
                .map_or(NONE.to_owned(), |v| civility_label(ctx.lang, v).to_owned()),
        ),
        (Msg::FieldFirstName, text(&c.first_name)),
        (Msg::FieldLastName, text(&c.last_name)),
        (Msg::FieldCompany, text(&c.company)),
        (Msg::FieldEmail, text(&c.email)),
        (Msg::FieldPhone, text(&c.phone)),
        (Msg::FieldPhone2, text(&c.phone2)),
        (Msg::FieldAddressLine1, text(&c.address_line1)),
        (Msg::FieldAddressLine2, text(&c.address_line2)),
        (Msg::FieldPostcode, text(&c.postcode)),
        (Msg::FieldCity, text(&c.city)),
        (Msg::FieldCountry, c.country.clone()),
        (
            Msg::FieldBirthDate,
            c.birth_date
                .map_or(NONE.to_owned(), |b| short_date(ctx.lang, b)),
        ),
        (Msg::FieldCustomerLanguage, c.language.clone()),
        (
            Msg::FieldTags,
            c.tags.clone().unwrap_or_else(|| NONE.to_owned()),
        ),
        (Msg::FieldNotes, text(&c.notes)),
        (Msg::FicheCreated, short_datetime(c.created_at)),
        (Msg::FicheUpdated, short_datetime(c.updated_at)),
    ];
    let body = html! {
        p { a href=(customer_href(c.id)) { "← " (c.display_name()) } }
        div.page-head {
            h1 { (title) " — " (c.display_name()) (state_badge(ctx, c)) }
            div.actions {
                a.button href=(format!("/customers/{}/export", c.id)) download { (ctx.t(Msg::ExportCustomer)) }
            }
        }
        p.muted { (ctx.t(Msg::CustomerDataIntro)) }
        section {
            h2 { (ctx.t(Msg::FicheTitle)) }
            dl.facts {
                @for (label, value) in &fields {
                    dt { (ctx.t(*label)) } dd { (value) }
                }
                @if !d.merged_from.is_empty() {
                    dt { (ctx.t(Msg::MergedFrom)) }
                    dd { (d.merged_from.iter().map(|id| format!("n°{id}")).collect::<Vec<_>>().join(", ")) }
                }
            }
        }
        section {
            h2 { (ctx.t(Msg::ConsentHistoryTitle)) }
            @if d.history.is_empty() { p { (ctx.t(Msg::NoConsents)) } }
            ul {
                @for row in d.history {
                    li {
                        (short_datetime(row.at)) " — " (channel_label(ctx.lang, &row.channel)) " — "
                        (ctx.t(if row.granted { Msg::ConsentGranted } else { Msg::ConsentWithdrawn })) " — "
                        (basis_label(ctx.lang, &row.basis)) " — " (consent_source_label(ctx.lang, &row.source))
                        @if let Some(shown) = &row.text_shown { " — « " (shown) " »" }
                    }
                }
            }
        }
        section {
            h2 { (ctx.t(Msg::LoyaltyCardTitle)) }
            @if d.cards.is_empty() { p { (ctx.t(Msg::NoCard)) } }
            ul {
                @for card in d.cards {
                    li { code { (card.number) } " — " (card_status_label(ctx.lang, &card.status)) }
                }
            }
        }
        section {
            h2 { (ctx.t(Msg::FiguresTitle)) }
            dl.facts {
                dt { (ctx.t(Msg::ColVisits)) } dd { (d.stats.visits) }
                dt { (ctx.t(Msg::TotalSpent)) } dd { (d.stats.total_spent.to_french()) }
                dt { (ctx.t(Msg::PointsTitle)) } dd { (d.stats.points) }
                @for spend in d.spend {
                    dt { (spend.name.as_deref().unwrap_or(ctx.t(Msg::NoCategory))) }
                    dd { (spend.amount.to_french()) }
                }
            }
        }
        section {
            h2 { (ctx.t(Msg::PointsTitle)) }
            @if d.ledger.is_empty() { p { (ctx.t(Msg::NoPointsMoves)) } }
            ul {
                @for e in d.ledger {
                    li {
                        (short_datetime(e.at)) " — " (points_reason_label(ctx.lang, &e.reason)) " — "
                        @if e.delta > 0 { "+" } (e.delta) " → " (e.balance_after)
                    }
                }
            }
        }
        section {
            h2 { (ctx.t(Msg::CustomerTicketsTitle)) }
            @if d.tickets.is_empty() { p { (ctx.t(Msg::NoTickets)) } }
            ul {
                @for s in d.tickets {
                    li {
                        (short_datetime(s.created_at)) " — "
                        a href=(format!("/sales/{}", s.uuid)) { (format!("{}-{:06}", s.till_code, s.number)) }
                        " — " (kind_label(ctx.lang, &s.kind)) " — " (s.total.to_french())
                    }
                }
            }
        }
        @if owner && c.anonymised_at.is_none() && c.merged_into.is_none() {
            section.card #erase {
                h2 { (ctx.t(Msg::EraseTitle)) }
                p { (ctx.t(Msg::EraseIntro)) }
                (form_error(errors))
                form method="post" action=(format!("/customers/{}/erase", c.id)) {
                    (csrf_field(ctx))
                    (checkbox("confirm", ctx.t(Msg::EraseConfirm), false, None, errors))
                    button.button-danger type="submit" { (ctx.t(Msg::EraseSubmit)) }
                }
            }
        }
    };
    page(ctx, title, body)
}

#[cfg(test)]
mod tests {
    use db::Money;

    use super::super::fixtures::helene;
    use super::*;
    use crate::i18n::Lang;
    use crate::test_support::{no_empty_class, signed_in};

    fn render(role: Role, lang: Lang) -> String {
        let stats = CustomerStats {
            visits: 3,
            total_spent: Money::from_cents(6420),
            average_basket: Money::from_cents(2140),
            first_visit: None,
            last_visit: None,
            points: 64,
            favourite_categories: Vec::new(),
        };
        let data = CustomerData {
            customer: &helene(),
            merged_from: &[9],
            history: &[],
            cards: &[],
            ledger: &[],
            stats: &stats,
            spend: &[],
            tickets: &[],
        };
        no_empty_class(
            customer_data_page(&signed_in(lang, role), &data, &FormErrors::new()).into_string(),
        )
    }

    #[test]
    fn everything_held_is_shown_and_the_owner_may_erase() {
        let html = render(Role::Owner, Lang::Fr);
        assert!(html.contains("<title>Ses données · Comptoir</title>"));
        assert!(html.contains("<dd>helene@example.fr</dd>"));
        assert!(html.contains("<dd>17/05/1980</dd>"));
        assert!(html.contains("n°9"));
        assert!(html.contains("action=\"/customers/7/erase\""));
        assert!(html.contains("name=\"confirm\""));
        let html = render(Role::Manager, Lang::En);
        assert!(!html.contains("/erase"));
        assert!(html.contains("href=\"/customers/7/export\""));
    }
}
