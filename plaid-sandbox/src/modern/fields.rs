//! The JSON request body of a modern call, checked against the route's schema and read with
//! typed accessors.
//!
//! Every request schema of the spec is closed (`additionalProperties` unset), so the emulator
//! answers what Plaid documents for a body that does not fit: `INVALID_BODY` when it is not a
//! JSON object, `UNKNOWN_FIELDS` for keys the schema does not list (at the top level and inside
//! `options`), `MISSING_FIELDS` for required keys that are absent or `null`, and
//! `INVALID_FIELD` for a value of the wrong JSON type. Handlers never see the raw bytes.

use serde_json::{Map, Value};

use crate::modern::errors::{ApiResult, PlaidError};

/// Keys every request schema accepts besides its own: the credentials.
const CREDENTIALS: [&str; 2] = ["client_id", "secret"];

/// The fields of a request schema.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Schema {
    /// Required keys (a `null` counts as missing).
    pub(crate) required: &'static [&'static str],
    /// Optional keys, `options` included when the schema has it.
    pub(crate) optional: &'static [&'static str],
    /// The keys of `options`, when the schema has that object.
    pub(crate) options: &'static [&'static str],
}

/// A JSON object of the request (the body, or an object inside it), with the path that names
/// its fields in error messages (`options.` for the fields of `options`).
#[derive(Debug, Clone)]
pub(crate) struct Fields<'a> {
    map: &'a Map<String, Value>,
    prefix: String,
}

/// The parsed body of a request.
#[derive(Debug, Clone, Default)]
pub(crate) struct Body(Map<String, Value>);

impl Body {
    /// Parses the body: a JSON object; an empty body counts as `{}` (clients differ on
    /// whether a call without parameters, such as `/categories/get`, sends `{}` or nothing).
    pub(crate) fn parse(bytes: &[u8]) -> ApiResult<Body> {
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(Body::default());
        }
        match serde_json::from_slice::<Value>(bytes) {
            Ok(Value::Object(map)) => Ok(Body(map)),
            Ok(_) => Err(PlaidError::with_message(
                "INVALID_BODY",
                "body must be a JSON object",
            )),
            Err(_) => Err(PlaidError::new("INVALID_BODY")),
        }
    }

    /// The top-level fields.
    pub(crate) fn fields(&self) -> Fields<'_> {
        Fields {
            map: &self.0,
            prefix: String::new(),
        }
    }

    /// Checks the body against `schema`: unknown keys first (they say the caller follows
    /// another schema), then missing ones.
    pub(crate) fn check(&self, schema: &Schema) -> ApiResult<()> {
        let top = self.fields();
        let mut unknown: Vec<String> = top
            .map
            .keys()
            .filter(|k| {
                let k = k.as_str();
                !(CREDENTIALS.contains(&k)
                    || schema.required.contains(&k)
                    || schema.optional.contains(&k))
            })
            .cloned()
            .collect();
        if let Some(options) = top.object("options")? {
            unknown.extend(
                options
                    .map
                    .keys()
                    .filter(|k| !schema.options.contains(&k.as_str()))
                    .map(|k| format!("options.{k}")),
            );
        }
        if !unknown.is_empty() {
            return Err(PlaidError::detailed("UNKNOWN_FIELDS", unknown.join(", ")));
        }
        let missing: Vec<String> = schema
            .required
            .iter()
            .filter(|k| top.map.get(**k).is_none_or(Value::is_null))
            .map(|k| (*k).to_owned())
            .collect();
        if missing.is_empty() {
            Ok(())
        } else {
            Err(PlaidError::missing(&missing))
        }
    }
}

