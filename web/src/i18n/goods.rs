//! Words and numbers for the goods pages: units, movement kinds, order statuses,
//! VAT rates and margins, in the page's language.

use inventory::catalogue::Unit;
use inventory::purchasing::OrderStatus;
use inventory::stock::MovementKind;
use inventory::stocktake::StocktakeStatus;

use super::{Lang, Msg, t};

/// The unit's symbol after a quantity: `pce`/`pc`, `kg`, `l`, `m`.
pub fn unit_abbr(lang: Lang, unit: Unit) -> &'static str {
    t(
        lang,
        match unit {
            Unit::Piece => Msg::UnitPieceAbbr,
            Unit::Kg => Msg::UnitKgAbbr,
            Unit::L => Msg::UnitLAbbr,
            Unit::M => Msg::UnitMAbbr,
        },
    )
}

/// How the unit is sold, in words: `au kilo` / `by the kilo`.
pub fn unit_words(lang: Lang, unit: Unit) -> &'static str {
    t(
        lang,
        match unit {
            Unit::Piece => Msg::UnitPieceWords,
            Unit::Kg => Msg::UnitKgWords,
            Unit::L => Msg::UnitLWords,
            Unit::M => Msg::UnitMWords,
        },
    )
}

/// The kind of a stock movement in words (`Vente`, `Réception`…).
pub fn movement_kind_label(lang: Lang, kind: MovementKind) -> &'static str {
    t(
        lang,
        match kind {
            MovementKind::Sale => Msg::MovementSale,
            MovementKind::Return => Msg::MovementReturn,
            MovementKind::Receipt => Msg::MovementReceipt,
            MovementKind::Adjustment => Msg::MovementAdjustment,
            MovementKind::Stocktake => Msg::MovementStocktake,
            MovementKind::Transfer => Msg::MovementTransfer,
        },
    )
}

/// A purchase order's status in words (`Brouillon`, `Reçue en partie`…).
pub fn order_status_label(lang: Lang, status: OrderStatus) -> &'static str {
    t(
        lang,
        match status {
            OrderStatus::Draft => Msg::OrderStatusDraft,
            OrderStatus::Sent => Msg::OrderStatusSent,
            OrderStatus::Partial => Msg::OrderStatusPartial,
            OrderStatus::Received => Msg::OrderStatusReceived,
            OrderStatus::Cancelled => Msg::OrderStatusCancelled,
        },
    )
}

/// A stocktake's status in words (`Ouvert`, `Validé`, `Annulé`).
pub fn stocktake_status_label(lang: Lang, status: StocktakeStatus) -> &'static str {
    t(
        lang,
        match status {
            StocktakeStatus::Open => Msg::StocktakeStatusOpen,
            StocktakeStatus::Validated => Msg::StocktakeStatusValidated,
            StocktakeStatus::Cancelled => Msg::StocktakeStatusCancelled,
        },
    )
}

/// A percentage held as an integer scaled by 10^`places`: `5,5 %` in French
/// (decimal comma, no-break space), `5.5%` in English. With `trim`, useless
/// decimal zeros go (`20 %`, not `20,00 %`); without, every place is shown
/// so that a column of margins lines up.
pub fn percent(lang: Lang, value: i64, places: u32, trim: bool) -> String {
    let text = match lang {
        Lang::Fr => db::fixed::to_french(value, places),
        Lang::En => db::fixed::to_plain(value, places),
    };
    let text = if trim {
        let text = text.trim_end_matches('0');
        text.strip_suffix([',', '.']).unwrap_or(text)
    } else {
        &text
    };
    match lang {
        Lang::Fr => format!("{text}\u{a0}%"),
        Lang::En => format!("{text}%"),
    }
}

/// A VAT rate from its stored code (`"5.5"`): `5,5 %` / `5.5%`. A code that is
/// not a number is shown as it is, so that nothing is hidden.
pub fn vat_label(lang: Lang, code: &str) -> String {
    match db::fixed::parse(code, 2) {
        Ok(hundredths) => percent(lang, hundredths, 2, true),
        Err(_) => code.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vat_rates_are_written_each_language_s_way() {
        assert_eq!(vat_label(Lang::Fr, "5.5"), "5,5\u{a0}%");
        assert_eq!(vat_label(Lang::En, "5.5"), "5.5%");
        assert_eq!(vat_label(Lang::Fr, "20"), "20\u{a0}%");
        assert_eq!(vat_label(Lang::En, "2.1"), "2.1%");
        assert_eq!(vat_label(Lang::Fr, "0"), "0\u{a0}%");
        assert_eq!(vat_label(Lang::Fr, "abc"), "abc");
    }

    #[test]
    fn percent_keeps_places_unless_trimmed() {
        assert_eq!(percent(Lang::Fr, 552, 1, false), "55,2\u{a0}%");
        assert_eq!(percent(Lang::Fr, 400, 1, false), "40,0\u{a0}%");
        assert_eq!(percent(Lang::En, -35, 1, false), "-3.5%");
        assert_eq!(percent(Lang::En, 400, 1, true), "40%");
    }

    #[test]
    fn units_kinds_and_statuses_have_words() {
        assert_eq!(unit_abbr(Lang::Fr, Unit::Piece), "pce");
        assert_eq!(unit_abbr(Lang::En, Unit::Piece), "pc");
        assert_eq!(unit_abbr(Lang::Fr, Unit::Kg), "kg");
        assert_eq!(unit_words(Lang::Fr, Unit::L), "au litre");
        assert_eq!(unit_words(Lang::En, Unit::M), "by the metre");
        assert_eq!(
            movement_kind_label(Lang::Fr, MovementKind::Stocktake),
            "Inventaire"
        );
        assert_eq!(
            movement_kind_label(Lang::En, MovementKind::Receipt),
            "Receipt"
        );
        assert_eq!(
            order_status_label(Lang::Fr, OrderStatus::Partial),
            "Reçue en partie"
        );
        assert_eq!(
            order_status_label(Lang::En, OrderStatus::Cancelled),
            "Cancelled"
        );
        assert_eq!(
            stocktake_status_label(Lang::Fr, StocktakeStatus::Validated),
            "Validé"
        );
        assert_eq!(
            stocktake_status_label(Lang::En, StocktakeStatus::Open),
            "Open"
        );
    }
}
