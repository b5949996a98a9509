//! Categories: the legacy transaction category tree. The one modern call
//! that sends no keys (`security: []` in the spec), which makes it a cheap
//! first check that a base URL answers.

use serde::{Deserialize, Serialize};

use crate::client::{Call, ResponseMode};
use crate::modern::models::Category;
use crate::modern::{Client, Operation};

/// `POST /categories/get`: every transaction category. Its body is `{}`
/// and it is sent without the keys.
// A struct with braces, not a unit struct: serde writes a unit struct as
// `null`, and the API wants an empty object.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CategoriesGet {}

impl CategoriesGet {
    /// The call.
    pub fn new() -> Self {
        CategoriesGet {}
    }
}

impl Operation for CategoriesGet {
    const PATH: &'static str = "/categories/get";
    const AUTHENTICATED: bool = false;
    const IDEMPOTENT: bool = true;
    type Response = CategoriesGetResponse;
}

/// The answer to [`CategoriesGet`].
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct CategoriesGetResponse {
    /// Every category.
    pub categories: Vec<Category>,
    /// The request's id.
    #[serde(default)]
    pub request_id: String,
}

impl<T, M: ResponseMode> Client<T, M> {
    /// Every transaction category (python `categories_get`). Sent without
    /// the keys. Deprecated by Plaid in favour of
    /// `personal_finance_category`, still answered.
    pub fn categories_get(&self) -> Call<'_, T, CategoriesGet, M> {
        self.call(CategoriesGet::new())
    }
}
