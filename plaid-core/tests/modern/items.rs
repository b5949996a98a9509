//! Items: exchanging a public token, reading, removing and re-pointing an
//! Item's webhook.

use plaid_core::Endpoint;
use plaid_core::ErrorKind;
use plaid_core::modern::ErrorCode;
use plaid_core::modern::endpoints::ItemPublicTokenExchange;
use serde_json::json;

use crate::support::REQUEST_ID;
use crate::wire::{answer, assert_request, client, plaid_error};

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
