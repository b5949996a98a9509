//! End-to-end benchmark of plaid-rs: `cargo run --release -p plaid-bench`.
//!
//! Starts an embedded `plaid-sandbox` on loopback (request recording off)
//! and, for each backend (ureq, reqwest, hyper), measures requests/s and
//! p50/p99 latency of a small call (`balance` on `test_bofa`) and a large call
//! (`connect_get` on `test_bulk_10000`, 10,000 transactions), sequential and,
//! for the async backends, with 16 calls in flight. Beside each one runs a
//! raw baseline: the same HTTP request sent with the same underlying client
//! (ureq agent / reqwest client / hyper-util client with the same settings
//! and connection reuse), decoded with serde_json into plain structs. The
//! wrapper's overhead is the ratio of the two.
//!
//! It also measures the sandbox alone (a minimal keep-alive client on std
//! sockets that decodes nothing) and the sandbox's share of the CPU in
//! every measurement, and drives the official python client
//! (`bench/python_peer.py`, `plaid-python-legacy==1.5.1`) through the same
//! flows against the same sandbox, once sequentially and once with
//! `--concurrency` threads, and records the python process's CPU time per
//! call.
//!
//! Rounds are interleaved (every case once per round, wrapper and raw side by
//! side) and the median of the rounds is reported. Options:
//! `--rounds N` (10, large call and python), `--small-rounds N` (24),
//! `--small-secs S` (0.2), `--large-secs S` (0.5),
//! `--concurrency N` (16), `--no-python`, `--only BACKEND[,..]`, `--diag`
//! (ablations of the hyper wrapper), `--aa` (raw against raw: the noise floor). The python interpreter is
//! `$PLAID_BENCH_PYTHON`, else the peer test's venv (`target/peer-venv`),
//! else a venv created once under `target/bench-venv`.

// The typed baseline is the one plaid-core's benches use, so both measure
// against the same structs.
#[path = "../../plaid-core/benches/support/plain.rs"]
mod plain;

use std::future::Future;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use bytes::Bytes;
use plaid_core::{Config, DEFAULT_TIMEOUT};
use plaid_hyper::http_body_util::{BodyExt, Full, Limited};
use plaid_hyper::hyper_util::client::legacy::{self, connect::HttpConnector};
use plaid_hyper::hyper_util::rt::{TokioExecutor, TokioTimer};
use tokio::runtime::Runtime;

const SMALL_TOKEN: &str = "test_bofa";
const LARGE_N: usize = 10_000;
const LARGE_TOKEN: &str = "test_bulk_10000";
const BODY_LIMIT: u64 = plaid_core::transport::DEFAULT_BODY_LIMIT;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum CallKind {
    Small,
    Large,
}

impl CallKind {
    /// The sandbox access token the call uses.
    fn token(self) -> &'static str {
        match self {
            CallKind::Small => SMALL_TOKEN,
            CallKind::Large => LARGE_TOKEN,
        }
    }

    fn label(self) -> &'static str {
        match self {
            CallKind::Small => "balance",
            CallKind::Large => "connect_get 10k",
        }
    }
}

struct Opts {
    rounds: usize,
    small_rounds: usize,
    small: Duration,
    large: Duration,
    concurrency: usize,
    python: bool,
    only: Vec<String>,
    diag: bool,
    aa: bool,
    calls: Vec<CallKind>,
}

impl Opts {
    fn parse() -> Opts {
        let mut opts = Opts {
            rounds: 10,
            small_rounds: 24,
            small: Duration::from_secs_f64(0.2),
            large: Duration::from_secs_f64(0.5),
            concurrency: 16,
            python: true,
            only: Vec::new(),
            diag: false,
            aa: false,
            calls: vec![CallKind::Small, CallKind::Large],
        };
        let mut args = std::env::args().skip(1);
        while let Some(arg) = args.next() {
            let value = |args: &mut std::iter::Skip<std::env::Args>| -> f64 {
                args.next().and_then(|v| v.parse().ok()).unwrap_or_else(|| {
                    eprintln!("plaid-bench: {arg} needs a number\n\n{USAGE}");
                    std::process::exit(2)
                })
            };
            match arg.as_str() {
                "--rounds" => opts.rounds = value(&mut args) as usize,
                "--small-rounds" => opts.small_rounds = value(&mut args) as usize,
                "--small-secs" => opts.small = Duration::from_secs_f64(value(&mut args)),
                "--large-secs" => opts.large = Duration::from_secs_f64(value(&mut args)),
                "--concurrency" => opts.concurrency = value(&mut args) as usize,
                "--no-python" => opts.python = false,
                "--diag" => opts.diag = true,
                "--aa" => opts.aa = true,
                "--calls" => {
                    opts.calls = match args.next().as_deref() {
                        Some("small") => vec![CallKind::Small],
                        Some("large") => vec![CallKind::Large],
                        Some("both") => vec![CallKind::Small, CallKind::Large],
                        _ => {
                            eprintln!("plaid-bench: --calls needs small, large or both\n\n{USAGE}");
                            std::process::exit(2)
                        }
                    }
                }
                "--only" => opts.only.extend(
                    args.next()
                        .unwrap_or_default()
                        .split(',')
                        .map(str::to_owned),
                ),
                "--help" | "-h" => {
                    println!("{USAGE}");
                    std::process::exit(0);
                }
                other => {
                    eprintln!("plaid-bench: unknown option {other}\n\n{USAGE}");
                    std::process::exit(2);
                }
            }
        }
        opts
    }

    fn rounds_of(&self, call: CallKind) -> usize {
        match call {
            CallKind::Small => self.small_rounds,
            CallKind::Large => self.rounds,
        }
    }

    fn duration(&self, call: CallKind) -> Duration {
        match call {
            CallKind::Small => self.small,
            CallKind::Large => self.large,
        }
    }
}

// ---------------------------------------------------------------------------
// CPU accounting from /proc (Linux): the sandbox's connection threads versus
// the whole process.

/// utime + stime, in clock ticks, from a `/proc/.../stat` line.
fn ticks(stat: &str) -> u64 {
    let after = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after.split_whitespace().collect();
    // Fields after the comm: state is [0], utime is [11], stime is [12].
    let get = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0)
    };
    get(11) + get(12)
}

/// CPU time (ns, from `/proc/self/task/*/schedstat`) of the threads alive
/// now: the sandbox's connection threads and every other thread (the client).
#[derive(Clone, Copy, Default)]
struct Cpu {
    sandbox: u64,
    client: u64,
}

