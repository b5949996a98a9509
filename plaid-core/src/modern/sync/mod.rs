//! Reading a whole transaction history correctly: the `/transactions/sync`
//! loop and the `count`/`offset` pager of `/transactions/get` and
//! `/investments/transactions/get`.
//!
//! Both are loops with rules that integrations get wrong in production, so
//! each is written once, as a state machine without I/O that tests can
//! drive with canned answers ([`SyncLoop`], [`OffsetPager`]), and run by
//! one [`Driver`] over any transport, blocking or async:
//!
//! | | every page, collected | page by page, in bounded memory |
//! |---|---|---|
//! | `/transactions/sync` | [`Client::transactions_sync_all`] → [`SyncChanges`] | [`Client::transactions_sync_pages`] → [`SyncEvent`]s |
//! | `/transactions/get` | [`Client::transactions_get_all`] → [`Paged`] | [`Client::transactions_get_pages`] → [`OffsetEvent`]s |
//! | `/investments/transactions/get` | [`Client::investments_transactions_get_all`] | [`Client::investments_transactions_get_pages`] |
//!
//! Collect with `.send()` or `.await`; stream with
//! `while let Some(event) = pages.next_page().send()? { … }` (or
//! `.await?`), or iterate a blocking driver. A request that fails on the
//! way (a timeout, a 5xx, a 429) is retried by the client's
//! [`RetryPolicy`](crate::RetryPolicy) like any call; the loops handle only
//! what the API says about the loop itself.
//!
//! # The sync loop
//!
//! A sync reads the changes since a cursor, page by page, until `has_more`
//! is false, and the last page's `next_cursor` is where the next sync
//! starts. Three things go wrong in the wild, and the loop handles them:
//!
//! - **The data changes during the loop**
//!   (`TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION`). Every page read so
//!   far is void; Plaid requires restarting the *whole* loop from the
//!   cursor of its first page (retrying the failed page, as many clients
//!   do, loses or duplicates changes). The loop restarts, at most
//!   `max_attempts` times in all ([`DEFAULT_SYNC_ATTEMPTS`]), and tells a
//!   streaming consumer to throw away what it staged:
//!   [`SyncEvent::Restarted`], and every [`SyncPage`] carries its
//!   `attempt`.
//! - **The Item is not ready** (a sync within seconds of the Item's
//!   creation answers empty lists, `NOT_READY` and an *empty*
//!   `next_cursor`). Storing that empty cursor would restart the history
//!   from scratch next time; the loop ends with [`SyncEvent::NotReady`] and
//!   the cursor it started from.
//! - **A partial result.** The loop never hands out a cursor it reached
//!   mid-way: the only cursor that leaves it is the last page's, in
//!   [`SyncEvent::Finished`]. When it fails ([`SyncError`]), the cursor it
//!   reports is again the one it started from.
//!
//! ## Persisting the cursor
//!
//! **Store the changes and the new cursor in one database transaction.
//! Never store a cursor before its changes.** A crash between the two then
//! leaves either both or neither: if the cursor went first and the crash
//! came before the changes, those changes are gone for good, since the
//! next sync starts after them. Apply the changes idempotently (upsert
//! `added` and `modified` by `transaction_id`, delete `removed` by it), so
//! that a sync replayed from the same cursor is harmless.
//!
//! Collected, that is one step ([`SyncChanges`]):
//!
//! ```no_run
//! use plaid_core::Transport;
//! use plaid_core::modern::Client;
//! use plaid_core::modern::sync::SyncChanges;
//!
//! # struct Db;
//! # impl Db {
//! #     fn cursor(&self, item: &str) -> Option<String> { None }
//! #     fn store(&mut self, item: &str, changes: &SyncChanges) {}
//! # }
//! fn sync(client: &Client<impl Transport>, db: &mut Db, item: &str, token: &str)
//!     -> Result<(), plaid_core::Error>
//! {
//!     let cursor = db.cursor(item);
//!     let changes = client
//!         .transactions_sync_all(token, cursor.as_deref())
//!         .with(|r| r.count(500))
//!         .send()?;
//!     // One transaction: upsert added and modified, delete removed, and
//!     // set the cursor to `changes.cursor`.
//!     db.store(item, &changes);
//!     Ok(())
//! }
//! ```
//!
//! Streamed, open the transaction (or a staging table keyed by attempt)
//! before the first page and apply each [`SyncEvent`]:
//!
//! ```no_run
//! use plaid_core::Transport;
//! use plaid_core::modern::Client;
//! use plaid_core::modern::sync::{SyncEvent, SyncPage};
//!
//! # struct Tx;
//! # impl Tx {
//! #     fn apply(&mut self, page: &SyncPage) {}
//! #     fn set_cursor(&mut self, item: &str, cursor: &str) {}
//! #     fn commit(self) {}
//! # }
//! # fn begin() -> Tx { Tx }
//! fn sync(client: &Client<impl Transport>, item: &str, token: &str, cursor: Option<&str>)
//!     -> Result<(), plaid_core::Error>
//! {
//!     let mut pages = client.transactions_sync_pages(token, cursor);
//!     let mut tx = begin();
//!     while let Some(event) = pages.next_page().send()? {
//!         match event {
//!             // Stage the page; it is not final yet.
//!             SyncEvent::Page(page) => tx.apply(&page),
//!             // Every page staged so far is void: roll back, start over.
//!             SyncEvent::Restarted(_) => tx = begin(),
//!             // The last page, and the cursor that goes with all of them.
//!             SyncEvent::Finished(last) => {
//!                 tx.apply(&last.page);
//!                 tx.set_cursor(item, &last.cursor);
//!                 tx.commit();
//!                 return Ok(());
//!             }
//!             // Nothing to store; keep the old cursor, try again later.
//!             SyncEvent::NotReady(_) => return Ok(()),
//!         }
//!     }
//!     Ok(()) // an error returned above drops `tx`: rolled back
//! }
//! ```
//!
//! With `options.account_id` a cursor follows one account: keep one
//! cursor per `(Item, account_id)`, never one shared with the whole Item.
//! When a stored cursor is refused ([`SyncError::is_cursor_refused`]), do
//! not just drop it: removals since then would never arrive. Delete what
//! was stored with it and sync from the start.
//!
//! # The offset pager
//!
//! `/transactions/get` and `/investments/transactions/get` page by
//! `count` and `offset` over a list that may change between pages;
//! [`OffsetPager`] restarts when the total changes or the items do not add
//! up, drops repeated ids, and says in [`OffsetFinished::complete`] whether
//! the result is whole. Prefer `/transactions/sync` for new code: it has
//! no such gap.
//!
//! [`Client::transactions_sync_all`]: crate::modern::Client::transactions_sync_all
//! [`Client::transactions_sync_pages`]: crate::modern::Client::transactions_sync_pages
//! [`Client::transactions_get_all`]: crate::modern::Client::transactions_get_all
//! [`Client::transactions_get_pages`]: crate::modern::Client::transactions_get_pages
//! [`Client::investments_transactions_get_all`]: crate::modern::Client::investments_transactions_get_all
//! [`Client::investments_transactions_get_pages`]: crate::modern::Client::investments_transactions_get_pages

