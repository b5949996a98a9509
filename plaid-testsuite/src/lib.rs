//! # plaid-testsuite (internal)
//!
//! The integration suite every plaid-rs backend runs against
//! [`plaid_sandbox`] over loopback, written once and instantiated per
//! backend by [`backend_suite!`]. A backend's `tests/integration.rs` is:
//!
//! ```ignore
//! // blocking backend
//! plaid_testsuite::backend_suite!(blocking, plaid_ureq::client);
//! // async backend (needs this crate's `async` feature)
//! plaid_testsuite::backend_suite!(async, plaid_reqwest::client);
//! ```
//!
//! The second argument is anything callable as
//! `fn(plaid_core::Config) -> plaid_core::Client<T>`: a path or a closure.
//! The transport `T` must be `Clone` (the closure and type-erased transport
//! tests wrap a clone of it).
//!
//! ## Writing a test
//!
//! Tests live in [`__backend_suite!`] and are written once, as a blocking
//! test would be, with these helper macros:
//!
//! - `suite_test! { fn name() { … } }`: a `#[test]`; in the async form its
//!   body runs inside an `async` block on a tokio current-thread runtime
//!   built for that test;
//! - `send!(call)`: `call.send()` (blocking) or `call.await` (async);
//! - `client!(config)`: the backend's client for a [`Config`];
//! - `closure_transport!(transport)`: a closure implementing the backend's
//!   trait that delegates to `transport`;
//! - `erased_transport!(transport)`: `Arc<dyn Transport + Send + Sync>`
//!   (blocking) or `Arc<dyn DynAsyncTransport>` (async);
//! - `transport_send!(transport, request)`: sends an `http::Request` on a
//!   transport value directly, bypassing the client.
//!
//! Plain functions of this crate ([`start_sandbox`], [`WithHeader`], …) are
//! the same in both forms.

#![deny(missing_docs)]

use std::net::{Ipv4Addr, TcpListener};

use plaid_core::http::{HeaderName, HeaderValue};
use plaid_core::transport::{HttpRequest, HttpResponse, TransportError};
use plaid_core::{AsyncTransport, Config, Transport};
use plaid_sandbox::Sandbox;

#[doc(hidden)]
pub use plaid_core;
#[doc(hidden)]
pub use serde_json;

/// The id of Bank of America in the sandbox.
pub const BOFA_ID: &str = "5301a93ac140de84910000e0";

/// Food and Drink > Restaurants > Coffee Shop.
pub const COFFEE_SHOP_ID: &str = "13005043";

/// The number of core institutions the sandbox lists.
pub const SANDBOX_INSTITUTIONS: usize = 14;

/// Starts an embedded sandbox on an ephemeral loopback port.
///
/// # Panics
///
/// If the sandbox cannot start (this is test support code).
pub fn start_sandbox() -> Sandbox {
    match Sandbox::start() {
        Ok(sandbox) => sandbox,
        Err(error) => panic!("cannot start plaid-sandbox: {error}"),
    }
}

/// The sandbox configuration for `base_url` (sandbox keys, default timeout).
///
/// # Panics
///
/// If `base_url` is not a valid base URL.
pub fn sandbox_config(base_url: &str) -> Config {
    match Config::sandbox(base_url) {
        Ok(config) => config,
        Err(error) => panic!("invalid sandbox URL {base_url:?}: {error}"),
    }
}

/// A loopback base URL on which nothing listens: a port that was just bound
/// and released.
///
/// # Panics
///
/// If no loopback port can be bound.
pub fn refused_url() -> String {
    let port = match TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).and_then(|l| l.local_addr()) {
        Ok(addr) => addr.port(),
        Err(error) => panic!("cannot bind a loopback port: {error}"),
    };
    format!("http://127.0.0.1:{port}")
}

