//! The [`Sandbox`] handle: starts a server for one API family and stops it.
//!
//! A sandbox serves exactly one family (see [`crate::family`]); each public constructor picks
//! one and hands it to [`Sandbox::serve`], so a new family only needs a constructor here.
//! `start`/`bind`/`bind_with` serve the legacy API (they predate the modern one);
//! `start_modern`/`bind_modern` serve the modern API, and `start_modern_with`/
//! `bind_modern_with` take its [`ModernOptions`].
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
use crate::server::{self, RecordedRequest, ServerState};

/// A running sandbox server. Dropping it (or calling [`Sandbox::shutdown`]) stops it: the
/// accept thread is joined, every open connection, stalled ones included, is closed, and the
/// webhook delivery thread of a modern sandbox is stopped.
#[derive(Debug)]
pub struct Sandbox {
    addr: SocketAddr,
    state: Arc<ServerState>,
    accept: Option<JoinHandle<()>>,
    outbox: Option<Arc<Outbox>>,
}

impl Sandbox {
    /// Starts a legacy sandbox on `127.0.0.1` with an ephemeral port; returns once it is
    /// listening.
    pub fn start() -> io::Result<Sandbox> {
        Sandbox::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
    }

    /// Starts a legacy sandbox on `addr`; returns once it is listening.
    pub fn bind(addr: SocketAddr) -> io::Result<Sandbox> {
        Sandbox::bind_with(addr, true)
    }

    /// Starts a legacy sandbox on `addr`, recording requests or not (the binary does not
    /// record, so long benchmark runs do not grow its memory).
    pub fn bind_with(addr: SocketAddr, record: bool) -> io::Result<Sandbox> {
        Sandbox::serve(addr, record, Arc::new(Legacy::new()), None)
    }

    /// Starts a modern sandbox (API version `2020-09-14`) on `127.0.0.1` with an ephemeral
    /// port, recording requests, with the default [`ModernOptions`]; returns once it is
    /// listening.
    pub fn start_modern() -> io::Result<Sandbox> {
        Sandbox::start_modern_with(ModernOptions::new())
    }

    /// Starts a modern sandbox on `addr`, recording requests or not; returns once it is
    /// listening. Each sandbox has its own Items: tokens of one are unknown to another.
    pub fn bind_modern(addr: SocketAddr, record: bool) -> io::Result<Sandbox> {
        Sandbox::bind_modern_with(addr, ModernOptions::new().with_recording(record))
    }

    /// Starts a modern sandbox with `options` on `127.0.0.1` with an ephemeral port; returns
    /// once it is listening.
    pub fn start_modern_with(options: ModernOptions) -> io::Result<Sandbox> {
        Sandbox::bind_modern_with(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)), options)
    }

    /// Starts a modern sandbox with `options` on `addr`; returns once it is listening.
    pub fn bind_modern_with(addr: SocketAddr, options: ModernOptions) -> io::Result<Sandbox> {
        let settings = Settings {
            transactions_delay: options.transactions_delay(),
        };
        let outbox = Outbox::start(webhooks::signer().map_err(io::Error::other)?)?;
        let modern = Modern::with_settings(settings, Arc::clone(&outbox));
        let served = Sandbox::serve(
            addr,
            options.recording(),
            Arc::new(modern),
            Some(Arc::clone(&outbox)),
        );
        if served.is_err() {
            outbox.stop();
        }
        served
    }

    /// Starts a server for `family` on `addr`; returns once it is listening.
    fn serve(
        addr: SocketAddr,
        record: bool,
        family: Arc<dyn Family>,
        outbox: Option<Arc<Outbox>>,
    ) -> io::Result<Sandbox> {
        let listener = TcpListener::bind(addr)?;
        let addr = listener.local_addr()?;
        let state = Arc::new(ServerState::new(record));
        let accept = server::spawn(listener, Arc::clone(&state), family)?;
        Ok(Sandbox {
            addr,
            state,
            accept: Some(accept),
            outbox,
        })
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The base URL, e.g. `http://127.0.0.1:41234` (no trailing slash).
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
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
