//! The four sandbox accounts (real data: wfgilman/plaid-elixir
//! `fixture/vcr_cassettes/connect_test/mfa_answer_cred.json`, recorded from tartan in 2016) and
//! the per-product decorations (`numbers` for Auth, `risk` for Risk).

use std::sync::OnceLock;

use serde_json::{Value, json};

/// `_item` of every sandbox account.
pub(crate) const ITEM_ID: &str = "KdDjmojBERUKx3JkDd9RuxA5EvejA4SENO4AA";
/// `_user` of every sandbox account.
pub(crate) const USER_ID: &str = "eJXpMzpR65FP4RYno6rzuA7OZjd9n3Hna0RYa";
/// Routing and wire routing number of the depository accounts.
pub(crate) const ROUTING: &str = "021000021";

/// The account ids, in the order tartan returned them.
pub(crate) const ACCOUNT_IDS: [&str; 4] = [
    "QPO8Jo8vdDHMepg41PBwckXm4KdK1yUdmXOwK",
    "nban4wnPKEtnmEpaKzbYFYQvA7D7pnCaeDBMy",
    "XARE85EJqKsjxLp6XR8ocg8VakrkXpTXmRdOo",
    "pJPM4LMBNQFrOwp0jqEyTwyxJQrQbgU6kq37k",
];

/// The plain account objects (no `numbers`, no `risk`).
pub(crate) fn accounts() -> &'static [Value] {
    static ACCOUNTS: OnceLock<Vec<Value>> = OnceLock::new();
    ACCOUNTS.get_or_init(|| {
        vec![
            depository(
                ACCOUNT_IDS[0],
                "Plaid Savings",
                "9606",
                "savings",
                1203.42,
                1274.93,
            ),
            depository(
                ACCOUNT_IDS[1],
                "Plaid Checking",
                "1702",
                "checking",
                1081.78,
                1253.32,
            ),
            depository(
                ACCOUNT_IDS[2],
                "Plaid Premier Checking",
                "5204",
                "checking",
                7205.23,
                7255.23,
            ),
            json!({
                "_id": ACCOUNT_IDS[3],
                "_item": ITEM_ID,
                "_user": USER_ID,
                "balance": { "available": 9930, "current": 2275.58 },
                "institution_type": "fake_institution",
                "meta": { "limit": 12500, "name": "Plaid Credit Card", "number": "3002" },
                "type": "credit"
            }),
        ]
    })
}

fn depository(
    id: &str,
    name: &str,
    number: &str,
    subtype: &str,
    available: f64,
    current: f64,
) -> Value {
    json!({
        "_id": id,
        "_item": ITEM_ID,
        "_user": USER_ID,
        "balance": { "available": available, "current": current },
        "institution_type": "fake_institution",
        "meta": { "name": name, "number": number },
        "subtype": subtype,
        "type": "depository"
    })
}

/// Whether an account id exists, and whether it is a depository account.
pub(crate) fn find(id: &str) -> Option<&'static Value> {
    accounts().iter().find(|a| a["_id"] == id)
}

/// The accounts, decorated for a product: `numbers` (Auth; `{}` on the credit card,
/// as in plaid-ruby-legacy `auth_add.json`) and/or per-account `risk`.
pub(crate) fn decorated(numbers: bool, risk: bool) -> Vec<Value> {
    accounts()
        .iter()
        .map(|a| {
            let mut a = a.clone();
            if let Some(obj) = a.as_object_mut() {
                if numbers {
                    let n = if obj.get("type").and_then(Value::as_str) == Some("depository") {
                        let number = obj
                            .get("meta")
                            .and_then(|m| m.get("number"))
                            .and_then(Value::as_str)
                            .unwrap_or("0000");
                        json!({ "routing": ROUTING, "account": format!("990000{number}"), "wireRouting": ROUTING })
                    } else {
                        json!({})
                    };
                    obj.insert("numbers".into(), n);
                }
                if risk {
                    obj.insert("risk".into(), crate::legacy::data::risk::risk());
                }
            }
            a
        })
        .collect()
}