fn cpu_snapshot() -> Cpu {
    let mut cpu = Cpu::default();
    if let Ok(tasks) = std::fs::read_dir("/proc/self/task") {
        for task in tasks.flatten() {
            let comm = std::fs::read_to_string(task.path().join("comm")).unwrap_or_default();
            let ns = std::fs::read_to_string(task.path().join("schedstat"))
                .ok()
                .and_then(|s| {
                    s.split_whitespace()
                        .next()
                        .and_then(|v| v.parse::<u64>().ok())
                })
                .unwrap_or(0);
            if comm.starts_with("plaid-sandbox") {
                cpu.sandbox += ns;
            } else {
                cpu.client += ns;
            }
        }
    }
    cpu
}

/// The whole process's CPU ticks (exited threads included).
fn process_ticks() -> u64 {
    std::fs::read_to_string("/proc/self/stat")
        .map(|s| ticks(&s))
        .unwrap_or(0)
}

// ---------------------------------------------------------------------------
// Samples.

/// One round of one case.
struct Sample {
    calls: usize,
    elapsed: Duration,
    latencies: Vec<Duration>,
    /// Sandbox and client CPU time (ns) during the round.
    cpu: (u64, u64),
}

impl Sample {
    /// The sample of a round that started at `start` with the CPU counters
    /// at `cpu0` and has just ended: wall time and CPU are read now.
    fn ended(cpu0: Cpu, start: Instant, latencies: Vec<Duration>) -> Sample {
        let elapsed = start.elapsed();
        let cpu1 = cpu_snapshot();
        Sample {
            calls: latencies.len(),
            elapsed,
            latencies,
            cpu: (
                cpu1.sandbox.saturating_sub(cpu0.sandbox),
                cpu1.client.saturating_sub(cpu0.client),
            ),
        }
    }

    fn rps(&self) -> f64 {
        self.calls as f64 / self.elapsed.as_secs_f64()
    }
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    match values.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => values[n / 2],
        n => (values[n / 2 - 1] + values[n / 2]) / 2.0,
    }
}

/// Summary of every round of a case: median req/s over rounds, p50/p99 over
/// every call of every round, the sandbox's share of the process CPU.
#[derive(Clone, Copy)]
struct Summary {
    rps: f64,
    p50_ms: f64,
    p99_ms: f64,
    sandbox_share: f64,
    /// Median over rounds of the client's CPU time per call, µs.
    client_us: f64,
    /// Median over rounds of the sandbox's CPU time per call, µs.
    sandbox_us: f64,
    calls: usize,
}

fn summarise(samples: &[Sample]) -> Summary {
    let rps = median(samples.iter().map(Sample::rps).collect());
    let mut all: Vec<f64> = samples
        .iter()
        .flat_map(|s| s.latencies.iter().map(|d| d.as_secs_f64() * 1e3))
        .collect();
    all.sort_by(f64::total_cmp);
    let pct = |p: f64| -> f64 {
        if all.is_empty() {
            return f64::NAN;
        }
        let rank = ((p * all.len() as f64).ceil() as usize).clamp(1, all.len());
        all[rank - 1]
    };
    let (sandbox, client) = samples
        .iter()
        .fold((0, 0), |acc, s| (acc.0 + s.cpu.0, acc.1 + s.cpu.1));
    let per_call = |f: fn(&Sample) -> u64| {
        median(
            samples
                .iter()
                .map(|s| f(s) as f64 / 1e3 / s.calls.max(1) as f64)
                .collect(),
        )
    };
    Summary {
        rps,
        p50_ms: pct(0.50),
        p99_ms: pct(0.99),
        sandbox_share: if sandbox + client == 0 {
            f64::NAN
        } else {
            sandbox as f64 / (sandbox + client) as f64
        },
        client_us: per_call(|s| s.cpu.1),
        sandbox_us: per_call(|s| s.cpu.0),
        calls: all.len(),
    }
}

fn run_sync(duration: Duration, mut call: impl FnMut()) -> Sample {
    let cpu0 = cpu_snapshot();
    let start = Instant::now();
    let deadline = start + duration;
    let mut latencies = Vec::with_capacity(4096);
    while Instant::now() < deadline {
        let t = Instant::now();
        call();
        latencies.push(t.elapsed());
    }
    Sample::ended(cpu0, start, latencies)
}

/// One client thread's call loop body.
type BoxedCall = Box<dyn FnMut() + Send>;

fn run_threads(duration: Duration, threads: usize, make: impl Fn() -> BoxedCall) -> Sample {
    let cpu0 = cpu_snapshot();
    let start = Instant::now();
    let deadline = start + duration;
    // The calls (and their connections) are kept until after the CPU
    // snapshot, so the sandbox threads serving them are still there to read.
    let (latencies, calls): (Vec<Duration>, Vec<BoxedCall>) = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                let mut call = make();
                scope.spawn(move || {
                    let mut latencies = Vec::with_capacity(4096);
                    while Instant::now() < deadline {
                        let t = Instant::now();
                        call();
                        latencies.push(t.elapsed());
                    }
                    (latencies, call)
                })
            })
            .collect();
        let mut all = Vec::new();
        let mut calls = Vec::new();
        for handle in handles {
            let (latencies, call) = handle.join().expect("a client thread panicked");
            all.extend(latencies);
            calls.push(call);
        }
        (all, calls)
    });
    let sample = Sample::ended(cpu0, start, latencies);
    drop(calls);
    sample
}

fn run_async<F, Fut>(rt: &Runtime, duration: Duration, concurrency: usize, call: F) -> Sample
where
    F: Fn() -> Fut + Clone + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let cpu0 = cpu_snapshot();
    let start = Instant::now();
    let deadline = start + duration;
    let latencies = rt.block_on(async move {
        let handles: Vec<_> = (0..concurrency)
            .map(|_| {
                let call = call.clone();
                tokio::spawn(async move {
                    let mut latencies = Vec::with_capacity(4096);
                    while Instant::now() < deadline {
                        let t = Instant::now();
                        call().await;
                        latencies.push(t.elapsed());
                    }
                    latencies
                })
            })
            .collect();
        let mut all = Vec::new();
        for handle in handles {
            all.extend(handle.await.expect("a client task panicked"));
        }
        all
    });
    Sample::ended(cpu0, start, latencies)
}

// ---------------------------------------------------------------------------
// The exact requests plaid-core sends, for the raw baselines.

struct Wire {
    url: String,
    body: Bytes,
    user_agent: String,
}

