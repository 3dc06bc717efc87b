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
    /// SMTP server for e-mailed receipts (none: the till offers no e-mail)
    #[arg(long, env = "COMPTOIR_SMTP_HOST")]
    pub smtp_host: Option<String>,
    #[arg(long, env = "COMPTOIR_SMTP_PORT", default_value_t = 25)]
    pub smtp_port: u16,
    /// The sender: `ticket@boutique.fr` or `Boutique <ticket@boutique.fr>`
    #[arg(long, env = "COMPTOIR_SMTP_FROM", default_value = "ticket@localhost")]
    pub smtp_from: String,
    #[arg(long, env = "COMPTOIR_SMTP_USER")]
    pub smtp_user: Option<String>,
    #[arg(long, env = "COMPTOIR_SMTP_PASSWORD", hide_env_values = true)]
    pub smtp_password: Option<String>,
    /// none (a relay on the shop's network), starttls (587) or tls (465)
    #[arg(long, env = "COMPTOIR_SMTP_TLS", default_value = "none")]
    pub smtp_tls: String,
    /// The shop's address as customers reach it (https://boutique.fr), for the
    /// links e-mailed to them; with SMTP, opens the public enrolment form
    #[arg(long, env = "COMPTOIR_PUBLIC_URL")]
    pub public_url: Option<String>,
}

fn smtp(args: &ServeArgs) -> Result<Option<sales::mail::SmtpSettings>, CliError> {
    use sales::mail::{SmtpSettings, SmtpTls};
    let Some(host) = args.smtp_host.clone().filter(|h| !h.trim().is_empty()) else {
        return Ok(None);
    };
    let tls = match args.smtp_tls.trim() {
        "none" => SmtpTls::None,
        "starttls" => SmtpTls::StartTls,
        "tls" => SmtpTls::Tls,
        other => {
            return Err(CliError::Usage(format!(
                "--smtp-tls {other:?}: none, starttls or tls"
            )));
        }
    };
    Ok(Some(SmtpSettings {
        host,
        port: args.smtp_port,
        from: args.smtp_from.clone(),
        username: args.smtp_user.clone(),
        password: args.smtp_password.clone(),
        tls,
    }))
}

pub fn serve(db_url: &str, args: ServeArgs) -> Result<(), CliError> {
    let smtp = smtp(&args)?;
    let mut config = Config::new(db_url, args.bind);
    config.smtp = smtp;
    config.public_url = match args.public_url.as_deref().map(str::trim) {
        Some(raw) if !raw.is_empty() => {
            Some(crate::config::parse_public_url(raw).map_err(CliError::Usage)?)
        }
        _ => None,
    };
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
