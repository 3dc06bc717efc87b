//! `comptoir user add` and `comptoir token create`.

use super::CliError;
use db::accounts::users::{self, NewUser};
use db::accounts::{AccountError, HashedPassword, tokens};
use db::{Clock, Db, Role, SystemClock};
use std::io::{BufRead, IsTerminal};

#[derive(Debug, clap::Subcommand)]
pub enum UserCommand {
    /// Add a user; the password is read from stdin or asked on the terminal
    Add {
        /// Login name (lower-case letters, digits, '.', '-', '_')
        name: String,
        /// owner, manager or cashier
        #[arg(long)]
        role: Role,
        /// Name shown in the interface (defaults to the login name)
        #[arg(long)]
        display_name: Option<String>,
        /// Read the password from the first line of standard input
        #[arg(long)]
        password_stdin: bool,
    },
}

#[derive(Debug, clap::Subcommand)]
pub enum TokenCommand {
    /// Print a new API bearer token for a user (shown once, stored hashed)
    Create {
        /// The user's login name
        name: String,
        /// What the token is for
        #[arg(long, default_value = "api")]
        label: String,
    },
}

fn open(db_url: &str) -> Result<Db, CliError> {
    let db = Db::connect(db_url)?;
    db.migrate()?;
    Ok(db)
}

pub fn user(db_url: &str, command: UserCommand) -> Result<(), CliError> {
    let UserCommand::Add {
        name,
        role,
        display_name,
        password_stdin,
    } = command;
    // Checked before asking for a password, so a typo costs nothing.
    let username = users::normalize_username(&name)?;
    let password = read_password(password_stdin)?;
    let password = HashedPassword::new(&password)?;
    let db = open(db_url)?;
    let display_name = display_name.unwrap_or_else(|| username.clone());
    let now = SystemClock.now_naive();
    let user = db.write(|conn| {
        users::create(
            conn,
            &NewUser {
                username: &username,
                display_name: &display_name,
                role,
                password: &password,
                pin: None,
            },
            None,
            now,
        )
    })?;
    println!(
        "user {} created ({}), id {}",
        user.username, user.role, user.id
    );
    Ok(())
}

fn read_password(from_stdin: bool) -> Result<String, CliError> {
    if from_stdin {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        return Ok(line.trim_end_matches(['\r', '\n']).to_owned());
    }
    if !std::io::stdin().is_terminal() {
        return Err(CliError::Usage(
            "no terminal to ask for the password: use --password-stdin".into(),
        ));
    }
    let first = rpassword::prompt_password("Mot de passe / Password: ")?;
    let second = rpassword::prompt_password("Encore / Again: ")?;
    if first != second {
        return Err(CliError::Usage("the two passwords differ".into()));
    }
    Ok(first)
}

pub fn token(db_url: &str, command: TokenCommand) -> Result<(), CliError> {
    let TokenCommand::Create { name, label } = command;
    let db = open(db_url)?;
    let now = SystemClock.now_naive();
    let secret = db.write(|conn| {
        let user = users::find_by_username(conn, &name)?
            .filter(|u| u.active)
            .ok_or(AccountError::NotFound)?;
        tokens::create(conn, user.id, &label, now)
    });
    match secret {
        Ok(secret) => {
            println!("{secret}");
            Ok(())
        }
        Err(AccountError::NotFound) => {
            Err(CliError::Usage(format!("no active user named {name:?}")))
        }
        Err(e) => Err(e.into()),
    }
}
