//! The modern family's webhooks as Plaid sends them: what each one's body holds, and how the
//! sandbox's [`Outbox`](crate::delivery::Outbox) signs them.
//!
//! Handlers record a [`WebhookEvent`] on the Item (its type, code and the code's own fields);
//! [`body`] turns one into the spec's `*Webhook` schema for its code, complete and
//! pretty-printed as Plaid's are: `webhook_type`, `webhook_code`, `item_id`,
//! `environment: "sandbox"`, `error` (`null`, or a `PlaidError` with `status` and without
//! `request_id`) and the code's fields. [`signer`] gives the delivery the `Content-Type` and
//! the `Plaid-Verification` JWT of each attempt.
//!
//! What triggers which webhook (each to the Item's URL, only when it has one):
//! - `/sandbox/item/fire_webhook`: the code asked for, with [`fired_fields`];
//! - `/item/webhook/update` to a URL: `ITEM` / `WEBHOOK_UPDATE_ACKNOWLEDGED`, to the new URL;
//! - `/sandbox/item/reset_login`: `ITEM` / `ERROR` with `ITEM_LOGIN_REQUIRED`;
//! - the transactions feed ([`crate::modern::feed`]): `INITIAL_UPDATE`, `HISTORICAL_UPDATE`,
//!   `SYNC_UPDATES_AVAILABLE` as the pull completes, and on `/transactions/refresh`
//!   `SYNC_UPDATES_AVAILABLE`, `DEFAULT_UPDATE` and `TRANSACTIONS_REMOVED`.

use std::time::{Duration, SystemTime};

use serde_json::{Map, Value, json};

use crate::delivery::Signer;
use crate::modern::clock::rfc3339;
use crate::modern::errors::PlaidError;
use crate::modern::feed::Phase;
use crate::modern::keys::{VERIFICATION_HEADER, WebhookSigner};
use crate::modern::state::{Item, WebhookEvent};
use crate::server::pretty;

/// How far ahead a fired `PENDING_DISCONNECT` announces the disconnection.
const DISCONNECT_NOTICE: Duration = Duration::from_secs(7 * 24 * 3600);

/// The body of `event` on the Item `item_id`, byte for byte as delivered.
pub(crate) fn body(event: &WebhookEvent, item_id: &str) -> Vec<u8> {
    let mut map = Map::new();
    map.insert("webhook_type".into(), json!(event.kind));
    map.insert("webhook_code".into(), json!(event.code));
    map.insert("item_id".into(), json!(item_id));
    map.insert("environment".into(), json!("sandbox"));
    map.insert("error".into(), Value::Null);
    if let Value::Object(fields) = &event.fields {
        map.extend(fields.iter().map(|(k, v)| (k.clone(), v.clone())));
    }
    pretty(&Value::Object(map))
}