fn wire(config: &Config, call: CallKind) -> Wire {
    let client = plaid_core::Client::new(config.clone(), ()).with_access_token(call.token());
    let request = match call {
        CallKind::Small => client.balance().to_request(),
        CallKind::Large => client.connect_get().to_request(),
    }
    .expect("request");
    assert_eq!(request.method(), "POST");
    Wire {
        url: request.uri().to_string(),
        body: Bytes::from(request.body().clone()),
        user_agent: request.headers()["user-agent"]
            .to_str()
            .expect("ascii")
            .to_owned(),
    }
}

const FORM: &str = "application/x-www-form-urlencoded";
const JSON: &str = "application/json";

/// What both sides check on every call (cheap, equal on both sides).
fn check_small(accounts: usize) {
    assert!(accounts > 0, "no accounts");
}

fn check_large(transactions: usize) {
    assert_eq!(transactions, LARGE_N, "wrong transaction count");
}

fn decode_raw(call: CallKind, body: &[u8]) {
    match call {
        CallKind::Small => {
            let parsed: plain::PlainAccounts = serde_json::from_slice(body).expect("decode");
            check_small(parsed.accounts.len());
            std::hint::black_box(parsed);
        }
        CallKind::Large => {
            let parsed: plain::PlainConnect = serde_json::from_slice(body).expect("decode");
            check_large(parsed.transactions.as_ref().map_or(0, Vec::len));
            std::hint::black_box(parsed);
        }
    }
}

// ---------------------------------------------------------------------------
// Cases.

/// Sequential async calls run on a current-thread runtime (one client task,
/// its connection task on the same thread: the least scheduling noise);
/// concurrent ones on a multi-thread runtime with one worker per CPU.
struct Runtimes {
    single: Runtime,
    multi: Runtime,
}

impl Runtimes {
    fn new() -> Runtimes {
        Runtimes {
            single: tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("tokio runtime"),
            multi: tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()
                .expect("tokio runtime"),
        }
    }

    fn for_concurrency(&self, concurrency: usize) -> &Runtime {
        if concurrency == 1 {
            &self.single
        } else {
            &self.multi
        }
    }
}

type Runner<'a> = Box<dyn FnMut(Duration) -> Sample + 'a>;

struct Case<'a> {
    backend: &'static str,
    wrapper: bool,
    call: CallKind,
    concurrency: usize,
    run: Runner<'a>,
    samples: Vec<Sample>,
}

/// The wrapper flags of the raw instances to build: `[false]`, or with
/// `--aa` `[true, false]` after dropping the wrapper case just pushed (an
/// A/A run: a second raw instance in the wrapper's place measures the noise
/// floor of the comparison).
fn raw_slots(opts: &Opts, cases: &mut Vec<Case<'_>>) -> Vec<bool> {
    if opts.aa {
        cases.pop();
        vec![true, false]
    } else {
        vec![false]
    }
}

fn ureq_cases<'a>(config: &Config, opts: &Opts) -> Vec<Case<'a>> {
    let mut cases = Vec::new();
    for call in [CallKind::Small, CallKind::Large] {
        let client = plaid_ureq::client(config.clone()).with_access_token(call.token());
        cases.push(Case {
            backend: "ureq",
            wrapper: true,
            call,
            concurrency: 1,
            run: Box::new(move |d| {
                run_sync(d, || match call {
                    CallKind::Small => {
                        let r = client.balance().send().expect("balance");
                        check_small(r.accounts.len());
                        std::hint::black_box(r);
                    }
                    CallKind::Large => {
                        let r = client.connect_get().send().expect("connect_get");
                        check_large(r.transactions.as_ref().map_or(0, Vec::len));
                        std::hint::black_box(r);
                    }
                })
            }),
            samples: Vec::new(),
        });
        // Raw: an agent built as UreqTransport::new builds it (same settings,
        // same resolver). With --aa, a second raw instance takes the
        // wrapper's place.
        for slot in raw_slots(opts, &mut cases) {
            let agent = plaid_ureq::agent_with_config(raw_ureq_config());
            cases.push(raw_ureq_case("ureq", slot, agent, wire(config, call), call));
        }
    }
    cases
}

/// The ureq ablation (`--diag`): what plaid-ureq's resolver saves, as raw
/// on ureq's own agent, whose resolver looks the host up on a new thread for
/// every request.
fn ureq_diag_case<'a>(config: &Config) -> Case<'a> {
    let agent = plaid_ureq::ureq::Agent::new_with_config(raw_ureq_config());
    raw_ureq_case(
        "ureq diag: raw on ureq's default resolver",
        false,
        agent,
        wire(config, CallKind::Small),
        CallKind::Small,
    )
}

/// The agent settings UreqTransport::new uses.
fn raw_ureq_config() -> plaid_ureq::ureq::config::Config {
    plaid_ureq::ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .timeout_global(Some(DEFAULT_TIMEOUT))
        .build()
}

/// A raw ureq case: the prebuilt request on `agent`, the body read with
/// the same limit, decoded with serde_json.
fn raw_ureq_case<'a>(
    backend: &'static str,
    wrapper: bool,
    agent: plaid_ureq::ureq::Agent,
    w: Wire,
    call: CallKind,
) -> Case<'a> {
    Case {
        backend,
        wrapper,
        call,
        concurrency: 1,
        run: Box::new(move |d| {
            run_sync(d, || {
                let mut response = agent
                    .post(&w.url)
                    .header("user-agent", &w.user_agent)
                    .header("accept", JSON)
                    .header("content-type", FORM)
                    .send(&w.body[..])
                    .expect("raw ureq");
                assert_eq!(response.status(), 200);
                let body = response
                    .body_mut()
                    .with_config()
                    .limit(BODY_LIMIT)
                    .read_to_vec()
                    .expect("raw ureq body");
                decode_raw(call, &body);
            })
        }),
        samples: Vec::new(),
    }
}

/// A case that runs `f` on `rt` with `concurrency` calls in flight.
fn async_case<'a, F, Fut>(
    backend: &'static str,
    wrapper: bool,
    call: CallKind,
    rt: &'a Runtime,
    concurrency: usize,
    f: F,
) -> Case<'a>
where
    F: Fn() -> Fut + Clone + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    Case {
        backend,
        wrapper,
        call,
        concurrency,
        run: Box::new(move |d| run_async(rt, d, concurrency, f.clone())),
        samples: Vec::new(),
    }
}

