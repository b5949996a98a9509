//! A cache of pre-serialised response bodies, built once per key.
//!
//! The large fixed answers (institution and category lists, product bodies, bulk transaction
//! sets) are the same on every call, so each family serialises them once per sandbox and
//! shares the bytes between connections. The cache belongs to the family instance, not to the
//! HTTP layer: it holds API bodies, and a sandbox serving another family has other keys.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use crate::lock::lock;

/// A cached body, filled once.
type Cell = Arc<OnceLock<Arc<Vec<u8>>>>;

/// Bodies by key, each built at most once.
#[derive(Debug, Default)]
pub(crate) struct BodyCache {
    bodies: Mutex<HashMap<String, Cell>>,
}

impl BodyCache {
    /// The body for `key`, built by `build` the first time even when many threads ask at
    /// once (the map lock is held only to find the cell, not while building).
    pub(crate) fn cached(&self, key: &str, build: impl FnOnce() -> Vec<u8>) -> Arc<Vec<u8>> {
        let cell = {
            let mut bodies = lock(&self.bodies);
            Arc::clone(bodies.entry(key.to_owned()).or_default())
        };
        Arc::clone(cell.get_or_init(|| Arc::new(build())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_each_key_once() {
        let cache = BodyCache::default();
        let a = cache.cached("k", || b"first".to_vec());
        let b = cache.cached("k", || b"second".to_vec());
        assert!(Arc::ptr_eq(&a, &b));
        assert_eq!(cache.cached("other", || b"x".to_vec()).as_slice(), b"x");
    }
}
