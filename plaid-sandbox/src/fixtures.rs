//! The sandbox's data, for benchmarks that build response bodies without a server (e.g.
//! `plaid-core/benches`) and for tests that need what the server holds (the modern
//! webhook key): the same values the sandbox serves.

/// Data of the legacy (tartan) sandbox.
pub mod legacy {
    use serde_json::Value;

    use crate::legacy::data::{accounts as account_data, bulk};

    /// The four sandbox accounts, as `/connect/get` and `/balance` return them.
    pub fn accounts() -> &'static [Value] {
        account_data::accounts()
    }

    /// The `i`-th generated transaction of the `test_bulk_<N>` tokens (deterministic).
    pub fn bulk_transaction(i: u64) -> Value {
        bulk::transaction(i)
    }
}

/// Data of the modern sandbox.
pub mod modern {
    use crate::modern::keys;

    /// The P-256 key pair the modern sandbox answers `/webhook_verification_key/get` with
    /// and signs its webhooks with. A test key published with the emulator: it signs
    /// nothing but sandbox webhooks.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub struct WebhookKey {
        /// The key id (`kid`).
        pub key_id: &'static str,
        /// The public point's x coordinate, base64url without padding.
        pub x: &'static str,
        /// The public point's y coordinate, base64url without padding.
        pub y: &'static str,
        /// The private scalar, base64url without padding.
        pub d: &'static str,
        /// `created_at`, unix seconds.
        pub created_at: u64,
    }

    /// The webhook key of every modern sandbox.
    pub fn webhook_key() -> WebhookKey {
        WebhookKey {
            key_id: keys::KEY_ID,
            x: keys::X,
            y: keys::Y,
            d: keys::D,
            created_at: keys::CREATED_AT,
        }
    }
}
