//! The cursors of `/transactions/sync`: opaque base64 text that encodes a position in an
//! Item's change log and is tied to that Item.
//!
//! A cursor names a window of the change log (`from..to`, the changes a sync loop delivers)
//! and how far into it the loop has got (`offset`); the cursor of a finished loop has
//! `from == to` and offset 0, and the next loop starts there. It also records the
//! `options.account_id` it was made for, since the spec makes each account filter a stream of
//! its own.
//!
//! The bytes (version 1): `1`, `from`, `to` and `offset` as big-endian `u64`s, the account's
//! index (`0xff` for none), then an 8-byte tag: a keyed hash (std's SipHash `DefaultHasher`,
//! keyed by a per-sandbox random key written first) over the Item id and the bytes before it.
//! That makes a cursor of another Item, of another sandbox, or an edited one fail to decode:
//! it is **tamper-evident for an emulator, not security** (the key is not a real MAC key and
//! the hash not a MAC). 34 bytes are 48 base64 characters, within the spec's 256.

use std::hash::{DefaultHasher, Hasher};

use crate::base64::{self, Alphabet};

/// The first byte of every cursor this emulator issues.
const VERSION: u8 = 1;
/// The byte length of a cursor before base64.
const LEN: usize = 34;
/// The account byte of a cursor without an account filter.
const ALL_ACCOUNTS: u8 = 0xff;
/// The longest cursor text the spec allows.
pub(crate) const MAX_TEXT: usize = 256;

/// A position in an Item's change log.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cursor {
    /// Where the window starts: the changes the client already has.
    pub(crate) from: u64,
    /// Where the window ends: the end of the log when the loop started.
    pub(crate) to: u64,
    /// How many entries of the window's change list the loop has delivered (or skipped).
    pub(crate) offset: u64,
    /// The index of the account of `options.account_id`, if the loop is filtered.
    pub(crate) account: Option<u8>,
}

impl Cursor {
    /// The cursor after a finished loop that reached `end`.
    pub(crate) fn settled(end: u64, account: Option<u8>) -> Cursor {
        Cursor {
            from: end,
            to: end,
            offset: 0,
            account,
        }
    }

    /// Whether this cursor is in the middle of a loop (a page was delivered, more remain).
    pub(crate) fn in_loop(&self) -> bool {
        self.offset > 0
    }
}

/// Signs and checks the cursors of one sandbox.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Signer {
    key: u64,
}

impl Signer {
    /// A signer with this sandbox's key.
    pub(crate) fn new(key: u64) -> Signer {
        Signer { key }
    }

    fn tag(&self, item_id: &str, payload: &[u8]) -> u64 {
        let mut hasher = DefaultHasher::new();
        hasher.write_u64(self.key);
        hasher.write(item_id.as_bytes());
        hasher.write(payload);
        hasher.finish()
    }

    /// The text of `cursor` for the Item `item_id`.
    pub(crate) fn encode(&self, item_id: &str, cursor: &Cursor) -> String {
        let mut bytes = Vec::with_capacity(LEN);
        bytes.push(VERSION);
        for n in [cursor.from, cursor.to, cursor.offset] {
            bytes.extend_from_slice(&n.to_be_bytes());
        }
        bytes.push(cursor.account.unwrap_or(ALL_ACCOUNTS));
        let tag = self.tag(item_id, &bytes);
        bytes.extend_from_slice(&tag.to_be_bytes());
        base64::encode(&bytes, Alphabet::Standard)
    }

    /// The cursor of `text` if this sandbox issued it for the Item `item_id`.
    pub(crate) fn decode(&self, item_id: &str, text: &str) -> Option<Cursor> {
        let bytes = base64::decode(text, Alphabet::Standard)?;
        if bytes.len() != LEN || bytes[0] != VERSION {
            return None;
        }
        let (payload, tag) = bytes.split_at(LEN - 8);
        if u64::from_be_bytes(tag.try_into().ok()?) != self.tag(item_id, payload) {
            return None;
        }
        let number = |at: usize| -> Option<u64> {
            Some(u64::from_be_bytes(
                payload.get(at..at + 8)?.try_into().ok()?,
            ))
        };
        let account = payload[25];
        Some(Cursor {
            from: number(1)?,
            to: number(9)?,
            offset: number(17)?,
            account: (account != ALL_ACCOUNTS).then_some(account),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CURSOR: Cursor = Cursor {
        from: 12,
        to: 340,
        offset: 100,
        account: Some(2),
    };

    #[test]
    fn a_cursor_round_trips_for_its_item_only() {
        let signer = Signer::new(7);
        let text = signer.encode("item-a", &CURSOR);
        assert_eq!(text.len(), 48);
        assert!(text.len() <= MAX_TEXT);
        assert_eq!(signer.decode("item-a", &text), Some(CURSOR));
        assert_eq!(signer.decode("item-b", &text), None, "another Item");
        assert_eq!(
            Signer::new(8).decode("item-a", &text),
            None,
            "another sandbox"
        );
        let settled = Cursor::settled(9, None);
        assert!(!settled.in_loop() && CURSOR.in_loop());
        let again = signer.encode("item-a", &settled);
        assert_eq!(signer.decode("item-a", &again), Some(settled));
    }

    #[test]
    fn an_edited_cursor_is_refused() {
        let signer = Signer::new(7);
        let text = signer.encode("item-a", &CURSOR);
        let mut bytes = base64::decode(&text, Alphabet::Standard).unwrap();
        bytes[24] ^= 1;
        assert_eq!(
            signer.decode("item-a", &base64::encode(&bytes, Alphabet::Standard)),
            None
        );
        assert_eq!(signer.decode("item-a", "bm90IGEgY3Vyc29y"), None);
        assert_eq!(signer.decode("item-a", "not base64 at all"), None);
    }
}