/// A transport that adds one header to every request, then delegates to
/// `T`. It implements [`Transport`] when `T` does and [`AsyncTransport`]
/// when `T` does, so the same test code drives both kinds of backend.
#[derive(Debug, Clone)]
pub struct WithHeader<T> {
    inner: T,
    name: HeaderName,
    value: HeaderValue,
}

impl<T> WithHeader<T> {
    /// Adds `name: value` to every request sent through `inner`.
    pub fn new(inner: T, name: HeaderName, value: HeaderValue) -> Self {
        WithHeader { inner, name, value }
    }

    /// Asks the sandbox for `fault` (an `X-Sandbox-Fault` value such as
    /// `latency=500` or `status=503;retry-after=2`) on every request.
    ///
    /// # Panics
    ///
    /// If `fault` is not a valid header value.
    pub fn fault(inner: T, fault: &str) -> Self {
        let value = match HeaderValue::from_str(fault) {
            Ok(value) => value,
            Err(error) => panic!("invalid fault {fault:?}: {error}"),
        };
        WithHeader::new(
            inner,
            HeaderName::from_static(plaid_sandbox::faults::HEADER),
            value,
        )
    }

    fn add_header(&self, mut request: HttpRequest) -> HttpRequest {
        request
            .headers_mut()
            .insert(self.name.clone(), self.value.clone());
        request
    }
}

impl<T: Transport> Transport for WithHeader<T> {
    fn send(&self, request: HttpRequest) -> Result<HttpResponse, TransportError> {
        self.inner.send(self.add_header(request))
    }
}

impl<T: AsyncTransport> AsyncTransport for WithHeader<T> {
    fn send(
        &self,
        request: HttpRequest,
    ) -> impl Future<Output = Result<HttpResponse, TransportError>> + Send {
        self.inner.send(self.add_header(request))
    }
}

/// Runs `future` to completion on a new tokio current-thread runtime with
/// the I/O and time drivers enabled (used by the async form of the suite).
///
/// # Panics
///
/// If the runtime cannot be built.
#[cfg(feature = "async")]
#[doc(hidden)]
pub fn block_on<F: Future>(future: F) -> F::Output {
    match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime.block_on(future),
        Err(error) => panic!("cannot build a tokio runtime: {error}"),
    }
}

/// Expands to the whole integration suite for one backend.
///
/// - `backend_suite!(blocking, make_client)` for a [`Transport`];
/// - `backend_suite!(async, make_client)` for an [`AsyncTransport`] (needs
///   this crate's `async` feature);
///
/// where `make_client` is callable as `fn(Config) -> plaid_core::Client<T>`
/// and `T: Clone`. See the [crate docs](crate) for how tests are written.
#[macro_export]
macro_rules! backend_suite {
    (blocking, $make_client:expr $(,)?) => {
        $crate::__backend_suite!($ blocking $make_client);
    };
    (async, $make_client:expr $(,)?) => {
        $crate::__backend_suite!($ tokio $make_client);
    };
}

/// The per-mode pieces the suite's helper macros expand to (`blocking` or
/// `tokio`).
#[doc(hidden)]
#[macro_export]
macro_rules! __mode {
    (blocking, run { $($body:tt)* }) => {{ $($body)* }};
    (tokio, run { $($body:tt)* }) => {
        $crate::block_on(async move { $($body)* })
    };

    (blocking, send $call:expr) => { $call.send() };
    (tokio, send $call:expr) => { $call.await };

    (blocking, closure $transport:expr) => {{
        let inner = $transport;
        move |request: $crate::plaid_core::transport::HttpRequest| {
            $crate::plaid_core::Transport::send(&inner, request)
        }
    }};
    (tokio, closure $transport:expr) => {{
        let inner = $transport;
        move |request: $crate::plaid_core::transport::HttpRequest| {
            let inner = ::std::clone::Clone::clone(&inner);
            async move { $crate::plaid_core::AsyncTransport::send(&inner, request).await }
        }
    }};

    (blocking, transport_send $transport:expr, $request:expr) => {
        $crate::plaid_core::Transport::send(&$transport, $request)
    };
    (tokio, transport_send $transport:expr, $request:expr) => {
        $crate::plaid_core::AsyncTransport::send(&$transport, $request).await
    };

    (blocking, erase $transport:expr) => {
        ::std::sync::Arc::new($transport)
            as ::std::sync::Arc<dyn $crate::plaid_core::Transport + ::std::marker::Send + ::std::marker::Sync>
    };
    (tokio, erase $transport:expr) => {
        ::std::sync::Arc::new($transport)
            as ::std::sync::Arc<dyn $crate::plaid_core::DynAsyncTransport>
    };
}

