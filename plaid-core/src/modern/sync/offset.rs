//! [`OffsetPager`]: `count`/`offset` pagination (`/transactions/get`,
//! `/investments/transactions/get`) as a state machine without I/O.
//!
//! Offset paging reads a list that can change between two pages: a new
//! transaction at the head shifts every later one down a place (the next
//! page repeats one), a removed one shifts them up (the next page skips
//! one). The pager cannot prevent that, so it detects it:
//! - it pins the total the first page of an attempt reports; a page with
//!   another total restarts the attempt from the first offset
//!   ([`OffsetEvent::Restarted`]);
//! - it drops an item whose id it already handed out in this attempt;
//! - at the end (an empty page, or the offset reaching the total) it
//!   compares the number of distinct items with the total, and restarts
//!   when they differ;
//! - after [`max_attempts`](OffsetPager::max_attempts) attempts it stops
//!   restarting: the last attempt runs to its end and
//!   [`OffsetFinished::complete`] says whether its items add up.
//!
//! It always ends: each attempt moves forward by the size of every page,
//! and an empty page, or one after which the offset (a `u32`) cannot move,
//! ends it.

use std::collections::HashSet;

use super::{Restart, RestartReason, ended};
use crate::error::Error;
use crate::modern::Operation;
use crate::modern::endpoints::{
    InvestmentsTransactionsGet, InvestmentsTransactionsGetResponse, MAX_PAGE_SIZE, TransactionsGet,
    TransactionsGetResponse,
};

/// How many attempts an offset pager makes at most by default.
pub const DEFAULT_OFFSET_ATTEMPTS: u32 = 3;

/// A request the [`OffsetPager`] can page: one with a `count` and an
/// `offset`, whose response says the total.
pub trait OffsetRequest: Operation<Response: OffsetResponse> + Clone {
    /// The offset the request starts at, if set.
    fn page_offset(&self) -> Option<u32>;

    /// The page size, if set.
    fn page_size(&self) -> Option<u32>;

    /// The same request for the page of `count` items at `offset`.
    fn at(self, offset: u32, count: u32) -> Self;
}

/// The response of an [`OffsetRequest`]: a page of items with ids, and the
/// total over all pages.
pub trait OffsetResponse {
    /// The total number of items over all pages.
    fn total(&self) -> u64;

    /// How many items this page holds.
    fn page_len(&self) -> usize;

    /// Drops the items whose id is in `seen`, and adds the others' ids.
    fn keep_unseen(&mut self, seen: &mut HashSet<String>);

    /// Appends a later page of the same attempt: its items after these, and
    /// its other fields (accounts, Item, total) in place of these; lists of
    /// referenced objects (securities) are merged without duplicates.
    fn absorb(&mut self, later: Self);
}

/// The `count`/`offset` loop, without I/O: it says which page to ask for
/// next ([`next_request`](Self::next_request)) and reads each answer
/// ([`advance`](Self::advance)) into an [`OffsetEvent`].
///
/// Pages are as large as the API allows (500) unless the request sets a
/// `count`; the request's `offset`, if set, is where every attempt starts.
#[derive(Debug, Clone)]
pub struct OffsetPager<R> {
    template: R,
    start: u32,
    count: u32,
    /// The offset of the next page of this attempt.
    offset: u32,
    attempt: u32,
    max_attempts: u32,
    /// Pages handed out in this attempt.
    pages: u32,
    /// The total the first page of this attempt reported.
    total: Option<u64>,
    /// The ids handed out in this attempt.
    seen: HashSet<String>,
    /// The last attempt saw the total change and went on anyway.
    unsettled: bool,
    ended: bool,
}

impl<R: OffsetRequest> OffsetPager<R> {
    /// A pager over every page of `request`.
    pub fn new(request: R) -> Self {
        let start = request.page_offset().unwrap_or(0);
        let count = request.page_size().unwrap_or(MAX_PAGE_SIZE);
        OffsetPager {
            template: request,
            start,
            count,
            offset: start,
            attempt: 1,
            max_attempts: DEFAULT_OFFSET_ATTEMPTS,
            pages: 0,
            total: None,
            seen: HashSet::new(),
            unsettled: false,
            ended: false,
        }
    }

    /// Changes every page's request, e.g. `pager.with(|r|
    /// r.account_ids([…]))`. Meant for before the first page.
    pub fn with(self, build: impl FnOnce(R) -> R) -> Self {
        OffsetPager {
            max_attempts: self.max_attempts,
            ..OffsetPager::new(build(self.template))
        }
    }

