//! The public endpoints: institutions (by id, all, longtail, search) and
//! categories. Ids are percent-encoded into the path, searches go in the
//! query string, and none of them carries credentials.

use crate::form::*;
use crate::support::*;
use plaid_core::http::Method;
use plaid_core::legacy::endpoints::{
    Categories, Category, CoreInstitution, Institution, InstitutionSearch, Institutions,
    InstitutionsAll, InstitutionsLongtail, SearchQuery,
};
use plaid_core::legacy::models::Product;
use plaid_core::legacy::{Client, Config};
use plaid_core::{Endpoint, ErrorKind};

use super::client_fields;

#[test]
fn institutions_is_a_public_get_without_body() {
    let request = public_client().institutions().to_request().unwrap();
    assert_request(&request, Method::GET, &url("/institutions"), &[]);
    assert!(Institutions.is_idempotent());
}

#[test]
fn institution_by_id_uses_the_all_route_like_python() {
    let request = public_client()
        .institution("5301a93ac140de84910000e0")
        .to_request()
        .unwrap();
    assert_request(
        &request,
        Method::GET,
        &url("/institutions/all/5301a93ac140de84910000e0"),
        &[],
    );
}

#[test]
fn core_institution_by_id_uses_the_older_route() {
    let request = public_client()
        .core_institution("5301a93ac140de84910000e0")
        .to_request()
        .unwrap();
    assert_request(
        &request,
        Method::GET,
        &url("/institutions/5301a93ac140de84910000e0"),
        &[],
    );
}

#[test]
fn ids_are_percent_encoded_and_cannot_change_the_route() {
    let client = public_client();
    let cases = [
        ("../categories", "%2E%2E%2Fcategories"),
        ("a/b", "a%2Fb"),
        ("x?secret=1", "x%3Fsecret%3D1"),
        ("bank of america", "bank%20of%20america"),
        ("a#b", "a%23b"),
        ("ins_100003", "ins_100003"),
    ];
    for (id, encoded) in cases {
        let requests = [
            ("/institutions/all/", client.institution(id).to_request()),
            ("/institutions/", client.core_institution(id).to_request()),
            ("/categories/", client.category(id).to_request()),
        ];
        for (route, request) in requests {
            let request = request.unwrap();
            assert_eq!(request.uri().path(), format!("{route}{encoded}"), "{id:?}");
            assert_eq!(request.uri().query(), None, "{route}{id:?}");
        }
    }
}

#[test]
fn empty_and_dot_ids_are_refused() {
    // `%2E%2E` is still `..` to WHATWG URL parsers (reqwest's `url`), so a
    // whole-dot id is refused rather than encoded.
    let client = public_client();
    for id in ["", "   ", ".", ".."] {
        assert_kind(client.institution(id).to_request(), ErrorKind::InvalidInput);
        assert_kind(
            client.core_institution(id).to_request(),
            ErrorKind::InvalidInput,
        );
        assert_kind(client.category(id).to_request(), ErrorKind::InvalidInput);
    }
    assert_kind(
        Institution::new("").to_request(&config()),
        ErrorKind::InvalidInput,
    );
    assert_kind(
        CoreInstitution::new("..").to_request(&config()),
        ErrorKind::InvalidInput,
    );
    assert_kind(
        Category::new("").to_request(&config()),
        ErrorKind::InvalidInput,
    );
}

#[test]
fn categories_and_category_are_public_gets() {
    let client = public_client();
    let request = client.categories().to_request().unwrap();
    assert_request(&request, Method::GET, &url("/categories"), &[]);
    let request = client.category("13005043").to_request().unwrap();
    assert_request(&request, Method::GET, &url("/categories/13005043"), &[]);
    assert!(Categories.is_idempotent());
    assert!(Category::new("1").is_idempotent());
}

#[test]
fn institutions_all_sends_paging_and_repeated_products() {
    let request = item_client()
        .institutions_all(50, 100, &[Product::Auth, Product::Connect])
        .to_request()
        .unwrap();
    assert_request(
        &request,
        Method::POST,
        &url("/institutions/all"),
        &client_fields(&[
            ("count", t("50")),
            ("offset", t("100")),
            ("products", t("auth")),
            ("products", t("connect")),
        ]),
    );
    let defaults = InstitutionsAll::default();
    assert_eq!((defaults.count, defaults.offset), (50, 0));
    assert!(defaults.products.is_empty());
}

