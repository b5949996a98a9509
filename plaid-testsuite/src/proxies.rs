//! HTTPS only: the backend reaches the sandbox through a local HTTP `CONNECT` proxy
//! ([`ConnectProxy`]) set in its configuration, or named by `HTTPS_PROXY` (and skipped for the
//! hosts `NO_PROXY` lists), and the proxy, which logs every byte it relays, never reads a key,
//! a login or a token: they cross it only inside TLS.
//!
//! The environment is process-wide and the backends read it when a client is made, so
//! [`proxy_from_the_environment`] sets it only in a child process: the test binary runs itself
//! again for that one test, with the variables set, and the parent checks the proxy's log.
//! No test of the parent process ever sees them.

use std::process::Command;

use plaid_core::http::Request;
use plaid_core::legacy::Client;

use crate::scheme::ProxySetup;
use crate::{Backend, ConnectProxy, connected, good_login, sandbox_config};

/// What a proxy must never read: the keys (as a form field, a JSON field and a modern
/// header), the login and the access token of the calls below.
const SECRETS: [&str; 6] = [
    "test_secret",
    "plaid-secret",
    "secret",
    "plaid_good",
    "plaid_test",
    "test_wells",
];

/// An add (keys and login in the body), then a read with the item's access token, on
/// `client`.
fn add_then_read<B: Backend>(backend: &B, client: &Client<B::Transport>) {
    let data = connected(backend.send(client.connect("wells", good_login())));
    let token = data.access_token.clone();
    let client = client.clone().with_access_token(token);
    let balance = backend.send(client.balance()).expect("the balance");
    assert_eq!(balance.accounts.len(), data.accounts.len());
}

