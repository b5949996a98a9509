//! Decoding JSON bodies into typed results.
//!
//! The fast path is a plain `serde_json` decode; only a failure pays for a
//! second, path-tracking pass. The error never quotes the value that failed:
//! serde's messages do (`invalid type: string "Jane Doe", expected …`), and
//! the value may be a name, an address or an account number. What is kept
//! is the category, the position, what was expected, and the path.

use std::fmt;

use http::{HeaderMap, StatusCode};
use serde::de::DeserializeOwned;

use crate::api::REQUEST_ID_HEADER;
use crate::error::Error;

/// The request id header of a response, if it has a readable one.
pub(crate) fn request_id(headers: &HeaderMap) -> Option<String> {
    headers
        .get(REQUEST_ID_HEADER)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned)
}

/// Decodes a success body as `T`, reporting the path of the field that
/// failed.
pub(crate) fn decode_json<T: DeserializeOwned>(
    status: StatusCode,
    headers: &HeaderMap,
    body: Vec<u8>,
) -> Result<T, Error> {
    match serde_json::from_slice::<T>(&body) {
        Ok(value) => Ok(value),
        Err(first) => {
            let (path, source) = failing_path::<T>(&body, first);
            Err(Error::decode(
                status,
                request_id(headers),
                path,
                &source,
                body,
            ))
        }
    }
}

/// [`decode_json`] for a borrowed body; the body is copied only on failure.
pub(crate) fn decode_json_slice<T: DeserializeOwned>(
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<T, Error> {
    serde_json::from_slice::<T>(body).map_err(|first| {
        let (path, source) = failing_path::<T>(body, first);
        Error::decode(status, request_id(headers), path, &source, body.to_vec())
    })
}

/// Decodes a body that came with no response around it (a webhook), as
/// `T`: the error names `context` and the path of the field that failed.
pub(crate) fn decode_body<T: DeserializeOwned>(
    context: &'static str,
    body: &[u8],
) -> Result<T, Error> {
    serde_json::from_slice::<T>(body).map_err(|first| {
        let (path, source) = failing_path::<T>(body, first);
        Error::decode_body(context, path, &source, body.to_vec())
    })
}

/// Re-runs a failed decode with path tracking. Returns the path (if any)
/// and the error to report.
fn failing_path<T: DeserializeOwned>(
    body: &[u8],
    first: serde_json::Error,
) -> (Option<String>, serde_json::Error) {
    let mut de = serde_json::Deserializer::from_slice(body);
    match serde_path_to_error::deserialize::<_, T>(&mut de) {
        Err(err) => {
            let path = err.path().to_string();
            (Some(path), err.into_inner())
        }
        Ok(_) => (None, first),
    }
}

/// What was wrong with a body, without the values in it: the source of a
/// decode [`Error`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DecodeProblem {
    message: String,
    line: usize,
    column: usize,
}

impl DecodeProblem {
    /// The problem `error` describes, with any quoted value left out.
    pub(crate) fn of(error: &serde_json::Error) -> Self {
        let full = error.to_string();
        // serde_json appends " at line L column C" when it knows them; the
        // last occurrence is that suffix even if a value contained the words.
        let message = match full.rsplit_once(" at line ") {
            Some((message, _)) if error.line() != 0 => message,
            _ => full.as_str(),
        };
        DecodeProblem {
            message: scrub(message),
            line: error.line(),
            column: error.column(),
        }
    }
}

impl fmt::Display for DecodeProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if self.line != 0 {
            write!(f, " at line {} column {}", self.line, self.column)?;
        }
        Ok(())
    }
}

impl std::error::Error for DecodeProblem {}

/// Removes the values serde quotes from a message, keeping its shape.
///
/// serde's messages put the value first and what was expected last
/// (`invalid value: string "x", expected a date`): the part after the last
/// `, expected ` comes from the types being decoded and is kept. Field
/// names in `missing field` and `duplicate field` come from the types too.
fn scrub(message: &str) -> String {
    if message.starts_with("missing field") || message.starts_with("duplicate field") {
        return message.to_owned();
    }
    let (head, expected) = match message.rfind(", expected ") {
        Some(at) => message.split_at(at),
        None => (message, ""),
    };
    let head = if let Some(rest) = head
        .strip_prefix("invalid type: ")
        .map(|rest| ("invalid type: ", rest))
        .or_else(|| {
            head.strip_prefix("invalid value: ")
                .map(|rest| ("invalid value: ", rest))
        }) {
        // `string "x"`, ``integer `5` ``, ``floating point `1.5` ``: keep
        // the words before the value.
        let (prefix, unexpected) = rest;
        let words = unexpected
            .split(['"', '`'])
            .next()
            .unwrap_or_default()
            .trim_end();
        format!("{prefix}{words}")
    } else {
        without_quoted(head)
    };
    format!("{head}{expected}")
}

/// `text` with every `"…"` and `` `…` `` span left out.
fn without_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut open: Option<char> = None;
    let mut escaped = false;
    for c in text.chars() {
        match open {
            None if c == '"' || c == '`' => open = Some(c),
            None => out.push(c),
            Some(_) if escaped => escaped = false,
            Some('"') if c == '\\' => escaped = true,
            Some(quote) if c == quote => open = None,
            Some(_) => {}
        }
    }
    // Collapse the double spaces a removed value leaves behind.
    let mut collapsed = String::with_capacity(out.len());
    for word in out.split(' ').filter(|word| !word.is_empty()) {
        if !collapsed.is_empty() {
            collapsed.push(' ');
        }
        collapsed.push_str(word);
    }
    collapsed
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;

    fn problem<T: DeserializeOwned + fmt::Debug>(json: &str) -> String {
        let error = serde_json::from_str::<T>(json).unwrap_err();
        DecodeProblem::of(&error).to_string()
    }

    #[allow(dead_code)]
    #[derive(Debug, Deserialize)]
    struct Person {
        name: String,
        age: u8,
    }

    #[allow(dead_code)]
    #[derive(Debug, Deserialize)]
    enum Color {
        Red,
    }

    #[test]
    fn values_are_never_quoted() {
        let cases = [
            (
                problem::<Person>(r#"{"name": 12345678, "age": 1}"#),
                "invalid type: integer, expected a string at line 1 column 17",
            ),
            (
                problem::<Person>(r#"{"name": "x", "age": "Jane Doe"}"#),
                "invalid type: string, expected u8 at line 1 column 31",
            ),
            (
                problem::<Person>(r#"{"name": "x", "age": 999}"#),
                "invalid value: integer, expected u8 at line 1 column 24",
            ),
            (
                problem::<Color>(r#""Secret, expected nothing""#),
                "unknown variant, expected `Red` at line 1 column 26",
            ),
            (
                problem::<Person>(r#"{"name": "x"}"#),
                "missing field `age` at line 1 column 13",
            ),
            (
                problem::<Person>(r#"{"name": "x", "#),
                "EOF while parsing a value at line 1 column 14",
            ),
        ];
        for (got, expected) in cases {
            assert_eq!(got, expected);
        }
    }

    #[test]
    fn custom_messages_lose_their_quoted_parts() {
        assert_eq!(
            scrub(r#"`mfa` is not a valid "4111 1111" challenge"#),
            "is not a valid challenge"
        );
        assert_eq!(scrub(r#"bad "esc\"aped" value"#), "bad value");
    }
}
