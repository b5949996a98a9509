//! Hostile values in the investments and liabilities answers: holdings
//! and their tax lots, securities, investment transactions, and the three
//! kinds of liability (money is in `money`).
//!
//! Decisions the cases pin: unknown enum values (security, transaction
//! and tax lot kinds, APR types, loan statuses, repayment plans) are kept;
//! a kind of liability that is `null` or absent is `None` (the spec makes
//! each nullable), while `liabilities` itself and a mortgage's property
//! address are required.

use super::fields::{card, holding_of, investment, liabilities_of, security_of};
use super::*;
use plaid_core::modern::endpoints::InvestmentsTransactionsGetResponse;
use plaid_core::modern::models::{
    AprType, InvestmentTransactionSubtype, InvestmentTransactionType, PositionType, SecurityType,
    StudentLoanStatusType, StudentRepaymentPlanType,
};

/// The liabilities' first student loan, if the parser returned one.
fn student(parsed: &dyn Any) -> Option<&plaid_core::modern::models::StudentLoan> {
    liabilities_of(parsed)?
        .liabilities
        .student
        .as_ref()?
        .first()
}

pub(super) static CASES: &[Case] = &[
    // ---- holdings ----
    Case {
        name: "holding price date with a time",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| {
            set(
                "/holdings/0/institution_price_as_of",
                r#""2021-04-13T00:00:00Z""#,
            )
        }),
        parsers: HOLDINGS,
        expect: decode(Some("holdings[0].institution_price_as_of")),
    },
    Case {
        name: "holding price date-time without a zone",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| {
            set(
                "/holdings/0/institution_price_datetime",
                r#""2021-04-13T15:59:59""#,
            )
        }),
        parsers: HOLDINGS,
        expect: decode(Some("holdings[0].institution_price_datetime")),
    },
    Case {
        name: "holding cost basis null is unknown",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/holdings/0/cost_basis", "null")),
        parsers: HOLDINGS,
        expect: Expect::Ok(|p| holding_of(p).is_some_and(|h| h.cost_basis.is_none())),
    },
    Case {
        name: "tax lots given an object",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/holdings/0/tax_lots", r#"{"quantity":1}"#)),
        parsers: HOLDINGS,
        expect: decode(Some("holdings[0].tax_lots")),
    },
    Case {
        name: "unknown tax lot position is kept",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/holdings/0/tax_lots/0/position_type", r#""COVERED""#)),
        parsers: HOLDINGS,
        expect: Expect::Ok(|p| {
            holding_of(p).is_some_and(|h| {
                h.tax_lots[0].position_type == Some(PositionType::Unknown("COVERED".into()))
            })
        }),
    },
    Case {
        name: "tax lot purchase date-time on February 30th",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| {
            set(
                "/holdings/0/tax_lots/0/original_purchase_datetime",
                r#""2020-02-30T14:30:00Z""#,
            )
        }),
        parsers: HOLDINGS,
        expect: decode(Some("holdings[0].tax_lots[0].original_purchase_datetime")),
    },
    // ---- securities ----
    Case {
        name: "unknown security type is kept",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/securities/0/type", r#""tokenized fixed income""#)),
        parsers: SECURITIES,
        expect: Expect::Ok(|p| {
            security_of(p).is_some_and(|s| {
                s.security_type == Some(SecurityType::Unknown("tokenized fixed income".into()))
            })
        }),
    },
    Case {
        name: "security close price date as a number",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/securities/0/close_price_as_of", "20210413")),
        parsers: SECURITIES,
        expect: decode(Some("securities[0].close_price_as_of")),
    },
    Case {
        name: "option contract without its strike price",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| {
            let contract = json!({"contract_type": "call", "expiration_date": "2018-02-01",
                "underlying_security_ticker": "NFLX"});
            set("/securities/0/option_contract", &contract.to_string())
        }),
        parsers: SECURITIES,
        expect: decode(Some("securities[0].option_contract")),
    },
    Case {
        name: "securities given an object",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/securities", "{}")),
        parsers: SECURITIES,
        expect: decode(Some("securities")),
    },
    // ---- investment transactions ----
    Case {
        name: "investment transaction date on February 29th of a common year",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/investment_transactions/0/date", r#""2021-02-29""#)),
        parsers: INVESTMENT_TRANSACTIONS,
        expect: decode(Some("investment_transactions[0].date")),
    },
    Case {
        name: "investment transaction date-time without a zone",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| {
            set(
                "/investment_transactions/0/transaction_datetime",
                r#""2020-05-29T14:30:00""#,
            )
        }),
        parsers: INVESTMENT_TRANSACTIONS,
        expect: decode(Some("investment_transactions[0].transaction_datetime")),
    },
    Case {
        name: "unknown investment transaction type and subtype are kept",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| {
            with_values(&[
                ("/investment_transactions/0/type", json!("gift")),
                (
                    "/investment_transactions/0/subtype",
                    json!("crypto staking fee"),
                ),
            ])
        }),
        parsers: INVESTMENT_TRANSACTIONS,
        expect: Expect::Ok(|p| {
            investment(p).is_some_and(|t| {
                t.transaction_type == InvestmentTransactionType::Unknown("gift".into())
                    && t.subtype
                        == InvestmentTransactionSubtype::Unknown("crypto staking fee".into())
            })
        }),
    },
    Case {
        name: "investment transaction type as a number",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/investment_transactions/0/type", "1")),
        parsers: INVESTMENT_TRANSACTIONS,
        expect: decode(Some("investment_transactions[0].type")),
    },
    Case {
        name: "a sold quantity is negative and exact",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/investment_transactions/0/quantity", "-0.000001")),
        parsers: INVESTMENT_TRANSACTIONS,
        expect: Expect::Ok(|p| {
            investment(p).is_some_and(|t| t.quantity.mantissa() == -1 && t.quantity.scale() == 6)
        }),
    },
    Case {
        name: "total_investment_transactions with a fraction",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/total_investment_transactions", "1.5")),
        parsers: INVESTMENT_TRANSACTIONS,
        expect: decode(Some("total_investment_transactions")),
    },
    Case {
        name: "total_investment_transactions 0 with a transaction listed",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/total_investment_transactions", "0")),
        parsers: INVESTMENT_TRANSACTIONS,
        expect: Expect::Ok(|p| {
            p.downcast_ref::<InvestmentsTransactionsGetResponse>()
                .is_some_and(|r| {
                    r.total_investment_transactions == 0 && r.investment_transactions.len() == 1
                })
        }),
    },
    // ---- liabilities ----
    Case {
        name: "liabilities null",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/liabilities", "null")),
        parsers: LIABILITIES,
        expect: decode(Some("liabilities")),
    },
    Case {
        name: "every kind of liability null is none",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| {
            set(
                "/liabilities",
                r#"{"credit":null,"mortgage":null,"student":null}"#,
            )
        }),
        parsers: LIABILITIES,
        expect: Expect::Ok(|p| {
            liabilities_of(p).is_some_and(|r| {
                let kinds = &r.liabilities;
                kinds.credit.is_none() && kinds.mortgage.is_none() && kinds.student.is_none()
            })
        }),
    },
    Case {
        name: "every kind of liability absent is none",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/liabilities", "{}")),
        parsers: LIABILITIES,
        expect: Expect::Ok(|p| {
            liabilities_of(p).is_some_and(|r| {
                let kinds = &r.liabilities;
                kinds.credit.is_none() && kinds.mortgage.is_none() && kinds.student.is_none()
            })
        }),
    },
    Case {
        name: "unknown APR type is kept",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| {
            set(
                "/liabilities/credit/0/aprs/0/apr_type",
                r#""introductory_apr""#,
            )
        }),
        parsers: LIABILITIES,
        expect: Expect::Ok(|p| {
            card(p)
                .is_some_and(|c| c.aprs[0].apr_type == AprType::Unknown("introductory_apr".into()))
        }),
    },
    Case {
        name: "card APRs null",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/liabilities/credit/0/aprs", "null")),
        parsers: LIABILITIES,
        expect: decode(Some("liabilities.credit[0].aprs")),
    },
    Case {
        name: "card due date in US order",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| {
            set(
                "/liabilities/credit/0/next_payment_due_date",
                r#""05/28/2020""#,
            )
        }),
        parsers: LIABILITIES,
        expect: decode(Some("liabilities.credit[0].next_payment_due_date")),
    },
    Case {
        name: "mortgage property address given a string",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| {
            set(
                "/liabilities/mortgage/0/property_address",
                r#""2992 Cameron Road""#,
            )
        }),
        parsers: LIABILITIES,
        expect: decode(Some("liabilities.mortgage[0].property_address")),
    },
    Case {
        name: "mortgage property address null",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/liabilities/mortgage/0/property_address", "null")),
        parsers: LIABILITIES,
        expect: decode(Some("liabilities.mortgage[0].property_address")),
    },
    Case {
        name: "mortgage maturity on February 29th of a common year",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/liabilities/mortgage/0/maturity_date", r#""2045-02-29""#)),
        parsers: LIABILITIES,
        expect: decode(Some("liabilities.mortgage[0].maturity_date")),
    },
    Case {
        name: "loan account number as a number",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/liabilities/student/0/account_number", "4277075694")),
        parsers: LIABILITIES,
        expect: decode(Some("liabilities.student[0].account_number")),
    },
    Case {
        name: "unknown loan status and repayment plan are kept",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| {
            with_values(&[
                (
                    "/liabilities/student/0/loan_status/type",
                    json!("income driven pause"),
                ),
                (
                    "/liabilities/student/0/repayment_plan/type",
                    json!("save plan"),
                ),
            ])
        }),
        parsers: LIABILITIES,
        expect: Expect::Ok(|p| {
            student(p).is_some_and(|s| {
                s.loan_status.status_type
                    == Some(StudentLoanStatusType::Unknown("income driven pause".into()))
                    && s.repayment_plan.plan_type
                        == Some(StudentRepaymentPlanType::Unknown("save plan".into()))
            })
        }),
    },
    Case {
        name: "PSLF payments made -1",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| set("/liabilities/student/0/pslf_status/payments_made", "-1")),
        parsers: LIABILITIES,
        expect: decode(Some("liabilities.student[0].pslf_status.payments_made")),
    },
    Case {
        name: "disbursement dates given a date",
        status: 200,
        content_type: JSON,
        body: Body::Gen(|| {
            set(
                "/liabilities/student/0/disbursement_dates",
                r#""2002-08-28""#,
            )
        }),
        parsers: LIABILITIES,
        expect: decode(Some("liabilities.student[0].disbursement_dates")),
    },
];
