//! The modern family's calls about Plaid rather than an Item: `/institutions/get` (paging by
//! `total`, filters), `/institutions/get_by_id`, `/institutions/search`, `/categories/get`
//! and `/webhook_verification_key/get`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

mod common;

use common::modern::{has_keys, ok, post, sb};
use serde_json::{Value, json};

const INSTITUTION_KEYS: [&str; 7] = [
    "institution_id",
    "name",
    "products",
    "country_codes",
    "routing_numbers",
    "oauth",
    "connection_availability",
];

fn list(body: &Value) -> Vec<&str> {
    body["institutions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["institution_id"].as_str().unwrap())
        .collect()
}

fn get(
    sb: &plaid_sandbox::Sandbox,
    count: u64,
    offset: u64,
    countries: &[&str],
    options: Value,
) -> Value {
    ok(
        sb,
        "/institutions/get",
        &json!({ "count": count, "offset": offset, "country_codes": countries, "options": options }),
    )
}

#[test]
fn paging_by_total_visits_every_institution_once() {
    let sb = sb();
    let everywhere = [
        "US", "GB", "ES", "NL", "FR", "IE", "CA", "DE", "IT", "PL", "DK", "NO", "SE", "BE", "AT",
    ];
    let first = get(&sb, 7, 0, &everywhere, json!({}));
    let total = first["total"].as_u64().unwrap();
    assert!(total >= 25, "{total}");
    let mut seen = Vec::new();
    let mut offset = 0;
    while offset < total {
        let page = get(&sb, 7, offset, &everywhere, json!({}));
        assert_eq!(page["total"], total);
        for inst in page["institutions"].as_array().unwrap() {
            has_keys(inst, &INSTITUTION_KEYS);
            assert!(inst.get("url").is_none(), "metadata only when asked");
        }
        seen.extend(list(&page).into_iter().map(str::to_owned));
        offset += 7;
    }
    assert_eq!(seen.len() as u64, total);
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), seen.len());
    assert_eq!(
        &seen[..5],
        [
            "ins_109508",
            "ins_109509",
            "ins_109510",
            "ins_109511",
            "ins_109512"
        ]
    );
    let past = get(&sb, 10, total + 5, &everywhere, json!({}));
    assert_eq!(list(&past), Vec::<&str>::new());
}

#[test]
fn filters_narrow_the_total() {
    let sb = sb();
    let us = get(&sb, 500, 0, &["US"], json!({}))["total"]
        .as_u64()
        .unwrap();
    let gb = get(&sb, 500, 0, &["GB"], json!({}));
    assert!(gb["total"].as_u64().unwrap() < us);
    for inst in gb["institutions"].as_array().unwrap() {
        assert!(
            inst["country_codes"]
                .as_array()
                .unwrap()
                .contains(&json!("GB"))
        );
    }
    let investments = get(
        &sb,
        500,
        0,
        &["US"],
        json!({ "products": ["investments", "auth"] }),
    );
    assert!(investments["total"].as_u64().unwrap() < us);
    for inst in investments["institutions"].as_array().unwrap() {
        let products = inst["products"].as_array().unwrap();
        assert!(products.contains(&json!("investments")) && products.contains(&json!("auth")));
    }
    let oauth = get(&sb, 500, 0, &["US"], json!({ "oauth": true }));
    assert!(
        oauth["institutions"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["oauth"] == true)
    );
    let routing = get(
        &sb,
        500,
        0,
        &["US"],
        json!({ "routing_numbers": ["011401533"] }),
    );
    assert_eq!(list(&routing), ["ins_109508"]);
    let meta = get(
        &sb,
        1,
        0,
        &["US"],
        json!({ "include_optional_metadata": true }),
    );
    has_keys(&meta["institutions"][0], &["url", "primary_color", "logo"]);
    post(
        &sb,
        "/institutions/get",
        &json!({ "count": 1, "offset": 0, "country_codes": ["US"], "options": { "products": ["telepathy"] } }),
    )
    .plaid_error(400, "INVALID_INPUT", "INVALID_PRODUCT");
}

