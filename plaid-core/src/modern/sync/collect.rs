//! What "collect every page" gives, and how it is gathered from the events:
//! pages are appended, a restart empties what the void attempt gathered,
//! and the end event turns it all into the result. No I/O here either;
//! both drivers (blocking and async) call [`Collector::absorb`].

use super::cursor::SyncEvent;
use super::offset::{OffsetEvent, OffsetResponse};
use crate::modern::models::{Account, RemovedTransaction, Transaction, TransactionsUpdateStatus};

/// Gathers a machine's events into its result.
pub trait Collector<E>: Default {
    /// What the whole loop gives.
    type Output;

    /// Takes one event; the result once the loop's end event comes.
    fn absorb(&mut self, event: E) -> Option<Self::Output>;
}

/// Every change of a sync loop, and the cursor to store with them: what
/// [`Client::transactions_sync_all`](crate::modern::Client::transactions_sync_all)
/// returns.
///
/// Store `added`, `modified`, `removed` and `cursor` in one transaction.
/// When the Item is not ready (`not_ready`), the lists are empty and
/// `cursor` is the one the loop started from, so storing them changes
/// nothing.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct SyncChanges {
    /// Transactions new since the first cursor, in page order.
    pub added: Vec<Transaction>,
    /// Transactions changed since the first cursor: replace your copy.
    pub modified: Vec<Transaction>,
    /// Transactions removed since the first cursor: delete your copy.
    pub removed: Vec<RemovedTransaction>,
    /// Every account the pages listed, once, as the latest page that
    /// listed it showed it (the newest balances), in the order first
    /// listed. A page lists only the accounts of its own transactions, so
    /// no single page's list is complete.
    pub accounts: Vec<Account>,
    /// The cursor to store with these changes: the last page's
    /// `next_cursor`, or, when not ready, the cursor the loop started from
    /// (`None` if it started from the beginning). Never an empty string.
    pub cursor: Option<String>,
    /// How far Plaid's pulls of the Item have got.
    pub transactions_update_status: TransactionsUpdateStatus,
    /// Whether the loop ended because the Item's transactions are not
    /// ready (nothing was read).
    pub not_ready: bool,
    /// How many attempts the loop took (1 unless the data changed during
    /// it).
    pub attempts: u32,
    /// How many pages the successful attempt read.
    pub pages: u32,
}

/// The changes a sync loop's current attempt has gathered.
#[derive(Debug, Default)]
pub struct SyncCollector {
    added: Vec<Transaction>,
    modified: Vec<Transaction>,
    removed: Vec<RemovedTransaction>,
    accounts: Vec<Account>,
    pages: u32,
}

impl SyncCollector {
    /// Takes a page's accounts: a newer listing of an account replaces the
    /// older one in place.
    fn merge_accounts(&mut self, accounts: Vec<Account>) {
        for account in accounts {
            let known = self
                .accounts
                .iter_mut()
                .find(|known| known.account_id == account.account_id);
            match known {
                Some(known) => *known = account,
                None => self.accounts.push(account),
            }
        }
    }
}

impl Collector<SyncEvent> for SyncCollector {
    type Output = SyncChanges;

    fn absorb(&mut self, event: SyncEvent) -> Option<SyncChanges> {
        match event {
            SyncEvent::Page(page) => {
                self.added.extend(page.added);
                self.modified.extend(page.modified);
                self.removed.extend(page.removed);
                self.merge_accounts(page.accounts);
                self.pages += 1;
                None
            }
            SyncEvent::Restarted(_) => {
                *self = SyncCollector::default();
                None
            }
            SyncEvent::Finished(finished) => {
                let page = finished.page;
                let mut gathered = std::mem::take(self);
                gathered.added.extend(page.added);
                gathered.modified.extend(page.modified);
                gathered.removed.extend(page.removed);
                gathered.merge_accounts(page.accounts);
                Some(SyncChanges {
                    added: gathered.added,
                    modified: gathered.modified,
                    removed: gathered.removed,
                    accounts: gathered.accounts,
                    cursor: Some(finished.cursor),
                    transactions_update_status: page.transactions_update_status,
                    not_ready: false,
                    attempts: page.attempt,
                    pages: gathered.pages + 1,
                })
            }
            SyncEvent::NotReady(not_ready) => {
                *self = SyncCollector::default();
                Some(SyncChanges {
                    added: Vec::new(),
                    modified: Vec::new(),
                    removed: Vec::new(),
                    accounts: Vec::new(),
                    cursor: not_ready.cursor,
                    transactions_update_status: not_ready.transactions_update_status,
                    not_ready: true,
                    attempts: not_ready.attempt,
                    pages: 0,
                })
            }
        }
    }
}

/// Every page of an offset pager, merged into one response: what
/// [`Client::transactions_get_all`](crate::modern::Client::transactions_get_all)
/// and
/// [`Client::investments_transactions_get_all`](crate::modern::Client::investments_transactions_get_all)
/// return.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Paged<R> {
    /// The merged response: every distinct item in page order, the
    /// referenced objects (securities) of every page, the other fields of
    /// the last page.
    pub response: R,
    /// Whether the items add up to the total (see
    /// [`OffsetFinished::complete`](super::OffsetFinished::complete)).
    pub complete: bool,
    /// How many attempts it took.
    pub attempts: u32,
    /// How many pages the last attempt read.
    pub pages: u32,
}

/// The pages an offset pager's current attempt has gathered.
#[derive(Debug)]
pub struct PagedCollector<R> {
    merged: Option<R>,
    pages: u32,
}

impl<R> Default for PagedCollector<R> {
    fn default() -> Self {
        PagedCollector {
            merged: None,
            pages: 0,
        }
    }
}

impl<R: OffsetResponse> PagedCollector<R> {
    fn merge(&mut self, page: R) -> R {
        self.pages += 1;
        match self.merged.take() {
            Some(mut merged) => {
                merged.absorb(page);
                merged
            }
            None => page,
        }
    }
}

impl<R: OffsetResponse> Collector<OffsetEvent<R>> for PagedCollector<R> {
    type Output = Paged<R>;

    fn absorb(&mut self, event: OffsetEvent<R>) -> Option<Paged<R>> {
        match event {
            OffsetEvent::Page(page) => {
                let merged = self.merge(page.response);
                self.merged = Some(merged);
                None
            }
            OffsetEvent::Restarted(_) => {
                *self = PagedCollector::default();
                None
            }
            OffsetEvent::Finished(finished) => {
                let attempts = finished.page.attempt;
                let response = self.merge(finished.page.response);
                Some(Paged {
                    response,
                    complete: finished.complete,
                    attempts,
                    pages: self.pages,
                })
            }
        }
    }
}
