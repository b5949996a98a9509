//! The product answers' part of the base body [`everything`](super::everything):
//! a sync page's lists and cursor, a transactions page, recurring streams,
//! a holding with its security, an investment transaction and one liability
//! of each kind, shaped like the spec's examples (`txn_bodies`,
//! `investments`, `liabilities`). Every money, date, date-time and open
//! enum field a case changes is present, nullable ones with a value, so
//! that a case can break each one.
//!
//! The readers below reach into what a parser returned, for the cases'
//! checks; each names the answer it reads. The redaction tests
//! (`secrets`) plant their markers in [`purchase`] and [`liabilities`].

use std::any::Any;

use plaid_core::Amount;
use plaid_core::modern::endpoints::{
    InvestmentsHoldingsGetResponse, InvestmentsTransactionsGetResponse, LiabilitiesGetResponse,
    TransactionsGetResponse, TransactionsRecurringGetResponse, TransactionsSyncResponse,
};
use plaid_core::modern::models::{
    CreditCardLiability, Holding, InvestmentTransaction, Security, Transaction, TransactionStream,
};
use serde_json::{Value, json};

use crate::investments::security;
use crate::txn_bodies::{ACCOUNT, transaction};

/// The cursor the sync page of [`everything`](super::everything) ends
/// with.
pub(super) const NEXT_CURSOR: &str = "cursor-after-the-last-page";

/// The id of the transaction in `added`, `modified` and `transactions`.
pub(super) const TRANSACTION_ID: &str = "lPNjeW1nR6CDn5okmGQ6hEpMo4lLNoSrzqDje";

/// The security every holding and investment transaction refers to.
const SECURITY_ID: &str = "d6ePmbPxgWCWmMVv66q9iPV94n91vMtov5Are";

/// The spec's purchase with a transfer's counterparty numbers, an
/// authorised date-time and every enum set.
pub(crate) fn purchase() -> Value {
    let mut purchase = transaction(TRANSACTION_ID, "72.10");
    purchase["counterparties"][0]["account_numbers"] = json!({
        "bacs": {"account": "31926819", "sort_code": "601613"},
        "international": {"iban": "GB29NWBK60161331926819", "bic": "NWBKGB21"}
    });
    purchase["personal_finance_category"]["version"] = json!("v2");
    purchase["transaction_code"] = json!("purchase");
    purchase["running_balance"] = json!(1027.9);
    purchase
}

/// A recurring stream of `amount` (a JSON number's text).
fn stream(id: &str, amount: &str) -> Value {
    let amount: Value = serde_json::from_str(amount).unwrap();
    json!({
        "account_id": ACCOUNT,
        "stream_id": id,
        "category": null,
        "category_id": null,
        "description": "Platypus Payroll",
        "merchant_name": null,
        "personal_finance_category": {"primary": "INCOME", "detailed": "INCOME_WAGES",
            "confidence_level": "VERY_HIGH"},
        "first_date": "2022-02-28",
        "last_date": "2023-04-30",
        "predicted_next_date": "2023-05-15",
        "frequency": "SEMI_MONTHLY",
        "transaction_ids": ["nkeaNrDGrhdo6c4qZWDA8ekuIPuJ4Avg5nKfw"],
        "average_amount": {"amount": amount, "iso_currency_code": "USD",
            "unofficial_currency_code": null},
        "last_amount": {"amount": amount, "iso_currency_code": "USD",
            "unofficial_currency_code": null},
        "is_active": true,
        "status": "MATURE",
        "is_user_modified": false,
        "last_user_modified_datetime": null
    })
}

/// A holding of [`SECURITY_ID`] with one tax lot.
fn holding() -> Value {
    json!({
        "account_id": ACCOUNT, "security_id": SECURITY_ID,
        "institution_price": 98.765432, "institution_price_as_of": "2021-04-13",
        "institution_price_datetime": "2021-04-13T15:59:59-04:00",
        "institution_value": 1975.30864, "cost_basis": 1950, "quantity": 20.00001,
        "iso_currency_code": "USD", "unofficial_currency_code": null,
        "vested_quantity": null, "vested_value": null,
        "tax_lots": [{
            "institution_lot_id": "lot-7", "original_purchase_datetime": "2020-01-02T14:30:00Z",
            "quantity": 20.00001, "purchase_price": 97.5, "cost_basis": 1950,
            "current_value": 1975.30864, "position_type": "LONG"
        }]
    })
}

