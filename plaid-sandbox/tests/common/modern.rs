//! Helpers for the modern-API tests: JSON calls with the sandbox keys in the headers, and
//! checks of the success and `PlaidError` shapes (request id in body and header alike).

use serde_json::{Value, json};

use super::{Conn, JSON_CT, Resp, raw};
use plaid_sandbox::Sandbox;

/// The headers every official client sends.
pub const KEYS: [(&str, &str); 3] = [
    ("PLAID-CLIENT-ID", "test_id"),
    ("PLAID-SECRET", "test_secret"),
    ("Plaid-Version", "2020-09-14"),
];

/// A fresh modern sandbox.
pub fn sb() -> Sandbox {
    Sandbox::start_modern().unwrap()
}

/// `POST path` with a raw body and exactly these headers (besides Host, User-Agent,
/// Content-Type and Content-Length).
pub fn post_raw(sb: &Sandbox, path: &str, body: &[u8], headers: &[(&str, &str)]) -> Resp {
    Conn::open(sb).send(&raw("POST", path, Some(JSON_CT), body, headers))
}

/// `POST path` with a JSON body and the sandbox keys in the headers.
pub fn post(sb: &Sandbox, path: &str, body: &Value) -> Resp {
    post_raw(sb, path, body.to_string().as_bytes(), &KEYS)
}

/// A success body of `path` (checked by [`Resp::plaid_ok`]).
pub fn ok(sb: &Sandbox, path: &str, body: &Value) -> Value {
    post(sb, path, body).plaid_ok()
}

/// Asserts that `value` has every key of `keys` (present, whatever its value).
pub fn has_keys(value: &Value, keys: &[&str]) {
    for key in keys {
        assert!(value.get(*key).is_some(), "no `{key}` in {value}");
    }
}

/// The keys every `PlaidError` body carries (nullable ones as explicit null).
pub const ERROR_KEYS: [&str; 10] = [
    "error_type",
    "error_code",
    "error_code_reason",
    "error_message",
    "display_message",
    "request_id",
    "causes",
    "status",
    "documentation_url",
    "suggested_action",
];

/// The keys every `Item` carries.
pub const ITEM_KEYS: [&str; 12] = [
    "item_id",
    "institution_id",
    "institution_name",
    "webhook",
    "auth_method",
    "error",
    "available_products",
    "billed_products",
    "products",
    "consented_products",
    "consent_expiration_time",
    "update_type",
];

/// The keys every `AccountBase` carries, and those of its `balances`.
pub const ACCOUNT_KEYS: [&str; 7] = [
    "account_id",
    "balances",
    "mask",
    "name",
    "official_name",
    "type",
    "subtype",
];
pub const BALANCE_KEYS: [&str; 5] = [
    "available",
    "current",
    "limit",
    "iso_currency_code",
    "unofficial_currency_code",
];

impl Resp {
    /// The request id of the header, checked against the body's.
    fn same_request_id(&self, body: &Value) {
        let header = self.header("x-request-id").expect("X-Request-Id");
        assert_eq!(body["request_id"], header, "request_id of body and header");
    }

    /// A 200 JSON body whose `request_id` is the header's.
    pub fn plaid_ok(&self) -> Value {
        let body = self.ok(200);
        self.same_request_id(&body);
        body
    }

    /// A `PlaidError` body with this status, type and code, every key present, and its
    /// `request_id` the header's.
    pub fn plaid_error(&self, status: u16, error_type: &str, code: &str) -> Value {
        assert_eq!(self.status, status, "body: {}", self.text());
        self.assert_common();
        let body = self.json();
        has_keys(&body, &ERROR_KEYS);
        assert_eq!(
            (body["error_type"].as_str(), body["error_code"].as_str()),
            (Some(error_type), Some(code)),
            "body: {body}"
        );
        assert!(
            body["error_message"]
                .as_str()
                .is_some_and(|m| !m.is_empty())
        );
        assert!(body["documentation_url"].is_string());
        self.same_request_id(&body);
        body
    }
}

/// Creates an Item at `institution` with `products` and `options` and exchanges its public
/// token: `(access_token, item_id)`.
pub fn item_with(
    sb: &Sandbox,
    institution: &str,
    products: &[&str],
    options: Value,
) -> (String, String) {
    let created = ok(
        sb,
        "/sandbox/public_token/create",
        &json!({ "institution_id": institution, "initial_products": products, "options": options }),
    );
    let public_token = created["public_token"].as_str().unwrap();
    let exchanged = ok(
        sb,
        "/item/public_token/exchange",
        &json!({ "public_token": public_token }),
    );
    (
        exchanged["access_token"].as_str().unwrap().to_owned(),
        exchanged["item_id"].as_str().unwrap().to_owned(),
    )
}

/// An Item at First Platypus Bank with auth, identity and transactions, no webhook.
pub fn item(sb: &Sandbox) -> (String, String) {
    item_with(
        sb,
        "ins_109508",
        &["auth", "identity", "transactions"],
        json!({}),
    )
}

/// An Item at First Platypus Bank with transactions, linked as `user` (any password), with
/// `options` merged into the sandbox options.
pub fn user_item(sb: &Sandbox, user: &str, options: Value) -> (String, String) {
    let mut all = json!({ "override_username": user, "override_password": "any" });
    if let (Some(all), Some(extra)) = (all.as_object_mut(), options.as_object()) {
        all.extend(extra.clone());
    }
    item_with(sb, "ins_109508", &["transactions"], all)
}

/// Everything one `/transactions/sync` loop from `cursor` collected.
#[derive(Debug, Default)]
pub struct Synced {
    pub added: Vec<Value>,
    pub modified: Vec<Value>,
    pub removed: Vec<Value>,
    pub pages: usize,
    pub cursor: String,
    pub status: String,
}

/// Runs a whole sync loop from `cursor` (`""` for the whole history) with pages of `count`,
/// with `extra` merged into every request body; panics on an error.
pub fn sync_loop(sb: &Sandbox, token: &str, cursor: &str, count: u64, extra: &Value) -> Synced {
    let mut out = Synced {
        cursor: cursor.to_owned(),
        ..Synced::default()
    };
    loop {
        let mut body = json!({ "access_token": token, "count": count });
        if !out.cursor.is_empty() {
            body["cursor"] = json!(out.cursor);
        }
        if let (Some(body), Some(extra)) = (body.as_object_mut(), extra.as_object()) {
            body.extend(extra.clone());
        }
        let page = ok(sb, "/transactions/sync", &body);
        let take = |key: &str| page[key].as_array().unwrap().clone();
        out.added.extend(take("added"));
        out.modified.extend(take("modified"));
        out.removed.extend(take("removed"));
        out.pages += 1;
        out.cursor = page["next_cursor"].as_str().unwrap().to_owned();
        out.status = page["transactions_update_status"]
            .as_str()
            .unwrap()
            .to_owned();
        if !page["has_more"].as_bool().unwrap() {
            return out;
        }
    }
}

/// The ids of a list of transactions (or removed transactions).
pub fn ids(list: &[Value]) -> Vec<String> {
    list.iter()
        .map(|t| t["transaction_id"].as_str().unwrap().to_owned())
        .collect()
}
