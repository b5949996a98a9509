//! Public institution endpoints: the list, and one institution by id.

use http::Method;

use crate::client::{Call, ResponseMode};
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::legacy::Client;
use crate::legacy::Config;
use crate::legacy::Legacy;
use crate::legacy::models::{self, InstitutionsPage, Product, SearchResults};
use crate::legacy::request::{self as legacy, Access, LegacyRequest};
use crate::transport::{HttpRequest, HttpResponse};

/// `GET /institutions`: the core institutions.
#[derive(Debug, Clone, Copy, Default)]
pub struct Institutions;

impl Endpoint for Institutions {
    type Api = Legacy;

    type Output = Vec<models::Institution>;

    fn to_request(&self, config: &Config) -> Result<HttpRequest, Error> {
        LegacyRequest::new(Method::GET, "/institutions", Access::Public).build(config)
    }

    fn parse_response(response: HttpResponse) -> Result<Self::Output, Error> {
        legacy::parse_json(response)
    }

    fn is_idempotent(&self) -> bool {
        true
    }
}

public_by_id! {
    /// `GET /institutions/all/{id}`: one institution by id, core or long
    /// tail (the route the python client's `institution(id)` uses).
    Institution => "/institutions/all", models::Institution, "the institution id is empty"
}

public_by_id! {
    /// `GET /institutions/{id}`: one core institution by id (the older route).
    CoreInstitution => "/institutions", models::Institution, "the institution id is empty"
}

/// `POST /institutions/all`: one page of every institution, optionally
/// only those that support all of `products`.
#[derive(Debug, Clone)]
pub struct InstitutionsAll {
    /// How many to return (the API's default is 50).
    pub count: u32,
    /// How many to skip.
    pub offset: u32,
    /// Keep institutions that support all of these.
    pub products: Vec<Product>,
}

impl Default for InstitutionsAll {
    fn default() -> Self {
        InstitutionsAll {
            count: 50,
            offset: 0,
            products: Vec::new(),
        }
    }
}

impl Endpoint for InstitutionsAll {
    type Api = Legacy;

    type Output = InstitutionsPage;

    fn to_request(&self, config: &Config) -> Result<HttpRequest, Error> {
        if self.count == 0 {
            return Err(Error::invalid_input(
                "the page size (`count`) must be at least 1",
            ));
        }
        let mut request = LegacyRequest::new(Method::POST, "/institutions/all", Access::Client)
            .text("count", &self.count.to_string())
            .text("offset", &self.offset.to_string());
        // Repeated keys, as the python client sends them.
        for product in &self.products {
            request = request.text("products", product.as_str());
        }
        request.build(config)
    }

    fn parse_response(response: HttpResponse) -> Result<Self::Output, Error> {
        legacy::parse_json(response)
    }

    fn is_idempotent(&self) -> bool {
        true
    }
}

/// `POST /institutions/longtail`: one page of long-tail institutions
/// (deprecated by Plaid in favour of `/institutions/all`).
#[derive(Debug, Clone)]
pub struct InstitutionsLongtail {
    /// How many to return.
    pub count: u32,
    /// How many to skip.
    pub offset: u32,
}

impl Endpoint for InstitutionsLongtail {
    type Api = Legacy;

    type Output = InstitutionsPage;

    fn to_request(&self, config: &Config) -> Result<HttpRequest, Error> {
        if self.count == 0 {
            return Err(Error::invalid_input(
                "the page size (`count`) must be at least 1",
            ));
        }
        LegacyRequest::new(Method::POST, "/institutions/longtail", Access::Client)
            .text("count", &self.count.to_string())
            .text("offset", &self.offset.to_string())
            .build(config)
    }

    fn parse_response(response: HttpResponse) -> Result<Self::Output, Error> {
        legacy::parse_json(response)
    }

    fn is_idempotent(&self) -> bool {
        true
    }
}

/// What to search institutions for: a name query or an id, optionally
/// limited to one product.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchQuery {
    query: Option<String>,
    id: Option<String>,
    product: Option<Product>,
}

