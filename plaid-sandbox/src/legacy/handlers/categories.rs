//! `GET /categories` and `GET /categories/{id}`.

use crate::cache::BodyCache;
use crate::legacy::data::categories;
use crate::legacy::errors::{ApiError, ApiResult};
use crate::server::{Body, Response, pretty};

/// `GET /categories`: every category (serialised once).
pub(crate) fn list(cache: &BodyCache) -> Response {
    let body = cache.cached("categories", || {
        let all: Vec<_> = categories::all()
            .iter()
            .map(categories::Category::to_json)
            .collect();
        pretty(&serde_json::Value::Array(all))
    });
    Response::json_bytes(200, Body::Shared(body))
}

/// `GET /categories/{id}`: one category, or 404/1501.
pub(crate) fn one(id: &str) -> ApiResult<Response> {
    let c = categories::find(id).ok_or_else(|| ApiError::new(1501))?;
    Ok(Response::json(200, &c.to_json()))
}
