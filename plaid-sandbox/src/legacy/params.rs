//! One view of the request parameters, whatever way the client sent them.
//!
//! Tartan read parameters from the query string *and* the body on every method (python sends
//! form bodies on GET and DELETE), from form or JSON bodies, with `credentials` and `options`
//! either as JSON strings inside a form or as JSON values. This module merges all of that so the
//! handlers never look at the raw request.

use serde_json::Value;

use crate::legacy::errors::{ApiError, ApiResult};

/// The merged parameters: body entries first, then query-string entries, in order.
///
/// Form and query values are `Value::String`; JSON bodies keep their JSON types.
/// Repeated keys are kept (see [`Params::all`]).
#[derive(Debug, Clone, Default)]
pub(crate) struct Params {
    entries: Vec<(String, Value)>,
}

/// What kind of body the request carried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BodyKind {
    Form,
    Json,
}

impl Params {
    /// Parses the query string and the body according to `content_type`.
    ///
    /// An empty body is accepted with any content type. A non-empty body must be form
    /// (also assumed when there is no Content-Type) or JSON; anything else gives 400/1009,
    /// as does a JSON body that is not a JSON object.
    pub(crate) fn parse(query: &str, content_type: Option<&str>, body: &[u8]) -> ApiResult<Params> {
        let mut entries = Vec::new();
        if !body.iter().all(u8::is_ascii_whitespace) {
            match body_kind(content_type) {
                Some(BodyKind::Form) => {
                    entries.extend(
                        form_urlencoded::parse(body)
                            .map(|(k, v)| (k.into_owned(), Value::String(v.into_owned()))),
                    );
                }
                Some(BodyKind::Json) => match serde_json::from_slice::<Value>(body) {
                    Ok(Value::Object(map)) => entries.extend(map),
                    // [emulator choice] a JSON body that is not an object is treated like a
                    // body of the wrong type (the table has no better code).
                    _ => return Err(ApiError::new(1009)),
                },
                None => return Err(ApiError::new(1009)),
            }
        }
        entries.extend(
            form_urlencoded::parse(query.as_bytes())
                .map(|(k, v)| (k.into_owned(), Value::String(v.into_owned()))),
        );
        Ok(Params { entries })
    }

    /// The first value for `key`.
    pub(crate) fn value(&self, key: &str) -> Option<&Value> {
        self.entries.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Every value for `key`, in order.
    pub(crate) fn all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a Value> + 'a {
        self.entries
            .iter()
            .filter(move |(k, _)| k == key)
            .map(|(_, v)| v)
    }

    /// The first value for `key` as text (strings as is, numbers and booleans printed);
    /// `None` when absent, null, or a JSON array/object.
    pub(crate) fn str(&self, key: &str) -> Option<String> {
        self.value(key).and_then(scalar_text)
    }

    /// The first value for `key` as text, treating an empty string as absent.
    pub(crate) fn non_empty(&self, key: &str) -> Option<String> {
        self.str(key).filter(|s| !s.is_empty())
    }

    /// The first value for `key` as a JSON value: a JSON object/array as is, a string parsed as
    /// JSON ("stringified JSON"). `Ok(None)` when absent, empty or null; `Err(NotJson)` when
    /// the string is not JSON.
    pub(crate) fn json(&self, key: &str) -> Result<Option<Value>, NotJson> {
        match self.value(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(Value::String(s)) => serde_json::from_str(s).map(Some).map_err(|_| NotJson),
            Some(v) => Ok(Some(v.clone())),
        }
    }

    /// The `options` parameter as a JSON object (empty when absent); 400/1004 when it is not
    /// JSON or not an object.
    pub(crate) fn options(&self) -> ApiResult<Options> {
        match self.json("options") {
            Ok(None) => Ok(Options::default()),
            Ok(Some(Value::Object(map))) => Ok(Options(map)),
            _ => Err(ApiError::new(1004)),
        }
    }
}

/// A parameter that should hold stringified JSON does not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct NotJson;

/// The `options` object of a request.
#[derive(Debug, Clone, Default)]
pub(crate) struct Options(pub(crate) serde_json::Map<String, Value>);

impl Options {
    /// A boolean option: `true`, `"true"` or `1` are true.
    pub(crate) fn flag(&self, key: &str) -> bool {
        match self.0.get(key) {
            Some(Value::Bool(b)) => *b,
            Some(Value::String(s)) => s.eq_ignore_ascii_case("true") || s == "1",
            Some(Value::Number(n)) => n.as_i64() == Some(1),
            _ => false,
        }
    }

    /// A text option (strings as is, numbers printed).
    pub(crate) fn str(&self, key: &str) -> Option<String> {
        self.0.get(key).and_then(scalar_text)
    }

    /// A raw option value.
    pub(crate) fn get(&self, key: &str) -> Option<&Value> {
        self.0.get(key)
    }
}

/// Strings as is, numbers and booleans printed, everything else `None`.
pub(crate) fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn body_kind(content_type: Option<&str>) -> Option<BodyKind> {
    let Some(ct) = content_type else {
        // curl -d and some minimal clients omit it: read the body as a form.
        return Some(BodyKind::Form);
    };
    let mime = ct.split(';').next().unwrap_or("").trim();
    if mime.eq_ignore_ascii_case("application/x-www-form-urlencoded") {
        Some(BodyKind::Form)
    } else if mime.eq_ignore_ascii_case("application/json") {
        Some(BodyKind::Json)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_json_strings_are_decoded() {
        let body = b"type=bofa&credentials=%7B%22username%22%3A+%22plaid_test%22%7D&options=%7B%22list%22%3A+true%7D";
        let p = Params::parse("", Some("application/x-www-form-urlencoded"), body).unwrap();
        assert_eq!(p.str("type").as_deref(), Some("bofa"));
        assert_eq!(
            p.json("credentials").unwrap().unwrap()["username"],
            "plaid_test"
        );
        assert!(p.options().unwrap().flag("list"));
    }

    #[test]
    fn query_and_body_are_merged_and_repeated_keys_kept() {
        let p = Params::parse("products=auth", None, b"products=connect&count=5").unwrap();
        let all: Vec<_> = p.all("products").cloned().collect();
        assert_eq!(all, vec![Value::from("connect"), Value::from("auth")]);
        assert_eq!(p.str("count").as_deref(), Some("5"));
    }

    #[test]
    fn other_content_type_is_1009() {
        let e = Params::parse("", Some("text/plain"), b"hello").unwrap_err();
        assert_eq!(e.code, 1009);
    }

    #[test]
    fn malformed_options_is_1004() {
        let p = Params::parse("", None, b"options=%7Bnope").unwrap();
        assert_eq!(p.options().unwrap_err().code, 1004);
    }
}
