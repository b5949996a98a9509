//! The modern sandbox's data: institutions (fixed), and what each Item has (accounts, bank
//! numbers, owners), derived deterministically from its id. Nothing here knows about HTTP or
//! about the state of an Item.

pub(crate) mod accounts;
pub(crate) mod categories;
pub(crate) mod identity;
pub(crate) mod institutions;
pub(crate) mod investments;
pub(crate) mod liabilities;
pub(crate) mod payees;
pub(crate) mod recurring;
pub(crate) mod transactions;
