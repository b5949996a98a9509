//! Investments: `/investments/holdings/get` and
//! `/investments/transactions/get`, request snapshots and parse tests.

use plaid_core::modern::endpoints::{InvestmentsHoldingsGet, InvestmentsTransactionsGet};
use plaid_core::modern::models::{
    AccountType, InvestmentTransactionSubtype, InvestmentTransactionType, OptionContractType,
    PositionType, SecurityType, YieldRateType,
};
use plaid_core::modern::{ErrorCode, ErrorType};
use plaid_core::{Amount, Date, DateTime, Endpoint};
use serde_json::{Value, json};

use crate::bodies::{item, success};
use crate::calls::{assert_refused, is_idempotent};
use crate::wire::{TOKEN, answer, assert_request, client, plaid_error};

const IRA: &str = "JqMLm4rJwpF6gMPJwBqdh9ZjjPvvpDcb7kDK1";

fn amount(text: &str) -> Amount {
    text.parse().unwrap()
}

fn date(text: &str) -> Date {
    text.parse().unwrap()
}

/// The spec's IRA account, with its margin loan balance.
fn ira() -> Value {
    json!({
        "account_id": IRA,
        "balances": {
            "available": null, "current": 110.01, "iso_currency_code": "USD", "limit": null,
            "margin_loan_amount": 25.5, "unofficial_currency_code": null
        },
        "mask": "5555", "name": "Plaid IRA", "official_name": null,
        "subtype": "ira", "type": "investment"
    })
}

/// The spec's cash security (`U S Dollar`), with id `id`.
pub(crate) fn security(id: &str) -> Value {
    json!({
        "close_price": 1, "close_price_as_of": null, "cusip": null, "institution_id": null,
        "institution_security_id": null, "is_cash_equivalent": true, "isin": null,
        "iso_currency_code": "USD", "name": "U S Dollar", "proxy_security_id": null,
        "security_id": id, "sedol": null, "ticker_symbol": "USD", "type": "cash",
        "subtype": "cash", "unofficial_currency_code": null, "update_datetime": null,
        "market_identifier_code": null, "sector": null, "industry": null, "cfi_code": null,
        "option_contract": null, "fixed_income": null
    })
}

#[test]
fn investments_holdings_get_request() {
    let plain = client()
        .investments_holdings_get(TOKEN)
        .to_request()
        .unwrap();
    assert_request(
        &plain,
        "/investments/holdings/get",
        true,
        json!({ "access_token": TOKEN }),
    );
    let filtered = client()
        .investments_holdings_get(TOKEN)
        .with(|r| r.account_ids([IRA]))
        .to_request()
        .unwrap();
    assert_request(
        &filtered,
        "/investments/holdings/get",
        true,
        json!({"access_token": TOKEN, "options": {"account_ids": [IRA]}}),
    );
    assert_refused(
        client().investments_holdings_get(""),
        "access token is empty",
    );
    assert_refused(
        client()
            .investments_holdings_get(TOKEN)
            .with(|r| r.account_ids(Vec::<String>::new())),
        "account id filter is empty",
    );
    assert!(is_idempotent(&client().investments_holdings_get(TOKEN)));
    assert!(!format!("{:?}", InvestmentsHoldingsGet::new(TOKEN)).contains(TOKEN));
}

