//! The calls about the API rather than an Item: the category taxonomy and the webhook
//! verification key.

use serde_json::{Value, json};

use crate::modern::Modern;
use crate::modern::data::categories;
use crate::modern::errors::{ApiResult, PlaidError};
use crate::modern::fields::Fields;
use crate::modern::keys;

/// `/categories/get` (no client keys needed).
pub(crate) fn categories_get(_modern: &Modern, _f: Fields<'_>) -> ApiResult<Value> {
    Ok(json!({ "categories": categories::all() }))
}

/// `/webhook_verification_key/get`: the emulator's one key; any other `key_id` is
/// `INVALID_WEBHOOK_VERIFICATION_KEY_ID`.
pub(crate) fn webhook_verification_key_get(_modern: &Modern, f: Fields<'_>) -> ApiResult<Value> {
    if f.required_str("key_id")? != keys::KEY_ID {
        return Err(PlaidError::new("INVALID_WEBHOOK_VERIFICATION_KEY_ID"));
    }
    Ok(json!({ "key": keys::jwk() }))
}
