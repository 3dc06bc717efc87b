//! `/settings/tills`: the tills with their printer, drawer and chain heads; a
//! new till; one till's page to change its name, printer, drawer or archive
//! it. The owner.

use maud::{Markup, html};
use sales::tills::Till;

use super::back_link;
use crate::forms::{FormErrors, Input, Select, checkbox, form_error};
use crate::i18n::Msg;
use crate::layout::{PageCtx, csrf_field, page};

/// A till and whether a cash session is open on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TillRow {
    pub till: Till,
    pub open: bool,
}

/// What the till form shows: as typed, or as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TillFormValues {
    pub code: String,
    pub name: String,
    pub printer: String,
    pub printer_columns: String,
    pub drawer_on_cash: bool,
    pub active: bool,
}

impl Default for TillFormValues {
    /// A new till: 42 columns, the drawer opens on cash.
    fn default() -> Self {
        TillFormValues {
            code: String::new(),
            name: String::new(),
            printer: String::new(),
            printer_columns: "42".into(),
            drawer_on_cash: true,
            active: true,
        }
    }
}

impl TillFormValues {
    pub fn of(till: &Till) -> TillFormValues {
        TillFormValues {
            code: till.code.clone(),
            name: till.name.clone(),
            printer: till.printer.clone().unwrap_or_default(),
            printer_columns: till.printer_columns.to_string(),
            drawer_on_cash: till.drawer_on_cash,
            active: till.active,
        }
    }
}

pub fn tills_page(
    ctx: &PageCtx,
    rows: &[TillRow],
    values: &TillFormValues,
    errors: &FormErrors,
) -> Markup {
    let title = ctx.t(Msg::TillsTitle);
    let yes_no = |b: bool| ctx.t(if b { Msg::Yes } else { Msg::No });
    let body = html! {
        (back_link(ctx))
        h1 { (title) }
        p { (ctx.t(Msg::TillsIntro)) }
        div.table-wrap {
            table {
                thead {
                    tr {
                        th scope="col" { (ctx.t(Msg::ColTillCode)) }
                        th scope="col" { (ctx.t(Msg::ColName)) }
                        th scope="col" { (ctx.t(Msg::ColPrinter)) }
                        th.num scope="col" { (ctx.t(Msg::ColColumns)) }
                        th scope="col" { (ctx.t(Msg::ColDrawer)) }
                        th scope="col" { (ctx.t(Msg::ColStatus)) }
                        th scope="col" { (ctx.t(Msg::ColCashSession)) }
                        th.num scope="col" { (ctx.t(Msg::ColLastTicket)) }
                        th.num scope="col" { (ctx.t(Msg::ColGrandTotal)) }
                    }
                }
                tbody {
                    @for row in rows {
                        @let till = &row.till;
                        tr {
                            th scope="row" {
                                a href=(format!("/settings/tills/{}", till.code)) { (till.code) }
                            }
                            td { (till.name) }
                            td {
                                @match &till.printer {
                                    Some(printer) => code { (printer) },
                                    None => span.muted { (ctx.t(Msg::NoPrinter)) },
                                }
                            }
                            td.num { (till.printer_columns) }
                            td { (yes_no(till.drawer_on_cash)) }
                            td {
                                @if till.active {
                                    span.badge.badge-on { (ctx.t(Msg::TillActive)) }
                                } @else {
                                    span.badge.badge-off { (ctx.t(Msg::TillArchived)) }
                                }
                            }
                            td { (ctx.t(if row.open { Msg::SessionOpen } else { Msg::SessionClosed })) }
                            td.num { (till.last_number) }
                            td.num { (till.grand_total().to_french()) }
                        }
                    }
                    @if rows.is_empty() {
                        tr.empty { td colspan="9" { (ctx.t(Msg::NoTills)) } }
                    }
                }
            }
        }
        section.card {
            h2 { (ctx.t(Msg::NewTillTitle)) }
            (form_error(errors))
            form method="post" action="/settings/tills" {
                (csrf_field(ctx))
                (Input::text("code", ctx.t(Msg::FieldTillCode)).value(&values.code).required()
                    .hint(ctx.t(Msg::TillCodeHint)).autocomplete("off").render(errors))
                (till_fields(ctx, values, errors))
                button type="submit" { (ctx.t(Msg::CreateTillSubmit)) }
            }
        }
    };
    page(ctx, title, body)
}

