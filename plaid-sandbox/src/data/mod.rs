//! The sandbox's fixed data: accounts, transactions, product payloads, institutions and
//! categories, plus the generated bulk transactions for benchmarks.
//!
//! Each file says where its data comes from. Nothing here knows about HTTP.

pub mod accounts;
pub mod bulk;
pub mod categories;
pub mod income;
pub mod info;
pub mod institutions;
pub mod risk;
pub mod transactions;
