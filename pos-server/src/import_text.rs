//! Import problems in French, for the command line and the import pages.

use crate::error::AppError;
use ::web::i18n::Lang;
use db::csv_in::CsvError;
use inventory::import::RowError;

/// A CSV problem in French, naming the line or the column.
pub fn csv_error_fr(e: &CsvError) -> String {
    match e {
        CsvError::Encoding { line } => format!(
            "ligne {line} : le fichier n'est pas en UTF-8 ; enregistrez-le au format « CSV UTF-8 » depuis le tableur"
        ),
        CsvError::Empty => "le fichier est vide".into(),
        CsvError::Malformed { line, message } => {
            format!("ligne {line} : CSV illisible ({message})")
        }
        CsvError::Ragged {
            line,
            expected,
            found,
        } => {
            format!("ligne {line} : {found} colonnes au lieu de {expected}")
        }
        CsvError::MissingColumn { name } => format!("colonne « {name} » manquante"),
        CsvError::UnknownColumn { name } => {
            format!("colonne « {name} » inconnue (faute de frappe ?)")
        }
        CsvError::DuplicateColumn { name } => format!("colonne « {name} » en double"),
        CsvError::UnnamedColumn { column } => format!("la colonne n° {column} n'a pas de nom"),
    }
}

fn fixed_error_fr(reason: &str) -> String {
    // Row errors carry the parser's sentence; say it in French.
    let known = [
        ("is not a number", "n'est pas un nombre"),
        ("has more than", "a trop de décimales"),
        ("is too large", "est trop grand"),
        ("empty value", "valeur vide"),
    ];
    match known.iter().find(|(en, _)| reason.contains(en)) {
        Some((_, fr)) => format!("{} {fr}", reason.split(' ').next().unwrap_or_default()),
        None => reason.to_owned(),
    }
}

pub fn row_error_fr(e: &RowError) -> String {
    match e {
        RowError::Field { column, reason } => {
            format!("colonne « {column} » : {}", fixed_error_fr(reason))
        }
        RowError::RepeatedBarcode(code) => {
            format!("le code-barres {code} figure déjà sur une ligne précédente")
        }
        RowError::Inventory(e) => AppError::from(e).message(Lang::Fr),
    }
}

/// A refused customer row, in French.
pub fn customer_row_error_fr(e: &customers::import::RowError) -> String {
    use customers::import::RowError;
    let what_fr = |what: &str| {
        if what == "email" {
            "e-mail"
        } else {
            "téléphone"
        }
    };
    match e {
        RowError::YesNo { column, value } => {
            format!("colonne {column} : «\u{a0}{value}\u{a0}» n’est ni oui ni non")
        }
        RowError::Date { column, value } => {
            format!("colonne {column} : «\u{a0}{value}\u{a0}» n’est pas une date (jj/mm/aaaa)")
        }
        RowError::DuplicateInFile { what, line } => {
            format!(
                "même {} qu’à la ligne {line} (doublon probable)",
                what_fr(what)
            )
        }
        RowError::DuplicateOnFile { what, id } => {
            format!(
                "même {} que le client n° {id}, déjà dans le fichier (doublon probable)",
                what_fr(what)
            )
        }
        RowError::Customer(e) => AppError::from(e).message(Lang::Fr),
    }
}
