//! # plaid-testsuite (internal)
//!
//! The integration suite every plaid-rs backend runs against
//! [`plaid_sandbox`] over loopback, for both API families. Each test is a plain function, generic
//! over a [`Backend`] harness, written once; [`backend_tests!`] runs every
//! one of them on a backend. A backend's `tests/integration.rs` is one line:
//!
//! ```ignore
//! // a blocking backend
//! plaid_testsuite::backend_tests!(plaid_testsuite::Blocking::new(plaid_ureq::client));
//! // an async backend (needs this crate's `async` feature)
//! plaid_testsuite::backend_tests!(plaid_testsuite::Tokio::new(plaid_reqwest::client));
//! ```
//!
//! The harness is built from the backend's constructor: anything callable
//! as `fn(plaid_core::legacy::Config) -> plaid_core::legacy::Client<T>`, a path or a
//! closure, where the transport `T` is `Clone` (the closure and type-erased
//! transport tests wrap a clone of it). [`backend_tests!`] expands to one
//! `#[test]` per suite test, named after it, that builds a fresh harness and
//! calls the test with it: failures name the test, tests run in parallel,
//! and each async test has its own runtime.
//!
//! ## Over HTTPS
//!
//! [`https_backend_tests!`] runs the tests of [`for_each_https_test!`] (a
//! representative part of the suite: public calls, MFA and item flows,
//! errors, timeouts, retries, faults, redirects, the body limit; then every
//! TLS failure and the proxies) on an HTTPS harness, whose sandboxes serve
//! `https://` with a certificate its own throwaway CA signed. The backend
//! supplies a constructor that takes a [`TlsSetup`] too and configures the
//! backend the way it documents: trust that CA only, and use the setup's
//! [`ProxySetup`]:
//!
//! ```ignore
//! mod https {
//!     fn client(config: Config, tls: &plaid_testsuite::TlsSetup<'_>) -> Client<UreqTransport> {
//!         // ureq's TlsConfig with RootCerts::Specific(tls.ca_pem), and its proxy.
//!     }
//!     plaid_testsuite::https_backend_tests!(plaid_testsuite::Blocking::https(client), plaid_ureq::client);
//! }
//! ```
//!
//! The second argument is the backend's default constructor, which must not
//! trust the emulator's CA (it keeps its bundled roots).
//!
//! ## Layout
//!
//! - [`public`]: institutions and categories, paging and search.
//! - [`connect`]: adds, and every MFA flow the sandbox has.
//! - [`items`]: updating, upgrading, deleting and exchanging an item.
//! - [`products`]: reading an item's products.
//! - [`errors`]: login, token, wire-level and server errors, and raw
//!   responses.
//! - [`reliability`]: timeouts, retries, redirects and the body limit.
//! - [`transports`]: what a backend's transport hands to the core, and the
//!   closure and type-erased forms of a transport.
//! - [`sync`]: the `/transactions/sync` loop over every backend, with a
//!   mutation injected mid-loop, streaming, a refresh, and not-ready data.
//! - [`modern`]: the modern API family against the modern emulator: an
//!   Item's life, documented errors, retries chosen by the error code
//!   ([`modern::ModernBackend`] makes modern clients on the same transport).
//! - [`tls`] (HTTPS only): each TLS failure as its typed error, and the safe
//!   defaults over TLS.
//! - [`proxies`] (HTTPS only): a `CONNECT` proxy set explicitly or from
//!   `HTTPS_PROXY` / `NO_PROXY`, which never reads a key.
//! - [`webhooks`]: the emulator's signed webhooks, verified with the key
//!   each backend fetches.
//!
//! The support code is plain functions, the same for every backend: the
//! sandbox's values ([`BOFA_ID`], [`good_login`], …), setup
//! ([`Backend::start_sandbox`], [`sandbox_config`], [`WithHeader`],
//! [`ConnectProxy`], …) and assertion
//! helpers ([`connected`] and [`challenge`] unwrap an MFA outcome,
//! [`api_error`] checks an API error's kind, code, status and message,
//! [`assert_token`], [`assert_sandbox_accounts`], [`assert_questions`] and
//! [`assert_code_sent`] check the sandbox's values).
//!
//! ## Writing a test
//!
//! Write a public function in the module of its topic, taking the harness,
//! as a blocking test would be written:
//!
//! ```
//! use plaid_core::legacy::{ErrorCode, PythonException};
//! use plaid_testsuite::Backend;
//!
//! /// An unknown category id is python's `ResourceNotFoundError` /
//! /// `CategoryNotFound`.
//! pub fn unknown_category_is_not_found(backend: &impl Backend) {
//!     let (_sandbox, client) = backend.sandbox_client();
//!
//!     let error = backend.send(client.category("nope")).expect_err("no such category");
//!     let class = PythonException::of(&error);
//!     assert_eq!(class, Some(PythonException::ResourceNotFoundError), "{error}");
//!     assert_eq!(error.legacy_code(), Some(ErrorCode::CategoryNotFound));
//! }
//! ```
//!
//! then add its line, `module::name,`, to [`for_each_test!`]; every backend
//! runs it from then on. Add it to [`for_each_https_test!`] too if it says
//! something about HTTPS. (A unit test of this crate fails when a test
//! function is missing from the lists.)
//!
//! The harness does what differs between backends:
//!
//! - `backend.send(call)`: `call.send()` (blocking) or `call.await` on the
//!   harness's runtime (async);
//! - `backend.client(config)`: the backend's client for a
//!   [`Config`](plaid_core::legacy::Config);
//! - `backend.start_sandbox()`: a fresh sandbox, plain or HTTPS as the
//!   harness is;
//! - `backend.sandbox_client()`: a fresh sandbox and the backend's client
//!   for it;
//! - `backend.fault_client(&sandbox, fault)`: a client for `sandbox` whose
//!   every request carries `X-Sandbox-Fault: fault` (see
//!   [`WithHeader::fault`]);
//! - `backend.closure_transport(transport)`: a closure implementing the
//!   backend's transport trait that delegates to `transport`;
//! - `backend.erased_transport(transport)`:
//!   `Arc<dyn Transport + Send + Sync>` (blocking) or
//!   `Arc<dyn DynAsyncTransport>` (async);
//! - `backend.send_request(&transport, request)`: sends an `http::Request`
//!   on a transport directly, bypassing the client.

