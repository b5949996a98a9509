//! The category taxonomy of `/categories/get`.
//!
//! It is the legacy sandbox's taxonomy (`crate::legacy::data::categories`, from Plaid's own
//! fixture): the modern API kept the same ids and hierarchies, so both families serve one
//! table. Only the object differs: the modern `Category` names the legacy `type` `group` and
//! the legacy `id` `category_id`.

use serde_json::{Value, json};

use crate::legacy::data::categories;

/// The `categories` array: every category as the spec's `Category`, in id order.
pub(crate) fn all() -> Value {
    Value::Array(
        categories::all()
            .iter()
            .map(|c| json!({ "category_id": c.id, "group": c.kind, "hierarchy": c.hierarchy }))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_category_has_the_three_keys() {
        let all = all();
        let list = all.as_array().unwrap();
        assert!(list.len() > 500);
        for c in list {
            assert!(c["category_id"].as_str().is_some_and(|id| id.len() == 8));
            assert!(c["group"].is_string());
            assert!(!c["hierarchy"].as_array().unwrap().is_empty());
        }
    }
}
