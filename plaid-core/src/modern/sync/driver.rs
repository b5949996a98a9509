//! The drivers: a sans-IO machine ([`SyncLoop`], [`OffsetPager`]) sent
//! through a client, blocking or async, page by page ([`Streamed`]) or to
//! the end ([`Collected`]).
//!
//! A driver only moves requests and answers between the machine and the
//! client's [`Call`]s: every rule lives in the machine, and retries of a
//! failed request (transport errors, 5xx, 429) are the client's
//! [`RetryPolicy`], applied to each page. One driver type serves both
//! machines and both modes, so the loop is written once.

use std::future::IntoFuture;
use std::marker::PhantomData;
use std::time::Duration;

use super::collect::{Collector, PagedCollector, SyncCollector};
use super::cursor::{SyncError, SyncEvent, SyncLoop};
use super::ended;
use super::offset::{OffsetEvent, OffsetPager, OffsetRequest};
use crate::client::{Call, Typed};
use crate::error::Error;
use crate::modern::endpoints::{InvestmentsTransactionsGet, TransactionsGet};
use crate::modern::{Client, Operation};
use crate::retry::RetryPolicy;
use crate::secret::AccessToken;
use crate::transport::{AsyncTransport, BoxFuture, Transport};
use crate::types::Date;

mod sealed {
    pub trait Sealed {}
}

impl sealed::Sealed for SyncLoop {}
impl<R: OffsetRequest> sealed::Sealed for OffsetPager<R> {}

/// A pagination machine a [`Driver`] can run: [`SyncLoop`] or
/// [`OffsetPager`].
pub trait Paginate: sealed::Sealed {
    /// The request of each page.
    type Request: Operation;
    /// What each answer means.
    type Event;
    /// What ends the loop without a result.
    type Error;
    /// What gathers the events when every page is collected.
    type Collector: Collector<Self::Event>;

    /// The request to send next; `None` once the loop has ended.
    fn next_request(&self) -> Option<Self::Request>;

    /// Reads the answer to the last request.
    fn advance(
        &mut self,
        answer: Result<<Self::Request as Operation>::Response, Error>,
    ) -> Result<Self::Event, Self::Error>;

    /// The error of a collect that starts on a machine that has already
    /// ended.
    fn ended_error(&mut self) -> Self::Error;

    /// Changes every page's request.
    fn with_request(self, build: impl FnOnce(Self::Request) -> Self::Request) -> Self;

    /// Bounds the number of attempts.
    fn with_max_attempts(self, attempts: u32) -> Self;
}

impl Paginate for SyncLoop {
    type Request = super::TransactionsSync;
    type Event = SyncEvent;
    type Error = SyncError;
    type Collector = SyncCollector;

    fn next_request(&self) -> Option<Self::Request> {
        SyncLoop::next_request(self)
    }

    fn advance(
        &mut self,
        answer: Result<super::TransactionsSyncResponse, Error>,
    ) -> Result<SyncEvent, SyncError> {
        SyncLoop::advance(self, answer)
    }

    fn ended_error(&mut self) -> SyncError {
        self.fail(ended())
    }

    fn with_request(self, build: impl FnOnce(Self::Request) -> Self::Request) -> Self {
        self.with(build)
    }

    fn with_max_attempts(self, attempts: u32) -> Self {
        self.max_attempts(attempts)
    }
}

impl<R: OffsetRequest> Paginate for OffsetPager<R> {
    type Request = R;
    type Event = OffsetEvent<R::Response>;
    type Error = Error;
    type Collector = PagedCollector<R::Response>;

    fn next_request(&self) -> Option<R> {
        OffsetPager::next_request(self)
    }

    fn advance(&mut self, answer: Result<R::Response, Error>) -> Result<Self::Event, Error> {
        OffsetPager::advance(self, answer)
    }

    fn ended_error(&mut self) -> Error {
        ended()
    }

    fn with_request(self, build: impl FnOnce(R) -> R) -> Self {
        self.with(build)
    }

    fn with_max_attempts(self, attempts: u32) -> Self {
        self.max_attempts(attempts)
    }
}

/// The mode of a driver that hands out one event per page:
/// `driver.next_page().send()` (blocking), `driver.next_page().await`
/// (async), or `for event in driver` (blocking).
#[derive(Debug, Clone, Copy)]
pub enum Streamed {}

/// The mode of a driver that reads every page and returns the result:
/// `driver.send()` (blocking) or `driver.await` (async).
#[derive(Debug, Clone, Copy)]
pub enum Collected {}