/// The plaid-rs case of an async backend: the same calls whatever the
/// transport, so reqwest and hyper are measured identically.
fn async_wrapper_case<'a, T>(
    backend: &'static str,
    rt: &'a Runtime,
    client: plaid_core::Client<T>,
    call: CallKind,
    concurrency: usize,
) -> Case<'a>
where
    T: plaid_core::AsyncTransport + 'static,
{
    let f = move || {
        let client = client.clone();
        async move {
            match call {
                CallKind::Small => {
                    let r = client.balance().await.expect("balance");
                    check_small(r.accounts.len());
                    std::hint::black_box(r);
                }
                CallKind::Large => {
                    let r = client.connect_get().await.expect("connect_get");
                    check_large(r.transactions.as_ref().map_or(0, Vec::len));
                    std::hint::black_box(r);
                }
            }
        }
    };
    async_case(backend, true, call, rt, concurrency, f)
}

fn reqwest_cases<'a>(rts: &'a Runtimes, config: &Config, opts: &Opts) -> Vec<Case<'a>> {
    let mut cases = Vec::new();
    for concurrency in [1, opts.concurrency] {
        let rt = rts.for_concurrency(concurrency);
        for call in [CallKind::Small, CallKind::Large] {
            let client = plaid_reqwest::client(config.clone()).with_access_token(call.token());
            cases.push(async_wrapper_case("reqwest", rt, client, call, concurrency));
            // Raw: a client with the settings ReqwestTransport::new uses.
            for slot in raw_slots(opts, &mut cases) {
                let raw = plaid_reqwest::reqwest::Client::builder()
                    .redirect(plaid_reqwest::reqwest::redirect::Policy::none())
                    .timeout(DEFAULT_TIMEOUT)
                    .build()
                    .expect("reqwest client");
                let w = std::sync::Arc::new(wire(config, call));
                let f = move || {
                    let raw = raw.clone();
                    let w = std::sync::Arc::clone(&w);
                    async move {
                        let response = raw
                            .post(w.url.as_str())
                            .header("user-agent", w.user_agent.as_str())
                            .header("accept", JSON)
                            .header("content-type", FORM)
                            .body(w.body.clone())
                            .send()
                            .await
                            .expect("raw reqwest");
                        assert_eq!(response.status(), 200);
                        let body = response.bytes().await.expect("raw reqwest body");
                        decode_raw(call, &body);
                    }
                };
                cases.push(async_case("reqwest", slot, call, rt, concurrency, f));
            }
        }
    }
    cases
}

fn hyper_cases<'a>(rts: &'a Runtimes, config: &Config, opts: &Opts) -> Vec<Case<'a>> {
    let mut cases = Vec::new();
    for concurrency in [1, opts.concurrency] {
        let rt = rts.for_concurrency(concurrency);
        for call in [CallKind::Small, CallKind::Large] {
            let client = plaid_hyper::client(config.clone()).with_access_token(call.token());
            cases.push(async_wrapper_case("hyper", rt, client, call, concurrency));
            // Raw: a hyper-util client built as HyperTransport::new builds it,
            // with the same timeout and body limit plaid-hyper applies.
            for slot in raw_slots(opts, &mut cases) {
                let raw = raw_hyper_client();
                let w = std::sync::Arc::new(wire(config, call));
                let f = move || {
                    let raw = raw.clone();
                    let w = std::sync::Arc::clone(&w);
                    async move {
                        let body = raw_hyper_exchange(&raw, &w, true).await;
                        decode_raw(call, &body);
                    }
                };
                cases.push(async_case("hyper", slot, call, rt, concurrency, f));
            }
        }
    }
    cases
}

/// A hyper-util client built as `HyperTransport::new` builds it.
fn raw_hyper_client() -> legacy::Client<HttpConnector, Full<Bytes>> {
    legacy::Client::builder(TokioExecutor::new())
        .pool_timer(TokioTimer::new())
        .build(HttpConnector::new())
}

/// The raw hyper exchange: the prebuilt request, the whole body collected.
/// `guarded` adds what plaid-hyper applies to every exchange and a careful
/// raw user would too: `tokio::time::timeout` around it and the body read
/// through `http_body_util::Limited`.
async fn raw_hyper_exchange(
    raw: &legacy::Client<HttpConnector, Full<Bytes>>,
    w: &Wire,
    guarded: bool,
) -> Bytes {
    let request = plaid_hyper::hyper::Request::post(w.url.as_str())
        .header("user-agent", w.user_agent.as_str())
        .header("accept", JSON)
        .header("content-type", FORM)
        .body(Full::new(w.body.clone()))
        .expect("raw hyper request");
    let exchange = async {
        let response = raw.request(request).await.expect("raw hyper");
        assert_eq!(response.status(), 200);
        let body = response.into_body();
        let collected = if guarded {
            let limit = usize::try_from(BODY_LIMIT).unwrap_or(usize::MAX);
            Limited::new(body, limit)
                .collect()
                .await
                .map_err(|e| e.to_string())
        } else {
            body.collect().await.map_err(|e| e.to_string())
        };
        collected.expect("raw hyper body").to_bytes()
    };
    if guarded {
        tokio::time::timeout(DEFAULT_TIMEOUT, exchange)
            .await
            .expect("raw hyper timeout")
    } else {
        exchange.await
    }
}

