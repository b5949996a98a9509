//! Every example runs to completion against its embedded sandbox and says
//! what it did. Each is run as the user would run it, as a process.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

use std::process::Command;

/// The variables that would point an example away from its embedded
/// sandboxes (`examples::Target`).
const TARGET_VARIABLES: [&str; 6] = [
    "PLAID_BASE_URL",
    "PLAID_CLIENT_ID",
    "PLAID_SECRET",
    "PLAID_LEGACY_BASE_URL",
    "PLAID_LEGACY_CLIENT_ID",
    "PLAID_LEGACY_SECRET",
];

/// What no example may print: the sandbox's tokens (modern tokens start
/// with these prefixes) and the keys' secret.
const NEVER_PRINTED: [&str; 4] = [
    "access-sandbox-",
    "public-sandbox-",
    "link-sandbox-",
    "test_secret",
];

/// Runs `binary` and returns its stdout, after checking that it succeeded
/// against an embedded sandbox and printed no secret.
fn run(binary: &str) -> String {
    let mut command = Command::new(binary);
    for variable in TARGET_VARIABLES {
        command.env_remove(variable);
    }
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("{binary} could not start: {e}"));
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
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
    for secret in NEVER_PRINTED {
        assert!(
            !stdout.contains(secret) && !stderr.contains(secret),
            "{binary} printed {secret:?}:\n{stdout}\n{stderr}"
        );
    }
    stdout
}

/// Checks that `binary`'s output contains every one of `expected` and none
/// of `absent`.
fn run_expecting(binary: &str, expected: &[&str], absent: &[&str]) {
    let stdout = run(binary);
    for needle in expected {
        assert!(
            stdout.contains(needle),
            "{binary} output lacks {needle:?}:\n{stdout}"
        );
    }
    for needle in absent {
        assert!(
            !stdout.contains(needle),
            "{binary} output shows {needle:?}:\n{stdout}"
        );
    }
}

/// Checks that `binary`'s output contains `expected` in this order.
fn run_expecting_in_order(binary: &str, expected: &[&str]) {
    let stdout = run(binary);
    let mut rest = stdout.as_str();
    for needle in expected {
        let Some(at) = rest.find(needle) else {
            panic!(
                "{binary} output lacks {needle:?} (in this order) after:\n{rest}\n\nwhole output:\n{stdout}"
            );
        };
        rest = &rest[at + needle.len()..];
    }
}

/// One test per example: `name: "binary" => [what it prints]`, optionally
/// followed by `never [what it must not print]`.
macro_rules! example_tests {
    ($(
        $test:ident: $bin:literal => [$($needle:literal),* $(,)?]
        $(never [$($absent:literal),* $(,)?])?;
    )*) => {$(
        #[test]
        fn $test() {
            run_expecting(
                env!(concat!("CARGO_BIN_EXE_", $bin)),
                &[$($needle),*],
                &[$($($absent),*)?],
            );
        }
    )*};
}

const BACKENDS: [&str; 3] = ["ureq (blocking)", "reqwest (async)", "hyper (async)"];

#[test]
fn quickstart_walks_every_backend_through_the_modern_item_flow_then_the_legacy_tour() {
    let modern = [
        "sandbox Item at First Platypus Bank (ins_109508) for auth, identity: PublicToken([redacted])",
        "exchanged for AccessToken([redacted]), item ",
        "5 accounts: Plaid Checking …",
        "balance now: Plaid Checking …",
        " USD",
        "auth: Plaid Checking account BankNumber(…",
        "), routing BankNumber(…",
        ") (2 ACH accounts)",
        "identity: Plaid Checking is held by ",
        "(shown on purpose)",
        "item removed (request ",
    ];
    let legacy = [
        "14 institutions",
        "602 categories",
        "MFA questions answered",
        "16 transactions",
        "Plaid Savings 1274.93",
    ];
    let mut expected = vec!["modern API (2020-09-14)"];
    for backend in BACKENDS {
        expected.push(backend);
        expected.extend(modern);
    }
    expected.push("legacy API (tartan)");
    for backend in BACKENDS {
        expected.push(backend);
        expected.extend(legacy);
    }
    run_expecting_in_order(env!("CARGO_BIN_EXE_quickstart"), &expected);
}