#![deny(missing_docs)]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: every test function is a #[test] in each backend, and a failed expectation must fail the test loudly"
)]

mod assertions;
mod connect_proxy;
mod fixtures;
mod harness;
pub mod scheme;
mod setup;

pub mod connect;
pub mod errors;
pub mod items;
pub mod modern;
pub mod products;
pub mod proxies;
pub mod public;
pub mod reliability;
pub mod sync;
pub mod tls;
pub mod transports;
pub mod webhooks;

pub use assertions::{
    api_error, assert_code_sent, assert_questions, assert_sandbox_accounts, assert_token,
    challenge, connected,
};
pub use connect_proxy::ConnectProxy;
pub use fixtures::{
    ACCOUNT_IDS, BOFA_ID, CHECKING_ID, COFFEE_SHOP_ID, CREDIT_ID, PENDING_ID, POSTED_TRANSACTIONS,
    QUESTION, REMOVED, SANDBOX_INSTITUTIONS, date, good_login,
};
#[cfg(feature = "async")]
pub use harness::Tokio;
pub use harness::{Backend, Blocking, DrivenBy};
pub use scheme::{ProxySetup, TlsSetup};
pub use setup::{WithHeader, refused_url, requests_to, sandbox_config, start_sandbox};

/// The list of every test of the suite, one `module::function` a line.
///
/// `for_each_test!(callback, args)` expands to
/// `callback! { args module::function, … }`, where items may stand (a macro
/// named by a `path` fragment cannot be invoked as an expression).
/// [`backend_tests!`] is the caller that matters; the list is a macro so
/// that it is written once and a backend's tests are still one `#[test]`
/// each.
#[macro_export]
macro_rules! for_each_test {
    ($callback:path, $args:tt) => {
        $callback! { $args
            public::institutions_list,
            public::institution_by_id_on_both_routes,
            public::unknown_institution_is_not_found,
            public::categories_list,
            public::category_by_id,
            public::unknown_category_is_not_found,
            public::institutions_all_pages_through_every_institution,
            public::institutions_all_keeps_those_with_every_product,
            public::institutions_longtail_pages,
            public::institution_search_by_name_finds_wells_fargo,
            public::institution_search_with_a_product_filter,
            public::institution_search_by_id_returns_one_result,
            public::institution_search_unknown_id_is_empty,

            connect::connect_without_mfa_returns_accounts_transactions_and_token,
            connect::connect_login_only_omits_transactions,
            connect::newer_sandbox_alias_credentials_connect,
            connect::info_income_and_risk_adds_return_their_payloads,
            connect::mfa_questions_again_asks_another_round_then_tomato_connects,
            connect::mfa_wrong_answer_is_invalid_mfa_and_echoes_the_token,
            connect::mfa_list_send_to_phone_then_code_connects,
            connect::mfa_send_method_by_mask_or_type_picks_that_device,
            connect::mfa_without_list_sends_the_code_straight_away,
            connect::mfa_unknown_send_method_is_invalid_send_method,
            connect::mfa_selections_answered_in_order_connect,
            connect::mfa_wrong_selections_are_invalid_mfa,
            connect::citi_standard_user_gets_questions,
            connect::auth_gives_numbers_for_depository_accounts_only,
            connect::auth_mfa_is_answered_with_auth_step,

            items::connect_update_without_mfa_connects,
            items::connect_update_step_answers_the_code,
            items::auth_update_without_mfa_connects,
            items::upgrade_to_info_returns_the_info,
            items::upgrade_step_answers_with_the_upgraded_product,
            items::upgrade_to_unknown_product_is_invalid_upgrade,
            items::connect_and_auth_delete_confirm_the_removal,
            items::exchange_public_token_gives_the_access_token,
            items::exchange_for_a_depository_account_gives_a_stripe_token,
            items::exchange_errors_have_their_codes,

            products::auth_get_returns_the_numbers,
            products::balance_lists_every_account_with_its_balances,
            products::connect_get_returns_the_posted_transactions,
            products::connect_get_pending_adds_the_pending_transaction,
            products::connect_get_date_filter_is_inclusive,
            products::connect_get_account_filter_keeps_every_account,
            products::connect_get_unknown_account_is_not_found,
            products::info_get_returns_the_identity,
            products::income_get_returns_two_streams,
            products::risk_get_scores_every_account,

            errors::usaa_with_the_right_pin_reaches_mfa,
            errors::usaa_without_a_pin_is_credentials_missing,
            errors::usaa_with_a_wrong_pin_is_invalid_pin,
            errors::locked_account_is_account_locked,
            errors::wrong_password_or_username_is_invalid_credentials,
            errors::wrong_client_keys_are_unauthorized,
            errors::unknown_institution_type_on_add_is_not_found,
            errors::bad_access_token_is_unauthorized_and_echoed,
            errors::item_calls_without_a_token_are_refused_before_sending,
            errors::wire_level_errors_have_their_codes,
            errors::rate_limit_is_rate_limited_with_retry_after,
            errors::server_error_statuses_map_to_their_kinds,
            errors::malformed_body_is_a_decode_error_that_keeps_the_body,
            errors::html_error_page_is_extractor_retry_without_api_error,
            errors::suppressed_client_returns_error_responses,
            errors::raw_call_returns_error_responses,

            reliability::per_call_timeout_is_honoured,
            reliability::client_default_timeout_is_honoured,
            reliability::stalled_server_times_out,
            reliability::redirects_are_not_followed,
            reliability::rate_limited_read_waits_for_retry_after_then_succeeds,
            reliability::rate_limited_read_is_retried_once_by_default,
            reliability::unavailable_read_backs_off_and_succeeds,
            reliability::retries_stop_at_the_attempt_cap,
            reliability::unsafe_calls_are_never_retried,
            reliability::unsafe_calls_are_retried_only_when_opted_in,
            reliability::retries_switched_off_send_once,
            reliability::stalled_read_times_out_within_the_limit_on_every_attempt,
            reliability::connection_reset_is_an_io_error_that_a_read_retries,
            reliability::a_body_over_the_limit_is_refused_while_reading,
            reliability::credentials_never_follow_a_redirect_to_another_server,

            transports::server_errors_keep_status_headers_and_body,
            transports::truncated_body_is_an_io_error,
            transports::request_bodies_are_sent_on_every_method,
            transports::connection_refused_is_a_connect_error,
            transports::one_client_serves_many_calls,
            transports::closure_transport_drives_a_call,
            transports::erased_transport_drives_a_call,

            modern::modern_item_lifecycle,
            modern::modern_public_reads,
            modern::modern_documented_errors_are_typed,
            modern::modern_retries_follow_the_error_code,
            modern::modern_raw_calls_return_error_responses,
            modern::modern_per_call_timeout_is_honoured,

            sync::modern_sync_pulls_a_whole_history,
            sync::modern_sync_restarts_from_its_first_cursor_on_mutation,
            sync::modern_sync_streams_pages_and_sees_a_refresh,
            sync::modern_sync_not_ready_keeps_the_stored_cursor,

            webhooks::webhook_verifies_with_the_key_each_backend_fetches,
            webhooks::webhook_with_an_unknown_kid_is_refused_after_one_fetch,
        }
    };
}

