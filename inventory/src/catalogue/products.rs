//! Products: name, price VAT included, VAT rate, unit, barcodes, cost, reorder
//! level. A product that was ever sold or moved is archived, never deleted.

use super::{Unit, categories};
use crate::barcode::Barcode;
use crate::error::{InventoryError, Result, clean_name};
use crate::stock::locations;
use crate::vat;
use chrono::NaiveDateTime;
use db::audit::{self, AuditEntry};
use db::ids::UserId;
use db::schema::{barcodes, products, stock_levels};
use db::{DbConn, Money, Quantity};
use diesel::prelude::*;
use std::collections::HashMap;

const MAX_NAME: usize = 120;

/// A product as the rest of the program sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Product {
    pub id: i64,
    pub name: String,
    pub barcodes: Vec<String>,
    pub price: Money,
    /// `20`, `5.5`…
    pub vat_code: String,
    pub unit: Unit,
    pub category_id: Option<i64>,
    pub category: Option<String>,
    pub cost: Option<Money>,
    pub average_cost: Option<Money>,
    pub reorder_level: Option<Quantity>,
    pub preferred_supplier_id: Option<i64>,
    pub active: bool,
    /// All locations together.
    pub stock: Quantity,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl Product {
    /// Below its reorder level (or below zero, which the shelf allows).
    pub fn is_low(&self) -> bool {
        self.stock.thousandths() < 0 || self.reorder_level.is_some_and(|level| self.stock <= level)
    }
}

#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = products)]
struct ProductRow {
    id: i64,
    name: String,
    category_id: Option<i64>,
    price: i64,
    vat_code: String,
    unit: String,
    cost: Option<i64>,
    average_cost: Option<i64>,
    reorder_level: Option<i64>,
    preferred_supplier_id: Option<i64>,
    active: bool,
    created_at: NaiveDateTime,
    updated_at: NaiveDateTime,
}

/// A product to create, as typed (validated here).
#[derive(Debug, Clone, Default)]
pub struct NewProduct {
    pub name: String,
    pub barcodes: Vec<String>,
    pub price: Money,
    pub vat_rate: String,
    pub unit: Option<Unit>,
    /// A path such as `Épicerie > Confitures`; created when missing.
    pub category: Option<String>,
    pub cost: Option<Money>,
    pub reorder_level: Option<Quantity>,
    pub preferred_supplier_id: Option<i64>,
}

/// A change to a product: `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct ProductChanges {
    pub name: Option<String>,
    /// Replaces all the barcodes.
    pub barcodes: Option<Vec<String>>,
    pub price: Option<Money>,
    pub vat_rate: Option<String>,
    pub unit: Option<Unit>,
    /// `Some(None)` removes the category.
    pub category: Option<Option<String>>,
    pub cost: Option<Option<Money>>,
    pub reorder_level: Option<Option<Quantity>>,
    pub preferred_supplier_id: Option<Option<i64>>,
    pub active: Option<bool>,
}

fn check_money(field: &'static str, value: Money) -> Result<Money> {
    if value.is_negative() {
        return Err(InventoryError::NegativeAmount { field });
    }
    Ok(value)
}

fn check_level(level: Quantity) -> Result<Quantity> {
    if level.thousandths() < 0 {
        return Err(InventoryError::InvalidQuantity {
            reason: "a reorder level cannot be negative".into(),
        });
    }
    Ok(level)
}

/// Parses and de-duplicates barcodes, and refuses one that another product holds.
fn check_barcodes(conn: &mut DbConn, raw: &[String], except: Option<i64>) -> Result<Vec<Barcode>> {
    let mut parsed: Vec<Barcode> = Vec::new();
    for code in raw.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
        let barcode = Barcode::parse(code).map_err(|source| InventoryError::Barcode {
            code: code.to_owned(),
            source,
        })?;
        if parsed.iter().any(|b| b.as_str() == barcode.as_str()) {
            continue;
        }
        if let Some(owner) = barcode_owner(conn, &barcode)?.filter(|(id, _)| Some(*id) != except) {
            return Err(InventoryError::DuplicateBarcode {
                code: barcode.as_str().to_owned(),
                product: owner.1,
            });
        }
        parsed.push(barcode);
    }
    Ok(parsed)
}

