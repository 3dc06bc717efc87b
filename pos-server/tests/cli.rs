//! The `comptoir` command line, run as a user runs it: exit codes, one-line
//! errors, the first-run setup address, graceful shutdown.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_comptoir");

fn comptoir(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .env_remove("COMPTOIR_DATABASE_URL")
        .env_remove("COMPTOIR_BIND")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Fails with exit 1 and one line on stderr naming the problem.
fn assert_one_line_failure(output: &Output, expected: &str) {
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "stderr: {stderr}");
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "one line expected: {stderr}");
    assert!(
        lines[0].starts_with("comptoir: ") && lines[0].contains(expected),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn users_and_tokens_from_the_command_line() {
    for database in db::testing::databases() {
        let url = database.url.as_str();
        let out = comptoir(&["migrate", "--db", url], None);
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert!(
            text(&out.stdout).contains("applied"),
            "[{}]",
            database.label()
        );

        let out = comptoir(
            &[
                "user",
                "add",
                "Marie",
                "--role",
                "owner",
                "--password-stdin",
                "--db",
                url,
            ],
            Some("radium-1898\n"),
        );
        assert!(
            out.status.success(),
            "[{}] {}",
            database.label(),
            text(&out.stderr)
        );
        assert!(text(&out.stdout).contains("user marie created (owner)"));

        let out = comptoir(
            &[
                "user",
                "add",
                "marie",
                "--role",
                "cashier",
                "--password-stdin",
                "--db",
                url,
            ],
            Some("another-1\n"),
        );
        assert_one_line_failure(&out, "already taken");
        let out = comptoir(
            &[
                "user",
                "add",
                "paul",
                "--role",
                "boss",
                "--password-stdin",
                "--db",
                url,
            ],
            Some("another-1\n"),
        );
        assert_eq!(out.status.code(), Some(2), "a usage error");
        let out = comptoir(
            &[
                "user",
                "add",
                "paul",
                "--role",
                "cashier",
                "--password-stdin",
                "--db",
                url,
            ],
            Some("short\n"),
        );
        assert_one_line_failure(&out, "at least 8 characters");
        let out = comptoir(
            &["user", "add", "paul", "--role", "cashier", "--db", url],
            None,
        );
        assert_one_line_failure(&out, "--password-stdin");

        let out = comptoir(&["token", "create", "marie", "--db", url], None);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let token = text(&out.stdout).trim().to_owned();
        assert!(token.starts_with("cpt_") && token.len() > 40, "{token}");
        let found = database
            .db()
            .read(|c| db::accounts::tokens::find(c, &token))
            .unwrap()
            .map(|t| t.user.username);
        assert_eq!(found.as_deref(), Some("marie"));
        let out = comptoir(&["token", "create", "nobody", "--db", url], None);
        assert_one_line_failure(&out, "no active user named \"nobody\"");
    }
}

#[test]
fn bad_databases_are_one_clear_line() {
    let out = comptoir(&["migrate", "--db", "mysql://x"], None);
    assert_one_line_failure(&out, "invalid database URL");
    let out = comptoir(
        &[
            "serve",
            "--db",
            "postgres://postgres@127.0.0.1:1/nothing",
            "--bind",
            "127.0.0.1:0",
        ],
        None,
    );
    assert_one_line_failure(&out, "cannot connect to the database");
    let out = comptoir(
        &[
            "serve",
            "--db",
            "sqlite:///no/such/folder/x.db",
            "--bind",
            "127.0.0.1:0",
        ],
        None,
    );
    assert_one_line_failure(&out, "cannot connect to the database");
    let out = comptoir(
        &[
            "serve",
            "--timezone",
            "Mars/Olympus",
            "--bind",
            "127.0.0.1:0",
        ],
        None,
    );
    assert_one_line_failure(&out, "unknown time zone");
}

#[test]
fn a_port_in_use_is_one_clear_line() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("x.db").display());
    let out = comptoir(&["serve", "--db", &url, "--bind", &addr], None);
    assert_one_line_failure(&out, &format!("cannot listen on {addr}"));
}

#[test]
fn first_start_prints_the_setup_address_and_sigterm_stops_gracefully() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("shop.db").display());
    let mut child = Command::new(BIN)
        .args(["serve", "--db", &url, "--bind", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let deadline = Instant::now() + Duration::from_secs(30);
    let mut setup = None;
    while setup.is_none() && Instant::now() < deadline {
        let Some(Ok(line)) = lines.next() else { break };
        if let Some(at) = line.find("http://")
            && line.contains("/setup?token=")
        {
            setup = Some(line[at..].trim().to_owned());
        }
    }
    let setup = setup.expect("the setup address is printed");
    let response = reqwest::blocking_get(&setup);
    assert_eq!(response, 200, "the printed address opens the setup page");
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let exit = child.wait().unwrap();
    assert!(exit.success(), "graceful stop: {exit:?}");
}

/// A tiny blocking GET (std only), returning the status code.
mod reqwest {
    use std::io::{Read, Write};

    pub fn blocking_get(url: &str) -> u16 {
        let rest = url.trim_start_matches("http://");
        let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        let mut stream = std::net::TcpStream::connect(host).unwrap();
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        )
        .unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        answer
            .split_whitespace()
            .nth(1)
            .and_then(|c| c.parse().ok())
            .unwrap_or(0)
    }
}