mod collect;
mod cursor;
mod driver;
mod offset;

pub use collect::{Collector, Paged, PagedCollector, SyncChanges, SyncCollector};
pub use cursor::{
    DEFAULT_SYNC_ATTEMPTS, SyncError, SyncEvent, SyncFinished, SyncLoop, SyncNotReady, SyncPage,
};
pub use driver::{
    Collected, Driver, NextPage, OffsetAll, OffsetPages, Paginate, Streamed, SyncAll, SyncPages,
};
pub use offset::{
    DEFAULT_OFFSET_ATTEMPTS, OffsetEvent, OffsetFinished, OffsetPage, OffsetPager, OffsetRequest,
    OffsetResponse,
};

use crate::error::Error;
use crate::modern::endpoints::{TransactionsSync, TransactionsSyncResponse};

/// A loop started over: every page of attempt `discarded_attempt` is void,
/// and attempt `attempt` starts from the first cursor or offset.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Restart {
    /// The attempt that starts now, from 2.
    pub attempt: u32,
    /// The attempt whose pages are void.
    pub discarded_attempt: u32,
    /// How many pages of it were handed out.
    pub pages_discarded: u32,
    /// Why.
    pub reason: RestartReason,
}

/// Why a loop started over.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RestartReason {
    /// The sync answered `TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION`.
    SyncMutation {
        /// The request id of that answer.
        request_id: Option<String>,
    },
    /// A page reported another total than the attempt's first page.
    TotalChanged {
        /// The total of the attempt's first page.
        was: u64,
        /// The total of this page.
        now: u64,
    },
    /// The attempt reached its end with another number of distinct items
    /// than the total.
    Incomplete {
        /// The distinct items handed out.
        returned: u64,
        /// The items expected (the total, less the starting offset).
        total: u64,
    },
}

/// The error of a machine asked to go on after its end.
fn ended() -> Error {
    Error::invalid_input("this loop has already ended; start a new one")
}
