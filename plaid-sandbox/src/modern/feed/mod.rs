//! The transactions of one Item as Plaid serves them: an append-only change log, read by
//! `/transactions/sync` through cursors and by `/transactions/get` as the current state.
//!
//! **The log.** Its first entries add the generated [`History`] (positions `0..N`); after
//! them come the changes `/transactions/refresh` makes ([`refresh`]): additions,
//! modifications and removals, one entry each. Nothing in the log is ever rewritten, so a
//! position in it means the same thing for as long as the Item lives: that is what a cursor
//! stores ([`crate::modern::cursor`]). The history entries are never materialised: entry `p`
//! adds transaction `p` of the history, generated on demand; only refresh changes are kept.
//!
//! **Readiness.** Pulling transactions takes time in Plaid: for a configurable delay after
//! the feed starts (when the Item is created with `transactions`, else on the first
//! transactions call) it is `NOT_READY` and the log is empty; then the newest 30 days are
//! in (`INITIAL_UPDATE_COMPLETE`); after as long again, the older days follow
//! (`HISTORICAL_UPDATE_COMPLETE`). Phases are caught up lazily, when a call looks at the
//! feed, and each recorded as the webhooks Plaid would send. A delay of zero (the default)
//! makes the whole history available at once.
//!
//! **A sync loop** reads a window of the log: the entries after the client's cursor up to the
//! log's end when the loop's first page was asked for. The window's changes are net, as
//! Plaid's are: a transaction added and then changed within the window is `added` once, in
//! its latest state; one added and removed within it does not appear; one the client had
//! that changed is `modified` (or `removed`). Pages cut that list by `count`; the cursor of
//! a page in the middle of a loop remembers the window, and if the log has grown since (a
//! refresh, or the historical pull landing) the next page is refused with
//! `TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION`, so the client restarts from its first
//! cursor.

mod refresh;
mod window;

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use serde_json::{Value, json};

use crate::modern::cursor::Cursor;
use crate::modern::data::transactions::{History, Txn};

pub(crate) use window::SyncPage;

/// How far the pull of an Item's transactions has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Phase {
    /// Nothing yet.
    NotReady,
    /// The newest 30 days.
    Initial,
    /// Everything.
    Historical,
}

impl Phase {
    /// The spec's `TransactionsUpdateStatus`.
    pub(crate) fn status(self) -> &'static str {
        match self {
            Phase::NotReady => "NOT_READY",
            Phase::Initial => "INITIAL_UPDATE_COMPLETE",
            Phase::Historical => "HISTORICAL_UPDATE_COMPLETE",
        }
    }
}

/// A `TRANSACTIONS` webhook the feed owes the Item's URL.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Notice {
    /// `webhook_code`.
    pub(crate) code: &'static str,
    /// When it happened.
    pub(crate) at: SystemTime,
    /// The code's own fields (`new_transactions`, `removed_transactions`, …).
    pub(crate) fields: Value,
}

impl Notice {
    fn new(code: &'static str, at: SystemTime, fields: Value) -> Notice {
        Notice { code, at, fields }
    }
}

/// One refresh entry of the log.
#[derive(Debug, Clone, PartialEq)]
struct Event {
    /// The transaction it changes.
    id: String,
    /// Its account (what `removed` reports).
    account: usize,
    /// Its index in the history, when the transaction comes from there.
    base: Option<u32>,
}

/// Why a sync request was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SyncError {
    /// The log grew since the loop's first page.
    Mutation,
    /// The cursor points outside this Item's log (it cannot be one of its cursors).
    Foreign,
}

/// The transactions of one Item: its history, its refresh changes, and its phase.
#[derive(Clone, PartialEq)]
pub(crate) struct Feed {
    history: Arc<History>,
    started: SystemTime,
    delay: Duration,
    phase: Phase,
    /// Where the newest 30 days start in the history, when they were pulled on their own
    /// (the log then adds indices `split..N` first, then `0..split`); 0 otherwise.
    split: u32,
    events: Vec<Event>,
    /// The latest state of every transaction a refresh touched (`None`: removed).
    current: HashMap<String, Option<Txn>>,
    /// The history indices a refresh touched, and those it removed.
    touched: BTreeSet<u32>,
    removed: BTreeSet<u32>,
    /// The log position of every transaction a refresh added.
    origin: HashMap<String, u64>,
    refreshes: u64,
    dynamic: bool,
    sync_called: bool,
    historical_noticed: bool,
    updated: SystemTime,
}

