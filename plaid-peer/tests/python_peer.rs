//! The official python client as a peer of plaid-rs.
//!
//! `peer/seed_flows.py` drives every flow of the seed README with
//! `plaid-python-legacy==1.5.1` against a `plaid_sandbox::Sandbox`, checking
//! the results, and prints one JSON line per call. For each call this test
//! builds the same call with plaid-rs (`Call::to_request`, no I/O) and
//! compares it with the python request the sandbox recorded: method, path,
//! `Content-Type`, and the form fields of query string and body, as a
//! multiset, with `credentials`, `options` and JSON-array `mfa` values
//! compared as parsed JSON.
//!
//! Differences are allowed only if they are listed in [`DELIBERATE`], and
//! every entry there must still be observed, so the table stays exact.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Write as _};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use plaid_core::endpoints::SearchQuery;
use plaid_core::http::header::CONTENT_TYPE;
use plaid_core::models::{Date, DeviceType, Product};
use plaid_core::transport::HttpRequest;
use plaid_core::{
    AddOptions, Client, Config, Credentials, Environment, Error, GetOptions, Login, MfaAnswer,
    StepOptions,
};
use plaid_sandbox::{RecordedRequest, Sandbox};
use serde_json::Value;

/// How long the python script may run (it normally takes about a second).
const SCRIPT_TIMEOUT: Duration = Duration::from_secs(180);
/// How long creating the virtualenv may take (normally under a minute).
const INSTALL_TIMEOUT: Duration = Duration::from_secs(600);

// ---------------------------------------------------------------------------
// The deliberate differences.

/// One kind of difference between a python request and the plaid-rs request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// python uses the first method, plaid-rs the second.
    Method(&'static str, &'static str),
    /// python sends this field (in the body), plaid-rs does not.
    OnlyPython(&'static str),
    /// python sends the request; plaid-rs refuses the call before sending.
    RustRefuses,
}

/// A difference that is wanted, for the python calls named in `calls`.
struct Deliberate {
    calls: &'static [&'static str],
    expect: Expect,
    reason: &'static str,
}

/// Every difference between the python client and plaid-rs. Nothing else may
/// differ, and each entry must occur at least once in the flows.
const DELIBERATE: &[Deliberate] = &[
    Deliberate {
        calls: &["balance"],
        expect: Expect::Method("GET", "POST"),
        reason: "python sends GET /balance with a form body; bodies on GET are dropped by many \
                 proxies and HTTP stacks, and the API documents POST /balance, so plaid-rs \
                 sends the same form with POST",
    },
    Deliberate {
        calls: &[
            "connect_step",
            "auth_step",
            "info_step",
            "income_step",
            "risk_step",
            "connect_update_step",
            "auth_update_step",
        ],
        expect: Expect::OnlyPython("type"),
        reason: "python repeats the institution `type` on MFA steps; the server takes the \
                 institution from the access token and ignores it, so plaid-rs does not ask \
                 for it",
    },
    Deliberate {
        calls: &[
            "connect_get",
            "auth_get",
            "info_get",
            "income_get",
            "risk_get",
            "balance",
            "connect_delete",
            "auth_delete",
            "upgrade",
            "connect_update",
            "auth_update",
        ],
        expect: Expect::RustRefuses,
        reason: "python's client-side access_token check is dead code, so it sends a token \
                 call without `access_token` (the server answers 400/1000); plaid-rs refuses \
                 the call before sending (invalid input)",
    },
];

// ---------------------------------------------------------------------------
// Paths and the virtualenv.

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("plaid-peer sits in the workspace root")
        .to_path_buf()
}

/// The workspace `target/` directory (cargo's `CARGO_TARGET_TMPDIR` is
/// `<target>/tmp`).
fn target_dir() -> PathBuf {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    match tmp.parent() {
        Some(parent) if tmp.file_name().is_some_and(|n| n == "tmp") => parent.to_path_buf(),
        _ => tmp.to_path_buf(),
    }
}

fn venv_python(venv: &Path) -> PathBuf {
    if cfg!(windows) {
        venv.join("Scripts").join("python.exe")
    } else {
        venv.join("bin").join("python")
    }
}

