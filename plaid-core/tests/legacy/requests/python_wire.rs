//! The python 1.5.1 wire examples (legacy-api.md §2): our requests carry
//! the same decoded fields as the official client's, less the keys the API
//! ignores, and a few are equal byte for byte.

use crate::form::*;
use crate::support::*;
use plaid_core::http::Method;
use plaid_core::legacy::models::{DeviceType, Product};
use plaid_core::legacy::{GetOptions, MfaAnswer};
use plaid_core::transport::HttpRequest;

use super::{date, login};

/// Our request carries the same decoded fields as python's body, except the
/// keys python sends that the API ignores (`ignored`).
fn assert_same_fields_as_python(ours: &HttpRequest, python: &str, ignored: &[&str]) {
    let python: Vec<(String, V)> = decoded_fields(python.as_bytes())
        .into_iter()
        .filter(|(key, _)| !ignored.contains(&key.as_str()))
        .collect();
    assert_eq!(decoded_fields(ours.body()), python);
}

#[test]
fn connect_add_matches_the_python_wire_example() {
    let ours = public_client()
        .connect("bofa", login())
        .to_request()
        .unwrap();
    assert_eq!(ours.uri().path(), "/connect");
    assert_same_fields_as_python(
        &ours,
        "client_id=test_id&secret=test_secret&type=bofa&credentials=%7B%22username%22%3A+%22plaid_test%22%2C+%22password%22%3A+%22plaid_good%22%7D&options=%7B%22list%22%3A+true%7D",
        &[],
    );
}

#[test]
fn connect_step_matches_the_python_wire_example_less_the_ignored_type() {
    let ours = item_client()
        .connect_step(MfaAnswer::answer("tomato"))
        .to_request()
        .unwrap();
    assert_same_fields_as_python(
        &ours,
        "type=bofa&mfa=tomato&options=%7B%7D&client_id=test_id&secret=test_secret&access_token=test_bofa",
        &["type"],
    );
}

#[test]
fn connect_send_method_step_matches_the_python_wire_example() {
    let ours = public_client()
        .with_access_token("test_chase")
        .connect_step(MfaAnswer::send_to(DeviceType::Phone))
        .to_request()
        .unwrap();
    assert_same_fields_as_python(
        &ours,
        "type=chase&options=%7B%22send_method%22%3A+%7B%22type%22%3A+%22phone%22%7D%7D&client_id=test_id&secret=test_secret&access_token=test_chase",
        &["type"],
    );
}

#[test]
fn connect_update_matches_the_python_wire_example() {
    let ours = public_client()
        .with_access_token("test_amex")
        .connect_update(login())
        .to_request()
        .unwrap();
    assert_eq!(ours.method(), Method::PATCH);
    assert_same_fields_as_python(
        &ours,
        "username=plaid_test&password=plaid_good&client_id=test_id&secret=test_secret&access_token=test_amex",
        &[],
    );
}

#[test]
fn connect_get_matches_the_python_wire_example() {
    let ours = item_client()
        .connect_get_with_options(GetOptions::new().pending(true).gte(date(2014, 5, 1)))
        .to_request()
        .unwrap();
    assert_same_fields_as_python(
        &ours,
        "client_id=test_id&secret=test_secret&access_token=test_bofa&options=%7B%22pending%22%3A+true%2C+%22gte%22%3A+%222014-05-01%22%7D",
        &[],
    );
}

#[test]
fn balance_sends_the_python_fields_with_post_instead_of_get() {
    let ours = item_client().balance().to_request().unwrap();
    assert_eq!(ours.method(), Method::POST);
    assert_same_fields_as_python(
        &ours,
        "client_id=test_id&secret=test_secret&access_token=test_bofa",
        &[],
    );
}

#[test]
fn upgrade_matches_the_python_wire_example() {
    let ours = item_client().upgrade(Product::Info).to_request().unwrap();
    assert_same_fields_as_python(
        &ours,
        "client_id=test_id&secret=test_secret&access_token=test_bofa&upgrade_to=info",
        &[],
    );
}

#[test]
fn exchange_token_matches_the_python_wire_example() {
    let ours = public_client()
        .exchange_token("test,chase,connected")
        .to_request()
        .unwrap();
    let python = "client_id=test_id&secret=test_secret&public_token=test%2Cchase%2Cconnected";
    assert_same_fields_as_python(&ours, python, &[]);
    // Same encoder, same order: byte for byte.
    assert_eq!(ours.body(), python.as_bytes());
}

#[test]
fn institutions_all_matches_the_python_wire_example() {
    let ours = public_client()
        .institutions_all(50, 0, &[Product::Auth, Product::Connect])
        .to_request()
        .unwrap();
    assert_same_fields_as_python(
        &ours,
        "count=50&offset=0&products=auth&products=connect&client_id=test_id&secret=test_secret",
        &[],
    );
}
