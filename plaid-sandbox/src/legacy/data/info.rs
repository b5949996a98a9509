//! The Info payload (real data: plaid/plaid-ruby-legacy `test/fixtures/info_add.json`).

use serde_json::{Value, json};

/// The `info` object.
pub(crate) fn info() -> Value {
    json!({
        "emails": [ { "primary": true, "type": "personal", "data": "kelly.walters30@example.com" } ],
        "addresses": [ { "primary": true, "data": {
            "zip": "94114", "state": "CA", "city": "San Francisco", "street": "3819 Greenhaven Ln"
        } } ],
        "phone_numbers": [ { "primary": true, "type": "home", "data": "4673956022" } ],
        "names": [ "Kelly Walters" ]
    })
}
