//! Server state shared by the accept thread and every connection thread.
//!
//! One `Arc<State>` per running sandbox: the request log, the fault counters, the cache of
//! pre-serialised bodies and the registry of open sockets (so that a shutdown can close them and
//! no thread stays blocked on a read).

use std::collections::HashMap;
use std::net::{Shutdown, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError};

use crate::http::RecordedRequest;

/// A cached body, filled once.
type CacheCell = Arc<OnceLock<Arc<Vec<u8>>>>;

/// Shared server state.
#[derive(Debug, Default)]
pub struct State {
    recording: AtomicBool,
    requests: Mutex<Vec<RecordedRequest>>,
    fault_counts: Mutex<HashMap<String, u64>>,
    body_cache: Mutex<HashMap<String, CacheCell>>,
    stopping: AtomicBool,
    connections: Mutex<HashMap<u64, TcpStream>>,
    next_connection: AtomicU64,
}

/// Locks a mutex, recovering the data if a thread panicked while holding it.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl State {
    /// New state; `record` says whether requests are logged.
    pub fn new(record: bool) -> State {
        let s = State::default();
        s.recording.store(record, Ordering::Relaxed);
        s
    }

    /// Turns the request log on or off.
    pub fn set_recording(&self, on: bool) {
        self.recording.store(on, Ordering::Relaxed);
    }

    /// Logs a request (when recording is on).
    pub fn record(&self, req: &RecordedRequest) {
        if self.recording.load(Ordering::Relaxed) {
            lock(&self.requests).push(req.clone());
        }
    }

    /// A copy of the request log.
    pub fn recorded(&self) -> Vec<RecordedRequest> {
        lock(&self.requests).clone()
    }

    /// Empties the request log.
    pub fn clear_recorded(&self) {
        lock(&self.requests).clear();
    }

    /// Counts one more request for a fault key and returns the new count (1 for the first).
    pub fn bump_fault(&self, key: &str) -> u64 {
        let mut counts = lock(&self.fault_counts);
        let n = counts.entry(key.to_owned()).or_insert(0);
        *n += 1;
        *n
    }

    /// Forgets every fault counter.
    pub fn reset_faults(&self) {
        lock(&self.fault_counts).clear();
    }

    /// A cached body, built once per key even when many threads ask at the same time.
    pub fn cached(&self, key: &str, build: impl FnOnce() -> Vec<u8>) -> Arc<Vec<u8>> {
        let cell = {
            let mut cache = lock(&self.body_cache);
            Arc::clone(cache.entry(key.to_owned()).or_default())
        };
        Arc::clone(cell.get_or_init(|| Arc::new(build())))
    }

    /// Whether the server is stopping.
    pub fn stopping(&self) -> bool {
        self.stopping.load(Ordering::SeqCst)
    }

    /// Marks the server as stopping and shuts every open connection down, which wakes every
    /// thread blocked on a read (including stalled ones).
    pub fn stop(&self) {
        self.stopping.store(true, Ordering::SeqCst);
        for stream in lock(&self.connections).values() {
            let _ = stream.shutdown(Shutdown::Both);
        }
    }

    /// Registers an open connection; returns its id (for [`State::unregister`]).
    pub fn register(&self, stream: &TcpStream) -> Option<u64> {
        let clone = stream.try_clone().ok()?;
        let id = self.next_connection.fetch_add(1, Ordering::Relaxed);
        lock(&self.connections).insert(id, clone);
        if self.stopping() {
            let _ = stream.shutdown(Shutdown::Both);
        }
        Some(id)
    }

    /// Forgets a closed connection.
    pub fn unregister(&self, id: Option<u64>) {
        if let Some(id) = id {
            lock(&self.connections).remove(&id);
        }
    }
}