/// A pagination machine `P` run through a modern client over transport
/// `T`, in mode `K` ([`Streamed`] or [`Collected`]). Made by the client's
/// `…_all` and `…_pages` methods; set it up with [`with`](Self::with),
/// [`max_attempts`](Self::max_attempts), [`retry`](Self::retry) and
/// [`timeout`](Self::timeout) before the first page.
#[must_use = "a driver does nothing until its pages are sent or awaited"]
pub struct Driver<'c, T, P, K> {
    client: &'c Client<T>,
    machine: P,
    retry: Option<RetryPolicy>,
    timeout: Option<Duration>,
    mode: PhantomData<K>,
}

/// Every change since a cursor: [`Client::transactions_sync_all`].
pub type SyncAll<'c, T> = Driver<'c, T, SyncLoop, Collected>;
/// The changes since a cursor, page by page:
/// [`Client::transactions_sync_pages`].
pub type SyncPages<'c, T> = Driver<'c, T, SyncLoop, Streamed>;
/// Every page of an offset-paged request, merged:
/// [`Client::transactions_get_all`].
pub type OffsetAll<'c, T, R> = Driver<'c, T, OffsetPager<R>, Collected>;
/// An offset-paged request, page by page:
/// [`Client::transactions_get_pages`].
pub type OffsetPages<'c, T, R> = Driver<'c, T, OffsetPager<R>, Streamed>;

impl<'c, T, P: Paginate, K> Driver<'c, T, P, K> {
    /// Runs `machine` through `client`.
    pub fn new(client: &'c Client<T>, machine: P) -> Self {
        Driver {
            client,
            machine,
            retry: None,
            timeout: None,
            mode: PhantomData,
        }
    }

    /// Changes every page's request through its builder methods, e.g.
    /// `.with(|r| r.count(500).account_id("…"))`.
    pub fn with(mut self, build: impl FnOnce(P::Request) -> P::Request) -> Self {
        self.machine = self.machine.with_request(build);
        self
    }

    /// Bounds the number of attempts (restarts + 1; at least 1).
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.machine = self.machine.with_max_attempts(attempts);
        self
    }

    /// The retry policy of each page's request, instead of the client's.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// The timeout of each page's request, instead of the client's.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// The machine, to read its state (attempt, whether it ended).
    pub fn machine(&self) -> &P {
        &self.machine
    }

    fn call(&self, request: P::Request) -> Call<'c, T, P::Request, Typed> {
        let mut call = self.client.call(request);
        if let Some(policy) = self.retry {
            call = call.retry(policy);
        }
        if let Some(timeout) = self.timeout {
            call = call.timeout(timeout);
        }
        call
    }
}

impl<'c, T, P: Paginate> Driver<'c, T, P, Streamed> {
    /// The next page: `.send()` it (blocking transport) or `.await` it
    /// (async transport). `Ok(None)` once the loop has ended.
    pub fn next_page(&mut self) -> NextPage<'_, 'c, T, P> {
        NextPage { driver: self }
    }
}

/// One step of a [`Streamed`] driver: sends the next page's request and
/// reads its answer.
#[must_use = "a page is not read until it is sent or awaited"]
pub struct NextPage<'a, 'c, T, P> {
    driver: &'a mut Driver<'c, T, P, Streamed>,
}

impl<T: Transport, P: Paginate> NextPage<'_, '_, T, P> {
    /// Sends the next page's request on the blocking transport.
    pub fn send(self) -> Result<Option<P::Event>, P::Error> {
        let Some(request) = self.driver.machine.next_request() else {
            return Ok(None);
        };
        let answer = self.driver.call(request).send();
        self.driver.machine.advance(answer).map(Some)
    }
}

impl<'a, 'c: 'a, T, P> IntoFuture for NextPage<'a, 'c, T, P>
where
    T: AsyncTransport + 'c,
    P: Paginate + Send + 'a,
    P::Request: Send + 'c,
{
    type Output = Result<Option<P::Event>, P::Error>;
    type IntoFuture = BoxFuture<'a, Self::Output>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(async move {
            let Some(request) = self.driver.machine.next_request() else {
                return Ok(None);
            };
            let answer = self.driver.call(request).await;
            self.driver.machine.advance(answer).map(Some)
        })
    }
}

impl<T: Transport, P: Paginate> Iterator for Driver<'_, T, P, Streamed> {
    type Item = Result<P::Event, P::Error>;

    /// The next event; `None` once the loop has ended (after its end event
    /// or its error).
    fn next(&mut self) -> Option<Self::Item> {
        self.next_page().send().transpose()
    }
}

type Output<P> = <<P as Paginate>::Collector as Collector<<P as Paginate>::Event>>::Output;

