//! Locking that survives a panicked holder.
//!
//! Every mutex in the sandbox guards plain data (a request log, counters, cached bytes) that
//! stays consistent even if a connection thread panicked while holding it, so a poisoned lock
//! is recovered instead of taking the whole server down.

use std::sync::{Mutex, MutexGuard, PoisonError};

/// Locks a mutex, recovering the data if a thread panicked while holding it.
pub(crate) fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}
