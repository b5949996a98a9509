//! Comparing two modern requests: the one the sandbox recorded from python
//! and the one plaid-rs builds for the same call.
//!
//! A request is reduced to what must match ([`Wire`]): its head (method,
//! path and media type, `plaid_peer::compare::Head`), the key and version
//! headers [`COMPARED_HEADERS`] (names case-insensitive), and the body as
//! parsed JSON, compared structurally (object keys in any order, spacing
//! ignored). Other headers are not compared: `User-Agent` names each client,
//! and `Accept`, `Content-Length`, `Host` and the like are the HTTP stack's.
//! [`compare`] lists every [`Diff`]; the rows and their table are
//! `plaid_peer::compare`'s.
//!
//! A diff never shows a secret: the `PLAID-SECRET` header, tokens, and the
//! sandbox username and password are shown as `<redacted>`.

use std::collections::BTreeSet;
use std::fmt;

use plaid_core::transport::HttpRequest;
use plaid_peer::compare::{Head, HeadDiff};
use plaid_sandbox::RecordedRequest;
use serde_json::Value;

/// The headers compared, besides `Content-Type`.
pub(crate) const COMPARED_HEADERS: [&str; 3] = ["PLAID-CLIENT-ID", "PLAID-SECRET", "Plaid-Version"];

/// The compared header whose value is never shown.
const SECRET_HEADER: &str = "PLAID-SECRET";

/// Body keys whose values are never shown.
const SECRET_KEYS: [&str; 6] = [
    "access_token",
    "public_token",
    "user_token",
    "link_token",
    "override_username",
    "override_password",
];

/// A request reduced to what is compared.
#[derive(Debug, Clone)]
pub(crate) struct Wire {
    head: Head,
    /// The values of [`COMPARED_HEADERS`], in that order.
    headers: Vec<Option<String>>,
    body: Value,
}

fn json_body(body: &[u8], whose: &str) -> Value {
    serde_json::from_slice(body)
        .unwrap_or_else(|err| panic!("{whose} request body is not JSON ({err})"))
}

impl Wire {
    pub(crate) fn from_recorded(request: &RecordedRequest) -> Wire {
        Wire {
            head: Head::new(
                &request.method,
                &request.path,
                request.header("content-type"),
            ),
            headers: COMPARED_HEADERS
                .iter()
                .map(|name| request.header(name).map(str::to_owned))
                .collect(),
            body: json_body(&request.body, "python's"),
        }
    }

    pub(crate) fn from_rust(request: &HttpRequest) -> Wire {
        let header = |name: &str| {
            request
                .headers()
                .get(name)
                .map(|v| v.to_str().unwrap_or_default().to_owned())
        };
        Wire {
            head: Head::new(
                request.method().as_str(),
                request.uri().path(),
                header("content-type").as_deref(),
            ),
            headers: COMPARED_HEADERS.iter().map(|name| header(name)).collect(),
            body: json_body(request.body(), "plaid-rs's"),
        }
    }

    /// The JSON body.
    pub(crate) fn body(&self) -> &Value {
        &self.body
    }

    pub(crate) fn summary(&self) -> String {
        self.head.summary()
    }
}

/// One difference between the python request and the plaid-rs request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Diff {
    Head(HeadDiff),
    /// A compared header differs, or only one side sends it.
    Header {
        name: &'static str,
        python: Option<String>,
        rust: Option<String>,
    },
    /// The bodies differ at `at` (`options.account_ids[1]`; empty for the
    /// whole body); `None` where one side has nothing there.
    Body {
        at: String,
        python: Option<Value>,
        rust: Option<Value>,
    },
    /// python sends the call; plaid-rs refuses it before sending.
    RustRefuses(String),
}

/// The last key of a body path (`options.override_password` gives
/// `override_password`; `a[0]` gives `a`).
fn last_key(at: &str) -> &str {
    let key = at.rsplit('.').next().unwrap_or(at);
    key.split('[').next().unwrap_or(key)
}

/// `value` with the values of [`SECRET_KEYS`] replaced, at any depth.
fn redacted(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(key, value)| {
                    let shown = if SECRET_KEYS.contains(&key.as_str()) {
                        Value::from("<redacted>")
                    } else {
                        redacted(value)
                    };
                    (key.clone(), shown)
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(redacted).collect()),
        other => other.clone(),
    }
}

/// A body value at `at` as a diff shows it.
fn shown(at: &str, value: &Value) -> String {
    if SECRET_KEYS.contains(&last_key(at)) {
        "<redacted>".to_owned()
    } else {
        redacted(value).to_string()
    }
}

/// A header value as a diff shows it.
fn shown_header(name: &str, value: &str) -> String {
    if name == SECRET_HEADER {
        "<redacted>".to_owned()
    } else {
        format!("{value:?}")
    }
}

