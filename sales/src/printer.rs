//! Sending bytes to a receipt printer: a network printer (raw TCP, port 9100)
//! or a file (a USB printer's device such as `/dev/usb/lp0`, or a plain file
//! to look at). A printer that is off fails within a few seconds: the till
//! never waits on it.

use std::fmt;
use std::fs::OpenOptions;
use std::io::{ErrorKind, Write};
use std::net::{IpAddr, SocketAddr, TcpStream, ToSocketAddrs};
use std::path::PathBuf;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};
use thiserror::Error;

/// How long connecting (name lookup included) may take.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(3);
/// How long sending one receipt may take once connected (a printer out of
/// paper stops reading).
pub const WRITE_TIMEOUT: Duration = Duration::from_secs(3);
/// Receipts are written in pieces of this size, the deadline checked between.
const WRITE_CHUNK: usize = 4096;
/// The raw printing port of network printers.
pub const DEFAULT_PORT: u16 = 9100;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrinterAddress {
    Tcp { host: String, port: u16 },
    File(PathBuf),
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error(
    "adresse d'imprimante «\u{a0}{address}\u{a0}» non reconnue\u{a0}: {reason} (exemples\u{a0}: tcp://192.168.1.50:9100, file:/dev/usb/lp0)"
)]
pub struct AddressError {
    pub address: String,
    pub reason: &'static str,
}

#[derive(Debug, Error)]
pub enum PrinterError {
    #[error(
        "l'imprimante {address} est injoignable\u{a0}: vérifiez qu'elle est allumée et reliée au réseau ({detail})"
    )]
    Unreachable { address: String, detail: String },
    #[error(
        "l'imprimante {address} refuse la connexion\u{a0}: vérifiez qu'elle est allumée, et son adresse et son port"
    )]
    Refused { address: String },
    #[error(
        "l'imprimante {address} ne répond pas (délai dépassé)\u{a0}: vérifiez qu'elle est allumée et qu'il reste du papier"
    )]
    Timeout { address: String },
    #[error("erreur d'écriture vers l'imprimante {address}\u{a0}: {source}")]
    Io {
        address: String,
        #[source]
        source: std::io::Error,
    },
    #[error("le ticket n'a pas pu être mis en forme pour l'imprimante\u{a0}: {0}")]
    Layout(String),
}

impl PrinterError {
    /// The printer could not be reached at all (off, unplugged, wrong
    /// address): nothing was printed and trying again later may work.
    pub fn is_unreachable(&self) -> bool {
        matches!(
            self,
            PrinterError::Unreachable { .. }
                | PrinterError::Refused { .. }
                | PrinterError::Timeout { .. }
        )
    }
}

impl PrinterAddress {
    /// `tcp://host:9100` (the port defaults to 9100; IPv6 in brackets) or
    /// `file:/path` (also `file:///path`).
    pub fn parse(raw: &str) -> Result<PrinterAddress, AddressError> {
        let raw = raw.trim();
        let error = |reason| AddressError {
            address: raw.to_owned(),
            reason,
        };
        if let Some(rest) = raw.strip_prefix("tcp://") {
            let rest = rest.strip_suffix('/').unwrap_or(rest);
            let (host, port) = split_host_port(rest).ok_or(error("port invalide"))?;
            if host.is_empty() || host.contains(['/', ' ', '@']) {
                return Err(error("nom d'hôte invalide"));
            }
            return Ok(PrinterAddress::Tcp {
                host: host.to_owned(),
                port,
            });
        }
        if let Some(rest) = raw.strip_prefix("file:") {
            let path = rest.strip_prefix("//").unwrap_or(rest);
            if !path.starts_with('/') {
                return Err(error("le chemin du fichier doit être absolu"));
            }
            return Ok(PrinterAddress::File(PathBuf::from(path)));
        }
        Err(error("elle doit commencer par tcp:// ou file:"))
    }
}

/// `host`, `host:port`, `[v6]`, `[v6]:port`.
fn split_host_port(text: &str) -> Option<(&str, u16)> {
    let parse_port = |p: &str| p.parse::<u16>().ok().filter(|p| *p > 0);
    if let Some(rest) = text.strip_prefix('[') {
        let (host, after) = rest.split_once(']')?;
        return match after {
            "" => Some((host, DEFAULT_PORT)),
            _ => Some((host, parse_port(after.strip_prefix(':')?)?)),
        };
    }
    match text.rsplit_once(':') {
        Some((host, port)) => Some((host, parse_port(port)?)),
        None => Some((text, DEFAULT_PORT)),
    }
}

impl fmt::Display for PrinterAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PrinterAddress::Tcp { host, port } if host.contains(':') => {
                write!(f, "tcp://[{host}]:{port}")
            }
            PrinterAddress::Tcp { host, port } => write!(f, "tcp://{host}:{port}"),
            PrinterAddress::File(path) => write!(f, "file:{}", path.display()),
        }
    }
}

/// Sends `bytes` (a rendered receipt) to the printer and returns once they
/// are written; fails within a few seconds when the printer does not answer.
pub fn send(address: &PrinterAddress, bytes: &[u8]) -> Result<(), PrinterError> {
    match address {
        PrinterAddress::Tcp { host, port } => send_tcp(address, host, *port, bytes),
        PrinterAddress::File(path) => send_file(address, path.clone(), bytes.to_vec()),
    }
}

