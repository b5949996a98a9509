//! The MFA flows of legacy-api.md §3 and §5: adds without MFA, questions (and `again`),
//! wrong answers, citi selections, chase list/device, send methods and PATCH updates.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

mod common;

use common::{add_body, auth, enc, form, json, sb};
use serde_json::json;

#[test]
fn no_mfa_institution_add_returns_200_with_products() {
    let sb = sb();
    let v = form(
        &sb,
        "POST",
        "/connect",
        &add_body("wells", "plaid_test", "plaid_good", None),
    )
    .ok(200);
    assert_eq!(v["access_token"], "test_wells");
    assert_eq!(v["accounts"].as_array().unwrap().len(), 4);
    let txns = v["transactions"].as_array().unwrap();
    assert_eq!(txns.len(), 16);
    assert_eq!(txns[0]["_id"], "0AZ0De04KqsreDgVwM1RSRYjyd8yXxSDQ8Zxn");
    assert!(txns.iter().all(|t| t["pending"] == false));
}

#[test]
fn questions_flow_tomato_succeeds() {
    let sb = sb();
    for kind in ["bofa", "us", "capone360", "pnc", "td"] {
        let v = form(
            &sb,
            "POST",
            "/auth",
            &add_body(kind, "plaid_test", "plaid_good", None),
        )
        .ok(201);
        assert_eq!(v["type"], "questions", "{kind}");
        assert_eq!(v["mfa"][0]["question"], "You say tomato, I say...?");
        let token = v["access_token"].as_str().unwrap().to_owned();
        assert_eq!(token, format!("test_{kind}"));
        let v = form(
            &sb,
            "POST",
            "/auth/step",
            &auth(&format!("access_token={token}&mfa=tomato")),
        )
        .ok(200);
        assert_eq!(v["accounts"][0]["numbers"]["routing"], "021000021");
    }
}

#[test]
fn questions_again_asks_another_round() {
    let sb = sb();
    let v = form(
        &sb,
        "POST",
        "/connect/step",
        &auth("access_token=test_bofa&mfa=again"),
    )
    .ok(201);
    assert_eq!(v["type"], "questions");
    assert_eq!(v["access_token"], "test_bofa");
}

#[test]
fn wrong_mfa_answer_returns_402_1203_with_token() {
    let sb = sb();
    let v = form(
        &sb,
        "POST",
        "/connect/step",
        &auth("access_token=test_bofa&mfa=potato"),
    )
    .assert_error(402, 1203);
    assert_eq!(v["access_token"], "test_bofa");
    let v = form(
        &sb,
        "POST",
        "/connect/step",
        &auth("access_token=test_bofa"),
    )
    .assert_error(402, 1203);
    assert_eq!(v["access_token"], "test_bofa");
}

#[test]
fn citi_selections_user_gets_selections_and_json_array_answer() {
    let sb = sb();
    let v = form(
        &sb,
        "POST",
        "/connect",
        &add_body("citi", "plaid_selections", "plaid_good", None),
    )
    .ok(201);
    assert_eq!(v["type"], "selections");
    assert_eq!(v["mfa"].as_array().unwrap().len(), 2);
    assert_eq!(v["mfa"][0]["answers"].as_array().unwrap().len(), 2);
    let mfa = enc(r#"["tomato","ketchup"]"#);
    form(
        &sb,
        "POST",
        "/connect/step",
        &auth(&format!("access_token=test_citi&mfa={mfa}")),
    )
    .ok(200);
    let bad = enc(r#"["tomato","mustard"]"#);
    form(
        &sb,
        "POST",
        "/connect/step",
        &auth(&format!("access_token=test_citi&mfa={bad}")),
    )
    .assert_error(402, 1203);
    // JSON body with a real array.
    json(&sb, "POST", "/connect/step", &json!({"client_id":"test_id","secret":"test_secret","access_token":"test_citi","mfa":["tomato","ketchup"]})).ok(200);
}

#[test]
fn citi_standard_user_gets_questions() {
    let sb = sb();
    let v = form(
        &sb,
        "POST",
        "/connect",
        &add_body("citi", "plaid_test", "plaid_good", None),
    )
    .ok(201);
    assert_eq!(v["type"], "questions");
}

#[test]
fn chase_list_when_options_list_else_device() {
    let sb = sb();
    let v = form(
        &sb,
        "POST",
        "/connect",
        &add_body(
            "chase",
            "plaid_test",
            "plaid_good",
            Some(r#"{"list": true}"#),
        ),
    )
    .ok(201);
    assert_eq!(v["type"], "list");
    let masks: Vec<&str> = v["mfa"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["mask"].as_str().unwrap())
        .collect();
    assert_eq!(masks, ["t..t@plaid.com", "xxx-xxx-5309", "SafePass Card"]);
    assert_eq!(v["access_token"], "test_chase");
    let v = form(
        &sb,
        "POST",
        "/connect",
        &add_body("chase", "plaid_test", "plaid_good", None),
    )
    .ok(201);
    assert_eq!(v["type"], "device");
    assert_eq!(v["mfa"]["message"], "Code sent to t..t@plaid.com");
}

#[test]
fn send_methods_by_type_and_mask_then_code() {
    let sb = sb();
    for (method, mask) in [
        (r#"{"type":"email"}"#, "t..t@plaid.com"),
        (r#"{"type":"phone"}"#, "xxx-xxx-5309"),
        (r#"{"type":"card"}"#, "SafePass Card"),
        (r#"{"mask":"xxx-xxx-5309"}"#, "xxx-xxx-5309"),
    ] {
        let opts = enc(&format!(r#"{{"send_method": {method}}}"#));
        let v = form(
            &sb,
            "POST",
            "/connect/step",
            &auth(&format!("access_token=test_chase&options={opts}")),
        )
        .ok(201);
        assert_eq!(v["type"], "device");
        assert_eq!(v["mfa"]["message"], format!("Code sent to {mask}"));
        assert_eq!(v["access_token"], "test_chase");
    }
    let opts = enc(r#"{"send_method": {"type":"pigeon"}}"#);
    form(
        &sb,
        "POST",
        "/connect/step",
        &auth(&format!("access_token=test_chase&options={opts}")),
    )
    .assert_error(402, 1204);
    let v = form(
        &sb,
        "POST",
        "/connect/step",
        &auth("access_token=test_chase&mfa=1234"),
    )
    .ok(200);
    assert_eq!(v["transactions"].as_array().unwrap().len(), 16);
}

#[test]
fn update_patch_behaves_like_add_for_token_institution() {
    let sb = sb();
    let v = form(
        &sb,
        "PATCH",
        "/connect",
        &auth("access_token=test_chase&username=plaid_test&password=plaid_good"),
    )
    .ok(201);
    assert_eq!(v["type"], "device");
    let v = form(
        &sb,
        "PATCH",
        "/connect/step",
        &auth("access_token=test_chase&mfa=1234"),
    )
    .ok(200);
    assert!(v["transactions"].is_array());
    let v = form(
        &sb,
        "PATCH",
        "/auth",
        &auth("access_token=test_amex&username=plaid_test&password=plaid_good"),
    )
    .ok(200);
    assert!(v["accounts"][0]["numbers"].is_object());
    form(
        &sb,
        "PATCH",
        "/connect",
        &auth("access_token=test_amex&username=plaid_test&password=plaid_locked"),
    )
    .assert_error(402, 1205);
}
