//! The shared backend suite (plaid-testsuite) against plaid-sandbox, on hyper.

plaid_testsuite::backend_suite!(async, plaid_hyper::client);
