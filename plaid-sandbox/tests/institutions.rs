//! Institutions and categories (legacy-api.md §4): the list, by id or type, paging and
//! product filters, search by `q`/`p`/`id` with the core and long-tail result shapes, and the
//! category table.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

mod common;

use common::{auth, enc, form, get, json, sb};
use serde_json::{Value, json};

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
        // Wells Fargo, then the nine long-tail Wells Fargo entities.
        assert_eq!(v.as_array().unwrap().len(), 10);
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
        // Name searches list the core banks first, then the long tail, as
        // tartan answered `q=wells`.
        let v = get(&sb, &format!("{base}?q=wells")).ok(200);
        let ids: Vec<&str> = v
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|r| r["id"].as_str())
            .collect();
        assert_eq!(ids.len(), 10, "{ids:?}");
        assert_eq!(ids[0], "wells");
        assert!(ids[1..].contains(&"15184"), "{ids:?}");
        assert!(
            v[1]["colors"].get("gradient").is_none() && v[1]["colors"]["dark"].is_string(),
            "{}",
            v[1]
        );
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
