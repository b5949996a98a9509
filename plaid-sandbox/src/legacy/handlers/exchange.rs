//! `POST /exchange_token`: Link public tokens (`test,<type>,connected`) to access tokens, with
//! an optional Stripe bank account token for a depository account.

use serde_json::{Map, Value};

use crate::legacy::data::{accounts, institutions};
use crate::legacy::errors::{ApiError, ApiResult};
use crate::legacy::handlers::check_client;
use crate::legacy::params::Params;
use crate::mix::splitmix;
use crate::server::Response;

/// `POST /exchange_token`.
pub(crate) fn exchange_token(p: &Params) -> ApiResult<Response> {
    check_client(p)?;
    let public = p
        .non_empty("public_token")
        .ok_or_else(|| ApiError::new(1107))?;
    let kind = match public.split(',').collect::<Vec<_>>().as_slice() {
        ["test", kind, "connected"] if institutions::by_type(kind).is_some() => (*kind).to_owned(),
        _ => return Err(ApiError::new(1106)),
    };
    let access_token = format!("test_{kind}");
    let mut body = Map::new();
    body.insert("access_token".into(), Value::String(access_token.clone()));
    if let Some(account_id) = p.non_empty("account_id") {
        let account = accounts::find(&account_id).ok_or_else(|| ApiError::new(1606))?;
        if account.get("type").and_then(Value::as_str) != Some("depository") {
            return Err(ApiError::new(2001));
        }
        body.insert("account_id".into(), Value::String(account_id.clone()));
        body.insert(
            "stripe_bank_account_token".into(),
            Value::String(stripe_token(&access_token, &account_id)),
        );
    }
    Ok(Response::json(200, &Value::Object(body)))
}

/// `btok_` + 24 deterministic alphanumerics derived from the access token and account id.
pub(crate) fn stripe_token(access_token: &str, account_id: &str) -> String {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    // FNV-1a over both strings, then splitmix for the digits.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in access_token.bytes().chain([0u8]).chain(account_id.bytes()) {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    let mut out = String::from("btok_");
    let mut state = h;
    while out.len() < 5 + 24 {
        state = splitmix(state);
        let mut x = state;
        for _ in 0..8 {
            if out.len() == 5 + 24 {
                break;
            }
            out.push(char::from(ALPHABET[(x % 62) as usize]));
            x /= 62;
        }
    }
    out
}
