//! The liabilities of an Item (`/liabilities/get`): its credit card, its student loan and,
//! when it was linked with `liabilities`, its mortgage, derived from the accounts and the
//! Item's creation day.
//!
//! The figures agree with the rest of the Item where they meet: the balances are the
//! accounts' current balances, the card's and the loan's payment days are the ones of the
//! recurring payments in the transaction history (the 20th and the 25th), the student loan's
//! payment is that history's, and the rates are the ones the accounts' official names
//! advertise (12.5% APR card, 4.5% student loan, 3.25% mortgage). Every object carries every
//! key of its spec schema, nullable ones as `null`.

use serde_json::{Value, json};

use crate::modern::clock;
use crate::modern::data::accounts::Account;
use crate::modern::ids::Stream;

fn money(cents: i64) -> Value {
    json!(cents as f64 / 100.0)
}

/// The latest day on or before `day` that is the `dom`th of its month.
fn last_on(day: i64, dom: i64) -> i64 {
    (day - 31..=day)
        .rev()
        .find(|d| clock::civil_of(*d).2 == dom)
        .unwrap_or(day)
}

/// The first day after `day` that is the `dom`th of its month.
fn next_on(day: i64, dom: i64) -> i64 {
    (day + 1..=day + 31)
        .find(|d| clock::civil_of(*d).2 == dom)
        .unwrap_or(day + 1)
}

/// The same day `years` years earlier (the 28th for a 29 February that has none).
fn years_before(day: i64, years: i64) -> i64 {
    let (y, m, d) = clock::civil_of(day);
    clock::parse_date(&format!("{:04}-{m:02}-{d:02}", y - years))
        .or_else(|| clock::parse_date(&format!("{:04}-{m:02}-28", y - years)))
        .unwrap_or(day - 365 * years)
}

/// The interest of `cents` over this year so far at `percent`, in cents.
fn year_to_date(cents: i64, percent: f64, day: i64) -> i64 {
    let (_, month, _) = clock::civil_of(day);
    (cents as f64 * percent / 100.0 * month as f64 / 12.0).round() as i64
}

/// The `CreditCardLiability` of `card` as of `today`.
pub(crate) fn credit(card: &Account, today: i64) -> Value {
    let mut rng = Stream::from_text(&format!("{}/credit", card.id));
    let balance = card.current as i64;
    let statement = balance * rng.range(80, 100) as i64 / 100;
    let interest = (statement as f64 * 0.125 / 12.0).round() as i64;
    json!({
        "account_id": card.id,
        "aprs": [
            {
                "apr_percentage": 12.5,
                "apr_type": "purchase_apr",
                "balance_subject_to_apr": money(statement),
                "interest_charge_amount": money(interest),
            },
            {
                "apr_percentage": 27.95,
                "apr_type": "cash_apr",
                "balance_subject_to_apr": 0.0,
                "interest_charge_amount": 0.0,
            },
        ],
        "is_overdue": false,
        "last_payment_amount": money(rng.range(30_000, 95_000) as i64),
        "last_payment_date": clock::date(last_on(today, 20)),
        "last_statement_issue_date": clock::date(last_on(today, 5)),
        "last_statement_balance": money(statement),
        "minimum_payment_amount": money((statement / 100 + interest).max(2_500)),
        "next_payment_due_date": clock::date(next_on(today, 20)),
    })
}

/// The `StudentLoan` of `loan` as of `today`.
pub(crate) fn student(loan: &Account, today: i64) -> Value {
    let balance = loan.current as i64;
    let origination = years_before(today, 6);
    json!({
        "account_id": loan.id,
        "account_number": loan.number,
        "disbursement_dates": [clock::date(origination)],
        "expected_payoff_date": clock::date(years_before(today, -9)),
        "guarantor": "DEPT OF ED",
        "interest_rate_percentage": 4.5,
        "is_overdue": false,
        "last_payment_amount": 327.18,
        "last_payment_date": clock::date(last_on(today, 25)),
        "last_statement_balance": money(balance),
        "last_statement_issue_date": clock::date(last_on(today, 10)),
        "loan_name": "Consolidation",
        "loan_status": { "end_date": clock::date(years_before(today, -9)), "type": "repayment" },
        "minimum_payment_amount": 327.18,
        "next_payment_due_date": clock::date(next_on(today, 25)),
        "origination_date": clock::date(origination),
        "origination_principal_amount": money(balance * 3 / 2),
        "outstanding_interest_amount": money((balance as f64 * 0.045 / 12.0).round() as i64),
        "payment_reference_number": loan.number,
        "pslf_status": {
            "estimated_eligibility_date": clock::date(years_before(today, -4)),
            "payments_made": 72,
            "payments_remaining": 48,
        },
        "repayment_plan": { "description": "Standard Repayment", "type": "standard" },
        "sequence_number": "1",
        "servicer_address": {
            "city": "San Matias",
            "region": "CA",
            "street": "123 Relaxation Road",
            "postal_code": "99999",
            "country": "US",
        },
        "ytd_interest_paid": money(year_to_date(balance, 4.5, today)),
        "ytd_principal_paid": money(32_718 * clock::civil_of(today).1 - year_to_date(balance, 4.5, today)),
    })
}

