//! The till's hot statements on the backend's own connection.
//!
//! Through diesel's `MultiConnection` (our [`crate::DbConn`]) every execution
//! of a statement builds its SQL text again, and an `UPDATE` or an insert of a
//! derived `Insertable` is prepared again each time: on a 5-line sale that
//! was half of the writer's time (BENCHMARKS.md). On the backend's own
//! connection diesel keys a statement by its Rust type and prepares it once
//! per connection.
//!
//! diesel never caches an `UPDATE` built with its DSL (a changeset may leave
//! fields out), nor `sql_query`, nor an insert of a `Vec` of rows: the till's
//! updates are [`Fixed`] statements, and rows are inserted one statement each.

/// Runs `$body` with `$c` bound to the backend's own connection
/// (`&mut SqliteConnection` or `&mut PgConnection`): the body is compiled once
/// per backend, so it must use only what both support.
///
/// ```ignore
/// let id: Option<i64> = db::native!(conn, |c| tickets::table
///     .filter(tickets::uuid.eq(uuid))
///     .select(tickets::id)
///     .first(c)
///     .optional())?;
/// ```
#[macro_export]
macro_rules! native {
    // A body with its own `?`s: its result type is written out.
    ($conn:expr, |$c:ident| -> $ret:ty $body:block) => {
        match $conn {
            $crate::DbConn::Sqlite($c) => (|| -> $ret { $body })(),
            $crate::DbConn::Postgres($c) => (|| -> $ret { $body })(),
        }
    };
    ($conn:expr, |$c:ident| $body:expr) => {
        match $conn {
            $crate::DbConn::Sqlite($c) => $body,
            $crate::DbConn::Postgres($c) => $body,
        }
    };
}

use chrono::NaiveDateTime;
use diesel::backend::Backend;
use diesel::query_builder::{AstPass, QueryFragment, QueryId};
use diesel::result::Error as QueryError;
use diesel::serialize::ToSql;
use diesel::sql_types::{BigInt, HasSqlType, Nullable, Text, Timestamp};
use diesel::{QueryResult, RunQueryDsl};
use std::marker::PhantomData;

/// A value bound to a [`Fixed`] statement.
#[derive(Debug, Clone, Copy)]
pub enum Bind<'a> {
    Int(i64),
    Text(&'a str),
    Time(Option<NaiveDateTime>),
}

/// A statement of fixed text with `?` for its binds, which diesel caches by
/// its type `K` (made by [`fixed!`](crate::fixed!), one per call site). Unlike
/// `diesel::sql_query`, it is prepared once per connection. `?` becomes each
/// backend's own placeholder.
pub struct Fixed<'a, K, const N: usize> {
    sql: &'static str,
    binds: [Bind<'a>; N],
    key: PhantomData<K>,
}

impl<'a, K, const N: usize> Fixed<'a, K, N> {
    pub fn new(sql: &'static str, binds: [Bind<'a>; N]) -> Self {
        Fixed {
            sql,
            binds,
            key: PhantomData,
        }
    }
}

impl<K: 'static, const N: usize> QueryId for Fixed<'_, K, N> {
    type QueryId = K;
    const HAS_STATIC_QUERY_ID: bool = true;
}

impl<DB, K, const N: usize> QueryFragment<DB> for Fixed<'_, K, N>
where
    DB: Backend + HasSqlType<BigInt> + HasSqlType<Text> + HasSqlType<Nullable<Timestamp>>,
    i64: ToSql<BigInt, DB>,
    str: ToSql<Text, DB>,
    Option<NaiveDateTime>: ToSql<Nullable<Timestamp>, DB>,
{
    fn walk_ast<'b>(&'b self, mut out: AstPass<'_, 'b, DB>) -> QueryResult<()> {
        let mut pieces = self.sql.split('?');
        out.push_sql(pieces.next().unwrap_or_default());
        let mut binds = self.binds.iter();
        for piece in pieces {
            match binds.next() {
                Some(Bind::Int(v)) => out.push_bind_param::<BigInt, _>(v)?,
                Some(Bind::Text(v)) => out.push_bind_param::<Text, _>(*v)?,
                Some(Bind::Time(v)) => out.push_bind_param::<Nullable<Timestamp>, _>(v)?,
                None => return Err(mismatch(self.sql)),
            }
            out.push_sql(piece);
        }
        match binds.next() {
            Some(_) => Err(mismatch(self.sql)),
            None => Ok(()),
        }
    }
}

fn mismatch(sql: &str) -> QueryError {
    QueryError::QueryBuilderError(format!("binds do not match the placeholders of {sql:?}").into())
}

impl<K, Conn, const N: usize> RunQueryDsl<Conn> for Fixed<'_, K, N> {}

/// A [`Fixed`] statement keyed by this call site:
/// `db::fixed!("UPDATE t SET n = n + ? WHERE id = ?", [Bind::Int(1), Bind::Int(id)])`.
#[macro_export]
macro_rules! fixed {
    ($sql:literal, [$($bind:expr),* $(,)?]) => {{
        struct Key;
        $crate::native::Fixed::<Key, _>::new($sql, [$($bind),*])
    }};
}
