//! What every page handler needs about the request (language, user, CSRF token,
//! flash message), gathered once, and the ways a page answers.

use crate::auth::{csrf_token, current_session};
use crate::error::AppError;
use ::web::i18n::{Lang, Msg};
use ::web::layout::{Flash, FlashKind, NavUser, PageCtx};
use actix_web::cookie::Cookie;
use actix_web::dev::Payload;
use actix_web::http::StatusCode;
use actix_web::{FromRequest, HttpRequest, HttpResponse};
use db::accounts::sessions::Session;
use maud::Markup;
use std::future::Future;
use std::pin::Pin;

const FLASH_COOKIE: &str = "comptoir_flash";
/// The code of [`FlashNote::DuplicatePrinted`], before its copy number.
const DUPLICATE_PRINTED: &str = "duplicate-printed";

/// The page context of this request.
pub struct Page {
    pub ctx: PageCtx,
}

impl Page {
    /// Builds the context from what is known of the request; `session` as looked up.
    pub fn build(req: &HttpRequest, session: Option<&Session>) -> Page {
        let lang = language(req, session);
        let flash = req
            .cookie(FLASH_COOKIE)
            .and_then(|c| FlashNote::from_code(c.value()))
            .map(|note| note.flash(lang));
        Page {
            ctx: PageCtx {
                lang,
                user: session.map(|s| NavUser {
                    display_name: s.user.display_name.clone(),
                    role: s.role(),
                }),
                csrf_token: csrf_token(req),
                flash,
            },
        }
    }

    pub fn lang(&self) -> Lang {
        self.ctx.lang
    }

    pub fn t(&self, msg: Msg) -> &'static str {
        self.ctx.t(msg)
    }

    /// A 200 page.
    pub fn ok(&self, markup: Markup) -> HttpResponse {
        self.respond(StatusCode::OK, markup)
    }

    /// A page with a status (a form sent back with its errors: 422, 401, 429…).
    pub fn respond(&self, status: StatusCode, markup: Markup) -> HttpResponse {
        let mut builder = HttpResponse::build(status);
        builder.content_type("text/html; charset=utf-8");
        builder.insert_header(("Cache-Control", "no-store"));
        if self.ctx.flash.is_some() {
            // Shown once: the cookie goes with this page.
            let mut removal = Cookie::build(FLASH_COOKIE, "").path("/").finish();
            removal.make_removal();
            builder.cookie(removal);
        }
        builder.body(markup.into_string())
    }
}

/// A page's script asking for data rather than a page (`Accept: application/json`).
pub fn wants_json(req: &HttpRequest) -> bool {
    req.headers()
        .get(actix_web::http::header::ACCEPT)
        .and_then(|h| h.to_str().ok())
        .is_some_and(|accept| accept.trim_start().starts_with("application/json"))
}

/// The user's own choice, else the browser's, else French.
pub fn language(req: &HttpRequest, session: Option<&Session>) -> Lang {
    session
        .and_then(|s| s.user.language.as_deref())
        .and_then(Lang::parse)
        .unwrap_or_else(|| browser_language(req))
}

pub fn browser_language(req: &HttpRequest) -> Lang {
    req.headers()
        .get(actix_web::http::header::ACCEPT_LANGUAGE)
        .and_then(|h| h.to_str().ok())
        .map(Lang::from_accept_language)
        .unwrap_or_default()
}

impl FromRequest for Page {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let session = current_session(&req).await?;
            Ok(Page::build(&req, session.as_ref()))
        })
    }
}

/// One-off messages carried over a redirect, by code (never free text in a cookie).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FlashNote {
    Welcome,
    UserCreated,
    UserSaved,
    PasswordReset,
    PinSaved,
    PinRemoved,
    SessionsRevoked,
    LanguageSaved,
    PasswordChanged,
    LoggedOut,
    ProductSaved,
    StockAdjusted,
    StockTransferred,
    SupplierSaved,
    OrderCreated,
    OrderSent,
    OrderCancelled,
    StocktakeOpened,
    CountsSaved,
    StocktakeValidated,
    StocktakeCancelled,
    DraftsCreated,
    TermsSaved,
    // settings pages
    CategorySaved,
    LocationSaved,
    VatScheduled,
    ScaleSaved,
    // back office sales
    TillCreated,
    TillSaved,
    ShopSaved,
    TicketPrinted,
    // customer pages
    CustomerCreated,
    CustomerSaved,
    ConsentRecorded,
    CardAssigned,
    CardReplaced,
    PointsAdjusted,
    CustomersMerged,
    CustomerErased,
    StaleErased,
    LoyaltySaved,
    AccountSaved,
    PreferencesSaved,
    AccountClosed,
    /// A reprint, with its copy number (the cookie carries `duplicate-printed-3`).
    DuplicatePrinted(u32),
}

