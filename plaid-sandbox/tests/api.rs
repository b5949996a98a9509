//! The sandbox contract of legacy-api.md §3-§6: MFA flows, every error path, product bodies,
//! filters, institutions and categories.

mod common;

use common::{FORM, add_body, auth, call, enc, form, get, json};
use plaid_sandbox::Sandbox;
use serde_json::{Value, json};

const SAVINGS: &str = "QPO8Jo8vdDHMepg41PBwckXm4KdK1yUdmXOwK";
const CREDIT: &str = "pJPM4LMBNQFrOwp0jqEyTwyxJQrQbgU6kq37k";

fn sb() -> Sandbox {
    Sandbox::start().unwrap()
}

// ---------------------------------------------------------------- MFA flows

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

// ---------------------------------------------------------------- credentials errors

#[test]
fn client_credentials_errors() {
    let sb = sb();
    form(
        &sb,
        "POST",
        "/connect/get",
        "secret=test_secret&access_token=test_bofa",
    )
    .assert_error(401, 1100);
    form(
        &sb,
        "POST",
        "/connect/get",
        "client_id=test_id&access_token=test_bofa",
    )
    .assert_error(401, 1101);
    form(
        &sb,
        "POST",
        "/connect/get",
        "client_id=test_id&secret=nope&access_token=test_bofa",
    )
    .assert_error(401, 1102);
}

#[test]
fn locked_account_returns_402_1205() {
    let sb = sb();
    form(
        &sb,
        "POST",
        "/connect",
        &add_body("wells", "plaid_test", "plaid_locked", None),
    )
    .assert_error(402, 1205);
}

#[test]
fn bad_password_or_username_returns_402_1200() {
    let sb = sb();
    form(
        &sb,
        "POST",
        "/connect",
        &add_body("wells", "plaid_test", "wrong", None),
    )
    .assert_error(402, 1200);
    form(
        &sb,
        "POST",
        "/connect",
        &add_body("wells", "somebody", "plaid_good", None),
    )
    .assert_error(402, 1200);
}

#[test]
fn user_good_pass_good_aliases_work() {
    let sb = sb();
    form(
        &sb,
        "POST",
        "/connect",
        &add_body("wells", "user_good", "pass_good", None),
    )
    .ok(200);
}

#[test]
fn usaa_pin_rules() {
    let sb = sb();
    form(
        &sb,
        "POST",
        "/connect",
        &add_body("usaa", "plaid_test", "plaid_good", None),
    )
    .assert_error(400, 1005);
    let with_pin = |pin: &str| {
        let creds = enc(&format!(
            r#"{{"username": "plaid_test", "password": "plaid_good", "pin": "{pin}"}}"#
        ));
        auth(&format!("type=usaa&credentials={creds}"))
    };
    form(&sb, "POST", "/connect", &with_pin("0000")).assert_error(402, 1209);
    assert_eq!(
        form(&sb, "POST", "/connect", &with_pin("1234")).ok(201)["type"],
        "questions"
    );
    // Top-level pin too.
    let v = form(
        &sb,
        "POST",
        "/connect",
        &auth("type=usaa&username=plaid_test&password=plaid_good&pin=1234"),
    )
    .ok(201);
    assert_eq!(v["access_token"], "test_usaa");
}

#[test]
fn add_request_errors() {
    let sb = sb();
    form(&sb, "POST", "/connect", &auth("type=wells")).assert_error(400, 1005);
    form(
        &sb,
        "POST",
        "/connect",
        &auth("type=wells&credentials=%7Bnot+json"),
    )
    .assert_error(400, 1006);
    let body = add_body("wells", "plaid_test", "plaid_good", None) + "&options=%7Bbroken";
    form(&sb, "POST", "/connect", &body).assert_error(400, 1004);
    let body = add_body("wells", "plaid_test", "plaid_good", None) + "&access_token=test_wells";
    form(&sb, "POST", "/connect", &body).assert_error(400, 1003);
    form(
        &sb,
        "POST",
        "/connect",
        &auth("username=plaid_test&password=plaid_good"),
    )
    .assert_error(400, 1001);
    form(
        &sb,
        "POST",
        "/connect",
        &add_body("notpnc", "plaid_test", "plaid_good", None),
    )
    .assert_error(404, 1301);
}