/// One till, to change what may change (its code stays: tickets name it).
pub fn till_page(
    ctx: &PageCtx,
    till: &Till,
    values: &TillFormValues,
    errors: &FormErrors,
) -> Markup {
    let title = format!("{} · {}", till.code, till.name);
    let body = html! {
        p { a href="/settings/tills" { "← " (ctx.t(Msg::TillsTitle)) } }
        h1 { (title) }
        dl.facts {
            dt { (ctx.t(Msg::ColLastTicket)) } dd { (till.last_number) }
            dt { (ctx.t(Msg::ColGrandTotal)) } dd { (till.grand_total().to_french()) }
        }
        section.card {
            (form_error(errors))
            form method="post" action=(format!("/settings/tills/{}", till.code)) {
                (csrf_field(ctx))
                (till_fields(ctx, values, errors))
                (checkbox("active", ctx.t(Msg::FieldTillActive), values.active,
                    Some(ctx.t(Msg::TillActiveHint)), errors))
                button type="submit" { (ctx.t(Msg::Save)) }
            }
        }
    };
    page(ctx, &title, body)
}

/// Name, printer, paper width and drawer: the same on both forms.
fn till_fields(ctx: &PageCtx, values: &TillFormValues, errors: &FormErrors) -> Markup {
    html! {
        (Input::text("name", ctx.t(Msg::FieldName)).value(&values.name).required()
            .placeholder(ctx.t(Msg::TillNamePlaceholder)).autocomplete("off").render(errors))
        (Input::text("printer", ctx.t(Msg::FieldPrinter)).value(&values.printer)
            .optional(ctx.t(Msg::Optional)).hint(ctx.t(Msg::PrinterHint))
            .autocomplete("off").render(errors))
        (Select {
            name: "printer_columns",
            label: ctx.t(Msg::FieldPrinterColumns),
            options: vec![("42", ctx.t(Msg::Columns42)), ("48", ctx.t(Msg::Columns48))],
            selected: Some(values.printer_columns.as_str()),
            placeholder: None,
            required: true,
        }.render(errors))
        (checkbox("drawer_on_cash", ctx.t(Msg::FieldDrawerOnCash), values.drawer_on_cash,
            None, errors))
    }
}

#[cfg(test)]
mod tests {
    use db::Role;

    use super::*;
    use crate::i18n::Lang;
    use crate::test_support::{no_empty_class, signed_in};

    pub(crate) fn till() -> Till {
        Till {
            id: 1,
            shop_id: 1,
            code: "T01".into(),
            name: "Caisse <principale>".into(),
            printer: Some("tcp://192.168.1.50:9100".into()),
            printer_columns: 42,
            drawer_on_cash: true,
            active: true,
            last_number: 41,
            last_hash: String::new(),
            grand_total: 123_456,
            training_last_number: 0,
            last_event_number: 0,
            last_event_hash: String::new(),
            last_closure_number: 0,
            last_closure_hash: String::new(),
        }
    }

    #[test]
    fn tills_are_listed_with_their_printer_and_chain_heads() {
        let rows = [TillRow {
            till: till(),
            open: true,
        }];
        let html = no_empty_class(
            tills_page(
                &signed_in(Lang::Fr, Role::Owner),
                &rows,
                &TillFormValues::default(),
                &FormErrors::new(),
            )
            .into_string(),
        );
        assert!(html.contains("<title>Caisses · Comptoir</title>"));
        assert!(html.contains("<a href=\"/settings/tills/T01\">T01</a>"));
        assert!(html.contains("Caisse &lt;principale&gt;"));
        assert!(html.contains("<code>tcp://192.168.1.50:9100</code>"));
        assert!(html.contains("<td>Ouverte</td><td class=\"num\">41</td>"));
        assert!(html.contains("1\u{a0}234,56\u{a0}€"));
        assert!(html.contains("action=\"/settings/tills\""));
        assert!(html.contains("<option value=\"42\" selected>"));
        assert!(
            html.contains(
                "name=\"drawer_on_cash\" id=\"field-drawer_on_cash\" value=\"on\" checked"
            )
        );
    }

    #[test]
    fn a_refused_printer_is_shown_next_to_its_field() {
        let mut values = TillFormValues::of(&till());
        values.printer = "imprimante".into();
        values.active = false;
        let errors = FormErrors::new().with("printer", "Bad address.");
        let html =
            till_page(&signed_in(Lang::En, Role::Owner), &till(), &values, &errors).into_string();
        assert!(html.contains("action=\"/settings/tills/T01\""));
        assert!(html.contains("value=\"imprimante\""));
        assert!(html.contains("id=\"field-printer-error\" role=\"alert\">Bad address.</p>"));
        assert!(html.contains("name=\"active\" id=\"field-active\""));
        assert!(!html.contains("id=\"field-active\" value=\"on\" checked"));
        assert!(!html.contains("name=\"code\""), "the code stays");
    }
}
