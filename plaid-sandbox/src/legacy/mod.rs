//! The legacy (tartan) API family: the wire protocol of `legacy-api.md`, byte-compatible with
//! the official python client `plaid-python-legacy==1.5.1`.
//!
//! [`router`] maps routes to [`handlers`], which read [`params`] (form, JSON or query, with
//! JSON-in-form `credentials`/`options`), answer from the fixed sandbox [`data`] and fail with
//! the [`errors`] table. [`Legacy`] is what the HTTP layer sees of all this.

pub(crate) mod data;
mod errors;
mod handlers;
mod params;
mod router;

use crate::cache::BodyCache;
use crate::family::Family;
use crate::server::{RecordedRequest, Refusal, Response};

use errors::ApiError;

/// The legacy family of one sandbox: its routes plus the cache of its pre-serialised bodies.
#[derive(Debug, Default)]
pub(crate) struct Legacy {
    cache: BodyCache,
}

impl Legacy {
    /// A legacy family with an empty body cache.
    pub(crate) fn new() -> Legacy {
        Legacy::default()
    }
}

impl Family for Legacy {
    fn handle(&self, request: &RecordedRequest) -> Response {
        router::handle(&self.cache, request)
    }

    /// 429→1113, 500→1702, 501→1700, 502→1701, 503→1800, otherwise the first code of the
    /// table with that status (1702 if none), always answered with the status asked for.
    fn error_for_status(&self, status: u16, _request: &RecordedRequest) -> Response {
        ApiError::for_status(status).into()
    }

    /// The numeric code of the error table (`error=1205`), with the table's status.
    fn error_for_code(&self, code: &str, _request: &RecordedRequest) -> Option<Response> {
        let code: u16 = code.parse().ok()?;
        errors::lookup(code).map(|_| ApiError::new(code).into())
    }

    fn refusal(&self, refusal: Refusal) -> Response {
        errors::refusal(refusal)
    }

    /// The start of a `/connect` body (the first account id of the sandbox data), cut off.
    fn malformed_body(&self) -> &'static [u8] {
        b"{\n  \"accounts\": [\n    {\n      \"_id\": \"QPO8Jo8v"
    }
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;

    fn json(r: &Response) -> Value {
        serde_json::from_slice(r.body.as_bytes()).unwrap()
    }

    #[test]
    fn status_faults_get_the_documented_codes() {
        let legacy = Legacy::new();
        for (status, code) in [
            (429, 1113),
            (500, 1702),
            (501, 1700),
            (502, 1701),
            (503, 1800),
        ] {
            let r = legacy.error_for_status(status, &request("/connect/get"));
            assert_eq!(r.status, status);
            let body = json(&r);
            assert_eq!(body["code"], code, "{status}");
            assert!(body["resolve"].as_str().is_some_and(|s| !s.is_empty()));
        }
    }

    #[test]
    fn error_faults_answer_the_table_row_of_the_code() {
        let legacy = Legacy::new();
        let r = legacy
            .error_for_code("1205", &request("/connect"))
            .expect("a table code");
        assert_eq!((r.status, json(&r)["code"].as_u64()), (402, Some(1205)));
        assert!(legacy.error_for_code("9999", &request("/x")).is_none());
        assert!(
            legacy
                .error_for_code("ITEM_LOCKED", &request("/x"))
                .is_none()
        );
    }

    #[test]
    fn the_malformed_body_starts_like_a_legacy_body_and_is_not_json() {
        let body = Legacy::new().malformed_body();
        assert!(body.starts_with(b"{\n  \"accounts\": ["));
        assert!(serde_json::from_slice::<Value>(body).is_err());
    }

    fn request(path: &str) -> RecordedRequest {
        RecordedRequest {
            method: "GET".into(),
            path: path.into(),
            query: String::new(),
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    #[test]
    fn unknown_routes_are_1600() {
        let r = Legacy::new().handle(&request("/nope"));
        assert_eq!((r.status, json(&r)["code"].as_u64()), (404, Some(1600)));
    }
}
