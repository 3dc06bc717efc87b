//! The purchase order as a PDF the owner sends to the supplier.
//!
//! The PDF uses the standard Helvetica faces, which every reader has and which are
//! WinAnsi-encoded: French accents, the euro sign and no-break spaces all print, and
//! the binary carries no font file. Amounts stay [`db::Money`] until formatted; floats
//! are only coordinates on the page.

use chrono::NaiveDate;
use inventory::purchasing::Order;
use inventory::suppliers::Supplier;
use printpdf::{
    BuiltinFont, Color, Greyscale, Line, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, Rect, TextItem,
};

use crate::pages::purchasing::order_number;

/// Why a document could not be produced.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    /// The metrics of a standard font, used to align and cut text, could not be read.
    #[error("the metrics of the PDF font {0} could not be read")]
    FontMetrics(&'static str),
    /// Not a number an EAN-13 can carry.
    #[error("{0:?} cannot be drawn as an EAN-13")]
    Barcode(String),
}

// A4 portrait, in millimetres.
const PAGE_WIDTH: f32 = 210.0;
const PAGE_HEIGHT: f32 = 297.0;
const MARGIN: f32 = 18.0;
const RIGHT: f32 = PAGE_WIDTH - MARGIN;
/// Lowest baseline for content; the footer sits below it.
const BOTTOM: f32 = 24.0;

// Table columns: the product's left edge, then the right edges of the numbers.
const COL_PRODUCT: f32 = MARGIN + 2.0;
const COL_QUANTITY: f32 = 118.0;
const COL_UNIT_COST: f32 = 153.0;
const COL_TOTAL: f32 = RIGHT - 2.0;
const ROW_HEIGHT: f32 = 7.0;
const BODY_SIZE: f32 = 10.0;

