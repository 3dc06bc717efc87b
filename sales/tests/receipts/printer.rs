//! Sending receipts to printers: a fake network printer on 127.0.0.1, a
//! printer that is off, a file.

use super::fixtures::{self, find};
use sales::printer::{self, PrinterAddress, PrinterError};
use sales::receipt::escpos::{self, CODE_PAGE_WPC1252, CUT, DRAWER_KICK, INIT};
use std::io::Read;
use std::net::TcpListener;
use std::thread;
use std::time::{Duration, Instant};

/// Listens on a free port of 127.0.0.1 and returns its address and the
/// bytes of the first connection, once the sender closes it.
fn fake_printer() -> (PrinterAddress, thread::JoinHandle<Vec<u8>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let received = thread::spawn(move || {
        let (mut stream, _) = listener.accept().unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        let mut bytes = Vec::new();
        stream.read_to_end(&mut bytes).unwrap();
        bytes
    });
    let address = PrinterAddress::parse(&format!("tcp://127.0.0.1:{port}")).unwrap();
    (address, received)
}

#[test]
fn a_network_printer_gets_the_receipt() {
    for drawer in [true, false] {
        let (address, received) = fake_printer();
        let bytes = escpos::render(&fixtures::sale(), 42, drawer).unwrap();
        printer::send(&address, &bytes).unwrap();
        let got = received.join().unwrap();
        assert_eq!(got, bytes);
        assert!(got.starts_with(&INIT));
        assert!(find(&got, &CODE_PAGE_WPC1252).is_some());
        assert!(find(&got, b"\xC9picerie du March\xE9").is_some(), "É and é");
        assert!(find(&got, b"20,87 \x80").is_some(), "€");
        assert!(got.ends_with(&CUT));
        assert_eq!(find(&got, &DRAWER_KICK).is_some(), drawer);
    }
}

#[test]
fn a_printer_that_is_off_fails_fast() {
    // A port nobody listens on any more.
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let address = PrinterAddress::parse(&format!("tcp://127.0.0.1:{port}")).unwrap();
    let started = Instant::now();
    let error = printer::send(&address, b"\x1b@").unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(3));
    assert!(error.is_unreachable(), "{error:?}");
    assert!(matches!(error, PrinterError::Refused { .. }), "{error:?}");
    let message = error.to_string();
    assert!(
        message.contains(&format!("tcp://127.0.0.1:{port}")),
        "{message}"
    );
    assert!(
        message.contains("vérifiez qu'elle est allumée"),
        "{message}"
    );
}

#[test]
fn a_printer_that_stops_reading_times_out() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    // Accepts, then reads nothing until the sender gave up.
    let (gave_up, wait) = std::sync::mpsc::channel::<()>();
    let holder = thread::spawn(move || {
        let (stream, _) = listener.accept().unwrap();
        let _ = wait.recv_timeout(Duration::from_secs(30));
        drop(stream);
    });
    let address = PrinterAddress::parse(&format!("tcp://127.0.0.1:{port}")).unwrap();
    // Far more than the socket buffers hold.
    let bytes = vec![b'x'; 32 * 1024 * 1024];
    let started = Instant::now();
    let error = printer::send(&address, &bytes).unwrap_err();
    assert!(started.elapsed() < printer::WRITE_TIMEOUT + Duration::from_secs(2));
    assert!(matches!(error, PrinterError::Timeout { .. }), "{error:?}");
    assert!(error.is_unreachable());
    gave_up.send(()).unwrap();
    holder.join().unwrap();
}

#[test]
fn a_file_printer_gets_receipts_appended() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lp0");
    let address = PrinterAddress::parse(&format!("file:{}", path.display())).unwrap();
    printer::send(&address, b"un\n").unwrap();
    printer::send(&address, b"deux\n").unwrap();
    assert_eq!(std::fs::read(&path).unwrap(), b"un\ndeux\n");

    let missing = PrinterAddress::parse("file:/nonexistent-dir/lp0").unwrap();
    let error = printer::send(&missing, b"x").unwrap_err();
    assert!(matches!(error, PrinterError::Io { .. }), "{error:?}");
}
