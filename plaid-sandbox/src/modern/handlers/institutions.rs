//! `/institutions/get`, `/institutions/get_by_id` and `/institutions/search` over the fixed
//! list of [`crate::modern::data::institutions`].
//!
//! Filters narrow the list before paging, and `total` counts what the filters let through, so
//! a client pages by `total` (modern-api.md §4.11).

use serde_json::{Value, json};

use crate::modern::Modern;
use crate::modern::data::institutions::{ALL, Extras, Institution, by_id};
use crate::modern::errors::{ApiResult, PlaidError};
use crate::modern::fields::Fields;
use crate::modern::handlers::{country_codes, product_list};

/// The filters `/institutions/get` and `/institutions/search` share.
struct Filter<'a> {
    countries: Vec<&'a str>,
    products: Vec<&'a str>,
    oauth: Option<bool>,
    routing: Vec<&'a str>,
}

impl Filter<'_> {
    fn keeps(&self, inst: &Institution) -> bool {
        inst.in_any(&self.countries)
            && inst.supports_all(&self.products)
            && self.oauth.is_none_or(|o| inst.oauth == o)
            && (self.routing.is_empty() || inst.routing.iter().any(|r| self.routing.contains(r)))
    }
}

fn listed(institutions: &[&Institution], extras: Extras) -> Value {
    Value::Array(institutions.iter().map(|i| i.to_json(extras)).collect())
}

fn metadata(options: &Fields<'_>) -> ApiResult<Extras> {
    Ok(Extras {
        metadata: options.bool("include_optional_metadata")?.unwrap_or(false),
        status: options.bool("include_status")?.unwrap_or(false),
    })
}

/// `/institutions/get`: `count` (1..500) institutions from `offset`, and `total`.
pub(crate) fn get(_modern: &Modern, f: Fields<'_>) -> ApiResult<Value> {
    let count = f.int("count")?.unwrap_or(0);
    if !(1..=500).contains(&count) {
        return Err(PlaidError::invalid_field(
            "count",
            "must be between 1 and 500",
        ));
    }
    let offset = f.int("offset")?.unwrap_or(0);
    let Ok(offset) = usize::try_from(offset) else {
        return Err(PlaidError::invalid_field("offset", "must not be negative"));
    };
    let options = f.options()?;
    let filter = Filter {
        countries: country_codes(&f)?,
        products: product_list(&options, "products")?,
        oauth: options.bool("oauth")?,
        routing: options.strings("routing_numbers")?.unwrap_or_default(),
    };
    let matching: Vec<&Institution> = ALL.iter().filter(|i| filter.keeps(i)).collect();
    let page: Vec<&Institution> = matching
        .iter()
        .skip(offset)
        .take(usize::try_from(count).unwrap_or(0))
        .copied()
        .collect();
    Ok(json!({
        "institutions": listed(&page, metadata(&options)?),
        "total": matching.len(),
    }))
}

/// `/institutions/get_by_id`: `INVALID_INSTITUTION` for an id that is unknown or not in any
/// of `country_codes`.
pub(crate) fn get_by_id(_modern: &Modern, f: Fields<'_>) -> ApiResult<Value> {
    let id = f.required_str("institution_id")?;
    let countries = country_codes(&f)?;
    let institution = by_id(id)
        .filter(|i| i.in_any(&countries))
        .ok_or_else(|| PlaidError::detailed("INVALID_INSTITUTION", id))?;
    let extras = metadata(&f.options()?)?;
    Ok(json!({ "institution": institution.to_json(extras) }))
}

/// `/institutions/search`: institutions whose name contains every word of `query`
/// (case-insensitive), or whose id is the query, in list order.
pub(crate) fn search(_modern: &Modern, f: Fields<'_>) -> ApiResult<Value> {
    let query = f.required_str("query")?.trim().to_lowercase();
    if query.is_empty() {
        return Err(PlaidError::invalid_field("query", "must not be empty"));
    }
    let options = f.options()?;
    let filter = Filter {
        countries: country_codes(&f)?,
        products: product_list(&f, "products")?,
        oauth: options.bool("oauth")?,
        routing: Vec::new(),
    };
    let found: Vec<&Institution> = ALL
        .iter()
        .filter(|i| {
            let name = i.name.to_lowercase();
            i.id == query || query.split_whitespace().all(|word| name.contains(word))
        })
        .filter(|i| filter.keeps(i))
        .collect();
    Ok(json!({ "institutions": listed(&found, metadata(&options)?) }))
}
