//! # plaid-sandbox
//!
//! A local emulator of the Plaid **legacy** (tartan) sandbox: a real HTTP/1.1 server on
//! loopback that speaks the wire protocol of `legacy-api.md`, byte-compatible with the official
//! python client `plaid-python-legacy==1.5.1` (form bodies on every method, JSON-in-form
//! `credentials`/`options`, `X-Request-Id` and `{code, message, resolve}` on every error).
//!
//! ```no_run
//! let sandbox = plaid_sandbox::Sandbox::start()?;
//! println!("point your client at {}", sandbox.url());
//! // ... requests ...
//! sandbox.shutdown();
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! ## Sandbox data
//! - Client credentials `test_id` / `test_secret`.
//! - Users `plaid_test` (alias `user_good`) and `plaid_selections`; passwords `plaid_good`
//!   (alias `pass_good`), `plaid_locked` (402/1205), anything else 402/1200. USAA needs
//!   `pin=1234`.
//! - MFA answers: `tomato` (questions), `again` (another round), `1234` (device code),
//!   `["tomato","ketchup"]` (selections); send methods `email`/`phone`/`card` or their masks.
//! - Access tokens `test_<type>` (stateless, valid on every token route without an add);
//!   public tokens `test,<type>,connected`.
//! - Benchmark tokens `test_bulk_<N>` (1 ≤ N ≤ 200000): like `test_chase`, but `/connect/get`
//!   returns N generated, deterministic transactions (serialised once per N).
//!
//! ## Fault injection: the `X-Sandbox-Fault` request header
//! `;`-separated directives (unknown ones are ignored):
//! - `latency=<ms>`: wait, then answer normally (or apply the other directives).
//! - `stall`: never answer; the socket stays open until the client leaves or the server stops.
//! - `status=<code>`: that status with the error body of its code (429→1113, 500→1702,
//!   501→1700, 502→1701, 503→1800); `retry-after=<s>` adds `Retry-After`.
//! - `truncate`: Content-Length larger than the bytes sent, then close.
//! - `malformed`: 200 with a body that is not JSON.
//! - `reset`: reset the connection without answering (a TCP RST: `SO_LINGER` 0, then close).
//! - `redirect=<url>`: 302 with `Location`.
//! - `html=<code>`: an nginx-style HTML error page (`text/html`).
//! - `times=<n>;key=<id>`: apply only to the first `n` requests carrying that key (default key:
//!   the whole header), e.g. `status=503;times=2;key=t1` fails twice, then succeeds.
//!
//! See [`faults`] for details.

#![deny(missing_docs)]

pub mod data;
pub mod errors;
pub mod faults;
pub mod handlers;
pub mod http;
pub mod params;
pub mod router;
pub mod server;
pub mod state;

use std::io;
use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::sync::Arc;
use std::thread::JoinHandle;

pub use http::RecordedRequest;

use state::State;

/// A running sandbox server. Dropping it (or calling [`Sandbox::shutdown`]) stops it: the
/// accept thread is joined and every open connection, stalled ones included, is closed.
#[derive(Debug)]
pub struct Sandbox {
    addr: SocketAddr,
    state: Arc<State>,
    accept: Option<JoinHandle<()>>,
}

impl Sandbox {
    /// Starts a sandbox on `127.0.0.1` with an ephemeral port; returns once it is listening.
    pub fn start() -> io::Result<Sandbox> {
        Sandbox::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
    }

    /// Starts a sandbox on `addr`; returns once it is listening.
    pub fn bind(addr: SocketAddr) -> io::Result<Sandbox> {
        Sandbox::bind_with(addr, true)
    }

    /// Starts a sandbox on `addr`, recording requests or not (the binary does not record, so
    /// long benchmark runs do not grow its memory).
    pub fn bind_with(addr: SocketAddr, record: bool) -> io::Result<Sandbox> {
        let listener = TcpListener::bind(addr)?;
        let addr = listener.local_addr()?;
        let state = Arc::new(State::new(record));
        let accept = server::spawn(listener, Arc::clone(&state))?;
        Ok(Sandbox {
            addr,
            state,
            accept: Some(accept),
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
        self.state.reset_faults();
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
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        self.stop();
    }
}