/// The suite itself: helper macros, then every test, written once.
///
/// `$d` is a `$` token passed in by [`backend_suite!`] so that the helper
/// macros defined here can have metavariables of their own.
#[doc(hidden)]
#[macro_export]
macro_rules! __backend_suite {
    ($d:tt $mode:ident $make_client:expr) => {
        #[allow(unused_macros)]
        macro_rules! suite_test {
                            (fn $d name:ident() { $d($d body:tt)* }) => {
                                #[test]
                                fn $d name() {
                                    $crate::__mode!($mode, run { $d($d body)* })
                                }
                            };
                        }
        #[allow(unused_macros)]
        macro_rules! send {
                            ($d call:expr) => { $crate::__mode!($mode, send $d call) };
                        }
        #[allow(unused_macros)]
        macro_rules! client {
                            ($d config:expr) => { ($make_client)($d config) };
                        }
        #[allow(unused_macros)]
        macro_rules! closure_transport {
                            ($d transport:expr) => { $crate::__mode!($mode, closure $d transport) };
                        }
        #[allow(unused_macros)]
        macro_rules! transport_send {
                    ($d transport:expr, $d request:expr) => {
                        $crate::__mode!($mode, transport_send $d transport, $d request)
                    };
                }
        #[allow(unused_macros)]
        macro_rules! erased_transport {
                            ($d transport:expr) => { $crate::__mode!($mode, erase $d transport) };
                        }

        $crate::__suite_tests!();
    };
}

