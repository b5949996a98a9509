//! The modern API family on every backend, against the modern emulator
//! (`Sandbox::start_modern()`): an Item's whole life, the documented errors,
//! and retries chosen by the error code rather than the status.
//!
//! The harness makes legacy clients; a backend's transport serves either
//! family, so [`ModernBackend`] builds modern clients on the same transport.
//! Test names start with `modern_` because every test of the suite becomes
//! a `#[test]` of the same name in each backend.

use std::time::Duration;

use plaid_core::modern::endpoints::SandboxPublicTokenCreate;
use plaid_core::modern::models::{AccountType, CountryCode, Product};
use plaid_core::modern::{Client, Config, ErrorCode, ErrorType};
use plaid_core::secret::AccessToken;
use plaid_core::{ErrorKind, RetryPolicy};
use plaid_sandbox::Sandbox;

use crate::harness::Backend;
use crate::setup::{requests_to, sandbox_config};

/// First Platypus Bank, the institution every official suite uses.
pub const PLATYPUS: &str = "ins_109508";

/// Modern clients on a backend's transport.
pub trait ModernBackend: Backend {
    /// The backend's modern client for `config`, on the transport its
    /// constructor makes.
    fn modern_client(&self, config: Config) -> Client<Self::Transport> {
        let transport = self
            .client(sandbox_config("http://127.0.0.1:1"))
            .transport()
            .clone();
        plaid_core::Client::new(config, transport)
    }

    /// A fresh modern emulator and this backend's client for it.
    fn modern_sandbox_client(&self) -> (Sandbox, Client<Self::Transport>) {
        let sandbox = start_modern_sandbox();
        let client = self.modern_client(modern_config(&sandbox.url()));
        (sandbox, client)
    }

    /// A modern client for `sandbox` whose every request asks for `fault`.
    fn modern_fault_client(&self, sandbox: &Sandbox, fault: &str) -> Client<Self::Faulty> {
        let direct = self.modern_client(modern_config(&sandbox.url()));
        let transport: Self::Faulty = self.fault_transport(direct.transport().clone(), fault);
        plaid_core::Client::new(modern_config(&sandbox.url()), transport)
    }
}

impl<B: Backend> ModernBackend for B {}

/// Starts the modern emulator on an ephemeral loopback port.
///
/// # Panics
///
/// If it cannot start (this is test support code).
pub fn start_modern_sandbox() -> Sandbox {
    match Sandbox::start_modern() {
        Ok(sandbox) => sandbox,
        Err(error) => panic!("cannot start the modern plaid-sandbox: {error}"),
    }
}

/// The emulator's configuration for `base_url`, with retries off (the retry
/// tests turn them on).
///
/// # Panics
///
/// If `base_url` is not a valid base URL.
pub fn modern_config(base_url: &str) -> Config {
    match Config::emulator(base_url) {
        Ok(config) => config.with_retry(RetryPolicy::disabled()),
        Err(error) => panic!("invalid emulator URL {base_url:?}: {error}"),
    }
}

/// A new Item at First Platypus Bank with `products`, through the sandbox
/// shortcut and the exchange: its access token.
fn new_item<B: Backend, T: crate::harness::DrivenBy<B>>(
    backend: &B,
    client: &Client<T>,
    products: &[Product],
    password: Option<&str>,
) -> Result<AccessToken, plaid_core::Error> {
    let mut request = SandboxPublicTokenCreate::new(PLATYPUS, products.iter().cloned());
    if let Some(password) = password {
        request = request.override_password(password);
    }
    let public = backend.send(client.call(request))?.public_token;
    Ok(backend
        .send(client.item_public_token_exchange(public))?
        .access_token)
}