impl fmt::Debug for Feed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Feed")
            .field("history", &self.history)
            .field("phase", &self.phase)
            .field("changes", &self.events.len())
            .finish_non_exhaustive()
    }
}

impl Feed {
    /// A feed over `history` that starts pulling at `started` and needs `delay` per phase;
    /// `dynamic` feeds change on every refresh (`user_transactions_dynamic`).
    pub(crate) fn new(
        history: History,
        started: SystemTime,
        delay: Duration,
        dynamic: bool,
    ) -> Feed {
        Feed {
            history: Arc::new(history),
            started,
            delay,
            phase: Phase::NotReady,
            split: 0,
            events: Vec::new(),
            current: HashMap::new(),
            touched: BTreeSet::new(),
            removed: BTreeSet::new(),
            origin: HashMap::new(),
            refreshes: 0,
            dynamic,
            sync_called: false,
            historical_noticed: false,
            updated: started,
        }
    }

    /// The history (shared, so responses are built after the state's lock is released).
    pub(crate) fn history(&self) -> &Arc<History> {
        &self.history
    }

    /// The phase.
    pub(crate) fn phase(&self) -> Phase {
        self.phase
    }

    /// When the transactions were last updated (`item.status.transactions`).
    pub(crate) fn updated(&self) -> SystemTime {
        self.updated
    }

    /// Notes that `/transactions/sync` was called (Plaid sends `SYNC_UPDATES_AVAILABLE`
    /// only from then on).
    pub(crate) fn mark_synced(&mut self) {
        self.sync_called = true;
    }

    /// The history's length.
    fn n(&self) -> u32 {
        self.history.len()
    }

    /// How many history entries the log has.
    fn base_len(&self) -> u64 {
        u64::from(match self.phase {
            Phase::NotReady => 0,
            Phase::Initial => self.n() - self.split,
            Phase::Historical => self.n(),
        })
    }

    /// The log's length.
    pub(crate) fn log_len(&self) -> u64 {
        self.base_len() + self.events.len() as u64
    }

    /// The history index of the history entry at log position `p` (`p < base_len()`).
    fn base_index(&self, p: u64) -> u32 {
        let recent = u64::from(self.n() - self.split);
        if p < recent {
            self.split + p as u32
        } else {
            (p - recent) as u32
        }
    }

    /// The log position of history transaction `i`.
    fn base_position(&self, i: u32) -> u64 {
        if i >= self.split {
            u64::from(i - self.split)
        } else {
            u64::from(self.n() - self.split + i)
        }
    }

    /// The first history index the log has.
    fn available_from(&self) -> u32 {
        match self.phase {
            Phase::NotReady => self.n(),
            Phase::Initial => self.split,
            Phase::Historical => 0,
        }
    }

    /// The state of history transaction `i` now (`None` once removed).
    fn base_txn(&self, i: u32) -> Option<Txn> {
        if self.touched.contains(&i) {
            self.current.get(&self.history.id(i)).cloned().flatten()
        } else {
            Some(self.history.txn(i))
        }
    }

    /// Moves the phases on to `now`; returns the webhooks their completion sends
    /// (`INITIAL_UPDATE` and `HISTORICAL_UPDATE` with their `new_transactions`, and
    /// `SYNC_UPDATES_AVAILABLE` once `/transactions/sync` has been called).
    pub(crate) fn catch_up(&mut self, now: SystemTime) -> Vec<Notice> {
        let initial_at = self.started + self.delay;
        let historical_at = initial_at + self.delay;
        let recent = self.n() - self.history.first_on(self.history.last_day - 29);
        let mut notices = Vec::new();
        if self.phase == Phase::NotReady && now >= initial_at {
            self.updated = initial_at;
            notices.push(Notice::new(
                "INITIAL_UPDATE",
                initial_at,
                json!({ "new_transactions": recent }),
            ));
            if now >= historical_at {
                self.phase = Phase::Historical;
            } else {
                self.phase = Phase::Initial;
                self.split = self.n() - recent;
                notices.extend(self.sync_notice(initial_at));
            }
        }
        if self.phase == Phase::Initial && now >= historical_at {
            self.phase = Phase::Historical;
        }
        if self.phase == Phase::Historical && !self.historical_noticed {
            self.historical_noticed = true;
            self.updated = self.updated.max(historical_at);
            notices.push(Notice::new(
                "HISTORICAL_UPDATE",
                historical_at,
                json!({ "new_transactions": self.n() - recent }),
            ));
            notices.extend(self.sync_notice(historical_at));
        }
        notices
    }

