//! `/customers/{id}`: one customer. The fiche, the channels that reach them
//! (address present, consent, basis, when and from where) with the consents'
//! history and a form to record a change, the card (assign, replace), the
//! figures, the points and their ledger (adjusted by the owner), the tickets.

use customers::Customer;
use customers::cards::Card;
use customers::consents::{Consent, Current};
use customers::enrichment::CustomerStats;
use customers::kinds::{Basis, Channel};
use customers::points::LedgerEntry;
use db::{Money, Role};
use maud::{Markup, html};
use sales::tickets::Summary;

use super::fiche::{FicheValues, fiche_fields};
use super::{
    NONE, back_to_list, basis_label, card_status_label, channel_label, consent_source_label,
    points_reason_label, state_badge,
};
use crate::forms::{FormErrors, Input, Select, TextArea, form_error};
use crate::i18n::{self, Msg, short_date, short_datetime};
use crate::layout::{PageCtx, csrf_field, page};
use crate::pages::sales::kind_label;

/// The consent form as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConsentFormValues {
    pub channel: String,
    /// `yes` or `no`.
    pub granted: String,
    pub basis: String,
    pub text_shown: String,
}

/// A move of points, with the reason the owner gave for an adjustment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerLine {
    pub entry: LedgerEntry,
    pub note: Option<String>,
}

/// Everything the page shows; times on the shop's clock.
#[derive(Debug, Clone, Copy)]
pub struct CustomerDetail<'a> {
    pub customer: &'a Customer,
    pub fiche: &'a FicheValues,
    pub consents: &'a Current,
    /// Oldest first.
    pub history: &'a [Consent],
    pub cards: &'a [Card],
    pub stats: &'a CustomerStats,
    /// What the balance pays.
    pub points_value: Money,
    /// Oldest first.
    pub ledger: &'a [LedgerLine],
    /// Newest first.
    pub tickets: &'a [Summary],
    pub consent: &'a ConsentFormValues,
    pub errors: &'a FormErrors,
}

pub fn customer_page(ctx: &PageCtx, d: &CustomerDetail<'_>) -> Markup {
    let c = d.customer;
    let title = c.display_name();
    let live = c.anonymised_at.is_none() && c.merged_into.is_none();
    let owner = ctx
        .user
        .as_ref()
        .is_some_and(|u| u.role.allows(Role::Owner));
    let base = format!("/customers/{}", c.id);
    let body = html! {
        (back_to_list(ctx))
        div.page-head {
            h1 { (title) (state_badge(ctx, c)) }
            div.actions {
                a.button.button-secondary href=(format!("{base}/data")) { (ctx.t(Msg::CustomerDataTitle)) }
                a.button.button-secondary href=(format!("{base}/export")) download { (ctx.t(Msg::ExportCustomer)) }
            }
        }
        (form_error(d.errors))
        @if let Some(at) = c.anonymised_at {
            p role="status" { (i18n::tf(ctx.lang, Msg::AnonymisedOn, &[("date", &short_date(ctx.lang, at.date()))])) }
        }
        @if let Some(into) = c.merged_into {
            p role="status" {
                (ctx.t(Msg::MergedInto)) " "
                a href=(format!("/customers/{into}")) { (i18n::tf(ctx.lang, Msg::CustomerNumber, &[("id", &into.to_string())])) }
            }
        }
        @if live {
            section.card {
                h2 { (ctx.t(Msg::FicheTitle)) }
                form method="post" action=(base) {
                    (csrf_field(ctx))
                    (fiche_fields(ctx, d.fiche, d.errors))
                    button type="submit" { (ctx.t(Msg::Save)) }
                }
            }
        }
        (channels(ctx, d, live))
        (cards(ctx, d, live))
        (figures(ctx, d.stats))
        (points(ctx, d, live && owner))
        (tickets(ctx, d.tickets))
    };
    page(ctx, &title, body)
}

