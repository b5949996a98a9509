//! The Item lifecycle of the modern family: sandbox public tokens (test credentials,
//! `error_<CODE>` passwords, institutions and products), the single-use exchange, `/item/get`,
//! `/item/webhook/update`, `/item/remove`, reset_login (in-band on `/item/get`, 400 on data
//! calls), fire_webhook, and link tokens. Public-token expiry is a unit test of the state
//! (`src/modern/state.rs`), where the clock can be moved.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

mod common;

use common::modern::{ITEM_KEYS, has_keys, item, item_with, ok, post, sb};
use serde_json::{Value, json};

fn create(institution: &str, products: &[&str], options: Value) -> Value {
    json!({ "institution_id": institution, "initial_products": products, "options": options })
}

#[test]
fn a_public_token_is_exchanged_once_for_an_access_token() {
    let sb = sb();
    let created = ok(
        &sb,
        "/sandbox/public_token/create",
        &create("ins_109508", &["auth"], json!({})),
    );
    let public = created["public_token"].as_str().unwrap();
    let rest = public.strip_prefix("public-sandbox-").expect(public);
    assert_eq!(rest.len(), 36, "a uuid: {rest}");
    let exchanged = ok(
        &sb,
        "/item/public_token/exchange",
        &json!({ "public_token": public }),
    );
    has_keys(&exchanged, &["access_token", "item_id", "request_id"]);
    assert!(
        exchanged["access_token"]
            .as_str()
            .unwrap()
            .starts_with("access-sandbox-")
    );
    post(
        &sb,
        "/item/public_token/exchange",
        &json!({ "public_token": public }),
    )
    .plaid_error(400, "INVALID_INPUT", "INVALID_PUBLIC_TOKEN");
    for bad in [
        "public-sandbox-00000000-0000-4000-8000-000000000000",
        "nonsense",
    ] {
        post(
            &sb,
            "/item/public_token/exchange",
            &json!({ "public_token": bad }),
        )
        .plaid_error(400, "INVALID_INPUT", "INVALID_PUBLIC_TOKEN");
    }
}

#[test]
fn every_item_has_its_own_tokens_and_ids() {
    let sb = sb();
    let (a, a_id) = item(&sb);
    let (b, b_id) = item(&sb);
    assert_ne!(a, b);
    assert_ne!(a_id, b_id);
    let got = ok(&sb, "/item/get", &json!({ "access_token": b }));
    assert_eq!(got["item"]["item_id"], b_id.as_str());
}

#[test]
fn unknown_institutions_and_products_are_refused() {
    let sb = sb();
    post(
        &sb,
        "/sandbox/public_token/create",
        &create("ins_999999", &["auth"], json!({})),
    )
    .plaid_error(400, "INVALID_INPUT", "INVALID_INSTITUTION");
    // Pinstripe Investments offers no Auth; nobody offers a product the spec does not know.
    for products in [&["auth"][..], &["investments", "telepathy"][..]] {
        post(
            &sb,
            "/sandbox/public_token/create",
            &create("ins_117507", products, json!({})),
        )
        .plaid_error(400, "INVALID_INPUT", "INVALID_PRODUCT");
    }
    post(
        &sb,
        "/sandbox/public_token/create",
        &create("ins_109508", &[], json!({})),
    )
    .plaid_error(400, "INVALID_REQUEST", "INVALID_FIELD");
    post(
        &sb,
        "/sandbox/public_token/create",
        &create("ins_109508", &["auth"], json!({ "override": true })),
    )
    .plaid_error(400, "INVALID_REQUEST", "UNKNOWN_FIELDS");
}

