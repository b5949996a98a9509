//! The [`Sandbox`] handle: starts a server for one API family and stops it, and the
//! [`Builder`] that says how.
//!
//! A sandbox serves exactly one family (see [`crate::family`]), over plain HTTP or, with the
//! `tls` feature, HTTPS. The [`Builder`] holds every choice (family, address, recording,
//! HTTPS) so that a new one is one method rather than another constructor per combination;
//! `start`/`bind`/`bind_with` (legacy, they predate the modern family), `start_modern`/
//! `bind_modern`, `start_modern_with`/`bind_modern_with` (with [`ModernOptions`]) and
//! `start_tls`/`start_modern_tls` are shorthands for it.
//!
//! A modern sandbox also owns a webhook [`Outbox`] (see [`crate::delivery`]): it starts and
//! stops with the server, and [`Sandbox::webhook_attempts`] and the two waits read its log.

use std::io;
use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use crate::delivery::{Outbox, WebhookAttempt};
use crate::family::Family;
use crate::legacy::Legacy;
use crate::modern::{Modern, Settings, webhooks};
use crate::options::ModernOptions;
use crate::server::{self, RecordedRequest, Security, ServerState};
#[cfg(feature = "tls")]
use crate::tls::{ServerCertificate, TestCa};

/// A running sandbox server. Dropping it (or calling [`Sandbox::shutdown`]) stops it: the
/// accept thread is joined, every open connection, stalled ones included, is closed, and the
/// webhook delivery thread of a modern sandbox is stopped.
#[derive(Debug)]
pub struct Sandbox {
    addr: SocketAddr,
    scheme: &'static str,
    #[cfg(feature = "tls")]
    ca: Option<TestCa>,
    state: Arc<ServerState>,
    accept: Option<JoinHandle<()>>,
    outbox: Option<Arc<Outbox>>,
}

/// The API family a [`Builder`] starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Api {
    Legacy,
    Modern,
}

/// How to start a [`Sandbox`]; made by [`Sandbox::builder`]. The defaults: the legacy API, on
/// `127.0.0.1` with an ephemeral port, recording requests, plain HTTP.
///
/// ```no_run
/// # #[cfg(feature = "tls")]
/// # fn run() -> std::io::Result<()> {
/// use plaid_sandbox::{Sandbox, TestCa};
///
/// let ca = TestCa::generate()?;
/// let sandbox = Sandbox::builder().modern().tls(&ca).start()?;
/// assert!(sandbox.url().starts_with("https://127.0.0.1:"));
/// // A client that trusts `ca.certificate_pem()` (and nothing else) can call it.
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone)]
#[must_use = "a builder does nothing until `start` is called"]
pub struct Builder {
    api: Api,
    addr: SocketAddr,
    record: bool,
    transactions_delay: Duration,
    #[cfg(feature = "tls")]
    tls: Option<(TestCa, ServerCertificate)>,
}

impl Builder {
    /// Serve the legacy (tartan) API: the default.
    pub fn legacy(mut self) -> Self {
        self.api = Api::Legacy;
        self
    }

    /// Serve the modern API (version `2020-09-14`). Each sandbox has its own Items: tokens of
    /// one are unknown to another.
    pub fn modern(mut self) -> Self {
        self.api = Api::Modern;
        self
    }

    /// Listen on `addr` (default `127.0.0.1:0`, an ephemeral port).
    pub fn addr(mut self, addr: SocketAddr) -> Self {
        self.addr = addr;
        self
    }

    /// Record requests or not (default on; the binary does not record, so long benchmark runs
    /// do not grow its memory).
    pub fn record(mut self, on: bool) -> Self {
        self.record = on;
        self
    }

    /// Modern only: how long transactions stay `NOT_READY` after an Item is created (default
    /// zero; see [`ModernOptions::with_transactions_delay`]).
    pub fn transactions_delay(mut self, delay: Duration) -> Self {
        self.transactions_delay = delay;
        self
    }

    /// The modern family's [`ModernOptions`] (recording and the transactions delay), and the
    /// modern family itself.
    pub fn modern_options(self, options: &ModernOptions) -> Self {
        self.modern()
            .record(options.recording())
            .transactions_delay(options.transactions_delay())
    }

    /// Serve HTTPS with a certificate for `127.0.0.1`, `::1` and `localhost` signed by `ca`
    /// (the `tls` feature). A client must trust [`TestCa::certificate_pem`], which
    /// [`Sandbox::ca_certificate_pem`] also gives.
    #[cfg(feature = "tls")]
    #[cfg_attr(docsrs, doc(cfg(feature = "tls")))]
    pub fn tls(self, ca: &TestCa) -> Self {
        self.tls_presenting(ca, ServerCertificate::Valid)
    }