/// The first working CPython 3.7+ among `PLAID_PEER_PYTHON`, `python3.11`,
/// `python3.12`, `python3` and `python`, with its version.
fn find_python() -> (String, String) {
    let candidates: Vec<String> = match std::env::var("PLAID_PEER_PYTHON") {
        Ok(python) if !python.is_empty() => vec![python],
        _ => ["python3.11", "python3.12", "python3", "python"]
            .map(String::from)
            .to_vec(),
    };
    let mut tried = Vec::new();
    for candidate in &candidates {
        let output = Command::new(candidate)
            .args([
                "-c",
                "import sys, venv, ensurepip; print('%d.%d.%d' % sys.version_info[:3])",
            ])
            .stdin(Stdio::null())
            .output();
        match output {
            Ok(output) if output.status.success() => {
                let version = String::from_utf8_lossy(&output.stdout).trim().to_owned();
                let mut parts = version.split('.').map(|p| p.parse::<u32>().unwrap_or(0));
                let (major, minor) = (parts.next().unwrap_or(0), parts.next().unwrap_or(0));
                if major == 3 && minor >= 7 {
                    return (candidate.clone(), version);
                }
                tried.push(format!("{candidate}: version {version} (3.7+ needed)"));
            }
            Ok(output) => tried.push(format!(
                "{candidate}: exit {} ({})",
                output.status,
                String::from_utf8_lossy(&output.stderr).trim()
            )),
            Err(err) => tried.push(format!("{candidate}: {err}")),
        }
    }
    panic!(
        "the python peer test needs CPython 3 (3.11 or 3.12 recommended) with the `venv` \
         module, to run the official client plaid-python-legacy==1.5.1. None was found:\n  {}\n\
         Install python3 (and python3-venv on Debian), or set PLAID_PEER_PYTHON to an \
         interpreter.",
        tried.join("\n  ")
    );
}

