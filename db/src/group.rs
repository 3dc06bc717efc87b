//! Group commit on SQLite: several callers' writes in one transaction, made
//! durable by one fsync. SQLite has one writer and commits with
//! `synchronous=FULL`; with a transaction per sale, each till waits for the
//! fsyncs of every sale queued before its own.
//!
//! A caller queues its job. If no one leads, it leads: it takes the queued jobs
//! (at most [`MAX_BATCH`]), runs them in one `BEGIN IMMEDIATE` transaction, each
//! in its own savepoint but the first (a job's error undoes that job only: the
//! first's, by rolling back what holds nothing else), commits once,
//! answers every caller (or hands each the commit's error), and passes the lead
//! to the first caller still queued. No caller hears back before the COMMIT has
//! returned, so an answered write is as durable as with [`crate::Db::write`].
//!
//! The batch commits with `synchronous = NORMAL` (its WAL frames written, not
//! yet flushed); the leader passes the lead on, then flushes the WAL file
//! itself and only then answers its batch. The next batch runs while this one
//! is flushed: the disk's flush leaves the path every till waits on, and no
//! caller hears back before the flush that follows its COMMIT has returned.

use crate::conn::WalFrames;
use crate::{DbConn, DbError};
use std::any::Any;
use std::cell::Cell;
use std::collections::VecDeque;
use std::ops::DerefMut;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError, mpsc};

/// The most jobs in one transaction: bounds what the first job of a batch
/// waits for.
pub(crate) const MAX_BATCH: usize = 64;

/// The fewest jobs between two checkpoints finished by the leader, once the
/// background has copied most of the WAL: each costs the tills a short pause
/// (the last frames copied, two flushes).
pub(crate) const CHECKPOINT_AFTER: usize = 16;

/// The most jobs between two checkpoints run by the leader, caught up with
/// the background or not: bounds the WAL (about 120 KB per sale).
pub(crate) const CHECKPOINT_AT_MOST_AFTER: usize = 1024;

/// Frames the background checkpoint may leave for the leader to finish:
/// about a megabyte of pages, a short copy.
pub(crate) const LEFT_FOR_LEADER: i32 = 256;

/// The queue of one database's grouped writes.
#[derive(Default)]
pub(crate) struct Group {
    state: Mutex<State>,
    /// The WAL file flushed after each batch; without one (tests of the
    /// queue alone), batches commit with the connection's own `synchronous`.
    wal: Option<PathBuf>,
    /// Set when the background checkpoint left little of the WAL to copy:
    /// the leader may finish the checkpoint in a short pause.
    nearly_copied: AtomicBool,
}

#[derive(Default)]
struct State {
    queue: VecDeque<Box<dyn Job>>,
    /// True from the moment a caller becomes leader until the queue is found
    /// empty, checked and cleared under the same lock: no job is left behind.
    leading: bool,
    /// Jobs committed since the leader last checkpointed the WAL.
    since_checkpoint: usize,
}

type Panic = Box<dyn Any + Send + 'static>;

thread_local! {
    /// The address of the group whose batch this thread runs (0: none): a job
    /// that waited for another grouped write of that group would wait for itself.
    static RUNNING_BATCH: Cell<usize> = const { Cell::new(0) };
}

/// What a caller waits for on its own channel.
enum Reply<T, E> {
    Done(Result<T, E>),
    /// The job panicked: the panic goes on in its caller's thread.
    Panicked(Panic),
    /// The caller leads the next batch.
    Lead,
}

/// How a batch ended for a job in it.
#[derive(Clone, Copy)]
enum Settled<'a> {
    Committed,
    Failed(&'a DbError),
}

