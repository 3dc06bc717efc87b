//! Products in and out as French spreadsheets write them (see `db::csv_in`).
//!
//! Import: every valid row is imported, every rejected row is listed with its
//! line and reason, and the whole file is one transaction (each row in a
//! savepoint), so a crash never leaves half a file. A row whose barcode is
//! already known updates that product (a new price list); otherwise it creates
//! one, with its `stock` column as the opening stock on the sales floor.

use crate::barcode::Barcode;
use crate::catalogue::products::{self, Search};
use crate::catalogue::{NewProduct, Product, ProductChanges, Unit};
use crate::error::InventoryError;
use crate::stock::{locations, movements};
use chrono::NaiveDateTime;
use db::csv_in::{ColumnMap, CsvError, CsvRow, CsvTable};
use db::ids::UserId;
use db::{DbConn, Money, Quantity};
use diesel::Connection;

/// The columns an import understands: (field, accepted headers).
const COLUMNS: [(Field, &[&str]); 10] = [
    (Field::Name, &["nom", "name", "désignation", "libellé"]),
    (
        Field::Barcode,
        &["code-barres", "barcode", "ean", "codes-barres", "barcodes"],
    ),
    (
        Field::Price,
        &["prix", "price", "prix ttc", "prix de vente"],
    ),
    (Field::Vat, &["tva", "vat", "vat_rate", "taux de tva"]),
    (Field::Unit, &["unité", "unit"]),
    (Field::Category, &["catégorie", "category", "rayon"]),
    (Field::Cost, &["coût", "cost", "prix d'achat", "prix achat"]),
    (
        Field::ReorderLevel,
        &["seuil", "reorder_level", "seuil de réapprovisionnement"],
    ),
    (Field::Stock, &["stock", "quantité", "quantity"]),
    (Field::Active, &["actif", "active", "en vente"]),
];

/// The header names an export writes (French, as the import reads them back).
pub const EXPORT_HEADERS: [&str; 10] = [
    "nom",
    "code-barres",
    "prix",
    "tva",
    "unité",
    "catégorie",
    "coût",
    "seuil",
    "stock",
    "actif",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Name,
    Barcode,
    Price,
    Vat,
    Unit,
    Category,
    Cost,
    ReorderLevel,
    Stock,
    Active,
}

