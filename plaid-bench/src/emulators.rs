//! The two embedded emulators a run measures against (legacy and modern,
//! request recording off, so a long run does not grow a log) and the
//! modern Item the modern call reads, made once before anything is measured.

use std::sync::Arc;

use plaid_core::legacy;
use plaid_core::modern;
use plaid_core::modern::models::Product;
use plaid_sandbox::Sandbox;

use crate::calls::Targets;

/// The institution of the modern Item: the first test bank.
pub(crate) const MODERN_INSTITUTION: &str = "ins_109508";

/// Both emulators, on loopback ports of their own.
pub(crate) struct Emulators {
    legacy: Sandbox,
    modern: Sandbox,
}

impl Emulators {
    /// Starts both emulators and makes the modern Item
    /// (`/sandbox/public_token/create`, then the exchange), with plaid-rs
    /// itself; returns where each call goes.
    pub(crate) fn start() -> (Emulators, Targets) {
        let loopback = ([127, 0, 0, 1], 0).into();
        let legacy = Sandbox::bind_with(loopback, false).expect("start the legacy sandbox");
        let modern = Sandbox::bind_modern(loopback, false).expect("start the modern sandbox");
        let legacy_config = legacy::Config::sandbox(legacy.url()).expect("legacy config");
        let modern_config = modern::Config::emulator(modern.url()).expect("modern config");
        let client = plaid_ureq::client(modern_config.clone());
        let created = client
            .sandbox_public_token_create(MODERN_INSTITUTION, [Product::Transactions])
            .send()
            .expect("sandbox_public_token_create");
        let exchanged = client
            .item_public_token_exchange(created.public_token)
            .send()
            .expect("item_public_token_exchange");
        let targets = Targets {
            legacy: legacy_config,
            modern: modern_config,
            modern_token: Arc::new(exchanged.access_token),
        };
        (Emulators { legacy, modern }, targets)
    }

    /// Stops both.
    pub(crate) fn shutdown(self) {
        self.legacy.shutdown();
        self.modern.shutdown();
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::calls::{CallKind, wire};
    use crate::options::Opts;
    use crate::runners::sandbox_alone::sandbox_alone_cases;
    use crate::runners::ureq::{raw_ureq_case, raw_ureq_config};
    use crate::wrapper::Wrapper;

    /// Every call works end to end on the emulators: through plaid-rs, raw
    /// (the replayed wire, decoded into the plain structs) and the sandbox
    /// alone's client, each of which checks its answer.
    #[test]
    fn every_call_succeeds_through_plaid_rs_raw_and_the_bare_client() {
        let (emulators, targets) = Emulators::start();
        assert!(
            targets
                .modern_token
                .expose_secret()
                .starts_with("access-sandbox-")
        );
        for call in CallKind::ALL {
            Wrapper::new(&targets, call, plaid_ureq::UreqTransport::new()).call();
            let agent = plaid_ureq::agent_with_config(raw_ureq_config());
            let mut raw = raw_ureq_case("raw", false, agent, wire(&targets, call), call);
            assert!((raw.run)(Duration::from_millis(1)).calls >= 1, "{call:?}");
        }
        let opts = Opts::for_tests();
        let mut bare = sandbox_alone_cases(&targets, &opts);
        assert_eq!(bare.len(), 2 * CallKind::ALL.len());
        for case in bare.iter_mut().filter(|c| c.concurrency == 1) {
            assert!((case.run)(Duration::from_millis(1)).calls >= 1);
        }
        drop(bare);
        emulators.shutdown();
    }
}
