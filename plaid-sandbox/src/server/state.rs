//! What the accept thread and the connection threads of one sandbox share: the request log,
//! the `times=` counters of the fault injection, the stop flag and the registry of open
//! sockets (so that a shutdown can close them and no thread stays blocked on a read).
//!
//! Nothing here knows about an API family; a family keeps its own state (e.g. its body cache).

use std::collections::HashMap;
use std::net::{Shutdown, TcpStream};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use crate::faults::Counters;
use crate::lock::lock;
use crate::server::RecordedRequest;

/// Shared server state, one per running sandbox.
#[derive(Debug, Default)]
pub(crate) struct ServerState {
    recording: AtomicBool,
    requests: Mutex<Vec<RecordedRequest>>,
    /// The `times=` counters of the fault injection.
    pub(crate) faults: Counters,
    stopping: AtomicBool,
    connections: Mutex<HashMap<u64, TcpStream>>,
    next_connection: AtomicU64,
}

impl ServerState {
    /// New state; `record` says whether requests are logged.
    pub(crate) fn new(record: bool) -> ServerState {
        let s = ServerState::default();
        s.recording.store(record, Ordering::Relaxed);
        s
    }

    /// Turns the request log on or off.
    pub(crate) fn set_recording(&self, on: bool) {
        self.recording.store(on, Ordering::Relaxed);
    }

    /// Logs a request (when recording is on).
    pub(crate) fn record(&self, req: &RecordedRequest) {
        if self.recording.load(Ordering::Relaxed) {
            lock(&self.requests).push(req.clone());
        }
    }

    /// A copy of the request log.
    pub(crate) fn recorded(&self) -> Vec<RecordedRequest> {
        lock(&self.requests).clone()
    }

    /// Empties the request log.
    pub(crate) fn clear_recorded(&self) {
        lock(&self.requests).clear();
    }

    /// Whether the server is stopping.
    pub(crate) fn stopping(&self) -> bool {
        self.stopping.load(Ordering::SeqCst)
    }

    /// Marks the server as stopping and shuts every open connection down, which wakes every
    /// thread blocked on a read (including stalled ones).
    pub(crate) fn stop(&self) {
        self.stopping.store(true, Ordering::SeqCst);
        for stream in lock(&self.connections).values() {
            let _ = stream.shutdown(Shutdown::Both);
        }
    }

    /// Registers an open connection; returns its id (for [`ServerState::unregister`]).
    pub(crate) fn register(&self, stream: &TcpStream) -> Option<u64> {
        let clone = stream.try_clone().ok()?;
        let id = self.next_connection.fetch_add(1, Ordering::Relaxed);
        lock(&self.connections).insert(id, clone);
        if self.stopping() {
            let _ = stream.shutdown(Shutdown::Both);
        }
        Some(id)
    }

    /// Forgets a closed connection.
    pub(crate) fn unregister(&self, id: Option<u64>) {
        if let Some(id) = id {
            lock(&self.connections).remove(&id);
        }
    }
}
