//! Input validation before anything is sent: bad institution types, empty
//! logins, MFA answers and access tokens are refused with `InvalidInput`,
//! and such a call never reaches the transport.

use std::sync::atomic::{AtomicUsize, Ordering};

use crate::support::*;
use plaid_core::legacy::endpoints::{Connect, Get};
use plaid_core::legacy::models::Product;
use plaid_core::legacy::{AddOptions, Client, GetOptions, InstitutionType, Login, MfaAnswer};
use plaid_core::transport::{HttpRequest, HttpResponse, TransportError};
use plaid_core::{AccessToken, Endpoint, ErrorKind};

use super::login;

#[test]
fn invalid_institution_types_are_refused() {
    let client = public_client();
    for bad in ["", "bank of america", "bofa&secret=x", "bofa/../x", " bofa"] {
        assert_kind(
            client.connect(bad, login()).to_request(),
            ErrorKind::InvalidInput,
        );
        assert_kind(
            client
                .auth_with_options(bad, login(), AddOptions::new())
                .to_request(),
            ErrorKind::InvalidInput,
        );
        assert_kind(InstitutionType::new(bad), ErrorKind::InvalidInput);
    }
}

#[test]
fn empty_usernames_passwords_and_pins_are_refused() {
    let client = item_client();
    for bad in [
        Login::new("", "plaid_good"),
        Login::new("plaid_test", ""),
        Login::new("plaid_test", "plaid_good").with_pin(""),
    ] {
        assert_kind(
            client.connect("bofa", bad.clone()).to_request(),
            ErrorKind::InvalidInput,
        );
        assert_kind(
            client.info_update(bad).to_request(),
            ErrorKind::InvalidInput,
        );
    }
}

#[test]
fn empty_mfa_answers_are_refused() {
    let client = item_client();
    for bad in [
        MfaAnswer::answer(""),
        MfaAnswer::answer("   "),
        MfaAnswer::code(""),
        MfaAnswer::selections(Vec::<String>::new()),
        MfaAnswer::selections(["tomato", ""]),
        MfaAnswer::send_to_mask(""),
    ] {
        assert_kind(
            client.connect_step(bad.clone()).to_request(),
            ErrorKind::InvalidInput,
        );
        assert_kind(
            client.auth_update_step(bad.clone()).to_request(),
            ErrorKind::InvalidInput,
        );
        assert_kind(
            client.upgrade_step(Product::Info, bad).to_request(),
            ErrorKind::InvalidInput,
        );
    }
}

#[test]
fn an_empty_access_token_is_refused() {
    let client = public_client().with_access_token("");
    assert_kind(client.balance().to_request(), ErrorKind::InvalidInput);
    assert_kind(
        Get::<Connect>::new(AccessToken::new("")).to_request(&config()),
        ErrorKind::InvalidInput,
    );
}

#[test]
fn item_calls_without_an_access_token_never_reach_the_transport() {
    let sent = AtomicUsize::new(0);
    let transport = |_: HttpRequest| -> Result<HttpResponse, TransportError> {
        sent.fetch_add(1, Ordering::SeqCst);
        Ok(response(200, "{}"))
    };
    let client = Client::new(config(), &transport);
    let results = [
        client
            .connect_step(MfaAnswer::answer("tomato"))
            .send()
            .err(),
        client.connect_update(login()).send().err(),
        client
            .connect_update_step(MfaAnswer::code("1234"))
            .send()
            .err(),
        client.connect_get().send().err(),
        client
            .connect_get_with_options(GetOptions::new())
            .send()
            .err(),
        client.connect_delete().send().err(),
        client.auth_get().send().err(),
        client.info_get().send().err(),
        client.income_get().send().err(),
        client.risk_get().send().err(),
        client.balance().send().err(),
        client.upgrade(Product::Auth).send().err(),
        client
            .upgrade_step(Product::Info, MfaAnswer::code("1234"))
            .send()
            .err(),
    ];
    for error in results {
        let error = error.expect("the call fails");
        assert_eq!(error.kind(), ErrorKind::InvalidInput, "{error}");
        assert!(error.status().is_none());
    }
    assert!(client.balance().endpoint().is_err());
    assert_eq!(sent.load(Ordering::SeqCst), 0, "nothing was sent");
}
