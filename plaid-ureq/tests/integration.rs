//! The shared backend suite (plaid-testsuite) against plaid-sandbox, on ureq.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

plaid_testsuite::backend_tests!(plaid_testsuite::Blocking::new(plaid_ureq::client));