/// An Item's whole life on one backend: created, read (accounts, live
/// balances, numbers, owners), removed, and refused afterwards.
pub fn modern_item_lifecycle(backend: &impl Backend) {
    let (_sandbox, client) = backend.modern_sandbox_client();
    let token =
        new_item(backend, &client, &[Product::Auth, Product::Identity], None).expect("a new Item");

    let item = backend.send(client.item_get(&token)).expect("item_get");
    assert_eq!(item.item.institution_id.as_deref(), Some(PLATYPUS));
    assert!(item.item.error.is_none());

    let accounts = backend.send(client.accounts_get(&token)).expect("accounts");
    assert!(accounts.accounts.len() >= 3, "{}", accounts.accounts.len());
    assert!(
        accounts
            .accounts
            .iter()
            .any(|a| a.account_type == AccountType::Depository)
    );
    let checking = &accounts.accounts[0];
    let only_one = backend
        .send(
            client
                .accounts_balance_get(&token)
                .with(|r| r.account_ids([checking.account_id.clone()])),
        )
        .expect("live balance of one account");
    assert_eq!(only_one.accounts.len(), 1);
    assert_eq!(only_one.accounts[0].account_id, checking.account_id);
    assert!(only_one.accounts[0].balances.current.is_some());

    let auth = backend.send(client.auth_get(&token)).expect("auth");
    let ach = &auth.numbers.ach;
    assert!(!ach.is_empty());
    assert!(ach.iter().all(|n| !n.account.is_empty()));
    assert!(!format!("{auth:?}").contains(ach[0].account.as_str()));

    let identity = backend.send(client.identity_get(&token)).expect("identity");
    let owner = &identity.accounts[0].owners[0];
    assert!(!owner.names.is_empty());
    assert!(!format!("{identity:?}").contains(owner.names[0].as_str()));

    backend
        .send(client.item_remove(&token))
        .expect("item_remove");
    let gone = backend
        .send(client.accounts_get(&token))
        .expect_err("a removed Item's token is refused");
    assert_eq!(gone.kind(), ErrorKind::ClientError, "{gone}");
    assert_eq!(
        gone.plaid_code(),
        Some(&ErrorCode::ITEM_NOT_FOUND),
        "{gone}"
    );
}

/// Public reads: categories (no keys) and institutions, paged by `total`.
pub fn modern_public_reads(backend: &impl Backend) {
    let (sandbox, client) = backend.modern_sandbox_client();
    let categories = backend.send(client.categories_get()).expect("categories");
    assert!(categories.categories.len() > 100);
    let recorded = sandbox.recorded_requests();
    let sent = recorded
        .iter()
        .find(|r| r.path == "/categories/get")
        .expect("recorded");
    assert!(
        sent.header("plaid-client-id").is_none(),
        "no keys on /categories/get"
    );

    let first = backend
        .send(client.institutions_get(10, 0, [CountryCode::Us]))
        .expect("a page");
    assert_eq!(first.institutions.len(), 10);
    assert!(first.total > 10, "{}", first.total);
    let rest = backend
        .send(client.institutions_get(10, 10, [CountryCode::Us]))
        .expect("the next page");
    assert!(rest.institutions.iter().all(|i| {
        !first
            .institutions
            .iter()
            .any(|f| f.institution_id == i.institution_id)
    }));
    let platypus = backend
        .send(client.institutions_get_by_id(PLATYPUS, [CountryCode::Us]))
        .expect("by id");
    assert_eq!(platypus.institution.name, "First Platypus Bank");
}

/// Documented errors come back typed: bad keys, an unknown institution, a
/// public token used twice, and a login that needs the user (400 on a data
/// call, in-band on `/item/get`).
pub fn modern_documented_errors_are_typed(backend: &impl Backend) {
    let (sandbox, client) = backend.modern_sandbox_client();

    let bad_keys = backend.modern_client(
        Config::new(
            plaid_core::modern::Environment::Custom(sandbox.url()),
            plaid_core::Credentials::new("test_id", "not_the_secret"),
        )
        .expect("a config")
        .with_retry(RetryPolicy::disabled()),
    );
    let error = backend
        .send(bad_keys.categories_get())
        .map(|_| ())
        .and_then(|()| {
            backend
                .send(bad_keys.institutions_get(1, 0, [CountryCode::Us]))
                .map(drop)
        })
        .expect_err("wrong keys are refused");
    let plaid = error.plaid().expect("a PlaidError");
    assert_eq!(plaid.error_type, ErrorType::InvalidInput);
    assert_eq!(plaid.error_code, ErrorCode::INVALID_API_KEYS);
    assert!(error.request_id().is_some_and(|id| !id.is_empty()));

    let error = backend
        .send(client.institutions_get_by_id("ins_nope", [CountryCode::Us]))
        .expect_err("an unknown institution");
    assert_eq!(error.plaid_code(), Some(&ErrorCode::INVALID_INSTITUTION));

    let public = backend
        .send(client.sandbox_public_token_create(PLATYPUS, [Product::Auth]))
        .expect("a public token")
        .public_token;
    backend
        .send(client.item_public_token_exchange(&public))
        .expect("the first exchange");
    let error = backend
        .send(client.item_public_token_exchange(&public))
        .expect_err("a public token works once");
    assert_eq!(error.plaid_code(), Some(&ErrorCode::INVALID_PUBLIC_TOKEN));

    let token = new_item(backend, &client, &[Product::Auth], None).expect("an Item");
    backend
        .send(client.sandbox_item_reset_login(&token))
        .expect("reset_login");
    let error = backend
        .send(client.accounts_get(&token))
        .expect_err("the login needs the user");
    assert!(
        error.plaid().is_some_and(|e| e.is_item_login_required()),
        "{error}"
    );
    assert!(!error.is_retryable());
    let item = backend
        .send(client.item_get(&token))
        .expect("item_get is 200");
    let in_band = item.item.error.expect("the in-band error");
    assert!(in_band.is_item_login_required());

    let error = new_item(
        backend,
        &client,
        &[Product::Auth],
        Some("error_ITEM_LOCKED"),
    )
    .expect_err("an error_ password");
    assert_eq!(error.plaid_code(), Some(&ErrorCode::ITEM_LOCKED));
}