/// Ablations of the hyper wrapper (`--diag`), small call: the raw baseline
/// without its timeout and body limit (what those two cost), the `Client`
/// with retries disabled, and `HyperTransport::send` +
/// `Balance::parse_response` on a prebuilt request (the transport without
/// the `Client`/`Call` layer).
fn hyper_diag_cases<'a>(rts: &'a Runtimes, config: &Config, opts: &Opts) -> Vec<Case<'a>> {
    use plaid_core::Endpoint as _;
    use plaid_core::endpoints::Balance;
    let mut cases = Vec::new();
    for concurrency in [1, opts.concurrency] {
        let rt = rts.for_concurrency(concurrency);
        let raw = raw_hyper_client();
        let w = std::sync::Arc::new(wire(config, CallKind::Small));
        let f = move || {
            let raw = raw.clone();
            let w = std::sync::Arc::clone(&w);
            async move {
                let body = raw_hyper_exchange(&raw, &w, false).await;
                decode_raw(CallKind::Small, &body);
            }
        };
        cases.push(async_case(
            "hyper diag: raw, no timeout or body limit",
            false,
            CallKind::Small,
            rt,
            concurrency,
            f,
        ));
        let client = plaid_hyper::client(config.clone()).with_access_token(SMALL_TOKEN);
        let f = move || {
            let client = client.clone();
            async move {
                let r = client
                    .balance()
                    .retry(plaid_core::RetryPolicy::disabled())
                    .await
                    .expect("balance");
                check_small(r.accounts.len());
                std::hint::black_box(r);
            }
        };
        cases.push(async_case(
            "hyper diag: Client, retries disabled",
            false,
            CallKind::Small,
            rt,
            concurrency,
            f,
        ));
        let transport = plaid_hyper::HyperTransport::new();
        let client = plaid_core::Client::new(config.clone(), ()).with_access_token(SMALL_TOKEN);
        let template = client.balance().to_request().expect("request");
        let template = std::sync::Arc::new(template);
        let f = move || {
            let transport = transport.clone();
            let template = std::sync::Arc::clone(&template);
            async move {
                let mut request = plaid_core::http::Request::new(template.body().clone());
                *request.method_mut() = template.method().clone();
                *request.uri_mut() = template.uri().clone();
                *request.headers_mut() = template.headers().clone();
                let response = plaid_core::AsyncTransport::send(&transport, request)
                    .await
                    .expect("send");
                let r = Balance::parse_response(response).expect("parse");
                check_small(r.accounts.len());
                std::hint::black_box(r);
            }
        };
        cases.push(async_case(
            "hyper diag: HyperTransport::send + parse",
            false,
            CallKind::Small,
            rt,
            concurrency,
            f,
        ));
    }
    cases
}

// ---------------------------------------------------------------------------
// The sandbox alone: a minimal keep-alive client that decodes nothing.

struct RawConn {
    stream: TcpStream,
    request: Vec<u8>,
    buf: Vec<u8>,
}

impl RawConn {
    fn new(addr: SocketAddr, w: &Wire) -> RawConn {
        let stream = TcpStream::connect(addr).expect("connect to the sandbox");
        stream.set_nodelay(true).expect("nodelay");
        let path = w.url.splitn(4, '/').nth(3).unwrap_or_default();
        let mut request = format!(
            "POST /{path} HTTP/1.1\r\nHost: {addr}\r\nUser-Agent: {}\r\nAccept: {JSON}\r\n\
             Content-Type: {FORM}\r\nContent-Length: {}\r\n\r\n",
            w.user_agent,
            w.body.len()
        )
        .into_bytes();
        request.extend_from_slice(&w.body);
        RawConn {
            stream,
            request,
            buf: Vec::with_capacity(1 << 16),
        }
    }

    /// One request; returns the body length.
    fn call(&mut self) -> usize {
        self.stream.write_all(&self.request).expect("write");
        self.buf.clear();
        let mut chunk = [0u8; 1 << 16];
        let (head_end, length) = loop {
            let n = self.stream.read(&mut chunk).expect("read");
            assert!(n > 0, "the sandbox closed the connection");
            self.buf.extend_from_slice(&chunk[..n]);
            if let Some(end) = self.buf.windows(4).position(|w| w == b"\r\n\r\n") {
                let head = String::from_utf8_lossy(&self.buf[..end]).to_ascii_lowercase();
                let length = head
                    .lines()
                    .find_map(|l| l.strip_prefix("content-length:"))
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .expect("content-length");
                break (end + 4, length);
            }
        };
        let mut have = self.buf.len() - head_end;
        while have < length {
            let n = self.stream.read(&mut chunk).expect("read");
            assert!(n > 0, "the sandbox closed the connection");
            have += n;
        }
        length
    }
}

// ---------------------------------------------------------------------------
// Python.

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root")
        .to_path_buf()
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target"))
}

/// A python with plaid-python-legacy 1.5.1 that runs the script's `--check`.
fn python() -> Result<PathBuf, String> {
    let script = workspace_root().join("bench").join("python_peer.py");
    let works = |python: &Path| {
        Command::new(python)
            .arg(&script)
            .arg("--check")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    };
    if let Some(python) = std::env::var_os("PLAID_BENCH_PYTHON") {
        let python = PathBuf::from(python);
        return if works(&python) {
            Ok(python)
        } else {
            Err(format!("{} cannot run the python peer", python.display()))
        };
    }
    for venv in ["peer-venv", "bench-venv"] {
        let python = target_dir().join(venv).join("bin").join("python");
        if python.exists() && works(&python) {
            return Ok(python);
        }
    }
    let venv = target_dir().join("bench-venv");
    eprintln!("plaid-bench: creating {} (once)", venv.display());
    let ok = Command::new("python3")
        .args(["-m", "venv"])
        .arg(&venv)
        .status()
        .is_ok_and(|s| s.success())
        && Command::new(venv.join("bin").join("python"))
            .args([
                "-m",
                "pip",
                "install",
                "-q",
                "--disable-pip-version-check",
                "-r",
            ])
            .arg(workspace_root().join("peer").join("requirements.txt"))
            .status()
            .is_ok_and(|s| s.success());
    let python = venv.join("bin").join("python");
    if ok && works(&python) {
        Ok(python)
    } else {
        Err(
            "could not create a python venv with plaid-python-legacy==1.5.1 \
             (needs python3 with venv and PyPI)"
                .into(),
        )
    }
}

/// The python client on one call: sequential and with N threads (N being
/// `--concurrency`), each summarised over its rounds. `client_us` is the
/// python process's CPU time per call (all its threads), `sandbox_us` is not
/// measured (NaN).
struct PythonFlow {
    call: CallKind,
    sequential: Summary,
    threads: usize,
    threaded: Summary,
}

impl PythonFlow {
    /// Python CPU seconds per call: the lower of the two runs' medians.
    fn cpu_secs_per_call(&self) -> f64 {
        self.sequential.client_us.min(self.threaded.client_us) / 1e6
    }

    /// The req/s python could reach on `cpus` CPUs with any number of
    /// threads or processes if the sandbox cost nothing.
    fn ceiling(&self, cpus: usize) -> f64 {
        cpus as f64 / self.cpu_secs_per_call()
    }
}

/// The python script's name for a call.
fn python_flow(call: CallKind) -> &'static str {
    match call {
        CallKind::Small => "balance",
        CallKind::Large => "connect_get",
    }
}

