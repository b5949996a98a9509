//! The Item lifecycle: creating one in the sandbox (with its test credentials), exchanging
//! the public token, reading, re-hooking and removing it, and the sandbox's reset_login and
//! fire_webhook.

use serde_json::{Value, json};

use crate::modern::Modern;
use crate::modern::clock::rfc3339;
use crate::modern::data::institutions;
use crate::modern::errors::{self, ApiResult, PlaidError};
use crate::modern::fields::Fields;
use crate::modern::handlers::item_json;
use crate::modern::state::{NewItem, Persona, WebhookEvent};
use crate::modern::webhooks;

/// The sandbox's default test user (modern-api.md §8).
const USER_GOOD: &str = "user_good";
/// Its password.
const PASS_GOOD: &str = "pass_good";
/// The user whose transactions change; any password logs it in.
const USER_DYNAMIC: &str = "user_transactions_dynamic";
/// The prefix of the emulator's benchmark users, `user_bulk_<N>`.
const USER_BULK: &str = "user_bulk_";
/// The largest N of `user_bulk_<N>`.
pub(crate) const MAX_BULK: u32 = 1_000_000;

/// The sandbox login rules: `user_good` / `pass_good` (the default),
/// `user_transactions_dynamic` and `user_bulk_<N>` (1 ≤ N ≤ [`MAX_BULK`]) with any password,
/// and for any user a password `error_<CODE>` answers that documented error with its type
/// and status. Anything else, an unknown `error_` code included, is `INVALID_CREDENTIALS`.
fn login(username: &str, password: &str) -> ApiResult<Persona> {
    if let Some(code) = password.strip_prefix("error_") {
        return Err(match errors::lookup(code) {
            Some(def) => PlaidError::new(def.code),
            None => PlaidError::new("INVALID_CREDENTIALS"),
        });
    }
    let bulk = username
        .strip_prefix(USER_BULK)
        .filter(|n| n.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|n| n.parse::<u32>().ok())
        .filter(|n| (1..=MAX_BULK).contains(n));
    match (username, password, bulk) {
        (USER_GOOD, PASS_GOOD, _) => Ok(Persona::Standard),
        (USER_DYNAMIC, _, _) => Ok(Persona::Dynamic),
        (_, _, Some(n)) => Ok(Persona::Bulk(n)),
        _ => Err(PlaidError::new("INVALID_CREDENTIALS")),
    }
}

/// `days_requested` of `fields` (named `name` in messages): 1 to 730.
pub(crate) fn days_requested(fields: &Fields<'_>) -> ApiResult<Option<u32>> {
    match fields.int("days_requested")? {
        None => Ok(None),
        Some(days) => u32::try_from(days)
            .ok()
            .filter(|d| (1..=730).contains(d))
            .map(Some)
            .ok_or_else(|| fields.invalid("days_requested", "must be between 1 and 730")),
    }
}

/// `/sandbox/public_token/create`: a new Item and its public token. Every product of
/// `initial_products` must be one the institution offers (else `INVALID_PRODUCT`): a name the
/// spec does not know is accepted exactly when the institution lists it, which none does.
pub(crate) fn sandbox_public_token_create(modern: &Modern, f: Fields<'_>) -> ApiResult<Value> {
    let institution_id = f.required_str("institution_id")?;
    let institution = institutions::by_id(institution_id)
        .ok_or_else(|| PlaidError::detailed("INVALID_INSTITUTION", institution_id))?;
    let products = f.strings("initial_products")?.unwrap_or_default();
    if products.is_empty() {
        return Err(PlaidError::invalid_field(
            "initial_products",
            "must contain at least one product",
        ));
    }
    let unsupported: Vec<&str> = products
        .iter()
        .copied()
        .filter(|p| !institution.products.contains(p))
        .collect();
    if !unsupported.is_empty() {
        return Err(PlaidError::detailed(
            "INVALID_PRODUCT",
            unsupported.join(", "),
        ));
    }
    let options = f.options()?;
    let mut days = None;
    if let Some(transactions) = options.object("transactions")? {
        days = days_requested(&transactions)?;
        transactions.str("start_date")?;
        transactions.str("end_date")?;
    }
    let persona = login(
        options.str("override_username")?.unwrap_or(USER_GOOD),
        options.str("override_password")?.unwrap_or(PASS_GOOD),
    )?;
    let webhook = options
        .str("webhook")?
        .filter(|w| !w.is_empty())
        .map(str::to_owned);
    let mut unique: Vec<String> = Vec::new();
    for p in products {
        if !unique.iter().any(|u| u == p) {
            unique.push(p.to_owned());
        }
    }
    let public_token = modern.items().create(NewItem {
        webhook,
        persona,
        days_requested: days,
        ..NewItem::new(institution, unique)
    });
    Ok(json!({ "public_token": public_token }))
}

