//! Builds the application and runs it: the library does the work so that a test
//! can start the whole server on port 0 and talk to it over real HTTP.

use crate::auth::{csrf_cookie, current_session};
use crate::config::Config;
use crate::error::AppError;
use crate::localize::localize_errors;
use crate::state::{AppState, SetupGate};
use crate::{api, routes};
use actix_web::body::MessageBody;
use actix_web::dev::{Server, ServiceRequest, ServiceResponse};
use actix_web::http::header::{HeaderName, HeaderValue};
use actix_web::middleware::{Next, from_fn};
use actix_web::{App, HttpMessage, HttpServer, web};
use db::accounts::users;
use db::{Clock, Db};
use std::net::TcpListener;
use std::sync::Arc;
use tracing_actix_web::{RequestId, TracingLogger};

/// What can stop the server from starting; each says what to do in one line.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("{0}")]
    Database(#[from] db::DbError),
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        addr: String,
        source: std::io::Error,
    },
}

/// A prepared server: the database migrated, the port bound, the setup address
/// ready when the database has no user yet.
pub struct Prepared {
    pub state: AppState,
    pub listener: TcpListener,
    /// `/setup?token=…`, only on a database without users.
    pub setup_path: Option<String>,
}

impl Prepared {
    pub fn local_url(&self) -> String {
        match self.listener.local_addr() {
            Ok(addr) if addr.ip().is_unspecified() => format!("http://localhost:{}", addr.port()),
            Ok(addr) => format!("http://{addr}"),
            Err(_) => "http://?".to_owned(),
        }
    }
}

pub fn prepare(config: Config, clock: Arc<dyn Clock>) -> Result<Prepared, StartError> {
    // The port first: a second Comptoir on the same port must not touch the database.
    let listener = TcpListener::bind(&config.bind).map_err(|source| StartError::Listen {
        addr: config.bind.clone(),
        source,
    })?;
    let db = Db::connect(&config.database_url)?;
    let applied = db.migrate()?;
    if !applied.is_empty() {
        tracing::info!(?applied, "migrations applied");
    }
    let user_count = db.read(|conn| {
        users::count(conn).map_err(|e| match e {
            db::accounts::AccountError::Db(e) => e,
            other => db::DbError::Connection(other.to_string()),
        })
    })?;
    let (setup, setup_path) = if user_count == 0 {
        let (gate, token) = SetupGate::open();
        (gate, Some(format!("/setup?token={token}")))
    } else {
        (SetupGate::closed(), None)
    };
    let state = AppState {
        db,
        clock,
        config: Arc::new(config),
        setup: Arc::new(setup),
    };
    Ok(Prepared {
        state,
        listener,
        setup_path,
    })
}

/// Starts serving. With `handle_signals`, SIGTERM and Ctrl-C stop it gracefully
/// (requests in flight finish); tests turn that off.
pub fn run(prepared: Prepared, handle_signals: bool) -> std::io::Result<Server> {
    let workers = prepared.state.config.workers;
    let data = web::Data::new(prepared.state);
    let mut server = HttpServer::new(move || {
        App::new()
            .app_data(data.clone())
            .app_data(web::FormConfig::default().limit(256 * 1024))
            .wrap(from_fn(localize_errors))
            .wrap(from_fn(csrf_cookie))
            .wrap(from_fn(response_headers))
            .wrap(TracingLogger::default())
            .service(api::scope())
            .configure(routes::configure)
            .default_service(web::to(not_found))
    })
    .shutdown_timeout(10)
    .listen(prepared.listener)?;
    if let Some(n) = workers {
        server = server.workers(n);
    }
    if !handle_signals {
        server = server.disable_signals();
    }
    Ok(server.run())
}

async fn not_found(req: actix_web::HttpRequest) -> Result<actix_web::HttpResponse, AppError> {
    // Looked up so that the 404 page still shows the user's navigation.
    let _ = current_session(&req).await;
    Err(AppError::not_found())
}

/// The request id for support, and the headers every answer carries.
async fn response_headers(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let request_id = req.extensions().get::<RequestId>().map(|id| id.to_string());
    let mut res = next.call(req).await?;
    let headers = res.headers_mut();
    if let Some(id) = request_id.and_then(|id| HeaderValue::from_str(&id).ok()) {
        headers.insert(HeaderName::from_static("x-request-id"), id);
    }
    for (name, value) in [
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "DENY"),
        ("referrer-policy", "same-origin"),
    ] {
        headers.insert(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        );
    }
    Ok(res)
}
