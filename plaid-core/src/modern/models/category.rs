//! The legacy transaction categories of `/categories/get`, which
//! `Transaction.category_id` refers to (deprecated by Plaid in favour of
//! `personal_finance_category`, still answered).

use serde::Deserialize;

/// One category (`Category`).
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct Category {
    /// Its id, e.g. `"10000000"`.
    pub category_id: String,
    /// Its group.
    pub group: CategoryGroup,
    /// Its path from the most general name down, e.g.
    /// `["Bank Fees", "Overdraft"]`.
    pub hierarchy: Vec<String>,
}

open_enum! {
    /// The group of a [`Category`].
    pub enum CategoryGroup {
        /// A category of places (merchants).
        Place => "place",
        /// A special category (transfers, payments, fees…).
        Special => "special",
    }
}