/// A queued job as the leader sees it, whatever its result type.
trait Job: Send {
    /// Runs the job; true when it succeeded (its writes are to be kept).
    fn run(&mut self, conn: &mut DbConn) -> bool;
    /// Answers the caller once the batch is over.
    fn settle(self: Box<Self>, how: Settled<'_>);
    /// Tells the caller to lead; false when the caller is gone.
    fn promote(&self) -> bool;
}

struct Queued<T, E, F> {
    f: Option<F>,
    ran: Option<Result<T, E>>,
    panic: Option<Panic>,
    reply: mpsc::Sender<Reply<T, E>>,
}

impl<T, E, F> Job for Queued<T, E, F>
where
    T: Send + 'static,
    E: From<DbError> + Send + 'static,
    F: FnOnce(&mut DbConn) -> Result<T, E> + Send + 'static,
{
    fn run(&mut self, conn: &mut DbConn) -> bool {
        let Some(f) = self.f.take() else {
            return false;
        };
        // A panicking job is that job's failure, not the batch's: its savepoint
        // is rolled back and the panic resumes in its caller's thread.
        match catch_unwind(AssertUnwindSafe(|| f(conn))) {
            Ok(result) => {
                let ok = result.is_ok();
                self.ran = Some(result);
                ok
            }
            Err(panic) => {
                self.panic = Some(panic);
                false
            }
        }
    }

    fn settle(self: Box<Self>, how: Settled<'_>) {
        let Queued {
            ran, panic, reply, ..
        } = *self;
        let answer = match (panic, ran, how) {
            (Some(panic), _, _) => Reply::Panicked(panic),
            // The job's own error: its savepoint was rolled back, whatever the batch did.
            (None, Some(Err(e)), _) => Reply::Done(Err(e)),
            (None, Some(Ok(value)), Settled::Committed) => Reply::Done(Ok(value)),
            (None, _, Settled::Failed(e)) => Reply::Done(Err(E::from(e.duplicate()))),
            (None, None, Settled::Committed) => {
                Reply::Done(Err(E::from(DbError::Group("the write was not run".into()))))
            }
        };
        // A caller that is gone has nobody left to tell.
        let _ = reply.send(answer);
    }

    fn promote(&self) -> bool {
        self.reply.send(Reply::Lead).is_ok()
    }
}

impl Group {
    /// The queue of the SQLite database at `path` (its WAL is `path-wal`).
    pub(crate) fn for_sqlite(path: &str) -> Group {
        Group {
            state: Mutex::default(),
            wal: Some(PathBuf::from(format!("{path}-wal"))),
            nearly_copied: AtomicBool::new(false),
        }
    }

    /// Hears how far the background checkpoint got.
    pub(crate) fn background_checkpointed(&self, frames: WalFrames) {
        if frames.busy == 0 && frames.log > 0 && frames.left() <= LEFT_FOR_LEADER {
            self.nearly_copied.store(true, Ordering::Release);
        }
    }

    /// Runs `f` in a transaction shared with the other callers queued at the
    /// same time, on a connection from `connect`; answers once it committed.
    pub(crate) fn write<T, E, F, C>(
        &self,
        connect: impl Fn() -> Result<C, DbError>,
        f: F,
    ) -> Result<T, E>
    where
        T: Send + 'static,
        E: From<DbError> + Send + 'static,
        F: FnOnce(&mut DbConn) -> Result<T, E> + Send + 'static,
        C: DerefMut<Target = DbConn>,
    {
        if RUNNING_BATCH.get() == self.address() {
            return Err(E::from(DbError::Group(
                "a grouped write cannot wait for another from inside its batch".into(),
            )));
        }
        let (reply, answer) = mpsc::channel();
        let job = Box::new(Queued {
            f: Some(f),
            ran: None,
            panic: None,
            reply,
        });
        let mut leading = {
            let mut state = self.lock();
            state.queue.push_back(job);
            !std::mem::replace(&mut state.leading, true)
        };
        loop {
            if leading {
                self.lead(&connect);
            }
            leading = match answer.recv() {
                Ok(Reply::Done(result)) => return result,
                Ok(Reply::Panicked(panic)) => resume_unwind(panic),
                Ok(Reply::Lead) => true,
                // Dropped unanswered: the leader's thread died. Never a hang.
                Err(mpsc::RecvError) => {
                    return Err(E::from(DbError::Group(
                        "the write was lost with the thread committing it".into(),
                    )));
                }
            };
        }
    }

    /// How many jobs wait for a batch (tests use it to build batches).
    #[cfg(feature = "testing")]
    pub(crate) fn waiting(&self) -> usize {
        self.lock().queue.len()
    }

