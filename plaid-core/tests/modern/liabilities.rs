//! Liabilities: `/liabilities/get`, its request snapshot and the spec's
//! example with the three kinds of liability.

use plaid_core::modern::endpoints::LiabilitiesGet;
use plaid_core::modern::models::{AprType, StudentLoanStatusType, StudentRepaymentPlanType};
use plaid_core::modern::{ErrorCode, ErrorType};
use plaid_core::{Amount, Date, Endpoint};
use serde_json::json;

use crate::bodies::{checking, item, success};
use crate::calls::{assert_refused, is_idempotent};
use crate::wire::{TOKEN, answer, assert_request, client, plaid_error};

const CARD: &str = "dVzbVMLjrxTnLjX4G66XUp5GLklm4oiZy88yK";
const MORTGAGE: &str = "BxBXxLj1m4HMXBm9WZJyUg9XLd4rKEhw8Pb1J";
const STUDENT: &str = "Pp1Vpkl9w8sajvK6oEEKtr7vZxBnGpf7LxxLE";

fn amount(text: &str) -> Amount {
    text.parse().unwrap()
}

fn date(text: &str) -> Date {
    text.parse().unwrap()
}

#[test]
fn liabilities_get_request() {
    let plain = client().liabilities_get(TOKEN).to_request().unwrap();
    assert_request(
        &plain,
        "/liabilities/get",
        true,
        json!({ "access_token": TOKEN }),
    );
    let filtered = client()
        .liabilities_get(TOKEN)
        .with(|r| r.account_ids([CARD, MORTGAGE]))
        .to_request()
        .unwrap();
    assert_request(
        &filtered,
        "/liabilities/get",
        true,
        json!({"access_token": TOKEN, "options": {"account_ids": [CARD, MORTGAGE]}}),
    );
    assert_refused(client().liabilities_get(""), "access token is empty");
    assert_refused(
        client()
            .liabilities_get(TOKEN)
            .with(|r| r.account_ids([""])),
        "account id in the filter is empty",
    );
    assert!(is_idempotent(&client().liabilities_get(TOKEN)));
    assert!(!format!("{:?}", LiabilitiesGet::new(TOKEN)).contains(TOKEN));
}

