//! Modern API, categories: Plaid's transaction category tree
//! (`/categories/get`). The one modern call sent without the keys, which
//! makes it a cheap first check that a base URL answers.
//!
//! Modern API: runs against an embedded modern `plaid-sandbox`, or the
//! server in `PLAID_BASE_URL`.

use examples::Target;
use examples::show;
use plaid_core::modern::models::CategoryGroup;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let target = Target::modern()?;
    println!("server: {}", target.describe());
    let client = plaid_ureq::client(target.config.clone());

    let categories = client.categories_get().send()?.categories;
    let top: Vec<String> = categories
        .iter()
        .filter(|c| c.hierarchy.len() == 1)
        .map(|c| c.hierarchy.join(""))
        .collect();
    println!(
        "categories_get: {} categories, {} at the top: {}",
        categories.len(),
        top.len(),
        show::some(&top, 4)
    );
    let special = categories
        .iter()
        .filter(|c| c.group == CategoryGroup::Special)
        .count();
    println!("  {special} in the special group, the rest places");
    if let Some(bar) = categories.iter().find(|c| c.category_id == "13001000") {
        println!("  13001000: {}", bar.hierarchy.join(" > "));
    }
    Ok(())
}
