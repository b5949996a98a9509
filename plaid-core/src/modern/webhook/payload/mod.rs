//! Typed webhook payloads: `(webhook_type, webhook_code)` → one variant of
//! [`Webhook`].
//!
//! Plaid adds webhook types and codes without a new API version, so a pair
//! this version does not know is not an error: it is
//! [`Webhook::Unknown`], which keeps the whole payload as JSON along with
//! the fields every webhook shares. A *known* pair whose fields are not the
//! documented shape is a decode error naming the field, since handling it
//! as if it were fine would hide a real problem.
//!
//! Decode the **raw** body, the same bytes the signature covers, and only
//! after verifying it (see the [module docs](super)).

mod item;
mod products;
mod transactions;

use std::fmt;

use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::error::Error;
use crate::modern::PlaidError;
use crate::modern::models::WebhookType;
use crate::secret::REDACTED;
use crate::wire;

pub use item::{
    ItemError, ItemNotice, PendingDisconnect, PendingDisconnectReason, PendingExpiration,
    UserAccountRevoked, WebhookUpdateAcknowledged,
};
pub use products::{
    AccountVerification, AuthDefaultUpdate, AuthUpdateType, HoldingsDefaultUpdate,
    IdentityDefaultUpdate, IdentityUpdateType, InvestmentsTransactionsUpdate,
    LiabilitiesDefaultUpdate,
};
pub use transactions::{
    RecurringTransactionsUpdate, SyncUpdatesAvailable, TransactionsRemoved, TransactionsUpdate,
};

/// What a decode error of a webhook body says it was decoding.
const CONTEXT: &str = "the webhook body could not be decoded";

open_enum! {
    /// The environment a webhook comes from (`WebhookEnvironmentValues`).
    pub enum WebhookEnvironment {
        /// `sandbox`.
        Sandbox => "sandbox",
        /// `production`.
        Production => "production",
    }
}

/// The fields most webhooks share, read the same way whatever the variant.
trait Common {
    fn item_id(&self) -> Option<&str>;
    fn environment(&self) -> Option<&WebhookEnvironment>;
    fn error(&self) -> Option<&PlaidError>;
}

/// Implements [`Common`] for payloads with an `item_id`, an optional
/// `environment` and an optional `error`.
macro_rules! common_fields {
    ($($payload:ty),* $(,)?) => {
        $(
            impl $crate::modern::webhook::payload::Common for $payload {
                fn item_id(&self) -> Option<&str> {
                    Some(&self.item_id)
                }
                fn environment(&self) -> Option<&$crate::modern::webhook::WebhookEnvironment> {
                    self.environment.as_ref()
                }
                fn error(&self) -> Option<&$crate::modern::PlaidError> {
                    self.error.as_ref()
                }
            }
        )*
    };
}
use common_fields;

