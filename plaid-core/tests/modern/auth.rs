//! Auth: `/auth/get`, its filter, and the numbers model: every account,
//! routing, IBAN and sort code number is usable in full but shown in
//! `Debug` by its last four characters only.

use plaid_core::modern::endpoints::AuthGet;
use plaid_core::modern::models::AccountSubtype;
use plaid_core::{Endpoint, ErrorKind};
use serde_json::json;

use crate::bodies::{item, success};
use crate::support::{REQUEST_ID, assert_kind};
use crate::wire::{TOKEN, answer, assert_request, client, plaid_error};

const CHECKING: &str = "vzeNDwK7KQIm4yEog683uElbp9GRLEFXGK98D";

#[test]
fn auth_get_request() {
    let plain = client().auth_get(TOKEN).to_request().unwrap();
    assert_request(&plain, "/auth/get", true, json!({ "access_token": TOKEN }));
    let filtered = client()
        .auth_get(TOKEN)
        .with(|r| r.account_ids([CHECKING]))
        .to_request()
        .unwrap();
    assert_request(
        &filtered,
        "/auth/get",
        true,
        json!({ "access_token": TOKEN, "options": { "account_ids": [CHECKING] } }),
    );
    assert_kind(client().auth_get("").to_request(), ErrorKind::InvalidInput);
    let none: Vec<String> = Vec::new();
    assert_kind(
        client()
            .auth_get(TOKEN)
            .with(|r| r.account_ids(none))
            .to_request(),
        ErrorKind::InvalidInput,
    );
    assert!(AuthGet::new(TOKEN).is_idempotent());
}

/// The spec's `/auth/get` example: one account with numbers on all four
/// networks, plus a tokenized account with no wire routing number.
#[test]
fn auth_get_response() {
    let body = success(json!({
        "accounts": [{
            "account_id": CHECKING,
            "balances": {
                "available": 100,
                "current": 110,
                "limit": null,
                "iso_currency_code": "USD",
                "unofficial_currency_code": null
            },
            "mask": "9606",
            "name": "Plaid Checking",
            "official_name": "Plaid Gold Checking",
            "subtype": "checking",
            "type": "depository"
        }],
        "numbers": {
            "ach": [
                {
                    "account": "9900009606",
                    "account_id": CHECKING,
                    "routing": "011401533",
                    "wire_routing": "021000021",
                    "is_tokenized_account_number": false
                },
                {
                    "account": "7700001234567",
                    "account_id": "tokenized",
                    "routing": "021000089",
                    "wire_routing": null,
                    "is_tokenized_account_number": true,
                    "can_transfer_in": true,
                    "can_transfer_out": null
                }
            ],
            "eft": [{
                "account": "111122223333",
                "account_id": CHECKING,
                "institution": "021",
                "branch": "01140"
            }],
            "international": [{
                "account_id": CHECKING,
                "bic": "NWBKGB21",
                "iban": "GB29NWBK60161331926819"
            }],
            "bacs": [{
                "account": "31926819",
                "account_id": CHECKING,
                "sort_code": "601613"
            }]
        },
        "item": item()
    }));
    let got = AuthGet::parse_response(answer(200, &body)).unwrap();
    assert_eq!(got.request_id, REQUEST_ID);
    assert_eq!(got.accounts[0].subtype, Some(AccountSubtype::Checking));
    let numbers = &got.numbers;
    let [ach, tokenized] = &numbers.ach[..] else {
        panic!("two ACH entries");
    };
    assert_eq!(ach.account_id, CHECKING);
    assert_eq!(ach.account, "9900009606");
    assert_eq!(ach.routing, "011401533");
    assert_eq!(ach.wire_routing.as_deref(), Some("021000021"));
    assert_eq!(ach.is_tokenized_account_number, Some(false));
    assert_eq!(ach.can_transfer_in, None);
    assert_eq!(tokenized.wire_routing, None);
    assert_eq!(tokenized.is_tokenized_account_number, Some(true));
    assert_eq!(tokenized.can_transfer_in, Some(true));
    assert_eq!(tokenized.can_transfer_out, None);
    let eft = &numbers.eft[0];
    assert_eq!(
        (&*eft.account, &*eft.institution, &*eft.branch),
        ("111122223333", "021", "01140")
    );
    let international = &numbers.international[0];
    assert_eq!(international.iban, "GB29NWBK60161331926819");
    assert_eq!(international.bic, "NWBKGB21");
    let bacs = &numbers.bacs[0];
    assert_eq!((&*bacs.account, &*bacs.sort_code), ("31926819", "601613"));

    // Debug of the whole answer shows no number in full: only last fours.
    let debug = format!("{got:?} {got:#?}");
    for number in [
        "9900009606",
        "011401533",
        "021000021",
        "7700001234567",
        "021000089",
        "111122223333",
        "01140",
        "GB29NWBK60161331926819",
        "NWBKGB21",
        "31926819",
        "601613",
    ] {
        assert!(!debug.contains(number), "{number} in {debug}");
    }
    assert!(debug.contains("BankNumber(…9606)"), "{debug}");
    assert!(debug.contains("BankNumber([redacted])"), "{debug}");
}

/// The four network lists are required; an Item with no account on a
/// network sends an empty one.
#[test]
fn auth_get_response_with_empty_networks_and_errors() {
    let body = success(json!({
        "accounts": [],
        "numbers": { "ach": [], "eft": [], "international": [], "bacs": [] },
        "item": item()
    }));
    let got = AuthGet::parse_response(answer(200, &body)).unwrap();
    assert!(got.accounts.is_empty() && got.numbers.ach.is_empty() && got.numbers.bacs.is_empty());

    let none = AuthGet::parse_response(answer(400, &plaid_error("ITEM_ERROR", "NO_AUTH_ACCOUNTS")))
        .unwrap_err();
    assert_eq!(none.kind(), ErrorKind::ClientError);
    assert_eq!(none.api_code().as_deref(), Some("NO_AUTH_ACCOUNTS"));
    let not_ready =
        AuthGet::parse_response(answer(400, &plaid_error("ITEM_ERROR", "PRODUCT_NOT_READY")))
            .unwrap_err();
    assert!(not_ready.plaid().unwrap().is_product_not_ready());
}
