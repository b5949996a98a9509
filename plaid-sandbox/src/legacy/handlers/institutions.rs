//! The institution routes: list, by id (or type), `/institutions/all` paging with a product
//! filter, `/institutions/longtail`, and search by `q`/`p`/`id` (which also knows the
//! long-tail institutions).

use serde_json::{Value, json};

use crate::cache::BodyCache;
use crate::legacy::data::institutions::{self, INSTITUTIONS, Institution};
use crate::legacy::data::longtail::{self, LongTail};
use crate::legacy::errors::{ApiError, ApiResult};
use crate::legacy::handlers::check_client;
use crate::legacy::params::Params;
use crate::server::{Body, Response, pretty};

/// `GET /institutions`: the array of every sandbox institution (serialised once).
pub(crate) fn list(cache: &BodyCache) -> Response {
    let body = cache.cached("institutions", || {
        let all: Vec<Value> = INSTITUTIONS.iter().map(Institution::json).collect();
        pretty(&Value::Array(all))
    });
    Response::json_bytes(200, Body::Shared(body))
}

/// `GET /institutions/{id}` and `/institutions/all/{id}`: by 24-hex id or by type; 404/1301.
pub(crate) fn one(id: &str) -> ApiResult<Response> {
    let inst = institutions::find(id).ok_or_else(|| ApiError::new(1301))?;
    Ok(Response::json(200, &inst.json()))
}

/// `count` (default 50, > 0) and `offset` (default 0, ≥ 0); 402/1304 otherwise.
fn paging(p: &Params) -> ApiResult<(usize, usize)> {
    let read = |key: &str, default: usize, min: usize| -> ApiResult<usize> {
        match p.str(key) {
            None => Ok(default),
            Some(s) if s.trim().is_empty() => Ok(default),
            Some(s) => s
                .trim()
                .parse::<usize>()
                .ok()
                .filter(|n| *n >= min)
                .ok_or_else(|| ApiError::new(1304)),
        }
    };
    Ok((read("count", 50, 1)?, read("offset", 0, 0)?))
}

/// The `products` filter: repeated keys (python), a JSON string array (ruby), a JSON array
/// (go), a comma-free single name, or `products[]` keys.
fn products_filter(p: &Params) -> Vec<String> {
    let mut out = Vec::new();
    for v in p.all("products").chain(p.all("products[]")) {
        match v {
            Value::Array(items) => {
                out.extend(items.iter().filter_map(Value::as_str).map(str::to_owned))
            }
            Value::String(s) if s.trim_start().starts_with('[') => {
                match serde_json::from_str::<Vec<String>>(s) {
                    Ok(items) => out.extend(items),
                    Err(_) => out.push(s.clone()),
                }
            }
            Value::String(s) if !s.is_empty() => out.push(s.clone()),
            _ => {}
        }
    }
    out
}

fn page(items: Vec<&Institution>, count: usize, offset: usize) -> Response {
    let total = items.len();
    let results: Vec<Value> = items
        .into_iter()
        .skip(offset)
        .take(count)
        .map(Institution::json)
        .collect();
    Response::json(200, &json!({ "total_count": total, "results": results }))
}

/// `POST /institutions/all`: `{total_count, results}`, keeping the institutions that support
/// every requested product.
pub(crate) fn all(p: &Params) -> ApiResult<Response> {
    check_client(p)?;
    let (count, offset) = paging(p)?;
    let wanted = products_filter(p);
    let items: Vec<&Institution> = INSTITUTIONS
        .iter()
        .filter(|i| i.supports_all(&wanted))
        .collect();
    Ok(page(items, count, offset))
}

/// `POST /institutions/longtail` (deprecated): **[emulator choice]** pages over the same
/// fourteen institutions. The long-tail set of [`mod@longtail`] is recorded only in the search
/// result shape, and what this route's objects looked like is not recorded at all.
pub(crate) fn longtail(p: &Params) -> ApiResult<Response> {
    check_client(p)?;
    let (count, offset) = paging(p)?;
    Ok(page(INSTITUTIONS.iter().collect(), count, offset))
}

/// `GET /institutions[/all]/search`: `id` → one object (or `[]`), `q` → array of partial
/// case-insensitive name matches on every token, `p` → product filter; neither → 402/1305.
///
/// A `q` search lists the matching core banks first, then the matching long-tail
/// institutions, as tartan's own `q=wells` did.
pub(crate) fn search(p: &Params) -> ApiResult<Response> {
    let product = p.non_empty("p");
    let product = product.as_deref();
    if let Some(id) = p.non_empty("id") {
        let found = match institutions::find(&id) {
            Some(inst) => offers(product, |p| inst.supports(p)).then(|| inst.search_result()),
            None => longtail::find(&id)
                .filter(|inst| offers(product, |p| inst.supports(p)))
                .map(LongTail::search_result),
        };
        return Ok(Response::json(200, &found.unwrap_or_else(|| json!([]))));
    }
    let Some(q) = p.non_empty("q").filter(|q| !q.trim().is_empty()) else {
        return Err(ApiError::new(1305));
    };
    let tokens: Vec<String> = q.split_whitespace().map(str::to_lowercase).collect();
    let matches = |name: &str, kind: &str| {
        let name = name.to_lowercase();
        tokens
            .iter()
            .all(|t| name.contains(t.as_str()) || kind == t)
    };
    // Core banks first, then the long tail, as tartan listed them.
    let core = INSTITUTIONS
        .iter()
        .filter(|i| matches(i.name, i.kind))
        .filter(|i| offers(product, |p| i.supports(p)))
        .map(Institution::search_result);
    let long_tail = longtail::LONG_TAIL
        .iter()
        .filter(|i| matches(i.name, i.id))
        .filter(|i| offers(product, |p| i.supports(p)))
        .map(LongTail::search_result);
    let results: Vec<Value> = core.chain(long_tail).collect();
    Ok(Response::json(200, &Value::Array(results)))
}

/// Whether an institution passes the `p` filter (no filter: always).
fn offers(product: Option<&str>, supports: impl Fn(&str) -> bool) -> bool {
    product.is_none_or(supports)
}
