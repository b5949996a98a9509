//! Base64 (RFC 4648) in the two forms the emulator writes: standard with padding (§4, the
//! modern API's sync cursors) and URL-safe without padding (§5, the JWS parts of a webhook's
//! `Plaid-Verification` header and the coordinates of its JWK). Hand-written because the
//! crate needs only this much of it.

/// The two alphabets and their padding rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Alphabet {
    /// `+` and `/`, padded with `=` to a multiple of four characters.
    Standard,
    /// `-` and `_`, never padded.
    UrlSafe,
}

impl Alphabet {
    fn symbols(self) -> &'static [u8; 64] {
        match self {
            Alphabet::Standard => {
                b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
            }
            Alphabet::UrlSafe => {
                b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
            }
        }
    }

    fn padded(self) -> bool {
        self == Alphabet::Standard
    }
}

/// `bytes` as base64 text in `alphabet`.
pub(crate) fn encode(bytes: &[u8], alphabet: Alphabet) -> String {
    let symbols = alphabet.symbols();
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
                out.push(char::from(symbols[(n >> (18 - 6 * i)) as usize & 63]));
            } else if alphabet.padded() {
                out.push('=');
            }
        }
    }
    out
}

/// The bytes of `text`; `None` for anything but the canonical text of `alphabet` (what
/// [`encode`] writes for those bytes), so one value has exactly one accepted text.
pub(crate) fn decode(text: &str, alphabet: Alphabet) -> Option<Vec<u8>> {
    let raw = text.as_bytes();
    let data = if alphabet.padded() {
        if raw.is_empty() || raw.len() % 4 != 0 {
            return None;
        }
        let pad = raw.iter().rev().take_while(|c| **c == b'=').count();
        if pad > 2 {
            return None;
        }
        &raw[..raw.len() - pad]
    } else {
        raw
    };
    if data.len() % 4 == 1 {
        return None;
    }
    let symbols = alphabet.symbols();
    let value = |c: u8| symbols.iter().position(|a| *a == c).map(|v| v as u32);
    let mut out = Vec::with_capacity(data.len() / 4 * 3 + 2);
    for quad in data.chunks(4) {
        let mut n = 0u32;
        for c in quad {
            n = (n << 6) | value(*c)?;
        }
        n <<= 6 * (4 - quad.len()) as u32;
        let decoded = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&decoded[..quad.len() - 1]);
    }
    (encode(&out, alphabet).as_bytes() == raw).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 4648 §10, in both forms.
    const VECTORS: [(&str, &str); 7] = [
        ("", ""),
        ("f", "Zg=="),
        ("fo", "Zm8="),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg=="),
        ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"),
    ];

    #[test]
    fn base64_matches_the_rfc_vectors_and_refuses_garbage() {
        for (plain, coded) in VECTORS {
            assert_eq!(encode(plain.as_bytes(), Alphabet::Standard), coded);
            if !coded.is_empty() {
                assert_eq!(decode(coded, Alphabet::Standard).unwrap(), plain.as_bytes());
            }
        }
        for bad in ["", "Zg", "Zg=", "Z===", "Zg==Zg==", "Zm9v!A==", "Zh=="] {
            assert_eq!(decode(bad, Alphabet::Standard), None, "{bad}");
        }
    }

    #[test]
    fn url_safe_base64_has_no_padding_and_its_own_symbols() {
        for (plain, coded) in VECTORS {
            let unpadded = coded.trim_end_matches('=');
            assert_eq!(encode(plain.as_bytes(), Alphabet::UrlSafe), unpadded);
            assert_eq!(
                decode(unpadded, Alphabet::UrlSafe).unwrap(),
                plain.as_bytes()
            );
        }
        assert_eq!(encode(&[0xfb, 0xff], Alphabet::UrlSafe), "-_8");
        assert_eq!(encode(&[0xfb, 0xff], Alphabet::Standard), "+/8=");
        for bad in ["Zg==", "+/8", "Z", "Zh", "Zm9v!A"] {
            assert_eq!(decode(bad, Alphabet::UrlSafe), None, "{bad}");
        }
    }
}
