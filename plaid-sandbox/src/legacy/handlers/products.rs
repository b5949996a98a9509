//! The product routes: add, step, update (PATCH), get, delete for connect/auth/info/income/risk,
//! plus `/balance`, `/upgrade` and `/upgrade/step`.

use crate::cache::BodyCache;
use crate::legacy::data::institutions;
use crate::legacy::errors::{ApiError, ApiResult};
use crate::legacy::handlers::bodies::{self, TxnView};
use crate::legacy::handlers::mfa::{self, Verdict};
use crate::legacy::handlers::{Credentials, Product, Token, check_client, require_token};
use crate::legacy::params::{Options, Params};
use crate::server::{Body, Response};

/// `POST /<product>`: add a user.
pub(crate) fn add(cache: &BodyCache, product: Product, p: &Params) -> ApiResult<Response> {
    check_client(p)?;
    if p.non_empty("access_token").is_some() {
        return Err(ApiError::new(1003));
    }
    let kind = p.non_empty("type").ok_or_else(|| ApiError::new(1001))?;
    // [emulator choice] unknown type → 404/1301 (python's live test expects a 404).
    let institution = institutions::by_type(&kind).ok_or_else(|| ApiError::new(1301))?;
    let options = p.options()?;
    let credentials = Credentials::from_params(p)?;
    let user = credentials.verify(institution)?;
    let token = Token::for_institution(institution);
    match mfa::challenge_for(institution, user, &options, &token) {
        Some(challenge) => Ok(challenge),
        None => success(cache, product, &token, &options),
    }
}

/// `PATCH /<product>`: update credentials (behaves like the add for the token's institution),
/// or, with only `options.webhook`, a webhook update.
pub(crate) fn update(cache: &BodyCache, product: Product, p: &Params) -> ApiResult<Response> {
    check_client(p)?;
    let token = require_token(p)?;
    let options = p.options()?;
    let credentials = Credentials::from_params(p)?;
    if !credentials.is_complete() && options.get("webhook").is_some() {
        return success(cache, product, &token, &options);
    }
    let user = credentials.verify(token.institution)?;
    match mfa::challenge_for(token.institution, user, &options, &token) {
        Some(challenge) => Ok(challenge),
        None => success(cache, product, &token, &options),
    }
}

/// `POST|PATCH /<product>/step`: answer MFA or choose a send method.
pub(crate) fn step(cache: &BodyCache, product: Product, p: &Params) -> ApiResult<Response> {
    check_client(p)?;
    let token = require_token(p)?;
    let options = p.options()?;
    step_with(cache, product, p, &token, &options)
}

fn step_with(
    cache: &BodyCache,
    product: Product,
    p: &Params,
    token: &Token,
    options: &Options,
) -> ApiResult<Response> {
    let answer = p
        .value("mfa")
        .filter(|v| !v.is_null() && v.as_str() != Some(""));
    if let Some(answer) = answer {
        return match mfa::judge(answer) {
            Verdict::Correct => success(cache, product, token, options),
            Verdict::Again => Ok(mfa::questions(token)),
            Verdict::Wrong => Err(ApiError::with_token(1203, &token.raw)),
        };
    }
    match options.get("send_method") {
        Some(method) if !method.is_null() => mfa::send_method(method, token),
        // Neither an answer nor a send method: nothing to verify.
        _ => Err(ApiError::with_token(1203, &token.raw)),
    }
}

/// `POST|GET /<product>/get`.
pub(crate) fn get(cache: &BodyCache, product: Product, p: &Params) -> ApiResult<Response> {
    check_client(p)?;
    let token = require_token(p)?;
    let options = p.options()?;
    success(cache, product, &token, &options)
}

/// `DELETE /<product>`.
pub(crate) fn delete(cache: &BodyCache, p: &Params) -> ApiResult<Response> {
    check_client(p)?;
    require_token(p)?;
    let body = cache.cached("delete", || {
        crate::server::pretty(
            &serde_json::json!({ "message": "Successfully removed from your account" }),
        )
    });
    Ok(Response::json_bytes(200, Body::Shared(body)))
}

/// `GET|POST /balance`.
pub(crate) fn balance(cache: &BodyCache, p: &Params) -> ApiResult<Response> {
    check_client(p)?;
    let token = require_token(p)?;
    Ok(bodies::product(
        cache,
        Product::Balance,
        &token,
        &TxnView::default(),
    ))
}

fn upgrade_product(p: &Params, required: bool) -> ApiResult<Product> {
    match p.non_empty("upgrade_to") {
        None if required => Err(ApiError::new(1007)),
        None => Ok(Product::Connect),
        Some(name) => Product::from_route(&name).ok_or_else(|| ApiError::new(1111)),
    }
}

/// `POST /upgrade`: 200 with accounts, the product payload and the token (no MFA in the
/// sandbox).
pub(crate) fn upgrade(cache: &BodyCache, p: &Params) -> ApiResult<Response> {
    check_client(p)?;
    let token = require_token(p)?;
    let product = upgrade_product(p, true)?;
    let options = p.options()?;
    success(cache, product, &token, &options)
}

/// `POST /upgrade/step`: MFA during an upgrade (product from `upgrade_to`, default connect).
pub(crate) fn upgrade_step(cache: &BodyCache, p: &Params) -> ApiResult<Response> {
    check_client(p)?;
    let token = require_token(p)?;
    let product = upgrade_product(p, false)?;
    let options = p.options()?;
    step_with(cache, product, p, &token, &options)
}

fn success(
    cache: &BodyCache,
    product: Product,
    token: &Token,
    options: &Options,
) -> ApiResult<Response> {
    let view = if product == Product::Connect {
        TxnView::from_options(options)?
    } else {
        TxnView::default()
    };
    Ok(bodies::product(cache, product, token, &view))
}