#[test]
fn institutions_all_without_products_sends_none() {
    let request = public_client()
        .institutions_all(10, 0, &[])
        .to_request()
        .unwrap();
    assert_request(
        &request,
        Method::POST,
        &url("/institutions/all"),
        &client_fields(&[("count", t("10")), ("offset", t("0"))]),
    );
}

#[test]
fn institution_pages_of_zero_are_refused() {
    let client = public_client();
    assert_kind(
        client.institutions_all(0, 0, &[]).to_request(),
        ErrorKind::InvalidInput,
    );
    assert_kind(
        client.institutions_longtail(0, 0).to_request(),
        ErrorKind::InvalidInput,
    );
}

#[test]
fn institutions_longtail_sends_paging() {
    let request = public_client()
        .institutions_longtail(20, 40)
        .to_request()
        .unwrap();
    assert_request(
        &request,
        Method::POST,
        &url("/institutions/longtail"),
        &client_fields(&[("count", t("20")), ("offset", t("40"))]),
    );
    assert!(
        InstitutionsLongtail {
            count: 1,
            offset: 0
        }
        .is_idempotent()
    );
}

#[test]
fn institution_search_puts_q_and_p_in_the_query_string() {
    let request = public_client()
        .institution_search(SearchQuery::name("wells fargo").product(Product::Auth))
        .to_request()
        .unwrap();
    assert_request(
        &request,
        Method::GET,
        &url("/institutions/search?q=wells+fargo&p=auth"),
        &[],
    );
    assert_eq!(
        query_pairs(&request),
        [
            ("q".to_owned(), "wells fargo".to_owned()),
            ("p".to_owned(), "auth".to_owned())
        ]
    );
}

#[test]
fn institution_all_search_by_id_puts_the_id_in_the_query_string() {
    let request = public_client()
        .institution_all_search(SearchQuery::id("ins_100003&q=x"))
        .to_request()
        .unwrap();
    assert_request(
        &request,
        Method::GET,
        &url("/institutions/all/search?id=ins_100003%26q%3Dx"),
        &[],
    );
    assert_eq!(
        query_pairs(&request),
        [("id".to_owned(), "ins_100003&q=x".to_owned())]
    );
}

#[test]
fn institution_search_without_q_or_id_is_refused() {
    let client = public_client();
    for query in [
        SearchQuery::default(),
        SearchQuery::default().product(Product::Connect),
        SearchQuery::name("  "),
        SearchQuery::id(""),
    ] {
        assert_kind(
            client.institution_search(query.clone()).to_request(),
            ErrorKind::InvalidInput,
        );
        assert_kind(
            client.institution_all_search(query).to_request(),
            ErrorKind::InvalidInput,
        );
    }
    let descriptor = InstitutionSearch {
        query: SearchQuery::name("chase"),
        all: true,
    };
    assert!(descriptor.is_idempotent());
}

#[test]
fn public_endpoints_never_carry_credentials_even_over_plain_http() {
    let config = Config::sandbox("http://plaid.example.com")
        .unwrap()
        .with_access_token("test_bofa");
    let client = Client::new(config, never_sent as Unsent);
    let requests = [
        client.institutions().to_request().unwrap(),
        client
            .institution("5301a93ac140de84910000e0")
            .to_request()
            .unwrap(),
        client
            .core_institution("5301a93ac140de84910000e0")
            .to_request()
            .unwrap(),
        client
            .institution_search(SearchQuery::name("chase"))
            .to_request()
            .unwrap(),
        client
            .institution_all_search(SearchQuery::id("chase"))
            .to_request()
            .unwrap(),
        client.categories().to_request().unwrap(),
        client.category("13005043").to_request().unwrap(),
    ];
    for request in requests {
        assert_eq!(request.method(), Method::GET);
        assert!(request.body().is_empty(), "{}", request.uri());
        let uri = request.uri().to_string();
        for secret in ["test_id", "test_secret", "test_bofa"] {
            assert!(!uri.contains(secret), "{uri}");
        }
        assert!(request.headers().get("content-type").is_none());
    }
}

#[test]
fn a_search_can_carry_a_name_and_an_id() {
    let client = public_client();
    let request = client
        .institution_all_search(SearchQuery::name("wells").with_id("ins_100003"))
        .to_request()
        .unwrap();
    assert_eq!(
        request.uri().query(),
        Some("q=wells&id=ins_100003"),
        "{}",
        request.uri()
    );
}
