//! The shop (établissement): its identity on receipts and the till's limits.
//! One shop is seeded; a database may hold several.

use crate::error::{Result, SalesError, clean_text, optional_text};
use chrono::NaiveDateTime;
use db::schema::shops;
use db::{DbConn, Money};
use diesel::prelude::*;

/// Whether the till prints the receipt after a sale.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PrintMode {
    /// Ask the customer (the default, as French law now wants for most sales).
    Ask,
    Always,
    Never,
}

impl PrintMode {
    pub fn as_str(self) -> &'static str {
        match self {
            PrintMode::Ask => "ask",
            PrintMode::Always => "always",
            PrintMode::Never => "never",
        }
    }

    pub fn parse(raw: &str) -> Option<PrintMode> {
        match raw {
            "ask" => Some(PrintMode::Ask),
            "always" => Some(PrintMode::Always),
            "never" => Some(PrintMode::Never),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = shops)]
pub struct ShopRow {
    pub id: i64,
    pub name: String,
    pub address_line1: Option<String>,
    pub address_line2: Option<String>,
    pub postcode: Option<String>,
    pub city: Option<String>,
    pub phone: Option<String>,
    pub siret: Option<String>,
    pub vat_number: Option<String>,
    pub receipt_footer: Option<String>,
    pub print_mode: String,
    pub max_discount_percent: i64,
    pub refund_limit: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shop {
    pub row: ShopRow,
    pub print_mode: PrintMode,
    /// Hundredths of a percent.
    pub max_discount_percent: i64,
    pub refund_limit: Money,
}

impl Shop {
    fn from_row(row: ShopRow) -> Shop {
        Shop {
            print_mode: PrintMode::parse(&row.print_mode).unwrap_or(PrintMode::Ask),
            max_discount_percent: row.max_discount_percent,
            refund_limit: Money::from_cents(row.refund_limit),
            row,
        }
    }

    pub fn id(&self) -> i64 {
        self.row.id
    }

    pub fn name(&self) -> &str {
        &self.row.name
    }

    /// The address as printed: street lines, then postcode and city.
    pub fn address_lines(&self) -> Vec<String> {
        let r = &self.row;
        let town = [r.postcode.as_deref(), r.city.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        [r.address_line1.clone(), r.address_line2.clone(), Some(town)]
            .into_iter()
            .flatten()
            .filter(|l| !l.trim().is_empty())
            .collect()
    }
}

pub fn get(conn: &mut DbConn, id: i64) -> Result<Shop> {
    db::native!(conn, |c| shops::table
        .find(id)
        .select(ShopRow::as_select())
        .first(c)
        .optional())?
    .map(Shop::from_row)
    .ok_or_else(|| SalesError::NotFound {
        what: "shop",
        id: id.to_string(),
    })
}

pub fn all(conn: &mut DbConn) -> Result<Vec<Shop>> {
    Ok(shops::table
        .order(shops::id.asc())
        .select(ShopRow::as_select())
        .load(conn)?
        .into_iter()
        .map(Shop::from_row)
        .collect())
}

/// The first shop: the one a single-shop database has.
pub fn main_shop(conn: &mut DbConn) -> Result<Shop> {
    shops::table
        .order(shops::id.asc())
        .select(ShopRow::as_select())
        .first(conn)
        .optional()?
        .map(Shop::from_row)
        .ok_or_else(|| SalesError::NotFound {
            what: "shop",
            id: "main".into(),
        })
}

/// What the owner edits on the shop's page.
#[derive(Debug, Clone, Default)]
pub struct ShopChanges<'a> {
    pub name: &'a str,
    pub address_line1: Option<&'a str>,
    pub address_line2: Option<&'a str>,
    pub postcode: Option<&'a str>,
    pub city: Option<&'a str>,
    pub phone: Option<&'a str>,
    pub siret: Option<&'a str>,
    pub vat_number: Option<&'a str>,
    pub receipt_footer: Option<&'a str>,
    pub print_mode: Option<PrintMode>,
    pub max_discount_percent: Option<i64>,
    pub refund_limit: Option<Money>,
}

pub fn update(
    conn: &mut DbConn,
    id: i64,
    changes: &ShopChanges<'_>,
    at: NaiveDateTime,
) -> Result<Shop> {
    let current = get(conn, id)?;
    let name = clean_text("name", changes.name, 120)?;
    let siret = optional_text(changes.siret).map(|s| s.replace(' ', ""));
    if let Some(siret) = &siret
        && (siret.len() != 14 || !siret.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(SalesError::Invalid {
            field: "siret",
            reason: "14 digits".into(),
        });
    }
    let postcode = optional_text(changes.postcode);
    if let Some(code) = &postcode
        && (code.len() != 5 || !code.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(SalesError::Invalid {
            field: "postcode",
            reason: "5 digits".into(),
        });
    }
    let max_discount = changes
        .max_discount_percent
        .unwrap_or(current.max_discount_percent);
    if !(0..=10_000).contains(&max_discount) {
        return Err(SalesError::Invalid {
            field: "max_discount_percent",
            reason: "0 to 100 %".into(),
        });
    }
    let refund_limit = changes.refund_limit.unwrap_or(current.refund_limit);
    if refund_limit.is_negative() {
        return Err(SalesError::Invalid {
            field: "refund_limit",
            reason: "not negative".into(),
        });
    }
    diesel::update(shops::table.find(id))
        .set((
            shops::name.eq(name),
            shops::address_line1.eq(optional_text(changes.address_line1)),
            shops::address_line2.eq(optional_text(changes.address_line2)),
            shops::postcode.eq(postcode),
            shops::city.eq(optional_text(changes.city)),
            shops::phone.eq(optional_text(changes.phone)),
            shops::siret.eq(siret),
            shops::vat_number.eq(optional_text(changes.vat_number).map(|v| v.replace(' ', ""))),
            shops::receipt_footer.eq(optional_text(changes.receipt_footer)),
            shops::print_mode.eq(changes.print_mode.unwrap_or(current.print_mode).as_str()),
            shops::max_discount_percent.eq(max_discount),
            shops::refund_limit.eq(refund_limit.cents()),
            shops::updated_at.eq(at),
        ))
        .execute(conn)?;
    get(conn, id)
}
