//! Modern webhooks: typed payloads, and (feature `webhooks`) verification
//! of the `Plaid-Verification` header Plaid signs them with.
//!
//! ## Payloads
//!
//! [`Webhook::from_slice`] turns a body into one variant per
//! `(webhook_type, webhook_code)` (`modern-api.md` §10), or
//! [`Webhook::Unknown`] with the raw JSON for pairs this version does not
//! type. An `error` inside is the same [`PlaidError`](crate::modern::PlaidError)
//! as everywhere else, with `status` and without a request id.
#![cfg_attr(
    feature = "webhooks",
    doc = r#"
## Verification (feature `webhooks`)

Plaid signs each webhook with an ES256 JWT in the `Plaid-Verification`
header; its claims are the time it was issued (`iat`) and the SHA-256
of the body. The verifier:

1. finds the header case-insensitively, refusing a missing or repeated
   one, and refuses a value over [`MAX_HEADER_LEN`] before decoding it;
2. takes the JWT apart strictly and **pins the algorithm to ES256**:
   `none`, `HS256` (the "public key as HMAC secret" trick), `RS256` and
   anything else are refused, whatever the token says;
3. looks the `kid` up in a [`KeySource`], and refuses an expired key;
4. checks the ES256 signature with `ring`;
5. refuses a token older than five minutes, or issued further in the
   future than a small clock tolerance ([`DEFAULT_CLOCK_SKEW`]);
6. compares the SHA-256 of the **raw** body with the signed one in
   constant time. Keep the body's bytes exactly as received: parsing and
   serialising it again changes the hash.

Each refusal has its own [`WebhookErrorKind`]; no error quotes the
header or the body.

### Shape: sans-IO, with drivers

[`WebhookVerifier::verify`] does no I/O and takes the time as an
argument. When the key source lacks the `kid`, it says so instead of
fetching: [`Verification::NeedKey`] (the tame-oauth style), with the
[`endpoint`](KeyRequest::endpoint) that fetches it. Put the answer in
the source and verify again.

A server usually wants that loop done for it:
[`Client::verify_webhook`](crate::modern::Client::verify_webhook) runs
it over the client's transport, blocking (`.send()`) or async
(`.await`), with a [`KeyCache`] that every thread shares. The cache
refreshes its other keys when an unknown `kid` appears (so a key Plaid
has expired is noticed) and remembers `kid`s Plaid does not know, so
forged webhooks cannot make it call Plaid without limit.

### Testing handlers (feature `webhook-signer`)

`TestSigner` builds a valid `Plaid-Verification` header for any body
from a local P-256 key, and gives the matching JWK, so a handler can be
tested end to end with no Plaid at all.
"#
)]
#![cfg_attr(
    not(feature = "webhooks"),
    doc = "
## Verification

The `webhooks` feature adds verification of the `Plaid-Verification`
header, and `webhook-signer` a local signer to test handlers with."
)]

#[cfg(feature = "webhooks")]
mod base64url;
#[cfg(feature = "webhooks")]
mod driver;
#[cfg(feature = "webhooks")]
mod error;
#[cfg(feature = "webhooks")]
mod jwt;
#[cfg(feature = "webhooks")]
mod key;
mod payload;
#[cfg(feature = "webhook-signer")]
mod signer;
#[cfg(feature = "webhooks")]
mod verify;

#[cfg(feature = "webhooks")]
pub use driver::VerifyWebhook;
#[cfg(feature = "webhooks")]
pub use error::{WebhookError, WebhookErrorKind};
#[cfg(feature = "webhooks")]
pub use jwt::MAX_HEADER_LEN;
#[cfg(feature = "webhooks")]
pub use key::{DEFAULT_REFRESH_INTERVAL, KeyCache, KeySource, VerificationKey};
pub use payload::{
    AccountVerification, AuthDefaultUpdate, AuthUpdateType, HoldingsDefaultUpdate,
    IdentityDefaultUpdate, IdentityUpdateType, InvestmentsTransactionsUpdate, ItemError,
    ItemNotice, LiabilitiesDefaultUpdate, PendingDisconnect, PendingDisconnectReason,
    PendingExpiration, RecurringTransactionsUpdate, SyncUpdatesAvailable, TransactionsRemoved,
    TransactionsUpdate, UnknownWebhook, UserAccountRevoked, Webhook, WebhookEnvironment,
    WebhookUpdateAcknowledged,
};
#[cfg(feature = "webhook-signer")]
pub use signer::{SignerError, TestSigner};
#[cfg(feature = "webhooks")]
pub use verify::{
    DEFAULT_CLOCK_SKEW, DEFAULT_MAX_AGE, KeyRequest, VERIFICATION_HEADER, Verification, Verified,
    WebhookVerifier, verification_header, verification_header_in,
};