/// The tests run over HTTPS, one `module::function` a line: a
/// representative part of [`for_each_test!`], then the HTTPS-only topics
/// ([`tls`], [`proxies`]). Same shape as [`for_each_test!`];
/// [`https_backend_tests!`] is its caller.
#[macro_export]
macro_rules! for_each_https_test {
    ($callback:path, $args:tt) => {
        $callback! { $args
            public::institutions_list,
            public::category_by_id,
            public::unknown_institution_is_not_found,
            public::institution_search_by_name_finds_wells_fargo,

            connect::connect_without_mfa_returns_accounts_transactions_and_token,
            connect::mfa_questions_again_asks_another_round_then_tomato_connects,
            connect::mfa_list_send_to_phone_then_code_connects,

            items::connect_update_step_answers_the_code,
            items::connect_and_auth_delete_confirm_the_removal,
            items::exchange_public_token_gives_the_access_token,

            products::balance_lists_every_account_with_its_balances,
            products::connect_get_returns_the_posted_transactions,

            errors::wrong_password_or_username_is_invalid_credentials,
            errors::wrong_client_keys_are_unauthorized,
            errors::rate_limit_is_rate_limited_with_retry_after,
            errors::server_error_statuses_map_to_their_kinds,
            errors::malformed_body_is_a_decode_error_that_keeps_the_body,

            reliability::per_call_timeout_is_honoured,
            reliability::stalled_server_times_out,
            reliability::redirects_are_not_followed,
            reliability::unavailable_read_backs_off_and_succeeds,
            reliability::stalled_read_times_out_within_the_limit_on_every_attempt,
            reliability::connection_reset_is_an_io_error_that_a_read_retries,
            reliability::a_body_over_the_limit_is_refused_while_reading,
            reliability::credentials_never_follow_a_redirect_to_another_server,

            transports::server_errors_keep_status_headers_and_body,
            transports::truncated_body_is_an_io_error,
            transports::request_bodies_are_sent_on_every_method,
            transports::one_client_serves_many_calls,

            tls::certificate_for_another_host_is_a_name_mismatch,
            tls::expired_certificate_is_expired,
            tls::certificate_from_an_untrusted_ca_is_an_unknown_issuer,
            tls::plain_http_server_on_an_https_url_is_not_tls,
            tls::stalled_handshake_times_out,
            tls::redirect_from_https_to_http_is_not_followed,
            tls::credentials_are_still_refused_on_plain_http_to_a_remote_host,

            proxies::explicit_proxy_carries_the_keys_only_inside_tls,
        }
    };
}

