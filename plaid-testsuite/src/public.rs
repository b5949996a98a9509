//! Public endpoints: institutions and categories, listed, by id, paged and
//! searched. They need no access token, so each test is one client and the
//! sandbox's fixed data.

use plaid_core::legacy::endpoints::SearchQuery;
use plaid_core::legacy::models::{MfaKind, Product};
use plaid_core::legacy::{ErrorCode, PythonException};

use crate::{BOFA_ID, Backend, COFFEE_SHOP_ID, SANDBOX_INSTITUTIONS};

/// The institution list has every sandbox institution, with Bank of America's
/// credentials, MFA kinds and products.
pub fn institutions_list(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();

    let institutions = backend.send(client.institutions()).expect("institutions");
    assert_eq!(institutions.len(), SANDBOX_INSTITUTIONS);
    let bofa = institutions
        .iter()
        .find(|i| i.id == BOFA_ID)
        .expect("bofa is listed");
    assert_eq!(bofa.name, "Bank of America");
    assert_eq!(bofa.institution_type, "bofa");
    assert!(bofa.has_mfa);
    assert_eq!(bofa.credentials.username.as_deref(), Some("Online ID"));
    assert_eq!(bofa.credentials.password.as_deref(), Some("Password"));
    assert_eq!(bofa.credentials.pin, None);
    assert_eq!(
        bofa.mfa,
        [MfaKind::Code, MfaKind::List, MfaKind::Questions(Some(3))]
    );
    for product in [
        Product::Connect,
        Product::Auth,
        Product::Balance,
        Product::Info,
        Product::Income,
        Product::Risk,
    ] {
        assert!(bofa.products.contains(&product), "bofa has {product:?}");
    }
}

/// One institution by id is the same on `/institutions/{id}` and the core
/// route.
pub fn institution_by_id_on_both_routes(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();

    let bofa = backend
        .send(client.institution(BOFA_ID))
        .expect("institution");
    assert_eq!(bofa.id, BOFA_ID);
    assert_eq!(bofa.name, "Bank of America");

    let core = backend
        .send(client.core_institution(BOFA_ID))
        .expect("core institution");
    assert_eq!(core, bofa);
}

/// An unknown institution id is `NotFound` / `InstitutionNotFound` with a 404,
/// a request id and the raw body.
pub fn unknown_institution_is_not_found(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();

    let error = backend
        .send(client.institution("000000000000000000000000"))
        .expect_err("no such institution");
    assert_eq!(
        PythonException::of(&error),
        Some(PythonException::ResourceNotFoundError),
        "{error}"
    );
    assert_eq!(error.legacy_code(), Some(ErrorCode::InstitutionNotFound));
    assert_eq!(error.status().map(|s| s.as_u16()), Some(404));
    assert!(
        error.request_id().is_some_and(|id| !id.is_empty()),
        "request id"
    );
    assert!(
        error.body().is_some_and(|body| !body.is_empty()),
        "raw body"
    );
}

/// The category list includes coffee shops with their hierarchy.
pub fn categories_list(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();

    let categories = backend.send(client.categories()).expect("categories");
    assert!(!categories.is_empty());
    let coffee = categories
        .iter()
        .find(|c| c.id == COFFEE_SHOP_ID)
        .expect("coffee shops are listed");
    assert_eq!(
        coffee.hierarchy,
        ["Food and Drink", "Restaurants", "Coffee Shop"]
    );
}

/// One category by id has its hierarchy.
pub fn category_by_id(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();

    let coffee = backend
        .send(client.category(COFFEE_SHOP_ID))
        .expect("category");
    assert_eq!(coffee.id, COFFEE_SHOP_ID);
    assert_eq!(
        coffee.hierarchy,
        ["Food and Drink", "Restaurants", "Coffee Shop"]
    );
}

/// An unknown category id is `NotFound` / `CategoryNotFound` with a 404.
pub fn unknown_category_is_not_found(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();

    let error = backend
        .send(client.category("nope"))
        .expect_err("no such category");
    assert_eq!(
        PythonException::of(&error),
        Some(PythonException::ResourceNotFoundError),
        "{error}"
    );
    assert_eq!(error.legacy_code(), Some(ErrorCode::CategoryNotFound));
    assert_eq!(error.status().map(|s| s.as_u16()), Some(404));
}