/// A buy of [`SECURITY_ID`].
fn investment_transaction() -> Value {
    json!({
        "investment_transaction_id": "oq99Pz97joHQem4BNjXECev1E4B6L6sRzwANW",
        "cancel_transaction_id": null, "account_id": ACCOUNT, "security_id": SECURITY_ID,
        "date": "2020-05-29", "transaction_datetime": "2020-05-29T14:30:00Z",
        "name": "BUY U S Dollar", "quantity": 7.7, "amount": 7.7, "price": 1, "fees": 0,
        "type": "buy", "subtype": "buy", "iso_currency_code": "USD",
        "unofficial_currency_code": null
    })
}

/// One credit card, one mortgage and one student loan, from the spec's
/// example.
pub(crate) fn liabilities() -> Value {
    json!({
        "credit": [{
            "account_id": ACCOUNT,
            "aprs": [{"apr_percentage": 15.24, "apr_type": "balance_transfer_apr",
                "balance_subject_to_apr": 1562.32, "interest_charge_amount": 130.22}],
            "is_overdue": false, "last_payment_amount": 168.25,
            "last_payment_date": "2019-05-22", "last_statement_issue_date": "2019-05-28",
            "last_statement_balance": 1708.77, "minimum_payment_amount": 20,
            "next_payment_due_date": "2020-05-28", "cash_advance_limit": null
        }],
        "mortgage": [{
            "account_id": ACCOUNT, "account_number": "3120194154", "current_late_fee": 25,
            "escrow_balance": 3141.54, "has_pmi": true, "has_prepayment_penalty": true,
            "interest_rate": {"percentage": 3.99, "type": "fixed"},
            "last_payment_amount": 3141.54, "last_payment_date": "2019-08-01",
            "loan_term": "30 year", "loan_type_description": "conventional",
            "maturity_date": "2045-07-31", "next_monthly_payment": 3141.54,
            "next_payment_due_date": "2019-11-15", "origination_date": "2015-08-01",
            "origination_principal_amount": 425000, "past_due_amount": 2304,
            "property_address": {"city": "Malakoff", "country": "US", "postal_code": "14236",
                "region": "NY", "street": "2992 Cameron Road"},
            "ytd_interest_paid": 12300.4, "ytd_principal_paid": 12340.5
        }],
        "student": [{
            "account_id": ACCOUNT, "account_number": "4277075694",
            "disbursement_dates": ["2002-08-28"], "expected_payoff_date": "2032-07-28",
            "guarantor": "DEPT OF ED", "interest_rate_percentage": 5.25, "is_overdue": false,
            "last_payment_amount": 138.05, "last_payment_date": "2019-04-22",
            "last_statement_issue_date": "2019-04-28", "last_statement_balance": 1708.77,
            "loan_name": "Consolidation",
            "loan_status": {"end_date": "2032-07-28", "type": "repayment"},
            "minimum_payment_amount": 25, "next_payment_due_date": "2019-05-28",
            "origination_date": "2002-08-28", "origination_principal_amount": 25000,
            "outstanding_interest_amount": 6227.36, "payment_reference_number": "4277075694",
            "pslf_status": {"estimated_eligibility_date": null, "payments_made": 12,
                "payments_remaining": 108},
            "repayment_plan": {"description": "Standard Repayment", "type": "standard"},
            "sequence_number": "1",
            "servicer_address": {"city": "San Matias", "country": "US", "postal_code": "99415",
                "region": "CA", "street": "123 Relaxation Road"},
            "ytd_interest_paid": 280.55, "ytd_principal_paid": 271.65
        }]
    })
}

