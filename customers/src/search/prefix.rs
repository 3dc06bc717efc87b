//! Word-prefix search over `customer_search_words`, in name order, without
//! reading every match of a short prefix.
//!
//! A typed word stands for a range of the index's words (`dupo` for
//! `dupont`, `dupond`…); each index word's rows are in name order
//! (`sort_key`). So:
//! - a typed word with few rows (under 2,000) is read whole and sorted; the
//!   other typed words are then checked for those fiches only;
//! - otherwise each typed word that stands for few index words (at most 16)
//!   is followed in name order, a page at a time, and the typed words are
//!   intersected by leapfrogging ("zigzag merge join"): each jumps, with one
//!   index seek, to the first fiche at or after the furthest one seen, until
//!   all agree. Runs of fiches that lack a word are skipped, not read, so
//!   `dupo hel` over a million fiches reads a few pages whatever the counts.
//!   Typed words that stand for many index words (`m`, `06`) match many
//!   fiches: they only check those the others agree on, a growing batch at a
//!   time. When every typed word is like that, the empty word's rows (every
//!   live fiche, in name order) lead.

use crate::error::Result;
use db::DbConn;
use db::schema::customer_search_words as w;
use diesel::prelude::*;
use std::collections::{HashSet, VecDeque};

/// Where the strategies part.
#[derive(Debug, Clone, Copy)]
struct Limits {
    /// A typed word with fewer rows than this is read whole.
    small: i64,
    /// A typed word standing for more index words than this only checks fiches.
    narrow: usize,
}

const LIMITS: Limits = Limits {
    small: 2_000,
    narrow: 16,
};
/// Rows read at once from one index word: the first page, and the largest.
const FIRST_PAGE: i64 = 16;
const LAST_PAGE: i64 = 512;
/// Fiches checked at once against the typed words that do not lead.
const CHECK_AT_MOST: usize = 1_024;

/// The index words a typed word stands for: `word >= lo AND word < hi`.
pub(crate) struct Prefix {
    lo: String,
    hi: String,
}

impl Prefix {
    pub(crate) fn new(typed: &str) -> Prefix {
        Prefix {
            lo: typed.to_owned(),
            // Above any word that starts with `typed`, in byte order (SQLite's
            // BINARY, PostgreSQL's "C").
            hi: format!("{typed}\u{10FFFF}"),
        }
    }
}

/// The ids of at most `limit` live fiches that have, for each prefix, a word
/// starting with it; in name order.
pub(crate) fn find(conn: &mut DbConn, prefixes: &[Prefix], limit: usize) -> Result<Vec<i64>> {
    find_with(conn, prefixes, limit, LIMITS)
}

fn find_with(
    conn: &mut DbConn,
    prefixes: &[Prefix],
    limit: usize,
    limits: Limits,
) -> Result<Vec<i64>> {
    if prefixes.is_empty() || limit == 0 {
        return Ok(Vec::new());
    }
    for (n, prefix) in prefixes.iter().enumerate() {
        if !is_large(conn, prefix, limits.small)? {
            let others: Vec<&Prefix> = prefixes
                .iter()
                .enumerate()
                .filter(|(m, _)| *m != n)
                .map(|(_, p)| p)
                .collect();
            return small(conn, prefix, &others, limit);
        }
    }
    let mut leaders = Vec::new();
    let mut checks = Vec::new();
    for prefix in prefixes {
        match index_words(conn, prefix, limits.narrow)? {
            Some(words) => leaders.push(Leader::new(words)),
            None => checks.push(prefix),
        }
    }
    if leaders.is_empty() {
        leaders.push(Leader::new(vec![String::new()]));
    }
    large(conn, &mut leaders, &checks, limit)
}

/// Whether the prefix has at least `small` rows (it reads that many index
/// entries at most, not the rows).
fn is_large(conn: &mut DbConn, prefix: &Prefix, small: i64) -> Result<bool> {
    Ok(w::table
        .filter(w::word.ge(&prefix.lo))
        .filter(w::word.lt(&prefix.hi))
        .order((w::word.asc(), w::sort_key.asc()))
        .select(w::sort_key)
        .offset(small - 1)
        .first::<String>(conn)
        .optional()?
        .is_some())
}

/// Every row of a small prefix, sorted, checked against the other prefixes.
fn small(conn: &mut DbConn, prefix: &Prefix, others: &[&Prefix], limit: usize) -> Result<Vec<i64>> {
    let mut rows: Vec<(String, i64)> = w::table
        .filter(w::word.ge(&prefix.lo))
        .filter(w::word.lt(&prefix.hi))
        .select((w::sort_key, w::customer_id))
        .load(conn)?;
    rows.sort();
    // A fiche with two words in the range (Martin Martinez for "mart").
    rows.dedup();
    let mut found = Vec::new();
    for chunk in rows.chunks(CHECK_AT_MOST) {
        let ids: Vec<i64> = chunk.iter().map(|(_, id)| *id).collect();
        found.extend(check(conn, ids, others)?);
        if found.len() >= limit {
            break;
        }
    }
    found.truncate(limit);
    Ok(found)
}