/// Every test of the suite as a `#[test]` of the calling crate, each run
/// on a fresh harness `$backend` (an expression evaluated once per test,
/// such as `plaid_testsuite::Blocking::new(plaid_ureq::client)`).
///
/// See the [crate docs](crate).
#[macro_export]
macro_rules! backend_tests {
    ($backend:expr $(,)?) => {
        $crate::for_each_test!($crate::__backend_test, ($backend));
    };
}

/// The tests of [`for_each_https_test!`] as `#[test]`s of the calling
/// crate, each on a fresh HTTPS harness `$backend` (such as
/// `plaid_testsuite::Blocking::https(my_tls_client)`), and two more:
/// `default_constructor_does_not_trust_the_emulator`, with the backend's
/// default constructor `$default` (such as `plaid_ureq::client`), and
/// `proxy_from_the_environment` ([`proxies::proxy_from_the_environment`],
/// which runs the test binary again for itself). Invoke it once per test
/// binary, in a module of its own so that the names do not clash with
/// [`backend_tests!`]'s.
///
/// See the [crate docs](crate).
#[macro_export]
macro_rules! https_backend_tests {
    ($backend:expr, $default:expr $(,)?) => {
        $crate::for_each_https_test!($crate::__backend_test, ($backend));

        #[test]
        fn default_constructor_does_not_trust_the_emulator() {
            $crate::tls::default_roots_do_not_trust_the_emulator(&$backend, $default);
        }

        #[test]
        fn proxy_from_the_environment() {
            $crate::proxies::proxy_from_the_environment(&$backend, module_path!());
        }
    };
}