/// The spec's `/liabilities/get` example, with an APR type and a loan
/// status this version does not know.
#[test]
fn liabilities_get_response() {
    let body = success(json!({
        "accounts": [checking()],
        "item": item(),
        "liabilities": {
            "credit": [{
                "account_id": CARD,
                "aprs": [
                    {"apr_percentage": 15.24, "apr_type": "balance_transfer_apr", "balance_subject_to_apr": 1562.32, "interest_charge_amount": 130.22},
                    {"apr_percentage": 27.95, "apr_type": "cash_apr", "balance_subject_to_apr": 56.22, "interest_charge_amount": 14.81},
                    {"apr_percentage": 12.5, "apr_type": "purchase_apr", "balance_subject_to_apr": 157.01, "interest_charge_amount": 25.66},
                    {"apr_percentage": 0, "apr_type": "introductory_apr", "balance_subject_to_apr": null, "interest_charge_amount": null}
                ],
                "is_overdue": false,
                "last_payment_amount": 168.25,
                "last_payment_date": "2019-05-22",
                "last_statement_issue_date": "2019-05-28",
                "last_statement_balance": 1708.77,
                "minimum_payment_amount": 20,
                "next_payment_due_date": "2020-05-28"
            }],
            "mortgage": [{
                "account_id": MORTGAGE,
                "account_number": "3120194154",
                "current_late_fee": 25,
                "escrow_balance": 3141.54,
                "has_pmi": true,
                "has_prepayment_penalty": true,
                "interest_rate": {"percentage": 3.99, "type": "fixed"},
                "last_payment_amount": 3141.54,
                "last_payment_date": "2019-08-01",
                "loan_term": "30 year",
                "loan_type_description": "conventional",
                "maturity_date": "2045-07-31",
                "next_monthly_payment": 3141.54,
                "next_payment_due_date": "2019-11-15",
                "origination_date": "2015-08-01",
                "origination_principal_amount": 425000,
                "past_due_amount": 2304,
                "property_address": {
                    "city": "Malakoff", "country": "US", "postal_code": "14236",
                    "region": "NY", "street": "2992 Cameron Road"
                },
                "ytd_interest_paid": 12300.4,
                "ytd_principal_paid": 12340.5
            }],
            "student": [{
                "account_id": STUDENT,
                "account_number": "4277075694",
                "disbursement_dates": ["2002-08-28"],
                "expected_payoff_date": "2032-07-28",
                "guarantor": "DEPT OF ED",
                "interest_rate_percentage": 5.25,
                "is_overdue": false,
                "last_payment_amount": 138.05,
                "last_payment_date": "2019-04-22",
                "last_statement_issue_date": "2019-04-28",
                "last_statement_balance": 1708.77,
                "loan_name": "Consolidation",
                "loan_status": {"end_date": "2032-07-28", "type": "income driven pause"},
                "minimum_payment_amount": 25,
                "next_payment_due_date": "2019-05-28",
                "origination_date": "2002-08-28",
                "origination_principal_amount": 25000,
                "outstanding_interest_amount": 6227.36,
                "payment_reference_number": "4277075694",
                "pslf_status": {"estimated_eligibility_date": null, "payments_made": null, "payments_remaining": null},
                "repayment_plan": {"description": "Standard Repayment", "type": "standard"},
                "sequence_number": "1",
                "servicer_address": {
                    "city": "San Matias", "country": "US", "postal_code": "99415",
                    "region": "CA", "street": "123 Relaxation Road"
                },
                "ytd_interest_paid": 280.55,
                "ytd_principal_paid": 271.65
            }]
        }
    }));
    let got = LiabilitiesGet::parse_response(answer(200, &body)).unwrap();
    let liabilities = &got.liabilities;

    let card = &liabilities.credit.as_ref().unwrap()[0];
    assert_eq!(card.account_id.as_deref(), Some(CARD));
    assert_eq!(card.aprs[0].apr_type, AprType::BalanceTransferApr);
    assert_eq!(card.aprs[0].apr_percentage, amount("15.24"));
    assert_eq!(card.aprs[0].interest_charge_amount, Some(amount("130.22")));
    assert_eq!(
        card.aprs[3].apr_type,
        AprType::Unknown("introductory_apr".into())
    );
    assert_eq!(card.aprs[3].balance_subject_to_apr, None);
    assert_eq!(card.is_overdue, Some(false));
    assert_eq!(
        card.last_statement_balance.unwrap().minor_units(2),
        Some(170_877)
    );
    assert_eq!(card.next_payment_due_date, Some(date("2020-05-28")));
    assert_eq!(card.cash_advance_limit, None);

    let mortgage = &liabilities.mortgage.as_ref().unwrap()[0];
    assert_eq!(mortgage.account_id, MORTGAGE);
    assert_eq!(
        mortgage.account_number.as_ref().unwrap().as_str(),
        "3120194154"
    );
    assert_eq!(mortgage.interest_rate.percentage, Some(amount("3.99")));
    assert_eq!(mortgage.interest_rate.rate_type.as_deref(), Some("fixed"));
    assert_eq!(
        mortgage.origination_principal_amount,
        Some(amount("425000"))
    );
    assert_eq!(mortgage.ytd_interest_paid.unwrap().to_string(), "12300.4");
    assert_eq!(mortgage.maturity_date, Some(date("2045-07-31")));
    assert_eq!(mortgage.has_pmi, Some(true));
    assert_eq!(
        mortgage.property_address.street.as_deref(),
        Some("2992 Cameron Road")
    );
    assert_eq!(
        mortgage.property_address.postal_code.as_deref(),
        Some("14236")
    );

    let loan = &liabilities.student.as_ref().unwrap()[0];
    assert_eq!(loan.account_number.as_ref().unwrap().as_str(), "4277075694");
    assert_eq!(loan.interest_rate_percentage, amount("5.25"));
    assert_eq!(
        loan.disbursement_dates.as_deref(),
        Some(&[date("2002-08-28")][..])
    );
    assert_eq!(
        loan.loan_status.status_type,
        Some(StudentLoanStatusType::Unknown("income driven pause".into()))
    );
    assert_eq!(loan.loan_status.end_date, Some(date("2032-07-28")));
    assert_eq!(
        loan.repayment_plan.plan_type,
        Some(StudentRepaymentPlanType::Standard)
    );
    assert_eq!(loan.pslf_status.payments_made, None);
    assert_eq!(loan.servicer_address.city.as_deref(), Some("San Matias"));
    assert_eq!(loan.outstanding_interest_amount, Some(amount("6227.36")));

    // Loan numbers show their last four; the mortgaged home's address
    // not at all; the servicer's address is a company's.
    let debug = format!("{got:?}");
    for secret in ["3120194154", "4277075694", "2992 Cameron Road", "Malakoff"] {
        assert!(!debug.contains(secret), "{secret} leaked into Debug");
    }
    assert!(debug.contains("4154") && debug.contains("5694"));
    assert!(debug.contains("San Matias"));
}

/// An Item without a kind of liability answers `null` for it.
#[test]
fn liabilities_get_missing_kinds_and_errors() {
    let body = success(json!({
        "accounts": [],
        "item": item(),
        "liabilities": {"credit": null, "mortgage": null, "student": []}
    }));
    let got = LiabilitiesGet::parse_response(answer(200, &body)).unwrap();
    assert!(got.liabilities.credit.is_none() && got.liabilities.mortgage.is_none());
    assert_eq!(got.liabilities.student.as_deref().map(<[_]>::len), Some(0));

    let none = LiabilitiesGet::parse_response(answer(
        400,
        &plaid_error("ITEM_ERROR", "NO_LIABILITY_ACCOUNTS"),
    ))
    .unwrap_err();
    assert_eq!(none.plaid().unwrap().error_type, ErrorType::ItemError);
    assert_eq!(none.plaid_code().unwrap().as_str(), "NO_LIABILITY_ACCOUNTS");
    let login = LiabilitiesGet::parse_response(answer(
        400,
        &plaid_error("ITEM_ERROR", "ITEM_LOGIN_REQUIRED"),
    ))
    .unwrap_err();
    assert_eq!(login.plaid_code(), Some(&ErrorCode::ITEM_LOGIN_REQUIRED));
}
