//! HTTPS only: every way a TLS connection fails is a typed error (a certificate for another
//! host, an expired one, one from an unknown CA, a server that speaks plain HTTP, a handshake
//! that stalls), and the safe defaults hold over TLS (a redirect from `https` to `http` is not
//! followed, credentials are still refused on plain `http://` to a remote host). Listed in
//! [`for_each_https_test!`](crate::for_each_https_test) only: on a plain harness there is no
//! certificate to refuse.

use std::net::{Ipv4Addr, TcpListener};
use std::time::{Duration, Instant};

use plaid_core::legacy::{Client, Config};
use plaid_core::transport::TlsFailure;
use plaid_core::{Error, ErrorKind};
use plaid_sandbox::ServerCertificate;

use crate::{Backend, DrivenBy, connected, good_login, sandbox_config, start_sandbox};

/// What a TLS error must never show: the keys and the login the call carried.
const SECRETS: [&str; 3] = ["test_secret", "plaid_good", "plaid_test"];

/// Checks that `error` is the TLS failure `failure`, keeps its source, and prints no secret.
fn assert_tls_failure(error: &Error, failure: TlsFailure) {
    assert_eq!(error.kind(), ErrorKind::Tls(failure), "{error}");
    assert_eq!(error.tls_failure(), Some(failure));
    assert!(error.is_tls() && error.is_transport() && !error.is_api());
    assert!(!error.is_retryable(), "a refused certificate is final");
    assert!(
        std::error::Error::source(error).is_some(),
        "the backend's error is kept"
    );
    let shown = format!("{error} {error:?}");
    for secret in SECRETS {
        assert!(!shown.contains(secret), "{secret} in {shown}");
    }
}

/// Sends an add (keys and login in its body) to a sandbox presenting `certificate`, and checks
/// that it fails as `failure` before anything reaches the server.
fn refused(backend: &impl Backend, certificate: ServerCertificate, failure: TlsFailure) {
    let sandbox = backend.start_sandbox_presenting(certificate);
    let client = backend.client(sandbox_config(&sandbox.url()));

    let error = backend
        .send(client.connect("wells", good_login()))
        .expect_err("the certificate is refused");
    assert_tls_failure(&error, failure);
    assert!(
        sandbox.recorded_requests().is_empty(),
        "nothing is sent over a refused connection"
    );
}

/// A certificate for another host name is `Tls(NameMismatch)`.
pub fn certificate_for_another_host_is_a_name_mismatch(backend: &impl Backend) {
    refused(
        backend,
        ServerCertificate::OtherHost,
        TlsFailure::NameMismatch,
    );
}

/// An expired certificate is `Tls(Expired)`.
pub fn expired_certificate_is_expired(backend: &impl Backend) {
    refused(backend, ServerCertificate::Expired, TlsFailure::Expired);
}

/// A certificate from a CA the client does not trust is `Tls(UnknownIssuer)`.
pub fn certificate_from_an_untrusted_ca_is_an_unknown_issuer(backend: &impl Backend) {
    refused(
        backend,
        ServerCertificate::OtherCa,
        TlsFailure::UnknownIssuer,
    );
}

/// A server that speaks plain HTTP on an `https://` URL is `Tls(NotTls)`.
pub fn plain_http_server_on_an_https_url_is_not_tls(backend: &impl Backend) {
    let plain = start_sandbox();
    let url = plain.url().replacen("http://", "https://", 1);
    let client = backend.client(sandbox_config(&url));

    let error = backend
        .send(client.connect("wells", good_login()))
        .expect_err("no TLS there");
    assert_tls_failure(&error, TlsFailure::NotTls);
    assert!(
        plain.recorded_requests().is_empty(),
        "the plain server got a ClientHello, not a request"
    );
}

/// A server that accepts the connection but never answers the handshake: the call ends at
/// its timeout, as a `Timeout`.
pub fn stalled_handshake_times_out(backend: &impl Backend) {
    // Never accepted: the kernel completes the TCP handshake, nobody answers the ClientHello.
    let silent = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).expect("a loopback port");
    let url = format!("https://{}", silent.local_addr().expect("its address"));
    let client = backend.client(sandbox_config(&url).with_timeout(Duration::from_millis(200)));

    let started = Instant::now();
    let error = backend
        .send(client.connect("wells", good_login()))
        .expect_err("no handshake");
    let elapsed = started.elapsed();
    assert_eq!(error.kind(), ErrorKind::Timeout, "{error}");
    assert!(error.is_timeout() && !error.is_tls());
    assert!(elapsed < Duration::from_secs(2), "{elapsed:?}");
    let shown = format!("{error} {error:?}");
    assert!(!shown.contains("test_secret"), "{shown}");
}

/// A redirect from `https` to plain `http` is returned as the 302 it is; the add's keys and
/// login never reach the `http` server.
pub fn redirect_from_https_to_http_is_not_followed(backend: &impl Backend) {
    let sandbox = backend.start_sandbox();
    assert!(sandbox.url().starts_with("https://"), "an HTTPS harness");
    let plain = start_sandbox();
    let target = format!("{}/connect", plain.url());
    assert!(target.starts_with("http://"));
    let redirecting = backend.fault_client(&sandbox, &format!("redirect={target}"));

    let error = backend
        .send(redirecting.connect("wells", good_login()))
        .expect_err("a 302 is not a success");
    assert_eq!(error.status().map(|s| s.as_u16()), Some(302), "{error}");
    let raw = backend
        .send(redirecting.categories().raw())
        .expect("raw response");
    assert_eq!(raw.status().as_u16(), 302);
    assert!(
        plain.recorded_requests().is_empty(),
        "a request followed the redirect to plain http"
    );
}

/// The plain-`http://` guard still refuses credentials for a remote host, before anything is
/// sent, while the same keys go over HTTPS.
pub fn credentials_are_still_refused_on_plain_http_to_a_remote_host(backend: &impl Backend) {
    // TEST-NET-1: never contacted, the call is refused before the transport.
    let remote = backend.client(sandbox_config("http://192.0.2.1:9"));
    let error = backend
        .send(remote.connect("wells", good_login()))
        .expect_err("refused before sending");
    assert_eq!(error.kind(), ErrorKind::InvalidInput, "{error}");

    let (sandbox, client) = backend.sandbox_client();
    assert!(sandbox.url().starts_with("https://"), "an HTTPS harness");
    let data = connected(backend.send(client.connect("wells", good_login())));
    assert!(!data.accounts.is_empty());
}

/// The backend's default constructor keeps its bundled roots: it does not trust the
/// emulator's CA, so its first call fails as `Tls(UnknownIssuer)`. Not in a list: the default
/// constructor's transport may not be the HTTPS harness's, so `https_backend_tests!` calls it
/// with the constructor.
pub fn default_roots_do_not_trust_the_emulator<B, T>(
    backend: &B,
    make_default: impl FnOnce(Config) -> Client<T>,
) where
    B: Backend,
    T: DrivenBy<B>,
{
    let sandbox = backend.start_sandbox();
    assert!(sandbox.url().starts_with("https://"), "an HTTPS harness");
    let client = backend.enter(|| make_default(sandbox_config(&sandbox.url())));

    let error = backend
        .send(client.categories())
        .expect_err("the emulator's CA is not a bundled root");
    assert_tls_failure(&error, TlsFailure::UnknownIssuer);
}
