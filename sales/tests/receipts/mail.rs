//! E-mailed receipts, received by a tiny SMTP server on 127.0.0.1.

use super::fixtures;
use base64::Engine;
use sales::mail::{self, MailError, SmtpSettings, SmtpTls};
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::thread;
use std::time::Duration;

/// What the sink received: the envelope commands and the message.
struct Received {
    commands: Vec<String>,
    data: String,
}

/// An SMTP server for one message: 220, then 250 to everything, 354 to
/// DATA, 221 to QUIT.
fn smtp_sink() -> (u16, thread::JoinHandle<Received>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let handle = thread::spawn(move || {
        let (stream, _) = listener.accept().unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        let mut writer = stream.try_clone().unwrap();
        let mut reader = BufReader::new(stream);
        let mut received = Received {
            commands: Vec::new(),
            data: String::new(),
        };
        writer.write_all(b"220 sink.test ESMTP\r\n").unwrap();
        let mut line = String::new();
        loop {
            line.clear();
            if reader.read_line(&mut line).unwrap() == 0 {
                break;
            }
            let command = line.trim_end().to_owned();
            let verb = command
                .split(' ')
                .next()
                .unwrap_or_default()
                .to_ascii_uppercase();
            received.commands.push(command);
            match verb.as_str() {
                "EHLO" => writer
                    .write_all(b"250-sink.test\r\n250 8BITMIME\r\n")
                    .unwrap(),
                "DATA" => {
                    writer.write_all(b"354 go ahead\r\n").unwrap();
                    loop {
                        line.clear();
                        reader.read_line(&mut line).unwrap();
                        if line == ".\r\n" {
                            break;
                        }
                        let unstuffed = line.strip_prefix('.').unwrap_or(&line);
                        received.data.push_str(unstuffed);
                    }
                    writer.write_all(b"250 queued\r\n").unwrap();
                }
                "QUIT" => {
                    writer.write_all(b"221 bye\r\n").unwrap();
                    break;
                }
                _ => writer.write_all(b"250 ok\r\n").unwrap(),
            }
        }
        received
    });
    (port, handle)
}

fn settings(port: u16) -> SmtpSettings {
    SmtpSettings {
        host: "127.0.0.1".into(),
        port,
        from: "Épicerie du Marché <ticket@epicerie.example>".into(),
        username: None,
        password: None,
        tls: SmtpTls::None,
    }
}

/// Headers unfolded, by lower-case name.
fn header(message: &str, name: &str) -> String {
    let head = message.split("\r\n\r\n").next().unwrap_or_default();
    let unfolded = head.replace("\r\n ", " ").replace("\r\n\t", " ");
    unfolded
        .lines()
        .find_map(|l| {
            let (n, v) = l.split_once(':')?;
            n.eq_ignore_ascii_case(name).then(|| v.trim().to_owned())
        })
        .unwrap_or_default()
}

/// RFC 2047 encoded words (`=?utf-8?b?…?=` and `=?utf-8?q?…?=`) decoded; the
/// space between two encoded words is not part of the text.
fn decode_words(value: &str) -> String {
    let mut out = Vec::new();
    let mut previous_encoded = false;
    for (i, word) in value.split(' ').enumerate() {
        let parts: Vec<&str> = word.split('?').collect();
        let encoded = parts.len() == 5 && parts[0] == "=" && parts[4] == "=";
        if i > 0 && !(encoded && previous_encoded) {
            out.push(b' ');
        }
        if encoded {
            let text = parts[3];
            if parts[2].eq_ignore_ascii_case("b") {
                out.extend(
                    base64::engine::general_purpose::STANDARD
                        .decode(text)
                        .unwrap(),
                );
            } else {
                out.extend(quoted_printable(&text.replace('_', " ")));
            }
        } else {
            out.extend(word.as_bytes());
        }
        previous_encoded = encoded;
    }
    String::from_utf8(out).unwrap()
}

fn quoted_printable(text: &str) -> Vec<u8> {
    let text = text.replace("=\r\n", "");
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

/// The decoded body of the part of this content type.
fn part(message: &str, content_type: &str) -> String {
    let start = message
        .to_ascii_lowercase()
        .find(&format!("content-type: {content_type}"))
        .unwrap();
    let content_type_header = header(message, "Content-Type");
    let boundary = content_type_header
        .split("boundary=")
        .nth(1)
        .unwrap()
        .trim_matches('"');
    let section = &message[start..];
    let section = section.split(&format!("\r\n--{boundary}")).next().unwrap();
    let (head, body) = section.split_once("\r\n\r\n").unwrap();
    let encoding =
        header(&format!("{head}\r\n\r\n"), "Content-Transfer-Encoding").to_ascii_lowercase();
    let bytes = match encoding.as_str() {
        "base64" => base64::engine::general_purpose::STANDARD
            .decode(body.replace("\r\n", ""))
            .unwrap(),
        "quoted-printable" => quoted_printable(body),
        _ => body.as_bytes().to_vec(),
    };
    String::from_utf8(bytes).unwrap().replace("\r\n", "\n")
}

#[test]
fn the_customer_receives_the_receipt() {
    let (port, sink) = smtp_sink();
    let receipt = fixtures::sale();
    mail::send_receipt(&settings(port), "jeanne.dupont@example.fr", &receipt).unwrap();
    let received = sink.join().unwrap();

    assert!(
        received
            .commands
            .iter()
            .any(|c| c == "MAIL FROM:<ticket@epicerie.example>"
                || c.starts_with("MAIL FROM:<ticket@epicerie.example>")),
        "{:?}",
        received.commands
    );
    assert!(
        received
            .commands
            .iter()
            .any(|c| c.starts_with("RCPT TO:<jeanne.dupont@example.fr>"))
    );

    let message = &received.data;
    assert_eq!(
        decode_words(&header(message, "Subject")),
        "Votre ticket de caisse — Épicerie du Marché"
    );
    assert!(header(message, "To").contains("jeanne.dupont@example.fr"));

    let plain = part(message, "text/plain");
    let expected = sales::receipt::text::render(&receipt, 42, sales::receipt::Lang::Fr);
    assert!(
        plain.starts_with("Bonjour,\n\nVoici votre ticket de caisse."),
        "{plain}"
    );
    assert!(plain.contains(&expected), "{plain}");
    assert!(plain.contains("TOTAL TTC                        20,87 €"));

    let html = part(message, "text/html");
    assert!(html.contains("<pre"), "{html}");
    assert!(
        html.contains("Côtes du Rhône « Les Galets » 75 cl"),
        "{html}"
    );
}

#[test]
fn a_bad_address_is_refused_before_connecting() {
    // Port 9 on loopback: nothing listens, and nothing is tried.
    let error = mail::send_receipt(&settings(9), "jeanne.dupont", &fixtures::sale()).unwrap_err();
    assert!(matches!(error, MailError::InvalidRecipient(_)), "{error:?}");
    assert_eq!(
        error.to_string().replace('\u{a0}', " "),
        "adresse e-mail invalide : « jeanne.dupont »"
    );
}

#[test]
fn a_mail_server_that_is_down_is_a_send_error() {
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let error =
        mail::send_receipt(&settings(port), "jeanne@example.fr", &fixtures::sale()).unwrap_err();
    assert!(matches!(error, MailError::Send { .. }), "{error:?}");
    assert!(error.to_string().contains("127.0.0.1"));
}
