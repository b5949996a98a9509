//! plaid-core benchmarks (divan): building every kind of request, and parsing
//! real response bodies beside two baselines on the same bytes.
//!
//! Run: `cargo bench -p plaid-core --bench core` (about 2–3 minutes on 2
//! cores). For a markdown table with MB/s and the ratio to the typed
//! baseline: `cargo bench -p plaid-core --bench core | python3 bench/divan_table.py`.
//!
//! Every parse benchmark has three variants on the same bytes:
//! - `plaid_core`: the endpoint's own `parse_response` (status check, typed
//!   models, open enums, dates, secrets), given an owned `http::Response`
//!   whose clone is made outside the timed section;
//! - `serde_typed`: `serde_json::from_slice` into plain structs defined below
//!   (same fields, `String`s and `f64`s): the limit for a typed parser;
//! - `serde_value`: `serde_json::from_slice::<serde_json::Value>`.
//!
//! The bodies are what the sandbox sends: fetched once from an embedded
//! `plaid-sandbox` over loopback (balance, accounts, info, income, MFA,
//! errors), and for `/connect/get` built from the sandbox's public bulk
//! generator, made more varied (some transactions uncategorised, pending,
//! with full addresses and coordinates) and pretty-printed as the sandbox
//! does.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "benchmark code: a broken fixture must abort the run"
)]

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::OnceLock;

use divan::Bencher;
use divan::counter::BytesCount;
use plaid_core::http::{self, Response};
use plaid_core::legacy::endpoints::{
    Add, Auth, Balance, Connect, Get, Income as IncomeProduct, Info as InfoProduct,
};
use plaid_core::legacy::{Client, Config, GetOptions, Login, MfaAnswer, models};
use plaid_core::transport::{HttpRequest, HttpResponse, TransportError};
use plaid_core::{Endpoint, RetryPolicy};
use serde::Deserialize;
use serde_json::Value;

fn main() {
    sanity_check_bodies();
    divan::main();
}

// ---------------------------------------------------------------------------
// Bodies.

/// A `/connect/get` body with `n` transactions, from the sandbox's bulk
/// generator with realistic variation, pretty-printed like the sandbox.
fn connect_body(n: u32) -> Vec<u8> {
    use plaid_sandbox::fixtures::legacy::{accounts, bulk_transaction};
    let transactions: Vec<Value> = (0..u64::from(n))
        .map(|i| {
            let mut t = bulk_transaction(i);
            let Some(obj) = t.as_object_mut() else {
                return t;
            };
            // One in eight uncategorised: no `category`, no `category_id`.
            if i % 8 == 3 {
                obj.remove("category");
                obj.remove("category_id");
            }
            // One in five with a full address and coordinates.
            if i % 5 == 1 {
                obj.insert(
                    "meta".into(),
                    serde_json::json!({"location": {
                        "address": format!("{} Market St", 100 + i % 900),
                        "city": "San Francisco", "state": "CA", "zip": "94103",
                        "coordinates": {"lat": 37.7749 + (i % 100) as f64 / 1000.0,
                                        "lon": -122.4194}
                    }}),
                );
            }
            // One in sixteen pending, one in sixteen replacing a pending one.
            if i % 16 == 7 {
                obj.insert("pending".into(), Value::Bool(true));
            }
            if i % 16 == 9 {
                obj.insert(
                    "_pendingTransaction".into(),
                    Value::String(format!("pending{i:032}")),
                );
            }
            t
        })
        .collect();
    let body = serde_json::json!({
        "access_token": format!("test_bulk_{n}"),
        "accounts": accounts(),
        "transactions": transactions,
    });
    serde_json::to_vec_pretty(&body).unwrap_or_default()
}

/// Sends `request` to the sandbox on a fresh connection (`Connection: close`)
/// and returns the status and body. Enough HTTP/1.1 for the sandbox.
fn fetch(addr: SocketAddr, request: &HttpRequest) -> (u16, Vec<u8>) {
    let mut stream = TcpStream::connect(addr).expect("connect to the sandbox");
    let path = request
        .uri()
        .path_and_query()
        .map_or("/", http::uri::PathAndQuery::as_str);
    let mut head = format!(
        "{} {} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n",
        request.method(),
        path,
        request.body().len()
    );
    for (name, value) in request.headers() {
        head.push_str(&format!(
            "{name}: {}\r\n",
            value.to_str().unwrap_or_default()
        ));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).expect("write");
    stream.write_all(request.body()).expect("write");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read");
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a response head");
    let status = std::str::from_utf8(&raw[9..12])
        .ok()
        .and_then(|s| s.parse().ok())
        .expect("a status");
    (status, raw[split + 4..].to_vec())
}