fn channels(ctx: &PageCtx, d: &CustomerDetail<'_>, live: bool) -> Markup {
    let c = d.customer;
    let address = [
        c.address_line1.as_deref(),
        c.postcode.as_deref(),
        c.city.as_deref(),
    ];
    let postal = address
        .iter()
        .all(Option::is_some)
        .then(|| address.into_iter().flatten().collect::<Vec<_>>().join(", "));
    let reach = [
        (Channel::Email, c.email.clone()),
        (Channel::Sms, c.phone.clone().or(c.phone2.clone())),
        (Channel::Post, postal),
    ];
    let errors = d.errors;
    let channel_options: Vec<(&str, &str)> = Channel::ALL
        .iter()
        .map(|ch| (ch.as_str(), channel_label(ctx.lang, ch.as_str())))
        .collect();
    let basis_options: Vec<(&str, &str)> = Basis::ALL
        .iter()
        .map(|b| (b.as_str(), basis_label(ctx.lang, b.as_str())))
        .collect();
    let chosen = |v: &str| Some(v.to_owned()).filter(|v| !v.is_empty());
    let (channel, granted, basis) = (
        chosen(&d.consent.channel),
        chosen(&d.consent.granted),
        chosen(&d.consent.basis),
    );
    html! {
        section #channels {
            h2 { (ctx.t(Msg::ChannelsTitle)) }
            div.table-wrap {
                table {
                    thead {
                        tr {
                            th scope="col" { (ctx.t(Msg::ColChannel)) }
                            th scope="col" { (ctx.t(Msg::ColReachable)) }
                            th scope="col" { (ctx.t(Msg::ColConsent)) }
                            th scope="col" { (ctx.t(Msg::ColBasis)) }
                            th scope="col" { (ctx.t(Msg::ColDate)) }
                            th scope="col" { (ctx.t(Msg::ColConsentSource)) }
                        }
                    }
                    tbody {
                        @for (channel, contact) in &reach {
                            @let consent = d.consents.get(*channel);
                            tr {
                                th scope="row" { (channel_label(ctx.lang, channel.as_str())) }
                                td {
                                    @match contact {
                                        Some(text) => (text),
                                        None => span.muted { (ctx.t(Msg::ContactMissing)) },
                                    }
                                }
                                td { (consent_badge(ctx, consent)) }
                                @match consent {
                                    Some(row) => {
                                        td { (basis_label(ctx.lang, &row.basis)) }
                                        td { (short_datetime(row.at)) }
                                        td { (consent_source_label(ctx.lang, &row.source)) }
                                    }
                                    None => { td { (NONE) } td { (NONE) } td { (NONE) } }
                                }
                            }
                        }
                    }
                }
            }
            @if live {
                form.card method="post" action=(format!("/customers/{}/consents", d.customer.id)) {
                    h3 { (ctx.t(Msg::ConsentFormTitle)) }
                    (csrf_field(ctx))
                    (Select { name: "channel", label: ctx.t(Msg::ColChannel), options: channel_options,
                        selected: channel.as_deref(), placeholder: None, required: true }.render(errors))
                    (Select { name: "granted", label: ctx.t(Msg::FieldConsentDecision),
                        options: vec![("yes", ctx.t(Msg::ConsentGranted)), ("no", ctx.t(Msg::ConsentWithdrawn))],
                        selected: granted.as_deref(), placeholder: None, required: true }.render(errors))
                    (Select { name: "basis", label: ctx.t(Msg::ColBasis), options: basis_options,
                        selected: basis.as_deref(), placeholder: None, required: true }.render(errors))
                    (TextArea::new("text_shown", ctx.t(Msg::FieldTextShown)).value(&d.consent.text_shown)
                        .hint(ctx.t(Msg::TextShownHint)).render(errors))
                    button type="submit" { (ctx.t(Msg::RecordConsent)) }
                }
            }
            h3 { (ctx.t(Msg::ConsentHistoryTitle)) }
            @if d.history.is_empty() {
                p { (ctx.t(Msg::NoConsents)) }
            } @else {
                div.table-wrap {
                    table #consent-history {
                        thead {
                            tr {
                                th scope="col" { (ctx.t(Msg::ColDate)) }
                                th scope="col" { (ctx.t(Msg::ColChannel)) }
                                th scope="col" { (ctx.t(Msg::ColConsent)) }
                                th scope="col" { (ctx.t(Msg::ColBasis)) }
                                th scope="col" { (ctx.t(Msg::ColConsentSource)) }
                                th scope="col" { (ctx.t(Msg::FieldTextShown)) }
                            }
                        }
                        tbody {
                            @for row in d.history.iter().rev() {
                                tr {
                                    td { (short_datetime(row.at)) }
                                    td { (channel_label(ctx.lang, &row.channel)) }
                                    td { (consent_badge(ctx, Some(row))) }
                                    td { (basis_label(ctx.lang, &row.basis)) }
                                    td { (consent_source_label(ctx.lang, &row.source)) }
                                    td { (row.text_shown.as_deref().unwrap_or(NONE)) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn consent_badge(ctx: &PageCtx, consent: Option<&Consent>) -> Markup {
    html! {
        @match consent {
            Some(row) if row.granted => span.badge.badge-on { (ctx.t(Msg::ConsentGranted)) },
            Some(_) => span.badge.badge-off { (ctx.t(Msg::ConsentWithdrawn)) },
            None => span.muted { (ctx.t(Msg::ConsentNeverAsked)) },
        }
    }
}

fn cards(ctx: &PageCtx, d: &CustomerDetail<'_>, live: bool) -> Markup {
    let active = d.cards.iter().any(|c| c.status == "active");
    let base = format!("/customers/{}/card", d.customer.id);
    html! {
        section #cards {
            h2 { (ctx.t(Msg::LoyaltyCardTitle)) }
            @if d.cards.is_empty() {
                p { (ctx.t(Msg::NoCard)) }
            } @else {
                div.table-wrap {
                    table {
                        thead {
                            tr {
                                th scope="col" { (ctx.t(Msg::ColCard)) }
                                th scope="col" { (ctx.t(Msg::ColStatus)) }
                                th scope="col" { (ctx.t(Msg::ColAssigned)) }
                            }
                        }
                        tbody {
                            @for card in d.cards {
                                tr {
                                    th scope="row" { code { (card.number) } }
                                    td { (card_status_label(ctx.lang, &card.status)) }
                                    td { (card.assigned_at.map_or(NONE.to_owned(), short_datetime)) }
                                }
                            }
                        }
                    }
                }
            }
            @if live {
                @if active {
                    form.card method="post" action=(format!("{base}/replace")) {
                        h3 { (ctx.t(Msg::ReplaceCard)) }
                        (csrf_field(ctx))
                        (Input::text("card_number", ctx.t(Msg::FieldNewCard)).inputmode("numeric")
                            .autocomplete("off").hint(ctx.t(Msg::ReplaceCardHint)).render(d.errors))
                        button type="submit" { (ctx.t(Msg::ReplaceCard)) }
                    }
                } @else {
                    form.card method="post" action=(base) {
                        h3 { (ctx.t(Msg::AssignCard)) }
                        (csrf_field(ctx))
                        (Input::text("card_number", ctx.t(Msg::ColCard)).inputmode("numeric")
                            .autocomplete("off").hint(ctx.t(Msg::AssignCardHint)).render(d.errors))
                        div.actions {
                            button type="submit" { (ctx.t(Msg::AssignCard)) }
                            button.button-secondary type="submit" name="allocate" value="1" formnovalidate {
                                (ctx.t(Msg::AllocateCard))
                            }
                        }
                    }
                }
            }
        }
    }
}

fn figures(ctx: &PageCtx, s: &CustomerStats) -> Markup {
    let when = |at: Option<chrono::NaiveDateTime>| at.map_or(NONE.to_owned(), short_datetime);
    html! {
        section #figures {
            h2 { (ctx.t(Msg::FiguresTitle)) }
            dl.facts {
                dt { (ctx.t(Msg::ColVisits)) } dd { (s.visits) }
                dt { (ctx.t(Msg::TotalSpent)) } dd { (s.total_spent.to_french()) }
                dt { (ctx.t(Msg::AverageBasket)) } dd { (s.average_basket.to_french()) }
                dt { (ctx.t(Msg::FirstVisit)) } dd { (when(s.first_visit)) }
                dt { (ctx.t(Msg::ColLastVisit)) } dd { (when(s.last_visit)) }
                dt { (ctx.t(Msg::FavouriteCategories)) }
                dd {
                    @if s.favourite_categories.is_empty() { (NONE) }
                    @for (i, spend) in s.favourite_categories.iter().enumerate() {
                        @if i > 0 { ", " }
                        (spend.name.as_deref().unwrap_or(ctx.t(Msg::NoCategory)))
                        " (" (spend.amount.to_french()) ")"
                    }
                }
            }
        }
    }
}

fn points(ctx: &PageCtx, d: &CustomerDetail<'_>, may_adjust: bool) -> Markup {
    html! {
        section #points {
            h2 { (ctx.t(Msg::PointsTitle)) }
            p.count {
                (i18n::tf(ctx.lang, Msg::PointsBalance, &[
                    ("points", &d.stats.points.to_string()),
                    ("value", &d.points_value.to_french()),
                ]))
            }
            @if d.ledger.is_empty() {
                p { (ctx.t(Msg::NoPointsMoves)) }
            } @else {
                div.table-wrap {
                    table #points-ledger {
                        thead {
                            tr {
                                th scope="col" { (ctx.t(Msg::ColDate)) }
                                th scope="col" { (ctx.t(Msg::ColKind)) }
                                th.num scope="col" { (ctx.t(Msg::ColPoints)) }
                                th.num scope="col" { (ctx.t(Msg::ColBalance)) }
                                th scope="col" { (ctx.t(Msg::FieldReason)) }
                            }
                        }
                        tbody {
                            @for line in d.ledger.iter().rev() {
                                tr {
                                    td { (short_datetime(line.entry.at)) }
                                    td { (points_reason_label(ctx.lang, &line.entry.reason)) }
                                    td.num { @if line.entry.delta > 0 { "+" } (line.entry.delta) }
                                    td.num { (line.entry.balance_after) }
                                    td { (line.note.as_deref().unwrap_or(NONE)) }
                                }
                            }
                        }
                    }
                }
            }
            @if may_adjust {
                form.card method="post" action=(format!("/customers/{}/points", d.customer.id)) {
                    h3 { (ctx.t(Msg::AdjustPoints)) }
                    (csrf_field(ctx))
                    (Input::text("delta", ctx.t(Msg::FieldPointsDelta)).inputmode("numeric")
                        .autocomplete("off").hint(ctx.t(Msg::PointsDeltaHint)).required().render(d.errors))
                    (Input::text("reason", ctx.t(Msg::FieldReason)).autocomplete("off").required()
                        .render(d.errors))
                    button type="submit" { (ctx.t(Msg::AdjustPoints)) }
                }
            }
        }
    }
}

fn tickets(ctx: &PageCtx, tickets: &[Summary]) -> Markup {
    html! {
        section #tickets {
            h2 { (ctx.t(Msg::CustomerTicketsTitle)) }
            @if tickets.is_empty() {
                p { (ctx.t(Msg::NoTickets)) }
            } @else {
                div.table-wrap {
                    table {
                        thead {
                            tr {
                                th scope="col" { (ctx.t(Msg::ColTime)) }
                                th scope="col" { (ctx.t(Msg::ColTicket)) }
                                th scope="col" { (ctx.t(Msg::ColKind)) }
                                th.num scope="col" { (ctx.t(Msg::Total)) }
                            }
                        }
                        tbody {
                            @for s in tickets {
                                tr {
                                    td { (short_datetime(s.created_at)) }
                                    th scope="row" {
                                        a href=(format!("/sales/{}", s.uuid)) { (format!("{}-{:06}", s.till_code, s.number)) }
                                    }
                                    td { (kind_label(ctx.lang, &s.kind)) }
                                    td.num { (s.total.to_french()) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use customers::enrichment::CategorySpend;

    use super::super::fixtures::{at, helene};
    use super::*;
    use crate::i18n::Lang;
    use crate::test_support::{no_empty_class, signed_in};

    fn render(lang: Lang, role: Role, customer: &Customer, errors: &FormErrors) -> String {
        let fiche = FicheValues::of(lang, customer);
        let consent = |id, channel: &str, granted, basis: &str, day| Consent {
            id,
            customer_id: 7,
            channel: channel.into(),
            granted,
            basis: basis.into(),
            source: "till".into(),
            text_shown: Some("J’accepte les offres <par e-mail>".into()),
            at: at(day, 10),
            user_id: None,
        };
        let history = vec![
            consent(1, "email", true, "explicit", 2),
            consent(2, "email", false, "explicit", 20),
            consent(3, "post", true, "informed", 2),
        ];
        let current = Current {
            email: Some(history[1].clone()),
            sms: None,
            post: Some(history[2].clone()),
        };
        let cards = vec![Card {
            id: 1,
            number: "2900000000017".into(),
            customer_id: Some(7),
            status: "active".into(),
            assigned_at: Some(at(2, 10)),
            created_at: at(2, 10),
        }];
        let stats = CustomerStats {
            visits: 3,
            total_spent: Money::from_cents(6420),
            average_basket: Money::from_cents(2140),
            first_visit: Some(at(2, 10)),
            last_visit: Some(at(24, 17)),
            points: 64,
            favourite_categories: vec![CategorySpend {
                category_id: Some(3),
                name: Some("Épicerie".into()),
                amount: Money::from_cents(4000),
            }],
        };
        let ledger = vec![LedgerLine {
            entry: LedgerEntry {
                id: 1,
                customer_id: 7,
                delta: 10,
                reason: "adjustment".into(),
                ticket_id: None,
                balance_after: 64,
                at: at(24, 18),
                user_id: None,
            },
            note: Some("Geste commercial".into()),
        }];
        let detail = CustomerDetail {
            customer,
            fiche: &fiche,
            consents: &current,
            history: &history,
            cards: &cards,
            stats: &stats,
            points_value: Money::from_cents(320),
            ledger: &ledger,
            tickets: &[crate::pages::sales::fixtures::summary()],
            consent: &ConsentFormValues::default(),
            errors,
        };
        no_empty_class(customer_page(&signed_in(lang, role), &detail).into_string())
    }

    #[test]
    fn the_page_shows_the_fiche_channels_card_figures_points_and_tickets_in_french() {
        let html = render(Lang::Fr, Role::Owner, &helene(), &FormErrors::new());
        assert!(html.contains("<title>Hélène &lt;Dupont&gt; · Comptoir</title>"));
        assert!(html.contains("method=\"post\" action=\"/customers/7\""));
        assert!(html.contains("value=\"helene@example.fr\""));
        // Channels: e-mail withdrawn, SMS never asked, post granted.
        assert!(html.contains(
            "<th scope=\"row\">E-mail</th><td>helene@example.fr</td>\
             <td><span class=\"badge badge-off\">Retiré</span></td>"
        ));
        assert!(html.contains("Jamais demandé"));
        assert!(html.contains("3 rue du Port, 29000, Quimper"));
        assert!(html.contains("action=\"/customers/7/consents\""));
        assert!(html.contains("J’accepte les offres &lt;par e-mail&gt;"));
        // The card, and its replacement.
        assert!(html.contains("<code>2900000000017</code>"));
        assert!(html.contains("action=\"/customers/7/card/replace\""));
        assert!(!html.contains("action=\"/customers/7/card\""));
        // Figures, points and the owner's adjustment.
        assert!(html.contains("64,20\u{a0}€"));
        assert!(html.contains("Épicerie (40,00\u{a0}€)"));
        assert!(html.contains("64 points"));
        assert!(html.contains("Geste commercial"));
        assert!(html.contains("action=\"/customers/7/points\""));
        // Tickets link to their page.
        assert!(html.contains("href=\"/sales/"));
        assert!(html.contains("href=\"/customers/7/export\""));
    }

    #[test]
    fn a_manager_cannot_adjust_points_and_an_anonymised_fiche_has_no_forms() {
        let html = render(Lang::En, Role::Manager, &helene(), &FormErrors::new());
        assert!(!html.contains("action=\"/customers/7/points\""));
        assert!(html.contains("Never asked"));
        let mut gone = helene();
        gone.anonymised_at = Some(at(25, 9));
        let html = render(Lang::Fr, Role::Owner, &gone, &FormErrors::new());
        assert!(html.contains("Anonymisé"));
        assert!(!html.contains("action=\"/customers/7\""));
        assert!(!html.contains("action=\"/customers/7/consents\""));
        assert!(!html.contains("action=\"/customers/7/points\""));
    }
}