    fn address(&self) -> usize {
        std::ptr::from_ref(self).addr()
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // The lock is never held across a job: a poisoned state is still whole.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Runs one batch, then passes the lead on (also if this thread unwinds).
    fn lead<C>(&self, connect: &impl Fn() -> Result<C, DbError>)
    where
        C: DerefMut<Target = DbConn>,
    {
        let baton = Baton { group: self };
        RUNNING_BATCH.set(self.address());
        let batch: VecDeque<Box<dyn Job>> = {
            let mut state = self.lock();
            let n = state.queue.len().min(MAX_BATCH);
            state.queue.drain(..n).collect()
        };
        let size = batch.len();
        let Ran { committed, not_run } = run_batch(connect, batch, self.wal.is_some());
        let checkpoint_due = {
            let mut state = self.lock();
            state.since_checkpoint += size - not_run.len();
            for job in not_run.into_iter().rev() {
                state.queue.push_front(job);
            }
            let due = state.since_checkpoint >= CHECKPOINT_AT_MOST_AFTER
                || (state.since_checkpoint >= CHECKPOINT_AFTER
                    && self.nearly_copied.swap(false, Ordering::AcqRel));
            if due {
                state.since_checkpoint = 0;
            }
            due
        };
        if checkpoint_due && !checkpoint(connect) {
            // Another checkpoint was running: the next leader tries again.
            self.nearly_copied.store(true, Ordering::Release);
        }
        // The next batch may run while this one's WAL frames are flushed.
        drop(baton);
        if !committed.is_empty() {
            match self.wal.as_deref().map(flush).transpose() {
                Ok(_) => settle_all(committed, Settled::Committed),
                Err(e) => settle_all(committed, Settled::Failed(&e)),
            }
        }
    }

    /// Hands the lead to the first queued caller, or ends it when none is left.
    fn pass_lead(&self) {
        let mut state = self.lock();
        while let Some(first) = state.queue.front() {
            if first.promote() {
                return;
            }
            // Its caller is gone: nobody waits for this job.
            state.queue.pop_front();
        }
        state.leading = false;
    }
}

/// Passes the lead on when dropped, so that a leader that unwinds does not
/// leave the queue without one.
struct Baton<'a> {
    group: &'a Group,
}

impl Drop for Baton<'_> {
    fn drop(&mut self) {
        RUNNING_BATCH.set(0);
        self.group.pass_lead();
    }
}

/// What a batch left: the jobs committed, to be answered once the WAL is
/// flushed, and those not run because the transaction broke before their turn.
struct Ran {
    committed: Vec<Box<dyn Job>>,
    not_run: VecDeque<Box<dyn Job>>,
}

/// Runs `batch` in one transaction and settles the jobs that failed; with
/// `deferred_flush`, commits without flushing the WAL (the caller flushes it
/// before answering the committed jobs).
///
/// A job that finds nothing kept in the transaction yet runs without a
/// savepoint: its failure is undone by rolling the transaction back and
/// beginning it again for the jobs after it. That spares it the savepoint's
/// copy of every page it touches: a batch of one, the till alone, has none.
fn run_batch<C>(
    connect: &impl Fn() -> Result<C, DbError>,
    mut batch: VecDeque<Box<dyn Job>>,
    deferred_flush: bool,
) -> Ran
where
    C: DerefMut<Target = DbConn>,
{
    let none = || Ran {
        committed: Vec::new(),
        not_run: VecDeque::new(),
    };
    let mut conn = match connect() {
        Ok(conn) => conn,
        Err(e) => {
            settle_all(batch, Settled::Failed(&e));
            return none();
        }
    };
    if deferred_flush && let Err(e) = set_synchronous(&mut conn, "NORMAL") {
        restore_synchronous(&mut conn, deferred_flush);
        drop(conn);
        settle_all(batch, Settled::Failed(&e));
        return none();
    }
    // Jobs run in the open transaction, kept or failed (a failed one is
    // answered with its own error whatever the batch does).
    let mut ran = Vec::with_capacity(batch.len());
    let mut kept = false;
    let mut open = false;
    while let Some(mut job) = batch.pop_front() {
        if !open {
            if let Err(e) = conn.begin_write() {
                restore_synchronous(&mut conn, deferred_flush);
                drop(conn);
                job.settle(Settled::Failed(&e));
                settle_all(ran, Settled::Failed(&e));
                settle_all(batch, Settled::Failed(&e));
                return none();
            }
            open = true;
        }
        let outcome = if kept {
            in_savepoint(&mut conn, job.as_mut())
        } else {
            alone(&mut conn, job.as_mut(), !batch.is_empty())
        };
        match outcome {
            Ok(true) => kept = true,
            // Alone in the transaction: rolling it back undoes the job alone.
            Ok(false) if !kept => {
                conn.rollback_write();
                open = false;
            }
            Ok(false) => {}
            Err(broken) => {
                tracing::error!(error = %broken, "a grouped write broke its transaction; the batch is rolled back");
                conn.rollback_write();
                restore_synchronous(&mut conn, deferred_flush);
                // A connection still unusable is dropped by the pool on return.
                drop(conn);
                job.settle(Settled::Failed(&broken));
                let lost = DbError::Group(format!("rolled back with its batch: {broken}"));
                settle_all(ran, Settled::Failed(&lost));
                return Ran {
                    committed: Vec::new(),
                    not_run: batch,
                };
            }
        }
        ran.push(job);
    }
    let committed = if open { conn.commit_write() } else { Ok(()) };
    restore_synchronous(&mut conn, deferred_flush);
    // The writer connection goes back before anyone is answered.
    drop(conn);
    match committed {
        Ok(()) if deferred_flush && kept => Ran {
            committed: ran,
            not_run: VecDeque::new(),
        },
        Ok(()) => {
            settle_all(ran, Settled::Committed);
            none()
        }
        Err(e) => {
            settle_all(ran, Settled::Failed(&e));
            none()
        }
    }
}

