//! Running the `comptoir` binary as a shopkeeper does, for the CLI tests.

use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_comptoir");

/// Runs `comptoir ARGS` with no input, the database only from the arguments.
pub fn comptoir(args: &[&str]) -> Output {
    match Command::new(BIN)
        .args(args)
        .env_remove("COMPTOIR_DATABASE_URL")
        .stdin(Stdio::null())
        .output()
    {
        Ok(output) => output,
        Err(e) => panic!("cannot run {BIN}: {e}"),
    }
}

/// The output, with French no-break spaces made plain for matching.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).replace(['\u{a0}', '\u{202f}'], " ")
}