/// Who holds a barcode (or its UPC-A / EAN-13 twin), as (id, name).
fn barcode_owner(conn: &mut DbConn, barcode: &Barcode) -> Result<Option<(i64, String)>> {
    // One or two keys (a UPC-A and its EAN-13 twin): always two binds, so the
    // statement is prepared once (see `db::native!`).
    let mut keys = barcode.lookup_keys().into_iter();
    let first = keys.next().unwrap_or_default();
    let second = keys.next().unwrap_or_else(|| first.clone());
    Ok(db::native!(conn, |c| barcodes::table
        .inner_join(products::table)
        .filter(barcodes::code.eq(&first).or(barcodes::code.eq(&second)))
        .select((products::id, products::name))
        .first(c)
        .optional())?)
}

fn symbology_name(barcode: &Barcode) -> &'static str {
    use crate::barcode::Symbology;
    match barcode.symbology() {
        Symbology::Ean13 => "ean13",
        Symbology::Ean8 => "ean8",
        Symbology::UpcA => "upca",
        Symbology::Internal => "internal",
    }
}

fn insert_barcodes(conn: &mut DbConn, product_id: i64, codes: &[Barcode]) -> Result<()> {
    for barcode in codes {
        diesel::insert_into(barcodes::table)
            .values((
                barcodes::product_id.eq(product_id),
                barcodes::code.eq(barcode.as_str()),
                barcodes::symbology.eq(symbology_name(barcode)),
            ))
            .execute(conn)?;
    }
    Ok(())
}

pub fn create(
    conn: &mut DbConn,
    new: &NewProduct,
    actor: Option<UserId>,
    at: NaiveDateTime,
) -> Result<Product> {
    let name = clean_name(&new.name, MAX_NAME)?;
    let price = check_money("price", new.price)?;
    let cost = new.cost.map(|c| check_money("cost", c)).transpose()?;
    let reorder_level = new.reorder_level.map(check_level).transpose()?;
    let vat = vat::resolve(conn, &new.vat_rate, at.date())?;
    let codes = check_barcodes(conn, &new.barcodes, None)?;
    let category_id = match new
        .category
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty())
    {
        Some(path) => Some(categories::find_or_create(conn, path, at)?),
        None => None,
    };
    if let Some(supplier) = new.preferred_supplier_id {
        crate::suppliers::get(conn, supplier)?;
    }
    diesel::insert_into(products::table)
        .values((
            products::name.eq(&name),
            products::search_text.eq(db::text::fold(&name)),
            products::category_id.eq(category_id),
            products::price.eq(price.cents()),
            products::vat_code.eq(&vat.code),
            products::unit.eq(new.unit.unwrap_or(Unit::Piece).as_str()),
            products::cost.eq(cost.map(Money::cents)),
            products::reorder_level.eq(reorder_level.map(Quantity::thousandths)),
            products::preferred_supplier_id.eq(new.preferred_supplier_id),
            products::active.eq(true),
            products::created_at.eq(at),
            products::updated_at.eq(at),
        ))
        .execute(conn)?;
    let id: i64 = products::table
        .filter(products::name.eq(&name))
        .order(products::id.desc())
        .select(products::id)
        .first(conn)?;
    insert_barcodes(conn, id, &codes)?;
    // A level row per location, so that movements only ever update (no upsert race).
    for location in locations::all(conn)? {
        diesel::insert_into(stock_levels::table)
            .values((
                stock_levels::product_id.eq(id),
                stock_levels::location_id.eq(location.id),
                stock_levels::quantity.eq(0_i64),
            ))
            .execute(conn)?;
    }
    audit_product(conn, actor, at, "product.create", id, None)?;
    get(conn, id)
}

pub fn get(conn: &mut DbConn, id: i64) -> Result<Product> {
    let row = products::table
        .find(id)
        .select(ProductRow::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| InventoryError::NotFound {
            what: "product",
            id: id.to_string(),
        })?;
    Ok(assemble(conn, vec![row])?.remove(0))
}

/// Several products by id, in one go (unknown ids are left out), by id.
pub fn get_many(conn: &mut DbConn, ids: &[i64]) -> Result<Vec<Product>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows = products::table
        .filter(products::id.eq_any(ids))
        .order(products::id.asc())
        .select(ProductRow::as_select())
        .load(conn)?;
    assemble(conn, rows)
}

