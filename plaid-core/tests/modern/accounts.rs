//! Accounts: `/accounts/get` (cached balances) and `/accounts/balance/get`
//! (real-time balances), their filters, and the account model: exact
//! money, the open type and subtype (with spaces), nullable balances.

use plaid_core::modern::endpoints::{AccountsBalanceGet, AccountsGet};
use plaid_core::modern::models::{
    AccountHolderCategory, AccountNumberFormat, AccountSubtype, AccountType,
    AccountVerificationStatus, ItemAuthMethod,
};
use plaid_core::modern::{ErrorCode, ErrorType};
use plaid_core::{Amount, DateTime, Endpoint, ErrorKind, RetryHint};
use serde_json::json;

use crate::bodies::{checking, item, success};
use crate::support::{REQUEST_ID, assert_kind};
use crate::wire::{TOKEN, answer, assert_request, client, plaid_error};

const CHECKING: &str = "blgvvBlXw3cq5GMPwqB6s6q4dLKB9WcVqGDGo";
const SAVINGS: &str = "6PdjjRP6LmugpBy5NgQvUqpRXMWxzktg3rwrk";

fn amount(text: &str) -> Amount {
    text.parse().unwrap()
}

#[test]
fn accounts_get_request() {
    let plain = client().accounts_get(TOKEN).to_request().unwrap();
    assert_request(
        &plain,
        "/accounts/get",
        true,
        json!({ "access_token": TOKEN }),
    );
    let filtered = client()
        .accounts_get(TOKEN)
        .with(|r| r.account_ids([CHECKING, SAVINGS]))
        .to_request()
        .unwrap();
    assert_request(
        &filtered,
        "/accounts/get",
        true,
        json!({ "access_token": TOKEN, "options": { "account_ids": [CHECKING, SAVINGS] } }),
    );
    assert_kind(
        client().accounts_get("").to_request(),
        ErrorKind::InvalidInput,
    );
    // An empty filter or an empty id is refused, not sent.
    let none: [&str; 0] = [];
    assert_kind(
        client()
            .accounts_get(TOKEN)
            .with(|r| r.account_ids(none))
            .to_request(),
        ErrorKind::InvalidInput,
    );
    assert_kind(
        client()
            .accounts_get(TOKEN)
            .with(|r| r.account_ids([CHECKING, ""]))
            .to_request(),
        ErrorKind::InvalidInput,
    );
    assert!(AccountsGet::new(TOKEN).is_idempotent());
    let debug = format!("{:?}", AccountsGet::new(TOKEN).account_ids([CHECKING]));
    assert!(
        !debug.contains(TOKEN) && debug.contains(CHECKING),
        "{debug}"
    );
}

