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
//!   transport value directly, bypassing the client;
//! - `sandbox_client!()`: `(sandbox, client)`, a fresh sandbox and the
//!   backend's client for it;
//! - `fault_client!(sandbox, fault)`: a client for `sandbox` whose every
//!   request carries `X-Sandbox-Fault: fault` (see [`WithHeader::fault`]).
//!
//! Plain functions of this crate ([`start_sandbox`], [`WithHeader`], …) are
//! the same in both forms. The assertion helpers take the result of a
//! `send!`: [`connected`] and [`challenge`] unwrap an MFA outcome,
//! [`api_error`] checks an API error's kind, code, status and message, and
//! [`assert_token`], [`assert_sandbox_accounts`], [`assert_questions`] and
//! [`assert_code_sent`] check the sandbox's values.

#![deny(missing_docs)]

mod assertions;
mod fixtures;
mod harness;
mod setup;

pub use assertions::{
    api_error, assert_code_sent, assert_questions, assert_sandbox_accounts, assert_token,
    challenge, connected,
};
pub use fixtures::{
    ACCOUNT_IDS, BOFA_ID, CHECKING_ID, COFFEE_SHOP_ID, CREDIT_ID, PENDING_ID, POSTED_TRANSACTIONS,
    QUESTION, REMOVED, SANDBOX_INSTITUTIONS, date, good_login,
};
#[cfg(feature = "async")]
pub use harness::Tokio;
pub use harness::{Backend, Blocking, DrivenBy};
pub use setup::{WithHeader, refused_url, requests_to, sandbox_config, start_sandbox};

