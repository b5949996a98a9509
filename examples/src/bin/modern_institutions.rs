//! Modern API, institutions: every institution Plaid supports in some
//! countries, page by page (`/institutions/get`), one by id with its
//! health (`/institutions/get_by_id`), and a search by name
//! (`/institutions/search`).
//!
//! A page may hold fewer institutions than asked for even when more
//! remain, so the loop moves `offset` by the page size until it reaches
//! the answer's `total`, and never stops at a short page.
//!
//! Modern API: runs against an embedded modern `plaid-sandbox`, or the
//! server in `PLAID_BASE_URL` (keys `PLAID_CLIENT_ID` / `PLAID_SECRET`).

use examples::Target;
use examples::show;
use examples::steps::FIRST_PLATYPUS;
use plaid_core::modern::models::{CountryCode, Institution, Product};

/// How many institutions a page asks for (Plaid allows up to 500).
const PAGE: u32 = 10;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let target = Target::modern()?;
    println!("server: {}", target.describe());
    let client = plaid_ureq::client(target.config.clone());
    let countries = [CountryCode::Us, CountryCode::Ca, CountryCode::Gb];

    let mut all: Vec<Institution> = Vec::new();
    let mut offset = 0;
    let mut pages = 0;
    loop {
        let page = client
            .institutions_get(PAGE, offset, countries.clone())
            .send()?;
        pages += 1;
        all.extend(page.institutions);
        offset += PAGE;
        if offset >= page.total {
            break;
        }
    }
    let names: Vec<String> = all.iter().map(|i| i.name.clone()).collect();
    println!(
        "institutions_get: {} institutions in US, CA, GB in {pages} pages, e.g. {}",
        all.len(),
        show::some(&names, 3)
    );

    let with_auth = client
        .institutions_get(PAGE, 0, [CountryCode::Us])
        .with(|r| r.products([Product::Auth]).oauth(true))
        .send()?;
    println!(
        "institutions_get with auth and OAuth: {} in the US",
        with_auth.total
    );

    let found = client
        .institutions_get_by_id(FIRST_PLATYPUS, [CountryCode::Us])
        .with(|r| r.include_status(true).include_optional_metadata(true))
        .send()?
        .institution;
    let logins = found
        .status
        .as_ref()
        .and_then(|s| s.item_logins.as_ref())
        .map_or_else(|| "unknown".to_owned(), |s| s.status.to_string());
    println!(
        "institutions_get_by_id: {} ({}), {}, logins {logins}, products {}",
        found.name,
        found.institution_id,
        found.url.as_deref().unwrap_or("no url"),
        found.products.len()
    );

    let searched = client
        .institutions_search("tartan", [CountryCode::Us, CountryCode::Ca])
        .with(|r| r.products([Product::Transactions]))
        .send()?;
    let names: Vec<String> = searched
        .institutions
        .iter()
        .map(|i| format!("{} ({})", i.name, i.institution_id))
        .collect();
    println!("institutions_search \"tartan\": {}", names.join(", "));
    Ok(())
}