/// Small bodies, fetched once from an embedded sandbox.
struct Bodies {
    balance: Vec<u8>,
    auth: Vec<u8>,
    info: Vec<u8>,
    income: Vec<u8>,
    mfa_questions: Vec<u8>,
    mfa_selections: Vec<u8>,
    error_locked: Vec<u8>,
}

fn bodies() -> &'static Bodies {
    static BODIES: OnceLock<Bodies> = OnceLock::new();
    BODIES.get_or_init(|| {
        let sandbox = plaid_sandbox::Sandbox::bind_with(([127, 0, 0, 1], 0).into(), false)
            .expect("start the sandbox");
        let config = Config::sandbox(sandbox.url()).expect("config");
        let client = client(config).with_access_token("test_bofa");
        let get = |request: Result<HttpRequest, plaid_core::Error>, want: u16| {
            let (status, body) = fetch(sandbox.addr(), &request.expect("request"));
            assert_eq!(status, want, "{}", String::from_utf8_lossy(&body));
            body
        };
        Bodies {
            balance: get(client.balance().to_request(), 200),
            auth: get(client.auth_get().to_request(), 200),
            info: get(client.info_get().to_request(), 200),
            income: get(client.income_get().to_request(), 200),
            mfa_questions: get(
                client
                    .connect("bofa", Login::new("plaid_test", "plaid_good"))
                    .to_request(),
                201,
            ),
            mfa_selections: get(
                client
                    .connect("citi", Login::new("plaid_selections", "plaid_good"))
                    .to_request(),
                201,
            ),
            error_locked: get(
                client
                    .connect("wells", Login::new("plaid_test", "plaid_locked"))
                    .to_request(),
                402,
            ),
        }
    })
}

fn connect_bodies(n: u32) -> &'static [u8] {
    static SMALL: OnceLock<Vec<u8>> = OnceLock::new();
    static MEDIUM: OnceLock<Vec<u8>> = OnceLock::new();
    static LARGE: OnceLock<Vec<u8>> = OnceLock::new();
    let cell = match n {
        100 => &SMALL,
        10_000 => &MEDIUM,
        _ => &LARGE,
    };
    cell.get_or_init(|| connect_body(n))
}

fn response(status: u16, body: &[u8]) -> HttpResponse {
    let mut response = Response::new(body.to_vec());
    *response.status_mut() = http::StatusCode::from_u16(status).expect("status");
    response
        .headers_mut()
        .insert("content-type", "application/json".parse().expect("header"));
    response
}

// ---------------------------------------------------------------------------
// Plain structs (the typed baseline), shared with plaid-bench.

#[path = "support/plain.rs"]
mod plain;
use plain::*;

// ---------------------------------------------------------------------------
// Parse benchmarks.

/// The three variants of one parse benchmark on the same bytes.
fn parse3<E: Endpoint, P: for<'de> Deserialize<'de>>(
    bencher: Bencher<'_, '_>,
    variant: &str,
    status: u16,
    body: &'static [u8],
) {
    let bencher = bencher.counter(BytesCount::of_slice(body));
    match variant {
        "plaid_core" => bencher
            .with_inputs(|| response(status, body))
            .bench_local_values(|response| {
                // An error response parses to `Err`; both are the output.
                E::parse_response(response)
            }),
        "serde_typed" => {
            bencher.bench_local(|| serde_json::from_slice::<P>(divan::black_box(body)))
        }
        _ => bencher.bench_local(|| serde_json::from_slice::<Value>(divan::black_box(body))),
    }
}

const VARIANTS: &[&str] = &["plaid_core", "serde_typed", "serde_value"];

mod parse {
    use super::*;

    /// `/connect/get` with 100 transactions.
    #[divan::bench(args = VARIANTS, max_time = 1)]
    fn connect_get_100(bencher: Bencher<'_, '_>, variant: &str) {
        parse3::<Get<Connect>, PlainConnect>(bencher, variant, 200, connect_bodies(100));
    }

    /// `/connect/get` with 10,000 transactions.
    #[divan::bench(args = VARIANTS, max_time = 3, sample_size = 1)]
    fn connect_get_10000(bencher: Bencher<'_, '_>, variant: &str) {
        parse3::<Get<Connect>, PlainConnect>(bencher, variant, 200, connect_bodies(10_000));
    }