/// The fields of a webhook `/sandbox/item/fire_webhook` fires on `item` at `now`: the ones
/// its schema requires, describing the Item as it is. The sandbox's data does not change when
/// a webhook is fired, so the update codes report no change (no new transactions, no account
/// with new numbers, …); `ERROR` carries `ITEM_LOGIN_REQUIRED`, the error Plaid's docs show.
/// A pair without fields of its own (`LOGIN_REPAIRED`, `NEW_ACCOUNTS_AVAILABLE`, the
/// `INCOME` and `ASSETS` codes, …) gets the shared fields only.
pub(crate) fn fired_fields(kind: &str, code: &str, item: &Item, now: SystemTime) -> Value {
    let accounts = item.accounts();
    let first = accounts.first().map(|a| a.id.as_str()).unwrap_or_default();
    match (kind, code) {
        ("TRANSACTIONS", "DEFAULT_UPDATE") => json!({ "new_transactions": 0 }),
        ("TRANSACTIONS", "SYNC_UPDATES_AVAILABLE") => {
            let phase = item.feed.as_ref().map(|feed| feed.phase());
            json!({
                "initial_update_complete": phase.is_some_and(|p| p != Phase::NotReady),
                "historical_update_complete": phase == Some(Phase::Historical),
            })
        }
        ("TRANSACTIONS", "RECURRING_TRANSACTIONS_UPDATE") => {
            let ids: Vec<&str> = accounts.iter().take(3).map(|a| a.id.as_str()).collect();
            json!({ "account_ids": ids })
        }
        ("ITEM", "ERROR") => json!({ "error": PlaidError::new("ITEM_LOGIN_REQUIRED").in_band() }),
        ("ITEM", "USER_ACCOUNT_REVOKED") => json!({ "account_id": first }),
        ("ITEM", "PENDING_DISCONNECT") => json!({
            "reason": "INSTITUTION_MIGRATION",
            "disconnect_time": rfc3339(now + DISCONNECT_NOTICE),
        }),
        ("AUTH", "SMS_MICRODEPOSITS_VERIFICATION") => {
            json!({ "status": "MANUALLY_VERIFIED", "account_id": first })
        }
        ("AUTH", "DEFAULT_UPDATE") => json!({
            "account_ids_with_new_auth": [],
            "account_ids_with_updated_auth": {},
        }),
        ("IDENTITY", "DEFAULT_UPDATE") => json!({ "account_ids_with_updated_identity": {} }),
        ("HOLDINGS", "DEFAULT_UPDATE") => json!({ "new_holdings": 0, "updated_holdings": 0 }),
        ("INVESTMENTS_TRANSACTIONS", "DEFAULT_UPDATE") => json!({
            "new_investments_transactions": 0,
            "cancelled_investments_transactions": 0,
        }),
        ("LIABILITIES", "DEFAULT_UPDATE") => json!({
            "account_ids_with_new_liabilities": [],
            "account_ids_with_updated_liabilities": {},
        }),
        _ => json!({}),
    }
}

/// The fields of the `ITEM` / `ERROR` webhook of `/sandbox/item/reset_login`.
pub(crate) fn login_required() -> Value {
    json!({ "error": PlaidError::new("ITEM_LOGIN_REQUIRED").in_band() })
}

/// The headers of each delivery attempt: `Content-Type` and `Plaid-Verification`, signed
/// with the sandbox's key at the time of sending.
pub(crate) fn signer() -> Result<Signer, &'static str> {
    let key = WebhookSigner::new()?;
    Ok(Box::new(move |body: &[u8], now: SystemTime| {
        let jwt = key.sign(body, now)?;
        Ok(vec![
            ("Content-Type".to_owned(), "application/json".to_owned()),
            (VERIFICATION_HEADER.to_owned(), jwt),
        ])
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(kind: &str, code: &str, fields: Value) -> WebhookEvent {
        WebhookEvent {
            kind: kind.into(),
            code: code.into(),
            url: "http://127.0.0.1:1/h".into(),
            at: SystemTime::UNIX_EPOCH,
            fields,
        }
    }

    #[test]
    fn a_body_has_the_shared_fields_and_its_own_pretty_printed() {
        let bytes = body(
            &event(
                "TRANSACTIONS",
                "DEFAULT_UPDATE",
                json!({ "new_transactions": 3 }),
            ),
            "item-1",
        );
        let text = String::from_utf8(bytes.clone()).unwrap();
        assert!(text.starts_with("{\n  \""), "{text}");
        let value: Value = serde_json::from_slice(&bytes).unwrap();
        assert_eq!(
            value,
            json!({
                "webhook_type": "TRANSACTIONS",
                "webhook_code": "DEFAULT_UPDATE",
                "item_id": "item-1",
                "environment": "sandbox",
                "error": null,
                "new_transactions": 3,
            })
        );
    }

    #[test]
    fn an_error_field_has_status_and_no_request_id() {
        let value: Value =
            serde_json::from_slice(&body(&event("ITEM", "ERROR", login_required()), "i")).unwrap();
        let error = &value["error"];
        assert_eq!(error["error_code"], "ITEM_LOGIN_REQUIRED");
        assert_eq!(error["error_type"], "ITEM_ERROR");
        assert_eq!(error["status"], 400);
        assert!(error.get("request_id").is_none(), "{error}");
    }

    #[test]
    fn the_signer_sends_json_with_a_verification_header() {
        let sign = signer().unwrap();
        let headers = sign(b"{}", SystemTime::now()).unwrap();
        assert_eq!(
            headers[0],
            ("Content-Type".into(), "application/json".into())
        );
        assert_eq!(headers[1].0, "Plaid-Verification");
        assert_eq!(headers[1].1.split('.').count(), 3);
    }
}