/// The spec's `/accounts/get` example, plus a subtype and a holder category
/// this version does not know and a verified account's extra fields.
#[test]
fn accounts_get_response() {
    let body = success(json!({
        "accounts": [
            checking(),
            {
                "account_id": SAVINGS,
                "balances": {
                    "available": null,
                    "current": 23631.9805,
                    "iso_currency_code": "USD",
                    "limit": null,
                    "unofficial_currency_code": null,
                    "last_updated_datetime": "2026-11-30T12:34:56.5+01:00"
                },
                "mask": "6666",
                "name": "Plaid 401k",
                "official_name": null,
                "subtype": "401k",
                "type": "investment"
            },
            {
                "account_id": "XMBvvyMGQ1UoLbKByoMqH3nXMj84ALSdE5B58",
                "balances": {
                    "available": null,
                    "current": 65262,
                    "iso_currency_code": null,
                    "limit": null,
                    "unofficial_currency_code": "BTC"
                },
                "mask": null,
                "name": "Plaid Space Loan",
                "official_name": null,
                "subtype": "orbital mortgage",
                "type": "loan",
                "holder_category": "family_office",
                "verification_status": "database_insights_pass_with_caution",
                "verification_name": "Alberta Bobbeth Charleson",
                "verification_insights": {
                    "name_match_score": 70,
                    "network_status": {"has_numbers_match": true, "is_numbers_match_verified": false},
                    "previous_returns": {"has_previous_administrative_return": false},
                    "account_number_format": "unknown"
                },
                "persistent_account_id": "8cfb8beb89b774ee43b090625f0d61d0814322b43bff984eaf60386e"
            }
        ],
        "item": item()
    }));
    let got = AccountsGet::parse_response(answer(200, &body)).unwrap();
    assert_eq!(got.request_id, REQUEST_ID);
    assert_eq!(got.item.item_id, "DWVAAPWq4RHGlEaNyGKRTAnPLaEmo8Cvq7na6");
    assert_eq!(got.item.auth_method, Some(ItemAuthMethod::InstantAuth));
    let [checking, retirement, loan] = &got.accounts[..] else {
        panic!("three accounts, got {}", got.accounts.len());
    };

    assert_eq!(checking.account_id, CHECKING);
    assert_eq!(checking.account_type, AccountType::Depository);
    assert_eq!(checking.subtype, Some(AccountSubtype::Checking));
    assert_eq!(
        checking.holder_category,
        Some(AccountHolderCategory::Personal)
    );
    assert_eq!(checking.mask.as_deref(), Some("0000"));
    assert_eq!(checking.name, "Plaid Checking");
    assert_eq!(
        checking.official_name.as_deref(),
        Some("Plaid Gold Standard 0% Interest Checking")
    );
    assert_eq!(checking.balances.available, Some(amount("100")));
    assert_eq!(checking.balances.current, Some(amount("110")));
    assert_eq!(checking.balances.limit, None);
    assert_eq!(checking.balances.iso_currency_code.as_deref(), Some("USD"));
    assert!(checking.verification_status.is_none() && checking.verification_insights.is_none());

    // Money keeps every digit the JSON number had.
    let current = retirement.balances.current.unwrap();
    assert_eq!((current.mantissa(), current.scale()), (236_319_805, 4));
    assert_eq!(retirement.subtype, Some(AccountSubtype::Plan401k));
    assert_eq!(retirement.account_type, AccountType::Investment);
    assert_eq!(retirement.official_name, None);
    let updated: DateTime = "2026-11-30T11:34:56.5Z".parse().unwrap();
    assert_eq!(retirement.balances.last_updated_datetime, Some(updated));

    assert_eq!(
        loan.subtype,
        Some(AccountSubtype::Unknown("orbital mortgage".into()))
    );
    assert_eq!(
        loan.holder_category,
        Some(AccountHolderCategory::Unknown("family_office".into()))
    );
    assert_eq!(loan.mask, None);
    assert_eq!(
        loan.balances.unofficial_currency_code.as_deref(),
        Some("BTC")
    );
    assert_eq!(loan.balances.iso_currency_code, None);
    assert_eq!(
        loan.verification_status,
        Some(AccountVerificationStatus::DatabaseInsightsPassWithCaution)
    );
    let insights = loan.verification_insights.as_ref().unwrap();
    assert_eq!(insights.name_match_score, Some(70));
    assert!(insights.network_status.has_numbers_match);
    assert!(!insights.network_status.is_numbers_match_verified);
    assert_eq!(
        insights
            .previous_returns
            .as_ref()
            .map(|r| r.has_previous_administrative_return),
        Some(false)
    );
    assert_eq!(
        insights.account_number_format,
        AccountNumberFormat::Undetermined
    );
    assert_eq!(
        loan.verification_name.as_deref().map(String::as_str),
        Some("Alberta Bobbeth Charleson")
    );
    assert!(loan.persistent_account_id.is_some());
    // The verification name is personal data: kept out of Debug.
    assert!(!format!("{got:?}").contains("Alberta"));

    let limited = AccountsGet::parse_response(answer(
        429,
        &plaid_error("RATE_LIMIT_EXCEEDED", "ACCOUNTS_LIMIT"),
    ))
    .unwrap_err();
    assert_eq!(limited.kind(), ErrorKind::RateLimited);
    assert_eq!(
        limited.plaid().unwrap().error_type,
        ErrorType::RateLimitExceeded
    );
    assert_eq!(limited.retry_hint(), Some(RetryHint::RateLimited));
}

/// Every subtype in the spec reads as its own variant and writes back as
/// sent, spaces and capitals included.
#[test]
fn account_subtypes_round_trip() {
    for wire in [
        "401a",
        "403B",
        "529",
        "cash isa",
        "credit card",
        "health reimbursement arrangement",
        "non-custodial wallet",
        "non-taxable brokerage account",
        "roth 403B",
        "sep ira",
        "thrift savings plan",
        "variable annuity",
    ] {
        let subtype: AccountSubtype = serde_json::from_value(json!(wire)).unwrap();
        assert!(!matches!(subtype, AccountSubtype::Unknown(_)), "{wire}");
        assert_eq!(serde_json::to_value(&subtype).unwrap(), json!(wire));
    }
    assert_eq!(
        AccountSubtype::from_wire("credit card"),
        AccountSubtype::CreditCard
    );
    assert_eq!(AccountSubtype::Roth403b.as_str(), "roth 403B");
}