/// The fields of the seven product answers, to merge into the base body.
pub(super) fn product_fields() -> Value {
    json!({
        "transactions_update_status": "HISTORICAL_UPDATE_COMPLETE",
        "added": [purchase()],
        "modified": [purchase()],
        "removed": [{"transaction_id": "no86Eox18VHMvaOVL7gPUM9ap3aR1LsAVZ5nc",
            "account_id": ACCOUNT}],
        "next_cursor": NEXT_CURSOR,
        "has_more": false,
        "transactions": [purchase()],
        "total_transactions": 1,
        "inflow_streams": [stream("no86Eox18VHMvaOVL7gPUM9ap3aR1LsAVZ5nc", "-800.25")],
        "outflow_streams": [stream("SrBNJZDuUMweodmHmSOeOE", "85.00")],
        "updated_datetime": "2023-05-01T12:30:00Z",
        "personal_finance_category_version": "v2",
        "holdings": [holding()],
        "securities": [security(SECURITY_ID)],
        "is_investments_fallback_item": false,
        "investment_transactions": [investment_transaction()],
        "total_investment_transactions": 1,
        "liabilities": liabilities()
    })
}

/// A `/transactions/sync` page, if the parser returned one.
pub(super) fn sync_page(parsed: &dyn Any) -> Option<&TransactionsSyncResponse> {
    parsed.downcast_ref()
}

/// The first added transaction of a sync page.
pub(super) fn added(parsed: &dyn Any) -> Option<&Transaction> {
    sync_page(parsed)?.added.first()
}

/// The first transaction of a `/transactions/get` page.
pub(super) fn listed(parsed: &dyn Any) -> Option<&Transaction> {
    let page: &TransactionsGetResponse = parsed.downcast_ref()?;
    page.transactions.first()
}

/// The first inflow stream of a recurring answer.
pub(super) fn inflow(parsed: &dyn Any) -> Option<&TransactionStream> {
    let answer: &TransactionsRecurringGetResponse = parsed.downcast_ref()?;
    answer.inflow_streams.first()
}

/// The first holding of a holdings answer.
pub(super) fn holding_of(parsed: &dyn Any) -> Option<&Holding> {
    let answer: &InvestmentsHoldingsGetResponse = parsed.downcast_ref()?;
    answer.holdings.first()
}

/// The first investment transaction of an investment transactions page.
pub(super) fn investment(parsed: &dyn Any) -> Option<&InvestmentTransaction> {
    let page: &InvestmentsTransactionsGetResponse = parsed.downcast_ref()?;
    page.investment_transactions.first()
}

/// The first security of either investments answer.
pub(super) fn security_of(parsed: &dyn Any) -> Option<&Security> {
    if let Some(answer) = parsed.downcast_ref::<InvestmentsHoldingsGetResponse>() {
        return answer.securities.first();
    }
    let page: &InvestmentsTransactionsGetResponse = parsed.downcast_ref()?;
    page.securities.first()
}

/// The liabilities answer, if the parser returned one.
pub(super) fn liabilities_of(parsed: &dyn Any) -> Option<&LiabilitiesGetResponse> {
    parsed.downcast_ref()
}

/// The first credit card of a liabilities answer.
pub(super) fn card(parsed: &dyn Any) -> Option<&CreditCardLiability> {
    liabilities_of(parsed)?.liabilities.credit.as_ref()?.first()
}

// The money the cases of `money` read, one function per site.

/// The first added transaction's amount.
pub(super) fn added_amount(parsed: &dyn Any) -> Option<Amount> {
    added(parsed).map(|t| t.amount)
}

/// The first listed transaction's amount.
pub(super) fn listed_amount(parsed: &dyn Any) -> Option<Amount> {
    listed(parsed).map(|t| t.amount)
}

/// The first holding's quantity.
pub(super) fn holding_quantity(parsed: &dyn Any) -> Option<Amount> {
    holding_of(parsed).map(|h| h.quantity)
}

/// The first holding's price.
pub(super) fn holding_price(parsed: &dyn Any) -> Option<Amount> {
    holding_of(parsed).map(|h| h.institution_price)
}

/// The first investment transaction's price.
pub(super) fn investment_price(parsed: &dyn Any) -> Option<Amount> {
    investment(parsed).map(|t| t.price)
}

/// The first security's close price.
pub(super) fn close_price(parsed: &dyn Any) -> Option<Amount> {
    security_of(parsed)?.close_price
}

/// The first credit card's last statement balance.
pub(super) fn statement_balance(parsed: &dyn Any) -> Option<Amount> {
    card(parsed)?.last_statement_balance
}

/// The first inflow stream's average amount.
pub(super) fn stream_amount(parsed: &dyn Any) -> Option<Amount> {
    inflow(parsed)?.average_amount.amount
}
