//! A tiny SMTP server on 127.0.0.1 that keeps what it is sent: 220, 250 to
//! the envelope, 354 to DATA, 250 after the lone dot, 221 to QUIT.

use sales::mail::{SmtpSettings, SmtpTls};
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::mpsc::{Receiver, channel};
use std::thread;
use std::time::Duration;

/// One message: its `RCPT TO` lines and its data (headers and body).
pub type Mail = (Vec<String>, String);

/// Starts the sink; its port, and the messages as they arrive.
pub fn smtp_sink() -> (u16, Receiver<Mail>) {
    let listener = match TcpListener::bind("127.0.0.1:0") {
        Ok(listener) => listener,
        Err(e) => panic!("the SMTP sink cannot listen: {e}"),
    };
    let port = listener.local_addr().map(|a| a.port()).unwrap_or_default();
    let (tx, rx) = channel();
    thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { return };
            let Some(mail) = converse(stream) else {
                continue;
            };
            if tx.send(mail).is_err() {
                return;
            }
        }
    });
    (port, rx)
}

fn converse(stream: std::net::TcpStream) -> Option<Mail> {
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    let mut writer = stream.try_clone().ok()?;
    let mut reader = BufReader::new(stream);
    let (mut rcpt, mut data) = (Vec::new(), String::new());
    writer.write_all(b"220 sink.test ESMTP\r\n").ok()?;
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            break;
        }
        let verb = line.get(..4).unwrap_or_default().to_ascii_uppercase();
        let reply: &[u8] = match verb.as_str() {
            "EHLO" => b"250-sink.test\r\n250 8BITMIME\r\n",
            "RCPT" => {
                rcpt.push(line.trim_end().to_owned());
                b"250 ok\r\n"
            }
            "DATA" => {
                writer.write_all(b"354 go ahead\r\n").ok()?;
                loop {
                    line.clear();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 || line == ".\r\n" {
                        break;
                    }
                    data.push_str(line.strip_prefix('.').unwrap_or(&line));
                }
                b"250 queued\r\n"
            }
            "QUIT" => {
                writer.write_all(b"221 bye\r\n").ok()?;
                break;
            }
            _ => b"250 ok\r\n",
        };
        writer.write_all(reply).ok()?;
    }
    Some((rcpt, data))
}

/// Settings that send to the sink on `port`.
pub fn sink_settings(port: u16) -> SmtpSettings {
    SmtpSettings {
        host: "127.0.0.1".into(),
        port,
        from: "Ma boutique <ticket@boutique.example>".into(),
        username: None,
        password: None,
        tls: SmtpTls::None,
    }
}

/// Quoted-printable decoded (soft breaks joined), line ends as `\n`.
pub fn quoted_printable(text: &str) -> String {
    let text = text.replace("=\r\n", "");
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (byte, hex) {
            (b'=', Some(decoded)) => {
                out.push(decoded);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).replace("\r\n", "\n")
}

/// The first `https?://…` address in a decoded message that contains `path`.
pub fn link_in(body: &str, path: &str) -> Option<String> {
    body.split_whitespace()
        .find(|word| word.starts_with("http") && word.contains(path))
        .map(str::to_owned)
}
