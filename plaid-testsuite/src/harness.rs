//! The harness: everything that differs between backends, and between a
//! blocking and an async backend, behind the [`Backend`] trait, so that each
//! test is a plain generic function written once.
//!
//! A test never names a transport trait. It makes clients with
//! [`Backend::client`] (or [`Backend::sandbox_client`],
//! [`Backend::fault_client`]) and sends their calls with [`Backend::send`];
//! the harness decides whether that is `call.send()` or `call.await` on its
//! runtime. [`Blocking`] drives a [`Transport`], `Tokio` (the `async`
//! feature) an [`AsyncTransport`](plaid_core::AsyncTransport); both are
//! generic over the backend's constructor, so a backend supplies nothing but
//! that constructor.
//!
//! Each comes plain (`Blocking::new`, `Tokio::new`: sandboxes on `http://`)
//! or HTTPS (`Blocking::https`, `Tokio::https`: sandboxes on `https://`
//! whose certificates the harness's own CA signs, and clients that trust only
//! that CA; see [`crate::scheme`]). Tests start sandboxes with
//! [`Backend::start_sandbox`], never directly, so that one test body runs on
//! both.

use std::sync::Arc;

use plaid_core::legacy::{Client, Config};
use plaid_core::modern::sync::{SyncAll, SyncChanges, SyncError, SyncEvent, SyncPages};
use plaid_core::modern::webhook::{Verified, VerifyWebhook, WebhookError};
use plaid_core::transport::{HttpRequest, HttpResponse, TransportError};
#[cfg(feature = "async")]
use plaid_core::{AsyncTransport, DynAsyncTransport};
use plaid_core::{Call, Endpoint, Error, ResponseMode, Transport};
use plaid_sandbox::{Sandbox, ServerCertificate, TestCa};

use crate::scheme::{Https, MakeClient, Plain, ProxySetup};
use crate::setup::{WithHeader, sandbox_config, start};

/// One backend under test, as a test sees it: how to make its client and
/// how to send on it.
///
/// Tests take `&impl Backend` and call only these methods, so one test body
/// serves [`Blocking`] and `Tokio` (the `async` feature) backends alike.
pub trait Backend: Sized {
    /// The backend's own transport, as its constructor makes it.
    type Transport: Clone + DrivenBy<Self>;

    /// The backend's transport behind [`WithHeader`]: the transport of a
    /// [`Backend::fault_client`].
    ///
    /// It is `WithHeader<Self::Transport>` in both harnesses, but a test
    /// generic over the backend could not prove that this type is
    /// [`DrivenBy`] its backend; naming it here carries that bound.
    type Faulty: DrivenBy<Self>;

    /// The backend's transport behind the type-erased handle of its
    /// transport trait: `Arc<dyn Transport + Send + Sync>` for a blocking
    /// backend, `Arc<dyn DynAsyncTransport>` for an async one.
    type Erased: DrivenBy<Self>;

    /// The CA that signs this harness's sandboxes' certificates: `Some` for
    /// an HTTPS harness, `None` for a plain one.
    fn ca(&self) -> Option<&TestCa>;