#[test]
fn get_by_id_finds_the_test_banks_and_refuses_others() {
    let sb = sb();
    for (id, name) in [
        ("ins_109508", "First Platypus Bank"),
        ("ins_109509", "First Gingham Credit Union"),
        ("ins_109510", "Tattersall Federal Credit Union"),
        ("ins_109511", "Tartan Bank"),
        ("ins_109512", "Houndstooth Bank"),
    ] {
        let body = ok(
            &sb,
            "/institutions/get_by_id",
            &json!({ "institution_id": id, "country_codes": ["US"], "options": { "include_status": true, "include_optional_metadata": true } }),
        );
        let inst = &body["institution"];
        has_keys(inst, &INSTITUTION_KEYS);
        assert_eq!(inst["name"], name);
        assert_eq!(inst["status"]["item_logins"]["status"], "HEALTHY");
        has_keys(
            &inst["status"]["auth"]["breakdown"],
            &["success", "error_plaid", "error_institution"],
        );
    }
    for (id, countries) in [("ins_0", json!(["US"])), ("ins_109508", json!(["GB"]))] {
        post(
            &sb,
            "/institutions/get_by_id",
            &json!({ "institution_id": id, "country_codes": countries }),
        )
        .plaid_error(400, "INVALID_INPUT", "INVALID_INSTITUTION");
    }
}

#[test]
fn search_matches_names_by_words_within_products_and_countries() {
    let sb = sb();
    let search = |query: &str, products: Value, countries: Value| {
        ok(
            &sb,
            "/institutions/search",
            &json!({ "query": query, "products": products, "country_codes": countries }),
        )
    };
    let found = search("platypus", Value::Null, json!(["US"]));
    assert_eq!(list(&found), ["ins_109508"]);
    let found = search("BANK houndstooth", Value::Null, json!(["US", "FR"]));
    assert_eq!(list(&found), ["ins_109512", "ins_117521"]);
    let found = search("bank", json!(["investments"]), json!(["US"]));
    assert!(
        list(&found)
            .iter()
            .all(|id| id.starts_with("ins_1095") || *id == "ins_117503")
    );
    assert!(
        list(&search("bank", Value::Null, json!(["GB"])))
            .iter()
            .all(|id| *id == "ins_117511")
    );
    assert_eq!(
        list(&search("nothing like it", Value::Null, json!(["US"]))),
        Vec::<&str>::new()
    );
    for inst in search("credit union", Value::Null, json!(["US"]))["institutions"]
        .as_array()
        .unwrap()
    {
        has_keys(inst, &INSTITUTION_KEYS);
    }
}

#[test]
fn categories_have_id_group_and_hierarchy() {
    let sb = sb();
    let body = ok(&sb, "/categories/get", &json!({}));
    let categories = body["categories"].as_array().unwrap();
    assert!(categories.len() > 500);
    for category in categories {
        has_keys(category, &["category_id", "group", "hierarchy"]);
    }
    let bar = categories
        .iter()
        .find(|c| c["category_id"] == "13001000")
        .unwrap();
    assert_eq!(bar["hierarchy"], json!(["Food and Drink", "Bar"]));
    assert_eq!(bar["group"], "place");
}

#[test]
fn the_webhook_key_is_an_es256_jwk_and_other_ids_are_refused() {
    let sb = sb();
    let key_id = plaid_sandbox::fixtures::modern::webhook_key().key_id;
    let body = ok(
        &sb,
        "/webhook_verification_key/get",
        &json!({ "key_id": key_id }),
    );
    let key = &body["key"];
    has_keys(
        key,
        &[
            "alg",
            "crv",
            "kid",
            "kty",
            "use",
            "x",
            "y",
            "created_at",
            "expired_at",
        ],
    );
    assert_eq!(
        (&key["alg"], &key["crv"], &key["kty"], &key["use"]),
        (
            &json!("ES256"),
            &json!("P-256"),
            &json!("EC"),
            &json!("sig")
        )
    );
    assert_eq!(key["kid"], key_id);
    assert!(key["expired_at"].is_null());
    for coordinate in ["x", "y"] {
        let text = key[coordinate].as_str().unwrap();
        assert_eq!(text.len(), 43, "32 bytes, base64url without padding");
        assert!(
            text.bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
        );
    }
    post(
        &sb,
        "/webhook_verification_key/get",
        &json!({ "key_id": "nope" }),
    )
    .plaid_error(400, "INVALID_INPUT", "INVALID_WEBHOOK_VERIFICATION_KEY_ID");
}
