//! The modern API's error object, `PlaidError`, and what it says about
//! retrying.
//!
//! Plaid asks clients to act on `error_type` and `error_code` rather than on
//! the HTTP status, and adds codes without a new API version: both are open
//! here ([`ErrorType`] keeps values it does not know, [`ErrorCode`] is a
//! string with constants for the common codes). The same type reads the
//! error Plaid reports in-band, inside an Item (`item.error`) or a webhook.

use std::any::Any;
use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{ApiErrorBody, Error};
use crate::retry::RetryHint;

open_enum! {
    /// The broad category of an error (`error_type`), "safe for programmatic
    /// use".
    pub enum ErrorType {
        /// The request was malformed.
        InvalidRequest => "INVALID_REQUEST",
        /// The response was not valid.
        InvalidResult => "INVALID_RESULT",
        /// A value in the request (a token, a key, an id) is not valid.
        InvalidInput => "INVALID_INPUT",
        /// The institution is down or misbehaving.
        InstitutionError => "INSTITUTION_ERROR",
        /// A rate limit was hit.
        RateLimitExceeded => "RATE_LIMIT_EXCEEDED",
        /// Plaid failed.
        ApiError => "API_ERROR",
        /// The Item is in a state that needs attention (often the user's).
        ItemError => "ITEM_ERROR",
        /// An Asset Report failed.
        AssetReportError => "ASSET_REPORT_ERROR",
        /// A Base Report failed.
        BaseReportError => "BASE_REPORT_ERROR",
        /// reCAPTCHA failed.
        RecaptchaError => "RECAPTCHA_ERROR",
        /// An OAuth flow failed.
        OauthError => "OAUTH_ERROR",
        /// A payment failed.
        PaymentError => "PAYMENT_ERROR",
        /// A bank transfer failed.
        BankTransferError => "BANK_TRANSFER_ERROR",
        /// Income verification failed.
        IncomeVerificationError => "INCOME_VERIFICATION_ERROR",
        /// Micro-deposits failed.
        MicrodepositsError => "MICRODEPOSITS_ERROR",
        /// A sandbox-only call was misused.
        SandboxError => "SANDBOX_ERROR",
        /// A partner call failed.
        PartnerError => "PARTNER_ERROR",
        /// Signal failed.
        SignalError => "SIGNAL_ERROR",
        /// A transactions call failed (e.g. the data changed during a sync).
        TransactionsError => "TRANSACTIONS_ERROR",
        /// A transaction call failed.
        TransactionError => "TRANSACTION_ERROR",
        /// A transfer failed.
        TransferError => "TRANSFER_ERROR",
        /// A Check Report failed.
        CheckReportError => "CHECK_REPORT_ERROR",
        /// A Consumer Report failed.
        ConsumerReportError => "CONSUMER_REPORT_ERROR",
        /// A user call failed.
        UserError => "USER_ERROR",
    }
}

