//! Maps method + path to a handler (the route table of legacy-api.md §2).
//!
//! Paths are matched after removing a trailing `/` (tartan accepted `/institutions/search/`).
//! `HEAD` is routed like `GET` (the server drops the body). Anything unmatched is a JSON
//! 404/1600, never an HTML page.

use crate::errors::{ApiError, ApiResult};
use crate::handlers::{Product, categories, exchange, institutions, products};
use crate::http::{RecordedRequest, Response};
use crate::params::Params;
use crate::state::State;

/// Answers one request.
pub fn handle(state: &State, req: &RecordedRequest) -> Response {
    match route(state, req) {
        Ok(resp) => resp,
        Err(err) => Response::error(&err),
    }
}

fn route(state: &State, req: &RecordedRequest) -> ApiResult<Response> {
    let params = Params::parse(&req.query, req.header("content-type"), &req.body)?;
    let segments: Vec<&str> = req.path.split('/').filter(|s| !s.is_empty()).collect();
    let method = if req.method == "HEAD" {
        "GET"
    } else {
        req.method.as_str()
    };
    let p = &params;
    match (method, segments.as_slice()) {
        // Products: connect, auth, info, income, risk.
        (m, [name, rest @ ..]) if Product::from_route(name).is_some() => {
            let product = Product::from_route(name).ok_or_else(|| ApiError::new(1600))?;
            match (m, rest) {
                ("POST", []) => products::add(state, product, p),
                ("PATCH", []) => products::update(state, product, p),
                ("DELETE", []) => products::delete(state, p),
                ("POST" | "PATCH", ["step"]) => products::step(state, product, p),
                ("POST" | "GET", ["get"]) => products::get(state, product, p),
                _ => Err(ApiError::new(1600)),
            }
        }
        ("GET" | "POST", ["balance"]) => products::balance(state, p),
        ("POST", ["upgrade"]) => products::upgrade(state, p),
        ("POST", ["upgrade", "step"]) => products::upgrade_step(state, p),
        ("POST", ["exchange_token"]) => exchange::exchange_token(p),
        ("GET", ["institutions"]) => Ok(institutions::list(state)),
        ("GET" | "POST", ["institutions", "all"]) => institutions::all(p),
        ("GET" | "POST", ["institutions", "longtail"]) => institutions::longtail(p),
        ("GET", ["institutions", "search"] | ["institutions", "all", "search"]) => {
            institutions::search(p)
        }
        ("GET", ["institutions", "all", id] | ["institutions", id]) => institutions::one(id),
        ("GET", ["categories"]) => Ok(categories::list(state)),
        ("GET", ["categories", id]) => categories::one(id),
        _ => Err(ApiError::new(1600)),
    }
}