/// Rows → products, with barcodes, category paths and stock in a few queries.
fn assemble(conn: &mut DbConn, rows: Vec<ProductRow>) -> Result<Vec<Product>> {
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut codes: HashMap<i64, Vec<String>> = HashMap::new();
    for (product_id, code) in barcodes::table
        .filter(barcodes::product_id.eq_any(&ids))
        .order(barcodes::id.asc())
        .select((barcodes::product_id, barcodes::code))
        .load::<(i64, String)>(conn)?
    {
        codes.entry(product_id).or_default().push(code);
    }
    // Summed here: `sum()` of a BIGINT is not portable through the connection enum.
    let mut stock: HashMap<i64, i64> = HashMap::new();
    for (product_id, quantity) in stock_levels::table
        .filter(stock_levels::product_id.eq_any(&ids))
        .select((stock_levels::product_id, stock_levels::quantity))
        .load::<(i64, i64)>(conn)?
    {
        *stock.entry(product_id).or_default() += quantity;
    }
    let paths: HashMap<i64, String> = if rows.iter().any(|r| r.category_id.is_some()) {
        categories::all(conn)?
            .into_iter()
            .map(|c| (c.id, c.path))
            .collect()
    } else {
        HashMap::new()
    };
    Ok(rows
        .into_iter()
        .map(|r| Product {
            barcodes: codes.remove(&r.id).unwrap_or_default(),
            stock: Quantity::from_thousandths(stock.get(&r.id).copied().unwrap_or(0)),
            category: r.category_id.and_then(|c| paths.get(&c).cloned()),
            id: r.id,
            name: r.name,
            price: Money::from_cents(r.price),
            vat_code: r.vat_code,
            unit: r.unit.parse().unwrap_or(Unit::Piece),
            category_id: r.category_id,
            cost: r.cost.map(Money::from_cents),
            average_cost: r.average_cost.map(Money::from_cents),
            reorder_level: r.reorder_level.map(Quantity::from_thousandths),
            preferred_supplier_id: r.preferred_supplier_id,
            active: r.active,
            created_at: r.created_at,
            updated_at: r.updated_at,
        })
        .collect())
}

/// The product behind a scanned or typed barcode (UPC-A and EAN-13 twins match).
pub fn find_by_barcode(conn: &mut DbConn, raw: &str) -> Result<Option<Product>> {
    let Ok(barcode) = Barcode::parse(raw) else {
        return Ok(None);
    };
    match barcode_owner(conn, &barcode)? {
        Some((id, _)) => get(conn, id).map(Some),
        None => Ok(None),
    }
}

/// Every form under which a scanner may type the barcodes of `ids` (a UPC-A
/// also as its EAN-13 twin, and the reverse), per product: what a page needs
/// to recognise scans without asking the server.
pub fn scan_codes(conn: &mut DbConn, ids: &[i64]) -> Result<HashMap<i64, Vec<String>>> {
    let mut codes: HashMap<i64, Vec<String>> = HashMap::new();
    for (product_id, code) in barcodes::table
        .filter(barcodes::product_id.eq_any(ids))
        .order(barcodes::id.asc())
        .select((barcodes::product_id, barcodes::code))
        .load::<(i64, String)>(conn)?
    {
        let keys = Barcode::parse(&code).map_or_else(|_| vec![code], |b| b.lookup_keys());
        let known = codes.entry(product_id).or_default();
        for key in keys {
            if !known.contains(&key) {
                known.push(key);
            }
        }
    }
    Ok(codes)
}

/// What a scan at the till designates: a product, and for the in-store
/// barcodes that scales print, the weight or the price they carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scan {
    pub product: Product,
    /// Weighed goods: the weight on the label.
    pub quantity: Option<Quantity>,
    /// Priced-at-the-counter goods: the price on the label.
    pub price: Option<Money>,
}

/// What a scanned code designates, the product not loaded yet: its id, and
/// the weight or price a scale label carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScanRef {
    pub product_id: i64,
    pub quantity: Option<Quantity>,
    pub price: Option<Money>,
}

/// Resolves a scanned code: a product's own barcode, or a scale label whose
/// prefix the shop's settings configure (see [`ScaleRules::load`]).
///
/// [`ScaleRules::load`]: crate::barcode::ScaleRules::load
pub fn resolve_scan(conn: &mut DbConn, raw: &str) -> Result<Option<Scan>> {
    let Some(found) = locate_scan(conn, raw, &mut None)? else {
        return Ok(None);
    };
    Ok(Some(Scan {
        product: get(conn, found.product_id)?,
        quantity: found.quantity,
        price: found.price,
    }))
}

