//! Endpoint descriptors, one file per product area.
//!
//! Each descriptor is a plain value implementing [`Endpoint`](crate::Endpoint);
//! the matching [`Client`](crate::Client) method sits in the same file and
//! is one line around it.

mod categories;
mod institutions;

pub use categories::{Categories, Category};
pub use institutions::{CoreInstitution, Institution, Institutions};
