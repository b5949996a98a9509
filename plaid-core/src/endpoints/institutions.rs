//! Public institution endpoints: the list, and one institution by id.

use http::Method;

use crate::client::{Call, Client, ResponseMode};
use crate::config::Config;
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::family::legacy::{self, Auth, LegacyRequest};
use crate::models;
use crate::transport::{HttpRequest, HttpResponse};

/// `GET /institutions`: the core institutions.
#[derive(Debug, Clone, Copy, Default)]
pub struct Institutions;

impl Endpoint for Institutions {
    type Output = Vec<models::Institution>;

    fn to_request(&self, config: &Config) -> Result<HttpRequest, Error> {
        LegacyRequest::new(Method::GET, "/institutions", Auth::Public).build(config)
    }

    fn parse_response(response: HttpResponse) -> Result<Self::Output, Error> {
        legacy::parse_json(response)
    }

    fn is_idempotent(&self) -> bool {
        true
    }
}

/// `GET /institutions/all/{id}`: one institution by id, core or long tail
/// (the route the python client's `institution(id)` uses).
#[derive(Debug, Clone)]
pub struct Institution {
    /// The institution id, e.g. `5301a93ac140de84910000e0` or `ins_100003`.
    pub id: String,
}

impl Institution {
    /// The institution with `id`.
    pub fn new(id: impl Into<String>) -> Self {
        Institution { id: id.into() }
    }
}

impl Endpoint for Institution {
    type Output = models::Institution;

    fn to_request(&self, config: &Config) -> Result<HttpRequest, Error> {
        LegacyRequest::with_segment(
            Method::GET,
            "/institutions/all",
            &self.id,
            "the institution id is empty",
            Auth::Public,
        )?
        .build(config)
    }

    fn parse_response(response: HttpResponse) -> Result<Self::Output, Error> {
        legacy::parse_json(response)
    }

    fn is_idempotent(&self) -> bool {
        true
    }
}

/// `GET /institutions/{id}`: one core institution by id (the older route).
#[derive(Debug, Clone)]
pub struct CoreInstitution {
    /// The institution id.
    pub id: String,
}

impl CoreInstitution {
    /// The core institution with `id`.
    pub fn new(id: impl Into<String>) -> Self {
        CoreInstitution { id: id.into() }
    }
}

impl Endpoint for CoreInstitution {
    type Output = models::Institution;

    fn to_request(&self, config: &Config) -> Result<HttpRequest, Error> {
        LegacyRequest::with_segment(
            Method::GET,
            "/institutions",
            &self.id,
            "the institution id is empty",
            Auth::Public,
        )?
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