/// Declares [`Webhook`] from one table, so that the variants, the pairs
/// they are decoded from and the accessors cannot drift apart.
macro_rules! webhooks {
    ($(
        $(#[$doc:meta])*
        $variant:ident($payload:ty) = $webhook_type:literal / $code:literal;
    )*) => {
        /// A modern webhook, typed by its `(webhook_type, webhook_code)`
        /// (`modern-api.md` §10). Variants are named after the spec's
        /// `*Webhook` schemas.
        ///
        /// ```
        /// use plaid_core::modern::webhook::Webhook;
        ///
        /// let body = br#"{
        ///   "webhook_type": "TRANSACTIONS",
        ///   "webhook_code": "SYNC_UPDATES_AVAILABLE",
        ///   "item_id": "wz666MBjYWTp2PDzzggYhM6oWWmBb",
        ///   "initial_update_complete": true,
        ///   "historical_update_complete": false,
        ///   "environment": "production"
        /// }"#;
        /// match Webhook::from_slice(body)? {
        ///     Webhook::SyncUpdatesAvailable(update) => assert!(update.initial_update_complete),
        ///     other => panic!("unexpected {}/{}", other.webhook_type(), other.webhook_code()),
        /// }
        /// # Ok::<(), plaid_core::Error>(())
        /// ```
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum Webhook {
            $(
                $(#[$doc])*
                #[doc = concat!("\n\n`", $webhook_type, "` / `", $code, "`.")]
                $variant($payload),
            )*
            /// A type or code this version does not type, kept whole.
            Unknown(UnknownWebhook),
        }

        impl Webhook {
            /// The typed payload for a known pair, `None` for any other.
            fn decode_known(
                webhook_type: &WebhookType,
                code: &str,
                body: &[u8],
            ) -> Option<Result<Webhook, Error>> {
                $(
                    if webhook_type.as_str() == $webhook_type && code == $code {
                        return Some(decode::<$payload>(body).map(Webhook::$variant));
                    }
                )*
                None
            }

            /// The `webhook_type`.
            pub fn webhook_type(&self) -> WebhookType {
                match self {
                    $( Webhook::$variant(_) => WebhookType::from_wire($webhook_type), )*
                    Webhook::Unknown(unknown) => unknown.webhook_type.clone(),
                }
            }

            /// The `webhook_code`, as sent.
            pub fn webhook_code(&self) -> &str {
                match self {
                    $( Webhook::$variant(_) => $code, )*
                    Webhook::Unknown(unknown) => &unknown.webhook_code,
                }
            }

            fn common(&self) -> &dyn Common {
                match self {
                    $( Webhook::$variant(payload) => payload, )*
                    Webhook::Unknown(unknown) => unknown,
                }
            }
        }
    };
}

webhooks! {
    /// New transactions are ready for `/transactions/sync`.
    SyncUpdatesAvailable(SyncUpdatesAvailable) = "TRANSACTIONS" / "SYNC_UPDATES_AVAILABLE";
    /// The first 30 days of transactions are ready (`/transactions/get`).
    InitialUpdate(TransactionsUpdate) = "TRANSACTIONS" / "INITIAL_UPDATE";
    /// The whole transaction history is ready (`/transactions/get`).
    HistoricalUpdate(TransactionsUpdate) = "TRANSACTIONS" / "HISTORICAL_UPDATE";
    /// New transactions since the last update (`/transactions/get`).
    DefaultUpdate(TransactionsUpdate) = "TRANSACTIONS" / "DEFAULT_UPDATE";
    /// Transactions were removed (`/transactions/get`).
    TransactionsRemoved(TransactionsRemoved) = "TRANSACTIONS" / "TRANSACTIONS_REMOVED";
    /// The Item's recurring transactions changed.
    RecurringTransactionsUpdate(RecurringTransactionsUpdate) =
        "TRANSACTIONS" / "RECURRING_TRANSACTIONS_UPDATE";
    /// The Item is in an error state, often `ITEM_LOGIN_REQUIRED`.
    ItemError(ItemError) = "ITEM" / "ERROR";
    /// The Item left its error state without going through Link.
    ItemLoginRepaired(ItemNotice) = "ITEM" / "LOGIN_REPAIRED";
    /// The institution has accounts the user has not shared yet.
    NewAccountsAvailable(ItemNotice) = "ITEM" / "NEW_ACCOUNTS_AVAILABLE";
    /// The Item's consent expires soon.
    PendingExpiration(PendingExpiration) = "ITEM" / "PENDING_EXPIRATION";
    /// The Item will be disconnected soon.
    PendingDisconnect(PendingDisconnect) = "ITEM" / "PENDING_DISCONNECT";
    /// The user revoked the Item's access at the institution or at Plaid.
    UserPermissionRevoked(ItemNotice) = "ITEM" / "USER_PERMISSION_REVOKED";
    /// The user revoked access to one account.
    UserAccountRevoked(UserAccountRevoked) = "ITEM" / "USER_ACCOUNT_REVOKED";
    /// The Item's webhook URL was changed.
    WebhookUpdateAcknowledged(WebhookUpdateAcknowledged) = "ITEM" / "WEBHOOK_UPDATE_ACKNOWLEDGED";
    /// An account was verified by automated micro-deposits.
    AutomaticallyVerified(AccountVerification) = "AUTH" / "AUTOMATICALLY_VERIFIED";
    /// An account's micro-deposit verification expired.
    VerificationExpired(AccountVerification) = "AUTH" / "VERIFICATION_EXPIRED";
    /// Account or routing numbers changed.
    AuthDefaultUpdate(AuthDefaultUpdate) = "AUTH" / "DEFAULT_UPDATE";
    /// New or updated holdings.
    HoldingsDefaultUpdate(HoldingsDefaultUpdate) = "HOLDINGS" / "DEFAULT_UPDATE";
    /// New or cancelled investment transactions.
    InvestmentsDefaultUpdate(InvestmentsTransactionsUpdate) =
        "INVESTMENTS_TRANSACTIONS" / "DEFAULT_UPDATE";
    /// The investment transaction history is ready.
    InvestmentsHistoricalUpdate(InvestmentsTransactionsUpdate) =
        "INVESTMENTS_TRANSACTIONS" / "HISTORICAL_UPDATE";
    /// New or updated liabilities.
    LiabilitiesDefaultUpdate(LiabilitiesDefaultUpdate) = "LIABILITIES" / "DEFAULT_UPDATE";
    /// Identity data changed.
    IdentityDefaultUpdate(IdentityDefaultUpdate) = "IDENTITY" / "DEFAULT_UPDATE";
}

/// The two fields that choose the variant.
#[derive(Deserialize)]
struct Tag {
    webhook_type: WebhookType,
    webhook_code: String,
}

impl Webhook {
    /// Decodes a webhook from its raw body.
    ///
    /// A known `(webhook_type, webhook_code)` whose fields are not the
    /// documented shape is a [`Decode`](crate::ErrorKind::Decode) error
    /// with the path of the field; so is a body without the two fields. An
    /// unknown pair is [`Webhook::Unknown`]. The error never quotes the
    /// body; [`Error::body`] keeps it.
    pub fn from_slice(body: &[u8]) -> Result<Webhook, Error> {
        let tag: Tag = decode(body)?;
        match Webhook::decode_known(&tag.webhook_type, &tag.webhook_code, body) {
            Some(known) => known,
            None => {
                let raw: serde_json::Value = decode(body)?;
                Ok(Webhook::Unknown(UnknownWebhook::new(
                    tag.webhook_type,
                    tag.webhook_code,
                    raw,
                )))
            }
        }
    }

    /// The Item the webhook is about (`item_id`), when it names one.
    pub fn item_id(&self) -> Option<&str> {
        self.common().item_id()
    }

    /// The environment it comes from, when it says.
    pub fn environment(&self) -> Option<&WebhookEnvironment> {
        self.common().environment()
    }

    /// The error it reports (`error`), when there is one. It carries
    /// [`status`](PlaidError::status) and no request id.
    pub fn error(&self) -> Option<&PlaidError> {
        self.common().error()
    }
}

/// A webhook whose `(webhook_type, webhook_code)` this version does not
/// type: the shared fields, read leniently, and the whole payload.
///
/// Its `Debug` names the payload's fields but shows none of their values:
/// untyped webhooks include Link's, which carry public tokens.
#[derive(Clone, PartialEq)]
#[non_exhaustive]
pub struct UnknownWebhook {
    /// The `webhook_type`.
    pub webhook_type: WebhookType,
    /// The `webhook_code`.
    pub webhook_code: String,
    /// The `item_id`, if the payload has a string there.
    pub item_id: Option<String>,
    /// The `environment`, if the payload has a string there.
    pub environment: Option<WebhookEnvironment>,
    /// The `error`, if the payload has one that reads as a [`PlaidError`].
    pub error: Option<PlaidError>,
    /// The whole payload.
    pub raw: serde_json::Value,
}

impl UnknownWebhook {
    /// Reads the shared fields of `raw`; none of them can fail, since an
    /// unknown webhook must still reach the handler.
    fn new(webhook_type: WebhookType, webhook_code: String, raw: serde_json::Value) -> Self {
        let text = |field: &str| raw.get(field).and_then(serde_json::Value::as_str);
        let item_id = text("item_id").map(str::to_owned);
        let environment = text("environment").map(WebhookEnvironment::from_wire);
        let error = raw
            .get("error")
            .and_then(|error| PlaidError::deserialize(error).ok());
        UnknownWebhook {
            webhook_type,
            webhook_code,
            item_id,
            environment,
            error,
            raw,
        }
    }
}

impl fmt::Debug for UnknownWebhook {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UnknownWebhook")
            .field("webhook_type", &self.webhook_type)
            .field("webhook_code", &self.webhook_code)
            .field("item_id", &self.item_id)
            .field("environment", &self.environment)
            .field("error", &self.error)
            .field("raw", &RedactedJson(&self.raw))
            .finish()
    }
}

/// A JSON payload in `Debug`: the top-level field names, each value
/// redacted, since nothing says which of them are secrets.
struct RedactedJson<'a>(&'a serde_json::Value);

