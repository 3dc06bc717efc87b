//! CSV as French spreadsheets write it (LibreOffice, Excel): `;` or `,` separators,
//! decimal commas left to the caller, UTF-8 with or without BOM, and a clear error
//! for the Windows-1252 file saved by mistake. Also the writing side: a file that a
//! French spreadsheet opens directly.

use thiserror::Error;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Each variant names the line (1-based, physical) or the column it is about.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CsvError {
    #[error("line {line} is not valid UTF-8: save the file as \"CSV UTF-8\"")]
    Encoding { line: u64 },
    #[error("the file is empty: its first line must name the columns")]
    Empty,
    #[error("line {line} cannot be read: {message}")]
    Malformed { line: u64, message: String },
    #[error("line {line} has {found} fields where the header has {expected}")]
    Ragged {
        line: u64,
        expected: usize,
        found: usize,
    },
    #[error("missing column {name:?}")]
    MissingColumn { name: String },
    #[error("unknown column {name:?}")]
    UnknownColumn { name: String },
    #[error("column {name:?} appears more than once")]
    DuplicateColumn { name: String },
    #[error("column {column} has values but no name")]
    UnnamedColumn { column: usize },
}

/// A whole file: its header and the rows that are not blank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvTable {
    /// Header names, trimmed, as written (matched with [`CsvTable::column`]).
    pub headers: Vec<String>,
    pub rows: Vec<CsvRow>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvRow {
    /// 1-based physical line where the record starts (the header is line 1), so
    /// that a message points where the user looks, even after multi-line fields.
    pub line: u64,
    /// As read, untrimmed; [`CsvRow::get`] trims.
    pub fields: Vec<String>,
}

impl CsvRow {
    /// The field at `index`, trimmed; "" when the row has no such field.
    pub fn get(&self, index: usize) -> &str {
        self.fields.get(index).map_or("", |f| f.trim())
    }
}

impl CsvTable {
    /// The index of the column named `name`, ignoring case, accents, surrounding
    /// spaces, and the difference between spaces, `_` and `-` ("Code-barres" is
    /// "code_barres").
    pub fn column(&self, name: &str) -> Option<usize> {
        let key = fold(name);
        self.headers.iter().position(|h| fold(h) == key)
    }

    /// Checks the header against what an import understands: every `required`
    /// column present, and every column either required or `known`, because a
    /// misspelt column must not be silently ignored. Unnamed columns are tolerated
    /// while they are empty (spreadsheets export trailing empty columns).
    pub fn require_columns(&self, required: &[&str], known: &[&str]) -> Result<(), CsvError> {
        let folded: Vec<String> = self.headers.iter().map(|h| fold(h)).collect();
        for (i, header) in self.headers.iter().enumerate() {
            if folded[i].is_empty() {
                if self.rows.iter().any(|row| !row.get(i).is_empty()) {
                    return Err(CsvError::UnnamedColumn { column: i + 1 });
                }
                continue;
            }
            if folded[..i].contains(&folded[i]) {
                return Err(CsvError::DuplicateColumn {
                    name: header.clone(),
                });
            }
            if !required.iter().chain(known).any(|k| fold(k) == folded[i]) {
                return Err(CsvError::UnknownColumn {
                    name: header.clone(),
                });
            }
        }
        match required.iter().find(|r| self.column(r).is_none()) {
            Some(name) => Err(CsvError::MissingColumn {
                name: (*name).to_owned(),
            }),
            None => Ok(()),
        }
    }
}

/// Which column of a file holds which field: headers matched against the
/// names each field accepts (case, accents, spaces, `_` and `-` ignored).
#[derive(Debug, Clone)]
pub struct ColumnMap<F> {
    found: Vec<(F, usize)>,
}