/// The purchase order `order` to `supplier`, from `shop_name`, dated `issued`: an A4
/// PDF in French, as many pages as its lines need, the table header repeated on each.
pub fn purchase_order_pdf(
    order: &Order,
    supplier: &Supplier,
    shop_name: &str,
    issued: NaiveDate,
) -> Result<Vec<u8>, DocumentError> {
    let number = order_number(order.id);
    let title = format!("Bon de commande {number}");
    let mut sheet = Sheet::new()?;

    // Heading: who orders, when, and from whom.
    let mut y = PAGE_HEIGHT - MARGIN - 6.0;
    sheet.text(MARGIN, y, 18.0, Face::Bold, &title);
    y -= 10.0;
    let top = y;
    sheet.text(MARGIN, y, 12.0, Face::Bold, shop_name);
    y -= 6.0;
    sheet.text(
        MARGIN,
        y,
        BODY_SIZE,
        Face::Regular,
        &format!("Date : {}", issued.format("%d/%m/%Y")),
    );

    let supplier_x = 118.0;
    let supplier_width = RIGHT - supplier_x;
    let mut sy = top;
    sheet.text(supplier_x, sy, 8.0, Face::Regular, "FOURNISSEUR");
    sy -= 5.5;
    for line in sheet.wrap(&supplier.name, Face::Bold, 11.0, supplier_width) {
        sheet.text(supplier_x, sy, 11.0, Face::Bold, &line);
        sy -= 5.0;
    }
    let mut details = Vec::new();
    if let Some(contact) = present(&supplier.contact_name) {
        details.push(format!("À l'attention de {contact}"));
    }
    if let Some(address) = present(&supplier.address) {
        details.extend(
            address
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(str::to_owned),
        );
    }
    if let Some(email) = present(&supplier.email) {
        details.push(email.to_owned());
    }
    if let Some(phone) = present(&supplier.phone) {
        details.push(format!("Tél. : {phone}"));
    }
    if let Some(siret) = present(&supplier.siret) {
        details.push(format!("SIRET : {siret}"));
    }
    for detail in &details {
        for line in sheet.wrap(detail, Face::Regular, BODY_SIZE, supplier_width) {
            sheet.text(supplier_x, sy, BODY_SIZE, Face::Regular, &line);
            sy -= 4.8;
        }
    }

    // The lines, in a table whose header starts every page it runs over.
    sheet.y = y.min(sy) - 10.0;
    sheet.table_header();
    for line in &order.lines {
        if sheet.y - ROW_HEIGHT < BOTTOM {
            sheet.new_page(&format!("{title} (suite)"));
            sheet.table_header();
        }
        let baseline = sheet.y - ROW_HEIGHT + 2.2;
        let name = sheet.fit(
            &line.product_name,
            Face::Regular,
            BODY_SIZE,
            COL_QUANTITY - 22.0 - COL_PRODUCT,
        );
        sheet.text(COL_PRODUCT, baseline, BODY_SIZE, Face::Regular, &name);
        let cells = [
            (COL_QUANTITY, line.quantity.to_french()),
            (COL_UNIT_COST, line.unit_cost.to_french()),
            (COL_TOTAL, line.total().to_french()),
        ];
        for (right, value) in cells {
            sheet.text_right(right, baseline, BODY_SIZE, Face::Regular, &value);
        }
        sheet.y -= ROW_HEIGHT;
        sheet.rule(MARGIN, RIGHT, sheet.y, 0.3, 0.75);
    }

    // The total, then the notes for the supplier.
    if sheet.y - 12.0 < BOTTOM {
        sheet.new_page(&format!("{title} (suite)"));
    }
    sheet.y -= 8.0;
    sheet.text_right(COL_UNIT_COST, sheet.y, 11.0, Face::Bold, "Total HT");
    sheet.text_right(
        COL_TOTAL,
        sheet.y,
        11.0,
        Face::Bold,
        &order.total().to_french(),
    );

    if let Some(notes) = present(&order.notes) {
        let mut lines = Vec::new();
        for paragraph in notes.lines() {
            lines.extend(sheet.wrap(paragraph, Face::Regular, BODY_SIZE, RIGHT - MARGIN));
        }
        if sheet.y - 20.0 < BOTTOM {
            sheet.new_page(&format!("{title} (suite)"));
        }
        sheet.y -= 12.0;
        sheet.text(MARGIN, sheet.y, BODY_SIZE, Face::Bold, "Notes");
        for line in lines {
            if sheet.y - 5.0 < BOTTOM {
                sheet.new_page(&format!("{title} (suite)"));
            }
            sheet.y -= 5.0;
            sheet.text(MARGIN, sheet.y, BODY_SIZE, Face::Regular, &line);
        }
    }

    Ok(sheet.finish(&title))
}