/// Runs the python client's flows (those in `--calls`) twice, sequential and
/// with `--concurrency` threads; returns one entry per flow.
fn run_python(python: &Path, url: &str, opts: &Opts) -> Result<Vec<PythonFlow>, String> {
    let sequential = run_python_once(python, url, opts, 1)?;
    let threads = opts.concurrency.max(1);
    let threaded = if threads == 1 {
        sequential.clone()
    } else {
        run_python_once(python, url, opts, threads)?
    };
    // Both runs hold one entry per call in `opts.calls`, in that order.
    Ok(sequential
        .into_iter()
        .zip(threaded)
        .map(|((call, sequential), (_, threaded))| PythonFlow {
            call,
            sequential,
            threads,
            threaded,
        })
        .collect())
}

/// The shortest python round of the large call. One python call takes about
/// 70 ms alone and over a second with 16 threads, so a 0.5 s round would
/// time a burst of one call per thread rather than a steady rate.
const PYTHON_MIN_LARGE_ROUND: Duration = Duration::from_secs(2);

/// One run of `bench/python_peer.py` with `threads` threads per round;
/// returns one summary per call in `opts.calls`.
fn run_python_once(
    python: &Path,
    url: &str,
    opts: &Opts,
    threads: usize,
) -> Result<Vec<(CallKind, Summary)>, String> {
    let script = workspace_root().join("bench").join("python_peer.py");
    let flows: Vec<&str> = opts.calls.iter().map(|&c| python_flow(c)).collect();
    eprintln!("plaid-bench: python, {threads} thread(s)");
    let ticks0 = process_ticks();
    let mut child = Command::new(python)
        .arg(&script)
        .arg(url)
        .args(["--rounds", &opts.rounds.to_string()])
        .args(["--small-secs", &opts.small.as_secs_f64().to_string()])
        .args([
            "--large-secs",
            &opts
                .large
                .max(PYTHON_MIN_LARGE_ROUND)
                .as_secs_f64()
                .to_string(),
        ])
        .args(["--small-token", SMALL_TOKEN, "--large-token", LARGE_TOKEN])
        .args(["--large-count", &LARGE_N.to_string()])
        .args(["--threads", &threads.to_string()])
        .args(["--flows", &flows.join(",")])
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("spawning python: {e}"))?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let mut samples: Vec<(CallKind, Vec<Sample>)> =
        opts.calls.iter().map(|&c| (c, Vec::new())).collect();
    for line in BufReader::new(stdout).lines() {
        let line = line.map_err(|e| e.to_string())?;
        let v: serde_json::Value = serde_json::from_str(&line).map_err(|e| e.to_string())?;
        if v["threads"].as_u64() != Some(threads as u64) {
            return Err(format!("expected \"threads\": {threads} in {line}"));
        }
        let latencies: Vec<Duration> = v["latencies_ms"]
            .as_array()
            .ok_or("no latencies")?
            .iter()
            .filter_map(serde_json::Value::as_f64)
            .map(|ms| Duration::from_secs_f64(ms / 1e3))
            .collect();
        let seconds = v["seconds"].as_f64().ok_or("no seconds")?;
        let cpu_seconds = v["cpu_seconds"].as_f64().ok_or("no cpu_seconds")?;
        let sample = Sample {
            calls: latencies.len(),
            elapsed: Duration::from_secs_f64(seconds),
            latencies,
            // Python's own CPU in the client slot; the sandbox's share of a
            // round cannot be told apart (its threads end with each call).
            cpu: (0, (cpu_seconds * 1e9) as u64),
        };
        let flow = v["flow"].as_str().unwrap_or_default();
        match samples.iter_mut().find(|(c, _)| python_flow(*c) == flow) {
            Some((_, flow_samples)) => flow_samples.push(sample),
            None => return Err(format!("unexpected line {line}")),
        }
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if !status.success() {
        return Err(format!("python ({threads} thread(s)) exited with {status}"));
    }
    // Whatever CPU this process used while python ran was the sandbox's.
    let sandbox_secs = process_ticks().saturating_sub(ticks0) as f64 / 100.0;
    let calls: usize = samples.iter().flat_map(|(_, s)| s).map(|s| s.calls).sum();
    eprintln!(
        "plaid-bench: python run ({threads} thread(s)) used {sandbox_secs:.2} s of sandbox CPU \
         for {calls} calls (warm-up included)"
    );
    Ok(samples
        .into_iter()
        .map(|(call, s)| {
            let mut summary = summarise(&s);
            summary.sandbox_us = f64::NAN;
            summary.sandbox_share = f64::NAN;
            (call, summary)
        })
        .collect())
}

// ---------------------------------------------------------------------------

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("model name"))
                .map(|v| v.trim_start_matches([' ', '\t', ':']).to_owned())
        })
        .unwrap_or_else(|| "unknown".into())
}

const USAGE: &str = "\
usage: cargo run --release -p plaid-bench -- [options]

  --rounds N          interleaved rounds of the large call and of python (median
                      reported; default 10)
  --small-rounds N    interleaved rounds of the small call (default 24)
  --small-secs S      seconds per round of the small call (balance; default 0.2)
  --large-secs S      seconds per round of the large call (connect_get, 10k transactions;
                      python rounds last at least 2 s)
  --concurrency N     calls in flight for the concurrent async cases, and python
                      threads for the threaded python run (default 16)
  --only a,b          only these backends (ureq, reqwest, hyper)
  --calls C           small, large or both (default both; python runs the same)
  --no-python         skip the official python client (else it runs twice:
                      sequential, then with --concurrency threads)
  --diag              add the ablation cases (hyper wrapper layers, ureq resolver)
  --aa                A/A run: a second raw client in place of plaid-rs (noise floor)
  -h, --help          this text";