/// The fiches among `ids` that have a word in each prefix, in the same order.
fn check(conn: &mut DbConn, mut ids: Vec<i64>, prefixes: &[&Prefix]) -> Result<Vec<i64>> {
    for prefix in prefixes {
        if ids.is_empty() {
            break;
        }
        let having: HashSet<i64> = w::table
            .filter(w::customer_id.eq_any(&ids))
            .filter(w::word.ge(&prefix.lo))
            .filter(w::word.lt(&prefix.hi))
            .select(w::customer_id)
            .load::<i64>(conn)?
            .into_iter()
            .collect();
        ids.retain(|id| having.contains(id));
    }
    Ok(ids)
}

/// The index words starting with the prefix, or None when there are more
/// than `narrow`: one index seek each.
fn index_words(conn: &mut DbConn, prefix: &Prefix, narrow: usize) -> Result<Option<Vec<String>>> {
    let mut words: Vec<String> = Vec::new();
    loop {
        let base = w::table.filter(w::word.lt(&prefix.hi)).into_boxed();
        let next: Option<String> = match words.last() {
            Some(last) => base.filter(w::word.gt(last.clone())),
            None => base.filter(w::word.ge(prefix.lo.clone())),
        }
        .order(w::word.asc())
        .select(w::word)
        .first(conn)
        .optional()?;
        match next {
            None => return Ok(Some(words)),
            Some(_) if words.len() == narrow => return Ok(None),
            Some(word) => words.push(word),
        }
    }
}

/// Leapfrogs the leaders to the fiches they all have, checks those against
/// the other prefixes a batch at a time, until `limit` are found.
fn large(
    conn: &mut DbConn,
    leaders: &mut [Leader],
    checks: &[&Prefix],
    limit: usize,
) -> Result<Vec<i64>> {
    let mut found: Vec<i64> = Vec::new();
    let mut after: Option<String> = None;
    // With checks, batches grow as long as few fiches pass them.
    let mut batch = limit.max(32);
    loop {
        let wanted = if checks.is_empty() {
            limit - found.len()
        } else {
            batch
        };
        let mut agreed = Vec::with_capacity(wanted);
        let mut exhausted = false;
        while agreed.len() < wanted {
            match agree(conn, leaders, after.as_deref())? {
                Some((key, id)) => {
                    agreed.push(id);
                    after = Some(key);
                }
                None => {
                    exhausted = true;
                    break;
                }
            }
        }
        found.extend(check(conn, agreed, checks)?);
        if found.len() >= limit || exhausted {
            found.truncate(limit);
            return Ok(found);
        }
        batch = (batch * 2).min(CHECK_AT_MOST);
    }
}

/// The first fiche after `after` (from the start when None) that every leader
/// has: each leader in turn jumps to the furthest fiche seen so far.
fn agree(
    conn: &mut DbConn,
    leaders: &mut [Leader],
    after: Option<&str>,
) -> Result<Option<(String, i64)>> {
    let count = leaders.len();
    let Some(first) = leaders.first_mut() else {
        return Ok(None);
    };
    let Some(mut target) = first.seek(conn, after.unwrap_or(""), after.is_some())? else {
        return Ok(None);
    };
    let (mut agreeing, mut next) = (1, 1);
    while agreeing < count {
        let leader = &mut leaders[next % count];
        let Some(found) = leader.seek(conn, &target.0, false)? else {
            return Ok(None);
        };
        if found.0 == target.0 {
            agreeing += 1;
        } else {
            target = found;
            agreeing = 1;
        }
        next += 1;
    }
    Ok(Some(target))
}

/// One typed word followed in name order: the union of its index words.
struct Leader {
    cursors: Vec<Cursor>,
}

impl Leader {
    fn new(words: Vec<String>) -> Leader {
        Leader {
            cursors: words.into_iter().map(Cursor::new).collect(),
        }
    }

    /// The first row at or after `key` (after it when `strict`) among the
    /// index words.
    fn seek(
        &mut self,
        conn: &mut DbConn,
        key: &str,
        strict: bool,
    ) -> Result<Option<(String, i64)>> {
        let mut best: Option<(String, i64)> = None;
        for cursor in &mut self.cursors {
            if let Some(row) = cursor.seek(conn, key, strict)?
                && best.as_ref().is_none_or(|b| row.0 < b.0)
            {
                best = Some(row);
            }
        }
        Ok(best)
    }
}