#[test]
fn token_errors() {
    let sb = sb();
    form(&sb, "POST", "/connect/get", &auth("")).assert_error(400, 1000);
    for bad in ["test_zoba", "foo", "test_bulk_0", "test_bulk_999999"] {
        let v = form(
            &sb,
            "POST",
            "/connect/get",
            &auth(&format!("access_token={bad}")),
        )
        .assert_error(401, 1105);
        assert_eq!(v["access_token"], bad);
    }
    let v =
        form(&sb, "DELETE", "/connect", &auth("access_token=bad_token")).assert_error(401, 1105);
    assert_eq!(v["access_token"], "bad_token");
}

#[test]
fn other_content_type_with_body_returns_400_1009() {
    let sb = sb();
    call(
        &sb,
        "POST",
        "/connect/get",
        Some("text/plain"),
        b"client_id=test_id",
        &[],
    )
    .assert_error(400, 1009);
    // An empty body with any content type is fine.
    call(&sb, "GET", "/categories", Some("text/plain"), b"", &[]).ok(200);
}

// ---------------------------------------------------------------- exchange, upgrade, delete

#[test]
fn exchange_token_errors() {
    let sb = sb();
    form(&sb, "POST", "/exchange_token", &auth("")).assert_error(401, 1107);
    form(&sb, "POST", "/exchange_token", &auth("public_token=nope")).assert_error(401, 1106);
    form(
        &sb,
        "POST",
        "/exchange_token",
        &auth("public_token=test%2Czoba%2Cconnected"),
    )
    .assert_error(401, 1106);
    form(
        &sb,
        "POST",
        "/exchange_token",
        &auth(&format!(
            "public_token=test%2Cchase%2Cconnected&account_id={CREDIT}"
        )),
    )
    .assert_error(400, 2001);
    form(
        &sb,
        "POST",
        "/exchange_token",
        &auth("public_token=test%2Cchase%2Cconnected&account_id=unknown"),
    )
    .assert_error(404, 1606);
}

#[test]
fn upgrade_payloads_and_errors() {
    let sb = sb();
    form(&sb, "POST", "/upgrade", &auth("access_token=test_bofa")).assert_error(400, 1007);
    form(
        &sb,
        "POST",
        "/upgrade",
        &auth("access_token=test_bofa&upgrade_to=teleport"),
    )
    .assert_error(401, 1111);
    let v = form(
        &sb,
        "POST",
        "/upgrade",
        &auth("access_token=test_chase&upgrade_to=connect"),
    )
    .ok(200);
    assert_eq!(v["transactions"].as_array().unwrap().len(), 16);
    let v = form(
        &sb,
        "POST",
        "/upgrade",
        &auth("access_token=test_chase&upgrade_to=auth"),
    )
    .ok(200);
    assert_eq!(v["accounts"][3]["numbers"], json!({}));
    assert_eq!(v["accounts"][0]["numbers"]["account"], "9900009606");
    let v = form(
        &sb,
        "POST",
        "/upgrade",
        &auth("access_token=test_chase&upgrade_to=income"),
    )
    .ok(200);
    assert_eq!(v["income"]["number_of_income_streams"], 2);
    let v = form(
        &sb,
        "POST",
        "/upgrade",
        &auth("access_token=test_chase&upgrade_to=risk"),
    )
    .ok(200);
    assert_eq!(v["accounts"][2]["risk"]["score"], 0.79);
    assert!(v.get("transactions").is_none());
}

#[test]
fn product_get_bodies_have_only_their_payload() {
    let sb = sb();
    let v = form(&sb, "POST", "/auth/get", &auth("access_token=test_bofa")).ok(200);
    assert!(
        v["accounts"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a.get("numbers").is_some() && a.get("risk").is_none())
    );
    assert!(v.get("transactions").is_none());
    let v = form(&sb, "POST", "/info/get", &auth("access_token=test_bofa")).ok(200);
    assert_eq!(v["info"]["names"][0], "Kelly Walters");
    assert!(v["accounts"][0].get("numbers").is_none());
    let v = form(&sb, "POST", "/risk/get", &auth("access_token=test_bofa")).ok(200);
    assert!(
        v["accounts"]
            .as_array()
            .unwrap()
            .iter()
            .all(|a| a["risk"]["reason"]["zero_count"] == 0.38)
    );
    let v = form(&sb, "POST", "/income/get", &auth("access_token=test_bofa")).ok(200);
    assert_eq!(v["income"]["income_streams"][0]["name"], "PLAID");
    let v = form(&sb, "POST", "/balance", &auth("access_token=test_wells")).ok(200);
    assert_eq!(v["accounts"][3]["meta"]["limit"], 12500);
    assert!(v["accounts"][3].get("subtype").is_none());
    for p in ["/info", "/income", "/risk", "/auth"] {
        let v = form(&sb, "DELETE", p, &auth("access_token=test_chase")).ok(200);
        assert_eq!(v["message"], "Successfully removed from your account");
    }
}