fn main() {
    let opts = Opts::parse();
    let sandbox = plaid_sandbox::Sandbox::bind_with(([127, 0, 0, 1], 0).into(), false)
        .expect("start the sandbox");
    let url = sandbox.url();
    let config = Config::sandbox(&url).expect("config");
    let rts = Runtimes::new();
    let started = Instant::now();

    let mut cases: Vec<Case<'_>> = Vec::new();
    cases.extend(ureq_cases(&config, &opts));
    cases.extend(reqwest_cases(&rts, &config, &opts));
    cases.extend(hyper_cases(&rts, &config, &opts));
    if opts.diag {
        cases.extend(hyper_diag_cases(&rts, &config, &opts));
        cases.push(ureq_diag_case(&config));
    }

    // The sandbox alone, with a minimal client: 1 and N connections.
    let addr = sandbox.addr();
    for call in [CallKind::Small, CallKind::Large] {
        for concurrency in [1, opts.concurrency] {
            let w = std::sync::Arc::new(wire(&config, call));
            cases.push(Case {
                backend: "sandbox alone",
                wrapper: false,
                call,
                concurrency,
                run: Box::new(move |d| {
                    let w = std::sync::Arc::clone(&w);
                    if concurrency == 1 {
                        let mut conn = RawConn::new(addr, &w);
                        run_sync(d, || {
                            std::hint::black_box(conn.call());
                        })
                    } else {
                        run_threads(d, concurrency, || {
                            let mut conn = RawConn::new(addr, &w);
                            Box::new(move || {
                                std::hint::black_box(conn.call());
                            })
                        })
                    }
                }),
                samples: Vec::new(),
            });
        }
    }

    if !opts.only.is_empty() {
        cases.retain(|c| opts.only.iter().any(|o| c.backend.starts_with(o.as_str())));
    }
    cases.retain(|c| opts.calls.contains(&c.call));
    // Warm-up: connections, pools, the sandbox's body cache.
    eprintln!("plaid-bench: warming up {} cases", cases.len());
    for case in &mut cases {
        let _ = (case.run)(Duration::from_millis(100));
    }
    let rounds = opts.rounds.max(opts.small_rounds);
    for round in 0..rounds {
        eprintln!("plaid-bench: round {}/{rounds}", round + 1);
        // Cases come in pairs (wrapper, raw) at indices (2j, 2j + 1). Both
        // members of a pair get a short unmeasured run first, so whatever
        // ran before (often a large call) only touches the warm-ups; then
        // both are measured back to back, first one first in even rounds
        // and the other first in odd rounds.
        for pair in (0..cases.len()).step_by(2) {
            let mut members: Vec<usize> = (pair..cases.len().min(pair + 2)).collect();
            if round % 2 == 1 {
                members.reverse();
            }
            members.retain(|&i| round < opts.rounds_of(cases[i].call));
            for &i in &members {
                let case = &mut cases[i];
                let _ = (case.run)(opts.duration(case.call) / 10);
            }
            for &i in &members {
                let case = &mut cases[i];
                let sample = (case.run)(opts.duration(case.call));
                case.samples.push(sample);
            }
        }
    }

    let python = if opts.python {
        eprintln!("plaid-bench: running the python client");
        python().and_then(|p| run_python(&p, &url, &opts))
    } else {
        Err("skipped (--no-python)".into())
    };
    let total = started.elapsed();
    report(&cases, &python, &opts, total);
    drop(cases);
    drop(rts);
    sandbox.shutdown();
}

fn find<'a, 'b>(
    cases: &'a [Case<'b>],
    backend: &str,
    wrapper: bool,
    call: CallKind,
    concurrency: usize,
) -> Option<&'a Case<'b>> {
    cases.iter().find(|c| {
        c.backend == backend
            && c.wrapper == wrapper
            && c.call == call
            && c.concurrency == concurrency
    })
}

/// The wrapper/raw ratio of two cases measured side by side.
///
/// In each round the two cases are warmed up and then measured back to
/// back, and which one is measured first flips from one round to the next
/// (see `main`): being first or second can still matter a little. Each pair
/// of rounds (2k, 2k+1) holds one round in each order, so the geometric
/// mean of its two ratios cancels that effect; the result is the median
/// over those pairs. An odd last round is left out of the ratio (it still
/// counts in the req/s columns).
fn paired_ratio(wrapper: &[Sample], raw: &[Sample]) -> f64 {
    let per_round: Vec<f64> = wrapper
        .iter()
        .zip(raw)
        .map(|(w, r)| w.rps() / r.rps())
        .collect();
    if per_round.len() < 2 {
        return median(per_round);
    }
    median(
        per_round
            .chunks_exact(2)
            .map(|pair| (pair[0] * pair[1]).sqrt())
            .collect(),
    )
}