impl<T: Transport, P: Paginate> Driver<'_, T, P, Collected> {
    /// Reads every page on the blocking transport and returns the result.
    pub fn send(mut self) -> Result<Output<P>, P::Error> {
        let mut collector = P::Collector::default();
        loop {
            let Some(request) = self.machine.next_request() else {
                return Err(self.machine.ended_error());
            };
            let answer = self.call(request).send();
            if let Some(output) = collector.absorb(self.machine.advance(answer)?) {
                return Ok(output);
            }
        }
    }
}

impl<'c, T, P> IntoFuture for Driver<'c, T, P, Collected>
where
    T: AsyncTransport + 'c,
    P: Paginate + Send + 'c,
    P::Request: Send + 'c,
    P::Collector: Send,
    P::Event: Send,
{
    type Output = Result<Output<P>, P::Error>;
    type IntoFuture = BoxFuture<'c, Self::Output>;

    fn into_future(mut self) -> Self::IntoFuture {
        Box::pin(async move {
            let mut collector = P::Collector::default();
            loop {
                let Some(request) = self.machine.next_request() else {
                    return Err(self.machine.ended_error());
                };
                let answer = self.call(request).await;
                if let Some(output) = collector.absorb(self.machine.advance(answer)?) {
                    return Ok(output);
                }
            }
        })
    }
}

impl<T> Client<T> {
    /// Every change to an Item's transactions since `cursor` (the one
    /// stored after the previous sync; `None` for the whole history), and
    /// the cursor to store with them: runs the `/transactions/sync` loop
    /// to its end, restarting it from `cursor` when the data changes during
    /// it. `.send()` it or `.await` it; set the page size and options with
    /// `.with(|r| r.count(500))`.
    ///
    /// For a long history in bounded memory, use
    /// [`transactions_sync_pages`](Self::transactions_sync_pages).
    pub fn transactions_sync_all(
        &self,
        access_token: impl Into<AccessToken>,
        cursor: Option<&str>,
    ) -> SyncAll<'_, T> {
        Driver::new(self, SyncLoop::new(access_token, cursor))
    }

    /// The `/transactions/sync` loop since `cursor`, one [`SyncEvent`] per
    /// page: `while let Some(event) = pages.next_page().send()? { … }`
    /// (or `.await?`). Only one page is held at a time.
    pub fn transactions_sync_pages(
        &self,
        access_token: impl Into<AccessToken>,
        cursor: Option<&str>,
    ) -> SyncPages<'_, T> {
        Driver::new(self, SyncLoop::new(access_token, cursor))
    }

    /// Every transaction of an Item between two dates, through every
    /// `/transactions/get` page (500 a page unless set with
    /// `.with(|r| r.count(…))`), merged into one response.
    pub fn transactions_get_all(
        &self,
        access_token: impl Into<AccessToken>,
        start_date: Date,
        end_date: Date,
    ) -> OffsetAll<'_, T, TransactionsGet> {
        Driver::new(
            self,
            OffsetPager::new(TransactionsGet::new(access_token, start_date, end_date)),
        )
    }

    /// The `/transactions/get` pages of an Item between two dates, one
    /// [`OffsetEvent`] per page.
    pub fn transactions_get_pages(
        &self,
        access_token: impl Into<AccessToken>,
        start_date: Date,
        end_date: Date,
    ) -> OffsetPages<'_, T, TransactionsGet> {
        Driver::new(
            self,
            OffsetPager::new(TransactionsGet::new(access_token, start_date, end_date)),
        )
    }

    /// Every investment transaction of an Item between two dates, through
    /// every `/investments/transactions/get` page, merged (securities
    /// without duplicates).
    pub fn investments_transactions_get_all(
        &self,
        access_token: impl Into<AccessToken>,
        start_date: Date,
        end_date: Date,
    ) -> OffsetAll<'_, T, InvestmentsTransactionsGet> {
        Driver::new(
            self,
            OffsetPager::new(InvestmentsTransactionsGet::new(
                access_token,
                start_date,
                end_date,
            )),
        )
    }

    /// The `/investments/transactions/get` pages of an Item between two
    /// dates, one [`OffsetEvent`] per page.
    pub fn investments_transactions_get_pages(
        &self,
        access_token: impl Into<AccessToken>,
        start_date: Date,
        end_date: Date,
    ) -> OffsetPages<'_, T, InvestmentsTransactionsGet> {
        Driver::new(
            self,
            OffsetPager::new(InvestmentsTransactionsGet::new(
                access_token,
                start_date,
                end_date,
            )),
        )
    }
}
