//! Comparing two requests: the one the sandbox recorded from python and the
//! one plaid-rs builds.
//!
//! A request is reduced to what must match ([`Wire`]): method, path,
//! `Content-Type` (the media type) and the form fields of query string and
//! body as a sorted multiset, with `credentials`, `options` and JSON-array
//! `mfa` values compared as parsed JSON (python and serde_json space and
//! order them differently). [`compare`] lists every [`Diff`].

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};

use plaid_core::http::header::CONTENT_TYPE;
use plaid_core::transport::HttpRequest;
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
    method: String,
    path: String,
    content_type: Option<String>,
    fields: Vec<Field>,
}

fn media_type(value: &str) -> String {
    value
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

impl Wire {
    pub(crate) fn from_recorded(request: &RecordedRequest) -> Wire {
        Wire {
            method: request.method.clone(),
            path: request.path.clone(),
            content_type: request.header("content-type").map(media_type),
            fields: fields(&request.query, &request.body),
        }
    }

    pub(crate) fn from_rust(request: &HttpRequest) -> Wire {
        Wire {
            method: request.method().as_str().to_owned(),
            path: request.uri().path().to_owned(),
            content_type: request
                .headers()
                .get(CONTENT_TYPE)
                .map(|v| media_type(v.to_str().unwrap_or_default())),
            fields: fields(request.uri().query().unwrap_or_default(), request.body()),
        }
    }

    pub(crate) fn summary(&self) -> String {
        format!("{} {}", self.method, self.path)
    }
}

/// One difference between the python request and the plaid-rs request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Diff {
    Method {
        python: String,
        rust: String,
    },
    Path {
        python: String,
        rust: String,
    },
    ContentType {
        python: Option<String>,
        rust: Option<String>,
    },
    OnlyPython(Field),
    OnlyRust(Field),
    RustRefuses(String),
    PythonRefuses,
}

impl fmt::Display for Diff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Diff::Method { python, rust } => write!(f, "method: python {python}, plaid-rs {rust}"),
            Diff::Path { python, rust } => write!(f, "path: python {python}, plaid-rs {rust}"),
            Diff::ContentType { python, rust } => {
                write!(f, "Content-Type: python {python:?}, plaid-rs {rust:?}")
            }
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
    let mut diffs = Vec::new();
    if python.method != rust.method {
        diffs.push(Diff::Method {
            python: python.method.clone(),
            rust: rust.method.clone(),
        });
    }
    if python.path != rust.path {
        diffs.push(Diff::Path {
            python: python.path.clone(),
            rust: rust.path.clone(),
        });
    }
    if python.content_type != rust.content_type {
        diffs.push(Diff::ContentType {
            python: python.content_type.clone(),
            rust: rust.content_type.clone(),
        });
    }
    diffs.extend(field_diffs(&python.fields, &rust.fields));
    diffs
}

/// One compared call.
pub(crate) struct Row {
    pub(crate) label: String,
    pub(crate) flow: String,
    pub(crate) call: String,
    pub(crate) python: String,
    pub(crate) rust: String,
    pub(crate) diffs: Vec<Diff>,
}

pub(crate) fn render(rows: &[Row]) -> String {
    let mut out = String::new();
    let width = rows.iter().map(|r| r.label.len()).max().unwrap_or(0);
    let mut flow = "";
    for row in rows {
        if row.flow != flow {
            flow = &row.flow;
            let _ = writeln!(out, "  [{flow}]");
        }
        let verdict = if row.diffs.is_empty() {
            "same"
        } else {
            "DIFFERENT"
        };
        let _ = writeln!(
            out,
            "  {:width$}  {:<26} python {:<32} plaid-rs {:<32} {verdict}",
            row.label, row.call, row.python, row.rust
        );
        for diff in &row.diffs {
            let _ = writeln!(out, "  {:width$}    - {diff}", "");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deliberate::Expect;

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
        assert!(diffs[0].matches(Expect::OnlyPython("type")));
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
