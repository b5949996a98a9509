//! The modern API's errors: the table of documented codes the emulator answers, and the
//! `PlaidError` bodies built from it (`modern-api.md` §6).
//!
//! Every error of the modern family goes through [`PlaidError`], so that each body carries
//! every key of the spec's `PlaidError` (nullable ones as explicit `null`) and the request id
//! of its response. The same table serves the handlers, the `error_<CODE>` sandbox passwords
//! and the `error=<CODE>` fault, so a code means the same type and status everywhere.

use serde_json::{Value, json};

use crate::server::{Refusal, Response};

/// One documented error code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ErrorDef {
    /// `error_code`.
    pub(crate) code: &'static str,
    /// `error_type`.
    pub(crate) kind: &'static str,
    /// The HTTP status it is answered with.
    pub(crate) status: u16,
    /// `error_message` (developer text).
    pub(crate) message: &'static str,
    /// `display_message`: user-facing text, `None` when the user did nothing wrong.
    pub(crate) display: Option<&'static str>,
}

macro_rules! table {
    ($( $kind:literal, $status:literal, $code:literal, $message:literal, $display:expr; )*) => {
        /// Every error code the emulator answers, grouped by `error_type`. Messages follow the
        /// ones Plaid's docs show for each code.
        pub(crate) const CODES: &[ErrorDef] = &[
            $( ErrorDef {
                code: $code,
                kind: $kind,
                status: $status,
                message: $message,
                display: $display,
            }, )*
        ];
    };
}

const RELINK: Option<&str> =
    Some("Your login details have changed. Please log in again to continue.");
const RETRY_LATER: Option<&str> = Some(
    "This financial institution is not currently responding to requests. We apologize for the inconvenience.",
);
const TRY_AGAIN: Option<&str> = Some("Something went wrong. Please try again later.");

