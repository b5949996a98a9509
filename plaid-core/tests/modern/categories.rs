//! Categories: the one call sent without the keys, with the body `{}`.

use plaid_core::modern::endpoints::CategoriesGet;
use plaid_core::modern::models::CategoryGroup;
use plaid_core::{Endpoint, ErrorKind};
use serde_json::json;

use crate::calls::is_idempotent;
use crate::support::REQUEST_ID;
use crate::wire::{answer, assert_request, client, plaid_error};

#[test]
fn categories_get_request() {
    let client = client();
    let call = client.categories_get();
    assert!(is_idempotent(&call));
    let request = call.to_request().unwrap();
    // `false`: assert_request checks that neither key header is present.
    assert_request(&request, "/categories/get", false, json!({}));
    assert_eq!(request.body().as_slice(), b"{}");
    assert!(
        request
            .headers()
            .iter()
            .all(|(_, value)| !value.is_sensitive()),
        "nothing secret is sent: {:?}",
        request.headers()
    );
}

#[test]
fn categories_get_response() {
    let body = json!({
        "categories": [
            {"category_id": "10000000", "group": "special", "hierarchy": ["Bank Fees"]},
            {"category_id": "10001000", "group": "special", "hierarchy": ["Bank Fees", "Overdraft"]},
            {"category_id": "12001000", "group": "place", "hierarchy": ["Community", "Animal Shelter"]},
            {"category_id": "99000000", "group": "digital", "hierarchy": [], "new": true},
        ],
        "request_id": "ixTBLZGvhD4NnmB",
    })
    .to_string();
    let categories = CategoriesGet::parse_response(answer(200, &body)).unwrap();
    assert_eq!(categories.request_id, "ixTBLZGvhD4NnmB");
    assert_eq!(categories.categories.len(), 4);
    let overdraft = &categories.categories[1];
    assert_eq!(overdraft.category_id, "10001000");
    assert_eq!(overdraft.group, CategoryGroup::Special);
    assert_eq!(overdraft.hierarchy, ["Bank Fees", "Overdraft"]);
    assert_eq!(categories.categories[2].group, CategoryGroup::Place);
    assert_eq!(
        categories.categories[3].group,
        CategoryGroup::Unknown("digital".into())
    );
    assert!(categories.categories[3].hierarchy.is_empty());

    let error = CategoriesGet::parse_response(answer(
        500,
        &plaid_error("API_ERROR", "INTERNAL_SERVER_ERROR"),
    ))
    .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::ServerError);
    assert_eq!(error.request_id(), Some(REQUEST_ID));
    assert!(error.is_retryable());
}