/// Why a file or a row was refused.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(transparent)]
    Csv(#[from] CsvError),
    #[error(transparent)]
    Inventory(#[from] InventoryError),
}

impl From<db::DbError> for ImportError {
    fn from(e: db::DbError) -> Self {
        ImportError::Inventory(e.into())
    }
}

/// A row left out, and why.
#[derive(Debug)]
pub struct Rejected {
    pub line: u64,
    pub error: RowError,
}

#[derive(Debug, thiserror::Error)]
pub enum RowError {
    #[error("column {column}: {reason}")]
    Field {
        column: &'static str,
        reason: String,
    },
    #[error("barcode {0} appears on an earlier line of the file")]
    RepeatedBarcode(String),
    #[error(transparent)]
    Inventory(InventoryError),
}

#[derive(Debug, Default)]
pub struct ImportReport {
    pub created: usize,
    pub updated: usize,
    pub rejected: Vec<Rejected>,
}

type Columns = ColumnMap<Field>;

fn columns_of(table: &CsvTable) -> Result<Columns, CsvError> {
    ColumnMap::of(
        table,
        &COLUMNS,
        &[
            (Field::Name, "nom"),
            (Field::Price, "prix"),
            (Field::Vat, "tva"),
        ],
    )
}

/// One row, read and checked (but not yet written).
struct RowValues {
    name: String,
    barcodes: Vec<String>,
    price: Money,
    vat: String,
    unit: Option<Unit>,
    category: Option<String>,
    cost: Option<Money>,
    reorder_level: Option<Quantity>,
    stock: Option<Quantity>,
    active: Option<bool>,
}

fn optional(raw: &str) -> Option<&str> {
    Some(raw.trim()).filter(|r| !r.is_empty())
}

fn read_row(columns: &Columns, row: &CsvRow) -> Result<RowValues, RowError> {
    let field = |column: &'static str, reason: String| RowError::Field { column, reason };
    let money = |column: &'static str, raw: &str| {
        Money::parse(raw).map_err(|e| field(column, e.to_string()))
    };
    let price = money("prix", columns.get(row, Field::Price))?;
    let cost = optional(columns.get(row, Field::Cost))
        .map(|c| money("coût", c))
        .transpose()?;
    let quantity = |column: &'static str, raw: &str| {
        Quantity::parse(raw).map_err(|e| field(column, e.to_string()))
    };
    let reorder_level = optional(columns.get(row, Field::ReorderLevel))
        .map(|q| quantity("seuil", q))
        .transpose()?;
    let stock = optional(columns.get(row, Field::Stock))
        .map(|q| quantity("stock", q))
        .transpose()?;
    let unit = optional(columns.get(row, Field::Unit))
        .map(str::parse::<Unit>)
        .transpose()
        .map_err(RowError::Inventory)?;
    let barcodes: Vec<String> = columns
        .get(row, Field::Barcode)
        .split([' ', '|', ','])
        .filter(|c| !c.is_empty())
        .map(str::to_owned)
        .collect();
    for code in &barcodes {
        Barcode::parse(code).map_err(|source| {
            RowError::Inventory(InventoryError::Barcode {
                code: code.clone(),
                source,
            })
        })?;
    }
    let active = match optional(columns.get(row, Field::Active))
        .map(db::text::fold)
        .as_deref()
    {
        None => None,
        Some("oui" | "o" | "yes" | "y" | "1" | "vrai" | "true") => Some(true),
        Some("non" | "n" | "no" | "0" | "faux" | "false") => Some(false),
        Some(other) => return Err(field("actif", format!("{other:?} is neither oui nor non"))),
    };
    Ok(RowValues {
        active,
        name: columns.get(row, Field::Name).to_owned(),
        barcodes,
        price,
        vat: columns.get(row, Field::Vat).to_owned(),
        unit,
        category: optional(columns.get(row, Field::Category)).map(str::to_owned),
        cost,
        reorder_level,
        stock,
    })
}

/// Imports a parsed file. `progress` is called after each row with the number done.
pub fn import_products(
    conn: &mut DbConn,
    table: &CsvTable,
    actor: Option<UserId>,
    at: NaiveDateTime,
    progress: &mut dyn FnMut(u64),
) -> Result<ImportReport, ImportError> {
    let columns = columns_of(table)?;
    let mut report = ImportReport::default();
    let mut seen: Vec<String> = Vec::new();
    for (done, row) in table.rows.iter().enumerate() {
        let outcome = read_row(&columns, row).and_then(|values| {
            if let Some(repeated) = values.barcodes.iter().find(|c| seen.contains(c)) {
                return Err(RowError::RepeatedBarcode(repeated.clone()));
            }
            seen.extend(values.barcodes.iter().cloned());
            // A savepoint per row: a refused row leaves nothing, the others stay.
            conn.transaction(|conn| write_row(conn, &values, actor, at))
                .map_err(RowError::Inventory)
        });
        match outcome {
            Ok(true) => report.created += 1,
            Ok(false) => report.updated += 1,
            Err(error) => report.rejected.push(Rejected {
                line: row.line,
                error,
            }),
        }
        progress(done as u64 + 1);
    }
    Ok(report)
}

