//! Success bodies several modern tests share, shaped like the spec's
//! examples (`2020-09-14.yml`): the Item every product call returns and the
//! accounts of Plaid's sandbox bank.
#![allow(dead_code)]

use serde_json::{Value, json};

/// The Item of the spec's product examples ("Royal Bank of Plaid"), as
/// `/accounts/get`, `/auth/get` and `/identity/get` return it.
pub(crate) fn item() -> Value {
    json!({
        "available_products": ["balance", "identity", "payment_initiation", "transactions"],
        "billed_products": ["assets", "auth"],
        "consent_expiration_time": null,
        "error": null,
        "institution_id": "ins_117650",
        "institution_name": "Royal Bank of Plaid",
        "item_id": "DWVAAPWq4RHGlEaNyGKRTAnPLaEmo8Cvq7na6",
        "update_type": "background",
        "webhook": "https://www.genericwebhookurl.com/webhook",
        "auth_method": "INSTANT_AUTH"
    })
}

/// The sandbox checking account, ending 0000.
pub(crate) fn checking() -> Value {
    json!({
        "account_id": "blgvvBlXw3cq5GMPwqB6s6q4dLKB9WcVqGDGo",
        "balances": {
            "available": 100,
            "current": 110,
            "iso_currency_code": "USD",
            "limit": null,
            "unofficial_currency_code": null
        },
        "holder_category": "personal",
        "mask": "0000",
        "name": "Plaid Checking",
        "official_name": "Plaid Gold Standard 0% Interest Checking",
        "subtype": "checking",
        "type": "depository"
    })
}

/// A success body: `fields` plus the request id.
pub(crate) fn success(mut fields: Value) -> String {
    fields["request_id"] = json!(crate::support::REQUEST_ID);
    fields.to_string()
}
