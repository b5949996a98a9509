//! [`SyncLoop`]: the `/transactions/sync` loop as a state machine, with no
//! I/O, so that its rules are written once and tested without a server.
//!
//! The rules (the module docs of [`sync`](super) say why):
//! - page with `next_cursor` while `has_more` is true, sending the same
//!   `count` and `options` on every page;
//! - on `TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION`, restart from the
//!   loop's **first** cursor, and say so ([`SyncEvent::Restarted`]), since
//!   every page already handed out is now void; at most
//!   [`max_attempts`](SyncLoop::max_attempts) loops, then the error;
//! - an empty `next_cursor` means the Item's transactions are not ready:
//!   end with the **original** cursor ([`SyncEvent::NotReady`]);
//! - any other error ends the loop, again with the original cursor;
//! - the cursor after the last page is handed out only with the last page
//!   ([`SyncEvent::Finished`]); an intermediate cursor never leaves the
//!   machine.

use std::collections::HashSet;
use std::fmt;

use super::{Restart, RestartReason, ended};
use crate::error::Error;
use crate::modern::endpoints::{TransactionsSync, TransactionsSyncResponse};
use crate::modern::models::{Account, RemovedTransaction, Transaction, TransactionsUpdateStatus};
use crate::secret::AccessToken;

/// How many loops a sync runs at most by default: the first, and two
/// restarts after a mutation.
pub const DEFAULT_SYNC_ATTEMPTS: u32 = 3;

/// The `/transactions/sync` loop, without I/O: it says which request to send
/// next ([`next_request`](Self::next_request)) and reads each answer
/// ([`advance`](Self::advance)) into a [`SyncEvent`].
///
/// ```
/// use plaid_core::modern::sync::{SyncEvent, SyncLoop};
///
/// let mut sync = SyncLoop::new("access-sandbox-1", Some("stored-cursor"));
/// let request = sync.next_request().expect("a request to send");
/// assert_eq!(request.cursor.as_deref(), Some("stored-cursor"));
/// // Send it, then: `match sync.advance(answer)? { SyncEvent::Page(page) => …, … }`
/// ```
#[derive(Debug, Clone)]
pub struct SyncLoop {
    /// Every page's request, with the loop's first cursor.
    template: TransactionsSync,
    /// Where this attempt has got to; `None` before its first page.
    reached: Option<String>,
    /// Every cursor this attempt has continued from: a page that hands one
    /// back (or the first cursor) with `has_more` would start a cycle.
    visited: HashSet<String>,
    attempt: u32,
    max_attempts: u32,
    /// Pages handed out in this attempt.
    pages: u32,
    ended: bool,
}

impl SyncLoop {
    /// A loop over the changes to the transactions of the Item of
    /// `access_token` since `cursor` (the one stored after the previous
    /// sync), or over its whole history when `cursor` is `None` or empty.
    pub fn new(access_token: impl Into<AccessToken>, cursor: Option<&str>) -> Self {
        let request = TransactionsSync::new(access_token);
        SyncLoop::from_request(match cursor {
            Some(cursor) => request.cursor(cursor),
            None => request,
        })
    }

    /// A loop whose every page is `request` (its `count` and `options`),
    /// starting from `request.cursor`.
    pub fn from_request(request: TransactionsSync) -> Self {
        SyncLoop {
            template: normalized(request),
            reached: None,
            visited: HashSet::new(),
            attempt: 1,
            max_attempts: DEFAULT_SYNC_ATTEMPTS,
            pages: 0,
            ended: false,
        }
    }

    /// Changes every page's request (`count`, `options`, or the first
    /// cursor), e.g. `sync.with(|r| r.count(500))`. Meant for before the
    /// first page: a cursor changed later applies from the next restart.
    pub fn with(mut self, build: impl FnOnce(TransactionsSync) -> TransactionsSync) -> Self {
        self.template = normalized(build(self.template));
        self
    }

    /// Runs at most `attempts` loops (at least one): after the
    /// `attempts`-th mutation error the loop ends with that error.
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The cursor the loop started from (and restarts from): the one to
    /// keep when the loop ends without finishing.
    pub fn first_cursor(&self) -> Option<&str> {
        self.template.cursor.as_deref()
    }

    /// The current attempt, from 1.
    pub fn attempt(&self) -> u32 {
        self.attempt
    }

    /// Whether the loop has ended (finished, not ready, or failed).
    pub fn is_ended(&self) -> bool {
        self.ended
    }

    /// The request to send next, or `None` once the loop has ended. Every
    /// page carries the same `count` and `options`.
    pub fn next_request(&self) -> Option<TransactionsSync> {
        if self.ended {
            return None;
        }
        let mut request = self.template.clone();
        if let Some(reached) = &self.reached {
            request.cursor = Some(reached.clone());
        }
        Some(request)
    }

