//! The unsubscribe link of every e-mail the shop sends a customer: it needs no
//! login and never expires, so it is not stored but signed — an HMAC of the
//! customer's id under a secret of the shop's kept in the settings (made on
//! first use). Opening it withdraws the e-mail consent, nothing more.

use crate::consents::{self, NewConsent};
use crate::error::{CustomerError, Result};
use crate::fiche::{self, Customer};
use crate::kinds::{Basis, Channel, ConsentSource};
use chrono::NaiveDateTime;
use db::DbConn;
use db::accounts::random_secret;
use db::settings;
use hmac::{Hmac, Mac};
use sha2::Sha256;

const SECRET_KEY: &str = "customers.link_secret";
/// The wording recorded with a withdrawal by the link.
pub const UNSUBSCRIBE_TEXT: &str =
    "Désabonnement des e-mails par le lien d’un message de la boutique";

/// The token of customer `id`'s unsubscribe link: `<id>-<signature>`.
pub fn token(conn: &mut DbConn, customer_id: i64, at: NaiveDateTime) -> Result<String> {
    let secret = match settings::get(conn, SECRET_KEY)? {
        Some(secret) => secret,
        None => {
            let secret = random_secret();
            settings::set(conn, SECRET_KEY, &secret, at)?;
            secret
        }
    };
    let signature = mac(&secret, customer_id)?.finalize().into_bytes();
    Ok(format!("{customer_id}-{}", hex::encode(signature)))
}

fn mac(secret: &str, customer_id: i64) -> Result<Hmac<Sha256>> {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes())
        .map_err(|e| CustomerError::Corrupt(e.to_string()))?;
    mac.update(format!("unsubscribe:{customer_id}").as_bytes());
    Ok(mac)
}

/// The customer a token names, when its signature holds; `LinkNotValid`
/// otherwise.
pub fn customer_of(conn: &mut DbConn, token: &str) -> Result<Customer> {
    let (id, given) = token
        .trim()
        .split_once('-')
        .ok_or(CustomerError::LinkNotValid)?;
    let id: i64 = id.parse().map_err(|_| CustomerError::LinkNotValid)?;
    let secret = settings::get(conn, SECRET_KEY)?.ok_or(CustomerError::LinkNotValid)?;
    let given = hex::decode(given).map_err(|_| CustomerError::LinkNotValid)?;
    mac(&secret, id)?
        .verify_slice(&given)
        .map_err(|_| CustomerError::LinkNotValid)?;
    fiche::resolve(conn, id).map_err(|_| CustomerError::LinkNotValid)
}

/// Withdraws the e-mail consent of the customer the token names (recorded as
/// their own act, from the link). Opening it twice changes nothing more.
pub fn unsubscribe(conn: &mut DbConn, token: &str, at: NaiveDateTime) -> Result<Customer> {
    let customer = customer_of(conn, token)?;
    if customer.anonymised_at.is_some() {
        // Erased: nothing is sent to them any more anyway.
        return Ok(customer);
    }
    if consents::current(conn, customer.id)?.granted(Channel::Email) {
        consents::record(
            conn,
            customer.id,
            &NewConsent {
                channel: Channel::Email,
                granted: false,
                basis: Basis::Explicit,
                source: ConsentSource::Account,
                text_shown: Some(UNSUBSCRIBE_TEXT.to_owned()),
            },
            None,
            at,
        )?;
    }
    Ok(customer)
}
