//! The emulator's webhooks judged by an independent verifier: `peer/verify_webhooks.py`,
//! PyJWT with `cryptography`, fetching the key with the official client
//! (`plaid-python==46.0.0`, `webhook_verification_key_get`) the way Plaid's verification
//! guide shows.
//!
//! The test starts a modern emulator and a loopback receiver, makes the emulator deliver
//! webhooks of every trigger (fire_webhook, a webhook update, reset_login, a transactions
//! pull completing and a refresh for `user_transactions_dynamic`), and hands each received
//! header and raw body to the script, which must accept every one; then tampered copies
//! (a flipped byte, the same JSON compacted, an `HS256` header, another key claiming the
//! sandbox's `kid`, an unknown `kid`), which it must refuse. Each delivered body also decodes
//! into plaid-core's typed webhook for its code.
//!
//! The python comes from the modern virtualenv `plaid_peer::venv` keeps under the target
//! directory; the test fails, never skips, when it cannot be made.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

use std::collections::BTreeMap;
use std::time::{Duration, Instant, SystemTime};

use plaid_core::Transport;
use plaid_core::modern::endpoints::{SandboxPublicTokenCreate, SandboxWebhookCode};
use plaid_core::modern::models::Product;
use plaid_core::modern::webhook::{TestSigner, Webhook};
use plaid_core::modern::{Client, Config};
use plaid_core::secret::AccessToken;
use plaid_peer::venv::Venv;
use plaid_peer::{command, paths};
use plaid_sandbox::{RecordedRequest, Sandbox, WebhookReceiver};
use plaid_ureq::UreqTransport;
use serde_json::{Value, json};

/// How long the script may run (a few seconds; the first run of the client is slower).
const SCRIPT_TIMEOUT: Duration = Duration::from_secs(120);
/// Long enough for every delivery on a busy machine; the waits end when they are there.
const DELIVERY_WAIT: Duration = Duration::from_secs(20);
/// First Platypus Bank.
const PLATYPUS: &str = "ins_109508";
/// The webhooks the flows below make the emulator deliver: 4 on the first Item, 5 on the
/// dynamic one.
const EXPECTED: [(&str, &str); 9] = [
    ("ITEM", "LOGIN_REPAIRED"),
    ("TRANSACTIONS", "DEFAULT_UPDATE"),
    ("ITEM", "WEBHOOK_UPDATE_ACKNOWLEDGED"),
    ("ITEM", "ERROR"),
    ("TRANSACTIONS", "INITIAL_UPDATE"),
    ("TRANSACTIONS", "HISTORICAL_UPDATE"),
    ("TRANSACTIONS", "SYNC_UPDATES_AVAILABLE"),
    ("TRANSACTIONS", "DEFAULT_UPDATE"),
    ("TRANSACTIONS", "TRANSACTIONS_REMOVED"),
];

type Modern = Client<UreqTransport>;

fn modern_client(sandbox: &Sandbox) -> Modern {
    plaid_ureq::client(Config::emulator(sandbox.url()).unwrap())
}

/// A new Item at First Platypus Bank whose webhook goes to `url`, linked as `user`.
fn new_item(
    client: &Modern,
    url: &str,
    products: &[Product],
    user: &str,
    password: &str,
) -> AccessToken {
    let create = SandboxPublicTokenCreate::new(PLATYPUS, products.iter().cloned())
        .webhook(url)
        .override_username(user)
        .override_password(password);
    let public = client.call(create).send().unwrap().public_token;
    client
        .item_public_token_exchange(public)
        .send()
        .unwrap()
        .access_token
}

/// A transactions route plaid-core does not have yet, as raw JSON through the same transport.
fn post_json(client: &Modern, sandbox: &Sandbox, path: &str, body: &Value) -> Value {
    let request = plaid_core::http::Request::post(format!("{}{path}", sandbox.url()))
        .header("Content-Type", "application/json")
        .header("PLAID-CLIENT-ID", "test_id")
        .header("PLAID-SECRET", "test_secret")
        .header("Plaid-Version", "2020-09-14")
        .body(body.to_string().into_bytes())
        .unwrap();
    let response = client.transport().send(request).unwrap();
    assert_eq!(response.status(), 200, "{path}");
    serde_json::from_slice(response.body()).unwrap()
}

