//! The shared backend suite (plaid-testsuite) against plaid-sandbox, on ureq.

plaid_testsuite::backend_suite!(blocking, plaid_ureq::client);