/// The specific error (`error_code`): an open string, since Plaid adds codes
/// without a new API version. Compare with the constants:
///
/// ```
/// use plaid_core::modern::ErrorCode;
///
/// let code = ErrorCode::new("ITEM_LOGIN_REQUIRED");
/// assert_eq!(code, ErrorCode::ITEM_LOGIN_REQUIRED);
/// assert!(code.is_item_login_required());
/// assert_eq!(ErrorCode::new("SOMETHING_NEW").as_str(), "SOMETHING_NEW");
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ErrorCode(Cow<'static, str>);

macro_rules! error_codes {
    ($( $(#[$doc:meta])* $name:ident; )*) => {
        impl ErrorCode {
            $( $(#[$doc])* pub const $name: ErrorCode = ErrorCode(Cow::Borrowed(stringify!($name))); )*
        }
    };
}

error_codes! {
    /// The Item's login or consent expired: send the user through Link's
    /// update mode. Never worth a retry.
    ITEM_LOGIN_REQUIRED;
    /// The data is still being pulled; ask again later.
    PRODUCT_NOT_READY;
    /// The Item or institution cannot serve this product.
    PRODUCTS_NOT_SUPPORTED;
    /// The Item has no eligible accounts.
    NO_ACCOUNTS;
    /// The Item has no accounts that support Auth.
    NO_AUTH_ACCOUNTS;
    /// The Item was not found (e.g. it was removed).
    ITEM_NOT_FOUND;
    /// The account is locked at the institution.
    ITEM_LOCKED;
    /// The user's credentials were wrong.
    INVALID_CREDENTIALS;
    /// The user's MFA answer was wrong.
    INVALID_MFA;
    /// The user must act at the institution first.
    USER_SETUP_REQUIRED;
    /// The access token is malformed, revoked or for another environment.
    INVALID_ACCESS_TOKEN;
    /// The public token is malformed, used or expired.
    INVALID_PUBLIC_TOKEN;
    /// The client id or secret is wrong, or for another environment.
    INVALID_API_KEYS;
    /// The institution id is unknown.
    INVALID_INSTITUTION;
    /// An account id is unknown.
    INVALID_ACCOUNT_ID;
    /// A field has an invalid value.
    INVALID_FIELD;
    /// A required field is missing.
    MISSING_FIELDS;
    /// The request has fields the API does not know.
    UNKNOWN_FIELDS;
    /// The body is not valid JSON.
    INVALID_BODY;
    /// A header is invalid.
    INVALID_HEADERS;
    /// The route does not exist.
    NOT_FOUND;
    /// The transactions changed during a sync: restart the whole loop from
    /// its first cursor.
    TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION;
    /// The institution is down; retry later.
    INSTITUTION_DOWN;
    /// The institution does not answer; retry later.
    INSTITUTION_NOT_RESPONDING;
    /// The institution is not available right now.
    INSTITUTION_NOT_AVAILABLE;
    /// The institution is not enabled in this environment.
    INSTITUTION_NOT_ENABLED_IN_ENVIRONMENT;
    /// The institution was not found.
    INSTITUTION_NOT_FOUND;
    /// Plaid failed.
    INTERNAL_SERVER_ERROR;
    /// Plaid is under maintenance.
    PLANNED_MAINTENANCE;
    /// The webhook verification key id is unknown.
    INVALID_WEBHOOK_VERIFICATION_KEY_ID;
    /// `/sandbox/item/fire_webhook` on an Item without a webhook URL.
    SANDBOX_WEBHOOK_INVALID;
}

impl ErrorCode {
    /// A code from its text.
    pub fn new(code: impl Into<String>) -> Self {
        ErrorCode(Cow::Owned(code.into()))
    }

    /// The code as it appears on the wire.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `ITEM_LOGIN_REQUIRED`: the user must go through Link's update mode.
    pub fn is_item_login_required(&self) -> bool {
        *self == ErrorCode::ITEM_LOGIN_REQUIRED
    }

    /// `PRODUCT_NOT_READY`: the data is not ready yet.
    pub fn is_product_not_ready(&self) -> bool {
        *self == ErrorCode::PRODUCT_NOT_READY
    }

    /// `INSTITUTION_DOWN` or `INSTITUTION_NOT_RESPONDING`: a bank-side
    /// outage that a later retry may get past.
    pub fn is_institution_down(&self) -> bool {
        *self == ErrorCode::INSTITUTION_DOWN || *self == ErrorCode::INSTITUTION_NOT_RESPONDING
    }

    /// `TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION`: restart the sync loop
    /// from its first cursor.
    pub fn is_sync_mutation(&self) -> bool {
        *self == ErrorCode::TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION
    }

    /// One of the per-endpoint rate-limit codes (`ACCOUNTS_LIMIT`,
    /// `ITEM_GET_LIMIT`, …), which all end in `_LIMIT`.
    pub fn is_rate_limit(&self) -> bool {
        self.0.ends_with("_LIMIT")
    }
}

impl fmt::Debug for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ErrorCode({})", self.as_str())
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl PartialEq<str> for ErrorCode {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl Serialize for ErrorCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ErrorCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(ErrorCode::new)
    }
}

/// A Plaid error (`PlaidError`), from an error response, an Item or a
/// webhook. Every field the spec defines is kept; unknown ones are ignored.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PlaidError {
    /// The broad category.
    pub error_type: ErrorType,
    /// The specific error.
    pub error_code: ErrorCode,
    /// Why, for OAuth Item errors (`OAUTH_INVALID_TOKEN`, …).
    #[serde(default)]
    pub error_code_reason: Option<String>,
    /// Developer-facing text; may change, not for matching. Missing or
    /// `null` reads as empty: losing the type and code over it would be
    /// worse.
    #[serde(default, deserialize_with = "null_as_empty")]
    pub error_message: String,
    /// User-facing text, when the user caused the error.
    #[serde(default)]
    pub display_message: Option<String>,
    /// The request's id (absent in webhooks).
    #[serde(default)]
    pub request_id: Option<String>,
    /// The Items' own errors, for multi-Item reports (untyped in the spec).
    #[serde(default)]
    pub causes: Vec<serde_json::Value>,
    /// The HTTP status the error would have had (in webhooks only).
    #[serde(default)]
    pub status: Option<u16>,
    /// Where Plaid documents this error.
    #[serde(default)]
    pub documentation_url: Option<String>,
    /// What Plaid suggests doing.
    #[serde(default)]
    pub suggested_action: Option<String>,
    /// For `NO_ACCOUNTS` with `investments_auth`: the subtypes required.
    #[serde(default)]
    pub required_account_subtypes: Vec<String>,
    /// For `NO_ACCOUNTS` with `investments_auth`: the subtypes found.
    #[serde(default)]
    pub provided_account_subtypes: Vec<String>,
}

/// A string that may be `null`, read as empty.
fn null_as_empty<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    Option::<String>::deserialize(deserializer).map(Option::unwrap_or_default)
}

impl PlaidError {
    /// `ITEM_LOGIN_REQUIRED`: the user must go through Link's update mode.
    pub fn is_item_login_required(&self) -> bool {
        self.error_code.is_item_login_required()
    }

    /// `PRODUCT_NOT_READY`: the data is not ready yet.
    pub fn is_product_not_ready(&self) -> bool {
        self.error_code.is_product_not_ready()
    }

    /// `RATE_LIMIT_EXCEEDED`: a rate limit was hit.
    pub fn is_rate_limited(&self) -> bool {
        self.error_type == ErrorType::RateLimitExceeded
    }

    /// `INSTITUTION_DOWN` or `INSTITUTION_NOT_RESPONDING`.
    pub fn is_institution_down(&self) -> bool {
        self.error_code.is_institution_down()
    }

    /// `TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION`.
    pub fn is_sync_mutation(&self) -> bool {
        self.error_code.is_sync_mutation()
    }

    /// What this error says about sending the same request again
    /// (`modern-api.md` §6.3): rate limits are retried a little, bank
    /// outages with backoff, not-ready data only on request; a login that
    /// needs the user and every `INVALID_*` error never.
    pub fn retry_hint(&self) -> RetryHint {
        hint(&self.error_type, &self.error_code)
    }
}

/// The hint for an error type and code; shared by [`PlaidError`] and the
/// light reading the retry driver does of a failed response.
pub(crate) fn hint(error_type: &ErrorType, code: &ErrorCode) -> RetryHint {
    if *error_type == ErrorType::RateLimitExceeded {
        RetryHint::RateLimited
    } else if code.is_institution_down() {
        RetryHint::Transient
    } else if code.is_product_not_ready() {
        RetryHint::NotReady
    } else if code.is_item_login_required()
        || matches!(
            error_type,
            ErrorType::InvalidRequest | ErrorType::InvalidInput | ErrorType::InvalidResult
        )
    {
        RetryHint::Permanent
    } else {
        RetryHint::Status
    }
}

impl fmt::Display for PlaidError {
    /// `ITEM_ERROR ITEM_LOGIN_REQUIRED: the login details of this item have
    /// changed …`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.error_type, self.error_code)?;
        if !self.error_message.is_empty() {
            write!(f, ": {}", self.error_message)?;
        }
        Ok(())
    }
}

impl ApiErrorBody for PlaidError {
    fn code(&self) -> Cow<'_, str> {
        Cow::Borrowed(self.error_code.as_str())
    }

    fn message(&self) -> &str {
        &self.error_message
    }

    fn retry_hint(&self) -> RetryHint {
        PlaidError::retry_hint(self)
    }

    fn as_any(&self) -> &dyn Any {
        self
    }

    fn clone_box(&self) -> Box<dyn ApiErrorBody> {
        Box::new(self.clone())
    }
}