/// Runs a command to completion within `timeout`, returning its output, or
/// panics with everything it printed.
fn run(command: &mut Command, what: &str, timeout: Duration) -> (String, String) {
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command
        .spawn()
        .unwrap_or_else(|err| panic!("{what}: could not start {command:?}: {err}"));
    let mut stdout = child.stdout.take().expect("piped stdout");
    let mut stderr = child.stderr.take().expect("piped stderr");
    let out = thread::spawn(move || {
        let mut text = Vec::new();
        let _ = stdout.read_to_end(&mut text);
        String::from_utf8_lossy(&text).into_owned()
    });
    let err = thread::spawn(move || {
        let mut text = Vec::new();
        let _ = stderr.read_to_end(&mut text);
        String::from_utf8_lossy(&text).into_owned()
    });
    let deadline = Instant::now() + timeout;
    let status = loop {
        if let Some(status) = child.try_wait().expect("waiting for a child process") {
            break Some(status);
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        thread::sleep(Duration::from_millis(20));
    };
    let stdout = out.join().expect("stdout reader");
    let stderr = err.join().expect("stderr reader");
    match status {
        Some(status) if status.success() => (stdout, stderr),
        Some(status) => panic!(
            "{what} failed ({status}): {command:?}\n--- stdout ---\n{stdout}\n--- stderr ---\n{stderr}"
        ),
        None => panic!(
            "{what} timed out after {timeout:?} and was killed: {command:?}\n--- stdout ---\n\
             {stdout}\n--- stderr ---\n{stderr}"
        ),
    }
}

/// The virtualenv's python, creating the virtualenv first when it is missing
/// or was made from another requirements file or interpreter.
fn ensure_venv() -> PathBuf {
    let requirements = workspace_root().join("peer").join("requirements.txt");
    let wanted = std::fs::read_to_string(&requirements)
        .unwrap_or_else(|err| panic!("reading {}: {err}", requirements.display()));
    let (python, version) = find_python();
    let venv = target_dir().join("peer-venv");
    let stamp_path = venv.join("plaid-peer.stamp");
    let stamp = format!("python {python} {version}\n{wanted}");
    let python_in_venv = venv_python(&venv);
    if python_in_venv.exists() && std::fs::read_to_string(&stamp_path).ok() == Some(stamp.clone()) {
        return python_in_venv;
    }

    let started = Instant::now();
    eprintln!(
        "plaid-peer: creating {} with {python} {version} (once; later runs reuse it)",
        venv.display()
    );
    if venv.exists() {
        std::fs::remove_dir_all(&venv)
            .unwrap_or_else(|err| panic!("removing the stale {}: {err}", venv.display()));
    }
    run(
        Command::new(&python).arg("-m").arg("venv").arg(&venv),
        "creating the python virtualenv",
        INSTALL_TIMEOUT,
    );
    run(
        Command::new(&python_in_venv)
            .args(["-m", "pip", "install", "--disable-pip-version-check", "-r"])
            .arg(&requirements),
        "pip install -r peer/requirements.txt (PyPI must be reachable)",
        INSTALL_TIMEOUT,
    );
    std::fs::write(&stamp_path, stamp)
        .unwrap_or_else(|err| panic!("writing {}: {err}", stamp_path.display()));
    eprintln!(
        "plaid-peer: virtualenv ready in {:.1}s",
        started.elapsed().as_secs_f64()
    );
    python_in_venv
}

// ---------------------------------------------------------------------------
// The python side.

/// One call of the python script (one JSON line).
#[derive(Debug)]
struct PyCall {
    label: String,
    flow: String,
    call: String,
    args: Vec<Value>,
    kwargs: serde_json::Map<String, Value>,
    client_id: String,
    secret: String,
    access_token: Option<String>,
    /// (method, path, query) of each request the call sent.
    requests: Vec<(String, String, String)>,
}

impl PyCall {
    fn parse(line: &str) -> PyCall {
        let value: Value = serde_json::from_str(line)
            .unwrap_or_else(|err| panic!("seed_flows.py printed a non-JSON line ({err}): {line}"));
        let text = |key: &str| -> String {
            value[key]
                .as_str()
                .unwrap_or_else(|| panic!("no string `{key}` in {line}"))
                .to_owned()
        };
        let requests = value["requests"]
            .as_array()
            .unwrap_or_else(|| panic!("no `requests` in {line}"))
            .iter()
            .map(|r| {
                let part = |key: &str| r[key].as_str().unwrap_or_default().to_owned();
                (part("method"), part("path"), part("query"))
            })
            .collect();
        PyCall {
            label: text("label"),
            flow: text("flow"),
            call: text("call"),
            args: value["args"].as_array().cloned().unwrap_or_default(),
            kwargs: value["kwargs"].as_object().cloned().unwrap_or_default(),
            client_id: text("client_id"),
            secret: text("secret"),
            access_token: value["access_token"].as_str().map(str::to_owned),
            requests,
        }
    }

    /// Argument `index` (positional) or `name` (keyword), if given and not None.
    fn arg(&self, index: usize, name: &str) -> Option<&Value> {
        self.args
            .get(index)
            .or_else(|| self.kwargs.get(name))
            .filter(|v| !v.is_null())
    }

    fn str_arg(&self, index: usize, name: &str) -> Option<&str> {
        self.arg(index, name).map(|v| {
            v.as_str()
                .unwrap_or_else(|| panic!("{}: argument `{name}` is not a string", self.label))
        })
    }

    fn required(&self, index: usize, name: &str) -> &str {
        self.str_arg(index, name)
            .unwrap_or_else(|| panic!("{}: argument `{name}` is missing", self.label))
    }
}

// ---------------------------------------------------------------------------
// The same call with plaid-rs.

fn login(value: Option<&Value>, label: &str) -> Login {
    let map = value
        .and_then(Value::as_object)
        .unwrap_or_else(|| panic!("{label}: the login is not an object"));
    let field = |key: &str| {
        map.get(key).map(|v| match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })
    };
    let mut login = Login::new(
        field("username").unwrap_or_default(),
        field("password").unwrap_or_default(),
    );
    if let Some(pin) = field("pin") {
        login = login.with_pin(pin);
    }
    for key in map.keys() {
        assert!(
            ["username", "password", "pin"].contains(&key.as_str()),
            "{label}: no plaid-rs translation for login key `{key}`"
        );
    }
    login
}

fn options_map<'a>(value: Option<&'a Value>, label: &str) -> Vec<(&'a str, &'a Value)> {
    match value {
        None => Vec::new(),
        Some(Value::Object(map)) => map.iter().map(|(k, v)| (k.as_str(), v)).collect(),
        Some(other) => panic!("{label}: options are not an object: {other}"),
    }
}

fn as_bool(value: &Value, label: &str) -> bool {
    value
        .as_bool()
        .unwrap_or_else(|| panic!("{label}: {value} is not a boolean"))
}

fn as_date(value: &Value, label: &str) -> Date {
    value
        .as_str()
        .and_then(Date::parse)
        .unwrap_or_else(|| panic!("{label}: {value} is not a YYYY-MM-DD date"))
}

fn as_string(value: &Value, label: &str) -> String {
    value
        .as_str()
        .unwrap_or_else(|| panic!("{label}: {value} is not a string"))
        .to_owned()
}

