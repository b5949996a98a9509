//! The sandbox-only calls: a public token without Link (with test
//! credentials kept out of `Debug`), a forced login reset, a fired webhook.

use plaid_core::modern::ErrorCode;
use plaid_core::modern::endpoints::{
    SandboxItemFireWebhook, SandboxItemResetLogin, SandboxPublicTokenCreate, SandboxWebhookCode,
};
use plaid_core::modern::models::{Product, WebhookType};
use plaid_core::{AccessToken, Date, Endpoint, ErrorKind};
use serde_json::json;

use crate::calls::{assert_refused, is_idempotent};
use crate::support::REQUEST_ID;
use crate::wire::{TOKEN, answer, assert_request, client, plaid_error};

const PUBLIC: &str = "public-sandbox-b0e2c4ee-a763-4df5-bfe9-46a46bce993d";
const USERNAME: &str = "user_transactions_dynamic";
const PASSWORD: &str = "pass-very-secret-42";
const USER_TOKEN: &str = "user-sandbox-0a1b2c3d";

#[test]
fn sandbox_public_token_create_request() {
    let client = client();
    let call = client.sandbox_public_token_create("ins_109508", [Product::Transactions]);
    assert!(!is_idempotent(&call));
    assert_request(
        &call.to_request().unwrap(),
        "/sandbox/public_token/create",
        true,
        json!({ "institution_id": "ins_109508", "initial_products": ["transactions"] }),
    );

    let call = client
        .sandbox_public_token_create("ins_109508", [Product::Auth, Product::Transactions])
        .with(|request| {
            request
                .webhook("https://example.com/webhook")
                .override_username(USERNAME)
                .override_password(PASSWORD)
                .transactions_start_date(Date::new(2024, 1, 1).unwrap())
                .transactions_end_date(Date::new(2024, 12, 31).unwrap())
                .transactions_days_requested(365)
                .statements(
                    Date::new(2024, 1, 1).unwrap(),
                    Date::new(2024, 6, 30).unwrap(),
                )
                .user_token(USER_TOKEN)
        });
    assert_request(
        &call.to_request().unwrap(),
        "/sandbox/public_token/create",
        true,
        json!({
            "institution_id": "ins_109508",
            "initial_products": ["auth", "transactions"],
            "options": {
                "webhook": "https://example.com/webhook",
                "override_username": USERNAME,
                "override_password": PASSWORD,
                "transactions": {
                    "start_date": "2024-01-01",
                    "end_date": "2024-12-31",
                    "days_requested": 365,
                },
                "statements": { "start_date": "2024-01-01", "end_date": "2024-06-30" },
            },
            "user_token": USER_TOKEN,
        }),
    );
    let shown = format!("{:?} {call:?}", call.endpoint().unwrap());
    for secret in [USERNAME, PASSWORD, USER_TOKEN] {
        assert!(!shown.contains(secret), "{secret} in {shown}");
    }

    // A nested options object goes out only with what is set in it.
    let only_days = client
        .sandbox_public_token_create("ins_109508", [Product::Transactions])
        .with(|request| request.transactions_days_requested(30));
    assert_request(
        &only_days.to_request().unwrap(),
        "/sandbox/public_token/create",
        true,
        json!({
            "institution_id": "ins_109508",
            "initial_products": ["transactions"],
            "options": { "transactions": { "days_requested": 30 } },
        }),
    );

    assert_refused(
        client.sandbox_public_token_create("", [Product::Auth]),
        "the institution id is empty",
    );
    assert_refused(
        client.sandbox_public_token_create("ins_109508", []),
        "the list of initial products is empty",
    );
}