// ---------------------------------------------------------------- parameters

#[test]
fn form_and_json_bodies_are_equivalent() {
    let sb = sb();
    let f = form(
        &sb,
        "POST",
        "/connect",
        &add_body(
            "wells",
            "plaid_test",
            "plaid_good",
            Some(r#"{"login_only": true}"#),
        ),
    )
    .ok(200);
    // credentials as object, options as a JSON string (node's way).
    let j = json(
        &sb,
        "POST",
        "/connect",
        &json!({
            "client_id": "test_id", "secret": "test_secret", "type": "wells",
            "credentials": {"username": "plaid_test", "password": "plaid_good"},
            "options": "{\"login_only\": true}"
        }),
    )
    .ok(200);
    assert_eq!(f, j);
    // credentials as a JSON string and options as an object.
    let j2 = json(
        &sb,
        "POST",
        "/connect",
        &json!({
            "client_id": "test_id", "secret": "test_secret", "type": "wells",
            "credentials": "{\"username\": \"plaid_test\", \"password\": \"plaid_good\"}",
            "options": {"login_only": true}
        }),
    )
    .ok(200);
    assert_eq!(f, j2);
    // top-level credentials (go's way).
    let j3 = json(
        &sb,
        "POST",
        "/connect",
        &json!({
            "client_id": "test_id", "secret": "test_secret", "type": "wells",
            "username": "plaid_test", "password": "plaid_good", "options": {"login_only": true}
        }),
    )
    .ok(200);
    assert_eq!(f, j3);
    json(
        &sb,
        "POST",
        "/connect",
        &json!({"client_id":"test_id","secret":"test_secret","type":"wells","credentials":"{oops"}),
    )
    .assert_error(400, 1006);
    json(&sb, "POST", "/connect", &json!({"client_id":"test_id","secret":"test_secret","type":"wells","credentials":{"username":"plaid_test","password":"plaid_good"},"options":"[1"})).assert_error(400, 1004);
}

#[test]
fn params_in_query_string_work_on_every_method() {
    let sb = sb();
    let q = "client_id=test_id&secret=test_secret&access_token=test_bofa";
    form(&sb, "POST", &format!("/connect/get?{q}"), "").ok(200);
    form(&sb, "GET", &format!("/balance?{q}"), "").ok(200);
    form(&sb, "DELETE", &format!("/auth?{q}"), "").ok(200);
    // Split between query and body.
    form(
        &sb,
        "POST",
        "/connect/get?client_id=test_id&secret=test_secret",
        "access_token=test_bofa",
    )
    .ok(200);
}

#[test]
fn get_and_delete_read_their_bodies() {
    let sb = sb();
    form(&sb, "GET", "/connect/get", &auth("access_token=test_bofa")).ok(200);
    form(&sb, "DELETE", "/connect", &auth("access_token=test_bofa")).ok(200);
    form(&sb, "GET", "/balance", &auth("")).assert_error(400, 1000);
}

// ---------------------------------------------------------------- connect/get filters

fn connect_get(sb: &Sandbox, options: &str) -> common::Resp {
    form(
        sb,
        "POST",
        "/connect/get",
        &auth(&format!("access_token=test_bofa&options={}", enc(options))),
    )
}

#[test]
fn connect_get_account_and_date_filters() {
    let sb = sb();
    let v = connect_get(
        &sb,
        &format!(
            r#"{{"pending":false,"lte":"2016-01-01","gte":"2012-01-01","account":"{SAVINGS}"}}"#
        ),
    )
    .ok(200);
    let dates: Vec<&str> = v["transactions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["2014-06-02", "2014-03-27"]);
    assert_eq!(
        v["accounts"].as_array().unwrap().len(),
        4,
        "accounts are not filtered"
    );
    assert_eq!(v["access_token"], "test_bofa");
    // Inclusive bounds.
    let v = connect_get(&sb, r#"{"gte":"2014-06-21","lte":"2014-06-23"}"#).ok(200);
    assert_eq!(v["transactions"].as_array().unwrap().len(), 2);
    connect_get(&sb, r#"{"gte":"2014-13-01"}"#).assert_error(400, 1507);
    connect_get(&sb, r#"{"lte":"tomorrow"}"#).assert_error(400, 1507);
    connect_get(&sb, r#"{"account":"nope"}"#).assert_error(404, 1606);
}

#[test]
fn pending_true_adds_pending_transactions_only_then() {
    let sb = sb();
    let plain = connect_get(&sb, "{}").ok(200);
    let plain = plain["transactions"].as_array().unwrap();
    assert!(plain.iter().all(|t| t["pending"] == false));
    let with = connect_get(&sb, r#"{"pending": true}"#).ok(200);
    let with = with["transactions"].as_array().unwrap();
    assert!(with.len() > plain.len());
    let extra: Vec<&Value> = with.iter().filter(|t| t["pending"] == true).collect();
    assert!(!extra.is_empty());
    assert!(extra.iter().all(|t| t.get("_pendingTransaction").is_none()));
}

#[test]
fn login_only_omits_transactions() {
    let sb = sb();
    let v = form(
        &sb,
        "POST",
        "/connect",
        &add_body(
            "wells",
            "plaid_test",
            "plaid_good",
            Some(r#"{"login_only": true}"#),
        ),
    )
    .ok(200);
    assert!(v.get("transactions").is_none());
    assert_eq!(v["accounts"].as_array().unwrap().len(), 4);
    let v = form(
        &sb,
        "POST",
        "/connect/step",
        &auth(&format!(
            "access_token=test_bofa&mfa=tomato&options={}",
            enc(r#"{"login_only":true}"#)
        )),
    )
    .ok(200);
    assert!(v.get("transactions").is_none());
}

#[test]
fn every_transaction_category_resolves_to_the_same_hierarchy() {
    let sb = sb();
    let v = connect_get(&sb, r#"{"pending": true}"#).ok(200);
    for t in v["transactions"].as_array().unwrap() {
        if let Some(id) = t["category_id"].as_str() {
            let c = get(&sb, &format!("/categories/{id}")).ok(200);
            assert_eq!(c["hierarchy"], t["category"], "{id}");
        }
    }
}

#[test]
fn bulk_token_returns_n_transactions() {
    let sb = sb();
    for _ in 0..2 {
        let v = form(
            &sb,
            "POST",
            "/connect/get",
            &auth("access_token=test_bulk_1000"),
        )
        .ok(200);
        let txns = v["transactions"].as_array().unwrap();
        assert_eq!(txns.len(), 1000);
        assert_eq!(v["access_token"], "test_bulk_1000");
    }
    // Filters work on bulk data too.
    let v = form(
        &sb,
        "POST",
        "/connect/get",
        &auth(&format!(
            "access_token=test_bulk_1000&options={}",
            enc(&format!(r#"{{"account":"{SAVINGS}"}}"#))
        )),
    )
    .ok(200);
    assert!(
        v["transactions"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["_account"] == SAVINGS)
    );
    // Other routes behave like chase.
    assert_eq!(
        form(
            &sb,
            "POST",
            "/connect/step",
            &auth("access_token=test_bulk_10&mfa=nope")
        )
        .assert_error(402, 1203)["access_token"],
        "test_bulk_10"
    );
}

// ---------------------------------------------------------------- institutions and categories

#[test]
fn institutions_list_has_the_fourteen() {
    let sb = sb();
    let v = get(&sb, "/institutions").ok(200);
    let all = v.as_array().unwrap();
    assert_eq!(all.len(), 14);
    let bofa = &all[0];
    assert_eq!(
        bofa["credentials"],
        json!({"username": "Online ID", "password": "Password"})
    );
    assert_eq!(bofa["mfa"], json!(["code", "list", "questions(3)"]));
    assert_eq!(bofa["has_mfa"], true);
    let usaa = all.iter().find(|i| i["type"] == "usaa").unwrap();
    assert_eq!(usaa["credentials"]["pin"], "PIN");
    let wells = all.iter().find(|i| i["type"] == "wells").unwrap();
    assert_eq!(wells["has_mfa"], false);
}

#[test]
fn institution_by_id_or_type() {
    let sb = sb();
    assert_eq!(
        get(&sb, "/institutions/5301a99504977c52b60000d0").ok(200)["name"],
        "Chase"
    );
    assert_eq!(
        get(&sb, "/institutions/all/chase").ok(200)["id"],
        "5301a99504977c52b60000d0"
    );
    let v = get(&sb, "/institutions/all/000000000000000000000000").assert_error(404, 1301);
    assert_eq!(v["resolve"], "Double-check the provided institution ID.");
}

#[test]
fn institutions_all_pages_and_filters_products() {
    let sb = sb();
    let v = form(&sb, "POST", "/institutions/all", &auth("count=5&offset=0")).ok(200);
    assert_eq!(v["total_count"], 14);
    assert_eq!(v["results"].as_array().unwrap().len(), 5);
    let v = form(&sb, "POST", "/institutions/all", &auth("count=5&offset=10")).ok(200);
    assert_eq!(v["results"].as_array().unwrap().len(), 4);
    let v = form(&sb, "POST", "/institutions/all", &auth("")).ok(200);
    assert_eq!(
        v["results"].as_array().unwrap().len(),
        14,
        "count defaults to 50"
    );
    // ruby: JSON string.
    let v = form(
        &sb,
        "POST",
        "/institutions/all",
        &auth(&format!("products={}", enc(r#"["info","income"]"#))),
    )
    .ok(200);
    let types: Vec<&str> = v["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["type"].as_str().unwrap())
        .collect();
    assert!(!types.contains(&"amex") && !types.contains(&"pnc") && types.contains(&"bofa"));
    assert_eq!(v["total_count"], types.len());
    // go: JSON array.
    let v2 = json(
        &sb,
        "POST",
        "/institutions/all",
        &json!({"client_id":"test_id","secret":"test_secret","products":["info","income"]}),
    )
    .ok(200);
    assert_eq!(v, v2);
    // python: repeated keys.
    let v3 = form(
        &sb,
        "POST",
        "/institutions/all",
        &auth("products=info&products=income"),
    )
    .ok(200);
    assert_eq!(v, v3);
    form(&sb, "POST", "/institutions/all", &auth("count=0")).assert_error(402, 1304);
    form(&sb, "POST", "/institutions/all", &auth("offset=-1")).assert_error(402, 1304);
    form(&sb, "POST", "/institutions/all", "count=5").assert_error(401, 1100);
    let v = form(
        &sb,
        "POST",
        "/institutions/longtail",
        &auth("count=2&offset=1"),
    )
    .ok(200);
    assert_eq!(v["results"].as_array().unwrap().len(), 2);
}

#[test]
fn institution_search_by_q_p_and_id() {
    let sb = sb();
    for base in ["/institutions/search", "/institutions/all/search"] {
        let v = get(&sb, &format!("{base}?q=wells%20fargo")).ok(200);
        assert_eq!(v.as_array().unwrap().len(), 1);
        let w = &v[0];
        assert_eq!(w["id"], "wells");
        assert_eq!(w["type"], "wells");
        assert_eq!(w["products"]["auth"], true);
        assert_eq!(
            w["fields"][0],
            json!({"name":"username","label":"Username","type":"text"})
        );
        assert_eq!(w["colors"]["primary"], "rgba(186,9,36,1)");
        assert!(w["nameBreak"].is_null());
        let v = get(&sb, &format!("{base}?q=WELLS&p=nonexistent")).ok(200);
        assert_eq!(v, json!([]));
        let v = get(&sb, &format!("{base}?q=bank&p=connect")).ok(200);
        assert!(
            v.as_array()
                .unwrap()
                .iter()
                .all(|i| i["products"]["connect"] == true)
        );
        // id: an object when found, [] otherwise.
        let v = get(&sb, &format!("{base}?id=5301a93ac140de84910000e0")).ok(200);
        assert!(v.is_object());
        assert_eq!(v["name"], "Bank of America");
        assert_eq!(get(&sb, &format!("{base}?id=chase")).ok(200)["id"], "chase");
        assert_eq!(get(&sb, &format!("{base}?id=nope")).ok(200), json!([]));
        get(&sb, base).assert_error(402, 1305);
    }
    // Trailing slash as recorded from tartan.
    get(&sb, "/institutions/search/?p=auth&q=wells").ok(200);
}

/// The sorted keys of a search result's `colors`.
fn color_keys(result: &Value) -> Vec<String> {
    let mut keys: Vec<String> = result["colors"]
        .as_object()
        .unwrap_or_else(|| panic!("no colors object: {result}"))
        .keys()
        .cloned()
        .collect();
    keys.sort();
    keys
}

#[test]
fn search_colors_of_core_and_long_tail_institutions_differ() {
    let sb = sb();
    for base in ["/institutions/search", "/institutions/all/search"] {
        // Core: primary, darker and a two-stop gradient (legacy-api.md §4).
        for kind in ["wells", "bofa", "usaa", "suntrust"] {
            let core = get(&sb, &format!("{base}?id={kind}")).ok(200);
            assert_eq!(
                color_keys(&core),
                ["darker", "gradient", "primary"],
                "{kind}"
            );
            assert_eq!(core["colors"]["gradient"].as_array().unwrap().len(), 2);
        }
        // Long tail: primary, darker, dark and light, no gradient.
        let v = get(&sb, &format!("{base}?id=15184")).ok(200);
        assert_eq!(color_keys(&v), ["dark", "darker", "light", "primary"]);
        assert!(v["colors"].get("gradient").is_none());
        assert_eq!(
            v["colors"],
            json!({"light": "#ff4542", "primary": "#E41E2B", "dark": "#b3000a", "darker": "#a30000"})
        );
        assert_eq!(
            (v["id"].as_str(), v["type"].as_str()),
            (Some("15184"), Some("15184"))
        );
        assert_eq!(v["name"], "Wells Fargo Dealer Services");
        assert_eq!(v["nameBreak"], 11);
        assert!(v["video"].is_null());
        assert_eq!(
            v["products"],
            json!({"auth": false, "balance": true, "connect": true, "info": false})
        );
        for id in [
            "13202", "2916", "25807", "26208", "3265", "30125", "4030", "13753",
        ] {
            let v = get(&sb, &format!("{base}?id={id}")).ok(200);
            assert_eq!(
                color_keys(&v),
                ["dark", "darker", "light", "primary"],
                "{id}"
            );
        }
        // The product filter applies to them too.
        assert_eq!(
            get(&sb, &format!("{base}?id=15184&p=auth")).ok(200),
            json!([])
        );
        assert_eq!(
            get(&sb, &format!("{base}?id=15184&p=connect")).ok(200)["id"],
            "15184"
        );
        // [emulator choice] name searches list the core banks only.
        let v = get(&sb, &format!("{base}?q=wells")).ok(200);
        let ids: Vec<&str> = v
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|r| r["id"].as_str())
            .collect();
        assert_eq!(ids, ["wells"]);
    }
}

#[test]
fn categories_list_and_by_id() {
    let sb = sb();
    let v = get(&sb, "/categories").ok(200);
    assert!(v.as_array().unwrap().len() >= 600);
    for (id, hierarchy, kind) in [
        ("10000000", json!(["Bank Fees"]), "special"),
        ("13001000", json!(["Food and Drink", "Bar"]), "place"),
        (
            "13005006",
            json!(["Food and Drink", "Restaurants", "Sushi"]),
            "place",
        ),
        (
            "19012002",
            json!(["Shops", "Clothing and Accessories", "Swimwear"]),
            "place",
        ),
    ] {
        let c = get(&sb, &format!("/categories/{id}")).ok(200);
        assert_eq!(c, json!({"id": id, "hierarchy": hierarchy, "type": kind}));
    }
    let v = get(&sb, "/categories/99999999").assert_error(404, 1501);
    assert_eq!(v["message"], "unable to find category");
}

#[test]
fn unknown_route_is_json_404() {
    let sb = sb();
    get(&sb, "/nope").assert_error(404, 1600);
    form(&sb, "PUT", "/connect", &auth("access_token=test_bofa")).assert_error(404, 1600);
    get(&sb, "/").assert_error(404, 1600);
}

#[test]
fn every_error_has_full_resolve_from_the_table() {
    let sb = sb();
    let v = form(&sb, "POST", "/connect/get", &auth("access_token=foo")).assert_error(401, 1105);
    assert_eq!(
        v,
        json!({"code":1105,"message":"bad access_token","resolve":"This access_token appears to be corrupted.","access_token":"foo"})
    );
    let v = call(
        &sb,
        "POST",
        "/connect",
        Some(FORM),
        add_body("wells", "plaid_test", "plaid_locked", None).as_bytes(),
        &[],
    )
    .assert_error(402, 1205);
    assert_eq!(
        v["resolve"],
        "The account is locked. Prompt the user to visit the issuing institution's site and unlock their account."
    );
    assert!(v.get("access_token").is_none());
}
