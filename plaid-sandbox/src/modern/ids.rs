//! Identifiers and the deterministic randomness of the modern family.
//!
//! Two kinds, kept apart on purpose:
//! - [`IdGen`] makes the ids of new objects (tokens, Items): unique across sandboxes and runs,
//!   like Plaid's, so a token from one sandbox never works in another by accident;
//! - [`Stream`] is a deterministic generator seeded from a string (an Item id): everything
//!   derived from an Item (accounts, balances, numbers, owners) is the same on every call.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::mix::splitmix;

/// The characters of Plaid-style ids (item and account ids are 37 of them).
const BASE62: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// Length of item and account ids, as in Plaid's.
pub(crate) const ID_LEN: usize = 37;

/// A source of fresh ids, unique within the process and unlikely to repeat across processes.
#[derive(Debug, Default)]
pub(crate) struct IdGen {
    counter: AtomicU64,
}

impl IdGen {
    /// 64 fresh bits.
    fn next(&self) -> u64 {
        static SEED: OnceLock<u64> = OnceLock::new();
        let seed = *SEED.get_or_init(|| {
            use std::hash::{BuildHasher, Hasher};
            let mut h = std::collections::hash_map::RandomState::new().build_hasher();
            h.write_u128(
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_nanos()),
            );
            h.finish()
        });
        let n = self.counter.fetch_add(1, Ordering::Relaxed);
        splitmix(seed ^ splitmix(n ^ (self as *const IdGen as u64)))
    }

    /// A version-4 UUID in its usual text form (the tail of Plaid's tokens).
    pub(crate) fn uuid(&self) -> String {
        let (a, b) = (self.next(), self.next());
        let hex = format!("{a:016x}{b:016x}");
        // Version 4, variant 10xx.
        let variant = ["8", "9", "a", "b"][(b >> 62) as usize & 3];
        format!(
            "{}-{}-4{}-{variant}{}-{}",
            &hex[0..8],
            &hex[8..12],
            &hex[13..16],
            &hex[17..20],
            &hex[20..32]
        )
    }

    /// A fresh 37-character id.
    pub(crate) fn id(&self) -> String {
        Stream::new(self.next()).base62(ID_LEN)
    }

    /// 64 fresh bits for a key (the cursor tags of [`crate::modern::cursor`]).
    pub(crate) fn key(&self) -> u64 {
        self.next()
    }
}

/// The FNV-1a hash of `text`: the seed of everything derived from a string.
pub(crate) fn hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A deterministic stream of pseudo-random numbers (splitmix64).
#[derive(Debug, Clone)]
pub(crate) struct Stream(u64);

impl Stream {
    /// A stream from a numeric seed.
    pub(crate) fn new(seed: u64) -> Stream {
        Stream(seed)
    }

    /// A stream seeded from `text` (FNV-1a), e.g. an Item id plus a purpose.
    pub(crate) fn from_text(text: &str) -> Stream {
        Stream(hash(text))
    }

    /// The stream numbered `n` of a family seeded by `seed`: streams of one family with
    /// different numbers are unrelated (transaction `n` of an Item's history, say).
    pub(crate) fn nth(seed: u64, n: u64) -> Stream {
        Stream(splitmix(seed ^ splitmix(n)))
    }

    /// The next 64 bits.
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(1);
        splitmix(self.0)
    }

    /// A number in `low..=high`.
    pub(crate) fn range(&mut self, low: u64, high: u64) -> u64 {
        low + self.next_u64() % (high - low + 1)
    }

    /// True with probability `percent` / 100.
    pub(crate) fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    /// One of `items` (`items` must not be empty; an empty slice gives its default).
    pub(crate) fn pick<T: Copy + Default>(&mut self, items: &[T]) -> T {
        if items.is_empty() {
            return T::default();
        }
        items[(self.next_u64() % items.len() as u64) as usize]
    }

    /// `n` decimal digits.
    pub(crate) fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + (self.next_u64() % 10) as u8))
            .collect()
    }

    /// `n` characters of [`BASE62`].
    pub(crate) fn base62(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(BASE62[(self.next_u64() % 62) as usize]))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_have_the_v4_shape_and_differ() {
        let ids = IdGen::default();
        let (a, b) = (ids.uuid(), ids.uuid());
        assert_ne!(a, b);
        let parts: Vec<&str> = a.split('-').collect();
        assert_eq!(
            parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
            [8, 4, 4, 4, 12]
        );
        assert!(parts[2].starts_with('4'));
        assert!("89ab".contains(&parts[3][..1]));
        assert!(a.bytes().all(|c| c == b'-' || c.is_ascii_hexdigit()));
    }

    #[test]
    fn ids_are_37_base62_characters() {
        let id = IdGen::default().id();
        assert_eq!(id.len(), ID_LEN);
        assert!(id.bytes().all(|c| c.is_ascii_alphanumeric()));
    }

    #[test]
    fn streams_from_the_same_text_agree() {
        let mut a = Stream::from_text("item-1/accounts");
        let mut b = Stream::from_text("item-1/accounts");
        let mut c = Stream::from_text("item-2/accounts");
        let (x, y, z) = (a.digits(12), b.digits(12), c.digits(12));
        assert_eq!(x, y);
        assert_ne!(x, z);
        assert!((5..=9).contains(&a.range(5, 9)));
        assert_eq!(a.pick::<u8>(&[]), 0);
    }
}
