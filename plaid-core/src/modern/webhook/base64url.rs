//! Base64url without padding (RFC 4648 §5), the encoding of every part of
//! a compact JWS (RFC 7515 §2).
//!
//! Hand-written rather than a crate: forty lines keep plaid-core's tree at
//! `ring` alone. Decoding is strict, because a JWT is attacker-controlled
//! input: no padding, no whitespace, no characters outside the alphabet,
//! and no non-zero bits left over after the last byte, so each byte string
//! has exactly one accepted encoding.

/// The 6-bit value of a base64url symbol.
fn value(symbol: u8) -> Option<u8> {
    match symbol {
        b'A'..=b'Z' => Some(symbol - b'A'),
        b'a'..=b'z' => Some(symbol - b'a' + 26),
        b'0'..=b'9' => Some(symbol - b'0' + 52),
        b'-' => Some(62),
        b'_' => Some(63),
        _ => None,
    }
}

/// Decodes unpadded base64url; `None` for anything that is not the one
/// canonical encoding of some bytes.
pub(crate) fn decode(input: &[u8]) -> Option<Vec<u8>> {
    // One symbol alone carries 6 bits: not a byte.
    if input.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(input.len() / 4 * 3 + 2);
    let mut pending: u32 = 0;
    let mut bits: u32 = 0;
    for &symbol in input {
        pending = (pending << 6) | u32::from(value(symbol)?);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((pending >> bits) as u8);
            pending &= (1 << bits) - 1;
        }
    }
    // The 2 or 4 bits after the last byte must be zero.
    (pending == 0).then_some(out)
}

/// The base64url symbol of the low 6 bits of `bits`.
#[cfg(any(test, feature = "webhook-signer"))]
fn symbol(bits: u32) -> char {
    let value = (bits & 0x3f) as u8;
    char::from(match value {
        0..=25 => b'A' + value,
        26..=51 => b'a' + (value - 26),
        52..=61 => b'0' + (value - 52),
        62 => b'-',
        _ => b'_',
    })
}

/// Encodes as unpadded base64url.
#[cfg(any(test, feature = "webhook-signer"))]
pub(crate) fn encode(input: &[u8]) -> String {
    let mut out = String::with_capacity(input.len().div_ceil(3) * 4);
    let mut pending: u32 = 0;
    let mut bits: u32 = 0;
    for &byte in input {
        pending = (pending << 8) | u32::from(byte);
        bits += 8;
        while bits >= 6 {
            bits -= 6;
            out.push(symbol(pending >> bits));
        }
        pending &= (1 << bits) - 1;
    }
    if bits > 0 {
        out.push(symbol(pending << (6 - bits)));
    }
    out
}

#[cfg(test)]
mod tests {
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn the_rfc_4648_vectors_round_trip() {
        // RFC 4648 §10, without padding; the last two use both symbols that
        // differ from plain base64.
        for (plain, encoded) in [
            (&b""[..], ""),
            (b"f", "Zg"),
            (b"fo", "Zm8"),
            (b"foo", "Zm9v"),
            (b"foob", "Zm9vYg"),
            (b"fooba", "Zm9vYmE"),
            (b"foobar", "Zm9vYmFy"),
            (&[0xfb, 0xff], "-_8"),
            (&[0xff, 0xff, 0xbe], "__--"),
        ] {
            assert_eq!(encode(plain), encoded);
            assert_eq!(decode(encoded.as_bytes()).as_deref(), Some(plain));
        }
    }

    #[test]
    fn anything_but_the_canonical_unpadded_form_is_refused() {
        for bad in [
            "Zg==",    // padding
            "Zm9v Yg", // whitespace
            "Zm9v+g",  // plain base64's symbols
            "Zm9v/g", "Z", // 6 bits: not a byte
            "Zm9vY", "Zh",      // "f" with a stray bit after it
            "Zm9",     // "fo" with stray bits
            "Zm9vYg.", // a JWS separator
            "Zm9vYgé",
        ] {
            assert_eq!(decode(bad.as_bytes()), None, "{bad:?}");
        }
    }

    proptest! {
        #[test]
        fn matches_the_base64_crate(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let encoded = encode(&bytes);
            prop_assert_eq!(&encoded, &URL_SAFE_NO_PAD.encode(&bytes));
            prop_assert_eq!(decode(encoded.as_bytes()), Some(bytes));
        }

        #[test]
        fn decodes_exactly_what_the_base64_crate_accepts(text in "[A-Za-z0-9_=+/ -]{0,40}") {
            let ours = decode(text.as_bytes());
            let theirs = URL_SAFE_NO_PAD.decode(text.as_bytes()).ok();
            prop_assert_eq!(ours, theirs);
        }
    }
}
