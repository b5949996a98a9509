//! Canned-response parsing of the legacy endpoints: every response shape
//! of legacy-api.md §3/§4, with the sandbox's own bodies, unknown values and
//! decode failures. One file per area; the sandbox's accounts and
//! transactions, which most of them parse, are built here.

mod decoding;
mod items;
mod mfa;
mod public;

use crate::support::response;
use plaid_core::Endpoint;
use plaid_core::legacy::endpoints::{Add, Connect};
use serde_json::json;

const ITEM: &str = "KdDjmojBERUKx3JkDd9RuxA5EvejA4SENO4AA";
const USER: &str = "eJXpMzpR65FP4RYno6rzuA7OZjd9n3Hna0RYa";
const SAVINGS: &str = "QPO8Jo8vdDHMepg41PBwckXm4KdK1yUdmXOwK";
const CHECKING: &str = "nban4wnPKEtnmEpaKzbYFYQvA7D7pnCaeDBMy";
const PREMIER: &str = "XARE85EJqKsjxLp6XR8ocg8VakrkXpTXmRdOo";
const CREDIT: &str = "pJPM4LMBNQFrOwp0jqEyTwyxJQrQbgU6kq37k";

/// The sandbox's four accounts (§3.1), with `numbers` for Auth.
fn accounts(with_numbers: bool) -> serde_json::Value {
    let numbers = |account: &str| json!({"routing": "021000021", "account": account, "wireRouting": "021000021"});
    let mut accounts = json!([
        {
            "_id": SAVINGS, "_item": ITEM, "_user": USER,
            "balance": {"available": 1203.42, "current": 1274.93},
            "institution_type": "fake_institution",
            "meta": {"name": "Plaid Savings", "number": "9606"},
            "subtype": "savings", "type": "depository"
        },
        {
            "_id": CHECKING, "_item": ITEM, "_user": USER,
            "balance": {"available": 1081.78, "current": 1253.32},
            "institution_type": "fake_institution",
            "meta": {"name": "Plaid Checking", "number": "1702"},
            "subtype": "checking", "type": "depository"
        },
        {
            "_id": PREMIER, "_item": ITEM, "_user": USER,
            "balance": {"available": 7205.23, "current": 7255.23},
            "institution_type": "fake_institution",
            "meta": {"name": "Plaid Premier Checking", "number": "5204"},
            "subtype": "checking", "type": "depository"
        },
        {
            "_id": CREDIT, "_item": ITEM, "_user": USER,
            "balance": {"available": 9930, "current": 2275.58},
            "institution_type": "fake_institution",
            "meta": {"name": "Plaid Credit Card", "number": "3002", "limit": 12500},
            "type": "credit"
        }
    ]);
    if with_numbers {
        let list = accounts.as_array_mut().unwrap();
        list[0]["numbers"] = numbers("9900009606");
        list[1]["numbers"] = numbers("9900001702");
        list[2]["numbers"] = numbers("9900005204");
        list[3]["numbers"] = json!({});
    }
    accounts
}

fn transactions() -> serde_json::Value {
    json!([
        {
            "_account": CREDIT, "_id": "4r0aBVa85Kt3BDPk10a4U5OD3XKjE7Hzxpez6B",
            "amount": 28.57, "date": "2014-04-11", "name": "Papa Johns Pizza",
            "meta": {"location": {"address": "2625 David Dr", "city": "Metairie",
                                  "coordinates": {"lat": 29.999986, "lon": -90.21869},
                                  "state": "LA", "zip": "70003"}},
            "pending": false, "type": {"primary": "place"},
            "category": ["Food and Drink", "Restaurants", "Pizza"], "category_id": "13005012",
            "score": {"location": {"address": 1, "city": 1, "state": 1, "zip": 1}, "name": 0.2}
        },
        {
            "_account": CREDIT, "_id": "aJPEm5EVgWspPNOz5EqGtjjKPjAm81FLXVz0R",
            "amount": 12.74, "date": "2014-05-12", "name": "Golden Crepes",
            "meta": {"location": {"city": "Greenville", "state": "SC"}},
            "pending": false, "type": {"primary": "place"},
            "score": {"location": {"city": 1, "state": 1}, "name": 1}
        },
        {
            "_account": SAVINGS, "_id": "zq7MLAM4kVCqYDbmjJK7F6qMbVB6RqtOVZY4A",
            "amount": -240, "date": "2014-06-02", "name": "Online Transfer from Chk ...1702",
            "meta": {"location": {}},
            "pending": false, "type": {"primary": "special"},
            "category": ["Transfer", "Account Transfer"], "category_id": "21001000",
            "score": {"location": {}, "name": 1}
        },
        {
            "_account": CHECKING, "_id": "VK0EQ5EaDXcJEZvaXYqRfKnVnK4XymUN0rXPQ",
            "amount": -0.93, "date": "2014-05-17", "name": "Interest Payment",
            "meta": {"location": {}},
            "pending": false, "type": {"primary": "unresolved"},
            "category": ["Interest"], "category_id": "15000000",
            "score": {"location": {}, "name": 0.2}
        },
        {
            "_account": SAVINGS, "_id": "eJXpMzpR65FP4RYno6rzuA7OZjd9n3Hna0RYo3",
            "amount": -3042.44, "date": "2014-03-27", "name": "Company Payroll",
            "meta": {"location": {}},
            "pending": false, "type": {"primary": "special"},
            "category": ["Transfer", "Payroll"], "category_id": "21009000"
        },
        {
            "_account": CHECKING, "_id": "DAE3Yo3wXgskjXV1JqBDIrDBVvjMLDCQ4rMQdR",
            "_pendingTransaction": "pending-DAE3Yo3wXgskjXV1", "_reference_number": "42",
            "amount": 3.19, "date": "2014-06-21", "name": "Gregorys Coffee",
            "meta": {"location": {"address": "327 7th Ave", "city": "New York", "state": "NY",
                                  "zip": "10001", "coordinates": {"lat": 40.747, "lon": -73.993}},
                     "account_owner": "Kelly"},
            "pending": false, "type": {"primary": "place"},
            "category": ["Food and Drink", "Restaurants", "Coffee Shop"], "category_id": "13005043"
        }
    ])
}

fn connect_body() -> String {
    json!({"accounts": accounts(false), "transactions": transactions(), "access_token": "test_bofa"})
        .to_string()
}

fn challenge(body: &str) -> plaid_core::legacy::models::MfaChallenge {
    Add::<Connect>::parse_response(response(201, body))
        .unwrap()
        .mfa_required()
        .expect("a 201 is an MFA challenge")
}