/// `/item/public_token/exchange`.
pub(crate) fn public_token_exchange(modern: &Modern, f: Fields<'_>) -> ApiResult<Value> {
    let (access_token, item_id) = modern.items().exchange(f.required_str("public_token")?)?;
    Ok(json!({ "access_token": access_token, "item_id": item_id }))
}

/// `/item/get`: the Item (with consent fields) and its status. After a reset_login the error
/// is reported in-band, with a 200.
pub(crate) fn item_get(modern: &Modern, f: Fields<'_>) -> ApiResult<Value> {
    let item = modern.items().item(f.required_str("access_token")?)?;
    let mut value = item_json(&item);
    value["created_at"] = json!(rfc3339(item.created));
    let last_webhook = item.webhooks.last().map_or(
        Value::Null,
        |w| json!({ "sent_at": rfc3339(w.at), "code_sent": w.code }),
    );
    let transactions = match &item.feed {
        Some(feed) => json!({
            "last_successful_update": rfc3339(feed.updated()),
            "last_failed_update": null,
        }),
        None => Value::Null,
    };
    Ok(json!({
        "item": value,
        "status": {
            "investments": null,
            "transactions": transactions,
            "last_webhook": last_webhook,
        },
    }))
}

/// `/item/remove`: the access token stops working (`ITEM_NOT_FOUND` from then on).
pub(crate) fn item_remove(modern: &Modern, f: Fields<'_>) -> ApiResult<Value> {
    f.str("reason_code")?;
    f.str("reason_note")?;
    modern
        .items()
        .with_item(f.required_str("access_token")?, |item| {
            item.removed = true;
            Ok(())
        })?;
    Ok(json!({}))
}

/// `/item/webhook/update`: sets (or, with `null` or `""`, clears) the URL, and logs the
/// `WEBHOOK_UPDATE_ACKNOWLEDGED` webhook Plaid sends to a new URL.
pub(crate) fn webhook_update(modern: &Modern, f: Fields<'_>) -> ApiResult<Value> {
    let webhook = f
        .str("webhook")?
        .filter(|w| !w.is_empty())
        .map(str::to_owned);
    let now = modern.items().now();
    let item = modern
        .items()
        .with_item(f.required_str("access_token")?, |item| {
            item.webhook.clone_from(&webhook);
            if let Some(url) = webhook {
                item.webhooks.push(WebhookEvent {
                    kind: "ITEM".into(),
                    code: "WEBHOOK_UPDATE_ACKNOWLEDGED".into(),
                    fields: json!({ "new_webhook_url": url }),
                    url,
                    at: now,
                });
            }
            Ok(item.clone())
        })?;
    Ok(json!({ "item": item_json(&item) }))
}

/// `/sandbox/item/reset_login`: the Item needs a new login from now on, and its URL (if any)
/// gets the `ITEM` / `ERROR` webhook with `ITEM_LOGIN_REQUIRED` that Plaid sends.
pub(crate) fn reset_login(modern: &Modern, f: Fields<'_>) -> ApiResult<Value> {
    let now = modern.items().now();
    modern
        .items()
        .with_item(f.required_str("access_token")?, |item| {
            item.login_required = true;
            if let Some(url) = item.webhook.clone() {
                item.webhooks.push(WebhookEvent {
                    kind: "ITEM".into(),
                    code: "ERROR".into(),
                    url,
                    at: now,
                    fields: webhooks::login_required(),
                });
            }
            Ok(())
        })?;
    Ok(json!({ "reset_login": true }))
}