    /// `/connect/get` with 100,000 transactions.
    #[divan::bench(args = VARIANTS, max_time = 4, sample_count = 10, sample_size = 1)]
    fn connect_get_100000(bencher: Bencher<'_, '_>, variant: &str) {
        parse3::<Get<Connect>, PlainConnect>(bencher, variant, 200, connect_bodies(100_000));
    }

    /// `/balance`.
    #[divan::bench(args = VARIANTS, max_time = 0.5)]
    fn balance(bencher: Bencher<'_, '_>, variant: &str) {
        parse3::<Balance, PlainAccounts>(bencher, variant, 200, &bodies().balance);
    }

    /// `/auth/get` (accounts with numbers).
    #[divan::bench(args = VARIANTS, max_time = 0.5)]
    fn accounts_auth(bencher: Bencher<'_, '_>, variant: &str) {
        parse3::<Get<Auth>, PlainAccounts>(bencher, variant, 200, &bodies().auth);
    }

    /// `/info/get`.
    #[divan::bench(args = VARIANTS, max_time = 0.5)]
    fn info(bencher: Bencher<'_, '_>, variant: &str) {
        parse3::<Get<InfoProduct>, PlainInfo>(bencher, variant, 200, &bodies().info);
    }

    /// `/income/get`.
    #[divan::bench(args = VARIANTS, max_time = 0.5)]
    fn income(bencher: Bencher<'_, '_>, variant: &str) {
        parse3::<Get<IncomeProduct>, PlainIncome>(bencher, variant, 200, &bodies().income);
    }

    /// A 201 `questions` challenge.
    #[divan::bench(args = VARIANTS, max_time = 0.5)]
    fn mfa_questions(bencher: Bencher<'_, '_>, variant: &str) {
        parse3::<Add<Connect>, PlainChallenge<Vec<PlainQuestion>>>(
            bencher,
            variant,
            201,
            &bodies().mfa_questions,
        );
    }

    /// A 201 `selections` challenge.
    #[divan::bench(args = VARIANTS, max_time = 0.5)]
    fn mfa_selections(bencher: Bencher<'_, '_>, variant: &str) {
        parse3::<Add<Connect>, PlainChallenge<Vec<PlainSelection>>>(
            bencher,
            variant,
            201,
            &bodies().mfa_selections,
        );
    }

    /// A 402/1205 error body.
    #[divan::bench(args = VARIANTS, max_time = 0.5)]
    fn error_402(bencher: Bencher<'_, '_>, variant: &str) {
        parse3::<Add<Connect>, PlainError>(bencher, variant, 402, &bodies().error_locked);
    }
}

// ---------------------------------------------------------------------------
// Request building: `Call::to_request` on a client whose transport is never
// used, one benchmark per kind of request.

type NoTransport = fn(HttpRequest) -> Result<HttpResponse, TransportError>;

fn never(_: HttpRequest) -> Result<HttpResponse, TransportError> {
    Err(TransportError::from_kind(
        plaid_core::TransportErrorKind::Other,
    ))
}

fn client(config: Config) -> Client<NoTransport> {
    Client::new(config, never as NoTransport)
}

fn bench_client() -> &'static Client<NoTransport> {
    static CLIENT: OnceLock<Client<NoTransport>> = OnceLock::new();
    CLIENT.get_or_init(|| {
        client(Config::sandbox("http://127.0.0.1:8080").expect("config"))
            .with_access_token("test_bofa")
    })
}

mod build {
    use super::*;
    use plaid_core::legacy::endpoints::SearchQuery;
    use plaid_core::legacy::models::{Date, Product};

    #[divan::bench(max_time = 0.3)]
    fn balance() -> Result<HttpRequest, plaid_core::Error> {
        bench_client().balance().to_request()
    }

    #[divan::bench(max_time = 0.3)]
    fn connect_add() -> Result<HttpRequest, plaid_core::Error> {
        bench_client()
            .connect(
                "wells",
                divan::black_box(Login::new("plaid_test", "plaid_good")),
            )
            .to_request()
    }

    #[divan::bench(max_time = 0.3)]
    fn connect_step_answer() -> Result<HttpRequest, plaid_core::Error> {
        bench_client()
            .connect_step(MfaAnswer::answer("tomato"))
            .to_request()
    }