#[test]
fn accounts_balance_get_request() {
    let plain = client().accounts_balance_get(TOKEN).to_request().unwrap();
    assert_request(
        &plain,
        "/accounts/balance/get",
        true,
        json!({ "access_token": TOKEN }),
    );
    let oldest: DateTime = "2026-11-30T12:00:00Z".parse().unwrap();
    let both = client()
        .accounts_balance_get(TOKEN)
        .with(|r| r.account_ids([CHECKING]).min_last_updated_datetime(oldest))
        .to_request()
        .unwrap();
    assert_request(
        &both,
        "/accounts/balance/get",
        true,
        json!({
            "access_token": TOKEN,
            "options": { "account_ids": [CHECKING], "min_last_updated_datetime": "2026-11-30T12:00:00Z" }
        }),
    );
    let only_time = client()
        .accounts_balance_get(TOKEN)
        .with(|r| r.min_last_updated_datetime(oldest))
        .to_request()
        .unwrap();
    assert_request(
        &only_time,
        "/accounts/balance/get",
        true,
        json!({ "access_token": TOKEN, "options": { "min_last_updated_datetime": "2026-11-30T12:00:00Z" } }),
    );
    assert_kind(
        client().accounts_balance_get("").to_request(),
        ErrorKind::InvalidInput,
    );
    assert_kind(
        client()
            .accounts_balance_get(TOKEN)
            .with(|r| r.account_ids([""]))
            .to_request(),
        ErrorKind::InvalidInput,
    );
    // Real-time balances are a read: safe to send again.
    assert!(AccountsBalanceGet::new(TOKEN).is_idempotent());
}

/// The spec's `/accounts/balance/get` example's credit card: a limit, no
/// available balance.
#[test]
fn accounts_balance_get_response() {
    let body = success(json!({
        "accounts": [{
            "account_id": "dVzbVMLjrxTnLjX4G66XUp5GLklm4oiZy88yK",
            "balances": {
                "available": null,
                "current": 410,
                "iso_currency_code": "USD",
                "limit": 2000,
                "unofficial_currency_code": null
            },
            "mask": "3333",
            "name": "Plaid Credit Card",
            "official_name": "Plaid Diamond 12.5% APR Interest Credit Card",
            "subtype": "credit card",
            "type": "credit"
        }],
        "item": item()
    }));
    let got = AccountsBalanceGet::parse_response(answer(200, &body)).unwrap();
    let card = &got.accounts[0];
    assert_eq!(card.subtype, Some(AccountSubtype::CreditCard));
    assert_eq!(card.account_type, AccountType::Credit);
    assert_eq!(card.balances.available, None);
    assert_eq!(card.balances.current, Some(amount("410")));
    assert_eq!(
        card.balances.limit.and_then(|l| l.minor_units(2)),
        Some(200_000)
    );
    assert_eq!(got.request_id, REQUEST_ID);

    let limited = AccountsBalanceGet::parse_response(answer(
        429,
        &plaid_error("RATE_LIMIT_EXCEEDED", "ACCOUNTS_BALANCE_GET_LIMIT"),
    ))
    .unwrap_err();
    assert_eq!(limited.kind(), ErrorKind::RateLimited);
    assert_eq!(
        limited.plaid_code(),
        Some(&ErrorCode::new("ACCOUNTS_BALANCE_GET_LIMIT"))
    );
    let down = AccountsBalanceGet::parse_response(answer(
        400,
        &plaid_error("INSTITUTION_ERROR", "INSTITUTION_DOWN"),
    ))
    .unwrap_err();
    assert!(down.plaid().unwrap().is_institution_down());
    assert_eq!(down.retry_hint(), Some(RetryHint::Transient));
}

/// A balance sent as a string is refused with the field's path, never
/// read through a float or quoted back.
#[test]
fn a_balance_that_is_not_a_number_is_a_decode_error_with_its_path() {
    let mut account = checking();
    account["balances"]["current"] = json!("110.25");
    let body = success(json!({ "accounts": [account], "item": item() }));
    let error = AccountsGet::parse_response(answer(200, &body)).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Decode);
    assert_eq!(error.decode_path(), Some("accounts[0].balances.current"));
    assert!(!error.to_string().contains("110.25"), "{error}");
}
