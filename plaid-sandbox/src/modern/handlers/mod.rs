//! The modern handlers, one file per area, plus what several of them share: the `Item`
//! object of a response, the reading of `country_codes` and product lists, and the
//! `account_ids` filter.

pub(crate) mod institutions;
pub(crate) mod investments;
pub(crate) mod items;
pub(crate) mod link;
pub(crate) mod meta;
pub(crate) mod products;
pub(crate) mod transactions;

use serde_json::{Value, json};

use crate::modern::data::accounts::Account;
use crate::modern::data::institutions::{COUNTRIES, PRODUCTS};
use crate::modern::errors::{ApiResult, PlaidError};
use crate::modern::fields::Fields;
use crate::modern::state::Item;

/// The spec's `Item` of `item`: every required key, `webhook` `""` when there is none (as
/// real sandbox recordings show), `error` the in-band `ITEM_LOGIN_REQUIRED` after a
/// reset_login, else `null`.
pub(crate) fn item_json(item: &Item) -> Value {
    let error = if item.login_required {
        PlaidError::new("ITEM_LOGIN_REQUIRED").in_band()
    } else {
        Value::Null
    };
    let auth_method = if item.billed.iter().any(|p| p == "auth") {
        json!("INSTANT_AUTH")
    } else {
        Value::Null
    };
    json!({
        "item_id": item.id,
        "institution_id": item.institution.id,
        "institution_name": item.institution.name,
        "webhook": item.webhook.as_deref().unwrap_or(""),
        "auth_method": auth_method,
        "error": error,
        "available_products": item.available(),
        "billed_products": item.billed,
        "products": item.products,
        "consented_products": item.products,
        "consent_expiration_time": null,
        "update_type": "background",
    })
}

/// `country_codes`: required, not empty, every one a `CountryCode` of the spec.
pub(crate) fn country_codes<'a>(fields: &Fields<'a>) -> ApiResult<Vec<&'a str>> {
    let codes = fields.strings("country_codes")?.unwrap_or_default();
    if codes.is_empty() {
        return Err(PlaidError::invalid_field(
            "country_codes",
            "must contain at least one country code",
        ));
    }
    if let Some(bad) = codes.iter().find(|c| !COUNTRIES.contains(c)) {
        return Err(PlaidError::invalid_field(
            "country_codes",
            &format!("contains an invalid country code: {bad}"),
        ));
    }
    Ok(codes)
}

/// A product list field (`products`, `options.products`…): every name a `Products` value of
/// the spec, else `INVALID_PRODUCT` naming the others.
pub(crate) fn product_list<'a>(fields: &Fields<'a>, name: &str) -> ApiResult<Vec<&'a str>> {
    let products = fields.strings(name)?.unwrap_or_default();
    let unknown: Vec<&str> = products
        .iter()
        .copied()
        .filter(|p| !PRODUCTS.contains(p))
        .collect();
    if unknown.is_empty() {
        Ok(products)
    } else {
        Err(PlaidError::with_message(
            "INVALID_PRODUCT",
            format!("invalid product names provided: {}", unknown.join(", ")),
        ))
    }
}

/// The accounts `options.account_ids` selects (all of them without the option, or with an
/// empty list); an id the Item does not have is `INVALID_ACCOUNT_ID`.
pub(crate) fn select<'a>(
    accounts: &'a [Account],
    fields: &Fields<'_>,
) -> ApiResult<Vec<&'a Account>> {
    let wanted = fields
        .options()?
        .strings("account_ids")?
        .unwrap_or_default();
    select_ids(accounts, &wanted)
}

/// The accounts of `wanted` (all of them when it is empty); an id the Item does not have is
/// `INVALID_ACCOUNT_ID`.
pub(crate) fn select_ids<'a>(
    accounts: &'a [Account],
    wanted: &[&str],
) -> ApiResult<Vec<&'a Account>> {
    if wanted.is_empty() {
        return Ok(accounts.iter().collect());
    }
    if let Some(bad) = wanted
        .iter()
        .find(|id| !accounts.iter().any(|a| a.id == **id))
    {
        return Err(PlaidError::detailed("INVALID_ACCOUNT_ID", bad));
    }
    Ok(accounts
        .iter()
        .filter(|a| wanted.contains(&a.id.as_str()))
        .collect())
}
