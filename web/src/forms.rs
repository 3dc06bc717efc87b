//! Form errors and the fields that show them: label above, error right under,
//! `aria-invalid` and `aria-describedby` so assistive technology reads both.

use maud::{Markup, html};

/// Errors found while checking a submitted form, by field name.
/// The empty field name `""` holds errors about the form as a whole.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormErrors {
    errors: Vec<(String, String)>,
}

impl FormErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn add(&mut self, field: impl Into<String>, msg: impl Into<String>) {
        self.errors.push((field.into(), msg.into()));
    }

    /// [`Self::add`] for building errors in one expression.
    pub fn with(mut self, field: impl Into<String>, msg: impl Into<String>) -> Self {
        self.add(field, msg);
        self
    }

    /// The first error of `field`.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(name, _)| name == field)
            .map(|(_, msg)| msg.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// The error about the form as a whole, if any.
    pub fn general(&self) -> Option<&str> {
        self.get("")
    }
}

/// An alert box above a form, for an error that belongs to no single field.
pub fn alert(message: Option<&str>) -> Markup {
    html! {
        @if let Some(message) = message {
            div.alert role="alert" { (message) }
        }
    }
}

/// The form-level error of `errors`, as an [`alert`].
pub fn form_error(errors: &FormErrors) -> Markup {
    alert(errors.general())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum InputKind {
    Text,
    Email,
    Password,
}

/// A labelled text or password input. Built by chaining, then rendered.
#[derive(Debug, Clone)]
pub struct Input<'a> {
    name: &'a str,
    label: &'a str,
    kind: InputKind,
    value: &'a str,
    required: bool,
    optional: Option<&'a str>,
    autocomplete: Option<&'a str>,
    inputmode: Option<&'a str>,
    hint: Option<&'a str>,
    placeholder: Option<&'a str>,
    list: Option<&'a str>,
    key: Option<&'a str>,
}

impl<'a> Input<'a> {
    pub fn text(name: &'a str, label: &'a str) -> Self {
        Self::new(name, label, InputKind::Text)
    }

    /// An e-mail address (`type="email"`: the right keyboard on a tablet).
    pub fn email(name: &'a str, label: &'a str) -> Self {
        Self::new(name, label, InputKind::Email)
    }

    /// A secret field: whatever was typed is never sent back in the page.
    pub fn password(name: &'a str, label: &'a str) -> Self {
        Self::new(name, label, InputKind::Password)
    }

    fn new(name: &'a str, label: &'a str, kind: InputKind) -> Self {
        Self {
            name,
            label,
            kind,
            value: "",
            required: false,
            optional: None,
            autocomplete: None,
            inputmode: None,
            hint: None,
            placeholder: None,
            list: None,
            key: None,
        }
    }

    /// The value to show again, e.g. what was typed before an error. Ignored for passwords.
    pub fn value(mut self, value: &'a str) -> Self {
        self.value = value;
        self
    }

    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }

    /// Marks the label with `word` ("facultatif") in brackets.
    pub fn optional(mut self, word: &'a str) -> Self {
        self.optional = Some(word);
        self
    }

    pub fn autocomplete(mut self, token: &'a str) -> Self {
        self.autocomplete = Some(token);
        self
    }

    pub fn inputmode(mut self, mode: &'a str) -> Self {
        self.inputmode = Some(mode);
        self
    }

    /// A sentence shown between the label and the input.
    pub fn hint(mut self, text: &'a str) -> Self {
        self.hint = Some(text);
        self
    }

    /// An example shown greyed in the empty input (never a substitute for a label).
    pub fn placeholder(mut self, text: &'a str) -> Self {
        self.placeholder = Some(text);
        self
    }

    /// Suggestions from the `<datalist>` with this id.
    pub fn list(mut self, datalist_id: &'a str) -> Self {
        self.list = Some(datalist_id);
        self
    }

    /// Takes its id and its error under `key` instead of its name: for a page
    /// where two forms each have a field of the same name.
    pub fn key(mut self, key: &'a str) -> Self {
        self.key = Some(key);
        self
    }

    pub fn render(&self, errors: &FormErrors) -> Markup {
        let key = self.key.unwrap_or(self.name);
        let ids = FieldIds::new(key, self.hint.is_some(), errors);
        let (kind, value) = match self.kind {
            InputKind::Text => ("text", Some(self.value)),
            InputKind::Email => ("email", Some(self.value)),
            InputKind::Password => ("password", None),
        };
        html! {
            div.field {
                label for=(ids.input) {
                    (self.label)
                    @if let Some(word) = self.optional {
                        " " span.optional { "(" (word) ")" }
                    }
                }
                (ids.hint(self.hint))
                input type=(kind) name=(self.name) id=(ids.input) value=[value]
                    required[self.required]
                    autocomplete=[self.autocomplete] inputmode=[self.inputmode]
                    placeholder=[self.placeholder] list=[self.list]
                    aria-invalid=[ids.invalid()] aria-describedby=[ids.described_by()];
                (ids.error_message())
            }
        }
    }
}

