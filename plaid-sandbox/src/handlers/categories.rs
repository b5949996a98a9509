//! `GET /categories` and `GET /categories/{id}`.

use crate::data::categories;
use crate::errors::{ApiError, ApiResult};
use crate::http::{Body, Response, pretty};
use crate::state::State;

/// `GET /categories`: every category (serialised once).
pub fn list(state: &State) -> Response {
    let body = state.cached("categories", || {
        let all: Vec<_> = categories::all()
            .iter()
            .map(categories::Category::to_json)
            .collect();
        pretty(&serde_json::Value::Array(all))
    });
    Response::json_bytes(200, Body::Shared(body))
}

/// `GET /categories/{id}`: one category, or 404/1501.
pub fn one(id: &str) -> ApiResult<Response> {
    let c = categories::find(id).ok_or_else(|| ApiError::new(1501))?;
    Ok(Response::json(200, &c.to_json()))
}