impl<F: Copy + PartialEq> ColumnMap<F> {
    /// Maps the header: an unknown or repeated column refuses the file (a
    /// misspelt column must not be silently ignored), and so does a missing
    /// `required` one (named as the export writes it).
    pub fn of(
        table: &CsvTable,
        fields: &[(F, &[&str])],
        required: &[(F, &str)],
    ) -> Result<ColumnMap<F>, CsvError> {
        let mut found: Vec<(F, usize)> = Vec::new();
        for (index, header) in table.headers.iter().enumerate() {
            let folded = fold(header);
            if folded.is_empty() {
                continue;
            }
            let field = fields
                .iter()
                .find(|(_, names)| names.iter().any(|n| fold(n) == folded))
                .map(|(f, _)| *f)
                .ok_or_else(|| CsvError::UnknownColumn {
                    name: header.clone(),
                })?;
            if found.iter().any(|(f, _)| *f == field) {
                return Err(CsvError::DuplicateColumn {
                    name: header.clone(),
                });
            }
            found.push((field, index));
        }
        for (field, name) in required {
            if !found.iter().any(|(f, _)| f == field) {
                return Err(CsvError::MissingColumn {
                    name: (*name).to_owned(),
                });
            }
        }
        Ok(ColumnMap { found })
    }

    /// The row's value of `field`, trimmed; "" when the file has no such column.
    pub fn get<'a>(&self, row: &'a CsvRow, field: F) -> &'a str {
        self.found
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, i)| row.get(*i))
            .unwrap_or_default()
    }

    /// The value of `field`, or None when empty.
    pub fn optional<'a>(&self, row: &'a CsvRow, field: F) -> Option<&'a str> {
        Some(self.get(row, field)).filter(|v| !v.is_empty())
    }
}

/// Reads a whole CSV file: BOM stripped, separator detected from the header line,
/// blank lines (and rows of empty fields) skipped, every row as wide as the header.
pub fn read_csv(bytes: &[u8]) -> Result<CsvTable, CsvError> {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| CsvError::Encoding {
        line: line_at(bytes, e.valid_up_to()),
    })?;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(detect_delimiter(text))
        .has_headers(false)
        // Ragged rows are reported below, with their line.
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut headers: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut lines = LineCounter::new(text);
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                return Err(CsvError::Malformed {
                    line: e.position().map_or(0, |p| lines.line_at(p.byte())),
                    message: e.to_string(),
                });
            }
        }
        // A spreadsheet's empty row comes out as `;;;`: as blank as an empty line.
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
        match &headers {
            None => headers = Some(record.iter().map(|h| h.trim().to_owned()).collect()),
            Some(headers) => {
                if record.len() != headers.len() {
                    return Err(CsvError::Ragged {
                        line,
                        expected: headers.len(),
                        found: record.len(),
                    });
                }
                rows.push(CsvRow {
                    line,
                    fields: record.iter().map(str::to_owned).collect(),
                });
            }
        }
    }
    let headers = headers.ok_or(CsvError::Empty)?;
    Ok(CsvTable { headers, rows })
}

/// Physical line numbers of records, from their byte offsets. The csv crate's
/// `Position::line()` is taken before it skips blank lines and the `\n` of a CRLF,
/// so it can be a line early; its byte offset has the same lag, which is skipped here.
struct LineCounter<'a> {
    bytes: &'a [u8],
    offset: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> LineCounter<'a> {
        LineCounter {
            bytes: text.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    /// The 1-based line where the record reported at `byte` starts; `byte` never
    /// goes back between calls.
    fn line_at(&mut self, byte: u64) -> u64 {
        let mut target =
            usize::try_from(byte).map_or(self.bytes.len(), |b| b.min(self.bytes.len()));
        // No record starts with a line end: those are the skipped blank lines.
        while matches!(self.bytes.get(target), Some(b'\r' | b'\n')) {
            target += 1;
        }
        if target > self.offset {
            let newlines = self.bytes[self.offset..target]
                .iter()
                .filter(|b| **b == b'\n')
                .count();
            self.line += newlines as u64;
            self.offset = target;
        }
        self.line
    }
}

/// The 1-based line holding byte `offset`.
fn line_at(bytes: &[u8], offset: usize) -> u64 {
    let newlines = bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count();
    newlines as u64 + 1
}