/// The trimmed text of an optional field, if there is any.
fn present(field: &Option<String>) -> Option<&str> {
    field.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

#[derive(Clone, Copy)]
enum Face {
    Regular,
    Bold,
}

impl Face {
    fn builtin(self) -> BuiltinFont {
        match self {
            Face::Regular => BuiltinFont::Helvetica,
            Face::Bold => BuiltinFont::HelveticaBold,
        }
    }
}

/// Glyph widths of a standard font, to right-align and cut text.
struct Metrics {
    font: ParsedFont,
    units_per_em: f32,
}

impl Metrics {
    fn load(builtin: BuiltinFont) -> Result<Metrics, DocumentError> {
        let font = builtin
            .get_parsed_font()
            .ok_or(DocumentError::FontMetrics(builtin.get_id()))?;
        let units_per_em = match font.units_per_em {
            0 => 1000.0,
            units => f32::from(units),
        };
        Ok(Metrics { font, units_per_em })
    }

    /// The width of `text` at `size` points, in millimetres.
    fn width_mm(&self, text: &str, size: f32) -> f32 {
        let units: f32 = text
            .chars()
            .map(|c| {
                self.font
                    .lookup_glyph_index(u32::from(c))
                    .and_then(|gid| self.font.get_glyph_width(gid))
                    .map_or(self.units_per_em / 2.0, f32::from)
            })
            .sum();
        Mm::from(Pt(units / self.units_per_em * size)).0
    }
}

/// The pages being drawn, the current one last, and where the next row goes.
struct Sheet {
    pages: Vec<Vec<Op>>,
    y: f32,
    regular: Metrics,
    bold: Metrics,
}

impl Sheet {
    fn new() -> Result<Sheet, DocumentError> {
        Ok(Sheet {
            pages: vec![Vec::new()],
            y: PAGE_HEIGHT - MARGIN,
            regular: Metrics::load(BuiltinFont::Helvetica)?,
            bold: Metrics::load(BuiltinFont::HelveticaBold)?,
        })
    }

    fn metrics(&self, face: Face) -> &Metrics {
        match face {
            Face::Regular => &self.regular,
            Face::Bold => &self.bold,
        }
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Starts a page whose top line is `heading`.
    fn new_page(&mut self, heading: &str) {
        self.pages.push(Vec::new());
        let y = PAGE_HEIGHT - MARGIN - 4.0;
        self.text(MARGIN, y, 11.0, Face::Bold, heading);
        self.y = y - 8.0;
    }

    fn text(&mut self, x: f32, y: f32, size: f32, face: Face, text: &str) {
        self.ops().extend([
            Op::SetFillColor { col: grey(0.0) },
            Op::StartTextSection,
            Op::SetFont {
                font: PdfFontHandle::Builtin(face.builtin()),
                size: Pt(size),
            },
            Op::SetTextCursor {
                pos: Point::new(Mm(x), Mm(y)),
            },
            Op::ShowText {
                items: vec![TextItem::Text(text.to_owned())],
            },
            Op::EndTextSection,
        ]);
    }

    fn text_right(&mut self, right: f32, y: f32, size: f32, face: Face, text: &str) {
        let width = self.metrics(face).width_mm(text, size);
        self.text(right - width, y, size, face, text);
    }

    /// A horizontal line at `y` from `x1` to `x2`.
    fn rule(&mut self, x1: f32, x2: f32, y: f32, thickness: f32, shade: f32) {
        let point = |x| LinePoint {
            p: Point::new(Mm(x), Mm(y)),
            bezier: false,
        };
        self.ops().extend([
            Op::SetOutlineColor { col: grey(shade) },
            Op::SetOutlineThickness { pt: Pt(thickness) },
            Op::DrawLine {
                line: Line {
                    points: vec![point(x1), point(x2)],
                    is_closed: false,
                },
            },
        ]);
    }

    fn table_header(&mut self) {
        let height = 8.0;
        let bottom = self.y - height;
        self.ops().extend([
            Op::SetFillColor { col: grey(0.9) },
            Op::DrawRectangle {
                rectangle: Rect {
                    mode: Some(PaintMode::Fill),
                    ..Rect::from_xywh(
                        Mm(MARGIN).into(),
                        Mm(bottom).into(),
                        Mm(RIGHT - MARGIN).into(),
                        Mm(height).into(),
                    )
                },
            },
        ]);
        let baseline = bottom + 2.7;
        self.text(COL_PRODUCT, baseline, 9.0, Face::Bold, "Produit");
        self.text_right(COL_QUANTITY, baseline, 9.0, Face::Bold, "Quantité");
        self.text_right(COL_UNIT_COST, baseline, 9.0, Face::Bold, "Prix unitaire HT");
        self.text_right(COL_TOTAL, baseline, 9.0, Face::Bold, "Total HT");
        self.y = bottom;
    }

    /// `text` cut with an ellipsis to fit in `width` millimetres.
    fn fit(&self, text: &str, face: Face, size: f32, width: f32) -> String {
        let metrics = self.metrics(face);
        if metrics.width_mm(text, size) <= width {
            return text.to_owned();
        }
        let mut cut: String = text.to_owned();
        while cut.pop().is_some() {
            let candidate = format!("{}…", cut.trim_end());
            if metrics.width_mm(&candidate, size) <= width {
                return candidate;
            }
        }
        "…".to_owned()
    }

    /// `text` broken between words into lines of at most `width` millimetres (a
    /// single word too long for a line is cut).
    fn wrap(&self, text: &str, face: Face, size: f32, width: f32) -> Vec<String> {
        let metrics = self.metrics(face);
        let mut lines = Vec::new();
        let mut current = String::new();
        for word in text.split_whitespace() {
            let candidate = if current.is_empty() {
                word.to_owned()
            } else {
                format!("{current} {word}")
            };
            if metrics.width_mm(&candidate, size) <= width || current.is_empty() {
                current = candidate;
            } else {
                lines.push(std::mem::replace(&mut current, word.to_owned()));
            }
        }
        if !current.is_empty() {
            lines.push(current);
        }
        lines
            .into_iter()
            .map(|line| self.fit(&line, face, size, width))
            .collect()
    }

    /// The PDF, with a footer numbering each page.
    fn finish(mut self, title: &str) -> Vec<u8> {
        let count = self.pages.len();
        let regular = self.regular;
        let pages: Vec<PdfPage> = std::mem::take(&mut self.pages)
            .into_iter()
            .enumerate()
            .map(|(index, mut ops)| {
                let footer = format!("{title} — page {} / {count}", index + 1);
                let width = regular.width_mm(&footer, 8.0);
                ops.extend([
                    Op::SetFillColor { col: grey(0.4) },
                    Op::StartTextSection,
                    Op::SetFont {
                        font: PdfFontHandle::Builtin(BuiltinFont::Helvetica),
                        size: Pt(8.0),
                    },
                    Op::SetTextCursor {
                        pos: Point::new(Mm((PAGE_WIDTH - width) / 2.0), Mm(12.0)),
                    },
                    Op::ShowText {
                        items: vec![TextItem::Text(footer)],
                    },
                    Op::EndTextSection,
                ]);
                PdfPage::new(Mm(PAGE_WIDTH), Mm(PAGE_HEIGHT), ops)
            })
            .collect();
        let mut document = PdfDocument::new(title);
        document.with_pages(pages);
        document.save(&PdfSaveOptions::default(), &mut Vec::new())
    }
}

fn grey(shade: f32) -> Color {
    Color::Greyscale(Greyscale::new(shade, None))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDateTime;
    use db::{Money, Quantity};
    use inventory::purchasing::{OrderLine, OrderStatus};

    fn at() -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 3, 2)
            .and_then(|d| d.and_hms_opt(10, 30, 0))
            .expect("valid date")
    }

    fn line(id: i64, name: &str, quantity: Quantity, cents: i64) -> OrderLine {
        OrderLine {
            id,
            product_id: id,
            product_name: name.into(),
            quantity,
            received: Quantity::ZERO,
            unit_cost: Money::from_cents(cents),
        }
    }

    fn order(lines: Vec<OrderLine>) -> Order {
        Order {
            id: 12,
            supplier_id: 4,
            supplier_name: "Pâtisserie Lefèvre & Fils".into(),
            status: OrderStatus::Draft,
            notes: Some("Livraison le matin avant 9 h, entrée par la cour.\nMerci !".into()),
            lines,
            created_at: at(),
            sent_at: None,
            updated_at: at(),
        }
    }

    fn supplier() -> Supplier {
        Supplier {
            id: 4,
            name: "Pâtisserie Lefèvre & Fils".into(),
            contact_name: Some("Hélène Garçon".into()),
            email: Some("commandes@lefevre.example".into()),
            phone: Some("04 90 00 00 00".into()),
            address: Some("12, rue de l'Église\n84000 Avignon".into()),
            siret: Some("12345678901234".into()),
            notes: None,
            active: true,
            created_at: at(),
            updated_at: at(),
        }
    }

    fn short_order() -> Order {
        order(vec![
            line(1, "Crème brûlée", Quantity::from_units(4), 1250),
            line(2, "Comté 18 mois", Quantity::from_thousandths(2500), 1633),
            line(3, "Pain d'épices à l'orange", Quantity::from_units(10), 389),
        ])
    }

    fn long_order() -> Order {
        order(
            (1..=60)
                .map(|i| {
                    line(
                        i,
                        &format!("Article n° {i} — façon grand-mère"),
                        Quantity::from_units(i),
                        1250,
                    )
                })
                .collect(),
        )
    }

    fn issued() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 5).expect("valid date")
    }

    /// The document's pages, and the text of all of them.
    fn read(pdf: &[u8]) -> (usize, String) {
        let document = lopdf::Document::load_mem(pdf).expect("a readable PDF");
        let pages: Vec<u32> = document.get_pages().keys().copied().collect();
        let text = document.extract_text(&pages).expect("extractable text");
        // lopdf reads WinAnsi's no-break space (0xA0) back as a plain space.
        (pages.len(), text.replace('\u{a0}', " "))
    }

    #[test]
    fn the_order_reads_in_french_with_its_accents_and_amounts() {
        let pdf = purchase_order_pdf(&short_order(), &supplier(), "Épicerie Amélie", issued())
            .expect("a PDF");
        assert!(pdf.starts_with(b"%PDF-"));
        let (pages, text) = read(&pdf);
        assert_eq!(pages, 1);
        for expected in [
            "Bon de commande CF-00012",
            "Épicerie Amélie",
            "Date : 05/03/2026",
            "Pâtisserie Lefèvre & Fils",
            "À l'attention de Hélène Garçon",
            "12, rue de l'Église",
            "84000 Avignon",
            "commandes@lefevre.example",
            "Tél. : 04 90 00 00 00",
            "SIRET : 12345678901234",
            "Produit",
            "Quantité",
            "Prix unitaire HT",
            "Crème brûlée",
            "Pain d'épices à l'orange",
            "2,5",
            "12,50 €",
            "50,00 €",
            "40,83 €",
            "38,90 €",
            "Total HT",
            // 50,00 + 40,83 (2,5 × 16,33 = 40,825, rounded half away) + 38,90.
            "129,73 €",
            "Livraison le matin avant 9 h",
            "Merci !",
        ] {
            assert!(
                text.contains(expected),
                "{expected:?} missing from {text:?}"
            );
        }
    }

    #[test]
    fn a_long_order_runs_over_pages_and_repeats_the_table_header() {
        let order = long_order();
        let pdf =
            purchase_order_pdf(&order, &supplier(), "Épicerie Amélie", issued()).expect("a PDF");
        let (pages, text) = read(&pdf);
        assert!(pages >= 2, "{pages} page(s)");
        assert_eq!(text.matches("Prix unitaire HT").count(), pages);
        assert!(text.contains("Bon de commande CF-00012 (suite)"));
        assert!(text.contains(&format!("page {pages} / {pages}")));
        for i in [1, 30, 60] {
            let name = format!("Article n° {i} — façon grand-mère");
            assert!(text.contains(&name), "{name:?} missing");
        }
        // 12,50 € × (1 + … + 60) = 12,50 € × 1 830.
        assert_eq!(order.total(), Money::from_cents(1250 * 1830));
        assert!(text.contains("22 875,00 €"));
    }

    #[test]
    fn a_supplier_without_details_still_prints() {
        let bare = Supplier {
            contact_name: None,
            email: None,
            phone: None,
            address: None,
            siret: Some("  ".into()),
            ..supplier()
        };
        let mut order = short_order();
        order.notes = None;
        order.lines.push(line(
            4,
            &"Assortiment de macarons parfumés ".repeat(4),
            Quantity::ONE,
            100,
        ));
        let pdf = purchase_order_pdf(&order, &bare, "Épicerie Amélie", issued()).expect("a PDF");
        let (_, text) = read(&pdf);
        assert!(text.contains("Pâtisserie Lefèvre & Fils"));
        assert!(!text.contains("SIRET"));
        assert!(!text.contains("Notes"));
        // A name too long for its column is cut, not run into the quantity.
        let long_name = "Assortiment de macarons parfumés ".repeat(4);
        assert!(text.contains("Assortiment de macarons parfumés"));
        assert!(!text.contains(long_name.trim_end()));
        assert!(text.contains("…"));
    }

    /// Writes the documents to `$COMPTOIR_PDF_DIR` to look at them; does nothing
    /// otherwise.
    #[test]
    fn render_for_inspection() {
        let Some(dir) = std::env::var_os("COMPTOIR_PDF_DIR") else {
            return;
        };
        let dir = std::path::PathBuf::from(dir);
        for (name, order) in [("short", short_order()), ("long", long_order())] {
            let pdf = purchase_order_pdf(&order, &supplier(), "Épicerie Amélie", issued())
                .expect("a PDF");
            std::fs::write(dir.join(format!("{name}.pdf")), pdf).expect("written");
        }
    }
}
