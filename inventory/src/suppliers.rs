//! Suppliers, and what each supplies (their reference, cost, pack size, lead time).

use crate::error::{InventoryError, Result, clean_name, optional_text};
use chrono::NaiveDateTime;
use db::DbConn;
use db::audit::{self, AuditEntry};
use db::ids::UserId;
use db::schema::{products, supplier_products, suppliers};
use db::{Money, Quantity};
use diesel::prelude::*;

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = suppliers)]
pub struct Supplier {
    pub id: i64,
    pub name: String,
    pub contact_name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub siret: Option<String>,
    pub notes: Option<String>,
    pub active: bool,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

/// A supplier's card as typed; `create` and `update` check it.
#[derive(Debug, Clone, Default)]
pub struct SupplierInput {
    pub name: String,
    pub contact_name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub siret: Option<String>,
    pub notes: Option<String>,
}

struct Checked {
    name: String,
    contact_name: Option<String>,
    email: Option<String>,
    phone: Option<String>,
    address: Option<String>,
    siret: Option<String>,
    notes: Option<String>,
}

fn check(input: &SupplierInput) -> Result<Checked> {
    let email = optional_text(input.email.as_deref());
    if let Some(email) = &email {
        let valid = email.split_once('@').is_some_and(|(local, domain)| {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        }) && !email.contains(char::is_whitespace);
        if !valid {
            return Err(InventoryError::InvalidEmail(email.clone()));
        }
    }
    let siret = optional_text(input.siret.as_deref()).map(|s| s.replace([' ', '\u{a0}'], ""));
    if let Some(siret) = &siret
        && (siret.len() != 14 || !siret.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(InventoryError::InvalidSiret(siret.clone()));
    }
    Ok(Checked {
        name: clean_name(&input.name, 120)?,
        contact_name: optional_text(input.contact_name.as_deref()),
        email,
        phone: optional_text(input.phone.as_deref()),
        address: optional_text(input.address.as_deref()),
        siret,
        notes: optional_text(input.notes.as_deref()),
    })
}

pub fn create(
    conn: &mut DbConn,
    input: &SupplierInput,
    actor: Option<UserId>,
    at: NaiveDateTime,
) -> Result<Supplier> {
    let c = check(input)?;
    diesel::insert_into(suppliers::table)
        .values((
            suppliers::name.eq(&c.name),
            suppliers::contact_name.eq(&c.contact_name),
            suppliers::email.eq(&c.email),
            suppliers::phone.eq(&c.phone),
            suppliers::address.eq(&c.address),
            suppliers::siret.eq(&c.siret),
            suppliers::notes.eq(&c.notes),
            suppliers::active.eq(true),
            suppliers::created_at.eq(at),
            suppliers::updated_at.eq(at),
        ))
        .execute(conn)?;
    let id: i64 = suppliers::table
        .filter(suppliers::name.eq(&c.name))
        .order(suppliers::id.desc())
        .select(suppliers::id)
        .first(conn)?;
    audit::record(
        conn,
        &AuditEntry {
            at,
            user_id: actor,
            action: "supplier.create",
            entity: "supplier",
            entity_id: Some(id.to_string()),
            detail: None,
        },
    )?;
    get(conn, id)
}

pub fn update(
    conn: &mut DbConn,
    id: i64,
    input: &SupplierInput,
    active: bool,
    actor: Option<UserId>,
    at: NaiveDateTime,
) -> Result<Supplier> {
    get(conn, id)?;
    let c = check(input)?;
    diesel::update(suppliers::table.find(id))
        .set((
            suppliers::name.eq(&c.name),
            suppliers::contact_name.eq(&c.contact_name),
            suppliers::email.eq(&c.email),
            suppliers::phone.eq(&c.phone),
            suppliers::address.eq(&c.address),
            suppliers::siret.eq(&c.siret),
            suppliers::notes.eq(&c.notes),
            suppliers::active.eq(active),
            suppliers::updated_at.eq(at),
        ))
        .execute(conn)?;
    audit::record(
        conn,
        &AuditEntry {
            at,
            user_id: actor,
            action: "supplier.update",
            entity: "supplier",
            entity_id: Some(id.to_string()),
            detail: None,
        },
    )?;
    get(conn, id)
}

pub fn get(conn: &mut DbConn, id: i64) -> Result<Supplier> {
    suppliers::table
        .find(id)
        .select(Supplier::as_select())
        .first(conn)
        .optional()?
        .ok_or_else(|| InventoryError::NotFound {
            what: "supplier",
            id: id.to_string(),
        })
}

pub fn list(conn: &mut DbConn) -> Result<Vec<Supplier>> {
    let mut all: Vec<Supplier> = suppliers::table.select(Supplier::as_select()).load(conn)?;
    all.sort_by(|a, b| {
        (!a.active, db::text::fold(&a.name)).cmp(&(!b.active, db::text::fold(&b.name)))
    });
    Ok(all)
}

/// What a supplier sells us, on their terms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupplierProduct {
    pub supplier_id: i64,
    pub product_id: i64,
    pub product_name: String,
    pub supplier_reference: Option<String>,
    pub cost: Option<Money>,
    pub pack_size: Quantity,
    pub lead_time_days: Option<i64>,
}

