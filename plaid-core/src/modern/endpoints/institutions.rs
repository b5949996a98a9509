//! Institutions: listing them page by page, reading one by id, and searching
//! them by name.
//!
//! `/institutions/get` may answer fewer than `count` institutions even when
//! more remain (those whose products do not overlap yours are left out of
//! a page), so page by [`InstitutionsGetResponse::total`], not by the
//! length of a page.

use serde::{Deserialize, Serialize};

use super::check::refuse_if;
use crate::client::{Call, ResponseMode};
use crate::error::Error;
use crate::modern::models::{CountryCode, Institution, Product};
use crate::modern::{Client, Operation};

/// `pub fn $flag(self, bool) -> Self` setters, each setting `options.$flag`:
/// the three requests share most of their boolean options, and each
/// request's `options()` makes its own options struct on first use.
macro_rules! option_flags {
    ($($(#[$doc:meta])* $flag:ident,)*) => {
        $(
            $(#[$doc])*
            pub fn $flag(mut self, on: bool) -> Self {
                self.options().$flag = Some(on);
                self
            }
        )*
    };
}

/// `POST /institutions/get`: one page of the institutions Plaid supports
/// in some countries.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct InstitutionsGet {
    /// How many institutions to return, 1 to 500.
    pub count: u32,
    /// How many to skip.
    pub offset: u32,
    /// The countries to list institutions of (at least one).
    pub country_codes: Vec<CountryCode>,
    /// Filters and the optional metadata to include.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub options: Option<InstitutionsGetOptions>,
}

/// The `options` of [`InstitutionsGet`].
#[derive(Debug, Clone, Default, Serialize)]
#[non_exhaustive]
pub struct InstitutionsGetOptions {
    /// Only institutions that support all of these products.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub products: Option<Vec<Product>>,
    /// Only institutions with one of these routing numbers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub routing_numbers: Option<Vec<String>>,
    /// Only institutions with (`true`) or without (`false`) an OAuth flow.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oauth: Option<bool>,
    /// Include `url`, `primary_color` and `logo`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_optional_metadata: Option<bool>,
    /// Include `auth_metadata`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_auth_metadata: Option<bool>,
    /// Include `payment_initiation_metadata`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_payment_initiation_metadata: Option<bool>,
}

impl InstitutionsGet {
    /// The page of `count` institutions after the first `offset` in
    /// `country_codes`.
    pub fn new(
        count: u32,
        offset: u32,
        country_codes: impl IntoIterator<Item = CountryCode>,
    ) -> Self {
        InstitutionsGet {
            count,
            offset,
            country_codes: country_codes.into_iter().collect(),
            options: None,
        }
    }

    fn options(&mut self) -> &mut InstitutionsGetOptions {
        self.options.get_or_insert_with(Default::default)
    }

    /// Only institutions that support all of `products`.
    pub fn products(mut self, products: impl IntoIterator<Item = Product>) -> Self {
        self.options().products = Some(products.into_iter().collect());
        self
    }

    /// Only institutions with one of `routing_numbers`.
    pub fn routing_numbers(
        mut self,
        routing_numbers: impl IntoIterator<Item = impl Into<String>>,
    ) -> Self {
        self.options().routing_numbers =
            Some(routing_numbers.into_iter().map(Into::into).collect());
        self
    }

    option_flags! {
        /// Only institutions with (`true`) or without (`false`) an OAuth flow.
        oauth,
        /// Whether to include `url`, `primary_color` and `logo`.
        include_optional_metadata,
        /// Whether to include `auth_metadata`.
        include_auth_metadata,
        /// Whether to include `payment_initiation_metadata`.
        include_payment_initiation_metadata,
    }
}

impl Operation for InstitutionsGet {
    const PATH: &'static str = "/institutions/get";
    const IDEMPOTENT: bool = true;
    type Response = InstitutionsGetResponse;

    fn validate(&self) -> Result<(), Error> {
        // The upper bound (500) is Plaid's to raise; zero never made sense.
        refuse_if(self.count == 0, "the count is zero")?;
        refuse_if(
            self.country_codes.is_empty(),
            "the list of country codes is empty",
        )
    }
}

/// The answer to [`InstitutionsGet`].
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct InstitutionsGetResponse {
    /// The page.
    pub institutions: Vec<Institution>,
    /// How many institutions match in all: page until `offset` reaches it.
    pub total: u32,
    /// The request's id.
    #[serde(default)]
    pub request_id: String,
}

/// `POST /institutions/get_by_id`: one institution, by its id.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct InstitutionsGetById {
    /// The institution's id, e.g. `ins_109508`.
    pub institution_id: String,
    /// The countries to look in.
    pub country_codes: Vec<CountryCode>,
    /// The optional metadata to include.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub options: Option<InstitutionsGetByIdOptions>,
}

/// The `options` of [`InstitutionsGetById`].
#[derive(Debug, Clone, Default, Serialize)]
#[non_exhaustive]
pub struct InstitutionsGetByIdOptions {
    /// Include `url`, `primary_color` and `logo`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_optional_metadata: Option<bool>,
    /// Include `status`, the health of its connections.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_status: Option<bool>,
    /// Include `auth_metadata`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_auth_metadata: Option<bool>,
    /// Include `payment_initiation_metadata`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_payment_initiation_metadata: Option<bool>,
}

impl InstitutionsGetById {
    /// The institution `institution_id`, looked for in `country_codes`.
    pub fn new(
        institution_id: impl Into<String>,
        country_codes: impl IntoIterator<Item = CountryCode>,
    ) -> Self {
        InstitutionsGetById {
            institution_id: institution_id.into(),
            country_codes: country_codes.into_iter().collect(),
            options: None,
        }
    }

    fn options(&mut self) -> &mut InstitutionsGetByIdOptions {
        self.options.get_or_insert_with(Default::default)
    }

    option_flags! {
        /// Whether to include `url`, `primary_color` and `logo`.
        include_optional_metadata,
        /// Whether to include `status`.
        include_status,
        /// Whether to include `auth_metadata`.
        include_auth_metadata,
        /// Whether to include `payment_initiation_metadata`.
        include_payment_initiation_metadata,
    }
}

impl Operation for InstitutionsGetById {
    const PATH: &'static str = "/institutions/get_by_id";
    const IDEMPOTENT: bool = true;
    type Response = InstitutionsGetByIdResponse;

    fn validate(&self) -> Result<(), Error> {
        refuse_if(
            self.institution_id.is_empty(),
            "the institution id is empty",
        )
    }
}

/// The answer to [`InstitutionsGetById`].
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct InstitutionsGetByIdResponse {
    /// The institution.
    pub institution: Institution,
    /// The request's id.
    #[serde(default)]
    pub request_id: String,
}

/// `POST /institutions/search`: institutions whose name matches a query.
#[derive(Debug, Clone, Serialize)]
#[non_exhaustive]
pub struct InstitutionsSearch {
    /// The text to look for in institution names.
    pub query: String,
    /// Only institutions that support all of these products.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub products: Option<Vec<Product>>,
    /// The countries to look in.
    pub country_codes: Vec<CountryCode>,
    /// Filters and the optional metadata to include.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub options: Option<InstitutionsSearchOptions>,
}

/// The `options` of [`InstitutionsSearch`].
#[derive(Debug, Clone, Default, Serialize)]
#[non_exhaustive]
pub struct InstitutionsSearchOptions {
    /// Only institutions with (`true`) or without (`false`) an OAuth flow.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub oauth: Option<bool>,
    /// Include `url`, `primary_color` and `logo`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_optional_metadata: Option<bool>,
    /// Include `auth_metadata`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_auth_metadata: Option<bool>,
    /// Include `payment_initiation_metadata`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub include_payment_initiation_metadata: Option<bool>,
    /// Only institutions that support this payment or consent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_initiation: Option<InstitutionsSearchPaymentInitiation>,
}

/// The `options.payment_initiation` of [`InstitutionsSearch`]: a payment
/// or a consent the institutions must support.
#[derive(Debug, Clone, Default, Serialize)]
#[non_exhaustive]
pub struct InstitutionsSearchPaymentInitiation {
    /// A payment's id, from `/payment_initiation/payment/create`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment_id: Option<String>,
    /// A consent's id, from `/payment_initiation/consent/create`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consent_id: Option<String>,
}

impl InstitutionsSearch {
    /// The institutions in `country_codes` whose name matches `query`.
    pub fn new(
        query: impl Into<String>,
        country_codes: impl IntoIterator<Item = CountryCode>,
    ) -> Self {
        InstitutionsSearch {
            query: query.into(),
            products: None,
            country_codes: country_codes.into_iter().collect(),
            options: None,
        }
    }

    fn options(&mut self) -> &mut InstitutionsSearchOptions {
        self.options.get_or_insert_with(Default::default)
    }

    fn payment_initiation(&mut self) -> &mut InstitutionsSearchPaymentInitiation {
        self.options()
            .payment_initiation
            .get_or_insert_with(Default::default)
    }

    /// Only institutions that support all of `products`.
    pub fn products(mut self, products: impl IntoIterator<Item = Product>) -> Self {
        self.products = Some(products.into_iter().collect());
        self
    }

    option_flags! {
        /// Only institutions with (`true`) or without (`false`) an OAuth flow.
        oauth,
        /// Whether to include `url`, `primary_color` and `logo`.
        include_optional_metadata,
        /// Whether to include `auth_metadata`.
        include_auth_metadata,
        /// Whether to include `payment_initiation_metadata`.
        include_payment_initiation_metadata,
    }
    /// Only institutions that support the payment `payment_id`.
    pub fn payment_id(mut self, payment_id: impl Into<String>) -> Self {
        self.payment_initiation().payment_id = Some(payment_id.into());
        self
    }

    /// Only institutions that support the consent `consent_id`.
    pub fn consent_id(mut self, consent_id: impl Into<String>) -> Self {
        self.payment_initiation().consent_id = Some(consent_id.into());
        self
    }
}

impl Operation for InstitutionsSearch {
    const PATH: &'static str = "/institutions/search";
    const IDEMPOTENT: bool = true;
    type Response = InstitutionsSearchResponse;

    fn validate(&self) -> Result<(), Error> {
        refuse_if(self.query.is_empty(), "the query is empty")?;
        // `products`, when sent, must list at least one (`minItems: 1`).
        refuse_if(
            self.products.as_ref().is_some_and(Vec::is_empty),
            "the list of products is empty",
        )
    }
}

/// The answer to [`InstitutionsSearch`].
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct InstitutionsSearchResponse {
    /// The matching institutions.
    pub institutions: Vec<Institution>,
    /// The request's id.
    #[serde(default)]
    pub request_id: String,
}

impl<T, M: ResponseMode> Client<T, M> {
    /// One page of the institutions in `country_codes` (python
    /// `institutions_get`); page by the response's `total`.
    pub fn institutions_get(
        &self,
        count: u32,
        offset: u32,
        country_codes: impl IntoIterator<Item = CountryCode>,
    ) -> Call<'_, T, InstitutionsGet, M> {
        self.call(InstitutionsGet::new(count, offset, country_codes))
    }

    /// The institution `institution_id` (python `institutions_get_by_id`).
    pub fn institutions_get_by_id(
        &self,
        institution_id: impl Into<String>,
        country_codes: impl IntoIterator<Item = CountryCode>,
    ) -> Call<'_, T, InstitutionsGetById, M> {
        self.call(InstitutionsGetById::new(institution_id, country_codes))
    }

    /// The institutions whose name matches `query` (python
    /// `institutions_search`).
    pub fn institutions_search(
        &self,
        query: impl Into<String>,
        country_codes: impl IntoIterator<Item = CountryCode>,
    ) -> Call<'_, T, InstitutionsSearch, M> {
        self.call(InstitutionsSearch::new(query, country_codes))
    }
}
