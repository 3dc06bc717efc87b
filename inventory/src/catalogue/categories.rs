//! Categories: a tree, written as a path `Épicerie > Confitures`.

use crate::error::{InventoryError, Result, clean_name};
use chrono::NaiveDateTime;
use db::DbConn;
use db::audit::{self, AuditEntry};
use db::ids::UserId;
use db::schema::categories;
use diesel::prelude::*;
use std::collections::HashMap;

pub const SEPARATOR: &str = " > ";
const MAX_NAME: usize = 80;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    pub id: i64,
    pub name: String,
    pub parent_id: Option<i64>,
    /// `Épicerie > Confitures`
    pub path: String,
}

/// Every category with its path, sorted by path.
pub fn all(conn: &mut DbConn) -> Result<Vec<Category>> {
    let rows: Vec<(i64, String, Option<i64>)> = categories::table
        .select((categories::id, categories::name, categories::parent_id))
        .load(conn)?;
    let by_id: HashMap<i64, (&str, Option<i64>)> = rows
        .iter()
        .map(|(id, name, parent)| (*id, (name.as_str(), *parent)))
        .collect();
    let mut all: Vec<Category> = rows
        .iter()
        .map(|(id, name, parent)| Category {
            id: *id,
            name: name.clone(),
            parent_id: *parent,
            path: path_from(&by_id, *id),
        })
        .collect();
    all.sort_by_cached_key(|c| db::text::fold(&c.path));
    Ok(all)
}

fn path_from(by_id: &HashMap<i64, (&str, Option<i64>)>, id: i64) -> String {
    let mut names = Vec::new();
    let mut current = Some(id);
    // The depth bound guards against a cycle written by hand in the database.
    while let Some(id) = current.filter(|_| names.len() < 32) {
        let Some((name, parent)) = by_id.get(&id) else {
            break;
        };
        names.push(*name);
        current = *parent;
    }
    names.reverse();
    names.join(SEPARATOR)
}

/// The path of one category.
pub fn path_of(conn: &mut DbConn, id: i64) -> Result<String> {
    all(conn)?
        .into_iter()
        .find(|c| c.id == id)
        .map(|c| c.path)
        .ok_or_else(|| InventoryError::NotFound {
            what: "category",
            id: id.to_string(),
        })
}

/// The category at `path` (`Épicerie > Confitures` or `Épicerie/Confitures`),
/// created with its parents when missing. Names match without regard to case
/// or accents, so a spreadsheet's `epicerie` lands in `Épicerie`.
pub fn find_or_create(conn: &mut DbConn, path: &str, at: NaiveDateTime) -> Result<i64> {
    let parts: Vec<String> = path
        .split(['>', '/'])
        .map(|p| clean_name(p, MAX_NAME))
        .collect::<Result<_>>()?;
    let mut parent: Option<i64> = None;
    for name in parts {
        let siblings: Vec<(i64, String)> = match parent {
            Some(p) => categories::table
                .filter(categories::parent_id.eq(p))
                .select((categories::id, categories::name))
                .load(conn)?,
            None => categories::table
                .filter(categories::parent_id.is_null())
                .select((categories::id, categories::name))
                .load(conn)?,
        };
        let wanted = db::text::fold(&name);
        let found = siblings
            .into_iter()
            .find(|(_, n)| db::text::fold(n) == wanted)
            .map(|(id, _)| id);
        let id = match found {
            Some(id) => id,
            None => {
                diesel::insert_into(categories::table)
                    .values((
                        categories::name.eq(&name),
                        categories::parent_id.eq(parent),
                        categories::created_at.eq(at),
                    ))
                    .execute(conn)?;
                categories::table
                    .filter(categories::name.eq(&name))
                    .order(categories::id.desc())
                    .select(categories::id)
                    .first(conn)?
            }
        };
        parent = Some(id);
    }
    parent.ok_or(InventoryError::InvalidName { max: MAX_NAME })
}

/// A category and all below it, for filtering by a branch of the tree.
pub fn with_descendants(conn: &mut DbConn, id: i64) -> Result<Vec<i64>> {
    let all = all(conn)?;
    let mut ids = vec![id];
    let mut i = 0;
    while i < ids.len() {
        let parent = ids[i];
        ids.extend(
            all.iter()
                .filter(|c| c.parent_id == Some(parent))
                .map(|c| c.id),
        );
        i += 1;
    }
    Ok(ids)
}

