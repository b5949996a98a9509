//! The cases of each backend, each plaid-rs case beside its raw baseline (the
//! same request on the same underlying client, decoded with serde_json into
//! plain structs), and the sandbox alone.

pub(crate) mod hyper;
pub(crate) mod reqwest;
pub(crate) mod sandbox_alone;
pub(crate) mod ureq;