#[test]
fn sandbox_credentials_and_error_passwords() {
    let sb = sb();
    let login = |user: &str, password: &str| {
        let options = json!({ "override_username": user, "override_password": password });
        post(
            &sb,
            "/sandbox/public_token/create",
            &create("ins_109509", &["auth"], options),
        )
    };
    login("user_good", "pass_good").plaid_ok();
    login("user_transactions_dynamic", "whatever").plaid_ok();
    login("user_good", "wrong").plaid_error(400, "ITEM_ERROR", "INVALID_CREDENTIALS");
    for (password, status, error_type, code) in [
        ("error_ITEM_LOCKED", 400, "ITEM_ERROR", "ITEM_LOCKED"),
        (
            "error_INVALID_CREDENTIALS",
            400,
            "ITEM_ERROR",
            "INVALID_CREDENTIALS",
        ),
        (
            "error_INSTITUTION_DOWN",
            400,
            "INSTITUTION_ERROR",
            "INSTITUTION_DOWN",
        ),
        (
            "error_INSTITUTION_NOT_RESPONDING",
            400,
            "INSTITUTION_ERROR",
            "INSTITUTION_NOT_RESPONDING",
        ),
        (
            "error_INTERNAL_SERVER_ERROR",
            500,
            "API_ERROR",
            "INTERNAL_SERVER_ERROR",
        ),
        (
            "error_PLANNED_MAINTENANCE",
            503,
            "API_ERROR",
            "PLANNED_MAINTENANCE",
        ),
        ("error_NO_ACCOUNTS", 400, "ITEM_ERROR", "NO_ACCOUNTS"),
        ("error_NOT_A_CODE", 400, "ITEM_ERROR", "INVALID_CREDENTIALS"),
    ] {
        login("user_good", password).plaid_error(status, error_type, code);
    }
    let locked = login("user_good", "error_ITEM_LOCKED").json();
    assert!(
        locked["display_message"].is_string(),
        "a user-facing message: {locked}"
    );
}

#[test]
fn item_get_answers_every_key_with_an_empty_webhook_by_default() {
    let sb = sb();
    let (token, item_id) = item(&sb);
    let body = ok(&sb, "/item/get", &json!({ "access_token": token }));
    let item = &body["item"];
    has_keys(item, &ITEM_KEYS);
    has_keys(&body, &["item", "status", "request_id"]);
    assert_eq!(item["item_id"], item_id.as_str());
    assert_eq!(item["webhook"], "");
    assert!(item["error"].is_null());
    assert!(item["consent_expiration_time"].is_null());
    assert_eq!(item["update_type"], "background");
    assert_eq!(item["institution_id"], "ins_109508");
    assert_eq!(item["institution_name"], "First Platypus Bank");
    assert_eq!(item["auth_method"], "INSTANT_AUTH");
    assert_eq!(
        item["billed_products"],
        json!(["auth", "identity", "transactions"])
    );
    assert_eq!(item["products"], item["billed_products"]);
    let available = item["available_products"].as_array().unwrap();
    assert!(available.contains(&json!("assets")) && !available.contains(&json!("auth")));
    assert!(item["created_at"].as_str().unwrap().ends_with('Z'));
    assert!(body["status"]["transactions"]["last_successful_update"].is_string());
}

#[test]
fn the_webhook_is_set_at_creation_and_by_webhook_update() {
    let sb = sb();
    let (token, _) = item_with(
        &sb,
        "ins_109508",
        &["auth"],
        json!({ "webhook": "https://a.example/hook" }),
    );
    let got = ok(&sb, "/item/get", &json!({ "access_token": token }));
    assert_eq!(got["item"]["webhook"], "https://a.example/hook");
    let updated = ok(
        &sb,
        "/item/webhook/update",
        &json!({ "access_token": token, "webhook": "https://b.example/hook" }),
    );
    has_keys(&updated["item"], &ITEM_KEYS);
    assert_eq!(updated["item"]["webhook"], "https://b.example/hook");
    let got = ok(&sb, "/item/get", &json!({ "access_token": token }));
    assert_eq!(got["item"]["webhook"], "https://b.example/hook");
    let cleared = ok(
        &sb,
        "/item/webhook/update",
        &json!({ "access_token": token, "webhook": null }),
    );
    assert_eq!(cleared["item"]["webhook"], "");
}

#[test]
fn a_removed_item_is_item_not_found() {
    let sb = sb();
    let (token, _) = item(&sb);
    let removed = ok(
        &sb,
        "/item/remove",
        &json!({ "access_token": token, "reason_code": "OTHER" }),
    );
    let keys: Vec<&String> = removed.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["request_id"], "only request_id in 2020-09-14");
    for path in [
        "/item/get",
        "/accounts/get",
        "/auth/get",
        "/item/remove",
        "/sandbox/item/reset_login",
    ] {
        post(&sb, path, &json!({ "access_token": token })).plaid_error(
            400,
            "ITEM_ERROR",
            "ITEM_NOT_FOUND",
        );
    }
}

