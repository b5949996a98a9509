//! Endpoint descriptors, one file per product area.
//!
//! Each descriptor is a plain value implementing [`Endpoint`](crate::Endpoint);
//! the matching [`Client`](crate::Client) method sits in the same file and
//! is one line around it.

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
