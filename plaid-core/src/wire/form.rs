//! `application/x-www-form-urlencoded` encoding, as browsers and python's
//! `urlencode` produce it: unreserved bytes kept, space as `+`, everything
//! else `%XX`. Written here rather than pulled in as a crate because it is
//! twenty lines and plaid-core's dependency count is a feature.

/// Appends `key=value` to a form body, with `&` between pairs.
pub(crate) fn append_pair(out: &mut String, key: &str, value: &str) {
    if !out.is_empty() {
        out.push('&');
    }
    encode_into(out, key);
    out.push('=');
    encode_into(out, value);
}

/// Percent-encodes `input` for a form body or a query string.
pub(crate) fn encode_into(out: &mut String, input: &str) {
    for &byte in input.as_bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'*' => {
                out.push(char::from(byte));
            }
            b' ' => out.push('+'),
            _ => {
                push_percent(out, byte);
            }
        }
    }
}

/// Percent-encodes one path segment (no `/`, no `?`, no `#` left raw).
pub(crate) fn encode_path_segment(out: &mut String, segment: &str) {
    for &byte in segment.as_bytes() {
        match byte {
            // `.` is encoded too, so `..` can never climb out of the path.
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'~' | b',' => {
                out.push(char::from(byte));
            }
            _ => {
                push_percent(out, byte);
            }
        }
    }
}

fn push_percent(out: &mut String, byte: u8) {
    let hex = |nibble: u8| {
        char::from(if nibble < 10 {
            b'0' + nibble
        } else {
            b'A' + nibble - 10
        })
    };
    out.push('%');
    out.push(hex(byte >> 4));
    out.push(hex(byte & 0x0f));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_like_python_urlencode() {
        let mut out = String::new();
        append_pair(&mut out, "public_token", "test,chase,connected");
        append_pair(&mut out, "options", "{\"list\": true}");
        assert_eq!(
            out,
            "public_token=test%2Cchase%2Cconnected&options=%7B%22list%22%3A+true%7D"
        );
    }

    #[test]
    fn encodes_non_ascii_as_utf8_bytes() {
        let mut out = String::new();
        encode_into(&mut out, "é&=");
        assert_eq!(out, "%C3%A9%26%3D");
    }

    #[test]
    fn path_segments_cannot_escape_their_segment() {
        let mut out = String::new();
        encode_path_segment(&mut out, "../a b/?#");
        assert_eq!(out, "%2E%2E%2Fa%20b%2F%3F%23");
    }
}
