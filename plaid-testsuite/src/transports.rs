//! What a backend's transport hands to the core: statuses, headers and
//! bodies as they came, a cut body and a refused connection as the right
//! error kinds, request bodies on every method, pooled connections; and the
//! other forms a transport takes (a closure, a type-erased handle).

use plaid_core::ErrorKind;
use plaid_core::http::{Method, Request};
use plaid_core::legacy::{Client, ErrorCode, PythonException};

use crate::{BOFA_ID, Backend, COFFEE_SHOP_ID, refused_url, sandbox_config};

/// A 503 keeps its status, its headers and its body.
pub fn server_errors_keep_status_headers_and_body(backend: &impl Backend) {
    let sandbox = backend.start_sandbox();
    let failing = backend.fault_client(&sandbox, "status=503;retry-after=2");

    let error = backend.send(failing.categories()).expect_err("maintenance");
    assert_eq!(
        PythonException::of(&error),
        Some(PythonException::MaintainanceError),
        "{error}"
    );
    assert_eq!(error.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(error.legacy_code(), Some(ErrorCode::PlannedMaintenance));
    assert!(error.body().is_some());

    let raw = backend
        .send(failing.categories().raw())
        .expect("raw response");
    assert_eq!(raw.status().as_u16(), 503);
    assert_eq!(
        raw.headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok()),
        Some("2")
    );
}

/// A body cut short is an I/O error.
pub fn truncated_body_is_an_io_error(backend: &impl Backend) {
    let sandbox = backend.start_sandbox();
    let truncating = backend.fault_client(&sandbox, "truncate");

    let error = backend
        .send(truncating.categories())
        .expect_err("truncated");
    assert_eq!(error.kind(), ErrorKind::Io, "{error}");
}

/// The transport sends the body on every method, and no body on an empty GET.
pub fn request_bodies_are_sent_on_every_method(backend: &impl Backend) {
    let sandbox = backend.start_sandbox();
    let transport = backend
        .client(sandbox_config(&sandbox.url()))
        .transport()
        .clone();
    let url = format!("{}/categories", sandbox.url());
    let body = b"client_id=test_id&secret=test_secret".to_vec();

    for method in [Method::GET, Method::DELETE, Method::PATCH, Method::POST] {
        sandbox.clear_recorded_requests();
        let request = Request::builder()
            .method(method.clone())
            .uri(&url)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body.clone())
            .expect("request");
        // Whatever the status (405 included), it is a response.
        backend
            .send_request(&transport, request)
            .expect("a response");
        let recorded = sandbox.recorded_requests();
        assert_eq!(recorded.len(), 1, "{method}");
        assert_eq!(recorded[0].method, method.as_str());
        assert_eq!(recorded[0].body, body, "the {method} body is sent");
    }

    // An empty GET goes without a body.
    sandbox.clear_recorded_requests();
    let request = Request::get(&url).body(Vec::new()).expect("request");
    let response = backend
        .send_request(&transport, request)
        .expect("a response");
    assert_eq!(response.status().as_u16(), 200);
    let recorded = sandbox.recorded_requests();
    assert!(recorded[0].body.is_empty());
    assert!(recorded[0].header("transfer-encoding").is_none());
    assert!(
        recorded[0]
            .header("content-length")
            .is_none_or(|len| len == "0")
    );
}

/// A refused connection is a connect error that keeps its source.
pub fn connection_refused_is_a_connect_error(backend: &impl Backend) {
    let client = backend.client(sandbox_config(&refused_url()));

    let error = backend
        .send(client.categories())
        .expect_err("nothing listens");
    assert_eq!(error.kind(), ErrorKind::Connect, "{error}");
    assert!(
        std::error::Error::source(&error).is_some(),
        "the source is kept"
    );
}

/// One client serves many calls, successes and errors alike, on its pooled
/// connections.
pub fn one_client_serves_many_calls(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();
    for _ in 0..20 {
        backend
            .send(client.category(COFFEE_SHOP_ID))
            .expect("category");
        let error = backend
            .send(client.category("nope"))
            .expect_err("not found");
        assert_eq!(error.status().map(|s| s.as_u16()), Some(404));
    }
}

/// A closure implementing the backend's transport trait drives a call.
pub fn closure_transport_drives_a_call(backend: &impl Backend) {
    let sandbox = backend.start_sandbox();
    let config = sandbox_config(&sandbox.url());
    let direct = backend.client(config.clone());
    let client = Client::new(
        config,
        backend.closure_transport(direct.transport().clone()),
    );

    let bofa = backend
        .send(client.institution(BOFA_ID))
        .expect("institution");
    assert_eq!(bofa.name, "Bank of America");
}

/// The type-erased transport drives a call.
pub fn erased_transport_drives_a_call(backend: &impl Backend) {
    let sandbox = backend.start_sandbox();
    let config = sandbox_config(&sandbox.url());
    let direct = backend.client(config.clone());
    let client = Client::new(config, backend.erased_transport(direct.transport().clone()));

    let categories = backend.send(client.categories()).expect("categories");
    assert!(!categories.is_empty());
}