/// Paging `institutions/all` five at a time yields the institution list, in
/// order.
pub fn institutions_all_pages_through_every_institution(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();

    let listed: Vec<String> = backend
        .send(client.institutions())
        .expect("list")
        .into_iter()
        .map(|i| i.id)
        .collect();
    let mut paged = Vec::new();
    for (offset, size) in [(0, 5), (5, 5), (10, 4), (15, 0)] {
        let page = backend
            .send(client.institutions_all(5, offset, &[]))
            .expect("page");
        assert_eq!(page.total_count, SANDBOX_INSTITUTIONS as u64);
        assert_eq!(page.results.len(), size, "offset {offset}");
        paged.extend(page.results.into_iter().map(|i| i.id));
    }
    assert_eq!(paged, listed);
}

/// A product filter on `institutions/all` keeps the institutions that have
/// every product asked for.
pub fn institutions_all_keeps_those_with_every_product(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();

    let listed = backend.send(client.institutions()).expect("list");
    for (products, count) in [
        (&[Product::Info][..], 10),
        (&[Product::Connect, Product::Info][..], 8),
    ] {
        let page = backend
            .send(client.institutions_all(50, 0, products))
            .expect("page");
        let expected: Vec<&str> = listed
            .iter()
            .filter(|i| products.iter().all(|p| i.products.contains(p)))
            .map(|i| i.id.as_str())
            .collect();
        let got: Vec<&str> = page.results.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(got, expected, "{products:?}");
        assert_eq!((page.total_count, got.len()), (count, count as usize));
    }
}

/// The long-tail institution list pages like the core one.
pub fn institutions_longtail_pages(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();

    let page = backend
        .send(client.institutions_longtail(5, 10))
        .expect("longtail");
    assert_eq!(page.total_count, SANDBOX_INSTITUTIONS as u64);
    assert_eq!(page.results.len(), 4);
}

/// Searching by name finds Wells Fargo, with its products.
pub fn institution_search_by_name_finds_wells_fargo(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();

    let results = backend
        .send(client.institution_search(SearchQuery::name("wells fargo")))
        .expect("search");
    let found: Vec<(&str, &str)> = results
        .iter()
        .map(|r| (r.id.as_str(), r.name.as_str()))
        .collect();
    // The core bank first, then the long-tail Wells Fargo entities, as
    // tartan answered.
    assert_eq!(found[0], ("wells", "Wells Fargo"));
    assert_eq!(results[0].products.get("connect"), Some(&true));
    assert_eq!(found.len(), 10, "{found:?}");
    for (id, name) in &found[1..] {
        assert!(id.bytes().all(|b| b.is_ascii_digit()), "{id}");
        assert!(name.starts_with("Wells Fargo "), "{name}");
    }
    // Core banks carry a gradient, the long tail dark and light shades.
    let core = results[0].colors.as_ref().expect("core colours");
    assert_eq!(core.gradient.len(), 2);
    assert!(core.dark.is_none() && core.light.is_none());
    let long_tail = results[1].colors.as_ref().expect("long-tail colours");
    assert!(long_tail.gradient.is_empty());
    assert!(long_tail.dark.is_some() && long_tail.light.is_some());
}

/// A name search with a product filter leaves out institutions without that
/// product.
pub fn institution_search_with_a_product_filter(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();

    let query = SearchQuery::name("bank").product(Product::Connect);
    let results = backend
        .send(client.institution_all_search(query))
        .expect("search");
    let names: Vec<&str> = results.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Bank of America",
            "US Bank",
            "Wells Fargo Financial Bank Credit Card"
        ],
        "TD Bank has no connect"
    );
}

/// Searching by id returns that one institution.
pub fn institution_search_by_id_returns_one_result(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();

    let results = backend
        .send(client.institution_search(SearchQuery::id(BOFA_ID)))
        .expect("search");
    let found: Vec<(&str, &str)> = results
        .iter()
        .map(|r| (r.id.as_str(), r.name.as_str()))
        .collect();
    assert_eq!(found, [("bofa", "Bank of America")]);
}

/// Searching for an unknown id returns no results, not an error.
pub fn institution_search_unknown_id_is_empty(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();

    let results = backend
        .send(client.institution_search(SearchQuery::id("000000000000000000000000")))
        .expect("search");
    assert!(results.is_empty());
}