/// The `MortgageLiability` of `mortgage` as of `today`.
pub(crate) fn mortgage(mortgage: &Account, today: i64) -> Value {
    let mut rng = Stream::from_text(&format!("{}/mortgage", mortgage.id));
    let balance = mortgage.current as i64;
    let principal = balance * 5 / 4;
    let rate = 0.0325 / 12.0;
    let payment = (principal as f64 * rate / (1.0 - (1.0 + rate).powi(-360))).round() as i64;
    let origination = years_before(today, rng.range(2, 8) as i64);
    json!({
        "account_id": mortgage.id,
        "account_number": mortgage.number,
        "current_late_fee": 0.0,
        "escrow_balance": money(rng.range(150_000, 450_000) as i64),
        "has_pmi": false,
        "has_prepayment_penalty": false,
        "interest_rate": { "percentage": 3.25, "type": "fixed" },
        "last_payment_amount": money(payment),
        "last_payment_date": clock::date(last_on(today, 1)),
        "loan_type_description": "conventional",
        "loan_term": "30 year",
        "maturity_date": clock::date(years_before(origination, -30)),
        "next_monthly_payment": money(payment),
        "next_payment_due_date": clock::date(next_on(today, 1)),
        "origination_date": clock::date(origination),
        "origination_principal_amount": money(principal),
        "past_due_amount": 0.0,
        "property_address": {
            "city": "Malakoff",
            "country": "US",
            "postal_code": "14236",
            "region": "NY",
            "street": "2992 Cameron Road",
        },
        "ytd_interest_paid": money(year_to_date(balance, 3.25, today)),
        "ytd_principal_paid": money(payment * clock::civil_of(today).1 - year_to_date(balance, 3.25, today)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::modern::data::accounts::for_products;
    use crate::modern::data::institutions::by_id;

    fn keys(value: &Value) -> usize {
        value.as_object().unwrap().len()
    }

    #[test]
    fn every_liability_has_every_key_of_its_schema() {
        let products = ["liabilities".to_owned()];
        let accounts = for_products("item-l", by_id("ins_109508").unwrap(), &products);
        let today = clock::parse_date("2024-03-20").unwrap();
        let card = credit(&accounts[2], today);
        assert_eq!(keys(&card), 9);
        assert_eq!(keys(&card["aprs"][0]), 4);
        assert_eq!(card["last_payment_date"], "2024-03-20");
        assert_eq!(card["next_payment_due_date"], "2024-04-20");
        let loan = student(&accounts[3], today);
        assert_eq!(keys(&loan), 25);
        assert_eq!(keys(&loan["servicer_address"]), 5);
        assert_eq!(loan["last_payment_date"], "2024-02-25");
        assert_eq!(accounts[5].subtype, "mortgage");
        let home = mortgage(&accounts[5], today);
        assert_eq!(keys(&home), 20);
        assert_eq!(keys(&home["property_address"]), 5);
        assert_eq!(home["next_payment_due_date"], "2024-04-01");
        assert_eq!(mortgage(&accounts[5], today), home, "deterministic");
    }

    #[test]
    fn dates_move_by_whole_years_and_month_days() {
        let leap = clock::parse_date("2024-02-29").unwrap();
        assert_eq!(clock::date(years_before(leap, 1)), "2023-02-28");
        assert_eq!(clock::date(years_before(leap, -4)), "2028-02-29");
        assert_eq!(clock::date(last_on(leap, 1)), "2024-02-01");
        assert_eq!(clock::date(next_on(leap, 1)), "2024-03-01");
    }
}
