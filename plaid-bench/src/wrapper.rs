//! The plaid-rs side of every case: one call through the public API, as a
//! user writes it, blocking or async, with the same checks as the raw side.

use std::sync::Arc;

use plaid_core::legacy;
use plaid_core::modern;
use plaid_core::secret::AccessToken;
use plaid_core::{AsyncTransport, Transport};

use crate::calls::{CallKind, Family, Targets, check_large, check_small};

/// A plaid-rs client ready for one call. Cloned for every async call, as a
/// user's task would clone its client (all `Arc`s inside).
#[derive(Clone)]
pub(crate) enum Wrapper<T> {
    /// A legacy call (`balance` or `connect_get`) on a client holding its
    /// access token.
    Legacy(CallKind, legacy::Client<T>),
    /// The modern call on a modern client, with the Item's access token.
    Modern(modern::Client<T>, Arc<AccessToken>),
}

impl<T> Wrapper<T> {
    /// The client for `call` on `transport`.
    pub(crate) fn new(targets: &Targets, call: CallKind, transport: T) -> Wrapper<T> {
        match call.family() {
            Family::Legacy => Wrapper::Legacy(call, targets.legacy_client(call, transport)),
            Family::Modern => Wrapper::Modern(
                modern::Client::new(targets.modern.clone(), transport),
                Arc::clone(&targets.modern_token),
            ),
        }
    }
}

impl<T: Transport> Wrapper<T> {
    /// One blocking call, checked.
    pub(crate) fn call(&self) {
        match self {
            Wrapper::Legacy(CallKind::Large, client) => {
                let r = client.connect_get().send().expect("connect_get");
                check_large(r.transactions.as_ref().map_or(0, Vec::len));
                std::hint::black_box(r);
            }
            Wrapper::Legacy(_, client) => {
                let r = client.balance().send().expect("balance");
                check_small(r.accounts.len());
                std::hint::black_box(r);
            }
            Wrapper::Modern(client, token) => {
                let r = client
                    .accounts_balance_get(&**token)
                    .send()
                    .expect("accounts_balance_get");
                check_small(r.accounts.len());
                std::hint::black_box(r);
            }
        }
    }
}

impl<T: AsyncTransport> Wrapper<T> {
    /// One async call, checked.
    pub(crate) async fn call_async(self) {
        match self {
            Wrapper::Legacy(CallKind::Large, client) => {
                let r = client.connect_get().await.expect("connect_get");
                check_large(r.transactions.as_ref().map_or(0, Vec::len));
                std::hint::black_box(r);
            }
            Wrapper::Legacy(_, client) => {
                let r = client.balance().await.expect("balance");
                check_small(r.accounts.len());
                std::hint::black_box(r);
            }
            Wrapper::Modern(client, token) => {
                let r = client
                    .accounts_balance_get(&*token)
                    .await
                    .expect("accounts_balance_get");
                check_small(r.accounts.len());
                std::hint::black_box(r);
            }
        }
    }
}