/// The `webhook_code`s `/sandbox/item/fire_webhook` takes (the spec's enum), with the
/// `webhook_type` each belongs to when the request names none.
const FIREABLE: &[(&str, &str)] = &[
    ("DEFAULT_UPDATE", "TRANSACTIONS"),
    ("NEW_ACCOUNTS_AVAILABLE", "ITEM"),
    ("SMS_MICRODEPOSITS_VERIFICATION", "AUTH"),
    ("AUTHORIZATION_GRANTED", "INCOME"),
    ("USER_PERMISSION_REVOKED", "ITEM"),
    ("USER_ACCOUNT_REVOKED", "ITEM"),
    ("PENDING_DISCONNECT", "ITEM"),
    ("RECURRING_TRANSACTIONS_UPDATE", "TRANSACTIONS"),
    ("LOGIN_REPAIRED", "ITEM"),
    ("SYNC_UPDATES_AVAILABLE", "TRANSACTIONS"),
    ("PRODUCT_READY", "INCOME"),
    ("ERROR", "ITEM"),
];

/// `/sandbox/item/fire_webhook`: records the webhook for delivery, with the fields its schema
/// requires ([`webhooks::fired_fields`]); the Item must have a URL (else
/// `SANDBOX_WEBHOOK_INVALID`).
pub(crate) fn fire_webhook(modern: &Modern, f: Fields<'_>) -> ApiResult<Value> {
    let code = f.required_str("webhook_code")?;
    let Some((_, default_kind)) = FIREABLE.iter().find(|(c, _)| *c == code) else {
        return Err(PlaidError::invalid_field(
            "webhook_code",
            &format!("is not a webhook code the sandbox can fire: {code}"),
        ));
    };
    let kind = f.str("webhook_type")?.unwrap_or(default_kind).to_owned();
    let now = modern.items().now();
    modern
        .items()
        .with_item(f.required_str("access_token")?, |item| {
            let Some(url) = item.webhook.clone() else {
                return Err(PlaidError::new("SANDBOX_WEBHOOK_INVALID"));
            };
            // The pull's own webhooks come first, and the fired one reports its phase.
            item.catch_up(now);
            let fields = webhooks::fired_fields(&kind, code, item, now);
            item.webhooks.push(WebhookEvent {
                kind,
                code: code.to_owned(),
                url,
                at: now,
                fields,
            });
            Ok(())
        })?;
    Ok(json!({ "webhook_fired": true }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sandbox_credentials_follow_the_docs() {
        assert_eq!(login("user_good", "pass_good"), Ok(Persona::Standard));
        assert_eq!(
            login("user_transactions_dynamic", "anything"),
            Ok(Persona::Dynamic)
        );
        assert_eq!(login("user_bulk_100000", "x"), Ok(Persona::Bulk(100_000)));
        for bad in [
            "user_bulk_0",
            "user_bulk_1000001",
            "user_bulk_+5",
            "user_bulk_",
        ] {
            assert_eq!(login(bad, "x").unwrap_err().code(), "INVALID_CREDENTIALS");
        }
        let code = |u: &str, p: &str| login(u, p).unwrap_err().code();
        assert_eq!(code("user_good", "wrong"), "INVALID_CREDENTIALS");
        assert_eq!(code("someone", "pass_good"), "INVALID_CREDENTIALS");
        assert_eq!(code("user_good", "error_ITEM_LOCKED"), "ITEM_LOCKED");
        assert_eq!(
            code("user_good", "error_INSTITUTION_DOWN"),
            "INSTITUTION_DOWN"
        );
        assert_eq!(
            login("user_good", "error_INTERNAL_SERVER_ERROR")
                .unwrap_err()
                .status(),
            500
        );
        assert_eq!(code("user_good", "error_NOPE"), "INVALID_CREDENTIALS");
    }
}