fn set_synchronous(conn: &mut DbConn, level: &str) -> Result<(), DbError> {
    use diesel::connection::SimpleConnection;
    Ok(conn.batch_execute(&format!("PRAGMA synchronous = {level};"))?)
}

/// Back to `FULL` for the connection's other writes. A connection that cannot
/// be set back is not trusted with them: it is marked broken for the pool.
fn restore_synchronous(conn: &mut DbConn, deferred_flush: bool) {
    if deferred_flush && let Err(error) = set_synchronous(conn, "FULL") {
        tracing::error!(%error, "cannot set synchronous back to FULL");
        conn.mark_broken();
    }
}

/// Flushes the WAL file to the disk. Opened anew each time: the file is
/// deleted and made again when every connection closes, and a handle kept
/// open would then flush a file nobody writes.
fn flush(wal: &std::path::Path) -> Result<(), DbError> {
    std::fs::File::open(wal)
        .and_then(|file| file.sync_data())
        .map_err(|e| DbError::Group(format!("flushing {}: {e}", wal.display())))
}

/// Finishes copying the WAL back into the database between two batches;
/// false when another checkpoint was running. Under a steady stream of sales
/// the background checkpoint never finds a moment without new frames, so the
/// WAL would never start again from its beginning: it grew by 90 MB a second,
/// each commit extending the file (BENCHMARKS.md). Run here, with no batch
/// writing, it catches up with every frame and the next batch writes the WAL
/// from its start again. The background has copied most frames by then
/// (see [`LEFT_FOR_LEADER`]), so the tills wait for the last few only.
fn checkpoint<C>(connect: &impl Fn() -> Result<C, DbError>) -> bool
where
    C: DerefMut<Target = DbConn>,
{
    match connect().and_then(|mut conn| conn.checkpoint_wal()) {
        Ok(frames) => frames.busy == 0,
        Err(error) => {
            tracing::warn!(%error, "WAL checkpoint after a batch failed");
            true
        }
    }
}

/// Runs one job in its own savepoint; true when it succeeded. An error means
/// the transaction can no longer be trusted (SQLite rolled it all back after
/// an I/O error, or the job left a nested transaction open): the whole batch
/// must go.
fn in_savepoint(conn: &mut DbConn, job: &mut dyn Job) -> Result<bool, DbError> {
    conn.begin_savepoint()?;
    let ok = job.run(conn);
    expect_depth(conn, 2)?;
    if ok {
        conn.release_savepoint()?;
    } else {
        conn.rollback_savepoint()?;
    }
    Ok(ok)
}

/// Runs one job straight in the transaction, the first to keep anything in
/// it; true when it succeeded (on failure, the caller rolls back). With
/// `more` jobs to follow, checks that the transaction is still open: one
/// that SQLite (or the job) ended behind diesel's back would otherwise let
/// the next job's savepoint commit on its own.
fn alone(conn: &mut DbConn, job: &mut dyn Job, more: bool) -> Result<bool, DbError> {
    let ok = job.run(conn);
    expect_depth(conn, 1)?;
    if ok && more && !conn.transaction_still_open()? {
        return Err(DbError::Group(
            "a grouped write ended its transaction".into(),
        ));
    }
    Ok(ok)
}

/// A job must leave the transaction as it found it.
fn expect_depth(conn: &mut DbConn, expected: u32) -> Result<(), DbError> {
    let depth = conn.transaction_depth()?;
    if depth != expected {
        return Err(DbError::Group(format!(
            "a grouped write left the transaction at depth {depth} instead of {expected}"
        )));
    }
    Ok(())
}

fn settle_all(jobs: impl IntoIterator<Item = Box<dyn Job>>, how: Settled<'_>) {
    for job in jobs {
        job.settle(how);
    }
}