impl SearchQuery {
    /// Institutions whose name matches every word of `query`.
    pub fn name(query: impl Into<String>) -> Self {
        SearchQuery {
            query: Some(query.into()),
            ..SearchQuery::default()
        }
    }

    /// The institution with `id` (none if there is no such id).
    pub fn id(id: impl Into<String>) -> Self {
        SearchQuery {
            id: Some(id.into()),
            ..SearchQuery::default()
        }
    }

    /// The same search, also matching the institution `id` (the API takes
    /// both, as the python client allows).
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// The same search, also matching names against `query`.
    pub fn with_name(mut self, query: impl Into<String>) -> Self {
        self.query = Some(query.into());
        self
    }

    /// Only institutions supporting `product`.
    pub fn product(mut self, product: Product) -> Self {
        self.product = Some(product);
        self
    }
}

/// `GET /institutions/search` or `/institutions/all/search`.
#[derive(Debug, Clone)]
pub struct InstitutionSearch {
    /// What to search for.
    pub query: SearchQuery,
    /// Search every institution (`/institutions/all/search`) rather than the
    /// core ones.
    pub all: bool,
}

impl Endpoint for InstitutionSearch {
    type Api = Legacy;

    type Output = SearchResults;

    fn to_request(&self, config: &Config) -> Result<HttpRequest, Error> {
        let query = &self.query;
        let has = |value: &Option<String>| value.as_deref().is_some_and(|v| !v.trim().is_empty());
        if !has(&query.query) && !has(&query.id) {
            return Err(Error::invalid_input(
                "an institution search needs a name query or an id",
            ));
        }
        let path = if self.all {
            "/institutions/all/search"
        } else {
            "/institutions/search"
        };
        LegacyRequest::new(Method::GET, path, Access::Public)
            .opt_text("q", query.query.as_deref())
            .opt_text("p", query.product.as_ref().map(Product::as_str))
            .opt_text("id", query.id.as_deref())
            .build(config)
    }

    fn parse_response(response: HttpResponse) -> Result<Self::Output, Error> {
        legacy::parse_json(response)
    }

    fn is_idempotent(&self) -> bool {
        true
    }
}

impl<T, M: ResponseMode> Client<T, M> {
    /// One page of all institutions (python
    /// `institutions_all(count, offset, products)`).
    pub fn institutions_all(
        &self,
        count: u32,
        offset: u32,
        products: &[Product],
    ) -> Call<'_, T, InstitutionsAll, M> {
        self.call(InstitutionsAll {
            count,
            offset,
            products: products.to_vec(),
        })
    }

    /// One page of long-tail institutions.
    pub fn institutions_longtail(
        &self,
        count: u32,
        offset: u32,
    ) -> Call<'_, T, InstitutionsLongtail, M> {
        self.call(InstitutionsLongtail { count, offset })
    }

    /// Searches the core institutions (python `institution_search`).
    pub fn institution_search(&self, query: SearchQuery) -> Call<'_, T, InstitutionSearch, M> {
        self.call(InstitutionSearch { query, all: false })
    }

    /// Searches every institution (python `institution_all_search`).
    pub fn institution_all_search(&self, query: SearchQuery) -> Call<'_, T, InstitutionSearch, M> {
        self.call(InstitutionSearch { query, all: true })
    }

    /// The core institutions (python `institutions()`).
    pub fn institutions(&self) -> Call<'_, T, Institutions, M> {
        self.call(Institutions)
    }

    /// One institution by id (python `institution(id)`).
    pub fn institution(&self, id: impl Into<String>) -> Call<'_, T, Institution, M> {
        self.call(Institution::new(id))
    }

    /// One core institution by id, on the older `/institutions/{id}` route.
    pub fn core_institution(&self, id: impl Into<String>) -> Call<'_, T, CoreInstitution, M> {
        self.call(CoreInstitution::new(id))
    }
}
