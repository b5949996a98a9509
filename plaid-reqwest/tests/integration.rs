//! The shared backend suite (plaid-testsuite) against plaid-sandbox, on reqwest.

plaid_testsuite::backend_tests!(plaid_testsuite::Tokio::new(plaid_reqwest::client));