/// How many products (archived ones aside) each category's branch holds: its
/// own and those of its subcategories, as the products list filtered by it shows.
pub fn product_counts(conn: &mut DbConn) -> Result<HashMap<i64, i64>> {
    let parents: HashMap<i64, Option<i64>> = categories::table
        .select((categories::id, categories::parent_id))
        .load::<(i64, Option<i64>)>(conn)?
        .into_iter()
        .collect();
    let filed: Vec<Option<i64>> = db::schema::products::table
        .filter(db::schema::products::active.eq(true))
        .filter(db::schema::products::category_id.is_not_null())
        .select(db::schema::products::category_id)
        .load(conn)?;
    let mut counts: HashMap<i64, i64> = HashMap::new();
    for category in filed.into_iter().flatten() {
        let mut current = Some(category);
        let mut depth = 0;
        // The depth bound guards against a cycle written by hand in the database.
        while let Some(id) = current.filter(|_| depth < 32) {
            *counts.entry(id).or_default() += 1;
            current = parents.get(&id).copied().flatten();
            depth += 1;
        }
    }
    Ok(counts)
}

/// One category by id.
pub fn get(conn: &mut DbConn, id: i64) -> Result<Category> {
    all(conn)?
        .into_iter()
        .find(|c| c.id == id)
        .ok_or_else(|| InventoryError::NotFound {
            what: "category",
            id: id.to_string(),
        })
}

/// Renames a category; its products follow (they hold its id, and search reads
/// the path from the tree, so nothing else is rewritten).
pub fn rename(
    conn: &mut DbConn,
    id: i64,
    name: &str,
    actor: Option<UserId>,
    at: NaiveDateTime,
) -> Result<Category> {
    let before = get(conn, id)?;
    let name = clean_name(name, MAX_NAME)?;
    check_free(conn, before.parent_id, id, &name)?;
    diesel::update(categories::table.find(id))
        .set(categories::name.eq(&name))
        .execute(conn)?;
    let after = get(conn, id)?;
    audit_category(
        conn,
        actor,
        at,
        "category.rename",
        id,
        format!("{} -> {}", before.path, after.path),
    )?;
    Ok(after)
}

/// Moves a category and everything below it under `parent` (None: to the top).
/// Refused under itself or one of its own subcategories, and where a sibling
/// already has its name.
pub fn move_to(
    conn: &mut DbConn,
    id: i64,
    parent: Option<i64>,
    actor: Option<UserId>,
    at: NaiveDateTime,
) -> Result<Category> {
    let before = get(conn, id)?;
    if let Some(parent) = parent {
        get(conn, parent)?;
        if with_descendants(conn, id)?.contains(&parent) {
            return Err(InventoryError::CategoryCycle);
        }
    }
    check_free(conn, parent, id, &before.name)?;
    diesel::update(categories::table.find(id))
        .set(categories::parent_id.eq(parent))
        .execute(conn)?;
    let after = get(conn, id)?;
    audit_category(
        conn,
        actor,
        at,
        "category.move",
        id,
        format!("{} -> {}", before.path, after.path),
    )?;
    Ok(after)
}

/// Refuses `name` under `parent` when another category there has it (case and
/// accents aside, as `find_or_create` matches).
fn check_free(conn: &mut DbConn, parent: Option<i64>, id: i64, name: &str) -> Result<()> {
    let wanted = db::text::fold(name);
    let taken = all(conn)?
        .iter()
        .any(|c| c.parent_id == parent && c.id != id && db::text::fold(&c.name) == wanted);
    if taken {
        return Err(InventoryError::DuplicateCategory(name.to_owned()));
    }
    Ok(())
}

fn audit_category(
    conn: &mut DbConn,
    actor: Option<UserId>,
    at: NaiveDateTime,
    action: &str,
    id: i64,
    detail: String,
) -> Result<()> {
    audit::record(
        conn,
        &AuditEntry {
            at,
            user_id: actor,
            action,
            entity: "category",
            entity_id: Some(id.to_string()),
            detail: Some(detail),
        },
    )?;
    Ok(())
}
