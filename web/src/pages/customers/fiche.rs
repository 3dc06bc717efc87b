//! The fiche's form: who the customer is and how to reach them. On
//! `/customers/new` alone, and on the customer's page.

use customers::Customer;
use maud::{Markup, html};

use super::back_to_list;
use crate::forms::{FormErrors, Input, Select, TextArea, form_error};
use crate::i18n::{Lang, Msg, short_date};
use crate::layout::{PageCtx, csrf_field, page};

/// The fiche's fields as text: what was typed, shown again after an error, or
/// the customer's values.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FicheValues {
    pub civility: String,
    pub first_name: String,
    pub last_name: String,
    pub company: String,
    pub email: String,
    pub phone: String,
    pub phone2: String,
    pub address_line1: String,
    pub address_line2: String,
    pub postcode: String,
    pub city: String,
    pub country: String,
    /// As typed: `17/05/1980`.
    pub birth_date: String,
    pub language: String,
    pub notes: String,
    /// Comma-separated.
    pub tags: String,
}

impl FicheValues {
    /// An empty fiche in France, in French.
    pub fn new() -> Self {
        Self {
            country: "FR".into(),
            language: "fr".into(),
            ..Self::default()
        }
    }

    /// The customer's fiche as the form shows it.
    pub fn of(lang: Lang, c: &Customer) -> Self {
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        Self {
            civility: text(&c.civility),
            first_name: text(&c.first_name),
            last_name: text(&c.last_name),
            company: text(&c.company),
            email: text(&c.email),
            phone: text(&c.phone),
            phone2: text(&c.phone2),
            address_line1: text(&c.address_line1),
            address_line2: text(&c.address_line2),
            postcode: text(&c.postcode),
            city: text(&c.city),
            country: c.country.clone(),
            birth_date: c
                .birth_date
                .map(|d| short_date(lang, d))
                .unwrap_or_default(),
            language: c.language.clone(),
            notes: text(&c.notes),
            tags: c.tag_list().join(", "),
        }
    }
}

/// The fiche's fields, shared by the creation and the edit forms.
pub fn fiche_fields(ctx: &PageCtx, v: &FicheValues, errors: &FormErrors) -> Markup {
    let optional = ctx.t(Msg::Optional);
    let (civility, language) = (civility_select(ctx, v), language_select(ctx, v));
    html! {
        fieldset {
            legend { (ctx.t(Msg::FicheIdentity)) }
            (civility.render(errors))
            (Input::text("first_name", ctx.t(Msg::FieldFirstName)).value(&v.first_name)
                .optional(optional).autocomplete("off").render(errors))
            (Input::text("last_name", ctx.t(Msg::FieldLastName)).value(&v.last_name)
                .hint(ctx.t(Msg::LastNameHint)).autocomplete("off").render(errors))
            (Input::text("company", ctx.t(Msg::FieldCompany)).value(&v.company)
                .optional(optional).autocomplete("off").render(errors))
            (Input::text("birth_date", ctx.t(Msg::FieldBirthDate)).value(&v.birth_date)
                .optional(optional).placeholder(ctx.t(Msg::DayPlaceholder)).autocomplete("off")
                .render(errors))
            (language.render(errors))
        }
        fieldset {
            legend { (ctx.t(Msg::FicheContact)) }
            (Input::email("email", ctx.t(Msg::FieldEmail)).value(&v.email)
                .optional(optional).autocomplete("off").render(errors))
            (Input::text("phone", ctx.t(Msg::FieldPhone)).value(&v.phone)
                .optional(optional).inputmode("tel").autocomplete("off").render(errors))
            (Input::text("phone2", ctx.t(Msg::FieldPhone2)).value(&v.phone2)
                .optional(optional).inputmode("tel").autocomplete("off").render(errors))
            (Input::text("address_line1", ctx.t(Msg::FieldAddressLine1)).value(&v.address_line1)
                .optional(optional).autocomplete("off").render(errors))
            (Input::text("address_line2", ctx.t(Msg::FieldAddressLine2)).value(&v.address_line2)
                .optional(optional).autocomplete("off").render(errors))
            (Input::text("postcode", ctx.t(Msg::FieldPostcode)).value(&v.postcode)
                .optional(optional).inputmode("numeric").autocomplete("off").render(errors))
            (Input::text("city", ctx.t(Msg::FieldCity)).value(&v.city)
                .optional(optional).autocomplete("off").render(errors))
            (Input::text("country", ctx.t(Msg::FieldCountry)).value(&v.country)
                .hint(ctx.t(Msg::CountryHint)).autocomplete("off").render(errors))
        }
        fieldset {
            legend { (ctx.t(Msg::FicheNotes)) }
            (Input::text("tags", ctx.t(Msg::FieldTags)).value(&v.tags)
                .optional(optional).hint(ctx.t(Msg::TagsHint)).autocomplete("off").render(errors))
            (TextArea::new("notes", ctx.t(Msg::FieldNotes)).value(&v.notes)
                .optional(optional).render(errors))
        }
    }
}