    #[divan::bench(max_time = 0.3)]
    fn connect_step_selections() -> Result<HttpRequest, plaid_core::Error> {
        bench_client()
            .connect_step(MfaAnswer::selections(["tomato", "ketchup"]))
            .to_request()
    }

    #[divan::bench(max_time = 0.3)]
    fn connect_update() -> Result<HttpRequest, plaid_core::Error> {
        bench_client()
            .connect_update(Login::new("plaid_test", "plaid_good"))
            .to_request()
    }

    #[divan::bench(max_time = 0.3)]
    fn connect_get() -> Result<HttpRequest, plaid_core::Error> {
        bench_client().connect_get().to_request()
    }

    #[divan::bench(max_time = 0.3)]
    fn connect_get_with_options() -> Result<HttpRequest, plaid_core::Error> {
        let gte = Date::new(2014, 6, 1).unwrap_or_else(|| unreachable!());
        bench_client()
            .connect_get_with_options(GetOptions::new().pending(true).gte(gte))
            .to_request()
    }

    #[divan::bench(max_time = 0.3)]
    fn connect_delete() -> Result<HttpRequest, plaid_core::Error> {
        bench_client().connect_delete().to_request()
    }

    #[divan::bench(max_time = 0.3)]
    fn auth_get() -> Result<HttpRequest, plaid_core::Error> {
        bench_client().auth_get().to_request()
    }

    #[divan::bench(max_time = 0.3)]
    fn info_get() -> Result<HttpRequest, plaid_core::Error> {
        bench_client().info_get().to_request()
    }

    #[divan::bench(max_time = 0.3)]
    fn upgrade() -> Result<HttpRequest, plaid_core::Error> {
        bench_client().upgrade(Product::Info).to_request()
    }

    #[divan::bench(max_time = 0.3)]
    fn exchange_token() -> Result<HttpRequest, plaid_core::Error> {
        bench_client()
            .exchange_token("test,chase,connected")
            .to_request()
    }

    #[divan::bench(max_time = 0.3)]
    fn institutions() -> Result<HttpRequest, plaid_core::Error> {
        bench_client().institutions().to_request()
    }

    #[divan::bench(max_time = 0.3)]
    fn institution_by_id() -> Result<HttpRequest, plaid_core::Error> {
        bench_client()
            .institution("5301a93ac140de84910000e0")
            .to_request()
    }

    #[divan::bench(max_time = 0.3)]
    fn institution_search() -> Result<HttpRequest, plaid_core::Error> {
        bench_client()
            .institution_search(SearchQuery::name("wells").product(Product::Connect))
            .to_request()
    }

    #[divan::bench(max_time = 0.3)]
    fn categories() -> Result<HttpRequest, plaid_core::Error> {
        bench_client().categories().to_request()
    }
}

// ---------------------------------------------------------------------------
// The whole client path (`client.balance().send()`: build, the retry
// driver, the transport call, parse) on an in-memory transport that answers
// the sandbox's balance body, beside the raw equivalent (the same canned
// response, decoded with serde into plain structs). The difference is the
// wrapper's CPU cost per call, without any network noise.

fn canned_balance(_: HttpRequest) -> Result<HttpResponse, TransportError> {
    Ok(response(200, &bodies().balance))
}

fn canned_client() -> &'static Client<NoTransport> {
    static CLIENT: OnceLock<Client<NoTransport>> = OnceLock::new();
    CLIENT.get_or_init(|| {
        Client::new(
            Config::sandbox("http://127.0.0.1:8080").expect("config"),
            canned_balance as NoTransport,
        )
        .with_access_token("test_bofa")
    })
}

mod call {
    use super::*;

    /// `client.balance().send()` with the default retry policy.
    #[divan::bench(max_time = 0.5)]
    fn balance_send_default_retry() -> Result<models::BalanceResponse, plaid_core::Error> {
        canned_client().balance().send()
    }

    /// The same with retries disabled for the call.
    #[divan::bench(max_time = 0.5)]
    fn balance_send_retry_disabled() -> Result<models::BalanceResponse, plaid_core::Error> {
        canned_client()
            .balance()
            .retry(RetryPolicy::disabled())
            .send()
    }

    /// The raw equivalent: the same canned response, plain typed decode.
    #[divan::bench(max_time = 0.5)]
    fn balance_raw_equivalent() -> Option<PlainAccounts> {
        let response = canned_balance(http::Request::new(Vec::new())).ok()?;
        serde_json::from_slice(response.body()).ok()
    }
}

