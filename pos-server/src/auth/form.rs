//! A logged-in user's form, checked in a fixed order: who asks, their role, the
//! CSRF token, then the body. (Separate extractors race: a malformed body could
//! answer before the role check.)

use super::{ApiAuthed, Authed, CsrfForm, MinRole};
use crate::error::AppError;
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use serde::de::DeserializeOwned;
use std::future::Future;
use std::pin::Pin;

pub struct AuthedForm<R: MinRole, T> {
    pub user: Authed<R>,
    pub form: T,
}

impl<R: MinRole, T: DeserializeOwned + 'static> FromRequest for AuthedForm<R, T> {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let user = Authed::<R>::from_request(req, payload);
        let form = CsrfForm::<T>::from_request(req, payload);
        Box::pin(async move {
            let user = user.await?;
            let CsrfForm(form) = form.await?;
            Ok(AuthedForm { user, form })
        })
    }
}

/// An API caller's JSON body, checked in the same order: token, role, then body.
pub struct ApiJson<R: MinRole, T> {
    pub caller: ApiAuthed<R>,
    pub body: T,
}

impl<R: MinRole, T: DeserializeOwned + 'static> FromRequest for ApiJson<R, T> {
    type Error = AppError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, AppError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let caller = ApiAuthed::<R>::from_request(req, payload);
        let body = actix_web::web::Json::<T>::from_request(req, payload);
        Box::pin(async move {
            let caller = caller.await?;
            let body = body.await.map_err(|e| match e.as_error::<AppError>() {
                Some(app) => app.clone(),
                None => AppError::bad_request(::web::i18n::Msg::ErrBadForm),
            })?;
            Ok(ApiJson {
                caller,
                body: body.into_inner(),
            })
        })
    }
}