#[test]
fn sandbox_public_token_create_response() {
    let body = json!({ "public_token": PUBLIC, "request_id": "Aim3b" }).to_string();
    let created = SandboxPublicTokenCreate::parse_response(answer(200, &body)).unwrap();
    assert_eq!(created.public_token.expose_secret(), PUBLIC);
    assert_eq!(created.request_id, "Aim3b");
    assert!(!format!("{created:?}").contains(PUBLIC));

    let error = SandboxPublicTokenCreate::parse_response(answer(
        400,
        &plaid_error("INVALID_INPUT", "INVALID_INSTITUTION"),
    ))
    .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::ClientError);
    assert_eq!(error.plaid_code(), Some(&ErrorCode::INVALID_INSTITUTION));
}

#[test]
fn sandbox_item_reset_login_request() {
    let client = client();
    let token = AccessToken::new(TOKEN);
    let call = client.sandbox_item_reset_login(&token);
    assert!(!is_idempotent(&call));
    assert_request(
        &call.to_request().unwrap(),
        "/sandbox/item/reset_login",
        true,
        json!({ "access_token": TOKEN }),
    );
    assert!(!format!("{call:?}").contains(TOKEN));
    assert_refused(
        client.sandbox_item_reset_login(""),
        "the access token is empty",
    );
}

#[test]
fn sandbox_item_reset_login_response() {
    let body = json!({ "reset_login": true, "request_id": "m8MDnv9okwxFNBV" }).to_string();
    let reset = SandboxItemResetLogin::parse_response(answer(200, &body)).unwrap();
    assert!(reset.reset_login);
    assert_eq!(reset.request_id, "m8MDnv9okwxFNBV");

    let body = json!({ "reset_login": "true", "request_id": REQUEST_ID }).to_string();
    let error = SandboxItemResetLogin::parse_response(answer(200, &body)).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Decode);

    let error = SandboxItemResetLogin::parse_response(answer(
        400,
        &plaid_error("INVALID_INPUT", "INVALID_ACCESS_TOKEN"),
    ))
    .unwrap_err();
    assert_eq!(error.plaid_code(), Some(&ErrorCode::INVALID_ACCESS_TOKEN));
}

#[test]
fn sandbox_item_fire_webhook_request() {
    let client = client();
    let call = client.sandbox_item_fire_webhook(TOKEN, SandboxWebhookCode::DefaultUpdate);
    assert!(!is_idempotent(&call));
    assert_request(
        &call.to_request().unwrap(),
        "/sandbox/item/fire_webhook",
        true,
        json!({ "access_token": TOKEN, "webhook_code": "DEFAULT_UPDATE" }),
    );

    let typed = client
        .sandbox_item_fire_webhook(TOKEN, SandboxWebhookCode::Unknown("NEW_CODE".into()))
        .with(|request| request.webhook_type(WebhookType::Holdings));
    assert_request(
        &typed.to_request().unwrap(),
        "/sandbox/item/fire_webhook",
        true,
        json!({
            "access_token": TOKEN,
            "webhook_type": "HOLDINGS",
            "webhook_code": "NEW_CODE",
        }),
    );
    assert!(!format!("{typed:?}").contains(TOKEN));
    assert_refused(
        client.sandbox_item_fire_webhook("", SandboxWebhookCode::SyncUpdatesAvailable),
        "the access token is empty",
    );
}

#[test]
fn sandbox_item_fire_webhook_response() {
    let body = json!({ "webhook_fired": true, "request_id": "1vwmF5TBQwiqfwP" }).to_string();
    let fired = SandboxItemFireWebhook::parse_response(answer(200, &body)).unwrap();
    assert!(fired.webhook_fired);
    assert_eq!(fired.request_id, "1vwmF5TBQwiqfwP");

    let error = SandboxItemFireWebhook::parse_response(answer(
        400,
        &plaid_error("INVALID_INPUT", "SANDBOX_WEBHOOK_INVALID"),
    ))
    .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::ClientError);
    assert_eq!(
        error.plaid_code(),
        Some(&ErrorCode::SANDBOX_WEBHOOK_INVALID)
    );
    assert!(!error.is_retryable());
}