const NO_CHOICE: &str = "—";

/// Madame or Monsieur, or no choice.
pub fn civility_select<'a>(ctx: &'a PageCtx, v: &'a FicheValues) -> Select<'a> {
    Select {
        name: "civility",
        label: ctx.t(Msg::FieldCivility),
        options: vec![
            ("mme", ctx.t(Msg::CivilityMme)),
            ("m", ctx.t(Msg::CivilityM)),
        ],
        selected: Some(v.civility.as_str()).filter(|c| !c.is_empty()),
        placeholder: Some(NO_CHOICE),
        required: false,
    }
}

/// The language letters and e-mails are written in.
pub fn language_select<'a>(ctx: &'a PageCtx, v: &'a FicheValues) -> Select<'a> {
    Select {
        name: "language",
        label: ctx.t(Msg::FieldCustomerLanguage),
        options: vec![("fr", "Français"), ("en", "English")],
        selected: Some(v.language.as_str()),
        placeholder: None,
        required: true,
    }
}

/// `/customers/new`: an empty fiche.
pub fn new_customer_page(ctx: &PageCtx, values: &FicheValues, errors: &FormErrors) -> Markup {
    let title = ctx.t(Msg::NewCustomer);
    let body = html! {
        (back_to_list(ctx))
        h1 { (title) }
        section.card {
            (form_error(errors))
            form method="post" action="/customers" {
                (csrf_field(ctx))
                (fiche_fields(ctx, values, errors))
                button type="submit" { (ctx.t(Msg::CreateCustomerSubmit)) }
            }
        }
    };
    page(ctx, title, body)
}

#[cfg(test)]
mod tests {
    use db::Role;

    use super::super::fixtures::helene;
    use super::*;
    use crate::test_support::{no_empty_class, signed_in};

    #[test]
    fn the_new_fiche_has_every_field_and_shows_errors_beside_them() {
        let values = FicheValues {
            email: "pas-un-mail".into(),
            ..FicheValues::new()
        };
        let errors = FormErrors::new().with("email", "Adresse e-mail invalide.");
        let html = no_empty_class(
            new_customer_page(&signed_in(Lang::Fr, Role::Manager), &values, &errors).into_string(),
        );
        assert!(html.contains("<title>Nouveau client · Comptoir</title>"));
        assert!(html.contains("method=\"post\" action=\"/customers\""));
        for field in [
            "_csrf",
            "civility",
            "first_name",
            "last_name",
            "company",
            "email",
            "phone",
            "phone2",
            "address_line1",
            "address_line2",
            "postcode",
            "city",
            "country",
            "birth_date",
            "language",
            "notes",
            "tags",
        ] {
            assert!(
                html.contains(&format!("name=\"{field}\"")),
                "missing {field}"
            );
        }
        assert!(html.contains("value=\"pas-un-mail\""));
        assert!(
            html.contains("id=\"field-email-error\" role=\"alert\">Adresse e-mail invalide.</p>")
        );
        assert!(html.contains("<option value=\"fr\" selected>Français</option>"));
    }

    #[test]
    fn a_customer_s_values_fill_the_form() {
        let values = FicheValues::of(Lang::Fr, &helene());
        assert_eq!(values.birth_date, "17/05/1980");
        assert_eq!(values.tags, "bio, vrac");
        assert_eq!(values.civility, "mme");
        assert_eq!(
            FicheValues::of(Lang::En, &helene()).birth_date,
            "1980-05-17"
        );
    }
}