    /// Makes at most `attempts` attempts (at least one).
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The current attempt, from 1.
    pub fn attempt(&self) -> u32 {
        self.attempt
    }

    /// Whether the pager has ended (finished or failed).
    pub fn is_ended(&self) -> bool {
        self.ended
    }

    /// The request of the next page, or `None` once the pager has ended.
    pub fn next_request(&self) -> Option<R> {
        if self.ended {
            return None;
        }
        Some(self.template.clone().at(self.offset, self.count))
    }

    /// Reads the answer to the request [`next_request`](Self::next_request)
    /// gave. An error ends the pager and is returned as it is (transport
    /// failures were already retried by the client's retry policy).
    pub fn advance(
        &mut self,
        answer: Result<R::Response, Error>,
    ) -> Result<OffsetEvent<R::Response>, Error> {
        if self.ended {
            return Err(ended());
        }
        let mut response = match answer {
            Ok(response) => response,
            Err(error) => {
                self.ended = true;
                return Err(error);
            }
        };
        let total = response.total();
        if let Some(pinned) = self.total.filter(|pinned| *pinned != total) {
            if self.attempt < self.max_attempts {
                let reason = RestartReason::TotalChanged {
                    was: pinned,
                    now: total,
                };
                return Ok(OffsetEvent::Restarted(self.restart(reason)));
            }
            self.unsettled = true;
        }
        self.total = Some(total);
        let len = response.page_len();
        response.keep_unseen(&mut self.seen);
        let page = OffsetPage {
            attempt: self.attempt,
            index: self.pages,
            offset: self.offset,
            response,
        };
        let before = self.offset;
        self.offset = self
            .offset
            .saturating_add(u32::try_from(len).unwrap_or(u32::MAX));
        // A page that could not move the offset (it saturated at `u32::MAX`, under a total
        // past it) ends the attempt like an empty page: asking again would repeat it forever.
        if len > 0 && self.offset > before && u64::from(self.offset) < total {
            self.pages += 1;
            return Ok(OffsetEvent::Page(page));
        }
        let returned = self.seen.len() as u64;
        let expected = total.saturating_sub(u64::from(self.start));
        let complete = !self.unsettled && returned == expected;
        if !complete && self.attempt < self.max_attempts {
            let reason = RestartReason::Incomplete {
                returned,
                total: expected,
            };
            return Ok(OffsetEvent::Restarted(self.restart(reason)));
        }
        self.ended = true;
        Ok(OffsetEvent::Finished(OffsetFinished {
            page,
            complete,
            total,
            returned,
        }))
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
        self.offset = self.start;
        self.total = None;
        self.seen.clear();
        restart
    }
}

/// What one answer of an offset pager means.
///
/// As with a sync loop, pages of an attempt are final only once
/// [`Finished`](Self::Finished) comes: a [`Restarted`](Self::Restarted)
/// voids every page of its `discarded_attempt`. Not `#[non_exhaustive]`,
/// for the reason [`SyncEvent`](super::SyncEvent) gives.
#[derive(Debug, Clone)]
pub enum OffsetEvent<R> {
    /// A page, with more to come.
    Page(OffsetPage<R>),
    /// The list changed under the pager, which starts again from the first
    /// offset: discard every page of attempt `discarded_attempt`.
    Restarted(Restart),
    /// The last page. The pager has ended.
    Finished(OffsetFinished<R>),
}

/// One page of an offset pager: the response, without the items an
/// earlier page of the attempt already handed out.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct OffsetPage<R> {
    /// The attempt it belongs to, from 1.
    pub attempt: u32,
    /// Its position in its attempt, from 0.
    pub index: u32,
    /// The offset it was asked at.
    pub offset: u32,
    /// The response.
    pub response: R,
}

/// The end of an offset pager.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct OffsetFinished<R> {
    /// The last page.
    pub page: OffsetPage<R>,
    /// Whether the attempt's distinct items add up to the total it kept
    /// reporting. `false` only when the attempts ran out: the list kept
    /// changing, and an item may have been skipped. Read again later, or use
    /// `/transactions/sync`, which has no such gap.
    pub complete: bool,
    /// The total the last page reported.
    pub total: u64,
    /// How many distinct items the attempt handed out.
    pub returned: u64,
}