/// Every test of the suite. Add flows here: each test is written once and
/// may use `suite_test!`, `send!`, `client!`, `closure_transport!`,
/// `erased_transport!` and `transport_send!` (see the crate docs).
#[doc(hidden)]
#[macro_export]
macro_rules! __suite_tests {
    () => {
        // ---- institutions -------------------------------------------------

        suite_test! { fn institutions_list() {
            use $crate::plaid_core::models::{MfaKind, Product};
            let sandbox = $crate::start_sandbox();
            let client = client!($crate::sandbox_config(&sandbox.url()));

            let institutions = send!(client.institutions()).expect("institutions");
            assert_eq!(institutions.len(), $crate::SANDBOX_INSTITUTIONS);
            let bofa = institutions
                .iter()
                .find(|i| i.id == $crate::BOFA_ID)
                .expect("bofa is listed");
            assert_eq!(bofa.name, "Bank of America");
            assert_eq!(bofa.institution_type, "bofa");
            assert!(bofa.has_mfa);
            assert_eq!(bofa.credentials.username.as_deref(), Some("Online ID"));
            assert_eq!(bofa.credentials.password.as_deref(), Some("Password"));
            assert_eq!(bofa.credentials.pin, None);
            assert_eq!(bofa.mfa, [MfaKind::Code, MfaKind::List, MfaKind::Questions(Some(3))]);
            for product in [
                Product::Connect,
                Product::Auth,
                Product::Balance,
                Product::Info,
                Product::Income,
                Product::Risk,
            ] {
                assert!(bofa.products.contains(&product), "bofa has {product:?}");
            }
        }}

        suite_test! { fn institution_by_id_on_both_routes() {
            let sandbox = $crate::start_sandbox();
            let client = client!($crate::sandbox_config(&sandbox.url()));

            let bofa = send!(client.institution($crate::BOFA_ID)).expect("institution");
            assert_eq!(bofa.id, $crate::BOFA_ID);
            assert_eq!(bofa.name, "Bank of America");

            let core = send!(client.core_institution($crate::BOFA_ID)).expect("core institution");
            assert_eq!(core, bofa);
        }}

        suite_test! { fn unknown_institution_is_not_found() {
            use $crate::plaid_core::{ErrorCode, ErrorKind};
            let sandbox = $crate::start_sandbox();
            let client = client!($crate::sandbox_config(&sandbox.url()));

            let error = send!(client.institution("000000000000000000000000"))
                .expect_err("no such institution");
            assert_eq!(error.kind(), ErrorKind::NotFound, "{error}");
            assert_eq!(error.code(), Some(ErrorCode::InstitutionNotFound));
            assert_eq!(error.status().map(|s| s.as_u16()), Some(404));
            assert!(error.request_id().is_some_and(|id| !id.is_empty()), "request id");
            assert!(error.body().is_some_and(|body| !body.is_empty()), "raw body");
        }}

        // ---- categories ---------------------------------------------------

        suite_test! { fn categories_list() {
            let sandbox = $crate::start_sandbox();
            let client = client!($crate::sandbox_config(&sandbox.url()));

            let categories = send!(client.categories()).expect("categories");
            assert!(!categories.is_empty());
            let coffee = categories
                .iter()
                .find(|c| c.id == $crate::COFFEE_SHOP_ID)
                .expect("coffee shops are listed");
            assert_eq!(coffee.hierarchy, ["Food and Drink", "Restaurants", "Coffee Shop"]);
        }}

        suite_test! { fn category_by_id() {
            let sandbox = $crate::start_sandbox();
            let client = client!($crate::sandbox_config(&sandbox.url()));

            let coffee = send!(client.category($crate::COFFEE_SHOP_ID)).expect("category");
            assert_eq!(coffee.id, $crate::COFFEE_SHOP_ID);
            assert_eq!(coffee.hierarchy, ["Food and Drink", "Restaurants", "Coffee Shop"]);
        }}

        suite_test! { fn unknown_category_is_not_found() {
            use $crate::plaid_core::{ErrorCode, ErrorKind};
            let sandbox = $crate::start_sandbox();
            let client = client!($crate::sandbox_config(&sandbox.url()));

            let error = send!(client.category("nope")).expect_err("no such category");
            assert_eq!(error.kind(), ErrorKind::NotFound, "{error}");
            assert_eq!(error.code(), Some(ErrorCode::CategoryNotFound));
            assert_eq!(error.status().map(|s| s.as_u16()), Some(404));
        }}

        // ---- suppress_http_errors -----------------------------------------

        suite_test! { fn suppressed_client_returns_error_responses() {
            let sandbox = $crate::start_sandbox();
            let client = client!($crate::sandbox_config(&sandbox.url()));

            let raw = send!(client.suppress_http_errors().category("nope")).expect("raw response");
            assert_eq!(raw.status().as_u16(), 404);
            assert!(!raw.is_success());
            assert!(raw.request_id().is_some());
            let json: $crate::serde_json::Value = raw.json().expect("json body");
            assert_eq!(json["code"], 1501);

            // Success responses come through the same way.
            let raw = send!(client.suppress_http_errors().category($crate::COFFEE_SHOP_ID))
                .expect("raw response");
            assert!(raw.is_success());
            assert_eq!(raw.parse().expect("typed").id, $crate::COFFEE_SHOP_ID);
        }}

        suite_test! { fn raw_call_returns_error_responses() {
            let sandbox = $crate::start_sandbox();
            let client = client!($crate::sandbox_config(&sandbox.url()));

            let raw = send!(client.category("nope").raw()).expect("raw response");
            assert_eq!(raw.status().as_u16(), 404);
            assert!(!raw.is_success());
            let json: $crate::serde_json::Value = raw.json().expect("json body");
            assert_eq!(json["code"], 1501);
        }}

        // ---- timeouts -----------------------------------------------------

        suite_test! { fn per_call_timeout_is_honoured() {
            use ::std::time::Duration;
            use $crate::plaid_core::{Client, ErrorKind};
            let sandbox = $crate::start_sandbox();
            let config = $crate::sandbox_config(&sandbox.url());
            let backend = client!(config.clone());
            let slow = Client::new(
                config,
                $crate::WithHeader::fault(backend.transport().clone(), "latency=500"),
            );

            let error = send!(slow.categories().timeout(Duration::from_millis(100)))
                .expect_err("the call outlives its timeout");
            assert_eq!(error.kind(), ErrorKind::Timeout, "{error}");
            assert!(error.is_timeout());

            // A longer per-call timeout lets the same slow call through.
            send!(slow.categories().timeout(Duration::from_secs(10))).expect("slow but in time");
        }}

        suite_test! { fn client_default_timeout_is_honoured() {
            use ::std::time::Duration;
            use $crate::plaid_core::{Client, ErrorKind};
            let sandbox = $crate::start_sandbox();
            let config = $crate::sandbox_config(&sandbox.url());
            let backend = client!(config.clone());
            let slow = Client::new(
                config.with_timeout(Duration::from_millis(100)),
                $crate::WithHeader::fault(backend.transport().clone(), "latency=500"),
            );

            let error = send!(slow.institutions()).expect_err("the call outlives the default");
            assert_eq!(error.kind(), ErrorKind::Timeout, "{error}");

            // The per-call timeout overrides the client's.
            send!(slow.institutions().timeout(Duration::from_secs(10))).expect("in time");
        }}

        suite_test! { fn stalled_server_times_out() {
            use ::std::time::Duration;
            use $crate::plaid_core::{Client, ErrorKind};
            let sandbox = $crate::start_sandbox();
            let config = $crate::sandbox_config(&sandbox.url());
            let backend = client!(config.clone());
            let stalled = Client::new(
                config.with_timeout(Duration::from_millis(200)),
                $crate::WithHeader::fault(backend.transport().clone(), "stall"),
            );

            let error = send!(stalled.categories()).expect_err("no answer");
            assert_eq!(error.kind(), ErrorKind::Timeout, "{error}");
        }}

        // ---- what the transport hands to the core -------------------------

        suite_test! { fn redirects_are_not_followed() {
            use $crate::plaid_core::Client;
            let sandbox = $crate::start_sandbox();
            let config = $crate::sandbox_config(&sandbox.url());
            let backend = client!(config.clone());
            // Following the redirect would answer 200 with the categories.
            let target = format!("{}/categories", sandbox.url());
            let redirecting = Client::new(
                config,
                $crate::WithHeader::fault(
                    backend.transport().clone(),
                    &format!("redirect={target}"),
                ),
            );

            let raw = send!(redirecting.categories().raw()).expect("raw response");
            assert_eq!(raw.status().as_u16(), 302);
            assert_eq!(
                raw.headers().get("location").and_then(|v| v.to_str().ok()),
                Some(target.as_str())
            );
            assert!(send!(redirecting.categories()).is_err(), "a 302 is not a success");
        }}

        suite_test! { fn server_errors_keep_status_headers_and_body() {
            use $crate::plaid_core::{Client, ErrorCode, ErrorKind};
            let sandbox = $crate::start_sandbox();
            let config = $crate::sandbox_config(&sandbox.url());
            let backend = client!(config.clone());
            let failing = Client::new(
                config,
                $crate::WithHeader::fault(backend.transport().clone(), "status=503;retry-after=2"),
            );

            let error = send!(failing.categories()).expect_err("maintenance");
            assert_eq!(error.kind(), ErrorKind::Maintenance, "{error}");
            assert_eq!(error.status().map(|s| s.as_u16()), Some(503));
            assert_eq!(error.code(), Some(ErrorCode::PlannedMaintenance));
            assert!(error.body().is_some());

            let raw = send!(failing.categories().raw()).expect("raw response");
            assert_eq!(raw.status().as_u16(), 503);
            assert_eq!(
                raw.headers().get("retry-after").and_then(|v| v.to_str().ok()),
                Some("2")
            );
        }}

        suite_test! { fn truncated_body_is_an_io_error() {
            use $crate::plaid_core::{Client, ErrorKind};
            let sandbox = $crate::start_sandbox();
            let config = $crate::sandbox_config(&sandbox.url());
            let backend = client!(config.clone());
            let truncating = Client::new(
                config,
                $crate::WithHeader::fault(backend.transport().clone(), "truncate"),
            );

            let error = send!(truncating.categories()).expect_err("truncated");
            assert_eq!(error.kind(), ErrorKind::Io, "{error}");
        }}

        suite_test! { fn request_bodies_are_sent_on_every_method() {
            use $crate::plaid_core::http::{Method, Request};
            let sandbox = $crate::start_sandbox();
            let backend = client!($crate::sandbox_config(&sandbox.url()));
            let transport = ::std::clone::Clone::clone(backend.transport());
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
                transport_send!(transport, request).expect("a response");
                let recorded = sandbox.recorded_requests();
                assert_eq!(recorded.len(), 1, "{method}");
                assert_eq!(recorded[0].method, method.as_str());
                assert_eq!(recorded[0].body, body, "the {method} body is sent");
            }

            // An empty GET goes without a body.
            sandbox.clear_recorded_requests();
            let request = Request::get(&url).body(Vec::new()).expect("request");
            let response = transport_send!(transport, request).expect("a response");
            assert_eq!(response.status().as_u16(), 200);
            let recorded = sandbox.recorded_requests();
            assert!(recorded[0].body.is_empty());
            assert!(recorded[0].header("transfer-encoding").is_none());
            assert!(recorded[0].header("content-length").is_none_or(|len| len == "0"));
        }}

        suite_test! { fn connection_refused_is_a_connect_error() {
            use $crate::plaid_core::ErrorKind;
            let client = client!($crate::sandbox_config(&$crate::refused_url()));

            let error = send!(client.categories()).expect_err("nothing listens");
            assert_eq!(error.kind(), ErrorKind::Connect, "{error}");
            assert!(::std::error::Error::source(&error).is_some(), "the source is kept");
        }}

        suite_test! { fn one_client_serves_many_calls() {
            let sandbox = $crate::start_sandbox();
            let client = client!($crate::sandbox_config(&sandbox.url()));
            for _ in 0..20 {
                send!(client.category($crate::COFFEE_SHOP_ID)).expect("category");
                let error = send!(client.category("nope")).expect_err("not found");
                assert_eq!(error.status().map(|s| s.as_u16()), Some(404));
            }
        }}

        // ---- other ways to hold the transport -----------------------------

        suite_test! { fn closure_transport_drives_a_call() {
            use $crate::plaid_core::Client;
            let sandbox = $crate::start_sandbox();
            let config = $crate::sandbox_config(&sandbox.url());
            let backend = client!(config.clone());
            let client = Client::new(config, closure_transport!(backend.transport().clone()));

            let bofa = send!(client.institution($crate::BOFA_ID)).expect("institution");
            assert_eq!(bofa.name, "Bank of America");
        }}

        suite_test! { fn erased_transport_drives_a_call() {
            use $crate::plaid_core::Client;
            let sandbox = $crate::start_sandbox();
            let config = $crate::sandbox_config(&sandbox.url());
            let backend = client!(config.clone());
            let client = Client::new(config, erased_transport!(backend.transport().clone()));

            let categories = send!(client.categories()).expect("categories");
            assert!(!categories.is_empty());
        }}
    };
}