impl FlashNote {
    /// The notes without data ([`FlashNote::DuplicatePrinted`] is read apart).
    const ALL: [FlashNote; 44] = [
        FlashNote::Welcome,
        FlashNote::UserCreated,
        FlashNote::UserSaved,
        FlashNote::PasswordReset,
        FlashNote::PinSaved,
        FlashNote::PinRemoved,
        FlashNote::SessionsRevoked,
        FlashNote::LanguageSaved,
        FlashNote::PasswordChanged,
        FlashNote::LoggedOut,
        FlashNote::ProductSaved,
        FlashNote::StockAdjusted,
        FlashNote::StockTransferred,
        FlashNote::SupplierSaved,
        FlashNote::OrderCreated,
        FlashNote::OrderSent,
        FlashNote::OrderCancelled,
        FlashNote::StocktakeOpened,
        FlashNote::CountsSaved,
        FlashNote::StocktakeValidated,
        FlashNote::StocktakeCancelled,
        FlashNote::DraftsCreated,
        FlashNote::TermsSaved,
        // settings pages
        FlashNote::CategorySaved,
        FlashNote::LocationSaved,
        FlashNote::VatScheduled,
        FlashNote::ScaleSaved,
        // back office sales
        FlashNote::TillCreated,
        FlashNote::TillSaved,
        FlashNote::ShopSaved,
        FlashNote::TicketPrinted,
        // customer pages
        FlashNote::CustomerCreated,
        FlashNote::CustomerSaved,
        FlashNote::ConsentRecorded,
        FlashNote::CardAssigned,
        FlashNote::CardReplaced,
        FlashNote::PointsAdjusted,
        FlashNote::CustomersMerged,
        FlashNote::CustomerErased,
        FlashNote::StaleErased,
        FlashNote::LoyaltySaved,
        FlashNote::AccountSaved,
        FlashNote::PreferencesSaved,
        FlashNote::AccountClosed,
    ];

