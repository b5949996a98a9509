//! Webhook delivery by the modern sandbox: each trigger (fire_webhook, webhook update,
//! reset_login, transactions becoming ready, refresh) posts its code and complete body to the
//! Item's URL, signed with a `Plaid-Verification` JWT that verifies with ring against the JWK
//! `/webhook_verification_key/get` serves and whose hash is the raw body's; a failing
//! receiver gets bounded retries; a URL that is not loopback is never contacted; and the API
//! answers at once whatever the receiver does.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

mod common;

use std::collections::BTreeMap;
use std::net::TcpListener;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use common::modern::{item_with, ok, post, sb, sync_loop, user_item};
use plaid_sandbox::{
    AttemptOutcome, MAX_ATTEMPTS, ModernOptions, RecordedRequest, Sandbox, WebhookReceiver,
};
use ring::digest::{SHA256, digest};
use ring::signature::{ECDSA_P256_SHA256_FIXED, UnparsedPublicKey};
use serde_json::{Value, json};

/// Long enough for any delivery on a busy machine; the waits return as soon as it is there.
const WAIT: Duration = Duration::from_secs(10);

/// An Item with `products` whose webhook goes to `url`: `(access_token, item_id)`.
fn hooked(sb: &Sandbox, url: &str, products: &[&str]) -> (String, String) {
    item_with(sb, "ins_109508", products, json!({ "webhook": url }))
}

fn fire(sb: &Sandbox, token: &str, code: &str, kind: Option<&str>) {
    let mut body = json!({ "access_token": token, "webhook_code": code });
    if let Some(kind) = kind {
        body["webhook_type"] = json!(kind);
    }
    assert_eq!(
        ok(sb, "/sandbox/item/fire_webhook", &body)["webhook_fired"],
        true
    );
}

fn body_json(request: &RecordedRequest) -> Value {
    serde_json::from_slice(&request.body).unwrap()
}

/// Base64url without padding, decoded here rather than by the crate under test.
fn unbase64url(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => panic!("not base64url: {text}"),
    };
    let mut bits = 0u32;
    let mut count = 0;
    let mut out = Vec::new();
    for c in text.bytes() {
        bits = (bits << 6) | u32::from(value(c));
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
        }
    }
    out
}

/// Verifies a received webhook the way Plaid's docs say a receiver must, with ring and the
/// key the sandbox serves: ES256 header with the sandbox's `kid`, a valid signature, a fresh
/// `iat`, and the SHA-256 of the raw body. Returns the claims.
fn verify(sb: &Sandbox, request: &RecordedRequest) -> Value {
    let token = request.header("Plaid-Verification").expect("a signature");
    let parts: Vec<&str> = token.split('.').collect();
    assert_eq!(parts.len(), 3, "{token}");
    let header: Value = serde_json::from_slice(&unbase64url(parts[0])).unwrap();
    assert_eq!(header["alg"], "ES256");
    assert_eq!(header["typ"], "JWT");
    let kid = header["kid"].as_str().unwrap();
    let key = ok(
        sb,
        "/webhook_verification_key/get",
        &json!({ "key_id": kid }),
    )["key"]
        .clone();
    assert_eq!(key["expired_at"], Value::Null);
    let mut point = vec![0x04];
    point.extend(unbase64url(key["x"].as_str().unwrap()));
    point.extend(unbase64url(key["y"].as_str().unwrap()));
    let signed = format!("{}.{}", parts[0], parts[1]);
    UnparsedPublicKey::new(&ECDSA_P256_SHA256_FIXED, &point)
        .verify(signed.as_bytes(), &unbase64url(parts[2]))
        .expect("the signature verifies with the served key");

    let claims: Value = serde_json::from_slice(&unbase64url(parts[1])).unwrap();
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let iat = claims["iat"].as_u64().unwrap();
    assert!(iat <= now + 1 && now - iat < 300, "iat {iat}, now {now}");
    let hash: String = digest(&SHA256, &request.body)
        .as_ref()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(claims["request_body_sha256"], hash.as_str());
    claims
}

/// The checks every delivered webhook passes: a `POST` of pretty-printed JSON with the shared
/// fields, signed.
fn check_delivery(sb: &Sandbox, request: &RecordedRequest, item_id: &str) -> Value {
    assert_eq!(request.method, "POST");
    assert_eq!(request.path, "/webhook");
    assert_eq!(request.header("Content-Type"), Some("application/json"));
    assert!(request.body.starts_with(b"{\n  \""), "pretty-printed");
    verify(sb, request);
    let body = body_json(request);
    assert_eq!(body["item_id"], item_id);
    assert_eq!(body["environment"], "sandbox");
    assert!(body.get("error").is_some(), "error is always there: {body}");
    body
}

