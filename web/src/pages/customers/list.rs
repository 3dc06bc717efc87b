//! `/customers`: find a customer as you type (name, e-mail, phone, card or
//! postcode; accents and case ignored). The GET form works alone;
//! `customers.js` refreshes the rows from `/customers/search` and opens the
//! customer when a scanned card leaves exactly one.

use customers::Customer;
use maud::{Markup, html};

use super::{NONE, customer_href, state_badge};
use crate::i18n::{Msg, short_datetime};
use crate::layout::{PageCtx, page};

/// One customer as the list shows them; `last_visit` on the shop's clock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerRow {
    pub customer: Customer,
    /// The active card.
    pub card: Option<String>,
}

/// What the list shows: the text searched, whether the whole file was asked
/// for, and what was found.
#[derive(Debug, Clone, Copy)]
pub struct CustomersView<'a> {
    pub query: &'a str,
    pub all: bool,
    pub rows: &'a [CustomerRow],
    /// The rows stop at this many.
    pub limit: usize,
}

pub fn customers_page(ctx: &PageCtx, view: &CustomersView<'_>) -> Markup {
    let title = ctx.t(Msg::NavCustomers);
    let asked = view.all || !view.query.trim().is_empty();
    let body = html! {
        div.page-head {
            h1 { (title) }
            div.actions {
                a.button href="/customers/new" { (ctx.t(Msg::NewCustomer)) }
                a.button.button-secondary href="/customers/duplicates" { (ctx.t(Msg::DuplicatesTitle)) }
                a.button.button-secondary href="/customers/retention" { (ctx.t(Msg::RetentionTitle)) }
                a.button.button-secondary href="/customers/import" { (ctx.t(Msg::ImportCustomers)) }
                a.button.button-secondary href="/customers/export.csv" { (ctx.t(Msg::ExportCustomersCsv)) }
                a.button.button-secondary href="/customers/export.vcf" { (ctx.t(Msg::ExportCustomersVcard)) }
            }
        }
        form.search-bar #customer-filters method="get" action="/customers" role="search" {
            div.search-field {
                label.visually-hidden for="customer-search" { (ctx.t(Msg::SearchCustomers)) }
                input #customer-search type="search" name="q" value=(view.query)
                    placeholder=(ctx.t(Msg::CustomerSearchPlaceholder)) autofocus autocomplete="off";
            }
            button type="submit" { (ctx.t(Msg::SearchSubmit)) }
            a href="/customers?all=1" { (ctx.t(Msg::WholeFile)) }
        }
        p.muted { (ctx.t(Msg::CustomerListAudited)) }
        div.table-wrap {
            table #customer-results {
                thead {
                    tr {
                        th scope="col" { (ctx.t(Msg::FieldName)) }
                        th scope="col" { (ctx.t(Msg::ColCard)) }
                        th scope="col" { (ctx.t(Msg::ColContact)) }
                        th scope="col" { (ctx.t(Msg::FieldPostcode)) }
                        th.num scope="col" { (ctx.t(Msg::ColVisits)) }
                        th scope="col" { (ctx.t(Msg::ColLastVisit)) }
                    }
                }
                tbody { (customer_rows(ctx, view.rows, asked)) }
            }
        }
        @if view.rows.len() >= view.limit {
            p.muted { (crate::i18n::tf(ctx.lang, Msg::CustomersCut, &[("count", &view.limit.to_string())])) }
        }
        script src="/static/customers.js" defer {}
    };
    page(ctx, title, body)
}

/// The table's rows alone: the page's `<tbody>`, and the answer to
/// `/customers/search` that the script puts in its place. `asked`: whether
/// something was searched (else the rows invite to type).
pub fn customer_rows(ctx: &PageCtx, rows: &[CustomerRow], asked: bool) -> Markup {
    html! {
        @if rows.is_empty() {
            tr.empty {
                td colspan="6" {
                    @if asked { (ctx.t(Msg::NoCustomersFound)) } @else { (ctx.t(Msg::TypeToSearchCustomers)) }
                }
            }
        }
        @for row in rows {
            (customer_row(ctx, row))
        }
    }
}

fn customer_row(ctx: &PageCtx, row: &CustomerRow) -> Markup {
    let c = &row.customer;
    let contact = [c.email.as_deref(), c.phone.as_deref(), c.phone2.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>();
    html! {
        tr data-customer-id=(c.id) {
            th scope="row" {
                a href=(customer_href(c.id)) { (c.display_name()) }
                (state_badge(ctx, c))
                @if let Some(company) = c.company.as_ref().filter(|_| c.last_name.is_some()) {
                    br; span.muted { (company) }
                }
            }
            td {
                @match &row.card {
                    Some(number) => code { (number) },
                    None => span.muted { (NONE) },
                }
            }
            td {
                @if contact.is_empty() {
                    span.muted { (NONE) }
                }
                @for (i, item) in contact.iter().enumerate() {
                    @if i > 0 { br; }
                    (item)
                }
            }
            td { (c.postcode.as_deref().unwrap_or(NONE)) }
            td.num { (c.visits) }
            td {
                @match c.last_visit {
                    Some(at) => (short_datetime(at)),
                    None => span.muted { (NONE) },
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use db::Role;

    use super::super::fixtures::helene;
    use super::*;
    use crate::i18n::Lang;
    use crate::test_support::{no_empty_class, signed_in};

    fn rows() -> Vec<CustomerRow> {
        vec![CustomerRow {
            customer: helene(),
            card: Some("2900000000017".into()),
        }]
    }

    #[test]
    fn the_list_has_the_search_the_rows_and_the_script_in_french() {
        let rows = rows();
        let view = CustomersView {
            query: "helene",
            all: false,
            rows: &rows,
            limit: 200,
        };
        let html = no_empty_class(
            customers_page(&signed_in(Lang::Fr, Role::Manager), &view).into_string(),
        );
        assert!(html.contains("<title>Clients · Comptoir</title>"));
        assert!(
            html.contains("id=\"customer-search\" type=\"search\" name=\"q\" value=\"helene\"")
        );
        assert!(html.contains("<table id=\"customer-results\">"));
        assert!(html.contains(
            "<tr data-customer-id=\"7\"><th scope=\"row\"><a href=\"/customers/7\">Hélène &lt;Dupont&gt;</a></th>\
             <td><code>2900000000017</code></td>\
             <td>helene@example.fr<br>+33612345678</td><td>29000</td><td class=\"num\">3</td>\
             <td>24/11/2026 17:00</td></tr>"
        ));
        assert!(html.contains("src=\"/static/customers.js\""));
        assert!(html.contains("href=\"/customers/new\""));
        assert!(html.contains("href=\"/customers/duplicates\""));
        assert!(html.contains("href=\"/customers/import\">Importer</a>"));
        assert!(html.contains("href=\"/customers/export.csv\">Exporter (CSV)</a>"));
        assert!(html.contains("href=\"/customers/export.vcf\">Exporter (vCard)</a>"));
    }

    #[test]
    fn empty_rows_invite_to_type_or_say_nothing_was_found() {
        let ctx = signed_in(Lang::En, Role::Owner);
        let invite = customer_rows(&ctx, &[], false).into_string();
        assert!(invite.contains("Type a name"), "{invite}");
        let none = customer_rows(&ctx, &[], true).into_string();
        assert!(none.contains("No customer found."), "{none}");
    }
}
