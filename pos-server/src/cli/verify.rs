//! `comptoir verify`: recomputes every till's chains of tickets, journal events
//! and closures; exit 1 naming the first record that does not match.

use super::CliError;
use sales::SalesError;
use sales::ledger::verify::verify_all;

/// Exit code when a chain is broken.
pub const BROKEN: u8 = 1;

pub fn verify(db_url: &str) -> Result<u8, CliError> {
    let db = db::Db::connect(db_url)?;
    db.migrate()?;
    let outcome = db
        .read(verify_all)
        .map_err(|e: SalesError| CliError::Usage(e.to_string()))?;
    match outcome {
        Ok(checked) => {
            println!(
                "OK: {} caisse(s), {} ticket(s), {} événement(s), {} clôture(s) vérifiés / verified",
                checked.tills, checked.tickets, checked.events, checked.closures
            );
            Ok(0)
        }
        Err(broken) => {
            println!(
                "ÉCHEC / FAILED — caisse {}: {}: {}",
                broken.till, broken.record, broken.reason
            );
            Ok(BROKEN)
        }
    }
}
