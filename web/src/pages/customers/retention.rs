//! `/customers/retention`: the fiches without purchase, change or consent for
//! three years, and their anonymisation in bulk (the owner, confirmed).

use customers::Customer;
use db::Role;
use maud::{Markup, html};

use super::{NONE, back_to_list, customer_href};
use crate::forms::{FormErrors, checkbox, form_error};
use crate::i18n::{self, Msg, short_datetime};
use crate::layout::{PageCtx, csrf_field, page};

/// `stale`: times on the shop's clock.
pub fn retention_page(
    ctx: &PageCtx,
    stale: &[Customer],
    years: u32,
    errors: &FormErrors,
) -> Markup {
    let title = ctx.t(Msg::RetentionTitle);
    let owner = ctx
        .user
        .as_ref()
        .is_some_and(|u| u.role.allows(Role::Owner));
    let count = i64::try_from(stale.len()).unwrap_or(i64::MAX);
    let body = html! {
        (back_to_list(ctx))
        h1 { (title) }
        p { (i18n::tf(ctx.lang, Msg::RetentionIntro, &[("years", &years.to_string())])) }
        (form_error(errors))
        @if stale.is_empty() {
            p { (ctx.t(Msg::NoStaleCustomers)) }
        } @else {
            p.count { (i18n::plural(ctx.lang, count, Msg::StaleCountOne, Msg::StaleCountOther)) }
            div.table-wrap {
                table #stale-customers {
                    thead {
                        tr {
                            th scope="col" { (ctx.t(Msg::FieldName)) }
                            th scope="col" { (ctx.t(Msg::FicheCreated)) }
                            th scope="col" { (ctx.t(Msg::ColLastVisit)) }
                        }
                    }
                    tbody {
                        @for c in stale {
                            tr {
                                th scope="row" { a href=(customer_href(c.id)) { (c.display_name()) } }
                                td { (short_datetime(c.created_at)) }
                                td { (c.last_visit.map_or(NONE.to_owned(), short_datetime)) }
                            }
                        }
                    }
                }
            }
            @if owner {
                form.card method="post" action="/customers/retention" {
                    (csrf_field(ctx))
                    (checkbox("confirm", &i18n::plural(ctx.lang, count, Msg::RetentionConfirmOne, Msg::RetentionConfirmOther),
                        false, None, errors))
                    button.button-danger type="submit" { (ctx.t(Msg::RetentionSubmit)) }
                }
            }
        }
    };
    page(ctx, title, body)
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::helene;
    use super::*;
    use crate::i18n::Lang;
    use crate::test_support::{no_empty_class, signed_in};

    #[test]
    fn the_stale_list_and_the_owner_s_bulk_form() {
        let stale = [helene()];
        let html = no_empty_class(
            retention_page(
                &signed_in(Lang::Fr, Role::Owner),
                &stale,
                3,
                &FormErrors::new(),
            )
            .into_string(),
        );
        assert!(html.contains("<title>Durée de conservation · Comptoir</title>"));
        assert!(html.contains("depuis 3 ans"));
        assert!(html.contains("1 fiche ancienne"));
        assert!(html.contains("action=\"/customers/retention\""));
        let html = retention_page(
            &signed_in(Lang::En, Role::Manager),
            &stale,
            3,
            &FormErrors::new(),
        )
        .into_string();
        assert!(!html.contains("action=\"/customers/retention\""));
        let html = retention_page(
            &signed_in(Lang::En, Role::Owner),
            &[],
            3,
            &FormErrors::new(),
        )
        .into_string();
        assert!(html.contains("No record to anonymise."));
    }
}