fn add_options(value: Option<&Value>, label: &str) -> AddOptions {
    let mut options = AddOptions::new();
    for (key, value) in options_map(value, label) {
        options = match key {
            "webhook" => options.webhook(as_string(value, label)),
            "pending" => options.pending(as_bool(value, label)),
            "login_only" => options.login_only(as_bool(value, label)),
            "list" => options.list(as_bool(value, label)),
            "start_date" => options.start_date(as_date(value, label)),
            "end_date" => options.end_date(as_date(value, label)),
            other => panic!("{label}: no plaid-rs translation for add option `{other}`"),
        };
    }
    options
}

fn get_options(value: Option<&Value>, label: &str) -> GetOptions {
    let mut options = GetOptions::new();
    for (key, value) in options_map(value, label) {
        options = match key {
            "pending" => options.pending(as_bool(value, label)),
            "account" => options.account(as_string(value, label)),
            "gte" => options.gte(as_date(value, label)),
            "lte" => options.lte(as_date(value, label)),
            other => panic!("{label}: no plaid-rs translation for get option `{other}`"),
        };
    }
    options
}

/// The answer and options of a python step `(type, mfa, options)`.
fn step_answer(call: &PyCall) -> (MfaAnswer, StepOptions) {
    let label = call.label.as_str();
    let mut options = StepOptions::default();
    let mut send_method = None;
    for (key, value) in options_map(call.arg(2, "options"), label) {
        match key {
            "send_method" => {
                let method = value
                    .as_object()
                    .unwrap_or_else(|| panic!("{label}: send_method is not an object"));
                send_method = Some(match (method.get("type"), method.get("mask")) {
                    (Some(kind), None) => {
                        MfaAnswer::send_to(DeviceType::from_wire(&as_string(kind, label)))
                    }
                    (None, Some(mask)) => MfaAnswer::send_to_mask(as_string(mask, label)),
                    _ => panic!("{label}: no plaid-rs translation for send_method {value}"),
                });
            }
            "webhook" => options.webhook = Some(as_string(value, label)),
            "pending" => options.pending = Some(as_bool(value, label)),
            "login_only" => options.login_only = Some(as_bool(value, label)),
            "list" => options.list = Some(as_bool(value, label)),
            "start_date" => options.start_date = Some(as_date(value, label)),
            "end_date" => options.end_date = Some(as_date(value, label)),
            other => panic!("{label}: no plaid-rs translation for step option `{other}`"),
        }
    }
    let answer = match (call.str_arg(1, "mfa"), send_method) {
        (None, Some(method)) => method,
        (Some(mfa), None) => match serde_json::from_str::<Vec<String>>(mfa) {
            Ok(selections) => MfaAnswer::selections(selections),
            Err(_) if mfa.bytes().all(|b| b.is_ascii_digit()) => MfaAnswer::code(mfa),
            Err(_) => MfaAnswer::answer(mfa),
        },
        (mfa, method) => panic!(
            "{label}: no plaid-rs translation for mfa {mfa:?} with send_method {}",
            method.is_some()
        ),
    };
    (answer, options)
}

fn search_query(call: &PyCall) -> SearchQuery {
    let q = call.str_arg(0, "q");
    let p = call.str_arg(1, "p");
    let id = call.str_arg(2, "institution_id");
    let query = match (q, id) {
        (Some(q), None) => SearchQuery::name(q),
        (None, Some(id)) => SearchQuery::id(id),
        (None, None) => SearchQuery::default(),
        (Some(_), Some(_)) => panic!("{}: no plaid-rs search with both q and id", call.label),
    };
    match p {
        Some(product) => query.product(Product::from_wire(product)),
        None => query,
    }
}

fn count_arg(call: &PyCall, index: usize, name: &str, default: u32) -> u32 {
    call.arg(index, name).map_or(default, |v| {
        v.as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .unwrap_or_else(|| panic!("{}: `{name}` is not a count", call.label))
    })
}

