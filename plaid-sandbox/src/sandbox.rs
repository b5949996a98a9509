//! The [`Sandbox`] handle: starts a server for one API family and stops it.
//!
//! A sandbox serves exactly one family (see [`crate::family`]); each public constructor picks
//! one and hands it to [`Sandbox::serve`], so a new family only needs a constructor here.
//! `start`/`bind`/`bind_with` serve the legacy API (they predate the modern one);
//! `start_modern`/`bind_modern` serve the modern API, and `start_modern_with`/
//! `bind_modern_with` take its [`ModernOptions`].

use std::io;
use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::sync::Arc;
use std::thread::JoinHandle;

use crate::family::Family;
use crate::legacy::Legacy;
use crate::modern::{Modern, Settings};
use crate::options::ModernOptions;
use crate::server::{self, RecordedRequest, ServerState};

/// A running sandbox server. Dropping it (or calling [`Sandbox::shutdown`]) stops it: the
/// accept thread is joined and every open connection, stalled ones included, is closed.
#[derive(Debug)]
pub struct Sandbox {
    addr: SocketAddr,
    state: Arc<ServerState>,
    accept: Option<JoinHandle<()>>,
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
        Sandbox::serve(addr, record, Arc::new(Legacy::new()))
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
        let modern = Modern::with_settings(settings);
        Sandbox::serve(addr, options.recording(), Arc::new(modern))
    }

    /// Starts a server for `family` on `addr`; returns once it is listening.
    fn serve(addr: SocketAddr, record: bool, family: Arc<dyn Family>) -> io::Result<Sandbox> {
        let listener = TcpListener::bind(addr)?;
        let addr = listener.local_addr()?;
        let state = Arc::new(ServerState::new(record));
        let accept = server::spawn(listener, Arc::clone(&state), family)?;
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
        self.state.faults.reset();
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
