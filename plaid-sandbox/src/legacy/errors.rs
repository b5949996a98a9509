//! The official legacy error table (`legacy-api.md` §1.2) and the error responses built from it.
//!
//! Every error the legacy family sends goes through [`ApiError`], so that each one carries
//! `code`, `message` and the full `resolve` string (the python client crashes without them),
//! plus the `access_token` echo that tartan adds to 1105 and 1203. The two errors of the HTTP
//! layer (a request it could not parse, a body too large) get the same shape with the HTTP
//! status as their `code`, see [`refusal`].

use serde_json::{Map, Value, json};

use crate::server::{Refusal, Response};

/// One row of the official legacy error table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ErrorDef {
    /// HTTP status code.
    pub(crate) status: u16,
    /// Plaid error code.
    pub(crate) code: u16,
    /// Short lower-case message.
    pub(crate) message: &'static str,
    /// Human-readable resolution sentence.
    pub(crate) resolve: &'static str,
}

macro_rules! table {
    ($( $status:literal, $code:literal, $message:literal, $resolve:literal; )*) => {
        /// The full official legacy error table, in code order.
        pub(crate) const ERROR_TABLE: &[ErrorDef] = &[
            $( ErrorDef { status: $status, code: $code, message: $message, resolve: $resolve }, )*
        ];
    };
}

