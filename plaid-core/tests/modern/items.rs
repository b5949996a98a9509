//! Items: exchanging a public token, reading, removing and re-pointing an
//! Item's webhook.

use plaid_core::modern::endpoints::{
    ItemGet, ItemPublicTokenExchange, ItemRemove, ItemRemoveReasonCode, ItemWebhookUpdate,
};
use plaid_core::modern::models::{ItemAuthMethod, ItemConsentedDataScope, ItemUpdateType, Product};
use plaid_core::modern::{ErrorCode, ErrorType};
use plaid_core::{DateTime, Endpoint, ErrorKind, RetryHint};
use serde_json::json;

use crate::bodies::{item, success};
use crate::support::{REQUEST_ID, assert_kind};
use crate::wire::{TOKEN, answer, assert_request, client, plaid_error};

const PUBLIC: &str = "public-sandbox-b0e2c4ee-a763-4df5-bfe9-46a46bce993d";

#[test]
fn item_public_token_exchange_request() {
    let request = client()
        .item_public_token_exchange(PUBLIC)
        .to_request()
        .unwrap();
    assert_request(
        &request,
        "/item/public_token/exchange",
        true,
        json!({ "public_token": PUBLIC }),
    );
    let empty = client().item_public_token_exchange("").to_request();
    assert_eq!(empty.unwrap_err().kind(), ErrorKind::InvalidInput);
    assert!(
        !client()
            .item_public_token_exchange(PUBLIC)
            .endpoint()
            .unwrap()
            .is_idempotent()
    );
}

#[test]
fn item_public_token_exchange_response() {
    let body = json!({
        "access_token": "access-sandbox-1",
        "item_id": "M5eVJqLnv3tbzdngLDp9FL5OlDNxlNhlE55op",
        "request_id": REQUEST_ID,
        "a_field_added_later": true,
    })
    .to_string();
    let exchanged = ItemPublicTokenExchange::parse_response(answer(200, &body)).unwrap();
    assert_eq!(exchanged.access_token.expose_secret(), "access-sandbox-1");
    assert_eq!(exchanged.item_id, "M5eVJqLnv3tbzdngLDp9FL5OlDNxlNhlE55op");
    assert_eq!(exchanged.request_id, REQUEST_ID);
    assert!(!format!("{exchanged:?}").contains("access-sandbox-1"));

    let used = ItemPublicTokenExchange::parse_response(answer(
        400,
        &plaid_error("INVALID_INPUT", "INVALID_PUBLIC_TOKEN"),
    ))
    .unwrap_err();
    assert_eq!(used.kind(), ErrorKind::ClientError);
    assert_eq!(used.plaid_code(), Some(&ErrorCode::INVALID_PUBLIC_TOKEN));
    assert_eq!(used.request_id(), Some(REQUEST_ID));
}

#[test]
fn item_get_request() {
    let request = client().item_get(TOKEN).to_request().unwrap();
    assert_request(
        &request,
        "/item/get",
        true,
        json!({ "access_token": TOKEN }),
    );
    assert_kind(client().item_get("").to_request(), ErrorKind::InvalidInput);
    assert!(ItemGet::new(TOKEN).is_idempotent());
    assert!(!format!("{:?}", ItemGet::new(TOKEN)).contains(TOKEN));
}