    /// The backend's client for `config`, reaching the server as `proxy`
    /// says (a plain harness has no proxy).
    fn client_via(&self, config: Config, proxy: ProxySetup<'_>) -> Client<Self::Transport>;

    /// Runs `f` where the backend's clients may be made: inside the async
    /// harness's runtime (a backend may bind its client to it).
    fn enter<R>(&self, f: impl FnOnce() -> R) -> R;

    /// The backend's client for `config`, connecting directly.
    fn client(&self, config: Config) -> Client<Self::Transport> {
        self.client_via(config, ProxySetup::Direct)
    }

    /// Starts a legacy sandbox for this harness: plain http, or HTTPS with a
    /// certificate the harness's CA signed.
    fn start_sandbox(&self) -> Sandbox {
        self.start_sandbox_presenting(ServerCertificate::Valid)
    }

    /// Starts a legacy sandbox that presents `certificate` (an HTTPS
    /// harness; a plain one starts a plain sandbox).
    fn start_sandbox_presenting(&self, certificate: ServerCertificate) -> Sandbox {
        start(Sandbox::builder(), self.ca(), certificate)
    }

    /// Starts a modern sandbox for this harness, plain or HTTPS as above.
    fn start_modern_sandbox(&self) -> Sandbox {
        start(
            Sandbox::builder().modern(),
            self.ca(),
            ServerCertificate::Valid,
        )
    }

    /// A closure that implements the backend's transport trait by
    /// delegating to `transport` (what a user's hand-written transport is).
    fn closure_transport(&self, transport: Self::Transport) -> impl DrivenBy<Self>;

    /// `transport` behind the type-erased handle of its transport trait.
    fn erased_transport(&self, transport: Self::Transport) -> Self::Erased;

    /// `transport` behind a [`WithHeader`] that asks the sandbox for `fault`
    /// on every request (see [`WithHeader::fault`]).
    fn fault_transport(&self, transport: Self::Transport, fault: &str) -> Self::Faulty;

    /// Sends `call` the way this backend does (`.send()` or `.await`) and
    /// returns its result.
    fn send<'c, T, E, M>(&self, call: Call<'c, T, E, M>) -> Result<M::Output<E>, Error>
    where
        T: DrivenBy<Self>,
        E: Endpoint + Send + 'c,
        M: ResponseMode,
    {
        T::send_call(self, call)
    }

    /// Sends `request` on `transport` directly, bypassing the client (for
    /// what the typed client cannot send).
    fn send_request<T: DrivenBy<Self>>(
        &self,
        transport: &T,
        request: HttpRequest,
    ) -> Result<HttpResponse, TransportError> {
        transport.send_request(self, request)
    }

    /// Runs a whole `/transactions/sync` loop the way this backend does
    /// (`.send()` or `.await`), collecting every change.
    fn sync_all<T: DrivenBy<Self>>(&self, sync: SyncAll<'_, T>) -> Result<SyncChanges, SyncError> {
        T::sync_all(self, sync)
    }

    /// The next event of a streamed `/transactions/sync` loop.
    fn sync_next<T: DrivenBy<Self>>(
        &self,
        pages: &mut SyncPages<'_, T>,
    ) -> Result<Option<SyncEvent>, SyncError> {
        T::sync_next(self, pages)
    }

    /// Verifies a webhook the way this backend does, fetching its key
    /// through it.
    fn verify_webhook<T: DrivenBy<Self>>(
        &self,
        verify: VerifyWebhook<'_, T>,
    ) -> Result<Verified, WebhookError> {
        T::verify_webhook(self, verify)
    }

    /// A fresh sandbox and this backend's client for it. Keep the sandbox
    /// alive as long as the client: dropping it stops the server.
    fn sandbox_client(&self) -> (Sandbox, Client<Self::Transport>) {
        let sandbox = self.start_sandbox();
        let client = self.client(sandbox_config(&sandbox.url()));
        (sandbox, client)
    }

    /// A client for `sandbox` whose every request carries
    /// `X-Sandbox-Fault: fault` (such as `latency=500` or
    /// `status=503;retry-after=2`).
    fn fault_client(&self, sandbox: &Sandbox, fault: &str) -> Client<Self::Faulty> {
        let config = sandbox_config(&sandbox.url());
        let direct = self.client(config.clone());
        let transport = self.fault_transport(direct.transport().clone(), fault);
        Client::new(config, transport)
    }
}

/// A transport that harness `B` can drive: every [`Transport`] for
/// [`Blocking`], every [`AsyncTransport`](plaid_core::AsyncTransport)
/// for `Tokio` (the `async` feature).
///
/// It exists because a test is generic over its backend and so cannot name
/// the transport trait a call needs; the harness's [`Backend::send`] asks
/// for this instead. Tests do not call it directly.
pub trait DrivenBy<B>: Sized {
    /// Sends `call` on a client whose transport is `Self`.
    fn send_call<'c, E, M>(backend: &B, call: Call<'c, Self, E, M>) -> Result<M::Output<E>, Error>
    where
        E: Endpoint + Send + 'c,
        M: ResponseMode;

    /// Sends `request` on this transport.
    fn send_request(
        &self,
        backend: &B,
        request: HttpRequest,
    ) -> Result<HttpResponse, TransportError>;

    /// Runs a whole `/transactions/sync` loop, collecting every change.
    fn sync_all(backend: &B, sync: SyncAll<'_, Self>) -> Result<SyncChanges, SyncError>;

    /// The next event of a streamed `/transactions/sync` loop.
    fn sync_next(
        backend: &B,
        pages: &mut SyncPages<'_, Self>,
    ) -> Result<Option<SyncEvent>, SyncError>;

    /// Verifies a webhook, fetching its key through this transport.
    fn verify_webhook(
        backend: &B,
        verify: VerifyWebhook<'_, Self>,
    ) -> Result<Verified, WebhookError>;
}