    /// The `SYNC_UPDATES_AVAILABLE` notice for the current phase, if `/transactions/sync`
    /// was ever called.
    fn sync_notice(&self, at: SystemTime) -> Option<Notice> {
        self.sync_called.then(|| {
            Notice::new(
                "SYNC_UPDATES_AVAILABLE",
                at,
                json!({
                    "initial_update_complete": self.phase != Phase::NotReady,
                    "historical_update_complete": self.phase == Phase::Historical,
                }),
            )
        })
    }

    /// One page of a sync loop: see [`window`].
    pub(crate) fn sync(
        &self,
        cursor: Option<Cursor>,
        count: usize,
        account: Option<u8>,
    ) -> Result<SyncPage, SyncError> {
        window::page(self, cursor, count, account)
    }

    /// The cursor that skips everything the log has now (`cursor: "now"`).
    pub(crate) fn now_cursor(&self, account: Option<u8>) -> Cursor {
        Cursor::settled(self.log_len(), account)
    }

    /// `/transactions/get`: the transactions dated `from..=to` on `accounts` (all when
    /// `None`), newest first, in a stable order: refresh additions (always the newest) by
    /// date then by when they were added, then the history by index, both newest first.
    /// Returns the total and the `count` from `offset`.
    pub(crate) fn get(
        &self,
        from: i64,
        to: i64,
        accounts: Option<&[usize]>,
        offset: usize,
        count: usize,
    ) -> (usize, Vec<Txn>) {
        let on_accounts = |t: &Txn| accounts.is_none_or(|a| a.contains(&t.account));
        let mut added: Vec<(u64, Txn)> = self
            .origin
            .iter()
            .filter_map(|(id, at)| Some((*at, self.current.get(id).cloned().flatten()?)))
            .filter(|(_, t)| t.day >= from && t.day <= to && on_accounts(t))
            .collect();
        added.sort_by_key(|(at, t)| std::cmp::Reverse((t.day, *at)));
        let lo = self.available_from().max(self.history.first_on(from));
        let hi = self.history.first_on(to + 1).max(lo);
        let below = |start: u32| {
            (lo..start)
                .rev()
                .filter(|i| !self.removed.contains(i))
                .filter_map(|i| self.base_txn(i))
                .filter(on_accounts)
        };
        let skip = offset.saturating_sub(added.len());
        let (base_total, start, skip) = match accounts {
            // Without a filter every present index counts: count and skip arithmetically.
            None => {
                let present = (hi - lo) as usize - self.removed.range(lo..hi).count();
                (present, skip_back(hi, lo, skip, &self.removed), 0)
            }
            Some(_) => (below(hi).count(), hi, skip),
        };
        let total = added.len() + base_total;
        let mut page: Vec<Txn> = added
            .into_iter()
            .map(|(_, t)| t)
            .skip(offset)
            .take(count)
            .collect();
        let room = count - page.len();
        page.extend(below(start).skip(skip).take(room));
        (total, page)
    }
}

/// The exclusive upper index from which a walk down from `hi` to `lo`, skipping the
/// `removed` indices, has passed over `skip` present ones.
fn skip_back(hi: u32, lo: u32, skip: usize, removed: &BTreeSet<u32>) -> u32 {
    let mut start = hi.saturating_sub(index_step(skip)).max(lo);
    loop {
        let gone = removed.range(start..hi).count();
        let present = (hi - start) as usize - gone;
        if present >= skip || start == lo {
            return start;
        }
        start = start.saturating_sub(index_step(skip - present)).max(lo);
    }
}

/// The first index from which a walk up from `lo` to `hi`, skipping the `removed` indices,
/// has passed over `skip` present ones.
fn skip_forward(lo: u32, hi: u32, skip: usize, removed: &BTreeSet<u32>) -> u32 {
    let mut end = lo.saturating_add(index_step(skip)).min(hi);
    loop {
        let present = (end - lo) as usize - removed.range(lo..end).count();
        if present >= skip || end == hi {
            return end;
        }
        end = end.saturating_add(index_step(skip - present)).min(hi);
    }
}

/// A number of entries to step over, as a distance between history indices. A skip past
/// `u32::MAX` (a client's `options.offset`) saturates: truncated, it could step by nothing
/// and the walks above would never end.
fn index_step(skip: usize) -> u32 {
    u32::try_from(skip).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests;