/// A bank outage (a 400) is retried until it passes; a login that needs
/// the user (also a 400) is never retried; a rate limit is retried once.
pub fn modern_retries_follow_the_error_code(backend: &impl Backend) {
    let sandbox = start_modern_sandbox();
    let setup = backend.modern_client(modern_config(&sandbox.url()));
    let token = new_item(backend, &setup, &[Product::Auth], None).expect("an Item");
    let fast = RetryPolicy::default().base_delay(Duration::from_millis(1));

    let outage = backend.modern_fault_client(&sandbox, "error=INSTITUTION_DOWN;times=2;key=down");
    let accounts = backend
        .send(outage.accounts_get(&token).retry(fast))
        .expect("the third attempt passes");
    assert!(!accounts.accounts.is_empty());
    assert_eq!(requests_to(&sandbox, "/accounts/get"), 3);

    sandbox.clear_recorded_requests();
    let login = backend.modern_fault_client(&sandbox, "error=ITEM_LOGIN_REQUIRED");
    let error = backend
        .send(login.auth_get(&token).retry(fast))
        .expect_err("never retried");
    assert!(error.plaid().is_some_and(|e| e.is_item_login_required()));
    assert_eq!(requests_to(&sandbox, "/auth/get"), 1);

    sandbox.clear_recorded_requests();
    let limited = backend.modern_fault_client(&sandbox, "status=429");
    let error = backend
        .send(limited.item_get(&token).retry(fast))
        .expect_err("still limited");
    assert_eq!(error.kind(), ErrorKind::RateLimited);
    assert_eq!(
        error.plaid().map(|e| e.error_type.clone()),
        Some(ErrorType::RateLimitExceeded)
    );
    assert_eq!(requests_to(&sandbox, "/item/get"), 2);

    // Removing an Item changes state: a 500 is not sent again.
    sandbox.clear_recorded_requests();
    let failing = backend.modern_fault_client(&sandbox, "status=500");
    let error = backend
        .send(failing.item_remove(&token).retry(fast))
        .expect_err("a 500");
    assert_eq!(error.kind(), ErrorKind::ServerError);
    assert_eq!(requests_to(&sandbox, "/item/remove"), 1);
}

/// A call's raw response is handed back whatever its status, with the
/// request id the emulator put in both the body and the header.
pub fn modern_raw_calls_return_error_responses(backend: &impl Backend) {
    let (_sandbox, client) = backend.modern_sandbox_client();
    let raw = backend
        .send(client.item_get("access-sandbox-not-a-real-token").raw())
        .expect("a response");
    assert_eq!(raw.status().as_u16(), 400);
    let body: serde_json::Value = raw.json().expect("JSON");
    assert_eq!(body["error_code"], "INVALID_ACCESS_TOKEN");
    assert_eq!(raw.request_id(), body["request_id"].as_str());
    let error = raw.parse().expect_err("typed, it is an error");
    assert_eq!(error.plaid_code(), Some(&ErrorCode::INVALID_ACCESS_TOKEN));
}

/// A modern call honours the per-call timeout like any other.
pub fn modern_per_call_timeout_is_honoured(backend: &impl Backend) {
    let sandbox = start_modern_sandbox();
    let slow = backend.modern_fault_client(&sandbox, "latency=2000");
    let started = std::time::Instant::now();
    let error = backend
        .send(slow.categories_get().timeout(Duration::from_millis(200)))
        .expect_err("times out");
    assert!(error.is_timeout(), "{error}");
    assert!(started.elapsed() < Duration::from_millis(1500));
}
