//! Transaction categories (`GET /categories`).

use serde::{Deserialize, Serialize};

open_enum! {
    /// What a category describes.
    pub enum CategoryType {
        /// A physical place (a shop, a restaurant).
        Place => "place",
        /// A special transaction (a transfer, a fee, payroll).
        Special => "special",
        /// A digital purchase.
        Digital => "digital",
    }
}

/// One transaction category, e.g. `13005043` Food and Drink > Restaurants >
/// Coffee Shop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Category {
    /// The category id, an 8-digit string.
    pub id: String,
    /// The path from the top category to this one.
    pub hierarchy: Vec<String>,
    /// What kind of category this is.
    #[serde(rename = "type")]
    pub category_type: CategoryType,
}