    fn code(self) -> &'static str {
        match self {
            FlashNote::Welcome => "welcome",
            FlashNote::UserCreated => "user-created",
            FlashNote::UserSaved => "user-saved",
            FlashNote::PasswordReset => "password-reset",
            FlashNote::PinSaved => "pin-saved",
            FlashNote::PinRemoved => "pin-removed",
            FlashNote::SessionsRevoked => "sessions-revoked",
            FlashNote::LanguageSaved => "language-saved",
            FlashNote::PasswordChanged => "password-changed",
            FlashNote::LoggedOut => "logged-out",
            FlashNote::ProductSaved => "product-saved",
            FlashNote::StockAdjusted => "stock-adjusted",
            FlashNote::StockTransferred => "stock-transferred",
            FlashNote::SupplierSaved => "supplier-saved",
            FlashNote::OrderCreated => "order-created",
            FlashNote::OrderSent => "order-sent",
            FlashNote::OrderCancelled => "order-cancelled",
            FlashNote::StocktakeOpened => "stocktake-opened",
            FlashNote::CountsSaved => "counts-saved",
            FlashNote::StocktakeValidated => "stocktake-validated",
            FlashNote::StocktakeCancelled => "stocktake-cancelled",
            FlashNote::DraftsCreated => "drafts-created",
            FlashNote::TermsSaved => "terms-saved",
            // settings pages
            FlashNote::CategorySaved => "category-saved",
            FlashNote::LocationSaved => "location-saved",
            FlashNote::VatScheduled => "vat-scheduled",
            FlashNote::ScaleSaved => "scale-saved",
            // back office sales
            FlashNote::TillCreated => "till-created",
            FlashNote::TillSaved => "till-saved",
            FlashNote::ShopSaved => "shop-saved",
            FlashNote::TicketPrinted => "ticket-printed",
            // customer pages
            FlashNote::CustomerCreated => "customer-created",
            FlashNote::CustomerSaved => "customer-saved",
            FlashNote::ConsentRecorded => "consent-recorded",
            FlashNote::CardAssigned => "card-assigned",
            FlashNote::CardReplaced => "card-replaced",
            FlashNote::PointsAdjusted => "points-adjusted",
            FlashNote::CustomersMerged => "customers-merged",
            FlashNote::CustomerErased => "customer-erased",
            FlashNote::StaleErased => "stale-erased",
            FlashNote::LoyaltySaved => "loyalty-saved",
            FlashNote::AccountSaved => "account-saved",
            FlashNote::PreferencesSaved => "preferences-saved",
            FlashNote::AccountClosed => "account-closed",
            FlashNote::DuplicatePrinted(_) => DUPLICATE_PRINTED,
        }
    }

    /// What the cookie holds: the code, and a reprint's copy number.
    fn cookie_value(self) -> String {
        match self {
            FlashNote::DuplicatePrinted(copy) => format!("{DUPLICATE_PRINTED}-{copy}"),
            other => other.code().to_owned(),
        }
    }

    fn from_code(code: &str) -> Option<FlashNote> {
        if let Some(copy) = code
            .strip_prefix(DUPLICATE_PRINTED)
            .and_then(|rest| rest.strip_prefix('-'))
        {
            return copy.parse().ok().map(FlashNote::DuplicatePrinted);
        }
        FlashNote::ALL.into_iter().find(|n| n.code() == code)
    }

    fn msg(self) -> Msg {
        match self {
            FlashNote::Welcome => Msg::FlashWelcome,
            FlashNote::UserCreated => Msg::FlashUserCreated,
            FlashNote::UserSaved => Msg::FlashUserSaved,
            FlashNote::PasswordReset => Msg::FlashPasswordReset,
            FlashNote::PinSaved => Msg::FlashPinSaved,
            FlashNote::PinRemoved => Msg::FlashPinRemoved,
            FlashNote::SessionsRevoked => Msg::FlashSessionsRevoked,
            FlashNote::LanguageSaved => Msg::FlashLanguageSaved,
            FlashNote::PasswordChanged => Msg::FlashPasswordChanged,
            FlashNote::LoggedOut => Msg::FlashLoggedOut,
            FlashNote::ProductSaved => Msg::FlashProductSaved,
            FlashNote::StockAdjusted => Msg::FlashStockAdjusted,
            FlashNote::StockTransferred => Msg::FlashStockTransferred,
            FlashNote::SupplierSaved => Msg::FlashSupplierSaved,
            FlashNote::OrderCreated => Msg::FlashOrderCreated,
            FlashNote::OrderSent => Msg::FlashOrderSent,
            FlashNote::OrderCancelled => Msg::FlashOrderCancelled,
            FlashNote::StocktakeOpened => Msg::FlashStocktakeOpened,
            FlashNote::CountsSaved => Msg::FlashCountsSaved,
            FlashNote::StocktakeValidated => Msg::FlashStocktakeValidated,
            FlashNote::StocktakeCancelled => Msg::FlashStocktakeCancelled,
            FlashNote::DraftsCreated => Msg::FlashDraftsCreated,
            FlashNote::TermsSaved => Msg::FlashTermsSaved,
            // settings pages
            FlashNote::CategorySaved => Msg::FlashCategorySaved,
            FlashNote::LocationSaved => Msg::FlashLocationSaved,
            FlashNote::VatScheduled => Msg::FlashVatScheduled,
            FlashNote::ScaleSaved => Msg::FlashScaleSaved,
            // back office sales
            FlashNote::TillCreated => Msg::FlashTillCreated,
            FlashNote::TillSaved => Msg::FlashTillSaved,
            FlashNote::ShopSaved => Msg::FlashShopSaved,
            FlashNote::TicketPrinted => Msg::FlashTicketPrinted,
            // customer pages
            FlashNote::CustomerCreated => Msg::FlashCustomerCreated,
            FlashNote::CustomerSaved => Msg::FlashCustomerSaved,
            FlashNote::ConsentRecorded => Msg::FlashConsentRecorded,
            FlashNote::CardAssigned => Msg::FlashCardAssigned,
            FlashNote::CardReplaced => Msg::FlashCardReplaced,
            FlashNote::PointsAdjusted => Msg::FlashPointsAdjusted,
            FlashNote::CustomersMerged => Msg::FlashCustomersMerged,
            FlashNote::CustomerErased => Msg::FlashCustomerErased,
            FlashNote::StaleErased => Msg::FlashStaleErased,
            FlashNote::LoyaltySaved => Msg::FlashLoyaltySaved,
            FlashNote::AccountSaved => Msg::FlashAccountSaved,
            FlashNote::PreferencesSaved => Msg::FlashPreferencesSaved,
            FlashNote::AccountClosed => Msg::FlashAccountClosed,
            FlashNote::DuplicatePrinted(_) => Msg::FlashDuplicatePrinted,
        }
    }

    fn flash(self, lang: Lang) -> Flash {
        let copy = match self {
            FlashNote::DuplicatePrinted(copy) => copy.to_string(),
            _ => String::new(),
        };
        Flash {
            kind: FlashKind::Success,
            text: ::web::i18n::tf(lang, self.msg(), &[("copy", &copy)]),
        }
    }
}

/// 303 to `location`, with a message for the next page.
pub fn redirect_with(location: &str, note: FlashNote) -> HttpResponse {
    let cookie = Cookie::build(FLASH_COOKIE, note.cookie_value())
        .path("/")
        .http_only(true)
        .finish();
    HttpResponse::SeeOther()
        .insert_header(("Location", location))
        .cookie(cookie)
        .finish()
}

pub fn redirect(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header(("Location", location))
        .finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_note_comes_back_from_its_cookie_with_a_reprint_s_number() {
        for note in FlashNote::ALL {
            assert_eq!(FlashNote::from_code(&note.cookie_value()), Some(note));
        }
        let reprint = FlashNote::DuplicatePrinted(3);
        assert_eq!(reprint.cookie_value(), "duplicate-printed-3");
        assert_eq!(FlashNote::from_code("duplicate-printed-3"), Some(reprint));
        assert_eq!(FlashNote::from_code("duplicate-printed-x"), None);
        assert_eq!(FlashNote::from_code("duplicate-printed"), None);
        assert_eq!(
            reprint.flash(Lang::Fr).text,
            "Duplicata n°\u{a0}3 envoyé à l’imprimante."
        );
    }
}