table! {
    "INVALID_REQUEST", 400, "MISSING_FIELDS", "the following required fields are missing", None;
    "INVALID_REQUEST", 400, "UNKNOWN_FIELDS", "the following fields are not recognized by this endpoint", None;
    "INVALID_REQUEST", 400, "INVALID_FIELD", "one or more of the request body fields were improperly formatted or an invalid type was supplied", None;
    "INVALID_REQUEST", 400, "INVALID_BODY", "body could not be parsed as JSON", None;
    "INVALID_REQUEST", 400, "INVALID_HEADERS", "one or more of the required headers is missing or malformed", None;
    "INVALID_REQUEST", 404, "NOT_FOUND", "not found", None;
    "INVALID_INPUT", 400, "INVALID_API_KEYS", "invalid client_id or secret provided", None;
    "INVALID_INPUT", 400, "INVALID_ACCESS_TOKEN", "provided access token is in an invalid format. expected format: access-<environment>-<identifier>", None;
    "INVALID_INPUT", 400, "INVALID_PUBLIC_TOKEN", "provided public token is in an invalid format. expected format: public-<environment>-<identifier>", None;
    "INVALID_INPUT", 400, "INVALID_INSTITUTION", "invalid institution_id provided", None;
    "INVALID_INPUT", 400, "INVALID_PRODUCT", "the institution does not support the following products", None;
    "INVALID_INPUT", 400, "INVALID_ACCOUNT_ID", "one or more of the account IDs is invalid", None;
    "INVALID_INPUT", 400, "INVALID_WEBHOOK_VERIFICATION_KEY_ID", "invalid key_id provided. note that key_ids are specific to Plaid environments, and verification requests must be made to the same environment that the webhook was sent from", None;
    "ITEM_ERROR", 400, "ITEM_LOGIN_REQUIRED", "the login details of this item have changed (credentials, MFA, or required user action) and a user login is required to update this information. use Link's update mode to restore the item to a good state", RELINK;
    "ITEM_ERROR", 400, "ITEM_LOCKED", "the account is locked. prompt the user to visit the institution's site and unlock their account", Some("The given credentials are correct, but your account is locked. Please visit your bank's site to unlock it.");
    "ITEM_ERROR", 400, "INVALID_CREDENTIALS", "the provided credentials were not correct", Some("The provided credentials were not correct. Please try again.");
    "ITEM_ERROR", 400, "INVALID_MFA", "the provided MFA response(s) were not correct", Some("The provided MFA responses were not correct. Please try again.");
    "ITEM_ERROR", 400, "INSUFFICIENT_CREDENTIALS", "insufficient authorization was provided to complete the request", Some("Please log in again to continue.");
    "ITEM_ERROR", 400, "ITEM_NOT_FOUND", "the Item you requested cannot be found. This Item does not exist, has been previously removed via /item/remove, or has had access removed by the user", None;
    "ITEM_ERROR", 400, "ITEM_NOT_SUPPORTED", "this account is currently not supported", Some("This account is not currently supported.");
    "ITEM_ERROR", 400, "MFA_NOT_SUPPORTED", "this account requires a form of MFA that is not currently supported", Some("This account requires a form of multi-factor authentication that is not currently supported.");
    "ITEM_ERROR", 400, "NO_ACCOUNTS", "no valid accounts were found for this item", Some("No valid accounts were found at the bank. Please ensure that you are using the correct credentials.");
    "ITEM_ERROR", 400, "NO_AUTH_ACCOUNTS", "there are no valid checking or savings account(s) associated with this Item", Some("No valid checking or savings accounts were found.");
    "ITEM_ERROR", 400, "NO_INVESTMENT_ACCOUNTS", "there are no investment account(s) associated with this Item", Some("No investment accounts were found.");
    "ITEM_ERROR", 400, "NO_LIABILITY_ACCOUNTS", "there are no liability account(s) associated with this Item", Some("No liability accounts were found.");
    "ITEM_ERROR", 400, "PRODUCT_NOT_READY", "the requested product is not yet ready. please provide a webhook or try the request again later", None;
    "ITEM_ERROR", 400, "PRODUCTS_NOT_SUPPORTED", "the requested products are not supported by this item", None;
    "ITEM_ERROR", 400, "USER_SETUP_REQUIRED", "the account has not been fully set up. prompt the user to visit the issuing institution's site and finish the setup process", Some("Your account is not fully set up. Please visit your bank's site to finish the setup process.");
    "INSTITUTION_ERROR", 400, "INSTITUTION_DOWN", "this institution is not currently responding to this request. please try again soon", RETRY_LATER;
    "INSTITUTION_ERROR", 400, "INSTITUTION_NOT_RESPONDING", "this institution is not currently responding to this request. please try again soon", RETRY_LATER;
    "INSTITUTION_ERROR", 400, "INSTITUTION_NOT_AVAILABLE", "this institution is not available for this request", RETRY_LATER;
    "INSTITUTION_ERROR", 400, "INSTITUTION_NO_LONGER_SUPPORTED", "this institution is no longer supported", Some("This financial institution is no longer supported.");
    "INSTITUTION_ERROR", 400, "INSTITUTION_NOT_ENABLED_IN_ENVIRONMENT", "this institution is not enabled in this environment", None;
    "INSTITUTION_ERROR", 400, "INSTITUTION_NOT_FOUND", "this institution was not found", None;
    "API_ERROR", 500, "INTERNAL_SERVER_ERROR", "an unexpected error occurred", TRY_AGAIN;
    "API_ERROR", 503, "PLANNED_MAINTENANCE", "the Plaid API is temporarily unavailable due to planned maintenance. visit https://status.plaid.com/ for more information", TRY_AGAIN;
    "RATE_LIMIT_EXCEEDED", 429, "ACCOUNTS_LIMIT", "rate limit exceeded for attempts to access this item. please try again later", None;
    "RATE_LIMIT_EXCEEDED", 429, "ACCOUNTS_BALANCE_GET_LIMIT", "rate limit exceeded for attempts to access this item. please try again later", None;
    "RATE_LIMIT_EXCEEDED", 429, "AUTH_LIMIT", "rate limit exceeded for attempts to access this item. please try again later", None;
    "RATE_LIMIT_EXCEEDED", 429, "IDENTITY_LIMIT", "rate limit exceeded for attempts to access this item. please try again later", None;
    "RATE_LIMIT_EXCEEDED", 429, "INSTITUTIONS_GET_LIMIT", "rate limit exceeded for institutions/get. please try again later", None;
    "RATE_LIMIT_EXCEEDED", 429, "INSTITUTIONS_GET_BY_ID_LIMIT", "rate limit exceeded for institutions/get_by_id. please try again later", None;
    "RATE_LIMIT_EXCEEDED", 429, "ITEM_GET_LIMIT", "rate limit exceeded for attempts to access this item. please try again later", None;
    "RATE_LIMIT_EXCEEDED", 429, "TRANSACTIONS_LIMIT", "rate limit exceeded for attempts to access this item. please try again later", None;
    "RATE_LIMIT_EXCEEDED", 429, "TRANSACTIONS_SYNC_LIMIT", "rate limit exceeded for attempts to access this item. please try again later", None;
    "RATE_LIMIT_EXCEEDED", 429, "RATE_LIMIT", "rate limit exceeded. please try again later", None;
    "SANDBOX_ERROR", 400, "SANDBOX_WEBHOOK_INVALID", "webhook for this item is either empty or has not been set", None;
    "TRANSACTIONS_ERROR", 400, "TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION", "underlying transaction data changed since last page was fetched. please restart pagination from last update", None;
}

