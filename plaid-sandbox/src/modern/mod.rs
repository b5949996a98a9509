//! The modern API family (version `2020-09-14`, modern-api.md): every route a `POST` with a
//! JSON body, client keys in headers or body, `PlaidError` bodies, and stateful Items, so that
//! the official python client `plaid-python==46.0.0` decodes every answer.
//!
//! [`routes`] checks each request ([`fields`], [`auth`]) and hands it to [`handlers`], which
//! read and change the Items of [`state`] and answer from [`data`]; every error is a row of
//! [`errors`]. Every response carries a fresh `request_id` in its body, repeated in the
//! `X-Request-Id` header. [`Modern`] is what the HTTP layer sees of all this.

mod auth;
mod clock;
mod cursor;
pub(crate) mod data;
mod errors;
mod feed;
mod fields;
mod handlers;
mod ids;
pub(crate) mod keys;
mod routes;
mod state;
pub(crate) mod webhooks;

use std::sync::Arc;

use serde_json::Value;

use crate::delivery::Outbox;
use crate::family::Family;
use crate::server::{RecordedRequest, Refusal, Response, request_id};

use errors::PlaidError;
use state::Items;

pub(crate) use state::Settings;

/// The modern family of one sandbox: its Items.
#[derive(Debug, Default)]
pub(crate) struct Modern {
    items: Items,
}

impl Modern {
    /// A modern family with no Items yet and default settings.
    #[cfg(test)]
    pub(crate) fn new() -> Modern {
        Modern::default()
    }

    /// A modern family with no Items yet whose Items behave as `settings` say and deliver
    /// their webhooks through `outbox`.
    pub(crate) fn with_settings(settings: Settings, outbox: Arc<Outbox>) -> Modern {
        Modern {
            items: Items::new(Arc::new(clock::SystemClock), settings).with_outbox(outbox),
        }
    }

    /// A modern family over `items` (a test gives Items a clock it moves).
    #[cfg(test)]
    pub(crate) fn with_items(items: Items) -> Modern {
        Modern { items }
    }

    /// The Items.
    pub(crate) fn items(&self) -> &Items {
        &self.items
    }
}

/// A 200 answer: `body` with `request_id` added, the same id in the header.
fn success(mut body: Value, id: String) -> Response {
    if let Value::Object(map) = &mut body {
        map.insert("request_id".into(), Value::from(id.as_str()));
    }
    Response::json(200, &body).with_request_id(id)
}

impl Family for Modern {
    fn handle(&self, request: &RecordedRequest) -> Response {
        let id = request_id();
        match routes::dispatch(self, request) {
            Ok(body) => success(body, id),
            Err(err) => err.response(id),
        }
    }

    /// 429 the route's rate-limit code, 503 `PLANNED_MAINTENANCE`, 404 `NOT_FOUND`, 400
    /// `INVALID_FIELD`, anything else `INTERNAL_SERVER_ERROR`, always with the status asked
    /// for.
    fn error_for_status(&self, status: u16, request: &RecordedRequest) -> Response {
        errors::for_status(status, &request.path).response(request_id())
    }

    /// A code of the error table, with its type and status.
    fn error_for_code(&self, code: &str, _request: &RecordedRequest) -> Option<Response> {
        errors::lookup(code).map(|def| PlaidError::new(def.code).response(request_id()))
    }

    fn refusal(&self, refusal: Refusal) -> Response {
        errors::refusal(refusal, request_id())
    }

    /// The start of an `/accounts/get` body, cut off inside the first account id.
    fn malformed_body(&self) -> &'static [u8] {
        b"{\n  \"accounts\": [\n    {\n      \"account_id\": \"BxBXxLj1m4HMXBm9WZZmCWVbPjX16EHwv99v"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(method: &str, path: &str, body: &str) -> RecordedRequest {
        RecordedRequest {
            method: method.into(),
            path: path.into(),
            query: String::new(),
            headers: vec![
                ("PLAID-CLIENT-ID".into(), "test_id".into()),
                ("PLAID-SECRET".into(), "test_secret".into()),
            ],
            body: body.as_bytes().to_vec(),
        }
    }

    fn json(r: &Response) -> Value {
        serde_json::from_slice(r.body.as_bytes()).unwrap()
    }

    #[test]
    fn the_body_and_the_header_share_the_request_id() {
        let modern = Modern::new();
        for r in [
            modern.handle(&request("POST", "/categories/get", "{}")),
            modern.handle(&request("POST", "/nope", "{}")),
            modern.error_for_status(429, &request("POST", "/auth/get", "")),
            modern.refusal(Refusal::TooLarge),
        ] {
            let id = r.request_id.clone().expect("an id");
            assert_eq!(json(&r)["request_id"], id.as_str());
        }
    }

    #[test]
    fn error_faults_answer_documented_codes_only() {
        let modern = Modern::new();
        let req = request("POST", "/item/get", "{}");
        let r = modern.error_for_code("INSTITUTION_DOWN", &req).unwrap();
        assert_eq!(r.status, 400);
        assert_eq!(json(&r)["error_type"], "INSTITUTION_ERROR");
        let r = modern.error_for_code("PLANNED_MAINTENANCE", &req).unwrap();
        assert_eq!(r.status, 503);
        assert!(modern.error_for_code("NOT_A_CODE", &req).is_none());
        assert!(modern.error_for_code("1205", &req).is_none());
    }

    #[test]
    fn refusals_and_other_methods_are_invalid_request_errors() {
        let modern = Modern::new();
        let r = modern.refusal(Refusal::Malformed);
        assert_eq!(
            (r.status, json(&r)["error_code"].clone()),
            (400, "INVALID_BODY".into())
        );
        let r = modern.handle(&request("GET", "/item/get", ""));
        assert_eq!(
            (r.status, json(&r)["error_code"].clone()),
            (404, "NOT_FOUND".into())
        );
    }

    #[test]
    fn the_malformed_body_starts_like_an_accounts_body_and_is_not_json() {
        let body = Modern::new().malformed_body();
        assert!(body.starts_with(b"{\n  \"accounts\": ["));
        assert!(serde_json::from_slice::<Value>(body).is_err());
    }
}