    /// Reads the answer to the request [`next_request`](Self::next_request)
    /// gave: the next event, or the error that ends the loop.
    pub fn advance(
        &mut self,
        answer: Result<TransactionsSyncResponse, Error>,
    ) -> Result<SyncEvent, SyncError> {
        if self.ended {
            return Err(self.fail(ended()));
        }
        let page = match answer {
            Ok(page) => page,
            Err(error) if error.plaid().is_some_and(|e| e.is_sync_mutation()) => {
                if self.attempt >= self.max_attempts {
                    return Err(self.fail(error));
                }
                let reason = RestartReason::SyncMutation {
                    request_id: error.request_id().map(str::to_owned),
                };
                return Ok(SyncEvent::Restarted(self.restart(reason)));
            }
            Err(error) => return Err(self.fail(error)),
        };
        if page.next_cursor.is_empty() {
            // Not ready: there is no cursor to continue from or to store,
            // and whatever this attempt handed out cannot be kept either.
            self.ended = true;
            return Ok(SyncEvent::NotReady(SyncNotReady {
                cursor: self.template.cursor.clone(),
                attempt: self.attempt,
                pages_discarded: self.pages,
                transactions_update_status: page.transactions_update_status,
                request_id: page.request_id,
            }));
        }
        let TransactionsSyncResponse {
            transactions_update_status,
            accounts,
            added,
            modified,
            removed,
            next_cursor,
            has_more,
            request_id,
        } = page;
        let out = SyncPage {
            attempt: self.attempt,
            index: self.pages,
            added,
            modified,
            removed,
            accounts,
            transactions_update_status,
            request_id,
        };
        if has_more && self.has_sent(&next_cursor) {
            // A page that says "more" but points back at itself, or at a
            // cursor this attempt already left, would make the loop ask
            // for the same pages forever.
            return Err(self.fail(Error::inconsistent_answer(
                "the server answered has_more with a cursor the loop had already sent",
                Some(out.request_id.clone()).filter(|id| !id.is_empty()),
            )));
        }
        if has_more && self.pages == u32::MAX {
            // No real history has four billion pages: a server that keeps finding fresh
            // cursors must not overflow the count (a panic in debug builds) or run forever.
            return Err(self.fail(Error::inconsistent_answer(
                "the server answered has_more on more pages than a sync loop can count",
                Some(out.request_id.clone()).filter(|id| !id.is_empty()),
            )));
        }
        self.pages = self.pages.saturating_add(1);
        if has_more {
            self.visited.insert(next_cursor.clone());
            self.reached = Some(next_cursor);
            return Ok(SyncEvent::Page(out));
        }
        self.ended = true;
        Ok(SyncEvent::Finished(SyncFinished {
            page: out,
            cursor: next_cursor,
        }))
    }

    /// Whether this attempt has already sent `cursor`.
    fn has_sent(&self, cursor: &str) -> bool {
        self.template.cursor.as_deref() == Some(cursor) || self.visited.contains(cursor)
    }

    fn restart(&mut self, reason: RestartReason) -> Restart {
        let restart = Restart {
            attempt: self.attempt + 1,
            discarded_attempt: self.attempt,
            pages_discarded: self.pages,
            reason,
        };
        self.attempt += 1;
        self.pages = 0;
        self.reached = None;
        self.visited.clear();
        restart
    }

    /// Ends the loop with `error`, keeping the first cursor.
    pub(super) fn fail(&mut self, error: Error) -> SyncError {
        self.ended = true;
        SyncError {
            error,
            cursor: self.template.cursor.clone(),
            attempts: self.attempt,
            pages_discarded: self.pages,
        }
    }
}

/// An empty cursor means "from the start", like none; keeping it as `None`
/// means the loop can never hand an empty cursor back to be stored.
fn normalized(mut request: TransactionsSync) -> TransactionsSync {
    if request.cursor.as_deref() == Some("") {
        request.cursor = None;
    }
    request
}

/// What one answer of a sync loop means.
///
/// Stage every [`Page`](Self::Page); on [`Finished`](Self::Finished) store
/// the staged changes, the last page's and its cursor in one transaction.
/// On [`Restarted`](Self::Restarted), [`NotReady`](Self::NotReady) or an
/// error, throw away every page of the attempt: only `Finished` makes them
/// valid.
///
/// Deliberately not `#[non_exhaustive]`: a consumer must handle every
/// event, and a new kind of event should break its build rather than fall
/// into a catch-all arm that keeps void pages.
#[derive(Debug, Clone)]
pub enum SyncEvent {
    /// A page of changes, with more to come. Stage it; do not commit it.
    Page(SyncPage),
    /// The data changed during the loop, which starts again from its first
    /// cursor: discard every page of attempt `discarded_attempt`.
    Restarted(Restart),
    /// The last page and the cursor to store with the changes of every
    /// page of this attempt. The loop has ended.
    Finished(SyncFinished),
    /// The Item's transactions are not ready yet: nothing to store (discard
    /// this attempt's pages, if any); keep the cursor you had. The loop has
    /// ended; sync again after the `SYNC_UPDATES_AVAILABLE` webhook or in a
    /// few seconds.
    NotReady(SyncNotReady),
}

