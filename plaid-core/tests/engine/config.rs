//! The configuration as the request path applies it: which hosts may carry
//! credentials over plain http, the environments' base URLs, a base URL's
//! path prefix, and the configured timeout every request carries. Legacy
//! endpoints are the vehicle because they are the only ones so far.

use std::time::Duration;

use crate::support::*;
use plaid_core::legacy::endpoints::{Balance, Categories};
use plaid_core::legacy::{Client, Config, Environment, Login};
use plaid_core::transport::Timeout;
use plaid_core::{DEFAULT_TIMEOUT, Endpoint, ErrorKind};

#[test]
fn credentials_over_plain_http_to_a_remote_host_are_refused() {
    let config = Config::sandbox("http://plaid.example.com").unwrap();
    let client = Client::new(config.clone(), never_sent as Unsent).with_access_token("test_bofa");
    assert_kind(client.balance().to_request(), ErrorKind::InvalidInput);
    assert_kind(
        client
            .connect("bofa", Login::new("plaid_test", "plaid_good"))
            .to_request(),
        ErrorKind::InvalidInput,
    );
    assert_kind(
        client.institutions_all(50, 0, &[]).to_request(),
        ErrorKind::InvalidInput,
    );
    assert_kind(
        client.exchange_token("test,chase,connected").to_request(),
        ErrorKind::InvalidInput,
    );
    assert_kind(
        Balance::new(token()).to_request(&config),
        ErrorKind::InvalidInput,
    );
}

#[test]
fn look_alike_loopback_hosts_do_not_unlock_plain_http() {
    for base in [
        "HTTP://plaid.example.com",
        "http://127.0.0.1@plaid.example.com",
        "http://127.0.0.1:80@plaid.example.com/",
        "http://localhost.plaid.example.com",
        "http://127.0.0.1.plaid.example.com",
    ] {
        // A user-info look-alike is refused as a base URL outright; the
        // others are remote hosts that may not carry credentials over http.
        match Config::sandbox(base) {
            Err(error) => {
                assert!(base.contains('@'), "{base}: {error}");
                assert_eq!(error.kind(), ErrorKind::InvalidInput);
            }
            Ok(config) => {
                assert_kind(
                    Balance::new(token()).to_request(&config),
                    ErrorKind::InvalidInput,
                );
            }
        }
    }
}

#[test]
fn allow_insecure_http_lets_credentials_go_over_plain_http() {
    let config = Config::sandbox("http://plaid.example.com")
        .unwrap()
        .allow_insecure_http(true);
    assert!(config.insecure_http_allowed());
    let request = Balance::new(token()).to_request(&config).unwrap();
    assert_eq!(request.uri(), "http://plaid.example.com/balance");
}

#[test]
fn https_and_loopback_hosts_may_carry_credentials() {
    for base in [
        "https://plaid.example.com",
        "http://127.0.0.1:9000",
        "http://localhost:9000",
        "http://LOCALHOST",
        "http://[::1]:9000",
    ] {
        let config = Config::sandbox(base).unwrap();
        let request = Balance::new(token())
            .to_request(&config)
            .unwrap_or_else(|e| panic!("{base}: {e}"));
        assert_eq!(request.uri().path(), "/balance", "{base}");
    }
    let tartan = Config::new(
        Environment::Tartan,
        plaid_core::legacy::sandbox_credentials(),
    )
    .unwrap();
    let request = Balance::new(token()).to_request(&tartan).unwrap();
    assert_eq!(request.uri(), "https://tartan.plaid.com/balance");
    let production = Config::new(
        Environment::Production,
        plaid_core::legacy::sandbox_credentials(),
    )
    .unwrap();
    let request = Balance::new(token()).to_request(&production).unwrap();
    assert_eq!(request.uri(), "https://api.plaid.com/balance");
}

#[test]
fn a_base_url_path_prefix_is_kept() {
    let config = Config::sandbox("http://127.0.0.1:1/prefix/").unwrap();
    let request = Categories.to_request(&config).unwrap();
    assert_eq!(request.uri(), "http://127.0.0.1:1/prefix/categories");
}

#[test]
fn requests_carry_the_configured_timeout() {
    let request = public_client().categories().to_request().unwrap();
    assert_eq!(Timeout::of(&request), Some(DEFAULT_TIMEOUT));
    let config = config().with_timeout(Duration::from_secs(7));
    let request = Balance::new(token()).to_request(&config).unwrap();
    assert_eq!(Timeout::of(&request), Some(Duration::from_secs(7)));
}
