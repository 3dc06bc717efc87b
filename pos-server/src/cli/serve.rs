//! `comptoir serve`.

use super::CliError;
use crate::config::{Config, parse_timezone};
use db::SystemClock;
use std::sync::Arc;

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// Address and port to listen on
    #[arg(long, env = "COMPTOIR_BIND", default_value = "127.0.0.1:8080")]
    pub bind: String,
    /// The shop's time zone, where business days are cut
    #[arg(long, env = "COMPTOIR_TIMEZONE", default_value = "Europe/Paris")]
    pub timezone: String,
    /// Mark cookies Secure (when Comptoir is served over HTTPS)
    #[arg(long, env = "COMPTOIR_SECURE_COOKIES")]
    pub secure_cookies: bool,
    /// The shop's name on documents such as purchase orders
    #[arg(long, env = "COMPTOIR_SHOP_NAME", default_value = "Comptoir")]
    pub shop_name: String,
}

pub fn serve(db_url: &str, args: ServeArgs) -> Result<(), CliError> {
    let mut config = Config::new(db_url, args.bind);
    config.timezone = parse_timezone(&args.timezone).map_err(CliError::Usage)?;
    config.secure_cookies = args.secure_cookies;
    config.shop_name = args.shop_name;
    let prepared = crate::prepare(config, Arc::new(SystemClock))?;
    let url = prepared.local_url();
    let db = prepared.state.db.clone();
    println!(
        "Comptoir {} — {} — {url}",
        env!("CARGO_PKG_VERSION"),
        db.url()
    );
    if let Some(path) = &prepared.setup_path {
        println!();
        println!("Première mise en route : ouvrez {url}{path}");
        println!("pour créer le compte du propriétaire (cette adresse ne sert qu'une fois).");
        println!("First start: open the address above to create the owner's account.");
        println!();
    }
    actix_web::rt::System::new().block_on(async move {
        let server = crate::run(prepared, true)?;
        server.await
    })?;
    // Leave a tidy file behind: the WAL folded back into the database.
    if let Err(error) = db.checkpoint() {
        tracing::warn!(%error, "final checkpoint failed");
    }
    println!("Comptoir arrêté / stopped.");
    Ok(())
}
