//! Identity: `/identity/get`, its filter, and the owners model: every
//! name, email address, phone number and postal address is usable but
//! redacted in `Debug`.

use plaid_core::modern::endpoints::IdentityGet;
use plaid_core::modern::models::{AccountSubtype, AccountType, EmailType, PhoneNumberType};
use plaid_core::{Amount, Endpoint, ErrorKind};
use serde_json::{Value, json};

use crate::bodies::{item, success};
use crate::support::{REQUEST_ID, assert_kind};
use crate::wire::{TOKEN, answer, assert_request, client, plaid_error};

const CHECKING: &str = "BxBXxLj1m4HMXBm9WZZmCWVbPjX16EHwv99vp";

#[test]
fn identity_get_request() {
    let plain = client().identity_get(TOKEN).to_request().unwrap();
    assert_request(
        &plain,
        "/identity/get",
        true,
        json!({ "access_token": TOKEN }),
    );
    let filtered = client()
        .identity_get(TOKEN)
        .with(|r| r.account_ids(vec![CHECKING.to_owned()]))
        .to_request()
        .unwrap();
    assert_request(
        &filtered,
        "/identity/get",
        true,
        json!({ "access_token": TOKEN, "options": { "account_ids": [CHECKING] } }),
    );
    assert_kind(
        client().identity_get("").to_request(),
        ErrorKind::InvalidInput,
    );
    assert_kind(
        client()
            .identity_get(TOKEN)
            .with(|r| r.account_ids([""]))
            .to_request(),
        ErrorKind::InvalidInput,
    );
    assert!(IdentityGet::new(TOKEN).is_idempotent());
}

/// The owner of the spec's `/identity/get` example, with a phone type this
/// version does not know.
fn owner() -> Value {
    json!({
        "addresses": [
            {
                "data": {
                    "city": "Malakoff",
                    "country": "US",
                    "postal_code": "14236",
                    "region": "NY",
                    "street": "2992 Cameron Road"
                },
                "primary": true
            },
            {
                "data": {
                    "city": null,
                    "country": null,
                    "postal_code": "93405-2255",
                    "region": null,
                    "street": "2493 Leisure Lane"
                },
                "primary": false
            }
        ],
        "emails": [
            {"data": "accountholder0@example.com", "primary": true, "type": "primary"},
            {"data": "accountholder1@example.com", "primary": false, "type": "secondary"}
        ],
        "names": ["Alberta Bobbeth Charleson"],
        "phone_numbers": [
            {"data": "2025550123", "primary": false, "type": "home"},
            {"data": "1112225555", "primary": true, "type": "satellite"}
        ]
    })
}