impl Error {
    /// The Plaid error, for errors of modern calls whose body was one.
    pub fn plaid(&self) -> Option<&PlaidError> {
        self.api_error_as::<PlaidError>()
    }

    /// The Plaid error code, for errors of modern calls whose body had one.
    pub fn plaid_code(&self) -> Option<&ErrorCode> {
        self.plaid().map(|error| &error.error_code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_follow_the_retry_table() {
        let cases = [
            (
                "RATE_LIMIT_EXCEEDED",
                "ACCOUNTS_LIMIT",
                RetryHint::RateLimited,
            ),
            (
                "INSTITUTION_ERROR",
                "INSTITUTION_DOWN",
                RetryHint::Transient,
            ),
            (
                "INSTITUTION_ERROR",
                "INSTITUTION_NOT_RESPONDING",
                RetryHint::Transient,
            ),
            (
                "INSTITUTION_ERROR",
                "INSTITUTION_NOT_FOUND",
                RetryHint::Status,
            ),
            ("ITEM_ERROR", "PRODUCT_NOT_READY", RetryHint::NotReady),
            ("ITEM_ERROR", "ITEM_LOGIN_REQUIRED", RetryHint::Permanent),
            ("ITEM_ERROR", "ITEM_LOCKED", RetryHint::Status),
            (
                "INVALID_INPUT",
                "INVALID_ACCESS_TOKEN",
                RetryHint::Permanent,
            ),
            ("INVALID_REQUEST", "MISSING_FIELDS", RetryHint::Permanent),
            ("INVALID_RESULT", "SOMETHING", RetryHint::Permanent),
            ("API_ERROR", "INTERNAL_SERVER_ERROR", RetryHint::Status),
            ("API_ERROR", "PLANNED_MAINTENANCE", RetryHint::Status),
            (
                "TRANSACTIONS_ERROR",
                "TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION",
                RetryHint::Status,
            ),
            ("SOME_NEW_TYPE", "SOME_NEW_CODE", RetryHint::Status),
        ];
        for (error_type, code, expected) in cases {
            let got = hint(&ErrorType::from_wire(error_type), &ErrorCode::new(code));
            assert_eq!(got, expected, "{error_type} {code}");
        }
    }

    #[test]
    fn codes_and_types_honour_width_and_alignment() {
        assert_eq!(
            format!("[{:<12}]", ErrorCode::NO_ACCOUNTS),
            "[NO_ACCOUNTS ]"
        );
        assert_eq!(format!("[{:>12}]", ErrorType::ItemError), "[  ITEM_ERROR]");
    }

    #[test]
    fn codes_compare_with_their_constants_and_text() {
        let parsed: ErrorCode = serde_json::from_str("\"ITEM_LOGIN_REQUIRED\"").unwrap();
        assert_eq!(parsed, ErrorCode::ITEM_LOGIN_REQUIRED);
        assert_eq!(parsed, "ITEM_LOGIN_REQUIRED");
        assert!(ErrorCode::new("AUTH_LIMIT").is_rate_limit());
        assert!(!ErrorCode::ITEM_LOCKED.is_rate_limit());
        assert_eq!(
            format!("{:?}", ErrorCode::NO_ACCOUNTS),
            "ErrorCode(NO_ACCOUNTS)"
        );
        assert_eq!(
            serde_json::to_string(&ErrorCode::INVALID_BODY).unwrap(),
            "\"INVALID_BODY\""
        );
    }
}