example_tests! {
    modern_items_follows_an_item_from_creation_to_removal: "modern_items" => [
        "public token: PublicToken([redacted])",
        "access token: AccessToken([redacted]) for item ",
        "item_get: First Platypus Bank (ins_109508), billed for transactions, webhook https://hooks.example/plaid, error none",
        "item_webhook_update: webhook now https://hooks.example/plaid/v2",
        "sandbox_item_fire_webhook: fired true",
        "item_get: last webhook DEFAULT_UPDATE",
        "webhook_verification_key_get: EC P-256 key 6c5516e1-92dc-479e-a8ff-5a51992e0001, expired false",
        "item_remove: done (request ",
        "item_get after removal: ITEM_NOT_FOUND",
    ];
    modern_accounts_reads_accounts_and_balances_with_an_account_filter: "modern_accounts" => [
        "accounts_get: 5 accounts",
        "Plaid Checking …",
        "Plaid 401k …",
        "credit card",
        "accounts_get with account_ids: 2 of 5 accounts: Plaid Checking …",
        "accounts_balance_get with account_ids: 2 accounts",
        " USD, available ",
        "available in depository accounts, summed exactly: ",
    ];
    modern_auth_shows_the_last_four_of_each_number: "modern_auth" => [
        "First Platypus Bank: 2 ACH accounts",
        "Plaid Checking  account BankNumber(…",
        ", routing BankNumber(…",
        "masks are the numbers' last four: true",
        "auth_get with account_ids: 1 account, Plaid Checking",
        "Harris Tweed Bank: 2 BACS accounts, 0 ACH",
        "sort code BankNumber(…",
    ];
    modern_identity_shows_the_owner_only_on_purpose: "modern_identity" => [
        "owner, as {:?} prints it: [[redacted]]",
        "Plaid Checking is held by ",
        "primary address in ",
        "on file: 2 email addresses (1 primary), 2 phone numbers (home, mobile)",
        "identity_get with account_ids: 1 account",
    ];
    modern_institutions_pages_by_total_gets_by_id_and_searches: "modern_institutions" => [
        "institutions_get: 19 institutions in US, CA, GB in 2 pages, e.g. First Platypus Bank",
        "institutions_get with auth and OAuth: 3 in the US",
        "institutions_get_by_id: First Platypus Bank (ins_109508), https://www.plaid.com, logins HEALTHY",
        "institutions_search \"tartan\": Tartan Bank (ins_109511), Tartan Bank Canada (ins_117522)",
    ];
    modern_link_creates_tokens_for_a_new_item_and_update_mode: "modern_link" => [
        "client_user_id: \"user-4711\"",
        "email_address: Some([redacted])",
        "link_token_create: LinkToken([redacted]), expires ",
        "link_token_create for update mode: LinkToken([redacted]), expires ",
        "(sooner: true)",
    ] never ["ada@example.com"];
    modern_categories_lists_the_tree: "modern_categories" => [
        "categories_get: 602 categories, 13 at the top: Bank Fees",
        "64 in the special group",
        "13001000: Food and Drink > Bar",
    ];
    modern_errors_match_codes_and_retry_what_is_worth_retrying: "modern_errors" => [
        "accounts_get after reset_login -> 400 Bad Request: ITEM_ERROR ITEM_LOGIN_REQUIRED",
        "status 400, kind ClientError, code ITEM_LOGIN_REQUIRED, needs the user true, retryable false",
        "item_get: 200, in-band ITEM_ERROR ITEM_LOGIN_REQUIRED",
        "password error_ITEM_LOCKED -> 400 ITEM_LOCKED: ask the user to unlock",
        "password error_INSTITUTION_DOWN -> 400 INSTITUTION_DOWN: the bank is down; retryable: true",
        "password error_INTERNAL_SERVER_ERROR -> 500 INTERNAL_SERVER_ERROR: Plaid failed",
        "wrong keys -> INVALID_API_KEYS",
        "bank down twice, default policy: 5 accounts after 3 attempts",
        "auth_get after 3 attempts",
        "bank down, retries disabled: INSTITUTION_DOWN after 1 attempt, retryable true",
        "login required, default policy: ITEM_LOGIN_REQUIRED after 1 attempt (never retried)",
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