fn report(
    cases: &[Case<'_>],
    python: &Result<Vec<PythonFlow>, String>,
    opts: &Opts,
    total: Duration,
) {
    let nproc = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!(
        "## plaid-bench: {}/{} rounds (small/large; median), {:.1}s/{:.1}s per round, \
         {nproc} CPUs ({}), {:.0} s in all\n",
        opts.small_rounds,
        opts.rounds,
        opts.small.as_secs_f64(),
        opts.large.as_secs_f64(),
        cpu_model(),
        total.as_secs_f64()
    );
    if opts.aa {
        println!(
            "**A/A run (--aa): the \"plaid-rs\" columns are a second raw instance; \
             the ratios show the noise floor of the comparison.**\n"
        );
    }
    println!(
        "| backend | call | in flight | plaid-rs req/s | raw req/s | plaid-rs / raw (median over pairs of rounds) | \
         plaid-rs p50 / p99 ms | raw p50 / p99 ms | client CPU µs/call plaid-rs / raw | \
         sandbox CPU µs/call, share |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    let mut overheads = Vec::new();
    for backend in ["ureq", "reqwest", "hyper"] {
        for concurrency in [1, opts.concurrency] {
            for call in [CallKind::Small, CallKind::Large] {
                let (Some(w), Some(r)) = (
                    find(cases, backend, true, call, concurrency),
                    find(cases, backend, false, call, concurrency),
                ) else {
                    continue;
                };
                let ratio = paired_ratio(&w.samples, &r.samples);
                let (w, r) = (summarise(&w.samples), summarise(&r.samples));
                if call == CallKind::Small {
                    overheads.push((backend, concurrency, ratio));
                }
                println!(
                    "| {backend} | {} | {concurrency} | {:.0} | {:.0} | {:.3} | {:.3} / {:.3} | \
                     {:.3} / {:.3} | {:.1} / {:.1} | {:.1}, {:.0}% |",
                    call.label(),
                    w.rps,
                    r.rps,
                    ratio,
                    w.p50_ms,
                    w.p99_ms,
                    r.p50_ms,
                    r.p99_ms,
                    w.client_us,
                    r.client_us,
                    w.sandbox_us,
                    w.sandbox_share * 100.0
                );
            }
        }
    }

    if cases.iter().any(|c| c.backend == "sandbox alone") {
        println!("\n### The sandbox alone (minimal keep-alive client, no decoding)\n");
        println!(
            "| call | connections | req/s | p50 / p99 ms | sandbox CPU µs/call | client CPU µs/call |"
        );
        println!("|---|---|---|---|---|---|");
    }
    for call in [CallKind::Small, CallKind::Large] {
        for concurrency in [1, opts.concurrency] {
            if let Some(c) = find(cases, "sandbox alone", false, call, concurrency) {
                let s = summarise(&c.samples);
                println!(
                    "| {} | {concurrency} | {:.0} | {:.3} / {:.3} | {:.1} | {:.1} |",
                    call.label(),
                    s.rps,
                    s.p50_ms,
                    s.p99_ms,
                    s.sandbox_us,
                    s.client_us
                );
            }
        }
    }

    if cases.iter().any(|c| c.backend.contains("diag")) {
        println!("\n### Ablations (--diag)\n");
        println!("| case | in flight | req/s | p50 / p99 ms | client CPU µs/call |");
        println!("|---|---|---|---|---|");
        for c in cases.iter().filter(|c| c.backend.contains("diag")) {
            let s = summarise(&c.samples);
            println!(
                "| {} | {} | {:.0} | {:.3} / {:.3} | {:.1} |",
                c.backend, c.concurrency, s.rps, s.p50_ms, s.p99_ms, s.client_us
            );
        }
    }

    println!(
        "\n### The official python client (plaid-python-legacy 1.5.1), same sandbox, same run\n"
    );
    let n = opts.concurrency;
    match python {
        Ok(flows) => {
            println!(
                "| call | python req/s, sequential | python req/s, {n} threads | \
                 python p50 / p99 ms, sequential | python p50 / p99 ms, {n} threads | \
                 python CPU ms/call, sequential / {n} threads | \
                 python calls timed, sequential / {n} threads | \
                 python CPU-bound ceiling req/s ({nproc} CPUs) | \
                 ureq / python, sequential | reqwest / python, sequential | \
                 hyper / python, sequential | \
                 best plaid-rs ({n} in flight) / python ({n} threads) | \
                 best plaid-rs ({n} in flight) / python ceiling |"
            );
            println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
            for p in flows {
                let (seq, par) = (&p.sequential, &p.threaded);
                let ratio = |rps: Option<f64>, of: f64| {
                    rps.map_or_else(|| "n/a".to_owned(), |rps| format!("{:.1}×", rps / of))
                };
                let best = best_concurrent(cases, p.call, n);
                let best_ratio = |of: f64| {
                    best.map_or_else(
                        || "n/a".to_owned(),
                        |(backend, rps)| format!("{:.1}× ({backend})", rps / of),
                    )
                };
                println!(
                    "| {} | {:.1} | {:.1} | {:.2} / {:.2} | {:.2} / {:.2} | {:.2} / {:.2} | \
                     {} / {} | {:.0} | {} | {} | {} | {} | {} |",
                    p.call.label(),
                    seq.rps,
                    par.rps,
                    seq.p50_ms,
                    seq.p99_ms,
                    par.p50_ms,
                    par.p99_ms,
                    seq.client_us / 1e3,
                    par.client_us / 1e3,
                    seq.calls,
                    par.calls,
                    p.ceiling(nproc),
                    ratio(sequential_rps(cases, "ureq", p.call), seq.rps),
                    ratio(sequential_rps(cases, "reqwest", p.call), seq.rps),
                    ratio(sequential_rps(cases, "hyper", p.call), seq.rps),
                    best_ratio(par.rps),
                    best_ratio(p.ceiling(nproc)),
                );
            }
            println!(
                "\nPython sequential: one call at a time; with {n} threads: {n} threads, each \
                 with its own Client, calling in a loop; every python call opens a new \
                 connection. Calls timed: over all rounds. \"/ python, sequential\" columns: the plaid-rs backend, one call \
                 in flight. \"best plaid-rs\": the highest median req/s of any backend at {n} \
                 calls in flight. Python CPU: user + system time of the python process (all \
                 threads) per call, median over rounds."
            );
            println!(
                "\nPython CPU-bound ceiling = {nproc} CPUs / python CPU seconds per call (the \
                 lower of the sequential and {n}-thread medians): the most req/s any number of \
                 python threads or processes could reach on this machine if the sandbox used \
                 no CPU."
            );
        }
        Err(why) => println!("python: {why}"),
    }

    println!("\n### Goals\n");
    for (backend, concurrency, ratio) in overheads {
        let overhead = (1.0 - ratio) * 100.0;
        println!(
            "- {backend}, balance, {concurrency} in flight: wrapper overhead {overhead:+.1}% \
             of raw req/s (goal ≤ 5%): {}",
            if overhead <= 5.0 { "met" } else { "NOT met" }
        );
    }
    if let Ok(flows) = python {
        let verdict = |ratio: f64| if ratio >= 20.0 { "met" } else { "NOT met" };
        for p in flows {
            let label = p.call.label();
            for backend in ["ureq", "reqwest", "hyper"] {
                if let Some(rps) = sequential_rps(cases, backend, p.call) {
                    let ratio = rps / p.sequential.rps;
                    println!(
                        "- {backend} vs python, {label}, sequential: {ratio:.1}× \
                         (goal ≥ 20×): {}",
                        verdict(ratio)
                    );
                }
            }
            if let Some((backend, rps)) = best_concurrent(cases, p.call, n) {
                let ratio = rps / p.threaded.rps;
                println!(
                    "- best plaid-rs ({backend}, {n} in flight) vs python with {} threads, \
                     {label}: {ratio:.1}× (goal ≥ 20×): {}",
                    p.threads,
                    verdict(ratio)
                );
                let ceiling = p.ceiling(nproc);
                let ratio = rps / ceiling;
                println!(
                    "- best plaid-rs ({backend}, {n} in flight) vs python's CPU-bound ceiling \
                     ({ceiling:.0} req/s on {nproc} CPUs), {label}: {ratio:.1}× (goal ≥ 20×): {}",
                    verdict(ratio)
                );
            }
        }
    }
}

/// Median req/s of a backend's plaid-rs case, one call in flight.
fn sequential_rps(cases: &[Case<'_>], backend: &str, call: CallKind) -> Option<f64> {
    find(cases, backend, true, call, 1).map(|c| summarise(&c.samples).rps)
}

/// The plaid-rs case with the highest median req/s at `concurrency` calls in
/// flight: its backend and req/s.
fn best_concurrent(
    cases: &[Case<'_>],
    call: CallKind,
    concurrency: usize,
) -> Option<(&'static str, f64)> {
    cases
        .iter()
        .filter(|c| c.wrapper && c.call == call && c.concurrency == concurrency)
        .map(|c| (c.backend, summarise(&c.samples).rps))
        .max_by(|a, b| a.1.total_cmp(&b.1))
}