table! {
    400, 1000, "access_token missing", "You need to include the access_token that you received from the original submit call.";
    400, 1001, "type missing", "You need to include a type parameter. Ex. bofa, wells, amex, chase, citi, etc.";
    400, 1003, "access_token disallowed", "You included an access_token on a submit call - this is only allowed on step and get routes.";
    400, 1004, "invalid options format", "Options need to be JSON or stringified JSON.";
    400, 1005, "credentials missing", "Provide username, password, and pin if appropriate.";
    400, 1006, "invalid credentials format", "Credentials need to be JSON or stringified JSON.";
    400, 1007, "upgrade_to required", "In order to upgrade an account, an upgrade_to field is required , ex. connect";
    400, 1008, "unsupported access_token", "This access token format is no longer supported. Contact support to resolve.";
    400, 1009, "invalid content-type", "Valid 'Content-Type' headers are 'application/json' and 'application/x-www-form-urlencoded' with an optional 'UTF-8' charset.";
    401, 1100, "client_id missing", "Include your Client ID so we know who you are.";
    401, 1101, "secret missing", "Include your Secret so we can verify your identity.";
    401, 1102, "secret or client_id invalid", "The Client ID does not exist or the Secret does not match the Client ID you provided.";
    401, 1104, "unauthorized product", "Your Client ID does not have access to this product. Contact us to purchase this product.";
    401, 1105, "bad access_token", "This access_token appears to be corrupted.";
    401, 1106, "bad public_token", "This public_token is corrupt or does not exist in our database. See the Link docs (https://plaid.com/docs/legacy/quickstart/).";
    401, 1107, "missing public_token", "Include the public_token received from the Plaid Link module. See the Link docs (https://plaid.com/docs/legacy/quickstart/).";
    401, 1108, "invalid type", "This institution is not currently supported.";
    401, 1109, "unauthorized product", "The sandbox client_id and secret can only be used with sandbox credentials and access tokens. See the Sandbox docs (https://plaid.com/docs/legacy/api#sandbox).";
    401, 1110, "product not enabled", "This product is not enabled for this item. Use the upgrade route to add it.";
    401, 1111, "invalid upgrade", "Specify a valid product to upgrade this item to.";
    401, 1112, "addition limit exceeded", "You have reached the maximum number of additions. Contact us to raise your limit.";
    429, 1113, "rate limit exceeded", "You have exceeded your request rate limit for this product. Try again soon.";
    401, 1114, "unauthorized environment", "Your Client ID is not authorized to access this API environment. Contact support@plaid.com to gain access.";
    401, 1115, "product already enabled", "The specified product is already enabled for this item. Call the corresponding product endpoint directly.";
    402, 1200, "invalid credentials", "The username or password provided were not correct.";
    402, 1201, "invalid username", "The username provided was not correct.";
    402, 1202, "invalid password", "The password provided was not correct.";
    402, 1203, "invalid mfa", "The MFA response provided was not correct.";
    402, 1204, "invalid send_method", "The MFA send_method provided was invalid. Consult the documentation for the proper format.";
    402, 1205, "account locked", "The account is locked. Prompt the user to visit the issuing institution's site and unlock their account.";
    402, 1206, "account not setup", "The account has not been fully set up. Prompt the user to visit the issuing institution's site and finish the setup process.";
    402, 1207, "country not supported", "We're United States-only at this point!";
    402, 1208, "mfa not supported", "This account requires a form of MFA that is not currently supported. Other accounts at this institution with a different form of MFA may be supported.";
    402, 1209, "invalid pin", "The pin provided was not correct.";
    402, 1210, "account not supported", "This account is currently not supported.";
    402, 1211, "bofa account not supported", "The security rules for this account restrict access. Disable 'Extra Security at Sign-In' in your Bank of America settings.";
    402, 1212, "no accounts", "No valid accounts exist for this user.";
    402, 1213, "invalid patch username", "The username in a PATCH request must match the username provided in the initial add user POST request.";
    402, 1215, "mfa reset", "MFA access has changed or this application's access has been revoked. Submit a PATCH call to resolve.";
    401, 1218, "mfa not required", "This item does not require the MFA process at this time.";
    402, 1219, "wells account not supported", "The security rules for this account restrict access. Disable 'Enhanced Sign On' in your Wells Fargo settings.";
    404, 1300, "institution not available", "This institution is not yet available in this environment.";
    404, 1301, "unable to find institution", "Double-check the provided institution ID.";
    402, 1302, "institution not responding", "The institution is failing to respond to our request, if you resubmit the query the request may go through.";
    402, 1303, "institution down", "The institution is down for an indeterminate amount of time, if you resubmit in a couple hours it may go through.";
    402, 1304, "invalid institution paging parameters", "Paging parameters must include a non-negative integer 'offset' and positive integer 'count'";
    402, 1305, "invalid institution query parameters", "Query parameters must include a non-empty query string";
    402, 1307, "institution no longer supported", "This institution is no longer supported by our longtail partner.";
    404, 1501, "unable to find category", "Double-check the provided category ID.";
    400, 1502, "type required", "You must include a type parameter.";
    400, 1503, "invalid type", "The specified type is not supported.";
    400, 1507, "invalid date", "Consult the documentation for valid date formats.";
    404, 1600, "product not found", "This product doesn't exist yet, we're actually not sure how you reached this error...";
    404, 1601, "product not available", "This product is not yet available for this institution.";
    404, 1606, "account not found", "The account ID provided was not correct.";
    404, 1610, "item not found", "No matching items found; go add an account!";
    501, 1700, "extractor error", "We failed to pull the required information from the institution - make sure the user can access their account; we have been notified.";
    502, 1701, "extractor error retry", "We failed to pull the required information from the institution - resubmit this query.";
    500, 1702, "plaid error", "An unexpected error has occurred on our systems; we've been notified and are looking into it!";
    503, 1800, "planned maintenance", "Portions of our system are down for maintenance. This route is inaccessible. GET requests to Auth and Connect may succeed.";
    400, 2001, "non-depository account ID specified", "Specify a valid depository account ID.";
    400, 2002, "unable to generate bank account token", "The bank account token could not be generated. Try again.";
}

/// Looks a code up in [`ERROR_TABLE`].
pub(crate) fn lookup(code: u16) -> Option<&'static ErrorDef> {
    ERROR_TABLE.iter().find(|d| d.code == code)
}

/// The code the emulator uses for an HTTP status that a fault asks for
/// (429→1113, 500→1702, 501→1700, 502→1701, 503→1800, otherwise the first row with that
/// status, otherwise 1702).
pub(crate) fn code_for_status(status: u16) -> u16 {
    match status {
        429 => 1113,
        500 => 1702,
        501 => 1700,
        502 => 1701,
        503 => 1800,
        s => ERROR_TABLE
            .iter()
            .find(|d| d.status == s)
            .map_or(1702, |d| d.code),
    }
}