// ---------------------------------------------------------------------------
// A proposed change, measured here: decode an MFA challenge's `mfa` as a
// `Box<RawValue>` and then straight into the type its `type` names, instead
// of through a `serde_json::Value` tree and `from_value` (what
// plaid-core/src/models/mfa.rs does today).

mod proposal {
    use super::*;
    use serde_json::value::RawValue;

    #[derive(Deserialize)]
    #[allow(dead_code)]
    struct RawChallenge {
        #[serde(rename = "type")]
        kind: String,
        mfa: Option<Box<RawValue>>,
        access_token: String,
    }

    #[allow(dead_code)]
    enum Mfa {
        Questions(Vec<PlainQuestion>),
        Selections(Vec<PlainSelection>),
        Other(Option<Box<RawValue>>),
    }

    fn parse(body: &[u8]) -> Result<(Mfa, String), serde_json::Error> {
        let raw: RawChallenge = serde_json::from_slice(body)?;
        let text = raw.mfa.as_deref().map_or("null", RawValue::get);
        let mfa = match raw.kind.as_str() {
            "questions" => Mfa::Questions(serde_json::from_str(text)?),
            "selections" => Mfa::Selections(serde_json::from_str(text)?),
            _ => Mfa::Other(raw.mfa),
        };
        Ok((mfa, raw.access_token))
    }

    /// The selections challenge, proposed decode.
    #[divan::bench(max_time = 0.5)]
    fn mfa_selections_rawvalue(bencher: Bencher<'_, '_>) {
        let body: &[u8] = &bodies().mfa_selections;
        bencher
            .counter(BytesCount::of_slice(body))
            .bench_local(|| parse(divan::black_box(body)));
    }

    /// The questions challenge, proposed decode.
    #[divan::bench(max_time = 0.5)]
    fn mfa_questions_rawvalue(bencher: Bencher<'_, '_>) {
        let body: &[u8] = &bodies().mfa_questions;
        bencher
            .counter(BytesCount::of_slice(body))
            .bench_local(|| parse(divan::black_box(body)));
    }
}

/// Makes sure every body parses with every variant before timing anything
/// (a bench that measures an error path by accident is worthless).
fn sanity_check_bodies() {
    fn ok<T>(what: &str, result: Result<T, plaid_core::Error>) -> T {
        result.unwrap_or_else(|error| panic!("{what}: {error}"))
    }
    let b = bodies();
    for n in [100, 10_000] {
        let body = connect_bodies(n);
        let parsed = ok(
            "connect",
            Get::<Connect>::parse_response(response(200, body)),
        );
        let txns = parsed.transactions.unwrap_or_default();
        assert_eq!(txns.len(), n as usize);
        assert!(txns.iter().any(|t| t.category.is_none()));
        assert!(serde_json::from_slice::<PlainConnect>(body).is_ok());
    }
    ok(
        "balance",
        Balance::parse_response(response(200, &b.balance)),
    );
    ok("auth", Get::<Auth>::parse_response(response(200, &b.auth)));
    ok(
        "info",
        Get::<InfoProduct>::parse_response(response(200, &b.info)),
    );
    ok(
        "income",
        Get::<IncomeProduct>::parse_response(response(200, &b.income)),
    );
    for body in [&b.mfa_questions, &b.mfa_selections] {
        let outcome = ok("mfa", Add::<Connect>::parse_response(response(201, body)));
        assert!(matches!(outcome, models::Outcome::MfaRequired(_)));
    }
    assert!(serde_json::from_slice::<PlainChallenge<Vec<PlainQuestion>>>(&b.mfa_questions).is_ok());
    assert!(
        serde_json::from_slice::<PlainChallenge<Vec<PlainSelection>>>(&b.mfa_selections).is_ok()
    );
    let error =
        Add::<Connect>::parse_response(response(402, &b.error_locked)).expect_err("an error");
    assert!(error.is_api());
    assert!(serde_json::from_slice::<PlainError>(&b.error_locked).is_ok());
    for body in [&b.balance, &b.auth, &b.info, &b.income] {
        assert!(serde_json::from_slice::<PlainAccounts>(body).is_ok());
    }
    assert!(serde_json::from_slice::<PlainInfo>(&b.info).is_ok());
    assert!(serde_json::from_slice::<PlainIncome>(&b.income).is_ok());
}
