//! The shared backend suite (plaid-testsuite) against plaid-sandbox, on hyper.

plaid_testsuite::backend_tests!(plaid_testsuite::Tokio::new(plaid_hyper::client));