/// An error answer: a table code, optionally with the `access_token` echo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ApiError {
    /// The Plaid code (a row of [`ERROR_TABLE`]).
    pub(crate) code: u16,
    /// Overrides the table's HTTP status (used by faults asking for an odd status).
    pub(crate) status: Option<u16>,
    /// Echoed as `access_token` (tartan does this for 1105 and 1203).
    pub(crate) access_token: Option<String>,
}

impl ApiError {
    /// An error with the table's status and no echo.
    pub(crate) fn new(code: u16) -> Self {
        ApiError {
            code,
            status: None,
            access_token: None,
        }
    }

    /// An error that echoes the access token as sent.
    pub(crate) fn with_token(code: u16, token: &str) -> Self {
        ApiError {
            code,
            status: None,
            access_token: Some(token.to_owned()),
        }
    }

    /// The table row of this error (1702 if the code is unknown).
    pub(crate) fn def(&self) -> &'static ErrorDef {
        lookup(self.code)
            .or_else(|| lookup(1702))
            .unwrap_or(&ERROR_TABLE[0])
    }

    /// The HTTP status to answer with.
    pub(crate) fn status(&self) -> u16 {
        self.status.unwrap_or(self.def().status)
    }

    /// An error for an HTTP status that a fault asks for: the code of [`code_for_status`],
    /// answered with that status even where the table says otherwise.
    pub(crate) fn for_status(status: u16) -> Self {
        ApiError {
            code: code_for_status(status),
            status: Some(status),
            access_token: None,
        }
    }

    /// The JSON body `{access_token?, code, message, resolve}`.
    pub(crate) fn body(&self) -> Value {
        let def = self.def();
        let mut map = Map::new();
        if let Some(token) = &self.access_token {
            map.insert("access_token".into(), Value::String(token.clone()));
        }
        map.insert("code".into(), Value::from(def.code));
        map.insert("message".into(), Value::from(def.message));
        map.insert("resolve".into(), Value::from(def.resolve));
        Value::Object(map)
    }
}

/// The result type of the request handlers.
pub(crate) type ApiResult<T> = Result<T, ApiError>;

impl From<ApiError> for Response {
    fn from(err: ApiError) -> Response {
        Response::json(err.status(), &err.body())
    }
}

/// The answer to a request the HTTP layer refused (400 unparseable, 413 too large). These are
/// not errors of the table, so their `code` is the HTTP status; the body keeps the
/// `{code, message, resolve}` shape that every legacy client reads.
pub(crate) fn refusal(refusal: Refusal) -> Response {
    let status = refusal.status();
    let (message, resolve) = match refusal {
        Refusal::TooLarge => ("payload too large", "Request bodies are limited to 1 MiB."),
        Refusal::Malformed => (
            "bad request",
            "The request could not be parsed as HTTP/1.1.",
        ),
    };
    Response::json(
        status,
        &json!({ "code": status, "message": message, "resolve": resolve }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_codes_are_unique_and_sorted() {
        for pair in ERROR_TABLE.windows(2) {
            assert!(pair[0].code < pair[1].code, "{:?}", pair);
        }
    }

    #[test]
    fn fault_statuses_map_to_documented_codes() {
        assert_eq!(code_for_status(429), 1113);
        assert_eq!(code_for_status(503), 1800);
        assert_eq!(code_for_status(404), 1300);
        assert_eq!(code_for_status(418), 1702);
    }

    #[test]
    fn a_fault_status_keeps_its_status_with_the_code_of_the_table() {
        let err = ApiError::for_status(418);
        assert_eq!((err.status(), err.code), (418, 1702));
        let err = ApiError::for_status(401);
        assert_eq!((err.status(), err.code), (401, 1100));
    }

    #[test]
    fn refusals_have_the_http_status_as_code() {
        for (refusal, status) in [(Refusal::Malformed, 400), (Refusal::TooLarge, 413)] {
            let r = super::refusal(refusal);
            assert_eq!(r.status, status);
            let body: Value = serde_json::from_slice(r.body.as_bytes()).unwrap();
            assert_eq!(body["code"], status);
            assert!(body["resolve"].as_str().is_some_and(|s| !s.is_empty()));
        }
    }
}