impl fmt::Display for Diff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Diff::Head(diff) => diff.fmt(f),
            Diff::Header { name, python, rust } => match (python, rust) {
                (Some(p), Some(r)) => write!(
                    f,
                    "header {name}: python {}, plaid-rs {}",
                    shown_header(name, p),
                    shown_header(name, r)
                ),
                (Some(p), None) => {
                    write!(
                        f,
                        "only python sends header {name}: {}",
                        shown_header(name, p)
                    )
                }
                (None, Some(r)) => {
                    write!(
                        f,
                        "only plaid-rs sends header {name}: {}",
                        shown_header(name, r)
                    )
                }
                (None, None) => write!(f, "header {name}: no difference"),
            },
            Diff::Body { at, python, rust } => {
                let place = if at.is_empty() { "(the body)" } else { at };
                match (python, rust) {
                    (Some(p), Some(r)) => write!(
                        f,
                        "body {place}: python {}, plaid-rs {}",
                        shown(at, p),
                        shown(at, r)
                    ),
                    (Some(p), None) => {
                        write!(f, "only python sends body {place}: {}", shown(at, p))
                    }
                    (None, Some(r)) => {
                        write!(f, "only plaid-rs sends body {place}: {}", shown(at, r))
                    }
                    (None, None) => write!(f, "body {place}: no difference"),
                }
            }
            Diff::RustRefuses(error) => {
                write!(
                    f,
                    "python sends it; plaid-rs refuses before sending: {error}"
                )
            }
        }
    }
}

fn child(at: &str, key: &str) -> String {
    if at.is_empty() {
        key.to_owned()
    } else {
        format!("{at}.{key}")
    }
}

/// The structural differences of two JSON values at `at`: objects key by
/// key, arrays of one length item by item, anything else as a whole.
fn json_diffs(at: &str, python: Option<&Value>, rust: Option<&Value>, diffs: &mut Vec<Diff>) {
    match (python, rust) {
        (Some(Value::Object(p)), Some(Value::Object(r))) => {
            let keys: BTreeSet<&String> = p.keys().chain(r.keys()).collect();
            for key in keys {
                json_diffs(&child(at, key), p.get(key), r.get(key), diffs);
            }
        }
        (Some(Value::Array(p)), Some(Value::Array(r))) if p.len() == r.len() => {
            for (index, (p, r)) in p.iter().zip(r).enumerate() {
                json_diffs(&format!("{at}[{index}]"), Some(p), Some(r), diffs);
            }
        }
        (p, r) if p == r => {}
        (p, r) => diffs.push(Diff::Body {
            at: at.to_owned(),
            python: p.cloned(),
            rust: r.cloned(),
        }),
    }
}

pub(crate) fn compare(python: &Wire, rust: &Wire) -> Vec<Diff> {
    let mut diffs: Vec<Diff> = python
        .head
        .diffs(&rust.head)
        .into_iter()
        .map(Diff::Head)
        .collect();
    for ((name, p), r) in COMPARED_HEADERS
        .iter()
        .zip(&python.headers)
        .zip(&rust.headers)
    {
        if p != r {
            diffs.push(Diff::Header {
                name,
                python: p.clone(),
                rust: r.clone(),
            });
        }
    }
    json_diffs("", Some(&python.body), Some(&rust.body), &mut diffs);
    diffs
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn body_diffs(python: Value, rust: Value) -> Vec<String> {
        let mut diffs = Vec::new();
        json_diffs("", Some(&python), Some(&rust), &mut diffs);
        diffs.iter().map(ToString::to_string).collect()
    }

    #[test]
    fn bodies_compare_structurally_and_never_show_a_secret() {
        // Key order and spacing do not matter.
        let python: Value = serde_json::from_str(r#"{"b": [1, 2], "a": {"x": true}}"#).unwrap();
        assert_eq!(
            body_diffs(python, json!({"a": {"x": true}, "b": [1, 2]})),
            Vec::<String>::new()
        );
        // Each difference names its place.
        assert_eq!(
            body_diffs(
                json!({"options": {"account_ids": ["a", "b"]}, "count": 10, "extra": {}}),
                json!({"options": {"account_ids": ["a", "c"]}, "count": 10.0})
            ),
            [
                "body count: python 10, plaid-rs 10.0",
                "only python sends body extra: {}",
                "body options.account_ids[1]: python \"b\", plaid-rs \"c\"",
            ]
        );
        assert_eq!(
            body_diffs(json!({"a": [1]}), json!({"a": [1, 2]})),
            ["body a: python [1], plaid-rs [1,2]"]
        );
        // Secrets are redacted at any depth, and as the place of a diff.
        assert_eq!(
            body_diffs(
                json!({"access_token": "access-sandbox-1", "options": {"override_password": "p"}}),
                json!({"access_token": "access-sandbox-2"})
            ),
            [
                "body access_token: python <redacted>, plaid-rs <redacted>",
                "only python sends body options: {\"override_password\":\"<redacted>\"}",
            ]
        );
        let header = Diff::Header {
            name: SECRET_HEADER,
            python: Some("test_secret".to_owned()),
            rust: None,
        };
        assert_eq!(
            header.to_string(),
            "only python sends header PLAID-SECRET: <redacted>"
        );
    }
}