/// The harness of a blocking backend: calls are sent with `.send()` on the
/// test's thread.
pub struct Blocking<M> {
    maker: M,
}

impl<F> Blocking<Plain<F>> {
    /// A plain harness whose clients `make_client` builds; it is callable as
    /// `fn(Config) -> Client<T>` with `T` a [`Transport`], for example
    /// `plaid_ureq::client`.
    pub fn new(make_client: F) -> Self {
        Blocking {
            maker: Plain(make_client),
        }
    }
}

impl<F> Blocking<Https<F>> {
    /// An HTTPS harness whose clients `make_client` builds; it is callable as
    /// `fn(Config, &TlsSetup) -> Client<T>` with `T` a [`Transport`], and
    /// must trust the setup's CA only and use its proxy.
    ///
    /// # Panics
    ///
    /// If the harness's CA cannot be generated (this is test support code).
    pub fn https(make_client: F) -> Self {
        Blocking {
            maker: Https::new(make_client),
        }
    }
}

impl<M, T> Backend for Blocking<M>
where
    M: MakeClient<Transport = T>,
    T: Transport + Clone + Send + Sync + 'static,
{
    type Transport = T;
    type Faulty = WithHeader<T>;
    type Erased = Arc<dyn Transport + Send + Sync>;

    fn ca(&self) -> Option<&TestCa> {
        self.maker.ca()
    }

    fn client_via(&self, config: Config, proxy: ProxySetup<'_>) -> Client<T> {
        self.maker.make(config, proxy)
    }

    fn enter<R>(&self, f: impl FnOnce() -> R) -> R {
        f()
    }

    fn closure_transport(&self, transport: T) -> impl DrivenBy<Self> {
        move |request: HttpRequest| Transport::send(&transport, request)
    }

    fn erased_transport(&self, transport: T) -> Self::Erased {
        Arc::new(transport)
    }

    fn fault_transport(&self, transport: T, fault: &str) -> WithHeader<T> {
        WithHeader::fault(transport, fault)
    }
}

impl<F, T: Transport> DrivenBy<Blocking<F>> for T {
    fn sync_all(_backend: &Blocking<F>, sync: SyncAll<'_, T>) -> Result<SyncChanges, SyncError> {
        sync.send()
    }

    fn sync_next(
        _backend: &Blocking<F>,
        pages: &mut SyncPages<'_, T>,
    ) -> Result<Option<SyncEvent>, SyncError> {
        pages.next_page().send()
    }

    fn verify_webhook(
        _backend: &Blocking<F>,
        verify: VerifyWebhook<'_, T>,
    ) -> Result<Verified, WebhookError> {
        verify.send()
    }

    fn send_call<'c, E, M>(
        _backend: &Blocking<F>,
        call: Call<'c, T, E, M>,
    ) -> Result<M::Output<E>, Error>
    where
        E: Endpoint + Send + 'c,
        M: ResponseMode,
    {
        call.send()
    }

    fn send_request(
        &self,
        _backend: &Blocking<F>,
        request: HttpRequest,
    ) -> Result<HttpResponse, TransportError> {
        Transport::send(self, request)
    }
}

/// The harness of an async backend: calls are awaited on a tokio
/// current-thread runtime (I/O and time drivers on) that the harness owns.
///
/// One harness value serves one test, so each test gets its own runtime and
/// all of that test's calls share it, as a program's calls would. The
/// backend's clients are made inside the runtime's context, and only that
/// runtime ever drives them.
#[cfg(feature = "async")]
pub struct Tokio<M> {
    maker: M,
    runtime: tokio::runtime::Runtime,
}