/// Creates or (when a barcode is known) updates; true when created.
fn write_row(
    conn: &mut DbConn,
    values: &RowValues,
    actor: Option<UserId>,
    at: NaiveDateTime,
) -> Result<bool, InventoryError> {
    let existing = values
        .barcodes
        .iter()
        .map(|code| products::find_by_barcode(conn, code))
        .collect::<Result<Vec<_>, _>>()?
        .into_iter()
        .flatten()
        .next();
    if let Some(product) = existing {
        let changes = ProductChanges {
            name: Some(values.name.clone()),
            price: Some(values.price),
            vat_rate: Some(values.vat.clone()),
            unit: values.unit,
            category: values.category.clone().map(Some),
            cost: values.cost.map(Some),
            reorder_level: values.reorder_level.map(Some),
            active: values.active,
            ..ProductChanges::default()
        };
        products::update(conn, product.id, &changes, actor, at)?;
        return Ok(false);
    }
    let new = NewProduct {
        name: values.name.clone(),
        barcodes: values.barcodes.clone(),
        price: values.price,
        vat_rate: values.vat.clone(),
        unit: values.unit,
        category: values.category.clone(),
        cost: values.cost,
        reorder_level: values.reorder_level,
        preferred_supplier_id: None,
    };
    let product = products::create(conn, &new, actor, at)?;
    if let Some(stock) = values.stock.filter(|s| !s.is_zero()) {
        let floor = locations::sales_floor(conn)?;
        movements::record(
            conn,
            &movements::NewMovement {
                product_id: product.id,
                location_id: floor.id,
                quantity: stock,
                kind: movements::MovementKind::Adjustment,
                reason: Some("stock initial (import)"),
                reference: Some("import"),
                unit_cost: values.cost,
                user_id: actor,
            },
            at,
        )?;
    }
    if values.active == Some(false) {
        let archive = ProductChanges {
            active: Some(false),
            ..ProductChanges::default()
        };
        products::update(conn, product.id, &archive, actor, at)?;
    }
    Ok(true)
}

/// Every product (archived too) as rows of `EXPORT_HEADERS`.
pub fn export_rows(conn: &mut DbConn) -> Result<Vec<Vec<String>>, InventoryError> {
    let all = products::search(
        conn,
        &Search {
            include_archived: true,
            limit: i64::MAX,
            ..Search::default()
        },
    )?;
    Ok(all.iter().map(export_row).collect())
}

/// `1234,50`: as a French spreadsheet reads a number (no grouping space).
fn sheet_money(m: Money) -> String {
    db::fixed::to_french(m.cents(), 2).replace('\u{a0}', "")
}

fn sheet_quantity(q: Quantity) -> String {
    q.to_french().replace('\u{a0}', "")
}

fn export_row(p: &Product) -> Vec<String> {
    vec![
        p.name.clone(),
        p.barcodes.join(" "),
        sheet_money(p.price),
        p.vat_code.replace('.', ","),
        p.unit.as_str().to_owned(),
        p.category.clone().unwrap_or_default(),
        p.cost.map(sheet_money).unwrap_or_default(),
        p.reorder_level.map(sheet_quantity).unwrap_or_default(),
        sheet_quantity(p.stock),
        if p.active { "oui" } else { "non" }.to_owned(),
    ]
}

/// The header names of the stock export.
pub const STOCK_HEADERS: [&str; 7] = [
    "nom",
    "code-barres",
    "emplacement",
    "stock",
    "unité",
    "coût moyen",
    "valeur",
];

/// Stock per product and location, valued at the weighted average cost (or the
/// entered cost when nothing was received yet).
pub fn stock_rows(conn: &mut DbConn) -> Result<Vec<Vec<String>>, InventoryError> {
    let all = products::search(
        conn,
        &Search {
            include_archived: true,
            limit: i64::MAX,
            ..Search::default()
        },
    )?;
    let mut rows = Vec::new();
    for p in &all {
        let unit_cost = p.average_cost.or(p.cost);
        for (location, quantity) in movements::levels(conn, p.id)? {
            if quantity.is_zero() {
                continue;
            }
            let value = unit_cost.map(|c| crate::purchasing::line_total(quantity, c));
            rows.push(vec![
                p.name.clone(),
                p.barcodes.join(" "),
                location.name,
                sheet_quantity(quantity),
                p.unit.as_str().to_owned(),
                unit_cost.map(sheet_money).unwrap_or_default(),
                value.map(sheet_money).unwrap_or_default(),
            ]);
        }
    }
    Ok(rows)
}
