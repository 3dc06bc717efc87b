//! The whole server, on a port of its own, in a thread of its own.

use actix_web::dev::ServerHandle;
use db::accounts::users::{self, NewUser};
use db::accounts::{HashedPassword, HashedPin, User, tokens};
use db::testing::TestDatabase;
use db::{Clock, Db, FixedClock, Role, SystemClock};
use pos_server::Config;
use std::sync::Arc;

/// A running server. Stopped when dropped; its database goes with it.
pub struct TestServer {
    /// `http://127.0.0.1:PORT`
    pub url: String,
    /// `/setup?token=…` while the database has no user.
    pub setup_path: Option<String>,
    pub db: Db,
    pub clock: Arc<dyn Clock>,
    handle: ServerHandle,
    // Last, so the database outlives the server.
    pub database: Arc<TestDatabase>,
}

/// One fresh server per backend.
pub fn servers() -> Vec<TestServer> {
    db::testing::databases()
        .into_iter()
        .map(|database| TestServer::start(Arc::new(database), Arc::new(SystemClock)))
        .collect()
}

impl TestServer {
    /// Starts a server on `database` (which may already hold data: a restart).
    pub fn start(database: Arc<TestDatabase>, clock: Arc<dyn Clock>) -> TestServer {
        TestServer::start_configured(database, clock, |_| {})
    }

    /// Starts a server whose configuration `configure` changes (SMTP…).
    pub fn start_configured(
        database: Arc<TestDatabase>,
        clock: Arc<dyn Clock>,
        configure: impl FnOnce(&mut Config),
    ) -> TestServer {
        let mut config = Config::new(database.url.clone(), "127.0.0.1:0");
        config.workers = Some(2);
        configure(&mut config);
        let prepared = match pos_server::prepare(config, clock.clone()) {
            Ok(p) => p,
            Err(e) => panic!("[{}] the server does not start: {e}", database.label()),
        };
        let url = prepared.local_url();
        let setup_path = prepared.setup_path.clone();
        let db = prepared.state.db.clone();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            actix_web::rt::System::new().block_on(async move {
                match pos_server::run(prepared, false) {
                    Ok(server) => {
                        let _ = tx.send(Some(server.handle()));
                        let _ = server.await;
                    }
                    Err(e) => {
                        eprintln!("server failed: {e}");
                        let _ = tx.send(None);
                    }
                }
            });
        });
        let handle = match rx.recv() {
            Ok(Some(handle)) => handle,
            _ => panic!("[{}] the server thread did not start", database.label()),
        };
        TestServer {
            url,
            setup_path,
            db,
            clock,
            handle,
            database,
        }
    }

    /// A server whose clock a test moves.
    pub fn start_with_clock(database: Arc<TestDatabase>, clock: FixedClock) -> TestServer {
        TestServer::start(database, Arc::new(clock))
    }

    pub fn label(&self) -> &'static str {
        self.database.label()
    }

    /// A new server on the same database, as after a restart.
    pub fn restart(self) -> TestServer {
        let database = self.database.clone();
        let clock = self.clock.clone();
        drop(self);
        TestServer::start(database, clock)
    }

    /// Adds a user straight into the database (fixtures).
    pub fn add_user(&self, username: &str, role: Role, password: &str, pin: Option<&str>) -> User {
        let password =
            HashedPassword::new(password).unwrap_or_else(|e| panic!("fixture password: {e}"));
        let pin = pin.map(|p| HashedPin::new(p).unwrap_or_else(|e| panic!("fixture PIN: {e}")));
        let now = self.clock.now_naive();
        let new = NewUser {
            username,
            display_name: username,
            role,
            password: &password,
            pin: pin.as_ref(),
        };
        self.db
            .write(|conn| users::create(conn, &new, None, now))
            .unwrap_or_else(|e| panic!("[{}] fixture user {username}: {e}", self.label()))
    }

    /// A bearer token for a user, as `comptoir token create` makes it.
    pub fn token(&self, user: &User) -> String {
        let now = self.clock.now_naive();
        self.db
            .write(|conn| tokens::create(conn, user.id, "test", now))
            .unwrap_or_else(|e| panic!("[{}] fixture token: {e}", self.label()))
    }

    pub fn at(&self, path: &str) -> String {
        format!("{}{path}", self.url)
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        // The stop command is sent at once; nobody needs to wait for it.
        drop(self.handle.stop(false));
    }
}
