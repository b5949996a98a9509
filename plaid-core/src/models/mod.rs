//! Typed models of the legacy API's responses.
//!
//! Server-defined enumerations are open: a value this version does not know
//! is kept as `Unknown(String)` and never fails a decode. Unknown fields are
//! ignored. Fields the API documents as optional are `Option` or default to
//! empty.

#[macro_use]
mod open_enum;

mod category;
mod institution;

pub use category::{Category, CategoryType};
pub use institution::{CredentialLabels, Institution, MfaKind, Product};
