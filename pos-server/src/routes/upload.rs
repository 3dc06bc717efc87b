//! A file sent from an import page (`multipart/form-data` with the `_csrf`
//! and `file` fields): read within a size limit, its CSRF field checked, and
//! the refusals that an import page shows above its form (no file, too big,
//! not text). The products' and the customers' import pages share it.

use crate::auth::csrf_token;
use crate::error::{AppError, ErrorKind};
use ::web::i18n::Msg;
use actix_multipart::Multipart;
use actix_web::HttpRequest;
use actix_web::http::StatusCode;
use futures_util::StreamExt;
use subtle::ConstantTimeEq;

/// A spreadsheet of many thousand lines fits well under this (and
/// `Msg::ErrFileTooBig` says it).
pub(crate) const MAX_FILE: usize = 8 * 1024 * 1024;
/// A file too big is still read, and dropped, up to this: the browser then
/// gets the page that says so rather than a connection cut while it sends.
const MAX_BODY: usize = 4 * MAX_FILE;
/// A text file has no NUL byte in its first few kilobytes; a spreadsheet's
/// own format, a PDF or an image has.
const SNIFF: usize = 8 * 1024;

/// An uploaded file the page refuses before reading it as CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Refusal {
    pub status: StatusCode,
    pub msg: Msg,
}

/// The uploaded file, or what the page says instead. A malformed body is a
/// 400 and a missing or wrong CSRF field a 403 (the error page's, like any
/// form's); nothing is written before this returns a file.
pub(crate) async fn read_upload(
    req: &HttpRequest,
    mut body: Multipart,
) -> Result<Result<Vec<u8>, Refusal>, AppError> {
    let bad_form = || AppError::bad_request(Msg::ErrBadForm);
    let (mut csrf, mut file, mut too_big, mut total) = (String::new(), Vec::new(), false, 0);
    while let Some(field) = body.next().await {
        let mut field = field.map_err(|_| bad_form())?;
        let name = field
            .content_disposition()
            .and_then(|d| d.get_name())
            .unwrap_or_default()
            .to_owned();
        let (mut bytes, mut over) = (Vec::new(), false);
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(|_| bad_form())?;
            total += chunk.len();
            if total > MAX_BODY {
                return Err(AppError::new(ErrorKind::BadRequest, Msg::ErrFileTooBig));
            }
            over = over || bytes.len() + chunk.len() > MAX_FILE;
            if over {
                bytes = Vec::new();
            } else {
                bytes.extend_from_slice(&chunk);
            }
        }
        match name.as_str() {
            "_csrf" if !over => csrf = String::from_utf8_lossy(&bytes).into_owned(),
            "file" => (file, too_big) = (bytes, over),
            _ => {}
        }
    }
    let expected = csrf_token(req);
    if expected.is_empty() || !bool::from(csrf.as_bytes().ct_eq(expected.as_bytes())) {
        return Err(AppError::new(ErrorKind::Forbidden, Msg::ErrCsrf));
    }
    let refuse = |status, msg| Ok(Err(Refusal { status, msg }));
    if too_big {
        return refuse(StatusCode::PAYLOAD_TOO_LARGE, Msg::ErrFileTooBig);
    }
    if file.is_empty() {
        return refuse(StatusCode::UNPROCESSABLE_ENTITY, Msg::ErrNoFile);
    }
    if file.iter().take(SNIFF).any(|b| *b == 0) {
        return refuse(StatusCode::UNPROCESSABLE_ENTITY, Msg::ErrNotCsv);
    }
    Ok(Ok(file))
}
