//! A loyalty card printed on demand: credit-card sized (85.60 × 53.98 mm, the
//! ISO/IEC 7810 ID-1 format), the shop's name, the holder's, and the card's
//! EAN-13 with its digits, which the till's scanner reads.

use printpdf::{
    BuiltinFont, Color, Greyscale, Mm, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Pt, Rect, TextItem,
};

use super::DocumentError;

const WIDTH: f32 = 85.60;
const HEIGHT: f32 = 53.98;
/// One module (the narrowest bar) of the barcode, in millimetres: 95 modules
/// make 31.35 mm, near the EAN-13 nominal size at 80 %.
const MODULE: f32 = 0.33;
const BAR_HEIGHT: f32 = 16.0;

fn black() -> Color {
    Color::Greyscale(Greyscale::new(0.0, None))
}

fn text(ops: &mut Vec<Op>, x: f32, y: f32, size: f32, font: BuiltinFont, value: &str) {
    ops.extend([
        Op::SetFillColor { col: black() },
        Op::StartTextSection,
        Op::SetFont {
            font: PdfFontHandle::Builtin(font),
            size: Pt(size),
        },
        Op::SetTextCursor {
            pos: Point::new(Mm(x), Mm(y)),
        },
        Op::ShowText {
            items: vec![TextItem::Text(value.to_owned())],
        },
        Op::EndTextSection,
    ]);
}

/// The card of `holder` numbered `number` (13 digits), from `shop`.
pub fn loyalty_card_pdf(shop: &str, holder: &str, number: &str) -> Result<Vec<u8>, DocumentError> {
    let first12 = number.get(..12).unwrap_or_default();
    let modules = barcoders::sym::ean13::EAN13::new(first12)
        .map_err(|_| DocumentError::Barcode(number.to_owned()))?
        .encode();
    let mut ops = Vec::new();
    text(
        &mut ops,
        6.0,
        HEIGHT - 10.0,
        12.0,
        BuiltinFont::HelveticaBold,
        shop,
    );
    text(
        &mut ops,
        6.0,
        HEIGHT - 16.0,
        8.0,
        BuiltinFont::Helvetica,
        "Carte de fidélité",
    );
    text(
        &mut ops,
        6.0,
        HEIGHT - 24.0,
        10.0,
        BuiltinFont::HelveticaBold,
        holder,
    );
    let left = (WIDTH - MODULE * modules.len() as f32) / 2.0;
    let bottom = 9.0;
    ops.push(Op::SetFillColor { col: black() });
    for (i, module) in modules.iter().enumerate() {
        if *module == 1 {
            ops.push(Op::DrawRectangle {
                rectangle: Rect {
                    mode: Some(PaintMode::Fill),
                    ..Rect::from_xywh(
                        Mm(left + MODULE * i as f32).into(),
                        Mm(bottom).into(),
                        Mm(MODULE).into(),
                        Mm(BAR_HEIGHT).into(),
                    )
                },
            });
        }
    }
    text(
        &mut ops,
        left + 2.0,
        bottom - 4.5,
        9.0,
        BuiltinFont::Helvetica,
        number,
    );
    let mut document = PdfDocument::new("Carte de fidélité");
    document.with_pages(vec![PdfPage::new(Mm(WIDTH), Mm(HEIGHT), ops)]);
    Ok(document.save(&PdfSaveOptions::default(), &mut Vec::new()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_card_reads_back_with_its_holder_and_number() {
        let pdf =
            loyalty_card_pdf("Épicerie fine du Marché", "Hélène Dupont", "2900000000014").unwrap();
        let doc = lopdf::Document::load_mem(&pdf).unwrap();
        let pages = doc.get_pages();
        assert_eq!(pages.len(), 1);
        let text = doc.extract_text(&[1]).unwrap();
        assert!(text.contains("Hélène Dupont"), "{text}");
        assert!(text.contains("2900000000014"), "{text}");
        assert!(text.contains("Carte de fidélité"), "{text}");
        assert!(loyalty_card_pdf("Shop", "X", "29").is_err());
    }
}
