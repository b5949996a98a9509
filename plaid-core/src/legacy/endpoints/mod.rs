//! Endpoint descriptors, one file per product area.
//!
//! Each descriptor is a plain value implementing [`Endpoint`](crate::Endpoint);
//! the matching [`Client`](crate::Client) method sits in the same file and
//! is one line around it.

/// A public `GET {prefix}/{id}` descriptor: the id is one encoded path
/// segment and the body parses as `$output`.
macro_rules! public_by_id {
    ($(#[$doc:meta])* $name:ident => $prefix:literal, $output:ty, $empty:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone)]
        pub struct $name {
            /// The id.
            pub id: String,
        }

        impl $name {
            #[doc = concat!("The `", stringify!($name), "` with `id`.")]
            pub fn new(id: impl Into<String>) -> Self {
                $name { id: id.into() }
            }
        }

        impl $crate::Endpoint for $name {
            type Api = $crate::legacy::Legacy;

            type Output = $output;

            fn to_request(
                &self,
                config: &$crate::legacy::Config,
            ) -> Result<$crate::transport::HttpRequest, $crate::Error> {
                $crate::legacy::request::LegacyRequest::with_segment(
                    http::Method::GET,
                    $prefix,
                    &self.id,
                    $empty,
                    $crate::legacy::request::Access::Public,
                )?
                .build(config)
            }

            fn parse_response(
                response: $crate::transport::HttpResponse,
            ) -> Result<Self::Output, $crate::Error> {
                $crate::legacy::request::parse_json(response)
            }

            fn is_idempotent(&self) -> bool {
                true
            }
        }
    };
}

mod balance;
mod categories;
mod exchange;
mod institutions;
mod products;
mod upgrade;

pub use balance::Balance;
pub use categories::{Categories, Category};
pub use exchange::ExchangeToken;
pub use institutions::{
    CoreInstitution, Institution, InstitutionSearch, Institutions, InstitutionsAll,
    InstitutionsLongtail, SearchQuery,
};
pub use products::{Add, Auth, Connect, Delete, Get, Income, Info, ProductApi, Risk, Step, Update};
pub use upgrade::{Upgrade, UpgradeStep};
