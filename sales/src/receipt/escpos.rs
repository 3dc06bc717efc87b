//! The receipt as ESC/POS bytes for a thermal printer, built with the `escpos`
//! crate on the rows of `layout` (the same lines as the plain text).
//!
//! Two commands are written by hand because escpos 0.20 lacks them or gets
//! them wrong: Code 128 (`GS k 73`, absent from its barcode systems) and the
//! drawer pulse (its `ESC p` stops after the pin byte, so the printer would
//! take the next two bytes of the receipt as the pulse times).

use super::Receipt;
use super::layout::{Emphasis, Row, rows};
use super::words::Lang;
use crate::printer::PrinterError;
use ::escpos::driver::Driver;
use ::escpos::errors::Result as EscposResult;
use ::escpos::printer::Printer;
use ::escpos::printer_options::PrinterOptions;
use ::escpos::utils::{JustifyMode, PageCode, Protocol};
use std::cell::RefCell;
use std::rc::Rc;
use unicode_normalization::UnicodeNormalization;

const ESC: u8 = 0x1b;
const GS: u8 = 0x1d;

/// `ESC @`: initialise the printer.
pub const INIT: [u8; 2] = [ESC, b'@'];
/// `ESC t 16`: character code table WPC1252 (Windows-1252: é, è, à, ç, €, « »).
pub const CODE_PAGE_WPC1252: [u8; 3] = [ESC, b't', 16];
/// `ESC p 0 25 250`: a pulse on drawer pin 2, 50 ms on, 500 ms off.
pub const DRAWER_KICK: [u8; 5] = [ESC, b'p', 0, 25, 250];
/// `GS V A 0`: feed to the cutter and cut.
pub const CUT: [u8; 4] = [GS, b'V', b'A', 0];

/// Bytes kept in memory: the `Driver` the escpos crate writes to, for
/// rendering, tests and previews (the crate ships none).
#[derive(Debug, Clone, Default)]
pub struct MemoryDriver(Rc<RefCell<Vec<u8>>>);

impl MemoryDriver {
    /// Everything written so far.
    pub fn bytes(&self) -> Vec<u8> {
        self.0.borrow().clone()
    }
}

impl Driver for MemoryDriver {
    fn name(&self) -> String {
        "memory".to_owned()
    }

    fn write(&self, data: &[u8]) -> EscposResult<()> {
        self.0.borrow_mut().extend_from_slice(data);
        Ok(())
    }

    fn read(&self, _buf: &mut [u8]) -> EscposResult<usize> {
        Ok(0)
    }

    fn flush(&self) -> EscposResult<()> {
        Ok(())
    }
}

/// The French receipt for a printer of `columns` characters per line, cut at
/// the end, with a drawer pulse first when `open_drawer` (a cash payment).
pub fn render(
    receipt: &Receipt,
    columns: usize,
    open_drawer: bool,
) -> Result<Vec<u8>, PrinterError> {
    render_in(receipt, columns, Lang::Fr, open_drawer)
}

/// As [`render`], in `lang`.
pub fn render_in(
    receipt: &Receipt,
    columns: usize,
    lang: Lang,
    open_drawer: bool,
) -> Result<Vec<u8>, PrinterError> {
    let driver = MemoryDriver::default();
    let per_line = u8::try_from(columns).unwrap_or(u8::MAX);
    let options = PrinterOptions::new(Some(PageCode::WPC1252), None, per_line);
    let mut printer = Printer::new(driver.clone(), Protocol::default(), Some(options));
    print(&mut printer, receipt, columns, lang, open_drawer)
        .map_err(|e| PrinterError::Layout(e.to_string()))?;
    Ok(driver.bytes())
}

fn print(
    printer: &mut Printer<MemoryDriver>,
    receipt: &Receipt,
    columns: usize,
    lang: Lang,
    open_drawer: bool,
) -> EscposResult<()> {
    // `init` sends ESC @ then the code page of the options (ESC t 16).
    printer.init()?;
    if open_drawer {
        printer.custom(&DRAWER_KICK)?;
    }
    for row in rows(receipt, lang) {
        if let Row::Barcode(code) = &row
            && let Some(command) = code128(code)
        {
            printer.justify(JustifyMode::CENTER)?;
            printer.custom(&command)?;
            printer.justify(JustifyMode::LEFT)?;
            continue;
        }
        let emphasis = row.emphasis();
        let width = match emphasis {
            Emphasis::Large => columns / 2,
            Emphasis::Normal | Emphasis::Bold => columns,
        };
        if emphasis != Emphasis::Normal {
            printer.bold(true)?;
        }
        if emphasis == Emphasis::Large {
            printer.size(2, 2)?;
        }
        for line in row.lines(width) {
            printer.writeln(&printable(&line))?;
        }
        if emphasis == Emphasis::Large {
            printer.reset_size()?;
        }
        if emphasis != Emphasis::Normal {
            printer.bold(false)?;
        }
    }
    printer.feeds(4)?.cut()?.print()?;
    Ok(())
}

/// `GS k 73`: a Code 128 barcode (code set B) with its text below, or `None`
/// when the data does not fit code set B or one barcode.
pub fn code128(data: &str) -> Option<Vec<u8>> {
    if data.is_empty() || !data.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return None;
    }
    // "{B" selects code set B; a literal '{' is sent as "{{".
    let mut payload = b"{B".to_vec();
    for b in data.bytes() {
        payload.push(b);
        if b == b'{' {
            payload.push(b'{');
        }
    }
    let length = u8::try_from(payload.len()).ok()?;
    // Modules: 11 per symbol (start, data, check) plus 13 for stop; keep the
    // barcode within 512 dots (72 mm at 180 dpi) with 2-dot modules if possible.
    let modules = (data.len() + 2) * 11 + 13;
    let module_width = if modules * 2 <= 512 { 2 } else { 1 };
    let mut command = vec![
        GS,
        b'h',
        80, // height: 80 dots
        GS,
        b'w',
        module_width, // module width
        GS,
        b'H',
        2, // text below
        GS,
        b'f',
        0, // text in font A
        GS,
        b'k',
        73,
        length,
    ];
    command.extend_from_slice(&payload);
    command.push(b'\n');
    Some(command)
}

/// The 27 characters Windows-1252 puts between 0x80 and 0x9F.
const CP1252_EXTRAS: &str = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";

fn in_cp1252(c: char) -> bool {
    c.is_ascii() || ('\u{a0}'..='\u{ff}').contains(&c) || CP1252_EXTRAS.contains(c)
}

/// What the printer can show of `text` in WPC1252: letters outside the table
/// lose their accent (ő → o), anything else becomes '?'.
pub fn printable(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            c if c.is_control() => ' ',
            c if in_cp1252(c) => c,
            '\u{2000}'..='\u{200a}' | '\u{202f}' => ' ',
            c => c
                .to_string()
                .nfd()
                .next()
                .filter(|base| in_cp1252(*base))
                .unwrap_or('?'),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_french_and_replaces_the_rest() {
        assert_eq!(printable("Crème brûlée « 5 € »"), "Crème brûlée « 5 € »");
        assert_eq!(printable("Łódź ő 日"), "?ódz o ?");
    }

    #[test]
    fn code128_escapes_braces_and_refuses_non_ascii() {
        let command = code128("A{1").unwrap_or_default();
        assert!(command.ends_with(b"{BA{{1\n"));
        assert_eq!(command[15], 6);
        assert_eq!(code128("é"), None);
        assert_eq!(code128(""), None);
    }
}
