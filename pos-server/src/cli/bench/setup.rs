//! The bench's shop: a scratch database with a large catalogue, tills with
//! their open sessions, an owner and a token; the server started in this
//! process on a loopback port. Or, with `--url`, a running server.

use super::BenchError;
use super::loyalty::Cards;
use crate::config::Config;
use actix_web::dev::ServerHandle;
use db::accounts::users::{self, NewUser};
use db::accounts::{HashedPassword, tokens};
use db::ids::UserId;
use db::scratch::ScratchDatabase;
use db::{Backend, Clock, Db, Money, Role, SystemClock};
use indicatif::ProgressBar;
use inventory::catalogue::Unit;
use inventory::demo::bulk::{self, BulkProduct};
use sales::{sessions, shops, tills};
use std::sync::Arc;

/// Products written per transaction.
const PRODUCTS_PER_TRANSACTION: u64 = 2_500;
const CUSTOMERS_PER_TRANSACTION: u64 = 20_000;

/// What the scenarios need from the shop.
pub struct Shop {
    /// `http://127.0.0.1:PORT`
    pub url: String,
    pub token: String,
    pub tills: Vec<String>,
    /// Goods sold by the piece: `(barcode, price)`.
    pub goods: Vec<(String, Money)>,
    /// Every barcode of the catalogue (for lookups).
    pub barcodes: Vec<String>,
    pub backend: String,
    pub products: u64,
    /// Customers in the file (for customer search).
    pub customers: u64,
    /// Their loyalty cards, when the bench made the file.
    pub cards: Option<Arc<Cards>>,
    /// The database itself, when the bench made it (for the raw scenario).
    pub local: Option<Local>,
}

pub struct Local {
    pub db: Db,
    pub cashier: UserId,
    pub timezone: chrono_tz::Tz,
    server: ServerHandle,
    // Last: the database outlives the server.
    _scratch: Option<ScratchDatabase>,
}

impl Drop for Local {
    fn drop(&mut self) {
        drop(self.server.stop(false));
    }
}

/// Where the bench writes: a temporary SQLite file by default, a given empty
/// SQLite file, or a fresh database next to a PostgreSQL URL (dropped after).
pub fn scratch(db_url: Option<&str>) -> Result<(String, Option<ScratchDatabase>), BenchError> {
    let Some(url) = db_url else {
        let scratch = ScratchDatabase::sqlite()?;
        return Ok((scratch.url.clone(), Some(scratch)));
    };
    match db::DbUrl::parse(url)?.backend() {
        Backend::Postgres => {
            let scratch = ScratchDatabase::postgres(url, "comptoir_bench")?;
            Ok((scratch.url.clone(), Some(scratch)))
        }
        Backend::Sqlite => Ok((url.to_owned(), None)),
    }
}

/// Builds the shop in `url` (refused when it holds products already) and
/// starts the server on it.
pub fn local(
    url: String,
    scratch: Option<ScratchDatabase>,
    products: u64,
    customers: u64,
    till_count: usize,
    bar: &ProgressBar,
) -> Result<Shop, BenchError> {
    let db = Db::connect(&url)?;
    db.migrate()?;
    let now = SystemClock.now_naive();
    let empty = db.read(|conn| {
        inventory::catalogue::products::search(
            conn,
            &inventory::catalogue::products::Search {
                include_archived: true,
                limit: 1,
                ..Default::default()
            },
        )
    })?;
    if !empty.is_empty() {
        return Err(BenchError::Usage(format!(
            "{}: the bench fills an empty database, this one has products",
            db.url()
        )));
    }
    bar.set_length(products);
    let mut catalogue: Vec<BulkProduct> = Vec::new();
    let mut from = 0;
    while from < products {
        let until = (from + PRODUCTS_PER_TRANSACTION).min(products);
        catalogue.extend(db.write(|conn| bulk::fill_range(conn, from, until, now))?);
        from = until;
        bar.set_position(from);
    }
    bar.set_message("clients / customers");
    bar.set_length(customers);
    bar.set_position(0);
    let mut from = 0;
    while from < customers {
        let until = (from + CUSTOMERS_PER_TRANSACTION).min(customers);
        db.write(|conn| customers::bulk::fill_range(conn, from, until, now))?;
        // Between transactions, so the WAL is reused instead of growing by
        // each one (SQLite; nothing elsewhere).
        db.checkpoint()?;
        from = until;
        bar.set_position(from);
    }
    if customers > 0 {
        bar.set_message("VACUUM ANALYZE");
        db.read(customers::bulk::settle)?;
    }
    let (prefix, rules) = db.read(|conn| -> Result<_, BenchError> {
        Ok((
            customers::cards::prefix(conn)?,
            customers::points::PointsRules::load(conn)?,
        ))
    })?;
    let cards = Arc::new(Cards::new(prefix, customers, till_count, rules));
    let password = HashedPassword::new(&db::accounts::random_secret())?;
    let (cashier, token, tills) = db.write(|conn| -> Result<_, BenchError> {
        let owner = users::create(
            conn,
            &NewUser {
                username: "bench",
                display_name: "Banc d'essai",
                role: Role::Owner,
                password: &password,
                pin: None,
            },
            None,
            now,
        )?;
        let token = tokens::create(conn, owner.id, "bench", now)?;
        let shop = shops::main_shop(conn)?;
        let mut codes = Vec::with_capacity(till_count);
        for n in 1..=till_count {
            let code = format!("B{n:02}");
            let name = format!("Caisse d'essai {n}");
            tills::create(
                conn,
                shop.id(),
                &tills::TillFields {
                    code: &code,
                    name: &name,
                    printer: None,
                    printer_columns: 42,
                    drawer_on_cash: false,
                },
                now,
            )?;
            sessions::open(conn, &code, Money::from_cents(10_000), owner.id, now)?;
            codes.push(code);
        }
        Ok((owner.id, token, codes))
    })?;
    let config = Config::new(url, "127.0.0.1:0");
    let timezone = config.timezone;
    let prepared = crate::prepare(config, Arc::new(SystemClock))?;
    let server_url = prepared.local_url();
    let server = start(prepared)?;
    Ok(Shop {
        url: server_url,
        token,
        tills,
        goods: pieces(&catalogue),
        barcodes: catalogue.into_iter().map(|p| p.barcode).collect(),
        backend: db.backend().name().to_owned(),
        products,
        customers,
        cards: Some(cards),
        local: Some(Local {
            db,
            cashier,
            timezone,
            server,
            _scratch: scratch,
        }),
    })
}

fn pieces(catalogue: &[BulkProduct]) -> Vec<(String, Money)> {
    catalogue
        .iter()
        .filter(|p| p.unit == Unit::Piece)
        .map(|p| (p.barcode.clone(), p.price))
        .collect()
}

/// The server in a thread of its own, as `comptoir serve` runs it.
fn start(prepared: crate::Prepared) -> Result<ServerHandle, BenchError> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("bench-server".into())
        .spawn(move || {
            actix_web::rt::System::new().block_on(async move {
                match crate::run(prepared, false) {
                    Ok(server) => {
                        let _ = tx.send(Ok(server.handle()));
                        let _ = server.await;
                    }
                    Err(e) => {
                        let _ = tx.send(Err(e));
                    }
                }
            });
        })?;
    match rx.recv() {
        Ok(Ok(handle)) => Ok(handle),
        Ok(Err(e)) => Err(e.into()),
        Err(_) => Err(BenchError::Usage("the server thread did not start".into())),
    }
}