/// The separator of the header line (the first line with content), counting
/// outside quotes: `;` when it has more `;` than `,`, tab when it has more tabs
/// than either, else `,`. A header without any separator (one column) is read
/// with `;`, which French data (decimal commas) contains least.
fn detect_delimiter(text: &str) -> u8 {
    let (mut semicolons, mut commas, mut tabs) = (0_usize, 0_usize, 0_usize);
    let mut in_quotes = false;
    let mut has_content = false;
    for c in text.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            _ if in_quotes => has_content = true,
            '\n' | '\r' if has_content => break,
            // A line of separators only is a blank row, skipped like the reader does.
            '\n' | '\r' => (semicolons, commas, tabs) = (0, 0, 0),
            ';' => semicolons += 1,
            ',' => commas += 1,
            '\t' => tabs += 1,
            c if c.is_whitespace() => {}
            _ => has_content = true,
        }
    }
    if tabs > semicolons && tabs > commas {
        b'\t'
    } else if semicolons > commas || (semicolons == 0 && commas == 0) {
        b';'
    } else {
        b','
    }
}

/// A header name as matched: trimmed, lower case, without accents, with runs of
/// spaces, `_` and `-` as one space and typographic apostrophes as `'`.
fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut pending_space = false;
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_whitespace() || matches!(c, '_' | '-') {
            pending_space = true;
            continue;
        }
        // Combining accents, as in decomposed (macOS) text.
        if ('\u{300}'..='\u{36f}').contains(&c) {
            continue;
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => out.push('a'),
            'æ' => out.push_str("ae"),
            'ç' => out.push('c'),
            'è' | 'é' | 'ê' | 'ë' => out.push('e'),
            'ì' | 'í' | 'î' | 'ï' => out.push('i'),
            'ñ' => out.push('n'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => out.push('o'),
            'œ' => out.push_str("oe"),
            'ù' | 'ú' | 'û' | 'ü' => out.push('u'),
            'ý' | 'ÿ' => out.push('y'),
            '\u{2018}' | '\u{2019}' | '\u{2bc}' => out.push('\''),
            c => out.push(c),
        }
    }
    out
}

/// A file a French spreadsheet opens directly: UTF-8 with BOM (without it Excel
/// reads Windows-1252), `;` separators, CRLF line ends, quotes only where needed.
/// Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` followed by
/// more than digits) is prefixed with `'`: customer data comes from the public
/// enrolment page and must not become live formulas in the owner's spreadsheet.
pub fn write_csv(headers: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> Vec<u8> {
    let mut out = BOM.to_vec();
    write_line(&mut out, headers.iter().copied(), true);
    for row in rows {
        write_line(&mut out, row.iter().map(String::as_str), false);
    }
    out
}

fn write_line<'a>(out: &mut Vec<u8>, fields: impl Iterator<Item = &'a str>, header: bool) {
    for (i, field) in fields.enumerate() {
        if i > 0 {
            out.push(b';');
        }
        write_field(out, field, header);
    }
    out.extend_from_slice(b"\r\n");
}

fn write_field(out: &mut Vec<u8>, field: &str, header: bool) {
    let neutralised;
    let field = if is_formula_like(field) {
        neutralised = format!("'{field}");
        neutralised.as_str()
    } else {
        field
    };
    // Commas and tabs in header names would mislead separator detection on reading.
    let needs_quotes =
        field.contains([';', '"', '\r', '\n']) || (header && field.contains([',', '\t']));
    if needs_quotes {
        out.push(b'"');
        out.extend_from_slice(field.replace('"', "\"\"").as_bytes());
        out.push(b'"');
    } else {
        out.extend_from_slice(field.as_bytes());
    }
}