/// The spec's `/item/get` example, with a product and an update type this
/// version does not know.
#[test]
fn item_get_response() {
    let body = success(json!({
        "item": {
            "created_at": "2019-01-22T04:32:00Z",
            "available_products": ["balance", "auth", "quantum_ledger"],
            "billed_products": ["identity", "transactions"],
            "products": ["identity", "transactions"],
            "error": null,
            "institution_id": "ins_109508",
            "institution_name": "First Platypus Bank",
            "item_id": "Ed6bjNrDLJfGvZWwnkQlfxwoNz54B5C97ejBr",
            "update_type": "when_the_moon_is_full",
            "webhook": "https://plaid.com/example/hook",
            "auth_method": null,
            "consented_products": ["identity", "transactions"],
            "consented_data_scopes": ["account_balance_info", "contact_info", "transactions"],
            "consented_use_cases": ["Verify your account", "Track and manage your finances"],
            "consent_expiration_time": "2024-03-16T15:53:00Z",
            "a_field_added_later": {"x": 1}
        },
        "status": {
            "transactions": {
                "last_successful_update": "2019-02-15T15:52:39Z",
                "last_failed_update": "2019-01-22T04:32:00Z"
            },
            "last_webhook": {"sent_at": "2019-02-15T15:53:00Z", "code_sent": "DEFAULT_UPDATE"}
        }
    }));
    let got = ItemGet::parse_response(answer(200, &body)).unwrap();
    let item = &got.item;
    assert_eq!(item.item_id, "Ed6bjNrDLJfGvZWwnkQlfxwoNz54B5C97ejBr");
    assert_eq!(item.institution_id.as_deref(), Some("ins_109508"));
    assert_eq!(
        item.institution_name.as_deref(),
        Some("First Platypus Bank")
    );
    assert_eq!(
        item.webhook.as_deref(),
        Some("https://plaid.com/example/hook")
    );
    assert!(item.error.is_none());
    assert_eq!(item.auth_method, None);
    assert_eq!(
        item.available_products,
        [
            Product::Balance,
            Product::Auth,
            Product::Unknown("quantum_ledger".into())
        ]
    );
    assert_eq!(
        item.billed_products,
        [Product::Identity, Product::Transactions]
    );
    assert_eq!(item.products, item.billed_products);
    assert_eq!(item.consented_products, item.billed_products);
    assert_eq!(
        item.update_type,
        ItemUpdateType::Unknown("when_the_moon_is_full".into())
    );
    assert_eq!(
        item.consent_expiration_time,
        Some(at("2024-03-16T15:53:00Z"))
    );
    assert_eq!(item.created_at, Some(at("2019-01-22T04:32:00Z")));
    assert_eq!(
        item.consented_data_scopes,
        [
            ItemConsentedDataScope::AccountBalanceInfo,
            ItemConsentedDataScope::ContactInfo,
            ItemConsentedDataScope::Transactions
        ]
    );
    assert_eq!(item.consented_use_cases.len(), 2);
    let status = got.status.as_ref().unwrap();
    let transactions = status.transactions.as_ref().unwrap();
    assert_eq!(
        transactions.last_successful_update,
        Some(at("2019-02-15T15:52:39Z"))
    );
    assert_eq!(
        transactions.last_failed_update,
        Some(at("2019-01-22T04:32:00Z"))
    );
    assert!(status.investments.is_none());
    let webhook = status.last_webhook.as_ref().unwrap();
    assert_eq!(webhook.code_sent.as_deref(), Some("DEFAULT_UPDATE"));
    assert_eq!(webhook.sent_at, Some(at("2019-02-15T15:53:00Z")));
    assert_eq!(got.request_id, REQUEST_ID);

    let gone = ItemGet::parse_response(answer(
        400,
        &plaid_error("INVALID_INPUT", "INVALID_ACCESS_TOKEN"),
    ))
    .unwrap_err();
    assert_eq!(gone.kind(), ErrorKind::ClientError);
    assert_eq!(gone.plaid_code(), Some(&ErrorCode::INVALID_ACCESS_TOKEN));
}

/// An Item that needs the user answers 200 with the error inside it, typed
/// like an API error: its predicates and retry hint work, and the rest of
/// the Item still reads (the sandbox sends `""` for no webhook).
#[test]
fn item_get_reports_an_in_band_error_as_a_plaid_error() {
    let mut stale = item();
    stale["webhook"] = json!("");
    stale["auth_method"] = json!("A_METHOD_ADDED_LATER");
    stale["error"] = json!({
        "error_type": "ITEM_ERROR",
        "error_code": "ITEM_LOGIN_REQUIRED",
        "error_code_reason": null,
        "error_message": "the login details of this item have changed (credentials, MFA, or required user action) and a user login is required to update this information",
        "display_message": null,
        "causes": [],
        "status": null,
        "documentation_url": "https://plaid.com/docs/errors/item/#item_login_required",
        "suggested_action": null
    });
    let got = ItemGet::parse_response(answer(
        200,
        &success(json!({ "item": stale, "status": null })),
    ))
    .unwrap();
    let error = got.item.error.as_ref().expect("the in-band error");
    assert!(error.is_item_login_required());
    assert!(!error.is_product_not_ready());
    assert_eq!(error.error_type, ErrorType::ItemError);
    assert_eq!(error.error_code, ErrorCode::ITEM_LOGIN_REQUIRED);
    assert_eq!(error.retry_hint(), RetryHint::Permanent);
    assert_eq!(error.display_message, None);
    assert_eq!(error.request_id, None);
    assert_eq!(
        error.documentation_url.as_deref(),
        Some("https://plaid.com/docs/errors/item/#item_login_required")
    );
    assert_eq!(got.item.webhook.as_deref(), Some(""));
    assert_eq!(
        got.item.auth_method,
        Some(ItemAuthMethod::Unknown("A_METHOD_ADDED_LATER".into()))
    );
    assert_eq!(got.item.update_type, ItemUpdateType::Background);
    assert!(got.status.is_none());
    // The consent fields are `/item/get`'s own: absent elsewhere.
    assert!(got.item.created_at.is_none() && got.item.consented_data_scopes.is_empty());
}

