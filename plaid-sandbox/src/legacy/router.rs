//! Maps method + path to a handler (the route table of legacy-api.md §2).
//!
//! Paths are matched after removing a trailing `/` (tartan accepted `/institutions/search/`).
//! `HEAD` is routed like `GET` (the server drops the body). Anything unmatched is a JSON
//! 404/1600, never an HTML page.

use crate::cache::BodyCache;
use crate::legacy::errors::{ApiError, ApiResult};
use crate::legacy::handlers::{Product, categories, exchange, institutions, products};
use crate::legacy::params::Params;
use crate::server::{RecordedRequest, Response};

/// Answers one request.
pub(crate) fn handle(cache: &BodyCache, req: &RecordedRequest) -> Response {
    route(cache, req).unwrap_or_else(Response::from)
}

fn route(cache: &BodyCache, req: &RecordedRequest) -> ApiResult<Response> {
    let params = Params::parse(&req.query, req.header("content-type"), &req.body)?;
    let segments: Vec<&str> = req.path.split('/').filter(|s| !s.is_empty()).collect();
    let method = if req.method == "HEAD" {
        "GET"
    } else {
        req.method.as_str()
    };
    // The product routes (connect, auth, info, income, risk) share one sub-table.
    if let [name, rest @ ..] = segments.as_slice() {
        if let Some(product) = Product::from_route(name) {
            return product_route(cache, method, product, rest, &params);
        }
    }
    let p = &params;
    match (method, segments.as_slice()) {
        ("GET" | "POST", ["balance"]) => products::balance(cache, p),
        ("POST", ["upgrade"]) => products::upgrade(cache, p),
        ("POST", ["upgrade", "step"]) => products::upgrade_step(cache, p),
        ("POST", ["exchange_token"]) => exchange::exchange_token(p),
        ("GET", ["institutions"]) => Ok(institutions::list(cache)),
        ("GET" | "POST", ["institutions", "all"]) => institutions::all(p),
        ("GET" | "POST", ["institutions", "longtail"]) => institutions::longtail(p),
        ("GET", ["institutions", "search"] | ["institutions", "all", "search"]) => {
            institutions::search(p)
        }
        ("GET", ["institutions", "all", id] | ["institutions", id]) => institutions::one(id),
        ("GET", ["categories"]) => Ok(categories::list(cache)),
        ("GET", ["categories", id]) => categories::one(id),
        _ => Err(ApiError::new(1600)),
    }
}

/// `/<product>`, `/<product>/step` and `/<product>/get`.
fn product_route(
    cache: &BodyCache,
    method: &str,
    product: Product,
    rest: &[&str],
    p: &Params,
) -> ApiResult<Response> {
    match (method, rest) {
        ("POST", []) => products::add(cache, product, p),
        ("PATCH", []) => products::update(cache, product, p),
        ("DELETE", []) => products::delete(cache, p),
        ("POST" | "PATCH", ["step"]) => products::step(cache, product, p),
        ("POST" | "GET", ["get"]) => products::get(cache, product, p),
        _ => Err(ApiError::new(1600)),
    }
}
