//! The item calls outside the five products: balance, upgrade (and its
//! MFA step), and the public-token exchange.

use crate::form::*;
use crate::support::*;
use plaid_core::http::Method;
use plaid_core::legacy::MfaAnswer;
use plaid_core::legacy::endpoints::{Balance, ExchangeToken, Upgrade, UpgradeStep};
use plaid_core::legacy::models::{DeviceType, Product};
use plaid_core::{Endpoint, ErrorKind};
use serde_json::json;

use super::{client_fields, item_fields};

#[test]
fn balance_posts_the_item_keys() {
    // A deliberate difference: python sends `GET /balance` with a body.
    let request = item_client().balance().to_request().unwrap();
    assert_request(&request, Method::POST, &url("/balance"), &item_fields(&[]));
    assert!(Balance::new(token()).is_idempotent());
}

#[test]
fn upgrade_sends_upgrade_to() {
    let request = item_client().upgrade(Product::Info).to_request().unwrap();
    assert_request(
        &request,
        Method::POST,
        &url("/upgrade"),
        &item_fields(&[("upgrade_to", t("info"))]),
    );
}

#[test]
fn upgrade_with_a_webhook_sends_it_in_options() {
    let mut upgrade = Upgrade::new(token(), Product::Connect);
    upgrade.webhook = Some("https://example.com/hook".into());
    let request = upgrade.to_request(&config()).unwrap();
    assert_request(
        &request,
        Method::POST,
        &url("/upgrade"),
        &item_fields(&[
            ("upgrade_to", t("connect")),
            ("options", j(json!({"webhook": "https://example.com/hook"}))),
        ]),
    );
    assert!(!upgrade.is_idempotent());
}

#[test]
fn upgrade_to_an_empty_product_is_refused() {
    let upgrade = Upgrade::new(token(), Product::Unknown(String::new()));
    assert_kind(upgrade.to_request(&config()), ErrorKind::InvalidInput);
}

#[test]
fn upgrade_step_posts_the_answer_and_the_product() {
    let request = item_client()
        .upgrade_step(Product::Info, MfaAnswer::answer("tomato"))
        .to_request()
        .unwrap();
    assert_request(
        &request,
        Method::POST,
        &url("/upgrade/step"),
        &item_fields(&[
            ("mfa", t("tomato")),
            ("options", j(json!({}))),
            ("upgrade_to", t("info")),
        ]),
    );
    let descriptor = UpgradeStep {
        access_token: token(),
        product: Product::Auth,
        answer: MfaAnswer::send_to(DeviceType::Card),
    };
    let request = descriptor.to_request(&config()).unwrap();
    assert_request(
        &request,
        Method::POST,
        &url("/upgrade/step"),
        &item_fields(&[
            ("options", j(json!({"send_method": {"type": "card"}}))),
            ("upgrade_to", t("auth")),
        ]),
    );
}

#[test]
fn exchange_token_sends_the_public_token_without_an_access_token() {
    // Even a client holding an access token sends only the public token.
    let request = item_client()
        .exchange_token("test,chase,connected")
        .to_request()
        .unwrap();
    assert_request(
        &request,
        Method::POST,
        &url("/exchange_token"),
        &client_fields(&[("public_token", t("test,chase,connected"))]),
    );
}

#[test]
fn exchange_token_for_an_account_sends_the_account_id() {
    let request = public_client()
        .exchange_token_for_account(
            "test,chase,connected",
            "QPO8Jo8vdDHMepg41PBwckXm4KdK1yUdmXOwK",
        )
        .to_request()
        .unwrap();
    assert_request(
        &request,
        Method::POST,
        &url("/exchange_token"),
        &client_fields(&[
            ("public_token", t("test,chase,connected")),
            ("account_id", t("QPO8Jo8vdDHMepg41PBwckXm4KdK1yUdmXOwK")),
        ]),
    );
}

#[test]
fn exchange_token_refuses_empty_tokens_and_account_ids() {
    let client = public_client();
    assert_kind(
        client.exchange_token("").to_request(),
        ErrorKind::InvalidInput,
    );
    assert_kind(
        client
            .exchange_token_for_account("test,chase,connected", "")
            .to_request(),
        ErrorKind::InvalidInput,
    );
    let descriptor = ExchangeToken {
        public_token: "test,chase,connected".into(),
        account_id: None,
    };
    assert!(!descriptor.is_idempotent());
}
