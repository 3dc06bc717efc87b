//! Page contexts for tests.

use db::Role;

use crate::i18n::Lang;
use crate::layout::{NavUser, PageCtx};

/// A visitor who is not signed in.
pub fn ctx(lang: Lang) -> PageCtx {
    PageCtx {
        lang,
        user: None,
        csrf_token: "csrf-123".into(),
        flash: None,
    }
}

/// A signed-in user whose name needs escaping, to prove it is.
pub fn signed_in(lang: Lang, role: Role) -> PageCtx {
    PageCtx {
        user: Some(NavUser {
            display_name: "Camille <Martin>".into(),
            role,
        }),
        ..ctx(lang)
    }
}

/// One tag per line, so a snapshot diff points at the element that changed.
pub fn pretty(html: &str) -> String {
    html.replace("><", ">\n<")
}
