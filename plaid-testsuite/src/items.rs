//! An item's lifecycle after the add: updating its credentials (`PATCH`),
//! upgrading it to another product, deleting it, and exchanging a public
//! token for its access token.

use plaid_core::legacy::models::Product;
use plaid_core::legacy::{ErrorCode, MfaAnswer, PythonException};

use crate::{
    Backend, CHECKING_ID, CREDIT_ID, POSTED_TRANSACTIONS, REMOVED, api_error, assert_code_sent,
    assert_sandbox_accounts, assert_token, challenge, connected, good_login,
};

/// Updating an item's credentials without MFA connects, with a
/// `PATCH /connect`.
pub fn connect_update_without_mfa_connects(backend: &impl Backend) {
    let (sandbox, client) = backend.sandbox_client();
    let amex = client.with_access_token("test_amex");

    let data = connected(backend.send(amex.connect_update(good_login())));
    assert_eq!(
        data.transactions.map(|t| t.len()),
        Some(POSTED_TRANSACTIONS)
    );
    assert_token(Some(&data.access_token), "test_amex");
    let last = sandbox.recorded_requests().pop().expect("a request");
    assert_eq!(
        (last.method.as_str(), last.path.as_str()),
        ("PATCH", "/connect")
    );
}

/// An update's MFA is answered with `PATCH /connect/step`.
pub fn connect_update_step_answers_the_code(backend: &impl Backend) {
    let (sandbox, client) = backend.sandbox_client();
    let chase = client.with_access_token("test_chase");

    let sent = challenge(backend.send(chase.connect_update(good_login())));
    assert_code_sent(&sent, "t..t@plaid.com", "test_chase");

    let data = connected(backend.send(chase.connect_update_step(MfaAnswer::code("1234"))));
    assert_sandbox_accounts(&data.accounts);
    let last = sandbox.recorded_requests().pop().expect("a request");
    assert_eq!(
        (last.method.as_str(), last.path.as_str()),
        ("PATCH", "/connect/step")
    );
}

/// An auth update without MFA connects with the numbers.
pub fn auth_update_without_mfa_connects(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();
    let amex = client.with_access_token("test_amex");

    let data = connected(backend.send(amex.auth_update(good_login())));
    assert!(data.accounts[0].numbers.is_some());
    assert_token(Some(&data.access_token), "test_amex");
}

/// Upgrading to info returns the info product's data and no transactions.
pub fn upgrade_to_info_returns_the_info(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();
    let bofa = client.with_access_token("test_bofa");

    let data = connected(backend.send(bofa.upgrade(Product::Info)));
    let info = data.info.expect("info after an upgrade to info");
    assert_eq!(info.names, ["Kelly Walters"]);
    assert_eq!(info.emails[0].data, "kelly.walters30@example.com");
    assert!(data.transactions.is_none());
    assert_token(Some(&data.access_token), "test_bofa");
}

/// An upgrade's MFA step sends the product it upgrades to.
pub fn upgrade_step_answers_with_the_upgraded_product(backend: &impl Backend) {
    let (sandbox, client) = backend.sandbox_client();
    let bofa = client.with_access_token("test_bofa");

    let data =
        connected(backend.send(bofa.upgrade_step(Product::Info, MfaAnswer::answer("tomato"))));
    assert!(
        data.info.is_some_and(|info| !info.names.is_empty()),
        "the info product's data"
    );
    let step = sandbox
        .recorded_requests()
        .into_iter()
        .find(|r| r.path == "/upgrade/step");
    let body = step
        .map(|r| String::from_utf8_lossy(&r.body).into_owned())
        .unwrap_or_default();
    assert!(body.contains("upgrade_to=info"), "{body}");
}

/// Upgrading to an unknown product is `Unauthorized` / `InvalidUpgrade`.
pub fn upgrade_to_unknown_product_is_invalid_upgrade(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();
    let bofa = client.with_access_token("test_bofa");

    api_error(
        backend.send(bofa.upgrade(Product::Unknown("bogus".into()))),
        PythonException::UnauthorizedError,
        ErrorCode::InvalidUpgrade,
    );
}

/// Connect and auth deletes confirm the removal, as `DELETE` requests.
pub fn connect_and_auth_delete_confirm_the_removal(backend: &impl Backend) {
    let (sandbox, client) = backend.sandbox_client();
    let chase = client.with_access_token("test_chase");

    assert_eq!(
        backend
            .send(chase.connect_delete())
            .expect("connect delete")
            .message,
        REMOVED
    );
    // The sandbox is stateless: the token still works after a delete.
    assert_eq!(
        backend
            .send(chase.auth_delete())
            .expect("auth delete")
            .message,
        REMOVED
    );
    let routes: Vec<(String, String)> = sandbox
        .recorded_requests()
        .into_iter()
        .map(|r| (r.method, r.path))
        .collect();
    assert_eq!(
        routes,
        [
            ("DELETE".to_owned(), "/connect".to_owned()),
            ("DELETE".to_owned(), "/auth".to_owned()),
        ]
    );
}

/// Exchanging a public token gives the access token and nothing else.
pub fn exchange_public_token_gives_the_access_token(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();

    let exchanged = backend
        .send(client.exchange_token("test,chase,connected"))
        .expect("exchange");
    assert_token(Some(&exchanged.access_token), "test_chase");
    assert!(exchanged.stripe_bank_account_token.is_none());
    assert!(exchanged.account_id.is_none());
}

/// Exchanging for a depository account adds a Stripe bank account token.
pub fn exchange_for_a_depository_account_gives_a_stripe_token(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();

    let exchanged = backend
        .send(client.exchange_token_for_account("test,chase,connected", CHECKING_ID))
        .expect("exchange");
    assert_token(Some(&exchanged.access_token), "test_chase");
    assert_eq!(exchanged.account_id.as_deref(), Some(CHECKING_ID));
    let stripe = exchanged.stripe_bank_account_token.expect("stripe token");
    let stripe = stripe.expose_secret();
    assert!(
        stripe.starts_with("btok_") && stripe.len() == 29,
        "{} chars",
        stripe.len()
    );
}

/// A bad public token, a credit account and an unknown account each have their
/// error.
pub fn exchange_errors_have_their_codes(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();

    api_error(
        backend.send(client.exchange_token("test,nobank,connected")),
        PythonException::UnauthorizedError,
        ErrorCode::BadPublicToken,
    );
    api_error(
        backend.send(client.exchange_token_for_account("test,chase,connected", CREDIT_ID)),
        PythonException::BadRequestError,
        ErrorCode::NonDepositoryAccount,
    );
    api_error(
        backend.send(client.exchange_token_for_account("test,chase,connected", "nope")),
        PythonException::ResourceNotFoundError,
        ErrorCode::AccountNotFound,
    );
}
