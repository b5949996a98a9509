//! The shared backend suite (plaid-testsuite) against plaid-sandbox, on reqwest: every test
//! over plain http, and the HTTPS part over TLS with a client that trusts only the sandbox's
//! CA.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

plaid_testsuite::backend_tests!(plaid_testsuite::Tokio::new(plaid_reqwest::client));

/// The suite over HTTPS. The client is configured the way reqwest documents it: the sandbox's
/// CA added as a root, the bundled roots off, and a proxy.
#[cfg(feature = "rustls-tls")]
mod https {
    use plaid_core::legacy::{Client, Config};
    use plaid_reqwest::ReqwestTransport;
    use plaid_reqwest::reqwest::{Certificate, Proxy};
    use plaid_testsuite::{ProxySetup, TlsSetup};

    fn client(config: Config, tls: &TlsSetup<'_>) -> Client<ReqwestTransport> {
        let builder = plaid_reqwest::client_builder()
            .add_root_certificate(Certificate::from_pem(tls.ca_pem.as_bytes()).unwrap())
            .tls_built_in_root_certs(false);
        let builder = match tls.proxy {
            ProxySetup::Direct => builder.no_proxy(),
            ProxySetup::Explicit(url) => builder.proxy(Proxy::https(url).unwrap()),
            // reqwest's default: the environment, read when the client is built.
            ProxySetup::FromEnvironment => builder,
        };
        Client::new(
            config,
            ReqwestTransport::with_client(builder.build().unwrap()),
        )
    }

    plaid_testsuite::https_backend_tests!(
        plaid_testsuite::Tokio::https(client),
        plaid_reqwest::client
    );
}