/// The spec's holdings example (an option, cash), with a bond, tax lots and
/// a security type this version does not know.
#[test]
fn investments_holdings_get_response() {
    let body = success(json!({
        "accounts": [ira()],
        "holdings": [
            {
                "account_id": IRA, "cost_basis": 0.01, "institution_price": 0.011,
                "institution_price_as_of": "2021-04-13", "institution_price_datetime": null,
                "institution_value": 110, "iso_currency_code": "USD", "quantity": 10000,
                "security_id": "8E4L9XLl6MudjEpwPAAgivmdZRdBPJuvMPlPb",
                "unofficial_currency_code": null, "vested_quantity": null, "vested_value": null
            },
            {
                "account_id": IRA, "cost_basis": null, "institution_price": 98.765432,
                "institution_price_as_of": null,
                "institution_price_datetime": "2021-04-13T15:59:59-04:00",
                "institution_value": 1975.30864, "iso_currency_code": "USD", "quantity": 20.00001,
                "security_id": "bond-1", "unofficial_currency_code": null,
                "tax_lots": [{
                    "institution_lot_id": "lot-7", "original_purchase_datetime": "2020-01-02T14:30:00Z",
                    "quantity": 20.00001, "purchase_price": 97.5, "cost_basis": "LOT_COST",
                    "current_value": 1975.30864, "position_type": "LONG"
                }]
            }
        ],
        "securities": [
            {
                "close_price": 0.011, "close_price_as_of": "2021-04-13", "cusip": null,
                "institution_id": null, "institution_security_id": null, "is_cash_equivalent": false,
                "isin": null, "iso_currency_code": "USD", "name": "Nflx Feb 01'18 $355 Call",
                "proxy_security_id": null, "security_id": "8E4L9XLl6MudjEpwPAAgivmdZRdBPJuvMPlPb",
                "sedol": null, "ticker_symbol": "NFLX180201C00355000", "type": "derivative",
                "subtype": "option", "unofficial_currency_code": null, "update_datetime": null,
                "market_identifier_code": "XNAS", "sector": "Technology Services",
                "industry": "Internet Software or Services", "cfi_code": "OCASPS",
                "option_contract": {
                    "contract_type": "call", "expiration_date": "2018-02-01",
                    "strike_price": 355, "underlying_security_ticker": "NFLX"
                },
                "fixed_income": null
            },
            {
                "close_price": 98.765432, "close_price_as_of": "2021-04-13", "cusip": "912828ZQ6",
                "institution_id": null, "institution_security_id": null, "is_cash_equivalent": false,
                "isin": "US912828ZQ64", "iso_currency_code": "USD", "name": "US Treasury Note",
                "proxy_security_id": null, "security_id": "bond-1", "sedol": null,
                "ticker_symbol": null, "type": "tokenized fixed income", "subtype": "note",
                "unofficial_currency_code": null, "update_datetime": "2021-04-13T20:00:00Z",
                "market_identifier_code": null, "sector": null, "industry": null, "cfi_code": "DBFTFR",
                "option_contract": null,
                "fixed_income": {
                    "yield_rate": {"percentage": 4.125, "type": "coupon"},
                    "maturity_date": "2031-05-15", "issue_date": "2021-05-15", "face_value": 1000
                }
            },
            security("d6ePmbPxgWCWmMVv66q9iPV94n91vMtov5Are")
        ],
        "item": item(),
        "is_investments_fallback_item": false
    }))
    // Written into the text: a `Value` would drop the trailing zeros.
    .replace("\"LOT_COST\"", "1950.00");
    let got = InvestmentsHoldingsGet::parse_response(answer(200, &body)).unwrap();
    let account = &got.accounts[0];
    assert_eq!(account.account_type, AccountType::Investment);
    assert_eq!(account.balances.margin_loan_amount, Some(amount("25.5")));
    assert_eq!(account.balances.current, Some(amount("110.01")));
    assert_eq!(got.is_investments_fallback_item, Some(false));

    let option = &got.holdings[0];
    assert_eq!(option.quantity, amount("10000"));
    assert_eq!(option.institution_price, amount("0.011"));
    assert_eq!(option.institution_price_as_of, Some(date("2021-04-13")));
    assert_eq!(option.cost_basis, Some(amount("0.01")));
    assert!(option.tax_lots.is_empty());
    let bond = &got.holdings[1];
    assert_eq!(bond.quantity.to_string(), "20.00001");
    assert_eq!(bond.institution_value.to_string(), "1975.30864");
    assert_eq!(bond.cost_basis, None);
    assert_eq!(
        bond.institution_price_datetime.unwrap().offset_minutes(),
        -240
    );
    let lot = &bond.tax_lots[0];
    assert_eq!(lot.position_type, Some(PositionType::Long));
    assert_eq!(lot.cost_basis.unwrap().to_string(), "1950.00");
    assert_eq!(
        lot.original_purchase_datetime,
        Some("2020-01-02T14:30:00Z".parse::<DateTime>().unwrap())
    );

    let call = &got.securities[0];
    assert_eq!(call.security_type, Some(SecurityType::Derivative));
    let contract = call.option_contract.as_ref().unwrap();
    assert_eq!(contract.contract_type, OptionContractType::Call);
    assert_eq!(contract.strike_price, amount("355"));
    assert_eq!(contract.expiration_date, date("2018-02-01"));
    assert_eq!(call.market_identifier_code.as_deref(), Some("XNAS"));
    let note = &got.securities[1];
    assert_eq!(
        note.security_type,
        Some(SecurityType::Unknown("tokenized fixed income".into()))
    );
    let fixed = note.fixed_income.as_ref().unwrap();
    let rate = fixed.yield_rate.as_ref().unwrap();
    assert_eq!(rate.percentage, amount("4.125"));
    assert_eq!(rate.rate_type, Some(YieldRateType::Coupon));
    assert_eq!(fixed.face_value, Some(amount("1000")));
    assert_eq!(fixed.maturity_date, Some(date("2031-05-15")));
    let cash = &got.securities[2];
    assert_eq!(cash.is_cash_equivalent, Some(true));
    assert_eq!(cash.security_type, Some(SecurityType::Cash));
    assert_eq!(cash.close_price_as_of, None);

    let none = InvestmentsHoldingsGet::parse_response(answer(
        400,
        &plaid_error("ITEM_ERROR", "NO_INVESTMENT_ACCOUNTS"),
    ))
    .unwrap_err();
    assert_eq!(none.plaid().unwrap().error_type, ErrorType::ItemError);
    assert_eq!(
        none.plaid_code().unwrap().as_str(),
        "NO_INVESTMENT_ACCOUNTS"
    );
}