/// One index word's rows in name order, read a page at a time. Seeks only go
/// forward, so the rows kept are always the next ones. Pages grow while their
/// rows are all shown in turn (fiches the other words have too), and start
/// small again after a jump over rows never shown.
struct Cursor {
    word: String,
    rows: VecDeque<(String, i64)>,
    /// No rows beyond those kept.
    ended: bool,
    page: i64,
    /// The row last answered, and whether a row was dropped unseen since the
    /// last read.
    shown: Option<String>,
    jumped: bool,
}

impl Cursor {
    fn new(word: String) -> Cursor {
        Cursor {
            word,
            rows: VecDeque::new(),
            ended: false,
            page: FIRST_PAGE,
            shown: None,
            jumped: false,
        }
    }

    fn seek(
        &mut self,
        conn: &mut DbConn,
        key: &str,
        strict: bool,
    ) -> Result<Option<(String, i64)>> {
        let before = |row: &(String, i64)| {
            if strict {
                row.0.as_str() <= key
            } else {
                row.0.as_str() < key
            }
        };
        while let Some(row) = self.rows.front()
            && before(row)
        {
            if self.shown.as_deref() != Some(row.0.as_str()) {
                self.jumped = true;
            }
            self.rows.pop_front();
        }
        if self.rows.is_empty() && !self.ended {
            self.page = if self.jumped || self.shown.is_none() {
                FIRST_PAGE
            } else {
                (self.page * 2).min(LAST_PAGE)
            };
            self.jumped = false;
            let query = w::table.filter(w::word.eq(&self.word)).into_boxed();
            let query = if strict {
                query.filter(w::sort_key.gt(key.to_owned()))
            } else {
                query.filter(w::sort_key.ge(key.to_owned()))
            };
            let rows: Vec<(String, i64)> = query
                .order(w::sort_key.asc())
                .select((w::sort_key, w::customer_id))
                .limit(self.page)
                .load(conn)?;
            self.ended = i64::try_from(rows.len()).unwrap_or(0) < self.page;
            self.rows = rows.into();
        }
        let front = self.rows.front().cloned();
        self.shown = front.as_ref().map(|row| row.0.clone());
        Ok(front)
    }
}

#[cfg(test)]
mod tests {
    use super::{Limits, Prefix, find_with};
    use chrono::NaiveDate;
    use db::schema::customer_search_words as w;
    use diesel::prelude::*;
    use std::collections::BTreeMap;

    /// The index read whole: each fiche's words, in name order.
    fn whole_index(conn: &mut db::DbConn) -> BTreeMap<(String, i64), Vec<String>> {
        let rows: Vec<(String, String, i64)> = w::table
            .select((w::word, w::sort_key, w::customer_id))
            .load(conn)
            .unwrap();
        let mut fiches: BTreeMap<(String, i64), Vec<String>> = BTreeMap::new();
        for (word, key, id) in rows {
            fiches.entry((key, id)).or_default().push(word);
        }
        fiches
    }

    fn expected(
        index: &BTreeMap<(String, i64), Vec<String>>,
        typed: &[&str],
        limit: usize,
    ) -> Vec<i64> {
        index
            .iter()
            .filter(|(_, words)| typed.iter().all(|t| words.iter().any(|w| w.starts_with(t))))
            .map(|((_, id), _)| *id)
            .take(limit)
            .collect()
    }

    #[test]
    fn every_strategy_finds_what_reading_the_whole_index_finds() {
        db::testing::each_conn(|conn, backend| {
            let at = NaiveDate::from_ymd_opt(2026, 11, 25)
                .unwrap()
                .and_hms_opt(10, 0, 0)
                .unwrap();
            crate::bulk::fill_range(conn, 0, 3_000, at).unwrap();
            let index = whole_index(conn);
            let queries: [&[&str]; 12] = [
                &["dupo", "hel"],
                &["hel", "dupo"],
                &["ma"],
                &["m"],
                &["06"],
                &["dupo", "06"],
                &["0", "m", "fr"],
                &["lyon", "hel"],
                &["camille", "helene"],
                &["thomas", "luc", "exemple"],
                &["leg", "ma", "3"],
                &["zz"],
            ];
            // Tiny limits: every path (read whole, leapfrog, checks, the
            // empty word leading) and several pages per index word.
            for limits in [
                Limits {
                    small: 2_000,
                    narrow: 16,
                },
                Limits {
                    small: 40,
                    narrow: 3,
                },
                Limits {
                    small: 1,
                    narrow: 1,
                },
            ] {
                for typed in queries {
                    let prefixes: Vec<Prefix> = typed.iter().map(|t| Prefix::new(t)).collect();
                    for limit in [1, 20, 300] {
                        assert_eq!(
                            find_with(conn, &prefixes, limit, limits).unwrap(),
                            expected(&index, typed, limit),
                            "{backend:?} {typed:?} limit {limit} {limits:?}"
                        );
                    }
                }
            }
        });
    }
}