/// Starts like a formula and is not just a signed number or phone number (digits,
/// spaces and decimal marks can't call anything).
fn is_formula_like(field: &str) -> bool {
    let mut chars = field.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !matches!(first, '=' | '+' | '-' | '@' | '\t' | '\r') {
        return false;
    }
    let rest = chars.as_str();
    let harmless = rest.is_empty()
        || (matches!(first, '+' | '-')
            && rest.chars().any(|c| c.is_ascii_digit())
            && rest.chars().all(|c| {
                c.is_ascii_digit() || matches!(c, ' ' | '\u{a0}' | '\u{202f}' | ',' | '.')
            }));
    !harmless
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(table: &CsvTable) -> Vec<(u64, Vec<&str>)> {
        table
            .rows
            .iter()
            .map(|r| (r.line, (0..r.fields.len()).map(|i| r.get(i)).collect()))
            .collect()
    }

    #[test]
    fn semicolon_file() {
        let table =
            read_csv(b"Nom;Prix;EAN\ncaf\xc3\xa9;1,50;3017620422003\nth\xc3\xa9;2;\n").unwrap();
        assert_eq!(table.headers, ["Nom", "Prix", "EAN"]);
        assert_eq!(
            fields(&table),
            [
                (2, vec!["café", "1,50", "3017620422003"]),
                (3, vec!["thé", "2", ""])
            ]
        );
    }

    #[test]
    fn comma_file() {
        let table = read_csv(b"name,price\r\ncoffee,\"1,50\"\r\ntea,2.00\r\n").unwrap();
        assert_eq!(table.headers, ["name", "price"]);
        assert_eq!(
            fields(&table),
            [(2, vec!["coffee", "1,50"]), (3, vec!["tea", "2.00"])]
        );
    }

    #[test]
    fn tab_file() {
        let table = read_csv(b"nom\tprix\ncaf\xc3\xa9\t1,50\n").unwrap();
        assert_eq!(table.headers, ["nom", "prix"]);
        assert_eq!(fields(&table), [(2, vec!["café", "1,50"])]);
    }

    #[test]
    fn delimiter_detection() {
        // More `;` than `,` outside quotes.
        let table = read_csv(b"\"prix, TTC\";\"nom, court\";ean\n1,50;a;b\n").unwrap();
        assert_eq!(table.headers, ["prix, TTC", "nom, court", "ean"]);
        // A tie goes to `,`.
        let table = read_csv(b"a;b,c\n1;2,3\n").unwrap();
        assert_eq!(table.headers, ["a;b", "c"]);
        // One column: `;`, so decimal commas don't split it.
        let table = read_csv(b"prix\n1,50\n").unwrap();
        assert_eq!(fields(&table), [(2, vec!["1,50"])]);
        // Blank lines and a spreadsheet's empty row before the header.
        let table = read_csv(b"\n;;\nnom;prix\na;1\n").unwrap();
        assert_eq!(table.headers, ["nom", "prix"]);
        assert_eq!(fields(&table), [(4, vec!["a", "1"])]);
    }

    #[test]
    fn bom_is_stripped() {
        let table = read_csv(b"\xEF\xBB\xBFnom;prix\nx;1\n").unwrap();
        assert_eq!(table.headers, ["nom", "prix"]);
        assert_eq!(table.column("nom"), Some(0));
    }

    #[test]
    fn headers_are_trimmed() {
        let table = read_csv(b"  Nom ; Prix TTC \nx;1\n").unwrap();
        assert_eq!(table.headers, ["Nom", "Prix TTC"]);
    }

    #[test]
    fn quoted_fields() {
        let text = "nom;description;prix\n\
                    \"Pain; complet\";\"Le \"\"vrai\"\" pain\nsur deux lignes\";3,20\n\
                    \"simple\";\"\";1\n\
                    suite;\"a\r\n\r\nb\";2\n";
        let table = read_csv(text.as_bytes()).unwrap();
        assert_eq!(
            fields(&table),
            [
                (
                    2,
                    vec!["Pain; complet", "Le \"vrai\" pain\nsur deux lignes", "3,20"]
                ),
                (4, vec!["simple", "", "1"]),
                (5, vec!["suite", "a\r\n\r\nb", "2"]),
            ]
        );
    }

    #[test]
    fn empty_lines_are_skipped() {
        let table = read_csv(b"nom;prix\n\na;1\n\r\n   \n;;\n ; \nb;2\n\n\n").unwrap();
        assert_eq!(fields(&table), [(3, vec!["a", "1"]), (8, vec!["b", "2"])]);
    }

    #[test]
    fn no_trailing_newline() {
        let table = read_csv(b"nom;prix\r\na;1").unwrap();
        assert_eq!(fields(&table), [(2, vec!["a", "1"])]);
    }

    #[test]
    fn header_only_and_empty() {
        let table = read_csv(b"nom;prix\n").unwrap();
        assert_eq!(table.headers, ["nom", "prix"]);
        assert!(table.rows.is_empty());
        assert_eq!(read_csv(b""), Err(CsvError::Empty));
        assert_eq!(read_csv(b"\xEF\xBB\xBF\n\n;;\n"), Err(CsvError::Empty));
    }

    #[test]
    fn ragged_rows() {
        assert_eq!(
            read_csv(b"nom;prix\na;1\nb;2;3\n"),
            Err(CsvError::Ragged {
                line: 3,
                expected: 2,
                found: 3
            })
        );
        // Counted in physical lines, after a multi-line field and a blank line.
        let err = read_csv(b"nom;prix\n\"a\nb\";1\n\nc\n").unwrap_err();
        assert_eq!(
            err,
            CsvError::Ragged {
                line: 5,
                expected: 2,
                found: 1
            }
        );
        assert_eq!(
            err.to_string(),
            "line 5 has 1 fields where the header has 2"
        );
    }

    #[test]
    fn windows_1252_is_refused() {
        let err = read_csv(b"nom;prix\ncaf\xe9;1,50\n").unwrap_err();
        assert_eq!(err, CsvError::Encoding { line: 2 });
        assert_eq!(
            err.to_string(),
            "line 2 is not valid UTF-8: save the file as \"CSV UTF-8\""
        );
        assert_eq!(
            read_csv(b"pr\xe9nom;nom\n"),
            Err(CsvError::Encoding { line: 1 })
        );
        // Even after a BOM and inside a quoted multi-line field.
        assert_eq!(
            read_csv(b"\xEF\xBB\xBFnom;note\na;\"x\ny\n\x80\"\n"),
            Err(CsvError::Encoding { line: 4 })
        );
    }

    #[test]
    fn column_matching() {
        let table =
            read_csv("  Référence ;Code-barres;PRIX_TTC;Prix d’achat;Catégorie\n".as_bytes())
                .unwrap();
        assert_eq!(table.column("reference"), Some(0));
        assert_eq!(table.column("RÉFÉRENCE"), Some(0));
        assert_eq!(table.column("code_barres"), Some(1));
        assert_eq!(table.column("code barres"), Some(1));
        assert_eq!(table.column("prix ttc"), Some(2));
        assert_eq!(table.column("prix d'achat"), Some(3));
        assert_eq!(table.column(" categorie "), Some(4));
        assert_eq!(table.column("codebarres"), None);
        assert_eq!(table.column("prix"), None);
        // Decomposed accents (e + combining acute).
        let table = read_csv("Re\u{301}fe\u{301}rence\n".as_bytes()).unwrap();
        assert_eq!(table.column("référence"), Some(0));
    }

    #[test]
    fn required_and_known_columns() {
        let table = read_csv("Nom;Prix;Catégorie\n".as_bytes()).unwrap();
        assert_eq!(
            table.require_columns(&["nom", "prix"], &["categorie", "ean"]),
            Ok(())
        );
        assert_eq!(
            table.require_columns(&["nom", "prix", "ean"], &["catégorie"]),
            Err(CsvError::MissingColumn {
                name: "ean".to_owned()
            })
        );
        assert_eq!(
            table.require_columns(&["nom", "prix"], &[]),
            Err(CsvError::UnknownColumn {
                name: "Catégorie".to_owned()
            })
        );
        // A misspelt column is named as written.
        let table = read_csv(b"nom;pirx\n").unwrap();
        let err = table.require_columns(&["nom", "prix"], &[]).unwrap_err();
        assert_eq!(err.to_string(), "unknown column \"pirx\"");
        assert_eq!(
            CsvError::MissingColumn {
                name: "prix".to_owned()
            }
            .to_string(),
            "missing column \"prix\""
        );
    }

    #[test]
    fn duplicate_and_unnamed_columns() {
        let table = read_csv(b"nom;Prix;prix\n").unwrap();
        assert_eq!(
            table.require_columns(&["nom", "prix"], &[]),
            Err(CsvError::DuplicateColumn {
                name: "prix".to_owned()
            })
        );
        // Trailing empty columns, as spreadsheets export them, are fine...
        let table = read_csv(b"nom;prix;;\na;1;;\n").unwrap();
        assert_eq!(table.require_columns(&["nom", "prix"], &[]), Ok(()));
        // ...but not when they hold values.
        let table = read_csv(b"nom;;prix\na;x;1\n").unwrap();
        assert_eq!(
            table.require_columns(&["nom", "prix"], &[]),
            Err(CsvError::UnnamedColumn { column: 2 })
        );
    }

    #[test]
    fn row_get() {
        let row = CsvRow {
            line: 2,
            fields: vec!["  a ".to_owned(), "\tb\u{a0}".to_owned()],
        };
        assert_eq!(row.get(0), "a");
        assert_eq!(row.get(1), "b");
        assert_eq!(row.get(2), "");
    }

    #[test]
    fn writes_for_french_spreadsheets() {
        let bytes = write_csv(
            &["nom", "prix"],
            [vec!["café".to_owned(), "1,50".to_owned()]],
        );
        assert_eq!(bytes, "\u{feff}nom;prix\r\ncafé;1,50\r\n".as_bytes());
    }

    #[test]
    fn neutralises_formulas() {
        let bytes = write_csv(
            &["texte"],
            [
                "=HYPERLINK(\"http://x\")",
                "+cmd",
                "-2+3",
                "@SUM(A1)",
                "-12,50",
                "+33 6 12 34 56 78",
                "-",
                "a=b",
            ]
            .map(|s| vec![s.to_owned()]),
        );
        let table = read_csv(&bytes).unwrap();
        let values: Vec<&str> = table.rows.iter().map(|r| r.get(0)).collect();
        assert_eq!(
            values,
            [
                "'=HYPERLINK(\"http://x\")",
                "'+cmd",
                "'-2+3",
                "'@SUM(A1)",
                "-12,50",
                "+33 6 12 34 56 78",
                "-",
                "a=b"
            ]
        );
    }

    #[test]
    fn round_trip() {
        let headers = ["Nom", "Description", "Prix, TTC", "Code"];
        let rows = vec![
            vec!["Café", "moulu; 250 g", "4,90", "3017620422003"],
            vec!["Thé \"vert\"", "ligne 1\nligne 2\r\nligne 3", "-2,5", ""],
            vec!["Œuf", "", "0,30", "INT-001"],
            vec!["", "", "", "x"],
        ];
        let bytes = write_csv(
            &headers,
            rows.iter()
                .map(|r| r.iter().map(|s| (*s).to_owned()).collect()),
        );
        let table = read_csv(&bytes).unwrap();
        assert_eq!(table.headers, headers);
        let read: Vec<Vec<&str>> = table
            .rows
            .iter()
            .map(|r| r.fields.iter().map(String::as_str).collect())
            .collect();
        assert_eq!(read, rows);
        let lines: Vec<u64> = table.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [2, 3, 6, 7]);
        table
            .require_columns(&["nom", "prix, ttc"], &["description", "code"])
            .unwrap();
    }

    #[test]
    fn written_file_snapshot() {
        let bytes = write_csv(
            &["Référence", "Nom", "Prix TTC", "Note"],
            [
                vec!["CAF-250", "Café moulu", "4,90", ""],
                vec!["PAIN", "Pain; complet", "3,20", "dit \"le vrai\""],
                vec!["OEUF", "Œufs bio", "0,30", "deux\nlignes"],
                vec!["X", "=1+1", "-1,00", "+33 6 12 34 56 78"],
            ]
            .map(|r| r.into_iter().map(str::to_owned).collect()),
        );
        let text = String::from_utf8(bytes).unwrap();
        let body = text.strip_prefix('\u{feff}').unwrap();
        insta::assert_snapshot!(body.replace("\r\n", "␍␊\n"));
    }
}