#[test]
fn item_remove_request() {
    let plain = client().item_remove(TOKEN).to_request().unwrap();
    assert_request(
        &plain,
        "/item/remove",
        true,
        json!({ "access_token": TOKEN }),
    );
    let with_reason = client()
        .item_remove(TOKEN)
        .with(|r| {
            r.reason_code(ItemRemoveReasonCode::ConnectionIsNonFunctional)
                .reason_note("the user closed the account")
        })
        .to_request()
        .unwrap();
    assert_request(
        &with_reason,
        "/item/remove",
        true,
        json!({
            "access_token": TOKEN,
            "reason_code": "CONNECTION_IS_NON_FUNCTIONAL",
            "reason_note": "the user closed the account"
        }),
    );
    // A code Plaid adds later can be sent before plaid-rs names it.
    let later = ItemRemove::new(TOKEN).reason_code("FRAUD_NEW_KIND".parse().unwrap());
    let request = client().call(later).to_request().unwrap();
    assert_request(
        &request,
        "/item/remove",
        true,
        json!({ "access_token": TOKEN, "reason_code": "FRAUD_NEW_KIND" }),
    );
    assert_kind(
        client().item_remove("").to_request(),
        ErrorKind::InvalidInput,
    );
    assert!(!ItemRemove::new(TOKEN).is_idempotent());
    assert!(!format!("{:?}", ItemRemove::new(TOKEN)).contains(TOKEN));
}

#[test]
fn item_remove_response() {
    let removed =
        ItemRemove::parse_response(answer(200, &success(json!({ "removed": true })))).unwrap();
    assert_eq!(removed.request_id, REQUEST_ID);
    let missing =
        ItemRemove::parse_response(answer(400, &plaid_error("ITEM_ERROR", "ITEM_NOT_FOUND")))
            .unwrap_err();
    assert_eq!(missing.kind(), ErrorKind::ClientError);
    assert_eq!(
        missing.plaid_code(),
        Some(&ErrorCode::new("ITEM_NOT_FOUND"))
    );
}

#[test]
fn item_webhook_update_request() {
    const HOOK: &str = "https://example.com/plaid/webhook";
    let request = client()
        .item_webhook_update(TOKEN, HOOK)
        .to_request()
        .unwrap();
    assert_request(
        &request,
        "/item/webhook/update",
        true,
        json!({ "access_token": TOKEN, "webhook": HOOK }),
    );
    // Removing the webhook sends an explicit null, as the spec asks.
    let removal = client()
        .call(ItemWebhookUpdate::remove_webhook(TOKEN))
        .to_request()
        .unwrap();
    assert_request(
        &removal,
        "/item/webhook/update",
        true,
        json!({ "access_token": TOKEN, "webhook": null }),
    );
    assert_kind(
        client().item_webhook_update("", HOOK).to_request(),
        ErrorKind::InvalidInput,
    );
    assert_kind(
        client().item_webhook_update(TOKEN, "").to_request(),
        ErrorKind::InvalidInput,
    );
    assert!(!ItemWebhookUpdate::new(TOKEN, HOOK).is_idempotent());
}

#[test]
fn item_webhook_update_response() {
    let mut updated = item();
    updated["webhook"] = json!("https://example.com/plaid/webhook");
    let got = ItemWebhookUpdate::parse_response(answer(200, &success(json!({ "item": updated }))))
        .unwrap();
    assert_eq!(
        got.item.webhook.as_deref(),
        Some("https://example.com/plaid/webhook")
    );
    assert_eq!(got.item.auth_method, Some(ItemAuthMethod::InstantAuth));
    assert_eq!(got.item.consent_expiration_time, None);
    assert_eq!(got.request_id, REQUEST_ID);
    let bad = ItemWebhookUpdate::parse_response(answer(
        400,
        &plaid_error("INVALID_REQUEST", "INVALID_FIELD"),
    ))
    .unwrap_err();
    assert_eq!(bad.kind(), ErrorKind::ClientError);
    assert_eq!(bad.plaid_code(), Some(&ErrorCode::new("INVALID_FIELD")));
}

fn at(text: &str) -> DateTime {
    text.parse().unwrap()
}