/// [`resolve_scan`] without loading the product (a caller resolving many
/// codes loads them together with [`get_many`]): a product's own barcode, or
/// a scale label whose prefix the rules configure (the product then carries
/// the 7-digit key `PPIIIII` among its barcodes, see `ScaleRules::lookup_code`).
/// The rules are read only for a code that is no product's own, and kept in
/// `rules` for the next scan.
pub fn locate_scan(
    conn: &mut DbConn,
    raw: &str,
    rules: &mut Option<crate::barcode::ScaleRules>,
) -> Result<Option<ScanRef>> {
    let Ok(barcode) = Barcode::parse(raw) else {
        return Ok(None);
    };
    if let Some((product_id, _)) = barcode_owner(conn, &barcode)? {
        return Ok(Some(ScanRef {
            product_id,
            quantity: None,
            price: None,
        }));
    }
    let rules = match rules {
        Some(rules) => rules,
        None => rules.insert(crate::barcode::ScaleRules::load(conn)?),
    };
    let Some(reading) = rules.decode(&barcode) else {
        return Ok(None);
    };
    let Ok(key) = Barcode::parse(&reading.lookup_code()) else {
        return Ok(None);
    };
    let Some((product_id, _)) = barcode_owner(conn, &key)? else {
        return Ok(None);
    };
    let (quantity, price) = match reading.kind {
        crate::barcode::ScaleKind::Weight => {
            (Some(Quantity::from_thousandths(reading.value)), None)
        }
        crate::barcode::ScaleKind::Price => (None, Some(Money::from_cents(reading.value))),
    };
    Ok(Some(ScanRef {
        product_id,
        quantity,
        price,
    }))
}

/// What the products list and the API search ask for.
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// Words of the name (any order, accents and case ignored), a barcode, or a category.
    pub text: Option<String>,
    pub category_id: Option<i64>,
    pub include_archived: bool,
    pub low_stock_only: bool,
    pub limit: i64,
}

/// Instant search: by barcode when the text is one, else every word must be in
/// the name or the category path.
pub fn search(conn: &mut DbConn, search: &Search) -> Result<Vec<Product>> {
    let text = search
        .text
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    if let Some(text) = text
        && text.chars().all(|c| c.is_ascii_digit())
        && text.len() >= 8
        && let Some(product) = find_by_barcode(conn, text)?
    {
        return Ok(vec![product]);
    }
    let mut query = products::table.select(ProductRow::as_select()).into_boxed();
    if !search.include_archived {
        query = query.filter(products::active.eq(true));
    }
    if let Some(category) = search.category_id {
        query = query
            .filter(products::category_id.eq_any(categories::with_descendants(conn, category)?));
    }
    if let Some(text) = text {
        let folded = db::text::fold(text);
        let matching_categories: Vec<i64> = categories::all(conn)?
            .into_iter()
            .filter(|c| {
                let path = db::text::fold(&c.path);
                folded.split(' ').all(|w| path.contains(w))
            })
            .map(|c| c.id)
            .collect();
        let mut name_filter: Box<
            dyn BoxableExpression<products::table, _, SqlType = diesel::sql_types::Bool>,
        > = Box::new(products::id.ge(0_i64));
        for word in folded.split(' ') {
            let pattern = format!("%{}%", escape_like(word));
            name_filter =
                Box::new(name_filter.and(products::search_text.like(pattern).escape('\\')));
        }
        query = query.filter(name_filter.or(products::category_id.eq_any(matching_categories)));
    }
    let limit = if search.limit > 0 { search.limit } else { 50 };
    let rows = query
        .order(products::search_text.asc())
        .limit(limit)
        .load(conn)?;
    let mut found = assemble(conn, rows)?;
    if search.low_stock_only {
        found.retain(Product::is_low);
    }
    Ok(found)
}