/// The request plaid-rs builds for the python call, or the error it gives
/// instead of sending.
fn rust_request(call: &PyCall, base_url: &str) -> Result<HttpRequest, Error> {
    let config = Config::new(
        Environment::Custom(base_url.to_owned()),
        Credentials::new(call.client_id.as_str(), call.secret.as_str()),
    )
    .expect("a valid plaid-rs configuration");
    let config = match &call.access_token {
        Some(token) => config.with_access_token(token.as_str()),
        None => config,
    };
    let client = Client::new(config, ());
    let label = call.label.as_str();
    match call.call.as_str() {
        // Adds: (type, login, options=None).
        "connect" | "auth" | "info" | "income" | "risk" => {
            let institution = call.required(0, "account_type");
            let login = login(call.arg(1, "login"), label);
            let options = add_options(call.arg(2, "options"), label);
            match call.call.as_str() {
                "connect" => client
                    .connect_with_options(institution, login, options)
                    .to_request(),
                "auth" => client
                    .auth_with_options(institution, login, options)
                    .to_request(),
                "info" => client
                    .info_with_options(institution, login, options)
                    .to_request(),
                "income" => client
                    .income_with_options(institution, login, options)
                    .to_request(),
                _ => client
                    .risk_with_options(institution, login, options)
                    .to_request(),
            }
        }
        // Steps: (type, mfa, options=None); the type is not needed.
        "connect_step" | "auth_step" | "info_step" | "income_step" | "risk_step" => {
            let (answer, options) = step_answer(call);
            match call.call.as_str() {
                "connect_step" => client
                    .connect_step_with_options(answer, options)
                    .to_request(),
                "auth_step" => client.auth_step_with_options(answer, options).to_request(),
                "info_step" => client.info_step_with_options(answer, options).to_request(),
                "income_step" => client
                    .income_step_with_options(answer, options)
                    .to_request(),
                _ => client.risk_step_with_options(answer, options).to_request(),
            }
        }
        "connect_update_step" | "auth_update_step" => {
            let (answer, options) = step_answer(call);
            assert_eq!(
                options,
                StepOptions::default(),
                "{label}: plaid-rs update steps take no options"
            );
            if call.call == "connect_update_step" {
                client.connect_update_step(answer).to_request()
            } else {
                client.auth_update_step(answer).to_request()
            }
        }
        "connect_update" => client
            .connect_update(login(call.arg(0, "login"), label))
            .to_request(),
        "auth_update" => client
            .auth_update(login(call.arg(0, "login"), label))
            .to_request(),
        "connect_get" => match call.arg(0, "opts") {
            None => client.connect_get().to_request(),
            Some(opts) => client
                .connect_get_with_options(get_options(Some(opts), label))
                .to_request(),
        },
        "auth_get" => client.auth_get().to_request(),
        "info_get" => client.info_get().to_request(),
        "income_get" => client.income_get().to_request(),
        "risk_get" => client.risk_get().to_request(),
        "balance" => client.balance().to_request(),
        "connect_delete" => client.connect_delete().to_request(),
        "auth_delete" => client.auth_delete().to_request(),
        "upgrade" => client
            .upgrade(Product::from_wire(call.required(0, "product")))
            .to_request(),
        "exchange_token" => {
            let public_token = call.required(0, "public_token");
            match call.str_arg(1, "account_id") {
                Some(account) => client
                    .exchange_token_for_account(public_token, account)
                    .to_request(),
                None => client.exchange_token(public_token).to_request(),
            }
        }
        "institutions" => client.institutions().to_request(),
        "institution" => client
            .institution(call.required(0, "institution_id"))
            .to_request(),
        "institutions_all" => {
            // python's defaults: count=100, offset=0, products=None.
            let count = count_arg(call, 0, "count", 100);
            let offset = count_arg(call, 1, "offset", 0);
            let products: Vec<Product> = call
                .arg(2, "products")
                .map(|v| {
                    v.as_array()
                        .unwrap_or_else(|| panic!("{label}: products is not a list"))
                        .iter()
                        .map(|p| Product::from_wire(&as_string(p, label)))
                        .collect()
                })
                .unwrap_or_default();
            client
                .institutions_all(count, offset, &products)
                .to_request()
        }
        "institution_search" => client.institution_search(search_query(call)).to_request(),
        "institution_all_search" => client
            .institution_all_search(search_query(call))
            .to_request(),
        "categories" => client.categories().to_request(),
        "category" => client
            .category(call.required(0, "category_id"))
            .to_request(),
        other => panic!("{label}: no plaid-rs translation for the python method `{other}`"),
    }
}

// ---------------------------------------------------------------------------
// Comparing two requests.

/// Where a form field travels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Place {
    Query,
    Body,
}

/// A decoded field value: plain text, or JSON in canonical form (object keys
/// sorted, no whitespace) for `credentials`, `options` and array `mfa`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum FieldValue {
    Text(String),
    Json(String),
}

impl fmt::Display for FieldValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldValue::Text(text) => write!(f, "{text:?}"),
            FieldValue::Json(json) => write!(f, "json {json}"),
        }
    }
}

