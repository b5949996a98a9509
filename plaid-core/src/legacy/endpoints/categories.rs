//! Public category endpoints: the list, and one category by id.

use http::Method;

use crate::client::{Call, ResponseMode};
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::legacy::Client;
use crate::legacy::Config;
use crate::legacy::Legacy;
use crate::legacy::models;
use crate::legacy::request::{self as legacy, Access, LegacyRequest};
use crate::transport::{HttpRequest, HttpResponse};

/// `GET /categories`: every transaction category.
#[derive(Debug, Clone, Copy, Default)]
pub struct Categories;

impl Endpoint for Categories {
    type Api = Legacy;

    type Output = Vec<models::Category>;

    fn to_request(&self, config: &Config) -> Result<HttpRequest, Error> {
        LegacyRequest::new(Method::GET, "/categories", Access::Public).build(config)
    }

    fn parse_response(response: HttpResponse) -> Result<Self::Output, Error> {
        legacy::parse_json(response)
    }

    fn is_idempotent(&self) -> bool {
        true
    }
}

public_by_id! {
    /// `GET /categories/{id}`: one category.
    Category => "/categories", models::Category, "the category id is empty"
}

impl<T, M: ResponseMode> Client<T, M> {
    /// Every transaction category (python `categories()`).
    pub fn categories(&self) -> Call<'_, T, Categories, M> {
        self.call(Categories)
    }

    /// One category by id (python `category(id)`).
    pub fn category(&self, id: impl Into<String>) -> Call<'_, T, Category, M> {
        self.call(Category::new(id))
    }
}
