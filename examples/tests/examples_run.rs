//! Every example runs to completion against its embedded sandbox and says
//! what it did. Each is run as the user would run it, as a process.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

use std::process::Command;

fn run(binary: &str, expected: &[&str]) {
    let output = Command::new(binary)
        .env_remove("PLAID_BASE_URL")
        .output()
        .unwrap_or_else(|e| panic!("{binary} could not start: {e}"));
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "{binary} failed with {}\nstdout:\n{stdout}\nstderr:\n{stderr}",
        output.status
    );
    assert!(
        stdout.contains("embedded plaid-sandbox"),
        "{binary} did not use the sandbox:\n{stdout}"
    );
    for needle in expected {
        assert!(
            stdout.contains(needle),
            "{binary} output lacks {needle:?}:\n{stdout}"
        );
    }
}

macro_rules! example_tests {
    ($( $test:ident: $bin:literal => [$($needle:literal),* $(,)?]; )*) => {$(
        #[test]
        fn $test() {
            run(env!(concat!("CARGO_BIN_EXE_", $bin)), &[$($needle),*]);
        }
    )*};
}

example_tests! {
    quickstart_walks_every_backend_through_connect_mfa_transactions_and_balance: "quickstart" => [
        "ureq (blocking)", "reqwest (async)", "hyper (async)", "14 institutions", "602 categories",
        "MFA questions answered", "16 transactions", "Plaid Savings 1274.93",
    ];
    configuration_shows_typed_errors: "configuration" => ["1200 invalid credentials", "handled: UnauthorizedError"];
    suppressed_errors_returns_raw_responses: "suppressed_errors" => ["status 402", "code 1200", "Coffee Shop"];
    public_endpoints_lists_institutions_and_categories: "public_endpoints" => ["14 institutions", "Bank of America", "Wells Fargo"];
    add_connect_user_connects_without_mfa: "add_connect_user" => ["4 accounts, 16 transactions", "AccessToken([redacted])"];
    mfa_connect_answers_every_challenge_kind: "mfa_connect" => [
        "MFA required: questions", "MFA required: list", "Code sent to xxx-xxx-5309", "MFA required: selections", "selection:",
    ];
    auth_reads_numbers_with_and_without_mfa: "auth" => ["routing Some(\"021000021\")", "bofa: authenticated"];
    upgrade_adds_info: "upgrade" => ["upgraded to info", "Kelly Walters"];
    delete_removes_the_user: "delete" => ["connect_delete: Successfully removed", "auth_delete:    Successfully removed"];
    exchange_gets_an_access_token_and_a_bank_account_token: "exchange" => ["auth_get with it: 4 accounts", "bank account token present: true"];
    accounts_lists_numbers: "accounts" => ["Plaid Savings", "9900009606"];
    balances_lists_available_and_current: "balances" => ["available   1203.42 current   1274.93"];
    transactions_lists_and_filters: "transactions" => ["16 transactions", "Golden Crepes", "(uncategorised)", "pending included"];
    info_prints_identity: "info" => ["Kelly Walters", "kelly.walters30@example.com"];
    income_prints_streams: "income" => ["PLAID", "5250/month"];
    risk_prints_scores: "risk" => ["risk score 0.79"];
}