type Field = (Place, String, FieldValue);

/// JSON with object keys sorted, so equal values print equally whatever
/// serde_json's map type.
fn canonical(value: &Value) -> String {
    match value {
        Value::Object(map) => {
            let sorted: BTreeMap<&String, String> =
                map.iter().map(|(k, v)| (k, canonical(v))).collect();
            let inner: Vec<String> = sorted
                .iter()
                .map(|(k, v)| format!("{}:{v}", Value::String((*k).clone())))
                .collect();
            format!("{{{}}}", inner.join(","))
        }
        Value::Array(items) => {
            let inner: Vec<String> = items.iter().map(canonical).collect();
            format!("[{}]", inner.join(","))
        }
        other => other.to_string(),
    }
}

fn field_value(key: &str, value: &str) -> FieldValue {
    match serde_json::from_str::<Value>(value) {
        Ok(json) if key == "credentials" || key == "options" => FieldValue::Json(canonical(&json)),
        Ok(json @ Value::Array(_)) if key == "mfa" => FieldValue::Json(canonical(&json)),
        _ => FieldValue::Text(value.to_owned()),
    }
}

fn fields(query: &str, body: &[u8]) -> Vec<Field> {
    let decode = |place: Place, input: &[u8]| -> Vec<Field> {
        form_urlencoded::parse(input)
            .map(|(k, v)| {
                let value = field_value(&k, &v);
                (place, k.into_owned(), value)
            })
            .collect()
    };
    let mut fields = decode(Place::Query, query.as_bytes());
    fields.extend(decode(Place::Body, body));
    fields.sort();
    fields
}

/// A request reduced to what is compared.
#[derive(Debug, Clone)]
struct Wire {
    method: String,
    path: String,
    content_type: Option<String>,
    fields: Vec<Field>,
}

fn media_type(value: &str) -> String {
    value
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

impl Wire {
    fn from_recorded(request: &RecordedRequest) -> Wire {
        Wire {
            method: request.method.clone(),
            path: request.path.clone(),
            content_type: request.header("content-type").map(media_type),
            fields: fields(&request.query, &request.body),
        }
    }

    fn from_rust(request: &HttpRequest) -> Wire {
        Wire {
            method: request.method().as_str().to_owned(),
            path: request.uri().path().to_owned(),
            content_type: request
                .headers()
                .get(CONTENT_TYPE)
                .map(|v| media_type(v.to_str().unwrap_or_default())),
            fields: fields(request.uri().query().unwrap_or_default(), request.body()),
        }
    }

    fn summary(&self) -> String {
        format!("{} {}", self.method, self.path)
    }
}

/// One difference between the python request and the plaid-rs request.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Diff {
    Method {
        python: String,
        rust: String,
    },
    Path {
        python: String,
        rust: String,
    },
    ContentType {
        python: Option<String>,
        rust: Option<String>,
    },
    OnlyPython(Field),
    OnlyRust(Field),
    RustRefuses(String),
    PythonRefuses,
}

impl fmt::Display for Diff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Diff::Method { python, rust } => write!(f, "method: python {python}, plaid-rs {rust}"),
            Diff::Path { python, rust } => write!(f, "path: python {python}, plaid-rs {rust}"),
            Diff::ContentType { python, rust } => {
                write!(f, "Content-Type: python {python:?}, plaid-rs {rust:?}")
            }
            Diff::OnlyPython((place, key, value)) => {
                write!(f, "only python sends {place:?} field {key}={value}")
            }
            Diff::OnlyRust((place, key, value)) => {
                write!(f, "only plaid-rs sends {place:?} field {key}={value}")
            }
            Diff::RustRefuses(error) => {
                write!(
                    f,
                    "python sends it; plaid-rs refuses before sending: {error}"
                )
            }
            Diff::PythonRefuses => f.write_str("python refuses it; plaid-rs would send it"),
        }
    }
}

impl Diff {
    fn matches(&self, expect: Expect) -> bool {
        match (self, expect) {
            (Diff::Method { python, rust }, Expect::Method(p, r)) => python == p && rust == r,
            (Diff::OnlyPython((Place::Body, key, _)), Expect::OnlyPython(k)) => key == k,
            (Diff::RustRefuses(_), Expect::RustRefuses) => true,
            _ => false,
        }
    }
}

