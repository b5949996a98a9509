//! One page of a `/transactions/sync` loop: the window of the log a cursor names, its net
//! list of changes, and the cut of that list a page takes.
//!
//! The change list of a window `from..to` has two parts, both in log order:
//! - the history entries in the window: each adds its transaction, in its latest state,
//!   unless a refresh has removed it since (these are never materialised: a page generates
//!   only the transactions it returns);
//! - the refresh entries in the window, one per transaction (its first entry there): a
//!   transaction the window itself added is `added` in its latest state (or left out once
//!   removed); one the client had before the window is `modified`, or `removed`.
//!
//! A page starts at the cursor's offset into that list and takes `count` changes of the
//! filtered account; `has_more` says whether any is left, and the offset after the page goes
//! into the next cursor.

use std::collections::HashSet;

use crate::modern::cursor::Cursor;
use crate::modern::data::transactions::Txn;
use crate::modern::feed::{Feed, SyncError, skip_forward};

/// One change of a window.
#[derive(Debug, Clone, PartialEq)]
enum Change {
    /// Added, in its latest state.
    Added(Txn),
    Modified(Txn),
    /// The id and account of a removed transaction.
    Removed(String, usize),
}

/// One page of a sync loop.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SyncPage {
    /// `added`.
    pub(crate) added: Vec<Txn>,
    /// `modified`.
    pub(crate) modified: Vec<Txn>,
    /// `removed`: ids and accounts.
    pub(crate) removed: Vec<(String, usize)>,
    /// `next_cursor`.
    pub(crate) next: Cursor,
    /// `has_more`.
    pub(crate) has_more: bool,
}

/// The net changes of a window of the log.
struct Window<'a> {
    feed: &'a Feed,
    /// The history index ranges of the window's history entries, in log order.
    ranges: Vec<(u32, u32)>,
    /// How many of them are present (not removed).
    base_len: u64,
    /// The refresh part.
    changes: Vec<Change>,
}

impl<'a> Window<'a> {
    fn new(feed: &'a Feed, from: u64, to: u64) -> Window<'a> {
        let base_end = to.min(feed.base_len());
        let mut ranges = Vec::new();
        let mut p = from.min(base_end);
        while p < base_end {
            let first = feed.base_index(p);
            // A run of consecutive positions maps to consecutive indices until the wrap.
            let recent = u64::from(feed.n() - feed.split);
            let run_end = if p < recent {
                recent.min(base_end)
            } else {
                base_end
            };
            let last = first + (run_end - p) as u32;
            ranges.push((first, last));
            p = run_end;
        }
        let base_len = ranges
            .iter()
            .map(|&(a, b)| u64::from(b - a) - feed.removed.range(a..b).count() as u64)
            .sum();
        let first_event = from.max(feed.base_len()) - feed.base_len();
        let last_event = to.saturating_sub(feed.base_len());
        let mut seen = HashSet::new();
        let mut changes = Vec::new();
        for event in feed
            .events
            .iter()
            .take(last_event as usize)
            .skip(first_event as usize)
        {
            if !seen.insert(event.id.as_str()) {
                continue;
            }
            let origin = match event.base {
                Some(i) => feed.base_position(i),
                None => feed.origin.get(&event.id).copied().unwrap_or(0),
            };
            let now = feed.current.get(&event.id).cloned().flatten();
            if origin >= from {
                // Added within the window: the history part has it, or it is a refresh one.
                if event.base.is_none() {
                    changes.extend(now.map(Change::Added));
                }
            } else {
                changes.push(match now {
                    Some(txn) => Change::Modified(txn),
                    None => Change::Removed(event.id.clone(), event.account),
                });
            }
        }
        Window {
            feed,
            ranges,
            base_len,
            changes,
        }
    }

    fn len(&self) -> u64 {
        self.base_len + self.changes.len() as u64
    }

    /// The changes from list position `offset` on, with their positions; history entries
    /// are generated as the walk reaches them, and skipped ones are jumped over without
    /// being generated.
    fn from(&self, offset: u64) -> impl Iterator<Item = (u64, Change)> + '_ {
        let feed = self.feed;
        let mut skip = offset;
        let mut base = Vec::new();
        for &(a, b) in &self.ranges {
            let present = u64::from(b - a) - feed.removed.range(a..b).count() as u64;
            if skip >= present {
                skip -= present;
                continue;
            }
            base.push((skip_forward(a, b, skip as usize, &feed.removed), b));
            skip = 0;
        }
        let history = base
            .into_iter()
            .flat_map(move |(a, b)| (a..b).filter(move |i| !feed.removed.contains(i)))
            .filter_map(move |i| feed.base_txn(i).map(Change::Added));
        let refresh = self.changes.iter().skip(skip as usize).cloned();
        history
            .chain(refresh)
            .enumerate()
            .map(move |(n, change)| (offset + n as u64, change))
    }
}

/// One page: see the module docs. A cursor in the middle of a loop must still see the log
/// its first page saw (else [`SyncError::Mutation`]) and must point inside it (else
/// [`SyncError::Foreign`]).
pub(crate) fn page(
    feed: &Feed,
    cursor: Option<Cursor>,
    count: usize,
    account: Option<u8>,
) -> Result<SyncPage, SyncError> {
    let end = feed.log_len();
    let (from, to, offset) = match cursor {
        None => (0, end, 0),
        Some(c) if c.in_loop() => {
            if c.to != end {
                return Err(SyncError::Mutation);
            }
            (c.from, c.to, c.offset)
        }
        Some(c) if c.from == c.to => (c.from, end, 0),
        Some(_) => return Err(SyncError::Foreign),
    };
    if from > to || to > end {
        return Err(SyncError::Foreign);
    }
    let window = Window::new(feed, from, to);
    if offset > window.len() {
        return Err(SyncError::Foreign);
    }
    let wanted = |change: &Change| {
        let of = match change {
            Change::Added(t) | Change::Modified(t) => t.account,
            Change::Removed(_, account) => *account,
        };
        account.is_none_or(|a| of == usize::from(a))
    };
    let mut page = SyncPage {
        added: Vec::new(),
        modified: Vec::new(),
        removed: Vec::new(),
        next: Cursor::settled(to, account),
        has_more: false,
    };
    let mut taken = 0;
    for (position, change) in window.from(offset) {
        if !wanted(&change) {
            continue;
        }
        if taken == count {
            page.has_more = true;
            page.next = Cursor {
                from,
                to,
                offset: position,
                account,
            };
            break;
        }
        taken += 1;
        match change {
            Change::Added(txn) => page.added.push(txn),
            Change::Modified(txn) => page.modified.push(txn),
            Change::Removed(id, account) => page.removed.push((id, account)),
        }
    }
    Ok(page)
}
