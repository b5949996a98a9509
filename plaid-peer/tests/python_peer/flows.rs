//! The python side: running `peer/seed_flows.py` and reading what it logged.
//!
//! The script drives every flow of the seed README with the official client
//! against the sandbox, checks the results itself, and prints one JSON line
//! per client call: the method called, its arguments, the client's
//! credentials and the requests it sent. [`PyCall`] is one such line.

use std::path::Path;
use std::time::{Duration, Instant};

use plaid_peer::{command, paths};
use serde_json::Value;

/// How long the python script may run (it normally takes about a second).
const SCRIPT_TIMEOUT: Duration = Duration::from_secs(180);

/// Runs `peer/seed_flows.py` with `python` against the sandbox at `url`, with
/// no proxy and none of the python client's own environment overrides;
/// returns what it printed on stdout (one JSON line per call).
pub(crate) fn run_seed_flows(python: &Path, url: &str) -> String {
    let script = paths::workspace_root().join("peer").join("seed_flows.py");
    let started = Instant::now();
    let mut command = command::python_script(python, &script);
    command.arg(url);
    let output = command::run(&mut command, "peer/seed_flows.py", SCRIPT_TIMEOUT)
        .unwrap_or_else(|err| panic!("{err}"));
    eprintln!(
        "plaid-peer: seed_flows.py ran in {:.2}s: {}",
        started.elapsed().as_secs_f64(),
        output.stderr.trim()
    );
    output.stdout
}

/// One call of the python script (one JSON line). No `Debug`: it holds the
/// client's secret.
pub(crate) struct PyCall {
    pub(crate) label: String,
    pub(crate) flow: String,
    pub(crate) call: String,
    pub(crate) args: Vec<Value>,
    pub(crate) kwargs: serde_json::Map<String, Value>,
    pub(crate) client_id: String,
    pub(crate) secret: String,
    pub(crate) access_token: Option<String>,
    /// (method, path, query) of each request the call sent.
    pub(crate) requests: Vec<(String, String, String)>,
}

impl PyCall {
    pub(crate) fn parse(line: &str) -> PyCall {
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
    pub(crate) fn arg(&self, index: usize, name: &str) -> Option<&Value> {
        self.args
            .get(index)
            .or_else(|| self.kwargs.get(name))
            .filter(|v| !v.is_null())
    }

    pub(crate) fn str_arg(&self, index: usize, name: &str) -> Option<&str> {
        self.arg(index, name).map(|v| {
            v.as_str()
                .unwrap_or_else(|| panic!("{}: argument `{name}` is not a string", self.label))
        })
    }

    pub(crate) fn required(&self, index: usize, name: &str) -> &str {
        self.str_arg(index, name)
            .unwrap_or_else(|| panic!("{}: argument `{name}` is missing", self.label))
    }
}