/// Through a proxy set in the backend's configuration, an add, a read and modern requests
/// with the keys in the `PLAID-CLIENT-ID` / `PLAID-SECRET` headers or the JSON body succeed;
/// the proxy tunnels to each sandbox and reads none of the secrets.
pub fn explicit_proxy_carries_the_keys_only_inside_tls(backend: &impl Backend) {
    let proxy = ConnectProxy::start();
    let sandbox = backend.start_sandbox();
    let client = backend.client_via(
        sandbox_config(&sandbox.url()),
        ProxySetup::Explicit(&proxy.url()),
    );
    add_then_read(backend, &client);
    assert_eq!(sandbox.recorded_requests().len(), 2, "both calls arrived");

    let modern = backend.start_modern_sandbox();
    let transport = backend
        .client_via(
            sandbox_config(&modern.url()),
            ProxySetup::Explicit(&proxy.url()),
        )
        .transport()
        .clone();
    let url = format!("{}/institutions/get_by_id", modern.url());
    let in_headers = Request::post(&url)
        .header("content-type", "application/json")
        .header("plaid-client-id", "test_id")
        .header("plaid-secret", "test_secret")
        .body(br#"{"institution_id":"ins_109508","country_codes":["US"]}"#.to_vec())
        .expect("a request");
    let in_body = Request::post(&url)
        .header("content-type", "application/json")
        .body(
            br#"{"client_id":"test_id","secret":"test_secret","institution_id":"ins_109508","country_codes":["US"]}"#
                .to_vec(),
        )
        .expect("a request");
    for request in [in_headers, in_body] {
        let response = backend
            .send_request(&transport, request)
            .expect("a response through the proxy");
        assert_eq!(response.status().as_u16(), 200);
        let body = String::from_utf8_lossy(response.body());
        assert!(body.contains("First Platypus Bank"), "{body}");
    }
    let recorded = modern.recorded_requests();
    assert_eq!(recorded.len(), 2);
    assert_eq!(recorded[0].header("plaid-secret"), Some("test_secret"));

    let tunnels = proxy.tunnels();
    assert!(!tunnels.is_empty());
    let targets = [sandbox.addr().to_string(), modern.addr().to_string()];
    assert!(
        tunnels.iter().all(|t| targets.contains(t)),
        "tunnels {tunnels:?}, sandboxes {targets:?}"
    );
    assert!(tunnels.contains(&targets[0]) && tunnels.contains(&targets[1]));
    assert!(proxy.relayed_bytes() > 1000, "TLS records went through");
    proxy.assert_saw_none_of(&SECRETS);
}

/// Set in the child process: its value is the role.
const CHILD: &str = "PLAID_TESTSUITE_PROXY_CHILD";
/// The line the child prints with its sandbox's address.
const SANDBOX_LINE: &str = "proxy child sandbox: ";
/// The test's name, as `https_backend_tests!` names it.
const TEST: &str = "proxy_from_the_environment";

/// `HTTPS_PROXY` sends the backend through the proxy, and `NO_PROXY` listing the host sends it
/// around; the proxy reads no secret. Run by `https_backend_tests!` as the test
/// `proxy_from_the_environment`; `module` is the `module_path!()` of that test, from which
/// the child is named to the test binary.
///
/// In the parent process this starts the proxy and runs the test binary again, for this test
/// only, with the variables set (every other proxy variable removed); in that child it makes
/// the backend's client the way it reads the environment and calls a sandbox of its own.
pub fn proxy_from_the_environment<B: Backend>(backend: &B, module: &str) {
    if std::env::var_os(CHILD).is_some() {
        return child(backend);
    }
    // libtest names tests by their path without the crate's name.
    let test = match module.split_once("::") {
        Some((_, path)) => format!("{path}::{TEST}"),
        None => TEST.to_owned(),
    };

    let proxy = ConnectProxy::start();
    let sandbox = run_child(&test, &[("HTTPS_PROXY", &proxy.url())]);
    let tunnels = proxy.tunnels();
    assert!(!tunnels.is_empty(), "HTTPS_PROXY was not used");
    assert!(
        tunnels.iter().all(|t| *t == sandbox),
        "tunnels {tunnels:?}, sandbox {sandbox}"
    );
    proxy.assert_saw_none_of(&SECRETS);

    let bypassed = ConnectProxy::start();
    run_child(
        &test,
        &[("HTTPS_PROXY", &bypassed.url()), ("NO_PROXY", "127.0.0.1")],
    );
    assert_eq!(
        bypassed.connections(),
        0,
        "NO_PROXY lists the host: the calls go direct"
    );
}

/// The child's side: a sandbox, the backend's client as the environment says, the calls.
fn child<B: Backend>(backend: &B) {
    let sandbox = backend.start_sandbox();
    println!("{SANDBOX_LINE}{}", sandbox.addr());
    let client = backend.client_via(sandbox_config(&sandbox.url()), ProxySetup::FromEnvironment);
    add_then_read(backend, &client);
    assert_eq!(sandbox.recorded_requests().len(), 2, "both calls arrived");
}

/// Runs this test binary for `test` only, with `vars` as the only proxy variables; returns
/// the address of the child's sandbox.
fn run_child(test: &str, vars: &[(&str, &str)]) -> String {
    let exe = std::env::current_exe().expect("the test binary");
    let mut command = Command::new(exe);
    command.args([test, "--exact", "--nocapture", "--test-threads=1"]);
    for name in [
        "HTTPS_PROXY",
        "https_proxy",
        "HTTP_PROXY",
        "http_proxy",
        "ALL_PROXY",
        "all_proxy",
        "NO_PROXY",
        "no_proxy",
        "REQUEST_METHOD",
    ] {
        command.env_remove(name);
    }
    command.env(CHILD, "1");
    for (name, value) in vars {
        command.env(name, value);
    }
    let output = command.output().expect("the child test runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "the child failed with {vars:?}:\n{stdout}\n{stderr}"
    );
    let sandbox = stdout
        .lines()
        // libtest's `test NAME ... ` may precede it on its line.
        .find_map(|line| line.split_once(SANDBOX_LINE).map(|(_, addr)| addr))
        .unwrap_or_else(|| panic!("the child ran no test named {test}:\n{stdout}\n{stderr}"));
    sandbox.trim().to_owned()
}
