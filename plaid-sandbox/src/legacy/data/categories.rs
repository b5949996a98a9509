//! The category taxonomy (602 entries).
//!
//! Real data: plaid/plaid-ruby-legacy `test/fixtures/categories.json`, stored compactly in
//! `categories.txt` as `id type-letter leaf-name` (p = place, s = special, d = digital); the
//! hierarchy is rebuilt from the id (`AABBBCCC`: level 1 is `AA000000`, level 2 `AABBB000`).
//!
//! One deliberate change: the fixture names 21001000 "Internal Account Transfer", while the
//! live sandbox transactions (recorded 2016) use `["Transfer", "Account Transfer"]` for that id.
//! The emulator promises that every transaction's `category_id` resolves to the same hierarchy,
//! so 21001000 is "Account Transfer" here.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::{Value, json};

const TEXT: &str = include_str!("categories.txt");

/// One category.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Category {
    /// The 8-digit id.
    pub(crate) id: &'static str,
    /// `place`, `special` or `digital`.
    pub(crate) kind: &'static str,
    /// From the top level down.
    pub(crate) hierarchy: Vec<&'static str>,
}

impl Category {
    /// The JSON object `{"hierarchy": [...], "id": "...", "type": "..."}`.
    pub(crate) fn to_json(&self) -> Value {
        json!({ "id": self.id, "hierarchy": self.hierarchy, "type": self.kind })
    }
}

/// All categories, in id order.
pub(crate) fn all() -> &'static [Category] {
    static ALL: OnceLock<Vec<Category>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut leaves: HashMap<&'static str, &'static str> = HashMap::new();
        let mut rows = Vec::new();
        for line in TEXT.lines() {
            let mut parts = line.splitn(3, ' ');
            let (Some(id), Some(kind), Some(name)) = (parts.next(), parts.next(), parts.next())
            else {
                continue;
            };
            let kind = match kind {
                "s" => "special",
                "d" => "digital",
                _ => "place",
            };
            leaves.insert(id, name);
            rows.push((id, kind, name));
        }
        rows.into_iter()
            .map(|(id, kind, name)| {
                let mut hierarchy = Vec::with_capacity(3);
                if id.len() == 8 && id.is_char_boundary(5) {
                    let top = format!("{}000000", &id[..2]);
                    let mid = format!("{}000", &id[..5]);
                    if top != id {
                        if let Some(n) = leaves.get(top.as_str()) {
                            hierarchy.push(*n);
                        }
                        if mid != id {
                            if let Some(n) = leaves.get(mid.as_str()) {
                                hierarchy.push(*n);
                            }
                        }
                    }
                }
                hierarchy.push(name);
                Category {
                    id,
                    kind,
                    hierarchy,
                }
            })
            .collect()
    })
}

/// A category by id.
pub(crate) fn find(id: &str) -> Option<&'static Category> {
    all().iter().find(|c| c.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::legacy::data::transactions;

    #[test]
    fn known_ids_have_the_documented_hierarchy() {
        assert_eq!(all().len(), 602);
        assert_eq!(find("10000000").unwrap().hierarchy, ["Bank Fees"]);
        assert_eq!(
            find("13001000").unwrap().hierarchy,
            ["Food and Drink", "Bar"]
        );
        assert_eq!(
            find("13005006").unwrap().hierarchy,
            ["Food and Drink", "Restaurants", "Sushi"]
        );
        assert_eq!(
            find("19012002").unwrap().hierarchy,
            ["Shops", "Clothing and Accessories", "Swimwear"]
        );
        assert_eq!(find("19019000").unwrap().kind, "digital");
    }

    #[test]
    fn every_level_has_its_parents() {
        for c in all() {
            let depth = if c.id.ends_with("000000") {
                1
            } else if c.id.ends_with("000") {
                2
            } else {
                3
            };
            assert_eq!(c.hierarchy.len(), depth, "{}", c.id);
        }
    }

    #[test]
    fn every_transaction_category_resolves_to_the_same_hierarchy() {
        for t in transactions::posted().iter().chain(transactions::pending()) {
            if let Some(id) = t.get("category_id").and_then(Value::as_str) {
                let c = find(id).unwrap();
                assert_eq!(t["category"], json!(c.hierarchy), "{id}");
            }
        }
    }
}