    /// Serve HTTPS presenting `certificate`, for testing how clients refuse a bad one (the
    /// `tls` feature). `ca` is the CA the client is meant to trust; see [`ServerCertificate`]
    /// for what each certificate is.
    #[cfg(feature = "tls")]
    #[cfg_attr(docsrs, doc(cfg(feature = "tls")))]
    pub fn tls_presenting(mut self, ca: &TestCa, certificate: ServerCertificate) -> Self {
        self.tls = Some((ca.clone(), certificate));
        self
    }

    /// Starts the sandbox; returns once it is listening. With HTTPS, its certificate is made
    /// here.
    pub fn start(self) -> io::Result<Sandbox> {
        let (family, outbox): (Arc<dyn Family>, _) = match self.api {
            Api::Legacy => (Arc::new(Legacy::new()), None),
            Api::Modern => {
                let outbox = Outbox::start(webhooks::signer().map_err(io::Error::other)?)?;
                let settings = Settings {
                    transactions_delay: self.transactions_delay,
                };
                let modern = Modern::with_settings(settings, Arc::clone(&outbox));
                (Arc::new(modern), Some(outbox))
            }
        };
        let started = self.serve(family, outbox.clone());
        if started.is_err() {
            if let Some(outbox) = outbox {
                outbox.stop();
            }
        }
        started
    }

    /// Listens and spawns the server for `family`.
    fn serve(self, family: Arc<dyn Family>, outbox: Option<Arc<Outbox>>) -> io::Result<Sandbox> {
        #[cfg(feature = "tls")]
        let (security, ca) = match self.tls {
            Some((ca, certificate)) => (
                Security::Tls(crate::tls::server_config(&ca, certificate)?),
                Some(ca),
            ),
            None => (Security::Plain, None),
        };
        #[cfg(not(feature = "tls"))]
        let security = Security::Plain;

        let listener = TcpListener::bind(self.addr)?;
        let addr = listener.local_addr()?;
        let scheme = security.scheme();
        let state = Arc::new(ServerState::new(self.record));
        let accept = server::spawn(listener, Arc::clone(&state), family, security)?;
        Ok(Sandbox {
            addr,
            scheme,
            #[cfg(feature = "tls")]
            ca,
            state,
            accept: Some(accept),
            outbox,
        })
    }
}

impl Sandbox {
    /// A [`Builder`] with the defaults: legacy API, `127.0.0.1:0`, recording, plain HTTP.
    pub fn builder() -> Builder {
        Builder {
            api: Api::Legacy,
            addr: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
            record: true,
            transactions_delay: Duration::ZERO,
            #[cfg(feature = "tls")]
            tls: None,
        }
    }

    /// Starts a legacy sandbox on `127.0.0.1` with an ephemeral port; returns once it is
    /// listening.
    pub fn start() -> io::Result<Sandbox> {
        Sandbox::builder().start()
    }

    /// Starts a legacy sandbox on `addr`; returns once it is listening.
    pub fn bind(addr: SocketAddr) -> io::Result<Sandbox> {
        Sandbox::builder().addr(addr).start()
    }

    /// Starts a legacy sandbox on `addr`, recording requests or not (the binary does not
    /// record, so long benchmark runs do not grow its memory).
    pub fn bind_with(addr: SocketAddr, record: bool) -> io::Result<Sandbox> {
        Sandbox::builder().addr(addr).record(record).start()
    }

    /// Starts a modern sandbox (API version `2020-09-14`) on `127.0.0.1` with an ephemeral
    /// port, recording requests; returns once it is listening.
    pub fn start_modern() -> io::Result<Sandbox> {
        Sandbox::builder().modern().start()
    }

    /// Starts a modern sandbox on `addr`, recording requests or not; returns once it is
    /// listening. Each sandbox has its own Items: tokens of one are unknown to another.
    pub fn bind_modern(addr: SocketAddr, record: bool) -> io::Result<Sandbox> {
        Sandbox::builder()
            .modern()
            .addr(addr)
            .record(record)
            .start()
    }

    /// Starts a modern sandbox with `options` on `127.0.0.1` with an ephemeral port; returns
    /// once it is listening.
    pub fn start_modern_with(options: ModernOptions) -> io::Result<Sandbox> {
        Sandbox::builder().modern_options(&options).start()
    }