impl<'a> Fields<'a> {
    /// The value of `name`, `None` when absent or `null`.
    fn get(&self, name: &str) -> Option<&'a Value> {
        self.map.get(name).filter(|v| !v.is_null())
    }

    fn wrong_type(&self, name: &str, expected: &str) -> PlaidError {
        self.invalid(name, &format!("must be {expected}"))
    }

    /// `INVALID_FIELD` about field `name` of this object, named by its whole path.
    pub(crate) fn invalid(&self, name: &str, why: &str) -> PlaidError {
        PlaidError::invalid_field(&format!("{}{name}", self.prefix), why)
    }

    /// A string field.
    pub(crate) fn str(&self, name: &str) -> ApiResult<Option<&'a str>> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s)),
            Some(_) => Err(self.wrong_type(name, "a string")),
        }
    }

    /// A string field the schema requires ([`Body::check`] has made sure it is there).
    pub(crate) fn required_str(&self, name: &str) -> ApiResult<&'a str> {
        self.str(name)?
            .ok_or_else(|| PlaidError::missing(&[format!("{}{name}", self.prefix)]))
    }

    /// An integer field.
    pub(crate) fn int(&self, name: &str) -> ApiResult<Option<i64>> {
        match self.get(name) {
            None => Ok(None),
            Some(v) => v
                .as_i64()
                .map(Some)
                .ok_or_else(|| self.wrong_type(name, "an integer")),
        }
    }

    /// A boolean field.
    pub(crate) fn bool(&self, name: &str) -> ApiResult<Option<bool>> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(_) => Err(self.wrong_type(name, "a boolean")),
        }
    }

    /// An array-of-strings field.
    pub(crate) fn strings(&self, name: &str) -> ApiResult<Option<Vec<&'a str>>> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::Array(items)) => items
                .iter()
                .map(|v| {
                    v.as_str()
                        .ok_or_else(|| self.wrong_type(name, "an array of strings"))
                })
                .collect::<ApiResult<Vec<_>>>()
                .map(Some),
            Some(_) => Err(self.wrong_type(name, "an array of strings")),
        }
    }

    /// An object field, read with the same accessors (`options` and nested objects).
    pub(crate) fn object(&self, name: &str) -> ApiResult<Option<Fields<'a>>> {
        match self.get(name) {
            None => Ok(None),
            Some(Value::Object(map)) => Ok(Some(Fields {
                map,
                prefix: format!("{}{name}.", self.prefix),
            })),
            Some(_) => Err(self.wrong_type(name, "an object")),
        }
    }

    /// `options`, or an empty object when absent (so handlers read options uniformly).
    pub(crate) fn options(&self) -> ApiResult<Fields<'a>> {
        static EMPTY: std::sync::OnceLock<Map<String, Value>> = std::sync::OnceLock::new();
        Ok(self.object("options")?.unwrap_or_else(|| Fields {
            map: EMPTY.get_or_init(Map::new),
            prefix: format!("{}options.", self.prefix),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCHEMA: Schema = Schema {
        required: &["access_token"],
        optional: &["options"],
        options: &["account_ids"],
    };

    fn body(text: &str) -> ApiResult<Body> {
        Body::parse(text.as_bytes())
    }

    #[test]
    fn bodies_must_be_json_objects_but_may_be_empty() {
        assert!(body("").unwrap().fields().map.is_empty());
        assert_eq!(body("[1]").unwrap_err().code(), "INVALID_BODY");
        assert_eq!(body("access_token=x").unwrap_err().code(), "INVALID_BODY");
    }

    #[test]
    fn unknown_fields_are_named_before_missing_ones() {
        let err = body(r#"{"nope": 1, "options": {"count": 2}}"#)
            .unwrap()
            .check(&SCHEMA)
            .unwrap_err();
        assert_eq!(err.code(), "UNKNOWN_FIELDS");
        let text = err.body("r").to_string();
        assert!(text.contains("nope, options.count"), "{text}");
        let err = body(r#"{"access_token": null, "client_id": "x"}"#)
            .unwrap()
            .check(&SCHEMA)
            .unwrap_err();
        assert_eq!(err.code(), "MISSING_FIELDS");
        assert!(err.body("r").to_string().contains("missing: access_token"));
        body(r#"{"access_token": "t", "secret": "s", "options": {}}"#)
            .unwrap()
            .check(&SCHEMA)
            .unwrap();
    }

    #[test]
    fn typed_accessors_refuse_other_types_with_invalid_field() {
        let b = body(r#"{"n": "1", "s": 2, "l": ["a", 1], "o": {"count": true}}"#).unwrap();
        let f = b.fields();
        assert_eq!(f.int("n").unwrap_err().code(), "INVALID_FIELD");
        assert_eq!(f.str("s").unwrap_err().code(), "INVALID_FIELD");
        assert_eq!(f.strings("l").unwrap_err().code(), "INVALID_FIELD");
        assert_eq!(f.bool("n").unwrap_err().code(), "INVALID_FIELD");
        assert_eq!(f.object("s").unwrap_err().code(), "INVALID_FIELD");
        assert_eq!(f.int("absent").unwrap(), None);
        let options = body(r#"{"options": {"count": "x"}}"#).unwrap();
        let err = options
            .fields()
            .options()
            .unwrap()
            .int("count")
            .unwrap_err();
        assert!(err.body("r").to_string().contains("options.count must be"));
    }
}
