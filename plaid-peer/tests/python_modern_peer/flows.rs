//! The python side: running `peer/modern_flows.py` and reading what it
//! logged, then pairing each logged call with the request the sandbox
//! recorded for it.
//!
//! [`paired_calls`] is the entry point for comparing python's requests with
//! the ones plaid-rs builds: it gives every call of the official client with
//! the request the sandbox received for it, in call order.

use std::path::Path;
use std::time::{Duration, Instant};

use plaid_peer::{command, paths};
use plaid_sandbox::RecordedRequest;
use serde_json::Value;

/// How long the python script may run (it normally takes about a second).
const SCRIPT_TIMEOUT: Duration = Duration::from_secs(180);

/// Who sent a call's request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Via {
    /// The official client (`PlaidApi.<call>`).
    Client,
    /// A raw urllib request, for what the client cannot send.
    Raw,
}

/// One call of the python script (one JSON line). It holds no secret: the
/// script logs no keys or tokens.
#[derive(Debug, Clone)]
pub(crate) struct ModernCall {
    /// The call's unique id in the script (`"accounts_get filtered"`).
    pub(crate) id: String,
    /// The flow it belongs to.
    pub(crate) flow: String,
    /// The `PlaidApi` method (`"accounts_get"`), or `"raw"`.
    pub(crate) call: String,
    /// Who sent it.
    pub(crate) via: Via,
    /// The name of the key set the request carried (`"sandbox"`,
    /// `"wrong_secret"`; `"none"` for a raw request without keys): the
    /// script's `KEYS`, never the keys.
    pub(crate) keys: String,
    /// The HTTP method and path python sent.
    pub(crate) method: String,
    pub(crate) path: String,
    /// The status and `error_code` it got.
    pub(crate) status: u16,
    pub(crate) error_code: Option<String>,
    /// The `request_id` of the answer (body and header agreed).
    pub(crate) request_id: String,
}

impl ModernCall {
    fn parse(line: &str) -> ModernCall {
        let value: Value = serde_json::from_str(line).unwrap_or_else(|err| {
            panic!("modern_flows.py printed a non-JSON line ({err}): {line}")
        });
        let text = |key: &str| -> String {
            value[key]
                .as_str()
                .unwrap_or_else(|| panic!("no string `{key}` in {line}"))
                .to_owned()
        };
        let via = match text("via").as_str() {
            "client" => Via::Client,
            "raw" => Via::Raw,
            other => panic!("unknown `via` {other:?} in {line}"),
        };
        ModernCall {
            id: text("id"),
            flow: text("flow"),
            call: text("call"),
            via,
            keys: text("keys"),
            method: text("method"),
            path: text("path"),
            status: value["status"]
                .as_u64()
                .and_then(|s| u16::try_from(s).ok())
                .unwrap_or_else(|| panic!("no status in {line}")),
            error_code: value["error_code"].as_str().map(str::to_owned),
            request_id: text("request_id"),
        }
    }
}

/// Runs `peer/modern_flows.py` with `python` against the sandbox at `url`;
/// returns the calls it logged, in order. Panics with everything the script
/// printed when a flow fails.
pub(crate) fn run_modern_flows(python: &Path, url: &str) -> Vec<ModernCall> {
    let script = paths::workspace_root().join("peer").join("modern_flows.py");
    let started = Instant::now();
    let mut command = command::python_script(python, &script);
    command.arg(url);
    let output = command::run(&mut command, "peer/modern_flows.py", SCRIPT_TIMEOUT)
        .unwrap_or_else(|err| panic!("{err}"));
    eprintln!(
        "plaid-peer: modern_flows.py ran in {:.2}s: {}",
        started.elapsed().as_secs_f64(),
        output.stderr.trim()
    );
    output
        .stdout
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(ModernCall::parse)
        .collect()
}

/// Every call with the request the sandbox recorded for it: each call sent
/// exactly one request, so the two lists pair in order; a pair whose method
/// or path differ is a broken log, and panics.
pub(crate) fn paired_calls(
    calls: Vec<ModernCall>,
    recorded: Vec<RecordedRequest>,
) -> Vec<(ModernCall, RecordedRequest)> {
    assert_eq!(
        recorded.len(),
        calls.len(),
        "the sandbox recorded {} requests, modern_flows.py logged {} calls",
        recorded.len(),
        calls.len()
    );
    calls
        .into_iter()
        .zip(recorded)
        .map(|(call, request)| {
            assert_eq!(
                (request.method.as_str(), request.path.as_str()),
                (call.method.as_str(), call.path.as_str()),
                "{}: the sandbox's request does not pair with the python call",
                call.id
            );
            (call, request)
        })
        .collect()
}

/// The calls of the official client with their recorded requests (what the
/// comparison with plaid-rs's requests reads).
pub(crate) fn client_requests(
    pairs: &[(ModernCall, RecordedRequest)],
) -> Vec<(&ModernCall, &RecordedRequest)> {
    pairs
        .iter()
        .filter(|(call, _)| call.via == Via::Client)
        .map(|(call, request)| (call, request))
        .collect()
}