/// Multiset difference of two sorted field lists.
fn field_diffs(python: &[Field], rust: &[Field]) -> Vec<Diff> {
    let mut diffs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < python.len() || j < rust.len() {
        match (python.get(i), rust.get(j)) {
            (Some(p), Some(r)) if p == r => {
                i += 1;
                j += 1;
            }
            (Some(p), Some(r)) if p < r => {
                diffs.push(Diff::OnlyPython(p.clone()));
                i += 1;
            }
            (Some(_), Some(r)) | (None, Some(r)) => {
                diffs.push(Diff::OnlyRust(r.clone()));
                j += 1;
            }
            (Some(p), None) => {
                diffs.push(Diff::OnlyPython(p.clone()));
                i += 1;
            }
            (None, None) => unreachable!(),
        }
    }
    diffs
}

fn compare(python: &Wire, rust: &Wire) -> Vec<Diff> {
    let mut diffs = Vec::new();
    if python.method != rust.method {
        diffs.push(Diff::Method {
            python: python.method.clone(),
            rust: rust.method.clone(),
        });
    }
    if python.path != rust.path {
        diffs.push(Diff::Path {
            python: python.path.clone(),
            rust: rust.path.clone(),
        });
    }
    if python.content_type != rust.content_type {
        diffs.push(Diff::ContentType {
            python: python.content_type.clone(),
            rust: rust.content_type.clone(),
        });
    }
    diffs.extend(field_diffs(&python.fields, &rust.fields));
    diffs
}

/// One compared call.
struct Row {
    label: String,
    flow: String,
    call: String,
    python: String,
    rust: String,
    diffs: Vec<Diff>,
}

fn render(rows: &[Row]) -> String {
    let mut out = String::new();
    let width = rows.iter().map(|r| r.label.len()).max().unwrap_or(0);
    let mut flow = "";
    for row in rows {
        if row.flow != flow {
            flow = &row.flow;
            let _ = writeln!(out, "  [{flow}]");
        }
        let verdict = if row.diffs.is_empty() {
            "same"
        } else {
            "DIFFERENT"
        };
        let _ = writeln!(
            out,
            "  {:width$}  {:<26} python {:<32} plaid-rs {:<32} {verdict}",
            row.label, row.call, row.python, row.rust
        );
        for diff in &row.diffs {
            let _ = writeln!(out, "  {:width$}    - {diff}", "");
        }
    }
    out
}

// ---------------------------------------------------------------------------
// The test.