/// Looks a code up in [`CODES`].
pub(crate) fn lookup(code: &str) -> Option<&'static ErrorDef> {
    CODES.iter().find(|d| d.code == code)
}

/// The code answered when a code is missing from the table (never for a code the emulator
/// itself uses: a unit test checks that each of them is in it).
const FALLBACK: ErrorDef = ErrorDef {
    code: "INTERNAL_SERVER_ERROR",
    kind: "API_ERROR",
    status: 500,
    message: "an unexpected error occurred",
    display: TRY_AGAIN,
};

/// One error answer: a row of the table, possibly with a more precise message or another
/// status (a `status=<code>` fault keeps the status it asked for).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PlaidError {
    def: ErrorDef,
    message: Option<String>,
    status: Option<u16>,
}

/// The result type of the modern handlers.
pub(crate) type ApiResult<T> = Result<T, PlaidError>;

impl PlaidError {
    /// The error of the table for `code`.
    pub(crate) fn new(code: &str) -> PlaidError {
        PlaidError {
            def: lookup(code).copied().unwrap_or(FALLBACK),
            message: None,
            status: None,
        }
    }

    /// The error for `code` with `detail` after the table's message (`message: detail`), as
    /// Plaid names the offending fields or values.
    pub(crate) fn detailed(code: &str, detail: impl AsRef<str>) -> PlaidError {
        let mut err = PlaidError::new(code);
        err.message = Some(format!("{}: {}", err.def.message, detail.as_ref()));
        err
    }

    /// The error for `code` with its whole message replaced.
    pub(crate) fn with_message(code: &str, message: impl Into<String>) -> PlaidError {
        let mut err = PlaidError::new(code);
        err.message = Some(message.into());
        err
    }

    /// `MISSING_FIELDS` naming `fields`.
    pub(crate) fn missing(fields: &[String]) -> PlaidError {
        PlaidError::detailed("MISSING_FIELDS", fields.join(", "))
    }

    /// `INVALID_FIELD` about `field`.
    pub(crate) fn invalid_field(field: &str, why: &str) -> PlaidError {
        PlaidError::with_message("INVALID_FIELD", format!("{field} {why}"))
    }

    /// This error answered with `status` instead of the table's.
    pub(crate) fn with_status(mut self, status: u16) -> PlaidError {
        self.status = Some(status);
        self
    }

    /// `error_code`.
    #[cfg(test)]
    pub(crate) fn code(&self) -> &'static str {
        self.def.code
    }

    /// The HTTP status to answer with.
    pub(crate) fn status(&self) -> u16 {
        self.status.unwrap_or(self.def.status)
    }

    fn message(&self) -> &str {
        self.message.as_deref().unwrap_or(self.def.message)
    }

    /// The keys every error object carries, without `request_id` and `status`.
    fn fields(&self) -> serde_json::Map<String, Value> {
        let anchor = self.def.kind.to_ascii_lowercase().replace('_', "-");
        let value = json!({
            "error_type": self.def.kind,
            "error_code": self.def.code,
            "error_code_reason": null,
            "error_message": self.message(),
            "display_message": self.def.display,
            "causes": [],
            "documentation_url": format!("https://plaid.com/docs/?ref=error#{anchor}-errors"),
            "suggested_action": null,
        });
        match value {
            Value::Object(map) => map,
            _ => serde_json::Map::new(),
        }
    }

    /// The body of an error response: every key of the spec's `PlaidError`, with `status`
    /// null (the spec keeps it for errors inside webhooks) and this response's `request_id`.
    pub(crate) fn body(&self, request_id: &str) -> Value {
        let mut map = self.fields();
        map.insert("request_id".into(), Value::from(request_id));
        map.insert("status".into(), Value::Null);
        Value::Object(map)
    }

    /// The error object reported in-band (an Item's `error` on a 200): the same keys without
    /// `request_id`, which belongs to the response around it, and with `status`, the HTTP status
    /// a data call on the Item answers.
    pub(crate) fn in_band(&self) -> Value {
        let mut map = self.fields();
        map.insert("status".into(), Value::from(self.status()));
        Value::Object(map)
    }

    /// The response: this error's status and body, with `request_id` in both body and header.
    pub(crate) fn response(&self, request_id: String) -> Response {
        Response::json(self.status(), &self.body(&request_id)).with_request_id(request_id)
    }
}