fn escape_like(word: &str) -> String {
    word.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

pub fn update(
    conn: &mut DbConn,
    id: i64,
    changes: &ProductChanges,
    actor: Option<UserId>,
    at: NaiveDateTime,
) -> Result<Product> {
    let before = get(conn, id)?;
    let name = changes
        .name
        .as_deref()
        .map(|n| clean_name(n, MAX_NAME))
        .transpose()?;
    let price = changes.price.map(|p| check_money("price", p)).transpose()?;
    let cost = changes
        .cost
        .map(|c| c.map(|c| check_money("cost", c)).transpose())
        .transpose()?;
    let reorder_level = changes
        .reorder_level
        .map(|l| l.map(check_level).transpose())
        .transpose()?;
    let vat = changes
        .vat_rate
        .as_deref()
        .map(|v| vat::resolve(conn, v, at.date()))
        .transpose()?;
    let codes = changes
        .barcodes
        .as_deref()
        .map(|b| check_barcodes(conn, b, Some(id)))
        .transpose()?;
    let category_id = match &changes.category {
        None => before.category_id,
        Some(None) => None,
        Some(Some(path)) if path.trim().is_empty() => None,
        Some(Some(path)) => Some(categories::find_or_create(conn, path, at)?),
    };
    if let Some(Some(supplier)) = changes.preferred_supplier_id {
        crate::suppliers::get(conn, supplier)?;
    }
    let name = name.unwrap_or(before.name.clone());
    diesel::update(products::table.find(id))
        .set((
            products::name.eq(&name),
            products::search_text.eq(db::text::fold(&name)),
            products::category_id.eq(category_id),
            products::price.eq(price.unwrap_or(before.price).cents()),
            products::vat_code.eq(vat.map(|v| v.code).unwrap_or(before.vat_code.clone())),
            products::unit.eq(changes.unit.unwrap_or(before.unit).as_str()),
            products::cost.eq(cost.unwrap_or(before.cost).map(Money::cents)),
            products::reorder_level.eq(reorder_level
                .unwrap_or(before.reorder_level)
                .map(Quantity::thousandths)),
            products::preferred_supplier_id.eq(changes
                .preferred_supplier_id
                .unwrap_or(before.preferred_supplier_id)),
            products::active.eq(changes.active.unwrap_or(before.active)),
            products::updated_at.eq(at),
        ))
        .execute(conn)?;
    if let Some(codes) = codes {
        diesel::delete(barcodes::table.filter(barcodes::product_id.eq(id))).execute(conn)?;
        insert_barcodes(conn, id, &codes)?;
    }
    let after = get(conn, id)?;
    let mut changed = Vec::new();
    if after.price != before.price {
        changed.push(format!("price={}->{}", before.price, after.price));
    }
    if after.vat_code != before.vat_code {
        changed.push(format!("vat={}->{}", before.vat_code, after.vat_code));
    }
    if after.active != before.active {
        changed.push(format!("active={}->{}", before.active, after.active));
    }
    audit_product(
        conn,
        actor,
        at,
        "product.update",
        id,
        Some(changed.join(" ")).filter(|d| !d.is_empty()),
    )?;
    Ok(after)
}

/// Sets the weighted average cost (goods receipts do).
pub(crate) fn set_average_cost(conn: &mut DbConn, id: i64, average: Money) -> Result<()> {
    diesel::update(products::table.find(id))
        .set(products::average_cost.eq(average.cents()))
        .execute(conn)?;
    Ok(())
}

/// Whether `id` exists (cheap check for foreign references).
pub fn exists(conn: &mut DbConn, id: i64) -> Result<bool> {
    Ok(products::table
        .find(id)
        .select(products::id)
        .first::<i64>(conn)
        .optional()?
        .is_some())
}

fn audit_product(
    conn: &mut DbConn,
    actor: Option<UserId>,
    at: NaiveDateTime,
    action: &str,
    id: i64,
    detail: Option<String>,
) -> Result<()> {
    audit::record(
        conn,
        &AuditEntry {
            at,
            user_id: actor,
            action,
            entity: "product",
            entity_id: Some(id.to_string()),
            detail,
        },
    )?;
    Ok(())
}

/// A product as someone typed it on a form: `#12`, a barcode, or its exact
/// name (case and accents aside).
pub fn resolve_typed(conn: &mut DbConn, typed: &str) -> Result<Option<Product>> {
    let typed = typed.trim();
    if let Some(id) = typed
        .strip_prefix('#')
        .and_then(|id| id.trim().parse::<i64>().ok())
    {
        return get(conn, id).map(Some).or_else(|e| match e {
            InventoryError::NotFound { .. } => Ok(None),
            other => Err(other),
        });
    }
    if let Some(found) = find_by_barcode(conn, typed)? {
        return Ok(Some(found));
    }
    let wanted = db::text::fold(typed);
    let candidates = search(
        conn,
        &Search {
            text: Some(typed.to_owned()),
            limit: 20,
            ..Search::default()
        },
    )?;
    Ok(candidates
        .into_iter()
        .find(|p| db::text::fold(&p.name) == wanted))
}
