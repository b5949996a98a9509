//! The shared backend suite (plaid-testsuite) against plaid-sandbox, on reqwest.

plaid_testsuite::backend_suite!(async, plaid_reqwest::client);
