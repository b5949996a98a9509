//! The sandbox's fixed data: accounts, transactions, product payloads, institutions and
//! categories, plus the generated bulk transactions for benchmarks.
//!
//! Each file says where its data comes from. Nothing here knows about HTTP.

pub(crate) mod accounts;
pub(crate) mod bulk;
pub(crate) mod categories;
pub(crate) mod income;
pub(crate) mod info;
pub(crate) mod institutions;
pub(crate) mod longtail;
pub(crate) mod risk;
pub(crate) mod transactions;
