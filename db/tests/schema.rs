//! The two migration folders hold the same migrations, and after running them
//! each backend has exactly the tables and columns that `schema.rs` declares.

#![expect(clippy::unwrap_used, reason = "test helpers fail loudly")]

use db::{Backend, DbConn};
use diesel::prelude::*;
use diesel::sql_types::{BigInt, Text};
use std::collections::BTreeMap;

/// table -> [(column, type, nullable)] in declaration order.
type Shape = BTreeMap<String, Vec<(String, String, bool)>>;

fn migration_names(backend: &str) -> Vec<String> {
    let dir = format!("{}/../migrations/{backend}", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort();
    names
}

#[test]
fn both_backends_have_the_same_migrations() {
    let sqlite = migration_names("sqlite");
    assert!(!sqlite.is_empty());
    assert_eq!(sqlite, migration_names("postgres"));
    for name in &sqlite {
        for backend in ["sqlite", "postgres"] {
            let dir = format!(
                "{}/../migrations/{backend}/{name}",
                env!("CARGO_MANIFEST_DIR")
            );
            for file in ["up.sql", "down.sql"] {
                assert!(
                    std::path::Path::new(&dir).join(file).exists(),
                    "{dir}/{file}"
                );
            }
        }
    }
}

fn declared_shape() -> Shape {
    let text = include_str!("../src/schema.rs");
    let mut shape = Shape::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        let trimmed = line.trim();
        if let Some((name, _)) = trimmed.split_once(" (")
            && trimmed.ends_with('{')
            && !name.contains(' ')
        {
            current = Some(name.to_owned());
            shape.insert(name.to_owned(), Vec::new());
            continue;
        }
        if trimmed == "}" {
            current = None;
            continue;
        }
        if let (Some(table), Some((column, ty))) = (&current, trimmed.split_once(" -> ")) {
            let ty = ty.trim_end_matches(',');
            let (ty, nullable) = match ty.strip_prefix("Nullable<") {
                Some(inner) => (inner.trim_end_matches('>'), true),
                None => (ty, false),
            };
            if let Some(cols) = shape.get_mut(table) {
                cols.push((column.to_owned(), ty.to_owned(), nullable));
            }
        }
    }
    shape
}

#[derive(QueryableByName)]
struct TableName {
    #[diesel(sql_type = Text)]
    name: String,
}

#[derive(QueryableByName)]
struct SqliteColumn {
    #[diesel(sql_type = Text)]
    name: String,
    #[diesel(sql_type = Text, column_name = "type")]
    ty: String,
    #[diesel(sql_type = BigInt)]
    notnull: i64,
    #[diesel(sql_type = BigInt)]
    pk: i64,
}

#[derive(QueryableByName)]
struct PgColumn {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
    #[diesel(sql_type = Text)]
    data_type: String,
    #[diesel(sql_type = Text)]
    is_nullable: String,
}

fn live_shape(conn: &mut DbConn) -> Shape {
    let mut shape = Shape::new();
    match conn {
        DbConn::Sqlite(c) => {
            let tables: Vec<TableName> = diesel::sql_query(
                "SELECT name FROM sqlite_master WHERE type = 'table' \
                 AND name NOT LIKE 'sqlite_%' AND name <> '__diesel_schema_migrations'",
            )
            .load(c)
            .unwrap();
            for table in tables {
                let columns: Vec<SqliteColumn> = diesel::sql_query(format!(
                    "SELECT name, type, \"notnull\", pk FROM pragma_table_info('{}')",
                    table.name
                ))
                .load(c)
                .unwrap();
                let cols = columns
                    .into_iter()
                    .map(|col| {
                        // diesel.toml: sqlite_integer_primary_key_is_bigint.
                        let ty = match (col.ty.to_uppercase().as_str(), col.pk) {
                            ("INTEGER", 1) | ("BIGINT", _) => "BigInt",
                            ("INTEGER", _) => "Integer",
                            ("TEXT", _) => "Text",
                            ("BOOLEAN", _) => "Bool",
                            ("TIMESTAMP", _) => "Timestamp",
                            ("DATE", _) => "Date",
                            (other, _) => {
                                panic!("unexpected SQLite type {other} in {}", table.name)
                            }
                        };
                        (col.name, ty.to_owned(), col.notnull == 0 && col.pk == 0)
                    })
                    .collect();
                shape.insert(table.name, cols);
            }
        }
        DbConn::Postgres(c) => {
            let columns: Vec<PgColumn> = diesel::sql_query(
                "SELECT table_name::text AS table_name, column_name::text AS column_name, \
                 data_type::text AS data_type, is_nullable::text AS is_nullable \
                 FROM information_schema.columns WHERE table_schema = 'public' \
                 AND table_name <> '__diesel_schema_migrations' \
                 ORDER BY table_name, ordinal_position",
            )
            .load(c)
            .unwrap();
            for col in columns {
                let ty = match col.data_type.as_str() {
                    "bigint" => "BigInt",
                    "integer" => "Integer",
                    "text" => "Text",
                    "boolean" => "Bool",
                    "timestamp without time zone" => "Timestamp",
                    "date" => "Date",
                    other => panic!("unexpected PostgreSQL type {other} in {}", col.table_name),
                };
                shape.entry(col.table_name).or_default().push((
                    col.column_name,
                    ty.to_owned(),
                    col.is_nullable == "YES",
                ));
            }
        }
    }
    shape
}

#[test]
fn schema_rs_matches_both_migrated_databases() {
    let declared = declared_shape();
    assert!(declared.contains_key("users"), "schema.rs was not parsed");
    db::testing::each_backend(|db, database| {
        let live = db
            .read(|conn| Ok::<_, db::DbError>(live_shape(conn)))
            .unwrap();
        assert_eq!(
            live,
            declared,
            "schema.rs differs from the {} migrations",
            database.label()
        );
        assert_eq!(db.backend(), database.backend);
    });
}

#[test]
fn migrating_twice_applies_nothing_the_second_time() {
    for database in db::testing::databases() {
        let db = database.empty_db();
        let first = db.migrate().unwrap();
        assert!(!first.is_empty(), "{}", database.label());
        assert!(db.migrate().unwrap().is_empty(), "{}", database.label());
    }
}

#[test]
fn backends_are_named_for_health_checks() {
    assert_eq!(Backend::Sqlite.name(), "sqlite");
    assert_eq!(Backend::Postgres.name(), "postgres");
}