#[test]
fn official_python_client_and_plaid_rs_send_the_same_requests() {
    let python = ensure_venv();
    let script = workspace_root().join("peer").join("seed_flows.py");
    let sandbox = Sandbox::start().expect("starting plaid-sandbox");
    let url = sandbox.url();

    let started = Instant::now();
    let mut command = Command::new(&python);
    command
        .arg(&script)
        .arg(&url)
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYTHONUNBUFFERED", "1")
        .env("NO_PROXY", "127.0.0.1,localhost")
        .env("no_proxy", "127.0.0.1,localhost")
        .env_remove("PLAID_HOST")
        .env_remove("SERVER_SOFTWARE");
    for proxy in ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"] {
        command
            .env_remove(proxy)
            .env_remove(proxy.to_ascii_lowercase());
    }
    let (stdout, stderr) = run(&mut command, "peer/seed_flows.py", SCRIPT_TIMEOUT);
    eprintln!(
        "plaid-peer: seed_flows.py ran in {:.2}s: {}",
        started.elapsed().as_secs_f64(),
        stderr.trim()
    );

    let calls: Vec<PyCall> = stdout
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(PyCall::parse)
        .collect();
    assert!(
        calls.len() >= 60,
        "seed_flows.py logged only {} calls:\n{stdout}",
        calls.len()
    );
    let recorded = sandbox.recorded_requests();
    let sent: usize = calls.iter().map(|c| c.requests.len()).sum();
    assert_eq!(
        recorded.len(),
        sent,
        "the sandbox recorded {} requests, the python script reports {sent}",
        recorded.len()
    );

    let mut rows = Vec::new();
    let mut recorded_iter = recorded.iter();
    for call in &calls {
        assert!(
            call.requests.len() <= 1,
            "{}: one client call sent {} requests",
            call.label,
            call.requests.len()
        );
        let python_request = call.requests.first().map(|(method, path, query)| {
            let request = recorded_iter.next().expect("counted above");
            assert_eq!(
                (&request.method, &request.path, &request.query),
                (method, path, query),
                "{}: the sandbox's request does not pair with the python call",
                call.label
            );
            Wire::from_recorded(request)
        });
        let rust_request = rust_request(call, &url);
        let (python_text, rust_text, diffs) = match (&python_request, &rust_request) {
            (Some(py), Ok(rs)) => {
                let rs = Wire::from_rust(rs);
                (py.summary(), rs.summary(), compare(py, &rs))
            }
            (Some(py), Err(err)) => (
                py.summary(),
                "(refused)".to_owned(),
                vec![Diff::RustRefuses(err.to_string())],
            ),
            (None, Ok(rs)) => (
                "(refused)".to_owned(),
                Wire::from_rust(rs).summary(),
                vec![Diff::PythonRefuses],
            ),
            (None, Err(err)) => {
                assert!(
                    err.is_invalid_input(),
                    "{}: plaid-rs refused with {err:?}",
                    call.label
                );
                ("(refused)".to_owned(), "(refused)".to_owned(), Vec::new())
            }
        };
        rows.push(Row {
            label: call.label.clone(),
            flow: call.flow.clone(),
            call: call.call.clone(),
            python: python_text,
            rust: rust_text,
            diffs,
        });
    }

    // Every difference must be deliberate, and every deliberate difference
    // must still occur.
    let mut problems = Vec::new();
    let mut used = BTreeSet::new();
    for row in &rows {
        for diff in &row.diffs {
            let entry = DELIBERATE
                .iter()
                .position(|d| d.calls.contains(&row.call.as_str()) && diff.matches(d.expect));
            match entry {
                Some(index) => {
                    used.insert(index);
                }
                None => problems.push(format!(
                    "undeclared difference in `{}` ({}): {diff}",
                    row.label, row.call
                )),
            }
        }
    }
    for (index, deliberate) in DELIBERATE.iter().enumerate() {
        if !used.contains(&index) {
            problems.push(format!(
                "declared difference {:?} on {:?} no longer occurs: remove it from DELIBERATE",
                deliberate.expect, deliberate.calls
            ));
        }
    }

    let table = render(&rows);
    let mut declared = String::new();
    for deliberate in DELIBERATE {
        let _ = writeln!(
            declared,
            "  {:?} on {}: {}",
            deliberate.expect,
            deliberate.calls.join(", "),
            deliberate.reason
        );
    }
    assert!(
        problems.is_empty(),
        "python 1.5.1 and plaid-rs requests differ beyond the deliberate differences:\n  {}\n\n\
         comparison ({} calls):\n{table}\ndeliberate differences:\n{declared}",
        problems.join("\n  "),
        rows.len()
    );
    let differing = rows.iter().filter(|r| !r.diffs.is_empty()).count();
    eprintln!(
        "plaid-peer: {} python calls compared, {} identical, {differing} with deliberate \
         differences only",
        rows.len(),
        rows.len() - differing
    );
    // Print the table too (visible with --nocapture).
    println!("{table}");
}

// ---------------------------------------------------------------------------
// The comparison itself, without python.

#[test]
fn fields_compare_as_a_multiset_with_json_values_parsed() {
    let python = fields(
        "",
        b"type=bofa&credentials=%7B%22username%22%3A+%22u%22%2C+%22password%22%3A+%22p%22%7D\
          &options=%7B%22list%22%3A+true%7D&products=auth&products=connect&mfa=%5B%22a%22%2C+%22b%22%5D",
    );
    let rust = fields(
        "",
        b"products=connect&options=%7B%22list%22%3Atrue%7D&mfa=%5B%22a%22%2C%22b%22%5D\
          &credentials=%7B%22password%22%3A%22p%22%2C%22username%22%3A%22u%22%7D&products=auth",
    );
    let diffs = field_diffs(&python, &rust);
    assert_eq!(
        diffs,
        vec![Diff::OnlyPython((
            Place::Body,
            "type".to_owned(),
            FieldValue::Text("bofa".to_owned())
        ))]
    );
    assert!(diffs[0].matches(Expect::OnlyPython("type")));
    // A repeated key counts twice; a plain `mfa` stays text.
    let diffs = field_diffs(
        &fields("", b"products=auth&products=auth&mfa=tomato"),
        &fields("", b"products=auth&mfa=tomato"),
    );
    assert_eq!(diffs.len(), 1, "{diffs:?}");
    // Query and body are different places.
    let diffs = field_diffs(&fields("q=a", b""), &fields("", b"q=a"));
    assert_eq!(diffs.len(), 2, "{diffs:?}");
}
