//! Comparing two requests: the one the sandbox recorded from python and the
//! one plaid-rs builds.
//!
//! A request is reduced to what must match ([`Wire`]): its head (method,
//! path and media type, `plaid_peer::compare::Head`) and the form fields of
//! query string and body as a sorted multiset, with `credentials`, `options`
//! and JSON-array `mfa` values compared as parsed JSON (python and
//! serde_json space and order them differently). [`compare`] lists every
//! [`Diff`]; the rows and their table are `plaid_peer::compare`'s.

use std::collections::BTreeMap;
use std::fmt;

use plaid_core::http::header::CONTENT_TYPE;
use plaid_core::transport::HttpRequest;
use plaid_peer::compare::{Head, HeadDiff};
use plaid_sandbox::RecordedRequest;
use serde_json::Value;

/// Where a form field travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Place {
    Query,
    Body,
}

/// A decoded field value: plain text, or JSON in canonical form (object keys
/// sorted, no whitespace) for `credentials`, `options` and array `mfa`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum FieldValue {
    Text(String),
    Json(String),
}

impl fmt::Display for FieldValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldValue::Text(text) => write!(f, "{text:?}"),
            FieldValue::Json(json) => write!(f, "json {json}"),
        }
    }
}

pub(crate) type Field = (Place, String, FieldValue);

/// JSON with object keys sorted, so equal values print equally whatever
/// serde_json's map type.
fn canonical(value: &Value) -> String {
    match value {
        Value::Object(map) => {
            let sorted: BTreeMap<&String, String> =
                map.iter().map(|(k, v)| (k, canonical(v))).collect();
            let inner: Vec<String> = sorted
                .iter()
                .map(|(k, v)| format!("{}:{v}", Value::String((*k).clone())))
                .collect();
            format!("{{{}}}", inner.join(","))
        }
        Value::Array(items) => {
            let inner: Vec<String> = items.iter().map(canonical).collect();
            format!("[{}]", inner.join(","))
        }
        other => other.to_string(),
    }
}

fn field_value(key: &str, value: &str) -> FieldValue {
    match serde_json::from_str::<Value>(value) {
        Ok(json) if key == "credentials" || key == "options" => FieldValue::Json(canonical(&json)),
        Ok(json @ Value::Array(_)) if key == "mfa" => FieldValue::Json(canonical(&json)),
        _ => FieldValue::Text(value.to_owned()),
    }
}

fn fields(query: &str, body: &[u8]) -> Vec<Field> {
    let decode = |place: Place, input: &[u8]| -> Vec<Field> {
        form_urlencoded::parse(input)
            .map(|(k, v)| {
                let value = field_value(&k, &v);
                (place, k.into_owned(), value)
            })
            .collect()
    };
    let mut fields = decode(Place::Query, query.as_bytes());
    fields.extend(decode(Place::Body, body));
    fields.sort();
    fields
}

/// A request reduced to what is compared.
#[derive(Debug, Clone)]
pub(crate) struct Wire {
    head: Head,
    fields: Vec<Field>,
}

impl Wire {
    pub(crate) fn from_recorded(request: &RecordedRequest) -> Wire {
        Wire {
            head: Head::new(
                &request.method,
                &request.path,
                request.header("content-type"),
            ),
            fields: fields(&request.query, &request.body),
        }
    }

    pub(crate) fn from_rust(request: &HttpRequest) -> Wire {
        Wire {
            head: Head::new(
                request.method().as_str(),
                request.uri().path(),
                request
                    .headers()
                    .get(CONTENT_TYPE)
                    .map(|v| v.to_str().unwrap_or_default()),
            ),
            fields: fields(request.uri().query().unwrap_or_default(), request.body()),
        }
    }

    pub(crate) fn summary(&self) -> String {
        self.head.summary()
    }
}

/// One difference between the python request and the plaid-rs request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Diff {
    Head(HeadDiff),
    OnlyPython(Field),
    OnlyRust(Field),
    RustRefuses(String),
    PythonRefuses,
}

impl fmt::Display for Diff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Diff::Head(diff) => diff.fmt(f),
            Diff::OnlyPython((place, key, value)) => {
                write!(f, "only python sends {place:?} field {key}={value}")
            }
            Diff::OnlyRust((place, key, value)) => {
                write!(f, "only plaid-rs sends {place:?} field {key}={value}")
            }
            Diff::RustRefuses(error) => {
                write!(
                    f,
                    "python sends it; plaid-rs refuses before sending: {error}"
                )
            }
            Diff::PythonRefuses => f.write_str("python refuses it; plaid-rs would send it"),
        }
    }
}

/// Multiset difference of two sorted field lists.
fn field_diffs(python: &[Field], rust: &[Field]) -> Vec<Diff> {
    let mut diffs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < python.len() || j < rust.len() {
        match (python.get(i), rust.get(j)) {
            (Some(p), Some(r)) if p == r => {
                i += 1;
                j += 1;
            }
            (Some(p), Some(r)) if p < r => {
                diffs.push(Diff::OnlyPython(p.clone()));
                i += 1;
            }
            (Some(_), Some(r)) | (None, Some(r)) => {
                diffs.push(Diff::OnlyRust(r.clone()));
                j += 1;
            }
            (Some(p), None) => {
                diffs.push(Diff::OnlyPython(p.clone()));
                i += 1;
            }
            (None, None) => unreachable!(),
        }
    }
    diffs
}

pub(crate) fn compare(python: &Wire, rust: &Wire) -> Vec<Diff> {
    let mut diffs: Vec<Diff> = python
        .head
        .diffs(&rust.head)
        .into_iter()
        .map(Diff::Head)
        .collect();
    diffs.extend(field_diffs(&python.fields, &rust.fields));
    diffs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deliberate::Expect;
    use plaid_peer::compare::Matches;

    #[test]
    fn fields_compare_as_a_multiset_with_json_values_parsed() {
        let python = fields(
            "",
            b"type=bofa&credentials=%7B%22username%22%3A+%22u%22%2C+%22password%22%3A+%22p%22%7D\
              &options=%7B%22list%22%3A+true%7D&products=auth&products=connect&mfa=%5B%22a%22%2C+%22b%22%5D",
        );
        let rust = fields(
            "",
            b"products=connect&options=%7B%22list%22%3Atrue%7D&mfa=%5B%22a%22%2C%22b%22%5D\
              &credentials=%7B%22password%22%3A%22p%22%2C%22username%22%3A%22u%22%7D&products=auth",
        );
        let diffs = field_diffs(&python, &rust);
        assert_eq!(
            diffs,
            vec![Diff::OnlyPython((
                Place::Body,
                "type".to_owned(),
                FieldValue::Text("bofa".to_owned())
            ))]
        );
        assert!(diffs[0].matches(&Expect::OnlyPython("type")));
        // A repeated key counts twice; a plain `mfa` stays text.
        let diffs = field_diffs(
            &fields("", b"products=auth&products=auth&mfa=tomato"),
            &fields("", b"products=auth&mfa=tomato"),
        );
        assert_eq!(diffs.len(), 1, "{diffs:?}");
        // Query and body are different places.
        let diffs = field_diffs(&fields("q=a", b""), &fields("", b"q=a"));
        assert_eq!(diffs.len(), 2, "{diffs:?}");
    }
}