/// A labelled multi-line text, for an address or notes.
#[derive(Debug, Clone)]
pub struct TextArea<'a> {
    name: &'a str,
    label: &'a str,
    value: &'a str,
    rows: u8,
    required: bool,
    optional: Option<&'a str>,
    hint: Option<&'a str>,
}

impl<'a> TextArea<'a> {
    pub fn new(name: &'a str, label: &'a str) -> Self {
        Self {
            name,
            label,
            value: "",
            rows: 3,
            required: false,
            optional: None,
            hint: None,
        }
    }

    pub fn value(mut self, value: &'a str) -> Self {
        self.value = value;
        self
    }

    pub fn rows(mut self, rows: u8) -> Self {
        self.rows = rows;
        self
    }

    pub fn required(mut self) -> Self {
        self.required = true;
        self
    }

    /// Marks the label with `word` ("facultatif") in brackets.
    pub fn optional(mut self, word: &'a str) -> Self {
        self.optional = Some(word);
        self
    }

    /// A sentence shown between the label and the text area.
    pub fn hint(mut self, text: &'a str) -> Self {
        self.hint = Some(text);
        self
    }

    pub fn render(&self, errors: &FormErrors) -> Markup {
        let ids = FieldIds::new(self.name, self.hint.is_some(), errors);
        html! {
            div.field {
                label for=(ids.input) {
                    (self.label)
                    @if let Some(word) = self.optional {
                        " " span.optional { "(" (word) ")" }
                    }
                }
                (ids.hint(self.hint))
                textarea name=(self.name) id=(ids.input) rows=(self.rows) required[self.required]
                    aria-invalid=[ids.invalid()] aria-describedby=[ids.described_by()] {
                    (self.value)
                }
                (ids.error_message())
            }
        }
    }
}

/// A labelled `<select>`; `placeholder` adds a first empty choice.
#[derive(Debug, Clone)]
pub struct Select<'a> {
    pub name: &'a str,
    pub label: &'a str,
    /// `(value, text)` pairs, in display order.
    pub options: Vec<(&'a str, &'a str)>,
    pub selected: Option<&'a str>,
    pub placeholder: Option<&'a str>,
    pub required: bool,
}

impl Select<'_> {
    pub fn render(&self, errors: &FormErrors) -> Markup {
        let ids = FieldIds::new(self.name, false, errors);
        html! {
            div.field {
                label for=(ids.input) { (self.label) }
                select name=(self.name) id=(ids.input) required[self.required]
                    aria-invalid=[ids.invalid()] aria-describedby=[ids.described_by()] {
                    @if let Some(placeholder) = self.placeholder {
                        option value="" selected[self.selected.is_none()] { (placeholder) }
                    }
                    @for (value, text) in &self.options {
                        option value=(value) selected[self.selected == Some(*value)] { (text) }
                    }
                }
                (ids.error_message())
            }
        }
    }
}

/// A checkbox that submits `on` when ticked, label beside it.
pub fn checkbox(
    name: &str,
    label: &str,
    checked: bool,
    hint: Option<&str>,
    errors: &FormErrors,
) -> Markup {
    let ids = FieldIds::new(name, hint.is_some(), errors);
    html! {
        div.field {
            label.check for=(ids.input) {
                input type="checkbox" name=(name) id=(ids.input) value="on" checked[checked]
                    aria-invalid=[ids.invalid()] aria-describedby=[ids.described_by()];
                (label)
            }
            (ids.hint(hint))
            (ids.error_message())
        }
    }
}

/// The ids tying a field to its hint and error, and the error itself.
struct FieldIds<'e> {
    input: String,
    hint: Option<String>,
    error: Option<(String, &'e str)>,
}

impl<'e> FieldIds<'e> {
    fn new(name: &str, has_hint: bool, errors: &'e FormErrors) -> Self {
        Self {
            input: format!("field-{name}"),
            hint: has_hint.then(|| format!("field-{name}-hint")),
            error: errors
                .get(name)
                .map(|msg| (format!("field-{name}-error"), msg)),
        }
    }

