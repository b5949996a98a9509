//! The sandbox's data, for benchmarks that build response bodies without a server (e.g.
//! `plaid-core/benches`): the same values the sandbox serves, so that a benchmark parses what
//! a client would receive.

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
