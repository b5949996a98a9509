//! `/liabilities/get`: the credit card, the student loan and, for an Item linked with
//! `liabilities`, the mortgage, each with every key of its spec schema; the account filter;
//! and figures that agree with the accounts.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test code: a failed expectation fails the test"
)]

mod common;

use common::modern::{ITEM_KEYS, has_keys, item, item_with, ok, post, sb};
use serde_json::json;

const CREDIT_KEYS: [&str; 9] = [
    "account_id",
    "aprs",
    "is_overdue",
    "last_payment_amount",
    "last_payment_date",
    "last_statement_issue_date",
    "last_statement_balance",
    "minimum_payment_amount",
    "next_payment_due_date",
];
const MORTGAGE_KEYS: [&str; 20] = [
    "account_id",
    "account_number",
    "current_late_fee",
    "escrow_balance",
    "has_pmi",
    "has_prepayment_penalty",
    "interest_rate",
    "last_payment_amount",
    "last_payment_date",
    "loan_type_description",
    "loan_term",
    "maturity_date",
    "next_monthly_payment",
    "next_payment_due_date",
    "origination_date",
    "origination_principal_amount",
    "past_due_amount",
    "property_address",
    "ytd_interest_paid",
    "ytd_principal_paid",
];
const STUDENT_KEYS: [&str; 24] = [
    "account_id",
    "account_number",
    "disbursement_dates",
    "expected_payoff_date",
    "guarantor",
    "interest_rate_percentage",
    "is_overdue",
    "last_payment_amount",
    "last_payment_date",
    "last_statement_issue_date",
    "loan_name",
    "loan_status",
    "minimum_payment_amount",
    "next_payment_due_date",
    "origination_date",
    "origination_principal_amount",
    "outstanding_interest_amount",
    "payment_reference_number",
    "pslf_status",
    "repayment_plan",
    "sequence_number",
    "servicer_address",
    "ytd_interest_paid",
    "ytd_principal_paid",
];

#[test]
fn an_item_linked_with_liabilities_has_a_card_a_student_loan_and_a_mortgage() {
    let sb = sb();
    let (token, _) = item_with(
        &sb,
        "ins_109508",
        &["liabilities", "transactions"],
        json!({}),
    );
    let body = ok(&sb, "/liabilities/get", &json!({ "access_token": token }));
    has_keys(&body, &["accounts", "item", "liabilities", "request_id"]);
    has_keys(&body["item"], &ITEM_KEYS);
    let accounts = body["accounts"].as_array().unwrap();
    assert_eq!(accounts.len(), 6);
    assert_eq!(
        (
            accounts[5]["type"].as_str(),
            accounts[5]["subtype"].as_str()
        ),
        (Some("loan"), Some("mortgage"))
    );
    let all = &body["liabilities"];
    let (credit, mortgage, student) = (
        all["credit"].as_array().unwrap(),
        all["mortgage"].as_array().unwrap(),
        all["student"].as_array().unwrap(),
    );
    assert_eq!((credit.len(), mortgage.len(), student.len()), (1, 1, 1));
    has_keys(&credit[0], &CREDIT_KEYS);
    for apr in credit[0]["aprs"].as_array().unwrap() {
        has_keys(
            apr,
            &[
                "apr_percentage",
                "apr_type",
                "balance_subject_to_apr",
                "interest_charge_amount",
            ],
        );
    }
    has_keys(&mortgage[0], &MORTGAGE_KEYS);
    has_keys(&mortgage[0]["interest_rate"], &["percentage", "type"]);
    has_keys(
        &mortgage[0]["property_address"],
        &["city", "country", "postal_code", "region", "street"],
    );
    has_keys(&student[0], &STUDENT_KEYS);
    has_keys(&student[0]["loan_status"], &["end_date", "type"]);
    has_keys(
        &student[0]["pslf_status"],
        &[
            "estimated_eligibility_date",
            "payments_made",
            "payments_remaining",
        ],
    );
    has_keys(&student[0]["repayment_plan"], &["description", "type"]);
    has_keys(
        &student[0]["servicer_address"],
        &["city", "region", "street", "postal_code", "country"],
    );
    assert_eq!(credit[0]["account_id"], accounts[2]["account_id"]);
    assert_eq!(student[0]["account_id"], accounts[3]["account_id"]);
    assert_eq!(mortgage[0]["account_id"], accounts[5]["account_id"]);
    assert_eq!(
        student[0]["last_statement_balance"],
        accounts[3]["balances"]["current"]
    );
    assert!(
        credit[0]["last_payment_date"]
            .as_str()
            .unwrap()
            .ends_with("-20")
    );

    let accounts_get = ok(&sb, "/accounts/get", &json!({ "access_token": token }));
    assert_eq!(
        accounts_get["accounts"].as_array().unwrap().len(),
        6,
        "the mortgage everywhere"
    );
    let again = ok(&sb, "/liabilities/get", &json!({ "access_token": token }));
    assert_eq!(again["liabilities"], body["liabilities"], "deterministic");
}

#[test]
fn without_liabilities_at_link_there_is_no_mortgage_and_the_filter_narrows() {
    let sb = sb();
    let (token, _) = item(&sb);
    let body = ok(&sb, "/liabilities/get", &json!({ "access_token": token }));
    assert_eq!(body["accounts"].as_array().unwrap().len(), 5);
    assert_eq!(body["liabilities"]["mortgage"], json!([]));
    let card = body["accounts"][2]["account_id"].clone();
    let narrow = json!({ "access_token": token, "options": { "account_ids": [card] } });
    let only = ok(&sb, "/liabilities/get", &narrow);
    assert_eq!(only["liabilities"]["credit"].as_array().unwrap().len(), 1);
    assert_eq!(only["liabilities"]["student"], json!([]));
    let bad = json!({ "access_token": token, "options": { "account_ids": ["nope"] } });
    post(&sb, "/liabilities/get", &bad).plaid_error(400, "INVALID_INPUT", "INVALID_ACCOUNT_ID");
    let (banking, _) = item_with(&sb, "ins_117501", &["auth"], json!({}));
    post(&sb, "/liabilities/get", &json!({ "access_token": banking })).plaid_error(
        400,
        "ITEM_ERROR",
        "PRODUCTS_NOT_SUPPORTED",
    );
}