    fn invalid(&self) -> Option<&'static str> {
        self.error.as_ref().map(|_| "true")
    }

    fn described_by(&self) -> Option<String> {
        let ids: Vec<&str> = self
            .hint
            .iter()
            .map(String::as_str)
            .chain(self.error.iter().map(|(id, _)| id.as_str()))
            .collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }

    fn hint(&self, text: Option<&str>) -> Markup {
        html! {
            @if let (Some(id), Some(text)) = (&self.hint, text) {
                p.hint id=(id) { (text) }
            }
        }
    }

    fn error_message(&self) -> Markup {
        html! {
            @if let Some((id, msg)) = &self.error {
                p.field-error id=(id) role="alert" { (msg) }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_are_found_by_field_and_general_is_the_empty_name() {
        let mut errors = FormErrors::new();
        assert!(errors.is_empty());
        errors.add("username", "Déjà pris");
        errors.add("username", "Trop long");
        errors.add("", "Session expirée");
        assert!(!errors.is_empty());
        assert_eq!(errors.get("username"), Some("Déjà pris"));
        assert_eq!(errors.get("password"), None);
        assert_eq!(errors.general(), Some("Session expirée"));
    }

    #[test]
    fn a_clean_field_has_no_aria_error() {
        let html = Input::text("username", "Identifiant")
            .value("léa")
            .required()
            .render(&FormErrors::new())
            .into_string();
        assert_eq!(
            html,
            "<div class=\"field\"><label for=\"field-username\">Identifiant</label>\
             <input type=\"text\" name=\"username\" id=\"field-username\" value=\"léa\" required>\
             </div>"
        );
    }

    #[test]
    fn an_error_sits_under_its_field_and_is_announced() {
        let errors = FormErrors::new().with("username", "Déjà <pris>");
        let html = Input::text("username", "Identifiant")
            .value("\"léa\"")
            .hint("Sans espace")
            .render(&errors)
            .into_string();
        assert!(html.contains("value=\"&quot;léa&quot;\""));
        assert!(html.contains("aria-invalid=\"true\""));
        assert!(html.contains("aria-describedby=\"field-username-hint field-username-error\""));
        let input_at = html.find("<input").unwrap_or(usize::MAX);
        let error_at = html
            .find("<p class=\"field-error\" id=\"field-username-error\" role=\"alert\">Déjà &lt;pris&gt;</p>")
            .unwrap_or(0);
        assert!(input_at < error_at, "error must follow the input: {html}");
    }

    #[test]
    fn passwords_are_never_echoed() {
        let errors = FormErrors::new().with("password", "Trop court");
        let html = Input::password("password", "Mot de passe")
            .value("hunter2")
            .render(&errors)
            .into_string();
        assert!(!html.contains("hunter2"));
        assert!(!html.contains("value="));
        assert!(html.contains("type=\"password\""));
        assert!(html.contains("Trop court"));
    }

    #[test]
    fn select_marks_the_chosen_option_and_its_error() {
        let select = Select {
            name: "role",
            label: "Rôle",
            options: vec![("owner", "Propriétaire"), ("cashier", "Caissier")],
            selected: Some("cashier"),
            placeholder: Some("— Choisir —"),
            required: true,
        };
        let html = select
            .render(&FormErrors::new().with("role", "Rôle inconnu"))
            .into_string();
        assert!(html.contains("<option value=\"\">— Choisir —</option>"));
        assert!(html.contains("<option value=\"cashier\" selected>Caissier</option>"));
        assert!(html.contains("<option value=\"owner\">Propriétaire</option>"));
        assert!(html.contains("aria-invalid=\"true\""));
        assert!(html.contains("Rôle inconnu"));
    }

    #[test]
    fn inputs_take_placeholders_lists_and_a_key() {
        let errors = FormErrors::new().with("transfer_quantity", "Non");
        let html = Input::text("quantity", "Quantité")
            .placeholder("ex. 2")
            .list("names")
            .key("transfer_quantity")
            .render(&errors)
            .into_string();
        assert!(html.contains(
            "name=\"quantity\" id=\"field-transfer_quantity\" value=\"\" placeholder=\"ex. 2\" list=\"names\""
        ));
        assert!(html.contains("id=\"field-transfer_quantity-error\" role=\"alert\">Non</p>"));
        let plain = Input::text("quantity", "Quantité")
            .render(&errors)
            .into_string();
        assert!(
            !plain.contains("Non"),
            "the error belongs to the keyed field"
        );
        let email = Input::email("email", "E-mail")
            .render(&FormErrors::new())
            .into_string();
        assert!(email.contains("type=\"email\" name=\"email\""));
    }

    #[test]
    fn text_area_holds_its_value_escaped() {
        let html = TextArea::new("address", "Adresse")
            .value("1 rue <du> Port\n29000 Quimper")
            .optional("facultatif")
            .render(&FormErrors::new().with("address", "Trop long"))
            .into_string();
        assert!(html.contains("Adresse <span class=\"optional\">(facultatif)</span>"));
        assert!(html.contains(
            "<textarea name=\"address\" id=\"field-address\" rows=\"3\" aria-invalid=\"true\" \
             aria-describedby=\"field-address-error\">1 rue &lt;du&gt; Port\n29000 Quimper</textarea>"
        ));
        assert!(html.contains("Trop long"));
    }

    #[test]
    fn checkbox_submits_on() {
        let html = checkbox("active", "Actif", true, None, &FormErrors::new()).into_string();
        assert!(html.contains(
            "type=\"checkbox\" name=\"active\" id=\"field-active\" value=\"on\" checked"
        ));
    }

    #[test]
    fn alert_only_when_there_is_something_to_say() {
        assert_eq!(alert(None).into_string(), "");
        assert_eq!(
            form_error(&FormErrors::new().with("", "Non")).into_string(),
            "<div class=\"alert\" role=\"alert\">Non</div>"
        );
    }
}