#[cfg(feature = "async")]
impl<M> Tokio<M> {
    /// A harness around `maker`, with its own runtime.
    ///
    /// # Panics
    ///
    /// If the runtime cannot be built (this is test support code).
    fn with_maker(maker: M) -> Self {
        let runtime = match tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        {
            Ok(runtime) => runtime,
            Err(error) => panic!("cannot build a tokio runtime: {error}"),
        };
        Tokio { maker, runtime }
    }
}

#[cfg(feature = "async")]
impl<F> Tokio<Plain<F>> {
    /// A plain harness whose clients `make_client` builds; it is callable as
    /// `fn(Config) -> Client<T>` with `T` an [`AsyncTransport`], for
    /// example `plaid_reqwest::client`.
    ///
    /// # Panics
    ///
    /// If the runtime cannot be built (this is test support code).
    pub fn new(make_client: F) -> Self {
        Tokio::with_maker(Plain(make_client))
    }
}

#[cfg(feature = "async")]
impl<F> Tokio<Https<F>> {
    /// An HTTPS harness whose clients `make_client` builds; it is callable as
    /// `fn(Config, &TlsSetup) -> Client<T>` with `T` an [`AsyncTransport`],
    /// and must trust the setup's CA only and use its proxy.
    ///
    /// # Panics
    ///
    /// If the runtime or the harness's CA cannot be made (this is test
    /// support code).
    pub fn https(make_client: F) -> Self {
        Tokio::with_maker(Https::new(make_client))
    }
}

#[cfg(feature = "async")]
impl<M, T> Backend for Tokio<M>
where
    M: MakeClient<Transport = T>,
    T: AsyncTransport + Clone + 'static,
{
    type Transport = T;
    type Faulty = WithHeader<T>;
    type Erased = Arc<dyn DynAsyncTransport>;

    fn ca(&self) -> Option<&TestCa> {
        self.maker.ca()
    }

    fn client_via(&self, config: Config, proxy: ProxySetup<'_>) -> Client<T> {
        self.enter(|| self.maker.make(config, proxy))
    }

    fn enter<R>(&self, f: impl FnOnce() -> R) -> R {
        // A backend may bind its client to the runtime it is made in.
        let _context = self.runtime.enter();
        f()
    }

    fn closure_transport(&self, transport: T) -> impl DrivenBy<Self> {
        move |request: HttpRequest| {
            let transport = transport.clone();
            async move { AsyncTransport::send(&transport, request).await }
        }
    }

    fn erased_transport(&self, transport: T) -> Self::Erased {
        Arc::new(transport)
    }

    fn fault_transport(&self, transport: T, fault: &str) -> WithHeader<T> {
        WithHeader::fault(transport, fault)
    }
}

#[cfg(feature = "async")]
impl<F, T: AsyncTransport> DrivenBy<Tokio<F>> for T {
    fn sync_all(backend: &Tokio<F>, sync: SyncAll<'_, T>) -> Result<SyncChanges, SyncError> {
        backend.runtime.block_on(sync.into_future())
    }

    fn sync_next(
        backend: &Tokio<F>,
        pages: &mut SyncPages<'_, T>,
    ) -> Result<Option<SyncEvent>, SyncError> {
        backend.runtime.block_on(pages.next_page().into_future())
    }

    fn verify_webhook(
        backend: &Tokio<F>,
        verify: VerifyWebhook<'_, T>,
    ) -> Result<Verified, WebhookError> {
        backend.runtime.block_on(verify.into_future())
    }

    fn send_call<'c, E, M>(
        backend: &Tokio<F>,
        call: Call<'c, T, E, M>,
    ) -> Result<M::Output<E>, Error>
    where
        E: Endpoint + Send + 'c,
        M: ResponseMode,
    {
        backend.runtime.block_on(call.into_future())
    }

    fn send_request(
        &self,
        backend: &Tokio<F>,
        request: HttpRequest,
    ) -> Result<HttpResponse, TransportError> {
        backend
            .runtime
            .block_on(AsyncTransport::send(self, request))
    }
}
