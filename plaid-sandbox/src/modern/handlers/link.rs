//! `/link/token/create`: a link token for Link, new or in update mode.
//!
//! The emulator has no Link front end, so a link token is only made and checked, not kept:
//! the request's schema, its product names and country codes, `transactions.days_requested`
//! (1 to 730), and in update mode its access token (which must reach a live Item). Items are
//! made by `/sandbox/public_token/create`, whose `options.transactions.days_requested` sets
//! their history.

use std::time::Duration;

use serde_json::{Value, json};

use crate::modern::Modern;
use crate::modern::clock::{minutes, rfc3339};
use crate::modern::errors::{ApiResult, PlaidError};
use crate::modern::fields::Fields;
use crate::modern::handlers::items::days_requested;
use crate::modern::handlers::{country_codes, product_list};

/// The required fields of `LinkTokenCreateRequest`.
pub(crate) const REQUIRED: &[&str] = &["client_name", "language", "country_codes"];

/// Its optional fields (the spec's whole list: a client may send any of them).
pub(crate) const OPTIONAL: &[&str] = &[
    "user",
    "user_id",
    "products",
    "required_if_supported_products",
    "optional_products",
    "additional_consented_products",
    "webhook",
    "access_token",
    "access_tokens",
    "link_customization_name",
    "appearance_mode",
    "redirect_uri",
    "android_package_name",
    "institution_data",
    "card_switch",
    "account_filters",
    "eu_config",
    "institution_id",
    "payment_configuration",
    "payment_initiation",
    "employment",
    "income_verification",
    "base_report",
    "credit_partner_insights",
    "cra_options",
    "consumer_report_permissible_purpose",
    "auth",
    "transfer",
    "update",
    "identity_verification",
    "statements",
    "third_party_user_token",
    "investments",
    "investments_auth",
    "hosted_link",
    "transactions",
    "cashflow_report",
    "cra_enabled",
    "identity",
    "financekit_supported",
    "enable_multi_item_link",
    "user_token",
];

/// How long a new link token lives (modern-api.md §4.1).
const NEW_LIFETIME: Duration = minutes(4 * 60);
/// How long an update-mode link token lives.
const UPDATE_LIFETIME: Duration = minutes(30);

/// `/link/token/create`: `link-sandbox-<uuid>` and its expiry, 4 hours ahead (30 minutes in
/// update mode). The user must be named by `user.client_user_id` or `user_id`
/// (`MISSING_FIELDS` `user` otherwise: the spec stopped marking `user` required when `user_id`
/// became an alternative, but one of them is still needed).
pub(crate) fn link_token_create(modern: &Modern, f: Fields<'_>) -> ApiResult<Value> {
    f.required_str("client_name")?;
    f.required_str("language")?;
    country_codes(&f)?;
    match (f.object("user")?, f.str("user_id")?) {
        (Some(user), _) => {
            user.required_str("client_user_id")?;
        }
        (None, Some(_)) => {}
        (None, None) => return Err(PlaidError::missing(&["user".to_owned()])),
    }
    for name in [
        "products",
        "required_if_supported_products",
        "optional_products",
        "additional_consented_products",
    ] {
        product_list(&f, name)?;
    }
    f.str("webhook")?;
    if let Some(transactions) = f.object("transactions")? {
        days_requested(&transactions)?;
    }
    let lifetime = match f.str("access_token")? {
        Some(token) => {
            modern.items().item(token)?;
            UPDATE_LIFETIME
        }
        None => NEW_LIFETIME,
    };
    let items = modern.items();
    Ok(json!({
        "link_token": format!("link-sandbox-{}", items.ids().uuid()),
        "expiration": rfc3339(items.now() + lifetime),
    }))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;
    use std::time::UNIX_EPOCH;

    use super::*;
    use crate::modern::clock::manual::Manual;
    use crate::modern::fields::Body;
    use crate::modern::state::{Items, NewItem};

    fn create(modern: &Modern, body: &Value) -> ApiResult<Value> {
        let body = Body::parse(body.to_string().as_bytes())?;
        link_token_create(modern, body.fields())
    }

    #[test]
    fn a_new_link_token_expires_four_hours_ahead_and_an_update_one_in_thirty_minutes() {
        let now = UNIX_EPOCH + Duration::from_secs(1_709_294_400);
        let modern = Modern::with_items(Items::with_clock(Arc::new(Manual::at(now))));
        let mut body = json!({
            "client_name": "x", "language": "en", "country_codes": ["US"],
            "user": { "client_user_id": "u" },
        });
        let created = create(&modern, &body).unwrap();
        assert_eq!(created["expiration"], "2024-03-01T16:00:00Z");
        let token = created["link_token"].as_str().unwrap();
        assert_eq!(token.len(), "link-sandbox-".len() + 36);

        let bank = crate::modern::data::institutions::by_id("ins_109508").unwrap();
        let public = modern
            .items()
            .create(NewItem::new(bank, vec!["auth".into()]));
        let (access, _) = modern.items().exchange(&public).unwrap();
        body["access_token"] = json!(access);
        let updated = create(&modern, &body).unwrap();
        assert_eq!(updated["expiration"], "2024-03-01T12:30:00Z");
        body["transactions"] = json!({ "days_requested": 731 });
        let err = create(&modern, &body).unwrap_err();
        assert_eq!(err.code(), "INVALID_FIELD");
        assert!(
            err.body("r")
                .to_string()
                .contains("transactions.days_requested")
        );
    }
}