#[derive(Debug, Clone, Default)]
pub struct SupplierTerms {
    pub supplier_reference: Option<String>,
    pub cost: Option<Money>,
    pub pack_size: Option<Quantity>,
    pub lead_time_days: Option<i64>,
}

/// Records (or replaces) the terms on which a supplier sells a product.
pub fn set_terms(
    conn: &mut DbConn,
    supplier_id: i64,
    product_id: i64,
    terms: &SupplierTerms,
) -> Result<()> {
    get(conn, supplier_id)?;
    crate::catalogue::products::get(conn, product_id)?;
    if terms.cost.is_some_and(Money::is_negative) {
        return Err(InventoryError::NegativeAmount { field: "cost" });
    }
    let pack = terms.pack_size.unwrap_or(Quantity::ONE);
    if pack.thousandths() <= 0 {
        return Err(InventoryError::InvalidQuantity {
            reason: "a pack holds a positive quantity".into(),
        });
    }
    if terms.lead_time_days.is_some_and(|d| d < 0) {
        return Err(InventoryError::InvalidQuantity {
            reason: "a lead time cannot be negative".into(),
        });
    }
    let existing = supplier_products::table
        .filter(supplier_products::supplier_id.eq(supplier_id))
        .filter(supplier_products::product_id.eq(product_id));
    diesel::delete(existing).execute(conn)?;
    diesel::insert_into(supplier_products::table)
        .values((
            supplier_products::supplier_id.eq(supplier_id),
            supplier_products::product_id.eq(product_id),
            supplier_products::supplier_reference
                .eq(optional_text(terms.supplier_reference.as_deref())),
            supplier_products::cost.eq(terms.cost.map(Money::cents)),
            supplier_products::pack_size.eq(pack.thousandths()),
            supplier_products::lead_time_days.eq(terms.lead_time_days),
        ))
        .execute(conn)?;
    Ok(())
}

pub fn catalogue_of(conn: &mut DbConn, supplier_id: i64) -> Result<Vec<SupplierProduct>> {
    type Row = (
        i64,
        i64,
        String,
        Option<String>,
        Option<i64>,
        i64,
        Option<i64>,
    );
    let rows: Vec<Row> = supplier_products::table
        .inner_join(products::table)
        .filter(supplier_products::supplier_id.eq(supplier_id))
        .order(products::search_text.asc())
        .select((
            supplier_products::supplier_id,
            supplier_products::product_id,
            products::name,
            supplier_products::supplier_reference,
            supplier_products::cost,
            supplier_products::pack_size,
            supplier_products::lead_time_days,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|r| SupplierProduct {
            supplier_id: r.0,
            product_id: r.1,
            product_name: r.2,
            supplier_reference: r.3,
            cost: r.4.map(Money::from_cents),
            pack_size: Quantity::from_thousandths(r.5),
            lead_time_days: r.6,
        })
        .collect())
}
