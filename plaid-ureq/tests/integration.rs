//! The shared backend suite (plaid-testsuite) against plaid-sandbox, on ureq: every test over
//! plain http, and the HTTPS part over TLS with an agent that trusts only the sandbox's CA.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

plaid_testsuite::backend_tests!(plaid_testsuite::Blocking::new(plaid_ureq::client));

/// The suite over HTTPS. The agent is configured the way ureq documents it: a `TlsConfig`
/// whose roots are the sandbox's CA only, and the agent's proxy.
mod https {
    use std::sync::Arc;

    use plaid_core::legacy::{Client, Config};
    use plaid_testsuite::{ProxySetup, TlsSetup};
    use plaid_ureq::UreqTransport;
    use plaid_ureq::ureq::tls::{Certificate, RootCerts, TlsConfig};
    use plaid_ureq::ureq::{self, Proxy};

    fn client(config: Config, tls: &TlsSetup<'_>) -> Client<UreqTransport> {
        let ca = Certificate::from_pem(tls.ca_pem.as_bytes()).unwrap();
        let roots = RootCerts::Specific(Arc::new(vec![ca]));
        let builder = ureq::Agent::config_builder()
            .tls_config(TlsConfig::builder().root_certs(roots).build());
        let agent = match tls.proxy {
            ProxySetup::Direct => builder.proxy(None),
            ProxySetup::Explicit(url) => builder.proxy(Some(Proxy::new(url).unwrap())),
            // ureq's default: `Proxy::try_from_env()` when the builder is made.
            ProxySetup::FromEnvironment => builder,
        }
        .build();
        Client::new(
            config,
            UreqTransport::with_agent(plaid_ureq::agent_with_config(agent)),
        )
    }

    plaid_testsuite::https_backend_tests!(
        plaid_testsuite::Blocking::https(client),
        plaid_ureq::client
    );
}
