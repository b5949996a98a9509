//! Reading an item's products with its access token: auth numbers,
//! balances, transactions and their filters, identity, income and risk.

use plaid_core::legacy::models::{AccountType, Amount};
use plaid_core::legacy::{ErrorCode, GetOptions, PythonException};

use crate::{
    Backend, CHECKING_ID, PENDING_ID, POSTED_TRANSACTIONS, api_error, assert_sandbox_accounts,
    assert_token, date,
};

/// `auth_get` returns the numbers, none for the credit card.
pub fn auth_get_returns_the_numbers(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();
    let chase = client.with_access_token("test_chase");

    let data = backend.send(chase.auth_get()).expect("auth get");
    assert_sandbox_accounts(&data.accounts);
    let credit = data.accounts[3].numbers.as_ref().expect("numbers");
    assert!(credit.routing.is_none() && credit.account.is_none());
    assert_eq!(
        data.accounts[1]
            .numbers
            .as_ref()
            .and_then(|n| n.account.as_deref()),
        Some("9900001702")
    );
}

/// `balance` lists every account with its balances, and the credit card's
/// limit.
pub fn balance_lists_every_account_with_its_balances(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();
    let chase = client.with_access_token("test_chase");

    let data = backend.send(chase.balance()).expect("balance");
    assert_sandbox_accounts(&data.accounts);
    let balances: Vec<(Option<f64>, Option<f64>)> = data
        .accounts
        .iter()
        .map(|a| {
            (
                a.balance.available.map(Amount::as_f64),
                a.balance.current.map(Amount::as_f64),
            )
        })
        .collect();
    assert_eq!(
        balances,
        [
            (Some(1203.42), Some(1274.93)),
            (Some(1081.78), Some(1253.32)),
            (Some(7205.23), Some(7255.23)),
            (Some(9930.0), Some(2275.58)),
        ]
    );
    let credit = &data.accounts[3];
    assert_eq!(credit.account_type, AccountType::Credit);
    assert_eq!(credit.meta.limit.map(Amount::as_f64), Some(12500.0));
    assert!(data.accounts[..3].iter().all(|a| a.meta.limit.is_none()));
}

/// `connect_get` returns the accounts and the posted transactions.
pub fn connect_get_returns_the_posted_transactions(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();
    let chase = client.with_access_token("test_chase");

    let data = backend.send(chase.connect_get()).expect("connect get");
    assert_sandbox_accounts(&data.accounts);
    let transactions = data.transactions.expect("transactions");
    assert_eq!(transactions.len(), POSTED_TRANSACTIONS);
    assert!(transactions.iter().all(|t| !t.pending));
    assert_token(Some(&data.access_token), "test_chase");
}

/// `pending: true` adds the one pending transaction and leaves the posted ones
/// alone.
pub fn connect_get_pending_adds_the_pending_transaction(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();
    let chase = client.with_access_token("test_chase");

    let posted = backend
        .send(chase.connect_get())
        .expect("default")
        .transactions
        .expect("txns");
    let all = backend
        .send(chase.connect_get_with_options(GetOptions::new().pending(true)))
        .expect("with pending")
        .transactions
        .expect("txns");
    assert_eq!(all.len(), posted.len() + 1);
    let (pending, rest): (Vec<_>, Vec<_>) = all.into_iter().partition(|t| t.pending);
    assert_eq!(rest, posted, "the posted ones are unchanged");
    let ids: Vec<&str> = pending.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, [PENDING_ID]);
}

/// The `gte` / `lte` date filter keeps the transactions in the range, both ends
/// included.
pub fn connect_get_date_filter_is_inclusive(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();
    let chase = client.with_access_token("test_chase");
    let (gte, lte) = (date("2014-04-11"), date("2014-06-01"));

    let all = backend
        .send(chase.connect_get())
        .expect("all")
        .transactions
        .expect("txns");
    let options = GetOptions::new().gte(gte).lte(lte);
    let filtered = backend
        .send(chase.connect_get_with_options(options))
        .expect("filtered")
        .transactions
        .expect("txns");
    let expected: Vec<_> = all
        .into_iter()
        .filter(|t| (gte..=lte).contains(&t.date))
        .collect();
    assert_eq!(filtered, expected);
    assert_eq!(filtered.len(), 9);
    assert_eq!(
        filtered.first().map(|t| t.date),
        Some(lte),
        "lte is inclusive"
    );
    assert_eq!(
        filtered.last().map(|t| t.date),
        Some(gte),
        "gte is inclusive"
    );
}

/// The account filter keeps every account but only that account's transactions.
pub fn connect_get_account_filter_keeps_every_account(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();
    let chase = client.with_access_token("test_chase");

    let data = backend
        .send(chase.connect_get_with_options(GetOptions::new().account(CHECKING_ID)))
        .expect("filtered");
    assert_sandbox_accounts(&data.accounts);
    let transactions = data.transactions.expect("txns");
    assert_eq!(transactions.len(), 7);
    assert!(transactions.iter().all(|t| t.account == CHECKING_ID));
}

/// Filtering on an unknown account is `NotFound` / `AccountNotFound`.
pub fn connect_get_unknown_account_is_not_found(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();
    let chase = client.with_access_token("test_chase");

    api_error(
        backend.send(chase.connect_get_with_options(GetOptions::new().account("nope"))),
        PythonException::ResourceNotFoundError,
        ErrorCode::AccountNotFound,
    );
}

/// `info_get` returns the owner's identity.
pub fn info_get_returns_the_identity(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();
    let chase = client.with_access_token("test_chase");

    let data = backend.send(chase.info_get()).expect("info get");
    assert_sandbox_accounts(&data.accounts);
    let info = data.info;
    assert_eq!(info.names, ["Kelly Walters"]);
    assert_eq!(info.phone_numbers[0].data, "4673956022");
    assert_eq!(
        info.addresses[0].data.city.as_deref(),
        Some("San Francisco")
    );
}

/// `income_get` returns two income streams and last year's income.
pub fn income_get_returns_two_streams(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();
    let chase = client.with_access_token("test_chase");

    let income = backend.send(chase.income_get()).expect("income get").income;
    let streams: Vec<(&str, f64)> = income
        .income_streams
        .iter()
        .map(|s| (s.name.as_str(), s.monthly_income.as_f64()))
        .collect();
    assert_eq!(streams, [("PLAID", 5250.0), ("BAGUETTES INC", 2400.0)]);
    assert_eq!(income.number_of_income_streams, Some(2));
    assert_eq!(income.last_year_income.map(Amount::as_f64), Some(56000.0));
}

/// `risk_get` scores every account.
pub fn risk_get_scores_every_account(backend: &impl Backend) {
    let (_sandbox, client) = backend.sandbox_client();
    let chase = client.with_access_token("test_chase");

    let data = backend.send(chase.risk_get()).expect("risk get");
    assert_sandbox_accounts(&data.accounts);
    for account in &data.accounts {
        let risk = account.risk.as_ref().expect("every account has risk");
        assert_eq!(risk.score, 0.79);
        assert_eq!(risk.reason.get("benfords_law"), Some(&0.65));
    }
}