/// The expansion of [`backend_tests!`]: one `#[test]` per listed test.
#[doc(hidden)]
#[macro_export]
macro_rules! __backend_test {
    (($backend:expr) $($module:ident :: $name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                $crate::$module::$name(&$backend);
            }
        )*
    };
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    /// `$name`: the listed tests as `"module::function"` strings.
    macro_rules! listed {
        (($name:ident) $($module:ident :: $test:ident),* $(,)?) => {
            const $name: &[&str] = &[$(concat!(stringify!($module), "::", stringify!($test))),*];
        };
    }

    crate::for_each_test!(listed, (LISTED));
    crate::for_each_https_test!(listed, (HTTPS));

    /// The topics whose tests need an HTTPS harness: listed for HTTPS only.
    const HTTPS_ONLY: [&str; 2] = ["tls", "proxies"];

    /// Every `module::function` of the topic modules that takes the harness.
    fn defined() -> BTreeSet<String> {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut defined = BTreeSet::new();
        for entry in std::fs::read_dir(&src).expect("src is readable") {
            let path = entry.expect("a directory entry").path();
            let module = path
                .file_stem()
                .and_then(|s| s.to_str())
                .expect("a file name");
            let text = std::fs::read_to_string(&path).expect("a source file");
            for line in text.lines() {
                let name = line
                    .strip_prefix("pub fn ")
                    .and_then(|rest| rest.strip_suffix("(backend: &impl Backend) {"));
                if let Some(name) = name {
                    defined.insert(format!("{module}::{name}"));
                }
            }
        }
        defined
    }

    fn unique(list: &[&str]) -> BTreeSet<String> {
        let unique: BTreeSet<String> = list.iter().map(|s| s.to_string()).collect();
        assert_eq!(unique.len(), list.len(), "a test is listed twice");
        unique
    }

    fn https_only(test: &str) -> bool {
        HTTPS_ONLY
            .iter()
            .any(|m| test.starts_with(&format!("{m}::")))
    }

    /// A test function missing from the lists would compile and never run:
    /// this finds every function of the topic modules that takes the
    /// harness and checks that it is listed, once, in `for_each_test!`, or,
    /// for an HTTPS-only topic, in `for_each_https_test!`.
    #[test]
    fn every_test_function_is_listed() {
        let defined = defined();
        let listed = unique(LISTED);
        let (https_only, everywhere): (BTreeSet<String>, BTreeSet<String>) =
            defined.iter().cloned().partition(|t| https_only(t));

        let unlisted: Vec<&String> = everywhere.difference(&listed).collect();
        assert!(unlisted.is_empty(), "add to for_each_test!: {unlisted:?}");
        let undefined: Vec<&String> = listed.difference(&everywhere).collect();
        assert!(
            undefined.is_empty(),
            "listed but not found (or HTTPS only): {undefined:?}"
        );

        let https = unique(HTTPS);
        let unlisted: Vec<&String> = https_only.difference(&https).collect();
        assert!(
            unlisted.is_empty(),
            "add to for_each_https_test!: {unlisted:?}"
        );
        let undefined: Vec<&String> = https.difference(&defined).collect();
        assert!(
            undefined.is_empty(),
            "listed for HTTPS but not found: {undefined:?}"
        );
        assert!(
            https.len() > HTTPS_ONLY.len(),
            "the HTTPS list runs the suite too"
        );
    }
}
