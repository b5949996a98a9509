//! What the decoder tolerates and what it refuses: unknown enum values are
//! kept and unknown fields ignored everywhere; a wrong type, a bad date, a
//! missing field or a non-JSON body is a decode error that names the path
//! and keeps the body, status and request id.

use crate::support::*;
use plaid_core::legacy::endpoints::{
    Add, Balance, Categories, Category, Connect, Delete, Get, Institution,
};
use plaid_core::legacy::models::{
    AccountSubtype, AccountType, CategoryType, DeviceType, Mfa, MfaKind, Product, TransactionKind,
};
use plaid_core::{Endpoint, ErrorKind};
use serde_json::json;

use super::{challenge, connect_body};

// ---- open enums and unknown fields ----

#[test]
fn unknown_enum_values_are_kept_everywhere() {
    let body = json!({
        "accounts": [{
            "_id": "a", "balance": {"available": 1, "current": 2},
            "type": "crypto", "subtype": "cold wallet"
        }],
        "transactions": [{
            "_account": "a", "_id": "t", "amount": 1.5, "date": "2016-02-29", "name": "Moon",
            "type": {"primary": "teleport"}
        }],
        "access_token": "test_bofa"
    })
    .to_string();
    let data = Get::<Connect>::parse_response(response(200, &body)).unwrap();
    assert_eq!(
        data.accounts[0].account_type,
        AccountType::Unknown("crypto".into())
    );
    assert_eq!(
        data.accounts[0].subtype,
        Some(AccountSubtype::Unknown("cold wallet".into()))
    );
    let transaction = &data.transactions.unwrap()[0];
    assert_eq!(
        transaction.kind.as_ref().unwrap().primary,
        TransactionKind::Unknown("teleport".into())
    );
    assert_eq!(transaction.meta, Default::default());

    let category = Category::parse_response(response(
        200,
        r#"{"id":"99000000","hierarchy":["Future"],"type":"quantum"}"#,
    ))
    .unwrap();
    assert_eq!(
        category.category_type,
        CategoryType::Unknown("quantum".into())
    );

    let institution = Institution::parse_response(response(
        200,
        r#"{"id":"x","name":"X","type":"x","products":["auth","transfer"],"mfa":["retina"]}"#,
    ))
    .unwrap();
    assert_eq!(
        institution.products,
        [Product::Auth, Product::Unknown("transfer".into())]
    );
    assert_eq!(institution.mfa, [MfaKind::Unknown("retina".into())]);

    let challenge = challenge(
        r#"{"type":"list","mfa":[{"mask":"@pigeon","type":"carrier_pigeon"}],"access_token":"t"}"#,
    );
    let Mfa::List(devices) = &challenge.mfa else {
        panic!("{:?}", challenge.mfa)
    };
    assert_eq!(
        devices[0].kind,
        DeviceType::Unknown("carrier_pigeon".into())
    );
}

#[test]
fn unknown_fields_are_ignored() {
    let body = json!({
        "accounts": [{
            "_id": "a", "balance": {"available": 1, "current": 2, "limit": 3},
            "type": "depository", "meta": {"name": "N", "nickname": "n"}, "brand_new": [1, 2]
        }],
        "access_token": "test_bofa",
        "transactions": [],
        "cursor": {"next": "abc"}
    })
    .to_string();
    let data = Get::<Connect>::parse_response(response(200, &body)).unwrap();
    assert_eq!(data.accounts[0].meta.name.as_deref(), Some("N"));
    assert_eq!(data.transactions.unwrap().len(), 0);
    let delete = Delete::<Connect>::parse_response(response(
        200,
        r#"{"message":"Successfully removed from your account","extra":true}"#,
    ))
    .unwrap();
    assert_eq!(delete.message, "Successfully removed from your account");
}

// ---- decode errors ----

#[test]
fn a_wrong_field_type_is_a_decode_error_naming_the_field() {
    let body = connect_body().replacen("1274.93", "\"1274.93\"", 1);
    let error = assert_kind(
        Get::<Connect>::parse_response(response(200, &body)),
        ErrorKind::Decode,
    );
    assert_eq!(error.decode_path(), Some("accounts[0].balance.current"));
    assert_eq!(error.body(), Some(body.as_bytes()));
    assert_eq!(error.status().map(|s| s.as_u16()), Some(200));
    assert_eq!(error.request_id(), Some(REQUEST_ID));
    assert!(error.is_decode() && !error.is_api());
    assert!(
        error.to_string().contains("accounts[0].balance.current"),
        "{error}"
    );
}

#[test]
fn a_bad_transaction_date_names_its_path() {
    let body = connect_body().replacen("2014-05-12", "2014-05-32", 1);
    let error = assert_kind(
        Add::<Connect>::parse_response(response(200, &body)),
        ErrorKind::Decode,
    );
    assert_eq!(error.decode_path(), Some("transactions[1].date"));
    assert_eq!(error.body(), Some(body.as_bytes()));
}

#[test]
fn a_missing_required_field_and_a_non_json_body_are_decode_errors() {
    let body = r#"{"accounts": []}"#;
    let error = assert_kind(
        Balance::parse_response(response(200, body)),
        ErrorKind::Decode,
    );
    assert_eq!(error.body(), Some(body.as_bytes()));
    let body = "<html>OK</html>";
    let error = assert_kind(
        Categories::parse_response(response(200, body)),
        ErrorKind::Decode,
    );
    assert_eq!(error.body(), Some(body.as_bytes()));
    assert_eq!(error.decode_path(), None);
}

#[test]
fn a_malformed_challenge_is_a_decode_error() {
    let body = r#"{"type":"questions","mfa":"not a list","access_token":"test_bofa"}"#;
    let error = assert_kind(
        Add::<Connect>::parse_response(response(201, body)),
        ErrorKind::Decode,
    );
    assert_eq!(error.body(), Some(body.as_bytes()));
}