fn send_tcp(
    address: &PrinterAddress,
    host: &str,
    port: u16,
    bytes: &[u8],
) -> Result<(), PrinterError> {
    let name = address.to_string();
    let started = Instant::now();
    let candidates = resolve(&name, host, port)?;
    let mut last = None;
    let mut stream = None;
    for candidate in candidates {
        let left = CONNECT_TIMEOUT.saturating_sub(started.elapsed());
        if left.is_zero() {
            break;
        }
        match TcpStream::connect_timeout(&candidate, left) {
            Ok(s) => {
                stream = Some(s);
                break;
            }
            Err(e) => last = Some(e),
        }
    }
    let mut stream = match (stream, last) {
        (Some(stream), _) => stream,
        (None, Some(e)) => return Err(connect_error(name, e)),
        (None, None) => return Err(PrinterError::Timeout { address: name }),
    };
    let io = |source: std::io::Error| write_error(name.clone(), source);
    // One deadline for the whole receipt: a printer that reads a trickle
    // (paper out, cover open) must not keep the till waiting write after write.
    let deadline = Instant::now() + WRITE_TIMEOUT;
    for chunk in bytes.chunks(WRITE_CHUNK) {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(PrinterError::Timeout { address: name });
        }
        stream.set_write_timeout(Some(left)).map_err(io)?;
        stream.write_all(chunk).map_err(io)?;
    }
    stream.flush().map_err(io)?;
    // Close our side cleanly so the printer knows the job is complete.
    let _ = stream.shutdown(std::net::Shutdown::Write);
    Ok(())
}

/// The addresses of `host`; a name lookup runs on a thread so that a slow
/// resolver cannot hold the till past the connect timeout.
fn resolve(name: &str, host: &str, port: u16) -> Result<Vec<SocketAddr>, PrinterError> {
    if let Ok(ip) = host.parse::<IpAddr>() {
        return Ok(vec![SocketAddr::new(ip, port)]);
    }
    let (tx, rx) = mpsc::channel();
    let lookup = (host.to_owned(), port);
    thread::spawn(move || {
        let result = lookup.to_socket_addrs().map(Iterator::collect::<Vec<_>>);
        let _ = tx.send(result);
    });
    match rx.recv_timeout(CONNECT_TIMEOUT) {
        Ok(Ok(addresses)) if !addresses.is_empty() => Ok(addresses),
        Ok(Ok(_)) => Err(PrinterError::Unreachable {
            address: name.to_owned(),
            detail: "nom d'hôte sans adresse".to_owned(),
        }),
        Ok(Err(e)) => Err(PrinterError::Unreachable {
            address: name.to_owned(),
            detail: format!("nom d'hôte inconnu : {e}"),
        }),
        Err(_) => Err(PrinterError::Timeout {
            address: name.to_owned(),
        }),
    }
}

fn connect_error(address: String, e: std::io::Error) -> PrinterError {
    match e.kind() {
        ErrorKind::ConnectionRefused => PrinterError::Refused { address },
        ErrorKind::TimedOut | ErrorKind::WouldBlock => PrinterError::Timeout { address },
        _ => PrinterError::Unreachable {
            address,
            detail: e.to_string(),
        },
    }
}

fn write_error(address: String, source: std::io::Error) -> PrinterError {
    match source.kind() {
        ErrorKind::TimedOut | ErrorKind::WouldBlock => PrinterError::Timeout { address },
        _ => PrinterError::Io { address, source },
    }
}

/// Appends to the file on a thread: a device file whose printer is off can
/// block a write forever, and the till must not wait for it.
fn send_file(address: &PrinterAddress, path: PathBuf, bytes: Vec<u8>) -> Result<(), PrinterError> {
    let name = address.to_string();
    let (tx, rx) = mpsc::channel();
    thread::spawn(move || {
        let result = OpenOptions::new()
            .append(true)
            .create(true)
            .open(&path)
            .and_then(|mut file| {
                file.write_all(&bytes)?;
                file.flush()
            });
        let _ = tx.send(result);
    });
    match rx.recv_timeout(CONNECT_TIMEOUT + WRITE_TIMEOUT) {
        Ok(Ok(())) => Ok(()),
        Ok(Err(source)) => Err(PrinterError::Io {
            address: name,
            source,
        }),
        Err(_) => Err(PrinterError::Timeout { address: name }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_addresses() {
        let tcp = |host: &str, port| PrinterAddress::Tcp {
            host: host.to_owned(),
            port,
        };
        assert_eq!(
            PrinterAddress::parse("tcp://192.168.1.50:9100"),
            Ok(tcp("192.168.1.50", 9100))
        );
        assert_eq!(
            PrinterAddress::parse("tcp://imprimante"),
            Ok(tcp("imprimante", 9100))
        );
        assert_eq!(
            PrinterAddress::parse("tcp://[::1]:9101"),
            Ok(tcp("::1", 9101))
        );
        assert_eq!(
            PrinterAddress::parse("file:/dev/usb/lp0"),
            Ok(PrinterAddress::File("/dev/usb/lp0".into()))
        );
        assert_eq!(
            PrinterAddress::parse("file:///tmp/x").map(|a| a.to_string()),
            Ok("file:/tmp/x".to_owned())
        );
        for bad in [
            "",
            "192.168.1.50",
            "tcp://",
            "tcp://host:0",
            "tcp://host:99999",
            "file:relative",
            "http://x",
        ] {
            let error = PrinterAddress::parse(bad);
            assert!(error.is_err(), "{bad} should be refused");
        }
        let message = PrinterAddress::parse("lp0").err().map(|e| e.to_string());
        assert!(message.is_some_and(|m| m.contains("tcp://") && m.contains("«\u{a0}lp0\u{a0}»")));
    }
}