#[test]
fn identity_get_response() {
    let body = success(json!({
        "accounts": [
            {
                "account_id": CHECKING,
                "balances": {
                    "available": 100,
                    "current": 110,
                    "iso_currency_code": "USD",
                    "limit": null,
                    "unofficial_currency_code": null
                },
                "mask": "0000",
                "name": "Plaid Checking",
                "official_name": "Plaid Gold Standard 0% Interest Checking",
                "owners": [owner()],
                "subtype": "checking",
                "type": "depository"
            },
            {
                "account_id": "3gE5gnRzNyfXpBK5wEEKcymJ5albGVUqg77gr",
                "balances": {
                    "available": 200.10,
                    "current": 210,
                    "iso_currency_code": "USD",
                    "limit": null,
                    "unofficial_currency_code": null
                },
                "mask": "1111",
                "name": "Plaid Saving",
                "official_name": null,
                "owners": [{
                    "names": ["Alberta Bobbeth Charleson", "Bobbeth Alberta Charleson"],
                    "emails": [],
                    "phone_numbers": [],
                    "addresses": []
                }],
                "subtype": "savings",
                "type": "depository"
            }
        ],
        "item": item()
    }));
    let got = IdentityGet::parse_response(answer(200, &body)).unwrap();
    assert_eq!(got.request_id, REQUEST_ID);
    assert_eq!(
        got.item.institution_name.as_deref(),
        Some("Royal Bank of Plaid")
    );
    let [checking, savings] = &got.accounts[..] else {
        panic!("two accounts");
    };
    // Every AccountBase field is there beside the owners.
    assert_eq!(checking.account_id, CHECKING);
    assert_eq!(checking.account_type, AccountType::Depository);
    assert_eq!(checking.subtype, Some(AccountSubtype::Checking));
    assert_eq!(
        checking.balances.current,
        Some("110".parse::<Amount>().unwrap())
    );
    let available = savings.balances.available.unwrap();
    assert_eq!(available.minor_units(2), Some(20_010));
    assert_eq!(savings.official_name, None);

    let owner = &checking.owners[0];
    assert_eq!(owner.names, ["Alberta Bobbeth Charleson"]);
    let [primary_email, second_email] = &owner.emails[..] else {
        panic!("two emails");
    };
    assert_eq!(primary_email.data, "accountholder0@example.com");
    assert!(primary_email.primary);
    assert_eq!(primary_email.email_type, EmailType::Primary);
    assert_eq!(second_email.email_type, EmailType::Secondary);
    let [home, satellite] = &owner.phone_numbers[..] else {
        panic!("two phone numbers");
    };
    assert_eq!(home.data, "2025550123");
    assert_eq!(home.phone_type, PhoneNumberType::Home);
    assert!(!home.primary);
    assert_eq!(
        satellite.phone_type,
        PhoneNumberType::Unknown("satellite".into())
    );
    let [first, second] = &owner.addresses[..] else {
        panic!("two addresses");
    };
    assert_eq!(first.primary, Some(true));
    assert_eq!(first.data.street, "2992 Cameron Road");
    assert_eq!(first.data.city.as_deref(), Some("Malakoff"));
    assert_eq!(first.data.region.as_deref(), Some("NY"));
    assert_eq!(first.data.postal_code.as_deref(), Some("14236"));
    assert_eq!(first.data.country.as_deref(), Some("US"));
    assert_eq!(second.data.city, None);
    assert_eq!(second.data.postal_code.as_deref(), Some("93405-2255"));
    let joint = &savings.owners[0];
    assert_eq!(joint.names.len(), 2);
    assert!(
        joint.emails.is_empty() && joint.phone_numbers.is_empty() && joint.addresses.is_empty()
    );

    // Debug of the whole answer shows none of the owners' data.
    let debug = format!("{got:?} {got:#?}");
    for value in [
        "Alberta",
        "Charleson",
        "accountholder0@example.com",
        "accountholder1",
        "2025550123",
        "1112225555",
        "Cameron",
        "Malakoff",
        "14236",
        "Leisure",
        "93405",
    ] {
        assert!(!debug.contains(value), "{value} in {debug}");
    }
    assert!(debug.contains("[redacted]"));
}

#[test]
fn identity_get_errors() {
    let missing = IdentityGet::parse_response(answer(
        400,
        &plaid_error("ITEM_ERROR", "ITEM_LOGIN_REQUIRED"),
    ))
    .unwrap_err();
    assert_eq!(missing.kind(), ErrorKind::ClientError);
    assert!(missing.plaid().unwrap().is_item_login_required());
    assert!(!missing.is_retryable());
    // An owner without its required `names` is a decode error at its path.
    let body = success(json!({
        "accounts": [{
            "account_id": CHECKING,
            "balances": {"available": null, "current": null, "limit": null,
                         "iso_currency_code": "USD", "unofficial_currency_code": null},
            "mask": null, "name": "n", "official_name": null, "subtype": null, "type": "other",
            "owners": [{"emails": [], "phone_numbers": [], "addresses": []}]
        }],
        "item": item()
    }));
    let error = IdentityGet::parse_response(answer(200, &body)).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Decode);
    assert_eq!(error.decode_path(), Some("accounts[0].owners[0]"));
}
