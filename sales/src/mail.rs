//! E-mailed receipts: the plain-text receipt in a French e-mail, over SMTP.

use crate::receipt::words::Lang;
use crate::receipt::{Receipt, text};
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Mailbox, MultiPart, SinglePart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{Address, Message, SmtpTransport, Transport};
use std::time::Duration;
use thiserror::Error;

/// How long the SMTP server may take to answer each step.
pub const SMTP_TIMEOUT: Duration = Duration::from_secs(10);
/// The width of the receipt in the e-mail (that of 80 mm paper).
pub const MAIL_COLUMNS: usize = 42;

/// How the connection to the SMTP server is protected.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SmtpTls {
    /// Plain text: for a relay on the shop's own machine or network (port 25).
    #[default]
    None,
    /// STARTTLS after connecting (port 587); required, never skipped.
    StartTls,
    /// TLS from the first byte (port 465).
    Tls,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    /// `ticket@boutique.fr` or `Épicerie du Marché <ticket@boutique.fr>`.
    pub from: String,
    pub username: Option<String>,
    pub password: Option<String>,
    pub tls: SmtpTls,
}

#[derive(Debug, Error)]
pub enum MailError {
    #[error("adresse e-mail invalide\u{a0}: «\u{a0}{0}\u{a0}»")]
    InvalidRecipient(String),
    #[error(
        "l'adresse d'expédition des e-mails est invalide\u{a0}: «\u{a0}{0}\u{a0}» (réglages SMTP)"
    )]
    InvalidSender(String),
    #[error(
        "le chiffrement TLS vers le serveur d'e-mails {host} n'a pas pu être préparé\u{a0}: {detail}"
    )]
    Tls { host: String, detail: String },
    #[error("l'e-mail n'a pas pu être composé\u{a0}: {0}")]
    Build(String),
    #[error("l'e-mail n'a pas pu être envoyé par le serveur {host}\u{a0}: {detail}")]
    Send { host: String, detail: String },
}

/// Checks an address typed at the till: `nom@domaine.fr`, nothing around it.
pub fn parse_recipient(to: &str) -> Result<Address, MailError> {
    let to = to.trim();
    let address: Address = to
        .parse()
        .map_err(|_| MailError::InvalidRecipient(to.to_owned()))?;
    if !address.domain().contains('.') {
        return Err(MailError::InvalidRecipient(to.to_owned()));
    }
    Ok(address)
}

/// Sends the receipt, in French, to `to`.
pub fn send_receipt(settings: &SmtpSettings, to: &str, receipt: &Receipt) -> Result<(), MailError> {
    send_receipt_in(settings, to, receipt, Lang::Fr)
}

/// As [`send_receipt`], in `lang`.
pub fn send_receipt_in(
    settings: &SmtpSettings,
    to: &str,
    receipt: &Receipt,
    lang: Lang,
) -> Result<(), MailError> {
    let message = receipt_message(settings, to, receipt, lang)?;
    send(settings, &message)
}

/// Sends a plain-text e-mail (the customer file's confirmation and account
/// links) to `to`.
pub fn send_text(
    settings: &SmtpSettings,
    to: &str,
    subject: &str,
    body: &str,
) -> Result<(), MailError> {
    let message = Message::builder()
        .from(sender(settings)?)
        .to(Mailbox::new(None, parse_recipient(to)?))
        .subject(subject)
        .singlepart(
            SinglePart::builder()
                .header(ContentType::TEXT_PLAIN)
                .header(ContentTransferEncoding::QuotedPrintable)
                .body(body.to_owned()),
        )
        .map_err(|e| MailError::Build(e.to_string()))?;
    send(settings, &message)
}

fn send(settings: &SmtpSettings, message: &Message) -> Result<(), MailError> {
    transport(settings)?
        .send(message)
        .map_err(|e| MailError::Send {
            host: settings.host.clone(),
            detail: e.to_string(),
        })?;
    Ok(())
}

fn sender(settings: &SmtpSettings) -> Result<Mailbox, MailError> {
    settings
        .from
        .trim()
        .parse()
        .map_err(|_| MailError::InvalidSender(settings.from.clone()))
}

/// The e-mail: subject "Votre ticket de caisse — <shop>", a text/plain body
/// with the receipt, and an HTML alternative that keeps it in a `<pre>`.
pub fn receipt_message(
    settings: &SmtpSettings,
    to: &str,
    receipt: &Receipt,
    lang: Lang,
) -> Result<Message, MailError> {
    let to = Mailbox::new(None, parse_recipient(to)?);
    let from = sender(settings)?;
    let words = lang.words();
    let shop = receipt.shop.name.trim();
    let subject = format!("{} {shop}", words.mail_subject);
    let receipt_text = text::render(receipt, MAIL_COLUMNS, lang);
    let intro = words.mail_intro.replace('\u{a0}', " ");
    let plain = format!("{}\n\n{intro}\n\n{receipt_text}", words.mail_greeting);
    let html = format!(
        "<!DOCTYPE html>\n<html><body>\n<p>{}</p>\n<p>{}</p>\n<pre style=\"font-family: monospace; font-size: 13px\">{}</pre>\n</body></html>\n",
        escape_html(words.mail_greeting),
        escape_html(words.mail_intro),
        escape_html(&receipt_text)
    );
    Message::builder()
        .from(from)
        .to(to)
        .subject(subject)
        .multipart(MultiPart::alternative_plain_html(plain, html))
        .map_err(|e| MailError::Build(e.to_string()))
}

fn transport(settings: &SmtpSettings) -> Result<SmtpTransport, MailError> {
    let tls_parameters = || {
        TlsParameters::new(settings.host.clone()).map_err(|e| MailError::Tls {
            host: settings.host.clone(),
            detail: e.to_string(),
        })
    };
    let tls = match settings.tls {
        SmtpTls::None => Tls::None,
        SmtpTls::StartTls => Tls::Required(tls_parameters()?),
        SmtpTls::Tls => Tls::Wrapper(tls_parameters()?),
    };
    let mut builder = SmtpTransport::builder_dangerous(settings.host.as_str())
        .port(settings.port)
        .tls(tls)
        .timeout(Some(SMTP_TIMEOUT));
    if let Some(username) = &settings.username {
        let password = settings.password.clone().unwrap_or_default();
        builder = builder.credentials(Credentials::new(username.clone(), password));
    }
    Ok(builder.build())
}

fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn validates_recipients() {
        assert!(parse_recipient(" jeanne@example.fr ").is_ok());
        for bad in [
            "",
            "jeanne",
            "jeanne@",
            "@example.fr",
            "jeanne@localhost",
            "a b@example.fr",
            "Jeanne <j@example.fr>",
        ] {
            assert!(parse_recipient(bad).is_err(), "{bad} should be refused");
        }
        let message = parse_recipient("jeanne").err().map(|e| e.to_string());
        assert_eq!(
            message.as_deref(),
            Some("adresse e-mail invalide\u{a0}: «\u{a0}jeanne\u{a0}»")
        );
    }

    #[test]
    fn prepares_tls_without_a_network() {
        for tls in [SmtpTls::None, SmtpTls::StartTls, SmtpTls::Tls] {
            let settings = SmtpSettings {
                host: "smtp.example.fr".into(),
                port: 587,
                from: "ticket@example.fr".into(),
                username: Some("ticket".into()),
                password: Some("secret".into()),
                tls,
            };
            assert!(transport(&settings).is_ok(), "{tls:?}");
        }
    }

    #[test]
    fn escapes_html() {
        assert_eq!(escape_html("<b>&\""), "&lt;b&gt;&amp;&quot;");
    }
}
