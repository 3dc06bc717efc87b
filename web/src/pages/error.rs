//! A friendly page for when a request fails, in words a shopkeeper understands.

use maud::{Markup, html};

use crate::i18n::{self, Msg};
use crate::layout::{PageCtx, page};

/// `message`, when given, is the detail for this case (e.g. which product was not found).
pub fn error_page(ctx: &PageCtx, status: u16, message: Option<&str>) -> Markup {
    let (title, text) = texts(status);
    let title = ctx.t(title);
    let body = html! {
        p.muted { (i18n::tf(ctx.lang, Msg::ErrorCode, &[("status", &status.to_string())])) }
        h1 { (title) }
        p { (ctx.t(text)) }
        @if let Some(message) = message {
            p.alert { (message) }
        }
        p { a.button href="/" { (ctx.t(Msg::BackHome)) } }
    };
    page(ctx, title, body)
}

fn texts(status: u16) -> (Msg, Msg) {
    match status {
        400 => (Msg::Error400Title, Msg::Error400Text),
        403 => (Msg::Error403Title, Msg::Error403Text),
        404 => (Msg::Error404Title, Msg::Error404Text),
        409 => (Msg::Error409Title, Msg::Error409Text),
        422 => (Msg::Error422Title, Msg::Error422Text),
        429 => (Msg::Error429Title, Msg::Error429Text),
        500 => (Msg::Error500Title, Msg::Error500Text),
        _ => (Msg::ErrorOtherTitle, Msg::ErrorOtherText),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::test_support::{ctx, pretty};

    fn render(lang: Lang, status: u16, message: Option<&str>) -> String {
        error_page(&ctx(lang), status, message).into_string()
    }

    #[test]
    fn each_status_has_its_words_in_both_languages() {
        let cases = [
            (400, "Requête invalide", "Bad request"),
            (403, "Accès refusé", "Access denied"),
            (404, "Page introuvable", "Page not found"),
            (409, "Conflit", "Conflict"),
            (422, "Données invalides", "Invalid data"),
            (429, "Trop de tentatives", "Too many attempts"),
            (500, "Erreur interne", "Internal error"),
            (418, "Une erreur est survenue", "Something went wrong"),
        ];
        for (status, fr, en) in cases {
            let html = render(Lang::Fr, status, None);
            assert!(html.contains(&format!("<h1>{fr}</h1>")), "{status} fr");
            assert!(html.contains(&format!("Erreur {status}")));
            assert!(html.contains("<a class=\"button\" href=\"/\">Retour à l’accueil</a>"));
            let html = render(Lang::En, status, None);
            assert!(
                html.contains(&format!("<title>{en} · Comptoir</title>")),
                "{status} en"
            );
            assert!(html.contains(">Back to the home page</a>"));
        }
    }

    #[test]
    fn forbidden_and_internal_errors_explain_themselves() {
        assert!(render(Lang::Fr, 403, None).contains("Votre rôle ne permet pas"));
        assert!(render(Lang::Fr, 500, None).contains("Rien n’a été perdu"));
        assert!(render(Lang::En, 500, None).contains("Nothing was lost"));
    }

    #[test]
    fn the_detail_is_shown_escaped() {
        let html = render(Lang::Fr, 422, Some("Code-barres <invalide>"));
        assert!(html.contains("<p class=\"alert\">Code-barres &lt;invalide&gt;</p>"));
        assert!(!render(Lang::Fr, 422, None).contains("class=\"alert\""));
    }

    #[test]
    fn not_found_page_snapshot() {
        insta::assert_snapshot!(pretty(&render(Lang::Fr, 404, None)));
    }
}