/// One page of changes (`added`, `modified`, `removed`) of a sync loop.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct SyncPage {
    /// The attempt it belongs to, from 1: a [`Restart`] voids every page of
    /// its `discarded_attempt`.
    pub attempt: u32,
    /// Its position in its attempt, from 0.
    pub index: u32,
    /// Transactions new since the cursor.
    pub added: Vec<Transaction>,
    /// Transactions changed since the cursor: replace your copy.
    pub modified: Vec<Transaction>,
    /// Transactions removed since the cursor: delete your copy.
    pub removed: Vec<RemovedTransaction>,
    /// The accounts of the page's transactions.
    pub accounts: Vec<Account>,
    /// How far Plaid's pulls of the Item have got.
    pub transactions_update_status: TransactionsUpdateStatus,
    /// The request id of the page.
    pub request_id: String,
}

/// The end of a complete sync loop: its last page and the cursor to store.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct SyncFinished {
    /// The last page (`has_more` was false).
    pub page: SyncPage,
    /// The cursor to store, in the same transaction as the changes of every
    /// page of this attempt. Never empty.
    pub cursor: String,
}

/// A sync loop that ended because the Item's transactions are not ready
/// (an empty `next_cursor`).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct SyncNotReady {
    /// The cursor the loop started from: keep it (`None` when it started
    /// from the beginning). Never an empty string.
    pub cursor: Option<String>,
    /// The attempt that ended.
    pub attempt: u32,
    /// How many pages of that attempt were handed out, to discard.
    pub pages_discarded: u32,
    /// The status the last answer gave (normally `NOT_READY`).
    pub transactions_update_status: TransactionsUpdateStatus,
    /// The request id of the last answer.
    pub request_id: String,
}

/// A sync loop that failed: the error, and the cursor to keep.
///
/// Every page the failed attempt handed out is void. `From<SyncError> for
/// Error` lets `?` turn it into the plain error.
#[derive(Debug)]
pub struct SyncError {
    error: Error,
    cursor: Option<String>,
    attempts: u32,
    pages_discarded: u32,
}

impl SyncError {
    /// The error that ended the loop: the last mutation error once the
    /// attempts are spent, or any other error at once.
    pub fn error(&self) -> &Error {
        &self.error
    }

    /// The plain error.
    pub fn into_error(self) -> Error {
        self.error
    }

    /// The cursor the loop started from: keep it (`None` when it started
    /// from the beginning).
    pub fn cursor(&self) -> Option<&str> {
        self.cursor.as_deref()
    }

    /// How many attempts were made.
    pub fn attempts(&self) -> u32 {
        self.attempts
    }

    /// How many pages of the failed attempt were handed out, to discard.
    pub fn pages_discarded(&self) -> u32 {
        self.pages_discarded
    }

    /// Whether the API refused the stored cursor (`INVALID_FIELD` on a loop
    /// that started from one): a cursor of another Item or account, or a
    /// garbled one. Do not just drop the cursor: delete what you stored for
    /// the Item (or account) with it and sync its whole history again, or
    /// removals since that cursor are lost.
    pub fn is_cursor_refused(&self) -> bool {
        self.cursor.is_some()
            && self
                .error
                .plaid_code()
                .is_some_and(|code| *code == crate::modern::ErrorCode::INVALID_FIELD)
    }
}

impl fmt::Display for SyncError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "transactions sync failed (attempt {}): {}",
            self.attempts, self.error
        )
    }
}

impl std::error::Error for SyncError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.error)
    }
}

impl From<SyncError> for Error {
    fn from(error: SyncError) -> Self {
        error.error
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(next_cursor: &str, has_more: bool) -> TransactionsSyncResponse {
        serde_json::from_value(serde_json::json!({
            "transactions_update_status": "HISTORICAL_UPDATE_COMPLETE",
            "accounts": [], "added": [], "modified": [], "removed": [],
            "next_cursor": next_cursor,
            "has_more": has_more,
            "request_id": "req-last",
        }))
        .unwrap()
    }

    /// The page count is the loop's last bound against a server that hands out a fresh
    /// cursor with `has_more` on every page: at its end the loop fails with the request
    /// id, instead of overflowing.
    #[test]
    fn a_loop_at_the_last_countable_page_fails_instead_of_overflowing() {
        let mut sync = SyncLoop::new("access-sandbox-1", Some("stored"));
        sync.pages = u32::MAX;
        let error = sync.advance(Ok(page("fresh", true))).unwrap_err();
        assert_eq!(error.cursor(), Some("stored"));
        assert_eq!(error.pages_discarded(), u32::MAX);
        assert_eq!(error.error().request_id(), Some("req-last"));
        assert!(sync.is_ended());

        // The last page of such a loop still finishes it.
        let mut sync = SyncLoop::new("access-sandbox-1", Some("stored"));
        sync.pages = u32::MAX;
        match sync.advance(Ok(page("end", false))).unwrap() {
            SyncEvent::Finished(last) => assert_eq!(last.cursor, "end"),
            other => panic!("{other:?}"),
        }
    }
}