/// The error a `status=<code>` fault answers on `path`, with that status: 429 the route's
/// rate-limit code ([`rate_limit_code`]), 503 `PLANNED_MAINTENANCE`, 404 `NOT_FOUND`, 400
/// `INVALID_FIELD`, every other status `INTERNAL_SERVER_ERROR` (like a proxy's 5xx, an
/// unexpected status is Plaid's problem, not the request's).
pub(crate) fn for_status(status: u16, path: &str) -> PlaidError {
    let code = match status {
        429 => rate_limit_code(path),
        503 => "PLANNED_MAINTENANCE",
        404 => "NOT_FOUND",
        400 => "INVALID_FIELD",
        _ => "INTERNAL_SERVER_ERROR",
    };
    PlaidError::new(code).with_status(status)
}

/// The endpoint-specific `RATE_LIMIT_EXCEEDED` code of a route (the docs' rate-limit table),
/// else the generic `RATE_LIMIT`.
pub(crate) fn rate_limit_code(path: &str) -> &'static str {
    match path.trim_end_matches('/') {
        "/accounts/get" => "ACCOUNTS_LIMIT",
        "/accounts/balance/get" => "ACCOUNTS_BALANCE_GET_LIMIT",
        "/auth/get" => "AUTH_LIMIT",
        "/identity/get" => "IDENTITY_LIMIT",
        "/institutions/get" => "INSTITUTIONS_GET_LIMIT",
        "/institutions/get_by_id" => "INSTITUTIONS_GET_BY_ID_LIMIT",
        "/item/get" => "ITEM_GET_LIMIT",
        "/transactions/get" => "TRANSACTIONS_LIMIT",
        "/transactions/sync" => "TRANSACTIONS_SYNC_LIMIT",
        _ => "RATE_LIMIT",
    }
}

/// The answer to a request the HTTP layer refused: `INVALID_BODY`, with status 400 for a
/// request it could not parse and 413 for a body over 1 MiB (Plaid documents no code for
/// either; the body is what a client must not send, so `INVALID_BODY` says it best).
pub(crate) fn refusal(refusal: Refusal, request_id: String) -> Response {
    let message = match refusal {
        Refusal::Malformed => "the request could not be parsed as HTTP/1.1",
        Refusal::TooLarge => "request bodies are limited to 1 MiB",
    };
    PlaidError::with_message("INVALID_BODY", message)
        .with_status(refusal.status())
        .response(request_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_typed_by_status() {
        for (i, def) in CODES.iter().enumerate() {
            assert!(
                CODES[i + 1..].iter().all(|d| d.code != def.code),
                "{} twice",
                def.code
            );
            let expected = match def.kind {
                "RATE_LIMIT_EXCEEDED" => 429,
                "API_ERROR" => def.status,
                _ if def.code == "NOT_FOUND" => 404,
                _ => 400,
            };
            assert_eq!(def.status, expected, "{}", def.code);
        }
    }

    #[test]
    fn an_error_body_has_every_key_of_the_spec() {
        let body = PlaidError::detailed("MISSING_FIELDS", "access_token").body("req-1");
        let mut keys: Vec<&str> = body
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "causes",
                "display_message",
                "documentation_url",
                "error_code",
                "error_code_reason",
                "error_message",
                "error_type",
                "request_id",
                "status",
                "suggested_action"
            ]
        );
        assert_eq!(body["error_type"], "INVALID_REQUEST");
        assert_eq!(
            body["error_message"],
            "the following required fields are missing: access_token"
        );
        assert!(body["display_message"].is_null());
        assert_eq!(body["request_id"], "req-1");
        assert_eq!(
            body["documentation_url"],
            "https://plaid.com/docs/?ref=error#invalid-request-errors"
        );
    }

    #[test]
    fn in_band_errors_carry_their_status_and_no_request_id() {
        let body = PlaidError::new("ITEM_LOGIN_REQUIRED").in_band();
        assert_eq!(body["status"], 400);
        assert!(body.get("request_id").is_none());
        assert!(body["display_message"].is_string());
    }

    #[test]
    fn status_faults_pick_documented_codes() {
        let cases = [
            (429, "/accounts/get", "ACCOUNTS_LIMIT"),
            (429, "/accounts/balance/get", "ACCOUNTS_BALANCE_GET_LIMIT"),
            (429, "/link/token/create", "RATE_LIMIT"),
            (500, "/item/get", "INTERNAL_SERVER_ERROR"),
            (503, "/item/get", "PLANNED_MAINTENANCE"),
            (502, "/item/get", "INTERNAL_SERVER_ERROR"),
            (418, "/item/get", "INTERNAL_SERVER_ERROR"),
        ];
        for (status, path, code) in cases {
            let err = for_status(status, path);
            assert_eq!(
                (err.status(), err.code()),
                (status, code),
                "{status} {path}"
            );
        }
    }

    #[test]
    fn an_unknown_code_falls_back_to_an_internal_error() {
        let err = PlaidError::new("NOT_A_CODE");
        assert_eq!((err.code(), err.status()), ("INTERNAL_SERVER_ERROR", 500));
    }
}