/// The two paged requests keep `offset` and `count` in the same place
/// (`options`) and set them with the same builder methods.
macro_rules! offset_in_options {
    ($($request:ty),*) => {$(
        impl OffsetRequest for $request {
            fn page_offset(&self) -> Option<u32> {
                self.options.as_ref().and_then(|o| o.offset)
            }

            fn page_size(&self) -> Option<u32> {
                self.options.as_ref().and_then(|o| o.count)
            }

            fn at(self, offset: u32, count: u32) -> Self {
                self.offset(offset).count(count)
            }
        }
    )*};
}

offset_in_options!(TransactionsGet, InvestmentsTransactionsGet);

impl OffsetResponse for TransactionsGetResponse {
    fn total(&self) -> u64 {
        self.total_transactions
    }

    fn page_len(&self) -> usize {
        self.transactions.len()
    }

    fn keep_unseen(&mut self, seen: &mut HashSet<String>) {
        self.transactions
            .retain(|t| seen.insert(t.transaction_id.clone()));
    }

    fn absorb(&mut self, later: Self) {
        self.transactions.extend(later.transactions);
        self.accounts = later.accounts;
        self.total_transactions = later.total_transactions;
        self.item = later.item;
        self.request_id = later.request_id;
    }
}

impl OffsetResponse for InvestmentsTransactionsGetResponse {
    fn total(&self) -> u64 {
        self.total_investment_transactions
    }

    fn page_len(&self) -> usize {
        self.investment_transactions.len()
    }

    fn keep_unseen(&mut self, seen: &mut HashSet<String>) {
        self.investment_transactions
            .retain(|t| seen.insert(t.investment_transaction_id.clone()));
    }

    fn absorb(&mut self, later: Self) {
        self.investment_transactions
            .extend(later.investment_transactions);
        let known: HashSet<String> = self
            .securities
            .iter()
            .map(|s| s.security_id.clone())
            .collect();
        self.securities.extend(
            later
                .securities
                .into_iter()
                .filter(|s| !known.contains(&s.security_id)),
        );
        self.accounts = later.accounts;
        self.total_investment_transactions = later.total_investment_transactions;
        self.item = later.item;
        self.is_investments_fallback_item = later.is_investments_fallback_item;
        self.request_id = later.request_id;
    }
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};

    use super::*;

    /// A request with only what the pager needs, so that a hostile answer is one line.
    #[derive(Debug, Clone, Serialize)]
    struct Probe {
        offset: Option<u32>,
        count: Option<u32>,
    }

    #[derive(Debug, Deserialize)]
    struct ProbePage {
        ids: Vec<String>,
        total: u64,
    }

    impl Operation for Probe {
        const PATH: &'static str = "/probe";
        const IDEMPOTENT: bool = true;
        type Response = ProbePage;
    }

    impl OffsetRequest for Probe {
        fn page_offset(&self) -> Option<u32> {
            self.offset
        }
        fn page_size(&self) -> Option<u32> {
            self.count
        }
        fn at(self, offset: u32, count: u32) -> Self {
            Probe {
                offset: Some(offset),
                count: Some(count),
            }
        }
    }

    impl OffsetResponse for ProbePage {
        fn total(&self) -> u64 {
            self.total
        }
        fn page_len(&self) -> usize {
            self.ids.len()
        }
        fn keep_unseen(&mut self, seen: &mut HashSet<String>) {
            self.ids.retain(|id| seen.insert(id.clone()));
        }
        fn absorb(&mut self, later: Self) {
            self.ids.extend(later.ids);
            self.total = later.total;
        }
    }

    /// A server that claims a total past `u32::MAX` and always has one more page: once the
    /// offset saturates, the pager must end rather than ask for the same offset forever.
    #[test]
    fn an_offset_that_cannot_grow_ends_the_attempt() {
        let mut pager = OffsetPager::new(Probe {
            offset: Some(u32::MAX - 3),
            count: Some(2),
        })
        .max_attempts(2);
        let mut next = 0u64;
        let mut events = 0;
        while let Some(request) = pager.next_request() {
            events += 1;
            assert!(
                events <= 10,
                "the pager kept asking at offset {:?}",
                request.offset
            );
            let ids = (0..2)
                .map(|_| {
                    next += 1;
                    format!("t{next}")
                })
                .collect();
            let answer = ProbePage {
                ids,
                total: u64::MAX,
            };
            if let OffsetEvent::Finished(end) = pager.advance(Ok(answer)).unwrap() {
                assert!(!end.complete, "the items cannot add up to the total");
            }
        }
        assert!(pager.is_ended());
    }
}