/// Drives the emulator through every trigger; returns what the receiver got.
fn deliver_webhooks(sandbox: &Sandbox, receiver: &WebhookReceiver) -> Vec<RecordedRequest> {
    let client = modern_client(sandbox);
    let url = receiver.url();

    let good = new_item(&client, &url, &[Product::Auth], "user_good", "pass_good");
    let fire = |code| {
        client
            .sandbox_item_fire_webhook(&good, code)
            .send()
            .unwrap()
    };
    assert!(fire(SandboxWebhookCode::LoginRepaired).webhook_fired);
    assert!(fire(SandboxWebhookCode::DefaultUpdate).webhook_fired);
    client
        .item_webhook_update(&good, format!("{url}?updated=1"))
        .send()
        .unwrap();
    client.sandbox_item_reset_login(&good).send().unwrap();

    let dynamic = new_item(
        &client,
        &url,
        &[Product::Transactions],
        "user_transactions_dynamic",
        "any",
    );
    let token = json!(dynamic.expose_secret());
    let mut cursor = String::new();
    loop {
        let page = post_json(
            &client,
            sandbox,
            "/transactions/sync",
            &json!({ "access_token": token, "cursor": cursor, "count": 500 }),
        );
        cursor = page["next_cursor"].as_str().unwrap().to_owned();
        if !page["has_more"].as_bool().unwrap() {
            break;
        }
    }
    post_json(
        &client,
        sandbox,
        "/transactions/refresh",
        &json!({ "access_token": token }),
    );

    let received = receiver.wait_for(EXPECTED.len(), DELIVERY_WAIT);
    assert!(sandbox.wait_for_webhooks_idle(DELIVERY_WAIT));
    let received_now = receiver.received();
    assert_eq!(received_now.len(), received.len(), "nothing more arrives");
    received_now
}

/// One case for the script.
struct Case {
    name: String,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Case {
    fn of(name: impl Into<String>, request: &RecordedRequest) -> Case {
        Case {
            name: name.into(),
            headers: request.headers.clone(),
            body: request.body.clone(),
        }
    }

    fn with_header(mut self, value: String) -> Case {
        for (name, old) in &mut self.headers {
            if name.eq_ignore_ascii_case("plaid-verification") {
                *old = value.clone();
            }
        }
        self
    }

    fn json(&self) -> Value {
        let hex: String = self.body.iter().map(|b| format!("{b:02x}")).collect();
        json!({ "name": self.name, "headers": self.headers, "body_hex": hex })
    }
}

/// Runs the verifier on `cases`; returns each verdict by case name.
fn run_verifier(
    python: &std::path::Path,
    sandbox: &Sandbox,
    cases: &[Case],
) -> BTreeMap<String, Value> {
    let file = paths::target_dir().join(format!("peer-webhook-cases-{}.json", std::process::id()));
    let list: Vec<Value> = cases.iter().map(Case::json).collect();
    std::fs::write(&file, serde_json::to_vec(&list).unwrap()).unwrap();
    let script = paths::workspace_root()
        .join("peer")
        .join("verify_webhooks.py");
    let started = Instant::now();
    let mut command = command::python_script(python, &script);
    command.arg(sandbox.url()).arg(&file);
    let output = command::run(&mut command, "peer/verify_webhooks.py", SCRIPT_TIMEOUT);
    let _ = std::fs::remove_file(&file);
    let output = output.unwrap_or_else(|err| panic!("{err}"));
    eprintln!(
        "plaid-peer: verify_webhooks.py judged {} webhooks in {:.2}s",
        cases.len(),
        started.elapsed().as_secs_f64()
    );
    output
        .stdout
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let value: Value = serde_json::from_str(line)
                .unwrap_or_else(|err| panic!("a non-JSON line ({err}): {line}"));
            (value["name"].as_str().unwrap().to_owned(), value)
        })
        .collect()
}

fn base64url(bytes: &[u8]) -> String {
    const SYMBOLS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(char::from(SYMBOLS[(n >> (18 - 6 * i)) as usize & 63]));
        }
    }
    out
}