impl fmt::Debug for RedactedJson<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let redacted = format_args!("{REDACTED}");
        match self.0 {
            serde_json::Value::Object(map) => f
                .debug_map()
                .entries(map.keys().map(|key| (key, &redacted)))
                .finish(),
            _ => f.write_str(REDACTED),
        }
    }
}

impl Common for UnknownWebhook {
    fn item_id(&self) -> Option<&str> {
        self.item_id.as_deref()
    }
    fn environment(&self) -> Option<&WebhookEnvironment> {
        self.environment.as_ref()
    }
    fn error(&self) -> Option<&PlaidError> {
        self.error.as_ref()
    }
}

fn decode<T: DeserializeOwned>(body: &[u8]) -> Result<T, Error> {
    wire::decode_body(CONTEXT, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Link's webhooks (`SESSION_FINISHED`, `ITEM_ADD_RESULT`) are not typed here and carry
    /// public tokens: a handler that logs an unknown webhook with `{:?}` must not log them.
    #[test]
    fn an_unknown_webhook_prints_no_value_of_its_payload() {
        let body = br#"{
            "webhook_type": "LINK", "webhook_code": "SESSION_FINISHED",
            "status": "SUCCESS", "link_session_id": "356dbb28",
            "link_token": "link-sandbox-secret-link-token",
            "public_tokens": ["public-sandbox-secret-public-token"],
            "nested": {"access_token": "access-sandbox-secret-access-token"},
            "environment": "sandbox"
        }"#;
        let Ok(Webhook::Unknown(unknown)) = Webhook::from_slice(body) else {
            panic!("LINK / SESSION_FINISHED is an unknown webhook");
        };
        assert_eq!(
            unknown.raw["public_tokens"][0],
            "public-sandbox-secret-public-token"
        );
        for shown in [format!("{unknown:?}"), format!("{unknown:#?}")] {
            assert!(!shown.contains("secret"), "{shown}");
            assert!(shown.contains("SESSION_FINISHED"), "{shown}");
            assert!(
                shown.contains("public_tokens"),
                "the field names stay: {shown}"
            );
        }
        let whole = format!("{:?}", Webhook::Unknown(unknown));
        assert!(!whole.contains("secret"), "{whole}");
    }
}
