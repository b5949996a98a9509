//! Modern webhooks: typed payloads, and (feature `webhooks`) verification
//! of the `Plaid-Verification` header.
//!
//! Placeholder docs, rewritten with verification.

mod payload;

pub use payload::{
    AccountVerification, AuthDefaultUpdate, AuthUpdateType, HoldingsDefaultUpdate,
    IdentityDefaultUpdate, IdentityUpdateType, InvestmentsTransactionsUpdate, ItemError,
    ItemNotice, LiabilitiesDefaultUpdate, PendingDisconnect, PendingDisconnectReason,
    PendingExpiration, RecurringTransactionsUpdate, SyncUpdatesAvailable, TransactionsRemoved,
    TransactionsUpdate, UnknownWebhook, UserAccountRevoked, Webhook, WebhookEnvironment,
    WebhookUpdateAcknowledged,
};