    /// Starts a modern sandbox with `options` on `addr`; returns once it is listening.
    pub fn bind_modern_with(addr: SocketAddr, options: ModernOptions) -> io::Result<Sandbox> {
        Sandbox::builder()
            .modern_options(&options)
            .addr(addr)
            .start()
    }

    /// Starts a legacy sandbox over HTTPS on `127.0.0.1` with an ephemeral port and a CA of its
    /// own (the `tls` feature); [`Sandbox::ca_certificate_pem`] is what a client must trust.
    #[cfg(feature = "tls")]
    #[cfg_attr(docsrs, doc(cfg(feature = "tls")))]
    pub fn start_tls() -> io::Result<Sandbox> {
        Sandbox::builder().tls(&TestCa::generate()?).start()
    }

    /// Starts a modern sandbox over HTTPS on `127.0.0.1` with an ephemeral port and a CA of its
    /// own (the `tls` feature).
    #[cfg(feature = "tls")]
    #[cfg_attr(docsrs, doc(cfg(feature = "tls")))]
    pub fn start_modern_tls() -> io::Result<Sandbox> {
        Sandbox::builder()
            .modern()
            .tls(&TestCa::generate()?)
            .start()
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The base URL, e.g. `http://127.0.0.1:41234` or, over HTTPS, `https://127.0.0.1:41234`
    /// (no trailing slash).
    pub fn url(&self) -> String {
        format!("{}://{}", self.scheme, self.addr)
    }

    /// The certificate of the CA that signed this sandbox's certificate, PEM-encoded, for an
    /// HTTPS sandbox (the `tls` feature); `None` for plain HTTP.
    #[cfg(feature = "tls")]
    #[cfg_attr(docsrs, doc(cfg(feature = "tls")))]
    pub fn ca_certificate_pem(&self) -> Option<&str> {
        self.ca.as_ref().map(TestCa::certificate_pem)
    }

    /// Every request received so far, in order.
    pub fn recorded_requests(&self) -> Vec<RecordedRequest> {
        self.state.recorded()
    }

    /// Empties the request log.
    pub fn clear_recorded_requests(&self) {
        self.state.clear_recorded();
    }

    /// Turns request recording on or off.
    pub fn set_recording(&self, on: bool) {
        self.state.set_recording(on);
    }

    /// Resets the `times=` counters of the fault injection.
    pub fn reset_faults(&self) {
        self.state.faults.reset();
    }

    /// Every webhook delivery attempt of a modern sandbox so far, oldest first (see
    /// [`WebhookAttempt`]; the newest 10,000 are kept). Empty for a legacy sandbox.
    ///
    /// Webhooks go in the background to the Item's URL when it is `http://` on a loopback host
    /// (`127.0.0.0/8`, `[::1]`, `localhost`); any other URL is logged as
    /// [`AttemptOutcome::Dropped`](crate::AttemptOutcome::Dropped) and never contacted. A
    /// connection error, timeout or non-2xx answer is retried after 100 ms, 200 ms and
    /// 400 ms: [`MAX_ATTEMPTS`](crate::MAX_ATTEMPTS) attempts in all.
    pub fn webhook_attempts(&self) -> Vec<WebhookAttempt> {
        self.outbox
            .as_ref()
            .map(|o| o.attempts())
            .unwrap_or_default()
    }

    /// Waits until at least `count` delivery attempts are logged or `timeout` has passed, and
    /// returns the log as it then is (check its length). A webhook is queued before the call
    /// that fired it answers, so this can be called right after that call.
    pub fn wait_for_webhook_attempts(
        &self,
        count: usize,
        timeout: Duration,
    ) -> Vec<WebhookAttempt> {
        match &self.outbox {
            Some(outbox) => outbox.wait_for_attempts(count, timeout),
            None => Vec::new(),
        }
    }

    /// Waits until no webhook is queued or being delivered, retries included; `false` if
    /// `timeout` passed first. With it a test can tell "nothing more will be sent" from "not
    /// sent yet".
    pub fn wait_for_webhooks_idle(&self, timeout: Duration) -> bool {
        self.outbox.as_ref().is_none_or(|o| o.wait_idle(timeout))
    }

    /// Stops the server cleanly (same as dropping it).
    pub fn shutdown(mut self) {
        self.stop();
    }

    fn stop(&mut self) {
        if let Some(accept) = self.accept.take() {
            self.state.stop();
            server::wake(self.addr);
            let _ = accept.join();
        }
        if let Some(outbox) = self.outbox.take() {
            outbox.stop();
        }
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        self.stop();
    }
}
