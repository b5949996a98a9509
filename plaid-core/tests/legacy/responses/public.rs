//! The public endpoints' responses: institution lists, one institution, a
//! page of all institutions, search results (an array, one object, or
//! none), categories and one category.

use crate::support::*;
use plaid_core::Endpoint;
use plaid_core::legacy::endpoints::{
    Categories, Category, CoreInstitution, Institution, InstitutionSearch, Institutions,
    InstitutionsAll,
};
use plaid_core::legacy::models::{CategoryType, MfaKind, Product};

const BOFA: &str = r#"{ "credentials": { "username": "Online ID", "password": "Password" },
  "has_mfa": true, "id": "5301a93ac140de84910000e0",
  "mfa": ["code", "list", "questions(3)"], "name": "Bank of America",
  "products": ["connect", "auth", "balance", "info", "income", "risk"], "type": "bofa" }"#;

const USAA: &str = r#"{ "credentials": { "username": "Online ID", "password": "Password", "pin": "PIN" },
  "has_mfa": true, "id": "531ea6602ad939b68700047c", "mfa": ["questions(3)"], "name": "USAA",
  "products": ["connect", "auth", "balance", "info", "income", "risk"], "type": "usaa" }"#;

#[test]
fn institutions_list_parses() {
    let body = format!("[{BOFA}, {USAA}]");
    let list = Institutions::parse_response(response(200, &body)).unwrap();
    assert_eq!(list.len(), 2);
    let bofa = &list[0];
    assert_eq!(bofa.id, "5301a93ac140de84910000e0");
    assert_eq!(bofa.name, "Bank of America");
    assert_eq!(bofa.institution_type, "bofa");
    assert!(bofa.has_mfa);
    assert_eq!(
        bofa.mfa,
        [MfaKind::Code, MfaKind::List, MfaKind::Questions(Some(3))]
    );
    assert_eq!(
        bofa.products,
        [
            Product::Connect,
            Product::Auth,
            Product::Balance,
            Product::Info,
            Product::Income,
            Product::Risk
        ]
    );
    assert_eq!(bofa.credentials.username.as_deref(), Some("Online ID"));
    assert_eq!(bofa.credentials.pin, None);
    assert_eq!(list[1].credentials.pin.as_deref(), Some("PIN"));
}

#[test]
fn one_institution_parses() {
    let bofa = Institution::parse_response(response(200, BOFA)).unwrap();
    assert_eq!(bofa.institution_type, "bofa");
    let bofa = CoreInstitution::parse_response(response(200, BOFA)).unwrap();
    assert_eq!(bofa.id, "5301a93ac140de84910000e0");
}

#[test]
fn an_institutions_all_page_parses() {
    let body = format!(r#"{{"total_count": 14, "results": [{BOFA}, {USAA}]}}"#);
    let page = InstitutionsAll::parse_response(response(200, &body)).unwrap();
    assert_eq!(page.total_count, 14);
    assert_eq!(page.results.len(), 2);
    assert_eq!(page.results[1].institution_type, "usaa");
}

const WELLS_SEARCH: &str = r#"{"id":"wells","name":"Wells Fargo",
  "products":{"auth":true,"balance":true,"connect":true,"info":true},
  "forgottenPassword":"https://www.wellsfargo.com/forgot","accountLocked":"https://www.wellsfargo.com/locked",
  "accountSetup":"https://www.wellsfargo.com/setup","video":"wells",
  "fields":[{"name":"username","label":"Username","type":"text"},{"name":"password","label":"Password","type":"password"}],
  "colors":{"primary":"rgba(220,20,48,1)","darker":"rgba(180,11,35,1)","gradient":["rgba(250,20,51,1)","rgba(217,14,44,1)"]},
  "logo":"iVBORw0KGgo=","nameBreak":null,"type":"wells"}"#;

#[test]
fn search_results_parse_from_an_array() {
    let body = format!("[{WELLS_SEARCH}]");
    let results = InstitutionSearch::parse_response(response(200, &body)).unwrap();
    assert_eq!(results.len(), 1);
    let wells = &results[0];
    assert_eq!(wells.id, "wells");
    assert_eq!(wells.name, "Wells Fargo");
    assert_eq!(wells.institution_type.as_deref(), Some("wells"));
    assert_eq!(wells.products.get("auth"), Some(&true));
    assert_eq!(wells.fields[1].name, "password");
    assert_eq!(wells.fields[1].kind.as_deref(), Some("password"));
    assert_eq!(wells.colors.as_ref().unwrap().gradient.len(), 2);
    assert_eq!(
        wells.forgotten_password.as_deref(),
        Some("https://www.wellsfargo.com/forgot")
    );
    assert_eq!(wells.logo.as_deref(), Some("iVBORw0KGgo="));
    assert_eq!(wells.video.as_deref(), Some("wells"));
}

#[test]
fn a_search_by_id_answered_with_one_object_is_one_result() {
    let results = InstitutionSearch::parse_response(response(200, WELLS_SEARCH)).unwrap();
    assert_eq!(results.len(), 1);
    assert_eq!(results[0].id, "wells");
}

#[test]
fn a_search_miss_is_empty() {
    let results = InstitutionSearch::parse_response(response(200, "[]")).unwrap();
    assert!(results.is_empty());
}

#[test]
fn categories_and_one_category_parse() {
    let body = r#"[
      {"id": "10000000", "hierarchy": ["Bank Fees"], "type": "special"},
      {"id": "13001000", "hierarchy": ["Food and Drink", "Bar"], "type": "place"},
      {"id": "19019000", "hierarchy": ["Shops", "Digital Purchase"], "type": "digital"}
    ]"#;
    let categories = Categories::parse_response(response(200, body)).unwrap();
    assert_eq!(categories.len(), 3);
    assert_eq!(categories[0].category_type, CategoryType::Special);
    assert_eq!(categories[1].hierarchy, ["Food and Drink", "Bar"]);
    assert_eq!(categories[2].category_type, CategoryType::Digital);
    let sushi = Category::parse_response(response(
        200,
        r#"{"id": "13005006", "hierarchy": ["Food and Drink", "Restaurants", "Sushi"], "type": "place"}"#,
    ))
    .unwrap();
    assert_eq!(sushi.id, "13005006");
    assert_eq!(sushi.category_type, CategoryType::Place);
}
