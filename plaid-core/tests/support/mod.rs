//! Helpers shared by every test binary of plaid-core, whatever the API
//! family: the loopback sandbox config, canned responses, a recording
//! closure transport, a minimal executor for the async transports and an
//! error-kind assertion. Nothing here touches the
//! network, and nothing here knows a family's wire format (the legacy form
//! helpers live in `legacy/form.rs`).
//!
//! `hostile` is the runner of the hostile-response tables and the parser
//! property checks, generic over a family's parser registry; `leaks` is
//! the secret scanner of the redaction tests. `hostile_common` holds the
//! hostile cases every parser of either family reads the same way.
//!
//! Each binary includes this file with `#[path]` and uses a subset of it,
//! hence the `dead_code` allowance.
#![allow(dead_code)]

pub(crate) mod hostile;
pub(crate) mod hostile_common;
pub(crate) mod leaks;

use std::future::Future;
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};

use plaid_core::http::Response;
use plaid_core::legacy::{Client, Config};
use plaid_core::transport::{HttpRequest, HttpResponse, TransportError};
use plaid_core::{AccessToken, Error, ErrorKind};

/// A loopback sandbox, so credentials may go over plain http.
pub(crate) const BASE: &str = "http://127.0.0.1:8080";
/// The request id the canned responses carry.
pub(crate) const REQUEST_ID: &str = "05c9a53cf91e47ef8938db0672e41913";

pub(crate) fn config() -> Config {
    Config::sandbox(BASE).expect("a loopback sandbox config")
}

pub(crate) fn url(path: &str) -> String {
    format!("{BASE}{path}")
}

/// The transport of a client that only builds requests.
pub(crate) type Unsent = fn(HttpRequest) -> Result<HttpResponse, TransportError>;

pub(crate) fn never_sent(_: HttpRequest) -> Result<HttpResponse, TransportError> {
    panic!("this test only builds requests")
}

/// A client with the sandbox keys and no access token.
pub(crate) fn public_client() -> Client<Unsent> {
    Client::new(config(), never_sent as Unsent)
}

/// A client with the sandbox keys and the `test_bofa` access token.
pub(crate) fn item_client() -> Client<Unsent> {
    public_client().with_access_token("test_bofa")
}

/// The access token [`item_client`] holds.
pub(crate) fn token() -> AccessToken {
    AccessToken::new("test_bofa")
}

/// A canned response with the headers tartan sends.
pub(crate) fn response(status: u16, body: &str) -> HttpResponse {
    response_bytes(status, body.as_bytes())
}

/// [`response`] with a body that need not be text.
pub(crate) fn response_bytes(status: u16, body: &[u8]) -> HttpResponse {
    Response::builder()
        .status(status)
        .header("content-type", "application/json; charset=utf-8")
        .header("x-request-id", REQUEST_ID)
        .body(body.to_vec())
        .expect("a valid response")
}

/// The requests a [`recorder`] saw, in order.
pub(crate) type Seen = Arc<Mutex<Vec<HttpRequest>>>;

/// A blocking closure transport that records every request and answers
/// with one canned response.
pub(crate) fn recorder(
    status: u16,
    body: &'static str,
) -> (
    impl Fn(HttpRequest) -> Result<HttpResponse, TransportError> + use<>,
    Seen,
) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&seen);
    let transport = move |request: HttpRequest| {
        log.lock().unwrap().push(request);
        Ok(response(status, body))
    };
    (transport, seen)
}

/// A minimal executor for the async transports: polls on this thread,
/// parks until woken.
pub(crate) fn block_on<F: Future>(future: F) -> F::Output {
    struct Unpark(std::thread::Thread);
    impl Wake for Unpark {
        fn wake(self: Arc<Self>) {
            self.0.unpark();
        }
    }
    let waker = Waker::from(Arc::new(Unpark(std::thread::current())));
    let mut context = Context::from_waker(&waker);
    let mut future = std::pin::pin!(future);
    loop {
        match future.as_mut().poll(&mut context) {
            Poll::Ready(output) => return output,
            Poll::Pending => std::thread::park(),
        }
    }
}

/// Asserts that `result` failed with `kind`.
#[track_caller]
pub(crate) fn assert_kind<T>(result: Result<T, Error>, kind: ErrorKind) -> Error {
    match result {
        Ok(_) => panic!("expected a {kind:?} error, got Ok"),
        Err(error) => {
            assert_eq!(error.kind(), kind, "{error}");
            error
        }
    }
}