#[test]
fn reset_login_is_in_band_on_item_get_and_an_error_on_data_calls() {
    let sb = sb();
    let (token, _) = item(&sb);
    let reset = ok(
        &sb,
        "/sandbox/item/reset_login",
        &json!({ "access_token": token }),
    );
    assert_eq!(reset["reset_login"], true);
    let got = ok(&sb, "/item/get", &json!({ "access_token": token }));
    let error = &got["item"]["error"];
    assert_eq!(error["error_type"], "ITEM_ERROR");
    assert_eq!(error["error_code"], "ITEM_LOGIN_REQUIRED");
    has_keys(
        error,
        &["error_message", "display_message", "error_code_reason"],
    );
    for path in [
        "/accounts/get",
        "/accounts/balance/get",
        "/auth/get",
        "/identity/get",
    ] {
        post(&sb, path, &json!({ "access_token": token })).plaid_error(
            400,
            "ITEM_ERROR",
            "ITEM_LOGIN_REQUIRED",
        );
    }
    // Other Items are unaffected.
    let (other, _) = item(&sb);
    ok(&sb, "/accounts/get", &json!({ "access_token": other }));
}

#[test]
fn fire_webhook_needs_a_webhook_url() {
    let sb = sb();
    let (bare, _) = item(&sb);
    let fire = |token: &str, code: &str| {
        post(
            &sb,
            "/sandbox/item/fire_webhook",
            &json!({ "access_token": token, "webhook_code": code }),
        )
    };
    fire(&bare, "DEFAULT_UPDATE").plaid_error(400, "SANDBOX_ERROR", "SANDBOX_WEBHOOK_INVALID");
    let (hooked, _) = item_with(
        &sb,
        "ins_109508",
        &["transactions"],
        json!({ "webhook": "https://a.example/h" }),
    );
    for code in [
        "DEFAULT_UPDATE",
        "SYNC_UPDATES_AVAILABLE",
        "NEW_ACCOUNTS_AVAILABLE",
    ] {
        assert_eq!(fire(&hooked, code).plaid_ok()["webhook_fired"], true);
    }
    fire(&hooked, "NOT_A_WEBHOOK").plaid_error(400, "INVALID_REQUEST", "INVALID_FIELD");
    let got = ok(&sb, "/item/get", &json!({ "access_token": hooked }));
    assert_eq!(
        got["status"]["last_webhook"]["code_sent"],
        "NEW_ACCOUNTS_AVAILABLE"
    );
}

#[test]
fn link_tokens_expire_four_hours_ahead_or_thirty_minutes_in_update_mode() {
    let sb = sb();
    let base = json!({
        "client_name": "plaid-rs", "language": "en", "country_codes": ["US"],
        "user": { "client_user_id": "user-1" }, "products": ["auth", "transactions"],
        "webhook": "https://a.example/hook",
    });
    let created = ok(&sb, "/link/token/create", &base);
    has_keys(&created, &["link_token", "expiration", "request_id"]);
    assert!(
        created["link_token"]
            .as_str()
            .unwrap()
            .starts_with("link-sandbox-")
    );
    let expiration = created["expiration"].as_str().unwrap();
    assert!(
        expiration.ends_with('Z') && expiration.len() == 20,
        "{expiration}"
    );
    let (token, _) = item(&sb);
    let mut update = base.clone();
    update["access_token"] = json!(token);
    let updated = ok(&sb, "/link/token/create", &update);
    assert!(
        updated["expiration"].as_str().unwrap() < expiration,
        "30 minutes < 4 hours"
    );
    update["access_token"] = json!("access-sandbox-unknown");
    post(&sb, "/link/token/create", &update).plaid_error(
        400,
        "INVALID_INPUT",
        "INVALID_ACCESS_TOKEN",
    );
    let mut no_user = base.clone();
    no_user.as_object_mut().unwrap().remove("user");
    let err = post(&sb, "/link/token/create", &no_user).plaid_error(
        400,
        "INVALID_REQUEST",
        "MISSING_FIELDS",
    );
    assert!(err["error_message"].as_str().unwrap().ends_with(": user"));
    let mut bad_product = base.clone();
    bad_product["products"] = json!(["auth", "telepathy"]);
    post(&sb, "/link/token/create", &bad_product).plaid_error(
        400,
        "INVALID_INPUT",
        "INVALID_PRODUCT",
    );
    let mut missing = base;
    missing.as_object_mut().unwrap().remove("language");
    post(&sb, "/link/token/create", &missing).plaid_error(400, "INVALID_REQUEST", "MISSING_FIELDS");
}
