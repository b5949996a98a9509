//! The account owner of an Item (`/identity/get`), derived deterministically from the Item id.
//!
//! One owner per Item, drawn from small pools of invented names, streets and cities; every
//! `Owner` carries all four arrays of the spec with complete `PhoneNumber`, `Email` and
//! `Address` objects (the python client refuses one with a key missing).

use serde_json::{Value, json};

use crate::modern::ids::Stream;

const FIRST: &[&str] = &[
    "Alberta",
    "Bartholomew",
    "Cordelia",
    "Desmond",
    "Eleanor",
    "Fitzgerald",
    "Georgina",
    "Horatio",
];
const MIDDLE: &[&str] = &["Bobbeth", "Quincy", "Rosalind", "Tobias"];
const LAST: &[&str] = &[
    "Charleson",
    "Platypus",
    "Gingham",
    "Tattersall",
    "Houndstooth",
    "Tartanson",
];
const STREETS: &[&str] = &[
    "Malvern Street",
    "Rue de la Paix",
    "Oak Avenue",
    "Platypus Lane",
    "Gingham Road",
];
const CITIES: &[(&str, &str, &str)] = &[
    ("Malakoff", "NY", "14236"),
    ("San Matias", "CA", "93405"),
    ("Springfield", "IL", "62701"),
    ("Portland", "OR", "97205"),
];

/// The owners of every account of the Item `item_id` (the same person holds them all).
pub(crate) fn owners(item_id: &str) -> Value {
    let mut rng = Stream::from_text(&format!("{item_id}/identity"));
    let (first, middle, last) = (rng.pick(FIRST), rng.pick(MIDDLE), rng.pick(LAST));
    let handle = format!(
        "{}.{}",
        first.to_ascii_lowercase(),
        last.to_ascii_lowercase()
    );
    let phone = |rng: &mut Stream| format!("1{}555{}", rng.range(200, 999), rng.digits(4));
    let (city, region, postal_code) = rng.pick(CITIES);
    let street = format!("{} {}", rng.range(1, 9999), rng.pick(STREETS));
    json!([{
        "names": [format!("{first} {middle} {last}")],
        "phone_numbers": [
            { "data": phone(&mut rng), "primary": true, "type": "home" },
            { "data": phone(&mut rng), "primary": false, "type": "mobile" },
        ],
        "emails": [
            { "data": format!("{handle}@example.com"), "primary": true, "type": "primary" },
            { "data": format!("{handle}@example.org"), "primary": false, "type": "secondary" },
        ],
        "addresses": [{
            "data": {
                "street": street,
                "city": city,
                "region": region,
                "postal_code": postal_code,
                "country": "US",
            },
            "primary": true,
        }],
    }])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_always_has_the_same_complete_owner() {
        let owners = owners("item-x");
        assert_eq!(owners, super::owners("item-x"));
        let owner = &owners[0];
        assert!(owner["names"][0].as_str().unwrap().split(' ').count() == 3);
        for (list, keys) in [
            ("phone_numbers", &["data", "primary", "type"][..]),
            ("emails", &["data", "primary", "type"][..]),
            ("addresses", &["data", "primary"][..]),
        ] {
            for entry in owner[list].as_array().unwrap() {
                for key in keys {
                    assert!(entry.get(*key).is_some(), "{list} without {key}");
                }
            }
        }
        let address = &owner["addresses"][0]["data"];
        for key in ["street", "city", "region", "postal_code", "country"] {
            assert!(address[key].is_string(), "address without {key}");
        }
    }
}