#[test]
fn an_independent_python_verifier_accepts_the_emulators_webhooks_and_refuses_tampered_ones() {
    let venv = Venv::ensure_modern().unwrap_or_else(|err| panic!("{err}"));
    let sandbox = Sandbox::start_modern().expect("starting the modern plaid-sandbox");
    let receiver = WebhookReceiver::start().expect("a webhook receiver");
    let received = deliver_webhooks(&sandbox, &receiver);

    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut cases = Vec::new();
    for (i, request) in received.iter().enumerate() {
        let body: Value = serde_json::from_slice(&request.body).unwrap();
        let pair = (
            body["webhook_type"].as_str().unwrap().to_owned(),
            body["webhook_code"].as_str().unwrap().to_owned(),
        );
        let typed = Webhook::from_slice(&request.body).unwrap();
        assert!(
            !matches!(typed, Webhook::Unknown(_)),
            "plaid-core types {pair:?}"
        );
        assert_eq!(typed.webhook_code(), pair.1);
        cases.push(Case::of(format!("{i} {}/{}", pair.0, pair.1), request));
        pairs.push(pair);
    }
    let mut expected: Vec<(String, String)> = EXPECTED
        .iter()
        .map(|(t, c)| ((*t).to_owned(), (*c).to_owned()))
        .collect();
    expected.sort();
    let mut got = pairs.clone();
    got.sort();
    assert_eq!(got, expected, "every trigger delivered its webhook, once");

    let original = &received[0];
    let header = original.header("Plaid-Verification").unwrap().to_owned();
    let parts: Vec<&str> = header.split('.').collect();
    let mut flipped = Case::of("tampered: a flipped byte", original);
    let middle = flipped.body.len() / 2;
    flipped.body[middle] ^= 0x01;
    let mut compact = Case::of("tampered: the same JSON compacted", original);
    compact.body =
        serde_json::to_vec(&serde_json::from_slice::<Value>(&original.body).unwrap()).unwrap();
    let kid = plaid_sandbox::fixtures::modern::webhook_key().key_id;
    let hs256 = format!(
        "{}.{}.{}",
        base64url(format!(r#"{{"alg":"HS256","kid":"{kid}","typ":"JWT"}}"#).as_bytes()),
        parts[1],
        parts[2]
    );
    let impostor = TestSigner::generate(kid).unwrap();
    let forged = impostor.sign(&original.body, SystemTime::now()).unwrap();
    let stranger = TestSigner::generate("a-kid-the-sandbox-never-issued").unwrap();
    let unknown = stranger.sign(&original.body, SystemTime::now()).unwrap();
    // Each refused case, with what the script's reason must say.
    let refused = [
        (flipped, "SHA-256"),
        (compact, "SHA-256"),
        (
            Case::of("tampered: alg HS256", original).with_header(hs256),
            "is not ES256",
        ),
        (
            Case::of("tampered: another key with the sandbox's kid", original).with_header(forged),
            "InvalidSignatureError",
        ),
        (
            Case::of("tampered: an unknown kid", original).with_header(unknown),
            "INVALID_WEBHOOK_VERIFICATION_KEY_ID",
        ),
    ];
    let reasons: BTreeMap<String, &str> = refused
        .iter()
        .map(|(case, reason)| (case.name.clone(), *reason))
        .collect();
    cases.extend(refused.into_iter().map(|(case, _)| case));

    let verdicts = run_verifier(venv.python(), &sandbox, &cases);
    assert_eq!(
        verdicts.len(),
        cases.len(),
        "a verdict per case: {verdicts:?}"
    );
    for case in &cases {
        let verdict = &verdicts[&case.name];
        match reasons.get(&case.name) {
            None => {
                assert_eq!(verdict["verified"], true, "{}: {verdict}", case.name);
                assert_eq!(verdict["kid"], kid);
            }
            Some(reason) => {
                assert_eq!(verdict["verified"], false, "{}: {verdict}", case.name);
                let said = verdict["reason"].as_str().unwrap_or_default();
                assert!(said.contains(reason), "{}: {verdict}", case.name);
            }
        }
    }
    // The script fetched the key with the official client, once, and asked about the unknown
    // kid once.
    let fetched: Vec<Value> = sandbox
        .recorded_requests()
        .iter()
        .filter(|r| r.path == "/webhook_verification_key/get")
        .map(|r| {
            assert_eq!(r.header("user-agent"), Some("Plaid Python v46.0.0"));
            serde_json::from_slice::<Value>(&r.body).unwrap()["key_id"].clone()
        })
        .collect();
    assert_eq!(
        fetched,
        [json!(kid), json!("a-kid-the-sandbox-never-issued")]
    );
}