#[test]
fn investments_transactions_get_request() {
    let client = client();
    let call =
        || client.investments_transactions_get(TOKEN, date("2019-03-01"), date("2019-03-31"));
    let plain = call().to_request().unwrap();
    assert_request(
        &plain,
        "/investments/transactions/get",
        true,
        json!({"access_token": TOKEN, "start_date": "2019-03-01", "end_date": "2019-03-31"}),
    );
    let full = call()
        .with(|r| {
            r.account_ids([IRA])
                .count(100)
                .offset(200)
                .async_update(true)
        })
        .to_request()
        .unwrap();
    assert_request(
        &full,
        "/investments/transactions/get",
        true,
        json!({
            "access_token": TOKEN, "start_date": "2019-03-01", "end_date": "2019-03-31",
            "options": {"account_ids": [IRA], "count": 100, "offset": 200, "async_update": true}
        }),
    );
    assert_refused(
        client.investments_transactions_get("", date("2019-03-01"), date("2019-03-31")),
        "access token is empty",
    );
    assert_refused(
        client.investments_transactions_get(TOKEN, date("2019-04-01"), date("2019-03-31")),
        "start date is after the end date",
    );
    assert_refused(
        call().with(|r| r.count(0)),
        "count must be between 1 and 500",
    );
    assert!(is_idempotent(&call()));
    assert!(
        !format!(
            "{:?}",
            InvestmentsTransactionsGet::new(TOKEN, date("2019-03-01"), date("2019-03-31"))
        )
        .contains(TOKEN)
    );
}

/// Shaped like the spec's example: a buy, a cash dividend without a
/// security, a fee, and a subtype this version does not know.
#[test]
fn investments_transactions_get_response() {
    let txn = |id: &str,
               security: Value,
               kind: &str,
               subtype: &str,
               quantity: f64,
               amount: f64,
               price: f64,
               fees: Value| {
        json!({
            "account_id": IRA, "amount": amount, "cancel_transaction_id": null, "date": "2020-05-29",
            "fees": fees, "investment_transaction_id": id, "iso_currency_code": "USD",
            "name": "INCOME DIV DIVIDEND RECEIVED", "price": price, "quantity": quantity,
            "security_id": security, "subtype": subtype, "type": kind, "unofficial_currency_code": null
        })
    };
    let body = success(json!({
        "accounts": [ira()],
        "investment_transactions": [
            txn("oq99Pz97joHQem4BNjXECev1E4B6L6sRzwANW", json!("d6ePmbPxgWCWmMVv66q9iPV94n91vMtov5Are"), "buy", "buy", 7.7, 7.7, 1.0, json!(0)),
            txn("pK99jB9e7mtwjA435GpVuMvmWQKVbVFLWme57", json!(null), "cash", "qualified dividend", 0.0, -1.35, 0.0, json!(null)),
            txn("LKoo1ko93wtreBwM7yQnK5qyj8xBLx5K7kqWd", json!(null), "fee", "crypto staking fee", 0.0, 0.05, 0.0, json!(0.05)),
        ],
        "securities": [security("d6ePmbPxgWCWmMVv66q9iPV94n91vMtov5Are")],
        "total_investment_transactions": 3,
        "item": item(),
    }));
    let got = InvestmentsTransactionsGet::parse_response(answer(200, &body)).unwrap();
    assert_eq!(got.total_investment_transactions, 3);
    let buy = &got.investment_transactions[0];
    assert_eq!(buy.transaction_type, InvestmentTransactionType::Buy);
    assert_eq!(buy.subtype, InvestmentTransactionSubtype::Buy);
    assert_eq!(buy.quantity, amount("7.7"));
    assert_eq!(buy.amount.minor_units(2), Some(770));
    assert_eq!(buy.fees, Some(amount("0")));
    assert_eq!(buy.date, date("2020-05-29"));
    let dividend = &got.investment_transactions[1];
    assert_eq!(dividend.security_id, None);
    assert_eq!(
        dividend.subtype,
        InvestmentTransactionSubtype::QualifiedDividend
    );
    assert_eq!(dividend.amount, amount("-1.35"));
    assert_eq!(dividend.fees, None);
    let fee = &got.investment_transactions[2];
    assert_eq!(fee.transaction_type, InvestmentTransactionType::Fee);
    assert_eq!(
        fee.subtype,
        InvestmentTransactionSubtype::Unknown("crypto staking fee".into())
    );
    assert_eq!(got.securities[0].ticker_symbol.as_deref(), Some("USD"));

    let not_ready = InvestmentsTransactionsGet::parse_response(answer(
        400,
        &plaid_error("ITEM_ERROR", "PRODUCT_NOT_READY"),
    ))
    .unwrap_err();
    assert_eq!(not_ready.plaid_code(), Some(&ErrorCode::PRODUCT_NOT_READY));
}