#[test]
fn fire_webhook_delivers_each_code_with_its_schema_fields() {
    let sb = sb();
    let receiver = WebhookReceiver::start().unwrap();
    let (token, item_id) = hooked(&sb, &receiver.url(), &["auth", "transactions"]);
    let fired = [
        ("DEFAULT_UPDATE", None, "TRANSACTIONS"),
        ("SYNC_UPDATES_AVAILABLE", None, "TRANSACTIONS"),
        ("RECURRING_TRANSACTIONS_UPDATE", None, "TRANSACTIONS"),
        ("NEW_ACCOUNTS_AVAILABLE", None, "ITEM"),
        ("LOGIN_REPAIRED", None, "ITEM"),
        ("USER_PERMISSION_REVOKED", None, "ITEM"),
        ("USER_ACCOUNT_REVOKED", None, "ITEM"),
        ("PENDING_DISCONNECT", None, "ITEM"),
        ("ERROR", None, "ITEM"),
        ("SMS_MICRODEPOSITS_VERIFICATION", None, "AUTH"),
        ("DEFAULT_UPDATE", Some("AUTH"), "AUTH"),
        ("DEFAULT_UPDATE", Some("HOLDINGS"), "HOLDINGS"),
    ];
    for (code, kind, _) in fired {
        fire(&sb, &token, code, kind);
    }
    // The Item's transactions were ready at once: the pull's own two webhooks come too.
    let all = receiver.wait_for(fired.len() + 2, WAIT);
    assert_eq!(all.len(), fired.len() + 2);
    let (pull, got): (Vec<RecordedRequest>, Vec<RecordedRequest>) =
        all.into_iter().partition(|r| {
            let code = body_json(r)["webhook_code"].clone();
            code == "INITIAL_UPDATE" || code == "HISTORICAL_UPDATE"
        });
    assert_eq!(codes(&pull), ["INITIAL_UPDATE", "HISTORICAL_UPDATE"]);
    let accounts = ok(&sb, "/accounts/get", &json!({ "access_token": token }))["accounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["account_id"].as_str().unwrap().to_owned())
        .collect::<Vec<_>>();
    for ((code, _, kind), request) in fired.iter().zip(&got) {
        let body = check_delivery(&sb, request, &item_id);
        assert_eq!(
            (body["webhook_type"].as_str(), body["webhook_code"].as_str()),
            (Some(*kind), Some(*code))
        );
        match (*kind, *code) {
            ("TRANSACTIONS", "DEFAULT_UPDATE") => assert_eq!(body["new_transactions"], 0),
            ("TRANSACTIONS", "SYNC_UPDATES_AVAILABLE") => {
                assert_eq!(body["initial_update_complete"], true);
                assert_eq!(body["historical_update_complete"], true);
            }
            ("TRANSACTIONS", "RECURRING_TRANSACTIONS_UPDATE") => {
                assert_eq!(body["account_ids"], json!(accounts[..3]));
            }
            ("ITEM", "USER_ACCOUNT_REVOKED") => {
                assert_eq!(body["account_id"], accounts[0].as_str())
            }
            ("ITEM", "PENDING_DISCONNECT") => {
                assert_eq!(body["reason"], "INSTITUTION_MIGRATION");
                assert!(body["disconnect_time"].as_str().unwrap().ends_with('Z'));
            }
            ("ITEM", "ERROR") => {
                assert_eq!(body["error"]["error_code"], "ITEM_LOGIN_REQUIRED");
                assert_eq!(body["error"]["status"], 400);
                assert!(body["error"].get("request_id").is_none());
            }
            ("AUTH", "SMS_MICRODEPOSITS_VERIFICATION") => {
                assert_eq!(body["status"], "MANUALLY_VERIFIED");
                assert_eq!(body["account_id"], accounts[0].as_str());
            }
            ("AUTH", "DEFAULT_UPDATE") => {
                assert_eq!(body["account_ids_with_new_auth"], json!([]));
                assert_eq!(body["account_ids_with_updated_auth"], json!({}));
            }
            ("HOLDINGS", "DEFAULT_UPDATE") => {
                assert_eq!(
                    (
                        body["new_holdings"].as_u64(),
                        body["updated_holdings"].as_u64()
                    ),
                    (Some(0), Some(0))
                );
            }
            _ => assert_eq!(
                body.as_object().unwrap().len(),
                5,
                "only the shared fields: {body}"
            ),
        }
        if *code != "ERROR" {
            assert_eq!(body["error"], Value::Null);
        }
    }
    // The log has the same attempts, delivered at the first try, with the same bytes.
    assert!(sb.wait_for_webhooks_idle(WAIT));
    let attempts = sb.webhook_attempts();
    assert_eq!(attempts.len(), fired.len() + 2);
    let received = receiver.received();
    for (attempt, request) in attempts.iter().zip(&received) {
        assert_eq!(attempt.outcome, AttemptOutcome::Delivered { status: 200 });
        assert_eq!(
            (attempt.attempt, attempt.url.as_str()),
            (1, receiver.url().as_str())
        );
        assert_eq!(attempt.body, request.body);
        assert_eq!(
            attempt.header("plaid-verification"),
            request.header("Plaid-Verification")
        );
    }
}

#[test]
fn webhook_update_acknowledges_to_the_new_url_only() {
    let sb = sb();
    let old = WebhookReceiver::start().unwrap();
    let new = WebhookReceiver::start().unwrap();
    let (token, item_id) = hooked(&sb, &old.url(), &["auth"]);
    ok(
        &sb,
        "/item/webhook/update",
        &json!({ "access_token": token, "webhook": new.url() }),
    );
    let got = new.wait_for(1, WAIT);
    assert_eq!(got.len(), 1);
    let body = check_delivery(&sb, &got[0], &item_id);
    assert_eq!(body["webhook_type"], "ITEM");
    assert_eq!(body["webhook_code"], "WEBHOOK_UPDATE_ACKNOWLEDGED");
    assert_eq!(body["new_webhook_url"], new.url());
    assert_eq!(body["error"], Value::Null);
    assert!(sb.wait_for_webhooks_idle(WAIT));
    assert!(old.received().is_empty(), "nothing goes to the old URL");

    // Clearing the URL acknowledges nothing.
    ok(
        &sb,
        "/item/webhook/update",
        &json!({ "access_token": token, "webhook": null }),
    );
    assert!(sb.wait_for_webhooks_idle(WAIT));
    assert_eq!(sb.webhook_attempts().len(), 1);
}

#[test]
fn reset_login_sends_item_error_with_item_login_required() {
    let sb = sb();
    let receiver = WebhookReceiver::start().unwrap();
    let (token, item_id) = hooked(&sb, &receiver.url(), &["auth"]);
    ok(
        &sb,
        "/sandbox/item/reset_login",
        &json!({ "access_token": token }),
    );
    let got = receiver.wait_for(1, WAIT);
    assert_eq!(got.len(), 1);
    let body = check_delivery(&sb, &got[0], &item_id);
    assert_eq!(
        (body["webhook_type"].as_str(), body["webhook_code"].as_str()),
        (Some("ITEM"), Some("ERROR"))
    );
    let error = &body["error"];
    assert_eq!(error["error_type"], "ITEM_ERROR");
    assert_eq!(error["error_code"], "ITEM_LOGIN_REQUIRED");
    assert_eq!(error["status"], 400);
    assert!(error.get("request_id").is_none(), "{error}");
    for key in [
        "error_message",
        "display_message",
        "causes",
        "documentation_url",
    ] {
        assert!(error.get(key).is_some(), "no {key} in {error}");
    }
    // The same error, in band, on /item/get.
    let got = ok(&sb, "/item/get", &json!({ "access_token": token }));
    assert_eq!(got["item"]["error"]["error_code"], "ITEM_LOGIN_REQUIRED");
    assert_eq!(got["status"]["last_webhook"]["code_sent"], "ERROR");
}

/// The codes of `requests`, in order.
fn codes(requests: &[RecordedRequest]) -> Vec<String> {
    requests
        .iter()
        .map(|r| body_json(r)["webhook_code"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn transactions_becoming_ready_and_a_refresh_send_their_webhooks() {
    // The pull takes an hour, so nothing is ready until the refresh completes it.
    let sb = Sandbox::start_modern_with(
        ModernOptions::new().with_transactions_delay(Duration::from_secs(3600)),
    )
    .unwrap();
    let receiver = WebhookReceiver::start().unwrap();
    let (token, item_id) = user_item(
        &sb,
        "user_transactions_dynamic",
        json!({ "webhook": receiver.url() }),
    );
    let first = sync_loop(&sb, &token, "", 500, &json!({}));
    assert_eq!(first.status, "NOT_READY");
    assert!(sb.wait_for_webhooks_idle(WAIT));
    assert!(receiver.received().is_empty(), "not ready: no webhook yet");

    ok(
        &sb,
        "/transactions/refresh",
        &json!({ "access_token": token }),
    );
    let got = receiver.wait_for(6, WAIT);
    assert_eq!(
        codes(&got),
        [
            "INITIAL_UPDATE",
            "HISTORICAL_UPDATE",
            "SYNC_UPDATES_AVAILABLE",
            "SYNC_UPDATES_AVAILABLE",
            "DEFAULT_UPDATE",
            "TRANSACTIONS_REMOVED",
        ]
    );
    let bodies: Vec<Value> = got
        .iter()
        .map(|r| check_delivery(&sb, r, &item_id))
        .collect();
    for body in &bodies {
        assert_eq!(body["webhook_type"], "TRANSACTIONS");
        assert_eq!(body["error"], Value::Null);
    }
    assert_eq!(bodies[2]["initial_update_complete"], true);
    assert_eq!(bodies[2]["historical_update_complete"], true);

    // What the webhooks announce is what the sync finds.
    let synced = sync_loop(&sb, &token, "", 500, &json!({}));
    let all = bodies[0]["new_transactions"].as_u64().unwrap()
        + bodies[1]["new_transactions"].as_u64().unwrap();
    assert!(all > 0);
    let removed: Vec<&str> = bodies[5]["removed_transactions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(!removed.is_empty());
    let added: BTreeMap<&str, &Value> = synced
        .added
        .iter()
        .map(|t| (t["transaction_id"].as_str().unwrap(), t))
        .collect();
    assert!(
        removed.iter().all(|id| !added.contains_key(id)),
        "removed ones are gone"
    );
    assert!(bodies[4]["new_transactions"].as_u64().unwrap() > 0);
}

#[test]
fn transactions_becoming_ready_are_announced_on_time_without_another_call() {
    // Long enough for the first sync call to come before the first phase on a busy machine
    // (a phase it saw itself would be caught up by the call, not the timer).
    let sb = Sandbox::start_modern_with(
        ModernOptions::new().with_transactions_delay(Duration::from_secs(1)),
    )
    .unwrap();
    let receiver = WebhookReceiver::start().unwrap();
    let (token, item_id) = hooked(&sb, &receiver.url(), &["transactions"]);
    // A sync loop's first call subscribes the Item to SYNC_UPDATES_AVAILABLE.
    let first = sync_loop(&sb, &token, "", 500, &json!({}));
    assert_eq!(first.status, "NOT_READY");
    let started = Instant::now();
    let got = receiver.wait_for(4, WAIT);
    assert!(started.elapsed() < WAIT);
    assert_eq!(
        codes(&got),
        [
            "INITIAL_UPDATE",
            "SYNC_UPDATES_AVAILABLE",
            "HISTORICAL_UPDATE",
            "SYNC_UPDATES_AVAILABLE",
        ]
    );
    let bodies: Vec<Value> = got
        .iter()
        .map(|r| check_delivery(&sb, r, &item_id))
        .collect();
    assert_eq!(bodies[1]["initial_update_complete"], true);
    assert_eq!(bodies[1]["historical_update_complete"], false);
    assert_eq!(bodies[3]["historical_update_complete"], true);
    // What the webhooks announced is what a sync now finds.
    let synced = sync_loop(&sb, &token, "", 500, &json!({}));
    assert_eq!(synced.status, "HISTORICAL_UPDATE_COMPLETE");
    let announced = bodies[0]["new_transactions"].as_u64().unwrap()
        + bodies[2]["new_transactions"].as_u64().unwrap();
    assert_eq!(announced, synced.added.len() as u64);
}

#[test]
fn a_failing_receiver_gets_bounded_retries_then_nothing_more() {
    let sb = sb();
    let receiver = WebhookReceiver::answering(500).unwrap();
    let (token, _) = hooked(&sb, &receiver.url(), &["auth"]);
    fire(&sb, &token, "LOGIN_REPAIRED", None);
    let got = receiver.wait_for(MAX_ATTEMPTS as usize, WAIT);
    assert_eq!(got.len(), MAX_ATTEMPTS as usize);
    assert!(sb.wait_for_webhooks_idle(WAIT));
    assert_eq!(receiver.received().len(), MAX_ATTEMPTS as usize, "no more");
    let attempts = sb.webhook_attempts();
    let numbers: Vec<u32> = attempts.iter().map(|a| a.attempt).collect();
    assert_eq!(numbers, (1..=MAX_ATTEMPTS).collect::<Vec<_>>());
    assert!(
        attempts
            .iter()
            .all(|a| a.outcome == AttemptOutcome::Rejected { status: 500 }
                && a.status() == Some(500))
    );
    // Every retry carries the same body, each signed afresh.
    assert!(got.iter().all(|r| r.body == got[0].body));
    for request in &got {
        verify(&sb, request);
    }

    // A receiver that recovers gets the next webhook at the first attempt.
    receiver.set_status(204);
    fire(&sb, &token, "NEW_ACCOUNTS_AVAILABLE", None);
    assert_eq!(
        receiver.wait_for(MAX_ATTEMPTS as usize + 1, WAIT).len(),
        MAX_ATTEMPTS as usize + 1
    );
    assert!(sb.wait_for_webhooks_idle(WAIT));
    let last = sb.webhook_attempts().pop().unwrap();
    assert_eq!((last.attempt, last.delivered()), (1, true));
}

#[test]
fn a_closed_port_is_retried_as_a_connection_error() {
    let sb = sb();
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let (token, _) = hooked(&sb, &format!("http://127.0.0.1:{port}/gone"), &["auth"]);
    fire(&sb, &token, "LOGIN_REPAIRED", None);
    assert!(sb.wait_for_webhooks_idle(WAIT));
    let attempts = sb.webhook_attempts();
    assert_eq!(attempts.len(), MAX_ATTEMPTS as usize);
    for attempt in &attempts {
        assert!(
            matches!(attempt.outcome, AttemptOutcome::Failed { .. }),
            "{attempt:?}"
        );
        assert_eq!(attempt.status(), None);
    }
}

#[test]
fn a_url_off_the_machine_is_never_contacted() {
    let sb = sb();
    // A listener on this machine's other addresses would see a connection if the sandbox
    // tried one; the Item's URL names 0.0.0.0 (not loopback) with its port.
    let listener = TcpListener::bind("0.0.0.0:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let port = listener.local_addr().unwrap().port();
    for url in [
        format!("http://0.0.0.0:{port}/h"),
        "http://a.example/hook".to_owned(),
        format!("https://127.0.0.1:{port}/h"),
        "http://10.1.2.3/h".to_owned(),
    ] {
        let (token, _) = hooked(&sb, &url, &["auth"]);
        fire(&sb, &token, "LOGIN_REPAIRED", None);
    }
    assert!(sb.wait_for_webhooks_idle(WAIT));
    let attempts = sb.webhook_attempts();
    assert_eq!(attempts.len(), 4);
    for attempt in &attempts {
        assert_eq!(attempt.attempt, 0);
        assert!(attempt.headers.is_empty(), "never signed nor sent");
        match &attempt.outcome {
            AttemptOutcome::Dropped { reason } => assert!(!reason.is_empty()),
            other => panic!("{} was {other:?}", attempt.url),
        }
    }
    assert!(listener.accept().is_err(), "nothing connected");
}

#[test]
fn the_api_answers_at_once_whatever_the_receiver_does() {
    let sb = sb();
    // A receiver that accepts connections and never answers.
    let silent = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/slow", silent.local_addr().unwrap());
    let (token, _) = hooked(&sb, &url, &["auth"]);
    let started = Instant::now();
    for code in [
        "LOGIN_REPAIRED",
        "NEW_ACCOUNTS_AVAILABLE",
        "USER_PERMISSION_REVOKED",
    ] {
        fire(&sb, &token, code, None);
    }
    ok(
        &sb,
        "/sandbox/item/reset_login",
        &json!({ "access_token": token }),
    );
    let took = started.elapsed();
    assert!(took < Duration::from_secs(2), "answers took {took:?}");
    // The sandbox stops promptly with a delivery stuck on the silent receiver.
    let stopping = Instant::now();
    sb.shutdown();
    assert!(
        stopping.elapsed() < Duration::from_secs(2),
        "{:?}",
        stopping.elapsed()
    );
}

#[test]
fn a_legacy_sandbox_has_no_webhooks() {
    let sb = Sandbox::start().unwrap();
    assert!(sb.webhook_attempts().is_empty());
    assert!(sb.wait_for_webhooks_idle(Duration::ZERO));
    assert!(sb.wait_for_webhook_attempts(1, Duration::ZERO).is_empty());
}

#[test]
fn an_unknown_kid_is_invalid_webhook_verification_key_id() {
    let sb = sb();
    post(
        &sb,
        "/webhook_verification_key/get",
        &json!({ "key_id": "6c5516e1-92dc-479e-a8ff-5a51992e0002" }),
    )
    .plaid_error(400, "INVALID_INPUT", "INVALID_WEBHOOK_VERIFICATION_KEY_ID");
}
