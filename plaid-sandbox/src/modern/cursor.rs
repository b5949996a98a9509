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
        base64::encode(&bytes)
    }

    /// The cursor of `text` if this sandbox issued it for the Item `item_id`.
    pub(crate) fn decode(&self, item_id: &str, text: &str) -> Option<Cursor> {
        let bytes = base64::decode(text)?;
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

mod base64 {
    //! Standard base64 (RFC 4648 §4, with padding): the crate needs it for cursors only.

    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /// `bytes` as base64 text.
    pub(super) fn encode(bytes: &[u8]) -> String {
        let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
        for chunk in bytes.chunks(3) {
            let b = [
                chunk[0],
                chunk.get(1).copied().unwrap_or(0),
                chunk.get(2).copied().unwrap_or(0),
            ];
            let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
            for i in 0..4 {
                if i <= chunk.len() {
                    out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
                } else {
                    out.push('=');
                }
            }
        }
        out
    }

    /// The bytes of base64 `text`; `None` for anything but canonical padded base64.
    pub(super) fn decode(text: &str) -> Option<Vec<u8>> {
        let text = text.as_bytes();
        if text.is_empty() || text.len() % 4 != 0 {
            return None;
        }
        let value = |c: u8| ALPHABET.iter().position(|a| *a == c).map(|v| v as u32);
        let mut out = Vec::with_capacity(text.len() / 4 * 3);
        let last = text.len() / 4 - 1;
        for (i, quad) in text.chunks(4).enumerate() {
            let pad = quad.iter().rev().take_while(|c| **c == b'=').count();
            if pad > 2 || (pad > 0 && i != last) {
                return None;
            }
            let mut n = 0u32;
            for c in &quad[..4 - pad] {
                n = (n << 6) | value(*c)?;
            }
            n <<= 6 * pad as u32;
            let decoded = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
            out.extend_from_slice(&decoded[..3 - pad]);
        }
        (encode(&out).as_bytes() == text).then_some(out)
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
    fn base64_matches_the_rfc_vectors_and_refuses_garbage() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64::encode(plain.as_bytes()), coded);
            if !coded.is_empty() {
                assert_eq!(base64::decode(coded).unwrap(), plain.as_bytes());
            }
        }
        for bad in ["", "Zg", "Zg=", "Z===", "Zg==Zg==", "Zm9v!A==", "Zh=="] {
            assert_eq!(base64::decode(bad), None, "{bad}");
        }
    }

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
        let mut bytes = base64::decode(&text).unwrap();
        bytes[24] ^= 1;
        assert_eq!(signer.decode("item-a", &base64::encode(&bytes)), None);
        assert_eq!(signer.decode("item-a", "bm90IGEgY3Vyc29y"), None);
        assert_eq!(signer.decode("item-a", "not base64 at all"), None);
    }
}