#[doc(hidden)]
pub use plaid_core;
#[doc(hidden)]
pub use serde_json;

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
        macro_rules! sandbox_client {
                    () => {{
                        let sandbox = $crate::start_sandbox();
                        let client = client!($crate::sandbox_config(&sandbox.url()));
                        (sandbox, client)
                    }};
                }
        #[allow(unused_macros)]
        macro_rules! fault_client {
                    ($d sandbox:expr, $d fault:expr) => {{
                        let config = $crate::sandbox_config(&$d sandbox.url());
                        let backend = client!(config.clone());
                        $crate::plaid_core::Client::new(
                            config,
                            $crate::WithHeader::fault(
                                ::std::clone::Clone::clone(backend.transport()),
                                $d fault,
                            ),
                        )
                    }};
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
/// `erased_transport!`, `transport_send!`, `sandbox_client!` and
/// `fault_client!` (see the crate docs).
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

        // ---- connect without MFA ------------------------------------------

        suite_test! { fn connect_without_mfa_returns_accounts_transactions_and_token() {
            let (_sandbox, client) = sandbox_client!();

            let data = $crate::connected(send!(client.connect("wells", $crate::good_login())));
            $crate::assert_sandbox_accounts(&data.accounts);
            let transactions = data.transactions.expect("transactions");
            assert_eq!(transactions.len(), $crate::POSTED_TRANSACTIONS);
            assert!(transactions.iter().all(|t| !t.pending));
            $crate::assert_token(Some(&data.access_token), "test_wells");
        }}

        suite_test! { fn connect_login_only_omits_transactions() {
            use $crate::plaid_core::AddOptions;
            let (_sandbox, client) = sandbox_client!();

            let options = AddOptions::new().login_only(true);
            let data = $crate::connected(send!(
                client.connect_with_options("wells", $crate::good_login(), options)
            ));
            $crate::assert_sandbox_accounts(&data.accounts);
            assert!(data.transactions.is_none(), "login_only has no transactions");
            $crate::assert_token(Some(&data.access_token), "test_wells");
        }}

        suite_test! { fn newer_sandbox_alias_credentials_connect() {
            use $crate::plaid_core::Login;
            let (_sandbox, client) = sandbox_client!();

            let data = $crate::connected(send!(
                client.connect("amex", Login::new("user_good", "pass_good"))
            ));
            $crate::assert_token(Some(&data.access_token), "test_amex");
        }}

        suite_test! { fn info_income_and_risk_adds_return_their_payloads() {
            let (_sandbox, client) = sandbox_client!();

            let info = $crate::connected(send!(client.info("wells", $crate::good_login())));
            assert_eq!(info.info.names, ["Kelly Walters"]);
            let income = $crate::connected(send!(client.income("wells", $crate::good_login())));
            assert_eq!(income.income.number_of_income_streams, Some(2));
            let risk = $crate::connected(send!(client.risk("wells", $crate::good_login())));
            assert!(risk.accounts.iter().all(|a| a.risk.is_some()));
        }}

        // ---- MFA: questions -----------------------------------------------

        suite_test! { fn mfa_questions_again_asks_another_round_then_tomato_connects() {
            use $crate::plaid_core::MfaAnswer;
            let (_sandbox, client) = sandbox_client!();

            let first = $crate::challenge(send!(client.connect("bofa", $crate::good_login())));
            $crate::assert_questions(&first, "test_bofa");
            let bofa = client.with_access_token(first.access_token);

            let again = $crate::challenge(send!(bofa.connect_step(MfaAnswer::answer("again"))));
            $crate::assert_questions(&again, "test_bofa");

            let data = $crate::connected(send!(bofa.connect_step(MfaAnswer::answer("tomato"))));
            $crate::assert_sandbox_accounts(&data.accounts);
            assert_eq!(data.transactions.map(|t| t.len()), Some($crate::POSTED_TRANSACTIONS));
            $crate::assert_token(Some(&data.access_token), "test_bofa");
        }}

        suite_test! { fn mfa_wrong_answer_is_invalid_mfa_and_echoes_the_token() {
            use $crate::plaid_core::{ErrorCode, ErrorKind, MfaAnswer};
            let (_sandbox, client) = sandbox_client!();
            let bofa = client.with_access_token("test_bofa");

            let error = $crate::api_error(
                send!(bofa.connect_step(MfaAnswer::answer("potato"))),
                ErrorKind::RequestFailed,
                ErrorCode::InvalidMfa,
            );
            $crate::assert_token(error.access_token(), "test_bofa");
        }}

        // ---- MFA: code-based (chase) --------------------------------------

        suite_test! { fn mfa_list_send_to_phone_then_code_connects() {
            use $crate::plaid_core::MfaAnswer;
            use $crate::plaid_core::models::{DeviceType, Mfa};
            let (_sandbox, client) = sandbox_client!();

            let list = $crate::challenge(send!(client.connect("chase", $crate::good_login())));
            let Mfa::List(devices) = &list.mfa else { panic!("expected a list, got {:?}", list.mfa) };
            let devices: Vec<(&str, &DeviceType)> =
                devices.iter().map(|d| (d.mask.as_str(), &d.kind)).collect();
            assert_eq!(devices, [
                ("t..t@plaid.com", &DeviceType::Email),
                ("xxx-xxx-5309", &DeviceType::Phone),
                ("SafePass Card", &DeviceType::Card),
            ]);
            $crate::assert_token(Some(&list.access_token), "test_chase");
            let chase = client.with_access_token(list.access_token);

            let sent = $crate::challenge(send!(chase.connect_step(MfaAnswer::send_to(DeviceType::Phone))));
            $crate::assert_code_sent(&sent, "xxx-xxx-5309", "test_chase");

            let data = $crate::connected(send!(chase.connect_step(MfaAnswer::code("1234"))));
            $crate::assert_sandbox_accounts(&data.accounts);
            $crate::assert_token(Some(&data.access_token), "test_chase");
        }}

        suite_test! { fn mfa_send_method_by_mask_or_type_picks_that_device() {
            use $crate::plaid_core::MfaAnswer;
            use $crate::plaid_core::models::DeviceType;
            let (_sandbox, client) = sandbox_client!();
            let chase = client.with_access_token("test_chase");

            for (answer, mask) in [
                (MfaAnswer::send_to_mask("xxx-xxx-5309"), "xxx-xxx-5309"),
                (MfaAnswer::send_to_mask("SafePass Card"), "SafePass Card"),
                (MfaAnswer::send_to(DeviceType::Email), "t..t@plaid.com"),
                (MfaAnswer::send_to(DeviceType::Card), "SafePass Card"),
            ] {
                let sent = $crate::challenge(send!(chase.connect_step(answer)));
                $crate::assert_code_sent(&sent, mask, "test_chase");
            }
        }}

        suite_test! { fn mfa_without_list_sends_the_code_straight_away() {
            use $crate::plaid_core::AddOptions;
            let (_sandbox, client) = sandbox_client!();

            let options = AddOptions::new().list(false);
            let sent = $crate::challenge(send!(
                client.connect_with_options("chase", $crate::good_login(), options)
            ));
            $crate::assert_code_sent(&sent, "t..t@plaid.com", "test_chase");
        }}

        suite_test! { fn mfa_unknown_send_method_is_invalid_send_method() {
            use $crate::plaid_core::{ErrorCode, ErrorKind, MfaAnswer};
            use $crate::plaid_core::models::DeviceType;
            let (_sandbox, client) = sandbox_client!();
            let chase = client.with_access_token("test_chase");

            for answer in [
                MfaAnswer::send_to_mask("xxx-xxx-0000"),
                MfaAnswer::send_to(DeviceType::Unknown("pigeon".into())),
            ] {
                $crate::api_error(
                    send!(chase.connect_step(answer)),
                    ErrorKind::RequestFailed,
                    ErrorCode::InvalidSendMethod,
                );
            }
        }}

        // ---- MFA: selections (citi) ---------------------------------------

        suite_test! { fn mfa_selections_answered_in_order_connect() {
            use $crate::plaid_core::{Login, MfaAnswer};
            use $crate::plaid_core::models::Mfa;
            let (_sandbox, client) = sandbox_client!();

            let login = Login::new("plaid_selections", "plaid_good");
            let challenge = $crate::challenge(send!(client.connect("citi", login)));
            let Mfa::Selections(selections) = &challenge.mfa else {
                panic!("expected selections, got {:?}", challenge.mfa)
            };
            let asked: Vec<(&str, &[String])> = selections
                .iter()
                .map(|s| (s.question.as_str(), s.answers.as_slice()))
                .collect();
            assert_eq!(asked, [
                ($crate::QUESTION, &["tomato".to_owned(), "ketchup".to_owned()][..]),
                ("Ketchup or mustard?", &["ketchup".to_owned(), "mustard".to_owned()][..]),
            ]);
            let citi = client.with_access_token(challenge.access_token);

            let answer = MfaAnswer::selections(["tomato", "ketchup"]);
            let data = $crate::connected(send!(citi.connect_step(answer)));
            $crate::assert_sandbox_accounts(&data.accounts);
            $crate::assert_token(Some(&data.access_token), "test_citi");
        }}

        suite_test! { fn mfa_wrong_selections_are_invalid_mfa() {
            use $crate::plaid_core::{ErrorCode, ErrorKind, MfaAnswer};
            let (_sandbox, client) = sandbox_client!();
            let citi = client.with_access_token("test_citi");

            let error = $crate::api_error(
                send!(citi.connect_step(MfaAnswer::selections(["tomato", "mustard"]))),
                ErrorKind::RequestFailed,
                ErrorCode::InvalidMfa,
            );
            $crate::assert_token(error.access_token(), "test_citi");
        }}

        suite_test! { fn citi_standard_user_gets_questions() {
            let (_sandbox, client) = sandbox_client!();

            let challenge = $crate::challenge(send!(client.connect("citi", $crate::good_login())));
            $crate::assert_questions(&challenge, "test_citi");
        }}

        // ---- auth ---------------------------------------------------------

        suite_test! { fn auth_gives_numbers_for_depository_accounts_only() {
            let (_sandbox, client) = sandbox_client!();

            let data = $crate::connected(send!(client.auth("wells", $crate::good_login())));
            $crate::assert_sandbox_accounts(&data.accounts);
            let numbers: Vec<(Option<&str>, Option<&str>, Option<&str>)> = data
                .accounts
                .iter()
                .map(|a| {
                    let n = a.numbers.as_ref().expect("auth accounts have numbers");
                    (n.routing.as_deref(), n.account.as_deref(), n.wire_routing.as_deref())
                })
                .collect();
            let routing = Some("021000021");
            assert_eq!(numbers, [
                (routing, Some("9900009606"), routing),
                (routing, Some("9900001702"), routing),
                (routing, Some("9900005204"), routing),
                (None, None, None),
            ]);
            $crate::assert_token(Some(&data.access_token), "test_wells");
        }}

        suite_test! { fn auth_mfa_is_answered_with_auth_step() {
            use $crate::plaid_core::MfaAnswer;
            let (_sandbox, client) = sandbox_client!();

            let challenge = $crate::challenge(send!(client.auth("bofa", $crate::good_login())));
            $crate::assert_questions(&challenge, "test_bofa");
            let bofa = client.with_access_token(challenge.access_token);

            let data = $crate::connected(send!(bofa.auth_step(MfaAnswer::answer("tomato"))));
            assert!(data.accounts[0].numbers.as_ref().is_some_and(|n| n.routing.is_some()));
            $crate::assert_token(Some(&data.access_token), "test_bofa");
        }}

        // ---- login errors -------------------------------------------------

        suite_test! { fn usaa_with_the_right_pin_reaches_mfa() {
            let (_sandbox, client) = sandbox_client!();

            let login = $crate::good_login().with_pin("1234");
            let challenge = $crate::challenge(send!(client.connect("usaa", login)));
            $crate::assert_questions(&challenge, "test_usaa");
        }}

        suite_test! { fn usaa_without_a_pin_is_credentials_missing() {
            use $crate::plaid_core::{ErrorCode, ErrorKind};
            let (_sandbox, client) = sandbox_client!();

            $crate::api_error(
                send!(client.connect("usaa", $crate::good_login())),
                ErrorKind::BadRequest,
                ErrorCode::CredentialsMissing,
            );
        }}

        suite_test! { fn usaa_with_a_wrong_pin_is_invalid_pin() {
            use $crate::plaid_core::{ErrorCode, ErrorKind};
            let (_sandbox, client) = sandbox_client!();

            $crate::api_error(
                send!(client.connect("usaa", $crate::good_login().with_pin("0000"))),
                ErrorKind::RequestFailed,
                ErrorCode::InvalidPin,
            );
        }}

        suite_test! { fn locked_account_is_account_locked() {
            use $crate::plaid_core::{ErrorCode, ErrorKind, Login};
            let (_sandbox, client) = sandbox_client!();

            $crate::api_error(
                send!(client.connect("wells", Login::new("plaid_test", "plaid_locked"))),
                ErrorKind::RequestFailed,
                ErrorCode::AccountLocked,
            );
        }}

        suite_test! { fn wrong_password_or_username_is_invalid_credentials() {
            use $crate::plaid_core::{ErrorCode, ErrorKind, Login};
            let (_sandbox, client) = sandbox_client!();

            for login in [Login::new("plaid_test", "plaid_bad"), Login::new("someone", "plaid_good")] {
                $crate::api_error(
                    send!(client.connect("wells", login)),
                    ErrorKind::RequestFailed,
                    ErrorCode::InvalidCredentials,
                );
            }
        }}

        suite_test! { fn wrong_client_keys_are_unauthorized() {
            use $crate::plaid_core::{Config, Credentials, Environment, ErrorCode, ErrorKind};
            let sandbox = $crate::start_sandbox();
            let config = Config::new(
                Environment::Custom(sandbox.url()),
                Credentials::new("test_id", "not_the_secret"),
            )
            .expect("config");
            let client = client!(config);

            $crate::api_error(
                send!(client.connect("wells", $crate::good_login())),
                ErrorKind::Unauthorized,
                ErrorCode::InvalidClientCredentials,
            );
        }}

        suite_test! { fn unknown_institution_type_on_add_is_not_found() {
            use $crate::plaid_core::{ErrorCode, ErrorKind};
            let (_sandbox, client) = sandbox_client!();

            $crate::api_error(
                send!(client.connect("notpnc", $crate::good_login())),
                ErrorKind::NotFound,
                ErrorCode::InstitutionNotFound,
            );
        }}

        // ---- update (PATCH) -----------------------------------------------

        suite_test! { fn connect_update_without_mfa_connects() {
            let (sandbox, client) = sandbox_client!();
            let amex = client.with_access_token("test_amex");

            let data = $crate::connected(send!(amex.connect_update($crate::good_login())));
            assert_eq!(data.transactions.map(|t| t.len()), Some($crate::POSTED_TRANSACTIONS));
            $crate::assert_token(Some(&data.access_token), "test_amex");
            let last = sandbox.recorded_requests().pop().expect("a request");
            assert_eq!((last.method.as_str(), last.path.as_str()), ("PATCH", "/connect"));
        }}

        suite_test! { fn connect_update_step_answers_the_code() {
            use $crate::plaid_core::MfaAnswer;
            let (sandbox, client) = sandbox_client!();
            let chase = client.with_access_token("test_chase");

            let sent = $crate::challenge(send!(chase.connect_update($crate::good_login())));
            $crate::assert_code_sent(&sent, "t..t@plaid.com", "test_chase");

            let data = $crate::connected(send!(chase.connect_update_step(MfaAnswer::code("1234"))));
            $crate::assert_sandbox_accounts(&data.accounts);
            let last = sandbox.recorded_requests().pop().expect("a request");
            assert_eq!((last.method.as_str(), last.path.as_str()), ("PATCH", "/connect/step"));
        }}

        suite_test! { fn auth_update_without_mfa_connects() {
            let (_sandbox, client) = sandbox_client!();
            let amex = client.with_access_token("test_amex");

            let data = $crate::connected(send!(amex.auth_update($crate::good_login())));
            assert!(data.accounts[0].numbers.is_some());
            $crate::assert_token(Some(&data.access_token), "test_amex");
        }}

        // ---- upgrade ------------------------------------------------------

        suite_test! { fn upgrade_to_info_returns_the_info() {
            use $crate::plaid_core::models::Product;
            let (_sandbox, client) = sandbox_client!();
            let bofa = client.with_access_token("test_bofa");

            let data = $crate::connected(send!(bofa.upgrade(Product::Info)));
            let info = data.info.expect("info after an upgrade to info");
            assert_eq!(info.names, ["Kelly Walters"]);
            assert_eq!(info.emails[0].data, "kelly.walters30@example.com");
            assert!(data.transactions.is_none());
            $crate::assert_token(Some(&data.access_token), "test_bofa");
        }}

        suite_test! { fn upgrade_step_answers_with_the_upgraded_product() {
            use $crate::plaid_core::MfaAnswer;
            use $crate::plaid_core::models::Product;
            let (sandbox, client) = sandbox_client!();
            let bofa = client.with_access_token("test_bofa");

            let data = $crate::connected(send!(bofa.upgrade_step(Product::Info, MfaAnswer::answer("tomato"))));
            assert!(data.info.is_some_and(|info| !info.names.is_empty()), "the info product's data");
            let step = sandbox.recorded_requests().into_iter().find(|r| r.path == "/upgrade/step");
            let body = step.map(|r| String::from_utf8_lossy(&r.body).into_owned()).unwrap_or_default();
            assert!(body.contains("upgrade_to=info"), "{body}");
        }}

        suite_test! { fn upgrade_to_unknown_product_is_invalid_upgrade() {
            use $crate::plaid_core::{ErrorCode, ErrorKind};
            use $crate::plaid_core::models::Product;
            let (_sandbox, client) = sandbox_client!();
            let bofa = client.with_access_token("test_bofa");

            $crate::api_error(
                send!(bofa.upgrade(Product::Unknown("bogus".into()))),
                ErrorKind::Unauthorized,
                ErrorCode::InvalidUpgrade,
            );
        }}

        // ---- delete -------------------------------------------------------

        suite_test! { fn connect_and_auth_delete_confirm_the_removal() {
            let (sandbox, client) = sandbox_client!();
            let chase = client.with_access_token("test_chase");

            assert_eq!(send!(chase.connect_delete()).expect("connect delete").message, $crate::REMOVED);
            // The sandbox is stateless: the token still works after a delete.
            assert_eq!(send!(chase.auth_delete()).expect("auth delete").message, $crate::REMOVED);
            let routes: Vec<(String, String)> = sandbox
                .recorded_requests()
                .into_iter()
                .map(|r| (r.method, r.path))
                .collect();
            assert_eq!(routes, [
                ("DELETE".to_owned(), "/connect".to_owned()),
                ("DELETE".to_owned(), "/auth".to_owned()),
            ]);
        }}

        // ---- public token exchange ----------------------------------------

        suite_test! { fn exchange_public_token_gives_the_access_token() {
            let (_sandbox, client) = sandbox_client!();

            let exchanged = send!(client.exchange_token("test,chase,connected")).expect("exchange");
            $crate::assert_token(Some(&exchanged.access_token), "test_chase");
            assert!(exchanged.stripe_bank_account_token.is_none());
            assert!(exchanged.account_id.is_none());
        }}

        suite_test! { fn exchange_for_a_depository_account_gives_a_stripe_token() {
            let (_sandbox, client) = sandbox_client!();

            let exchanged = send!(
                client.exchange_token_for_account("test,chase,connected", $crate::CHECKING_ID)
            )
            .expect("exchange");
            $crate::assert_token(Some(&exchanged.access_token), "test_chase");
            assert_eq!(exchanged.account_id.as_deref(), Some($crate::CHECKING_ID));
            let stripe = exchanged.stripe_bank_account_token.expect("stripe token");
            let stripe = stripe.expose_secret();
            assert!(stripe.starts_with("btok_") && stripe.len() == 29, "{} chars", stripe.len());
        }}

        suite_test! { fn exchange_errors_have_their_codes() {
            use $crate::plaid_core::{ErrorCode, ErrorKind};
            let (_sandbox, client) = sandbox_client!();

            $crate::api_error(
                send!(client.exchange_token("test,nobank,connected")),
                ErrorKind::Unauthorized,
                ErrorCode::BadPublicToken,
            );
            $crate::api_error(
                send!(client.exchange_token_for_account("test,chase,connected", $crate::CREDIT_ID)),
                ErrorKind::BadRequest,
                ErrorCode::NonDepositoryAccount,
            );
            $crate::api_error(
                send!(client.exchange_token_for_account("test,chase,connected", "nope")),
                ErrorKind::NotFound,
                ErrorCode::AccountNotFound,
            );
        }}

        // ---- reads on an item ---------------------------------------------

        suite_test! { fn auth_get_returns_the_numbers() {
            let (_sandbox, client) = sandbox_client!();
            let chase = client.with_access_token("test_chase");

            let data = send!(chase.auth_get()).expect("auth get");
            $crate::assert_sandbox_accounts(&data.accounts);
            let credit = data.accounts[3].numbers.as_ref().expect("numbers");
            assert!(credit.routing.is_none() && credit.account.is_none());
            assert_eq!(
                data.accounts[1].numbers.as_ref().and_then(|n| n.account.as_deref()),
                Some("9900001702")
            );
        }}

        suite_test! { fn balance_lists_every_account_with_its_balances() {
            use $crate::plaid_core::models::{AccountType, Amount};
            let (_sandbox, client) = sandbox_client!();
            let chase = client.with_access_token("test_chase");

            let data = send!(chase.balance()).expect("balance");
            $crate::assert_sandbox_accounts(&data.accounts);
            let balances: Vec<(Option<f64>, Option<f64>)> = data
                .accounts
                .iter()
                .map(|a| (a.balance.available.map(Amount::as_f64), a.balance.current.map(Amount::as_f64)))
                .collect();
            assert_eq!(balances, [
                (Some(1203.42), Some(1274.93)),
                (Some(1081.78), Some(1253.32)),
                (Some(7205.23), Some(7255.23)),
                (Some(9930.0), Some(2275.58)),
            ]);
            let credit = &data.accounts[3];
            assert_eq!(credit.account_type, AccountType::Credit);
            assert_eq!(credit.meta.limit.map(Amount::as_f64), Some(12500.0));
            assert!(data.accounts[..3].iter().all(|a| a.meta.limit.is_none()));
        }}

        suite_test! { fn connect_get_returns_the_posted_transactions() {
            let (_sandbox, client) = sandbox_client!();
            let chase = client.with_access_token("test_chase");

            let data = send!(chase.connect_get()).expect("connect get");
            $crate::assert_sandbox_accounts(&data.accounts);
            let transactions = data.transactions.expect("transactions");
            assert_eq!(transactions.len(), $crate::POSTED_TRANSACTIONS);
            assert!(transactions.iter().all(|t| !t.pending));
            $crate::assert_token(Some(&data.access_token), "test_chase");
        }}

        suite_test! { fn connect_get_pending_adds_the_pending_transaction() {
            use $crate::plaid_core::GetOptions;
            let (_sandbox, client) = sandbox_client!();
            let chase = client.with_access_token("test_chase");

            let posted = send!(chase.connect_get()).expect("default").transactions.expect("txns");
            let all = send!(chase.connect_get_with_options(GetOptions::new().pending(true)))
                .expect("with pending")
                .transactions
                .expect("txns");
            assert_eq!(all.len(), posted.len() + 1);
            let (pending, rest): (Vec<_>, Vec<_>) = all.into_iter().partition(|t| t.pending);
            assert_eq!(rest, posted, "the posted ones are unchanged");
            let ids: Vec<&str> = pending.iter().map(|t| t.id.as_str()).collect();
            assert_eq!(ids, [$crate::PENDING_ID]);
        }}

        suite_test! { fn connect_get_date_filter_is_inclusive() {
            use $crate::plaid_core::GetOptions;
            let (_sandbox, client) = sandbox_client!();
            let chase = client.with_access_token("test_chase");
            let (gte, lte) = ($crate::date("2014-04-11"), $crate::date("2014-06-01"));

            let all = send!(chase.connect_get()).expect("all").transactions.expect("txns");
            let options = GetOptions::new().gte(gte).lte(lte);
            let filtered = send!(chase.connect_get_with_options(options))
                .expect("filtered")
                .transactions
                .expect("txns");
            let expected: Vec<_> =
                all.into_iter().filter(|t| (gte..=lte).contains(&t.date)).collect();
            assert_eq!(filtered, expected);
            assert_eq!(filtered.len(), 9);
            assert_eq!(filtered.first().map(|t| t.date), Some(lte), "lte is inclusive");
            assert_eq!(filtered.last().map(|t| t.date), Some(gte), "gte is inclusive");
        }}

        suite_test! { fn connect_get_account_filter_keeps_every_account() {
            use $crate::plaid_core::GetOptions;
            let (_sandbox, client) = sandbox_client!();
            let chase = client.with_access_token("test_chase");

            let data = send!(chase.connect_get_with_options(GetOptions::new().account($crate::CHECKING_ID)))
                .expect("filtered");
            $crate::assert_sandbox_accounts(&data.accounts);
            let transactions = data.transactions.expect("txns");
            assert_eq!(transactions.len(), 7);
            assert!(transactions.iter().all(|t| t.account == $crate::CHECKING_ID));
        }}

        suite_test! { fn connect_get_unknown_account_is_not_found() {
            use $crate::plaid_core::{ErrorCode, ErrorKind, GetOptions};
            let (_sandbox, client) = sandbox_client!();
            let chase = client.with_access_token("test_chase");

            $crate::api_error(
                send!(chase.connect_get_with_options(GetOptions::new().account("nope"))),
                ErrorKind::NotFound,
                ErrorCode::AccountNotFound,
            );
        }}

        suite_test! { fn info_get_returns_the_identity() {
            let (_sandbox, client) = sandbox_client!();
            let chase = client.with_access_token("test_chase");

            let data = send!(chase.info_get()).expect("info get");
            $crate::assert_sandbox_accounts(&data.accounts);
            let info = data.info;
            assert_eq!(info.names, ["Kelly Walters"]);
            assert_eq!(info.phone_numbers[0].data, "4673956022");
            assert_eq!(info.addresses[0].data.city.as_deref(), Some("San Francisco"));
        }}

        suite_test! { fn income_get_returns_two_streams() {
            use $crate::plaid_core::models::Amount;
            let (_sandbox, client) = sandbox_client!();
            let chase = client.with_access_token("test_chase");

            let income = send!(chase.income_get()).expect("income get").income;
            let streams: Vec<(&str, f64)> = income
                .income_streams
                .iter()
                .map(|s| (s.name.as_str(), s.monthly_income.as_f64()))
                .collect();
            assert_eq!(streams, [("PLAID", 5250.0), ("BAGUETTES INC", 2400.0)]);
            assert_eq!(income.number_of_income_streams, Some(2));
            assert_eq!(income.last_year_income.map(Amount::as_f64), Some(56000.0));
        }}

        suite_test! { fn risk_get_scores_every_account() {
            let (_sandbox, client) = sandbox_client!();
            let chase = client.with_access_token("test_chase");

            let data = send!(chase.risk_get()).expect("risk get");
            $crate::assert_sandbox_accounts(&data.accounts);
            for account in &data.accounts {
                let risk = account.risk.as_ref().expect("every account has risk");
                assert_eq!(risk.score, 0.79);
                assert_eq!(risk.reason.get("benfords_law"), Some(&0.65));
            }
        }}

        // ---- access tokens ------------------------------------------------

        suite_test! { fn bad_access_token_is_unauthorized_and_echoed() {
            use $crate::plaid_core::{ErrorCode, ErrorKind, MfaAnswer};
            let (_sandbox, client) = sandbox_client!();
            let zoba = client.with_access_token("test_zoba");

            let (kind, code) = (ErrorKind::Unauthorized, ErrorCode::BadAccessToken);
            let errors = [
                $crate::api_error(send!(zoba.connect_get()), kind, code),
                $crate::api_error(send!(zoba.balance()), kind, code),
                $crate::api_error(send!(zoba.connect_step(MfaAnswer::answer("tomato"))), kind, code),
            ];
            for error in &errors {
                $crate::assert_token(error.access_token(), "test_zoba");
            }
        }}

        suite_test! { fn item_calls_without_a_token_are_refused_before_sending() {
            use $crate::plaid_core::models::Product;
            use $crate::plaid_core::{Error, MfaAnswer};
            let (sandbox, client) = sandbox_client!();

            let results: [Result<(), Error>; 6] = [
                send!(client.connect_get()).map(drop),
                send!(client.balance()).map(drop),
                send!(client.connect_step(MfaAnswer::answer("tomato"))).map(drop),
                send!(client.auth_update($crate::good_login())).map(drop),
                send!(client.upgrade(Product::Info)).map(drop),
                send!(client.connect_delete()).map(drop),
            ];
            for result in results {
                let error = result.expect_err("no access token");
                assert!(error.is_invalid_input(), "{error}");
            }
            assert!(sandbox.recorded_requests().is_empty(), "nothing was sent");
        }}

        // ---- institutions: paging, filters, search ------------------------

        suite_test! { fn institutions_all_pages_through_every_institution() {
            let (_sandbox, client) = sandbox_client!();

            let listed: Vec<String> =
                send!(client.institutions()).expect("list").into_iter().map(|i| i.id).collect();
            let mut paged = Vec::new();
            for (offset, size) in [(0, 5), (5, 5), (10, 4), (15, 0)] {
                let page = send!(client.institutions_all(5, offset, &[])).expect("page");
                assert_eq!(page.total_count, $crate::SANDBOX_INSTITUTIONS as u64);
                assert_eq!(page.results.len(), size, "offset {offset}");
                paged.extend(page.results.into_iter().map(|i| i.id));
            }
            assert_eq!(paged, listed);
        }}

        suite_test! { fn institutions_all_keeps_those_with_every_product() {
            use $crate::plaid_core::models::Product;
            let (_sandbox, client) = sandbox_client!();

            let listed = send!(client.institutions()).expect("list");
            for (products, count) in [
                (&[Product::Info][..], 10),
                (&[Product::Connect, Product::Info][..], 8),
            ] {
                let page = send!(client.institutions_all(50, 0, products)).expect("page");
                let expected: Vec<&str> = listed
                    .iter()
                    .filter(|i| products.iter().all(|p| i.products.contains(p)))
                    .map(|i| i.id.as_str())
                    .collect();
                let got: Vec<&str> = page.results.iter().map(|i| i.id.as_str()).collect();
                assert_eq!(got, expected, "{products:?}");
                assert_eq!((page.total_count, got.len()), (count, count as usize));
            }
        }}

        suite_test! { fn institutions_longtail_pages() {
            let (_sandbox, client) = sandbox_client!();

            let page = send!(client.institutions_longtail(5, 10)).expect("longtail");
            assert_eq!(page.total_count, $crate::SANDBOX_INSTITUTIONS as u64);
            assert_eq!(page.results.len(), 4);
        }}

        suite_test! { fn institution_search_by_name_finds_wells_fargo() {
            use $crate::plaid_core::endpoints::SearchQuery;
            let (_sandbox, client) = sandbox_client!();

            let results = send!(client.institution_search(SearchQuery::name("wells fargo")))
                .expect("search");
            let found: Vec<(&str, &str)> =
                results.iter().map(|r| (r.id.as_str(), r.name.as_str())).collect();
            assert_eq!(found, [("wells", "Wells Fargo")]);
            assert_eq!(results[0].products.get("connect"), Some(&true));
        }}

        suite_test! { fn institution_search_with_a_product_filter() {
            use $crate::plaid_core::endpoints::SearchQuery;
            use $crate::plaid_core::models::Product;
            let (_sandbox, client) = sandbox_client!();

            let query = SearchQuery::name("bank").product(Product::Connect);
            let results = send!(client.institution_all_search(query)).expect("search");
            let ids: Vec<&str> = results.iter().map(|r| r.id.as_str()).collect();
            assert_eq!(ids, ["bofa", "us"], "TD Bank has no connect");
        }}

        suite_test! { fn institution_search_by_id_returns_one_result() {
            use $crate::plaid_core::endpoints::SearchQuery;
            let (_sandbox, client) = sandbox_client!();

            let results = send!(client.institution_search(SearchQuery::id($crate::BOFA_ID)))
                .expect("search");
            let found: Vec<(&str, &str)> =
                results.iter().map(|r| (r.id.as_str(), r.name.as_str())).collect();
            assert_eq!(found, [("bofa", "Bank of America")]);
        }}

        suite_test! { fn institution_search_unknown_id_is_empty() {
            use $crate::plaid_core::endpoints::SearchQuery;
            let (_sandbox, client) = sandbox_client!();

            let results = send!(client.institution_search(SearchQuery::id("000000000000000000000000")))
                .expect("search");
            assert!(results.is_empty());
        }}

        // ---- sandbox error paths the typed client cannot reach ------------

        suite_test! { fn wire_level_errors_have_their_codes() {
            use $crate::plaid_core::ErrorCode;
            use $crate::plaid_core::family::legacy::error_from_response;
            use $crate::plaid_core::http::Request;
            let (sandbox, client) = sandbox_client!();
            let transport = ::std::clone::Clone::clone(client.transport());
            let keys = "client_id=test_id&secret=test_secret";
            let wells = "type=wells&credentials=%7B%22username%22%3A%22plaid_test%22%2C%22password%22%3A%22plaid_good%22%7D";

            let cases = [
                ("POST", "/connect/get", keys.to_owned(), ErrorCode::AccessTokenMissing),
                ("POST", "/connect", keys.to_owned(), ErrorCode::TypeMissing),
                ("POST", "/connect", format!("{keys}&access_token=test_bofa&{wells}"), ErrorCode::AccessTokenDisallowed),
                ("POST", "/connect", format!("{keys}&{wells}&options=nope"), ErrorCode::InvalidOptionsFormat),
                ("POST", "/connect", format!("{keys}&type=wells&credentials=nope"), ErrorCode::InvalidCredentialsFormat),
                ("POST", "/connect", format!("{keys}&type=wells&credentials=%7B%7D"), ErrorCode::CredentialsMissing),
                ("POST", "/upgrade", format!("{keys}&access_token=test_bofa"), ErrorCode::UpgradeToRequired),
                ("POST", "/connect/get", "secret=test_secret".to_owned(), ErrorCode::ClientIdMissing),
                ("POST", "/connect/get", "client_id=test_id".to_owned(), ErrorCode::SecretMissing),
                ("POST", "/exchange_token", keys.to_owned(), ErrorCode::MissingPublicToken),
                ("POST", "/institutions/all", format!("{keys}&count=0"), ErrorCode::InvalidInstitutionPaging),
                ("GET", "/institutions/search", String::new(), ErrorCode::InvalidInstitutionQuery),
                ("POST", "/connect/get", format!("{keys}&access_token=test_chase&options=%7B%22gte%22%3A%222014-13-01%22%7D"), ErrorCode::InvalidDate),
                ("GET", "/nope", String::new(), ErrorCode::ProductNotFound),
            ];
            for (method, path, body, code) in cases {
                let request = Request::builder()
                    .method(method)
                    .uri(format!("{}{path}", sandbox.url()))
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(body.into_bytes())
                    .expect("request");
                let response = transport_send!(transport, request).expect("a response");
                let error = error_from_response(response);
                assert_eq!(error.code(), Some(code), "{method} {path}: {error}");
                assert_eq!(error.status().map(|s| s.as_u16()), code.documented_status(), "{method} {path}");
            }
        }}

        // ---- X-Sandbox-Fault ----------------------------------------------

        suite_test! { fn rate_limit_is_rate_limited_with_retry_after() {
            use $crate::plaid_core::{ErrorCode, ErrorKind};
            let sandbox = $crate::start_sandbox();
            let limited = fault_client!(sandbox, "status=429;retry-after=3").with_access_token("test_chase");

            let error = $crate::api_error(send!(limited.balance()), ErrorKind::RateLimited, ErrorCode::RateLimitExceeded);
            assert_eq!(error.status().map(|s| s.as_u16()), Some(429));
            assert!(error.is_retryable());
            let raw = send!(limited.balance().raw()).expect("raw response");
            assert_eq!(raw.headers().get("retry-after").and_then(|v| v.to_str().ok()), Some("3"));
        }}

        suite_test! { fn server_error_statuses_map_to_their_kinds() {
            use $crate::plaid_core::{ErrorCode, ErrorKind};
            let sandbox = $crate::start_sandbox();

            for (status, kind, code, retryable) in [
                (500, ErrorKind::ServerError, ErrorCode::PlaidError, false),
                (501, ErrorKind::ExtractorError, ErrorCode::ExtractorError, false),
                (502, ErrorKind::ExtractorRetry, ErrorCode::ExtractorErrorRetry, true),
                (503, ErrorKind::Maintenance, ErrorCode::PlannedMaintenance, true),
            ] {
                let failing = fault_client!(sandbox, &format!("status={status}"))
                    .with_access_token("test_chase");
                let error = $crate::api_error(send!(failing.connect_get()), kind, code);
                assert_eq!(error.is_retryable(), retryable, "{status}");
            }
        }}

        suite_test! { fn malformed_body_is_a_decode_error_that_keeps_the_body() {
            use $crate::plaid_core::ErrorKind;
            let sandbox = $crate::start_sandbox();
            let malformed = fault_client!(sandbox, "malformed").with_access_token("test_chase");

            let error = send!(malformed.balance()).expect_err("not JSON");
            assert_eq!(error.kind(), ErrorKind::Decode, "{error}");
            assert!(error.is_decode() && !error.is_api());
            assert_eq!(error.status().map(|s| s.as_u16()), Some(200));
            assert!(error.api_error().is_none());
            let body = error.body().expect("body kept");
            assert!(body.starts_with(b"{\n  \"accounts\": ["), "{}", String::from_utf8_lossy(body));
        }}

        suite_test! { fn html_error_page_is_extractor_retry_without_api_error() {
            use $crate::plaid_core::ErrorKind;
            let sandbox = $crate::start_sandbox();
            let proxied = fault_client!(sandbox, "html=502").with_access_token("test_chase");

            let error = send!(proxied.connect_get()).expect_err("a 502 page");
            assert_eq!(error.kind(), ErrorKind::ExtractorRetry, "{error}");
            assert_eq!(error.status().map(|s| s.as_u16()), Some(502));
            assert!(error.api_error().is_none() && error.code().is_none());
            let body = String::from_utf8_lossy(error.body().expect("body kept")).into_owned();
            assert!(body.contains("<title>502 Bad Gateway</title>"), "{body}");
        }}

        // ---- reliability: retries, timeouts, redirects --------------------

        suite_test! { fn rate_limited_read_waits_for_retry_after_then_succeeds() {
            use ::std::time::{Duration, Instant};
            use $crate::plaid_core::RetryPolicy;
            let sandbox = $crate::start_sandbox();
            let limited = fault_client!(sandbox, "status=429;retry-after=1;times=2;key=limited")
                .with_access_token("test_chase");

            let started = Instant::now();
            let balance = send!(limited.balance().retry(RetryPolicy::default()))
                .expect("the third attempt succeeds");
            let waited = started.elapsed();
            $crate::assert_sandbox_accounts(&balance.accounts);
            assert_eq!($crate::requests_to(&sandbox, "/balance"), 3, "two 429s, then the answer");
            assert!(waited >= Duration::from_secs(2), "Retry-After: 1 was not honoured twice: {waited:?}");
        }}

        suite_test! { fn unavailable_read_backs_off_and_succeeds() {
            use $crate::plaid_core::RetryPolicy;
            let sandbox = $crate::start_sandbox();
            let flaky = fault_client!(sandbox, "status=503;times=2;key=flaky").with_access_token("test_chase");

            let data = send!(flaky.connect_get().retry(RetryPolicy::default())).expect("third attempt");
            assert_eq!(data.transactions.map(|t| t.len()), Some($crate::POSTED_TRANSACTIONS));
            assert_eq!($crate::requests_to(&sandbox, "/connect/get"), 3);
        }}

        suite_test! { fn retries_stop_at_the_attempt_cap() {
            use ::std::time::Duration;
            use $crate::plaid_core::{ErrorKind, RetryPolicy};
            let sandbox = $crate::start_sandbox();
            let down = fault_client!(sandbox, "status=503").with_access_token("test_chase");

            let policy = RetryPolicy::default().max_attempts(4).base_delay(Duration::from_millis(10));
            let error = send!(down.balance().retry(policy)).expect_err("always 503");
            assert_eq!(error.kind(), ErrorKind::Maintenance, "{error}");
            assert_eq!($crate::requests_to(&sandbox, "/balance"), 4);
        }}

        suite_test! { fn unsafe_calls_are_never_retried() {
            use $crate::plaid_core::{ErrorKind, RetryPolicy};
            let sandbox = $crate::start_sandbox();
            let flaky = fault_client!(sandbox, "status=503;times=1;key=add");

            let error = send!(flaky.connect("wells", $crate::good_login()).retry(RetryPolicy::default()))
                .expect_err("an add is sent once");
            assert_eq!(error.kind(), ErrorKind::Maintenance, "{error}");
            assert_eq!($crate::requests_to(&sandbox, "/connect"), 1, "the add must not be repeated");
        }}

        suite_test! { fn unsafe_calls_are_retried_only_when_opted_in() {
            use $crate::plaid_core::RetryPolicy;
            let sandbox = $crate::start_sandbox();
            let flaky = fault_client!(sandbox, "status=503;times=1;key=add");

            let policy = RetryPolicy::default().retry_non_idempotent(true);
            let outcome = send!(flaky.connect("wells", $crate::good_login()).retry(policy)).expect("second attempt");
            assert!(!outcome.is_mfa_required());
            assert_eq!($crate::requests_to(&sandbox, "/connect"), 2);
        }}

        suite_test! { fn retries_switched_off_send_once() {
            use $crate::plaid_core::{ErrorKind, RetryPolicy};
            let sandbox = $crate::start_sandbox();
            let flaky = fault_client!(sandbox, "status=503;times=1;key=off").with_access_token("test_chase");
            // The client default retries reads; the call switches that off.
            let flaky = flaky.with_config(flaky.config().clone().with_retry(RetryPolicy::default()));

            let error = send!(flaky.balance().retry(RetryPolicy::disabled())).expect_err("sent once");
            assert_eq!(error.kind(), ErrorKind::Maintenance, "{error}");
            assert_eq!($crate::requests_to(&sandbox, "/balance"), 1);
        }}

        suite_test! { fn stalled_read_times_out_within_the_limit_on_every_attempt() {
            use ::std::time::{Duration, Instant};
            use $crate::plaid_core::{ErrorKind, RetryPolicy};
            let sandbox = $crate::start_sandbox();
            let stalled = fault_client!(sandbox, "stall").with_access_token("test_chase");

            // Two attempts of 200 ms each, 10 ms apart: well under a second.
            let policy = RetryPolicy::default().max_attempts(2).base_delay(Duration::from_millis(10));
            let started = Instant::now();
            let error = send!(stalled.balance().timeout(Duration::from_millis(200)).retry(policy))
                .expect_err("no answer");
            let elapsed = started.elapsed();
            assert_eq!(error.kind(), ErrorKind::Timeout, "{error}");
            assert_eq!($crate::requests_to(&sandbox, "/balance"), 2, "a timed-out read is retried");
            assert!(elapsed < Duration::from_secs(2), "the timeout was not honoured: {elapsed:?}");
        }}

        suite_test! { fn connection_reset_is_an_io_error_that_a_read_retries() {
            use $crate::plaid_core::{ErrorKind, RetryPolicy};
            let sandbox = $crate::start_sandbox();
            let resetting = fault_client!(sandbox, "reset;times=1;key=reset").with_access_token("test_chase");

            let error = send!(resetting.balance()).expect_err("the connection is reset");
            assert_eq!(error.kind(), ErrorKind::Io, "{error}");
            // The key's one fault is spent: a new read goes through, and a
            // fresh fault is retried past.
            let resetting = fault_client!(sandbox, "reset;times=1;key=again").with_access_token("test_chase");
            let balance = send!(resetting.balance().retry(RetryPolicy::default())).expect("retried");
            $crate::assert_sandbox_accounts(&balance.accounts);
        }}

        suite_test! { fn a_body_over_the_limit_is_refused_while_reading() {
            use $crate::plaid_core::ErrorKind;
            let sandbox = $crate::start_sandbox();
            let limited = client!($crate::sandbox_config(&sandbox.url()).with_body_limit(4096));

            // The category list is tens of kilobytes; one category is tiny.
            let error = send!(limited.categories()).expect_err("over the limit");
            assert_eq!(error.kind(), ErrorKind::BodyTooLarge, "{error}");
            assert!(error.is_transport() && !error.is_api());
            let category = send!(limited.category($crate::COFFEE_SHOP_ID)).expect("under the limit");
            assert_eq!(category.id, $crate::COFFEE_SHOP_ID);
        }}

        suite_test! { fn credentials_never_follow_a_redirect_to_another_server() {
            let sandbox = $crate::start_sandbox();
            let elsewhere = $crate::start_sandbox();
            let redirecting = fault_client!(sandbox, &format!("redirect={}/connect", elsewhere.url()));

            let error = send!(redirecting.connect("wells", $crate::good_login())).expect_err("a 302 is not a success");
            assert_eq!(error.status().map(|s| s.as_u16()), Some(302), "{error}");
            assert!(
                elsewhere.recorded_requests().is_empty(),
                "the credentials reached the redirect target"
            );
        }}
    };
}
