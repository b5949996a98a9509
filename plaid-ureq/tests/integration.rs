//! The shared backend suite (plaid-testsuite) against plaid-sandbox, on ureq.

plaid_testsuite::backend_tests!(plaid_testsuite::Blocking::new(plaid_ureq::client));
