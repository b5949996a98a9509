//! The item responses: connect (accounts, transactions, login-only),
//! balance, auth numbers, info, income, risk, upgrade, delete and the token
//! exchange.

use crate::support::*;
use plaid_core::Endpoint;
use plaid_core::legacy::endpoints::{
    Add, Auth, Balance, Connect, Delete, ExchangeToken, Get, Income, Info, Risk, Step, Upgrade,
    UpgradeStep,
};
use plaid_core::legacy::models::{
    AccountSubtype, AccountType, Date, HasAccessToken, TransactionKind,
};
use serde_json::json;

use super::{CREDIT, ITEM, SAVINGS, USER, accounts, connect_body};

#[test]
fn connect_add_success_parses_all_four_accounts_and_the_transactions() {
    let outcome = Add::<Connect>::parse_response(response(200, &connect_body())).unwrap();
    assert!(!outcome.is_mfa_required());
    assert_eq!(outcome.access_token().expose_secret(), "test_bofa");
    let data = outcome.connected().unwrap();
    assert_eq!(data.accounts.len(), 4);

    let savings = &data.accounts[0];
    assert_eq!(savings.id, SAVINGS);
    assert_eq!(savings.item.as_deref(), Some(ITEM));
    assert_eq!(savings.user.as_deref(), Some(USER));
    assert_eq!(savings.account_type, AccountType::Depository);
    assert_eq!(savings.subtype, Some(AccountSubtype::Savings));
    assert_eq!(
        savings.balance.available.unwrap().to_minor_units(),
        Some(120_342)
    );
    assert_eq!(savings.balance.current.unwrap().as_f64(), 1274.93);
    assert_eq!(savings.meta.name.as_deref(), Some("Plaid Savings"));
    assert_eq!(savings.meta.number.as_deref(), Some("9606"));
    assert_eq!(
        savings.institution_type.as_deref(),
        Some("fake_institution")
    );
    assert!(savings.numbers.is_none() && savings.risk.is_none());
    assert_eq!(data.accounts[1].subtype, Some(AccountSubtype::Checking));
    assert_eq!(
        data.accounts[2].meta.name.as_deref(),
        Some("Plaid Premier Checking")
    );

    let transactions = data.transactions.unwrap();
    assert_eq!(transactions.len(), 6);
    let pizza = &transactions[0];
    assert_eq!(pizza.account, CREDIT);
    assert_eq!(pizza.amount.as_f64(), 28.57);
    assert_eq!(pizza.date, Date::new(2014, 4, 11).unwrap());
    assert_eq!(pizza.kind.as_ref().unwrap().primary, TransactionKind::Place);
    assert_eq!(pizza.category_id.as_deref(), Some("13005012"));
    assert_eq!(
        pizza.category.as_deref(),
        Some(
            &[
                "Food and Drink".to_owned(),
                "Restaurants".into(),
                "Pizza".into()
            ][..]
        )
    );
    let location = &pizza.meta.location;
    assert_eq!(location.city.as_deref(), Some("Metairie"));
    assert_eq!(location.zip.as_deref(), Some("70003"));
    let coordinates = location.coordinates.unwrap();
    assert_eq!((coordinates.lat, coordinates.lon), (29.999986, -90.21869));
    let score = pizza.score.as_ref().unwrap();
    assert_eq!(score.name, Some(0.2));
    assert_eq!(score.location.get("address"), Some(&1.0));
    assert!(!pizza.pending);
}

#[test]
fn the_credit_account_has_no_subtype_and_a_limit_with_integer_amounts() {
    let data = Get::<Connect>::parse_response(response(200, &connect_body())).unwrap();
    let credit = &data.accounts[3];
    assert_eq!(credit.account_type, AccountType::Credit);
    assert_eq!(credit.subtype, None);
    assert_eq!(credit.meta.limit.unwrap().as_f64(), 12500.0);
    assert_eq!(
        credit.balance.available.unwrap().to_minor_units(),
        Some(993_000)
    );
    assert_eq!(credit.balance.current.unwrap().as_f64(), 2275.58);
}

#[test]
fn a_transaction_without_category_is_kept() {
    let data = Get::<Connect>::parse_response(response(200, &connect_body())).unwrap();
    let crepes = &data.transactions.unwrap()[1];
    assert_eq!(crepes.name, "Golden Crepes");
    assert_eq!(crepes.category, None);
    assert_eq!(crepes.category_id, None);
    assert_eq!(crepes.meta.location.city.as_deref(), Some("Greenville"));
    assert_eq!(crepes.meta.location.coordinates, None);
}

#[test]
fn empty_locations_negative_amounts_and_pending_links_parse() {
    let data = Get::<Connect>::parse_response(response(200, &connect_body())).unwrap();
    let transactions = data.transactions.unwrap();
    let transfer = &transactions[2];
    assert_eq!(transfer.amount.as_f64(), -240.0);
    assert_eq!(transfer.meta.location, Default::default());
    assert!(transfer.score.as_ref().unwrap().location.is_empty());
    assert_eq!(transactions[3].amount.to_minor_units(), Some(-93));
    assert_eq!(
        transactions[3].kind.as_ref().unwrap().primary,
        TransactionKind::Unresolved
    );
    assert_eq!(transactions[4].amount.to_minor_units(), Some(-304_244));
    assert!(transactions[4].score.is_none());
    let coffee = &transactions[5];
    assert_eq!(
        coffee.pending_transaction.as_deref(),
        Some("pending-DAE3Yo3wXgskjXV1")
    );
    assert_eq!(
        coffee.kind.as_ref().unwrap().primary,
        TransactionKind::Place
    );
}

#[test]
fn connect_login_only_has_no_transactions() {
    let body = json!({"accounts": accounts(false), "access_token": "test_wells"}).to_string();
    let data = Step::<Connect>::parse_response(response(200, &body))
        .unwrap()
        .connected()
        .unwrap();
    assert!(data.transactions.is_none());
    assert_eq!(data.access_token().expose_secret(), "test_wells");
}

#[test]
fn balance_available_may_be_null_or_absent() {
    let body = json!({
        "accounts": [
            {"_id": "a", "balance": {"available": null, "current": 10}, "type": "depository"},
            {"_id": "b", "balance": {"current": 20.5}, "type": "depository"}
        ],
        "access_token": "test_bofa"
    })
    .to_string();
    let data = Balance::parse_response(response(200, &body)).unwrap();
    assert_eq!(data.accounts[0].balance.available, None);
    assert_eq!(data.accounts[0].balance.current.unwrap().as_f64(), 10.0);
    assert_eq!(data.accounts[1].balance.available, None);
    assert_eq!(data.accounts[1].balance.current.unwrap().as_f64(), 20.5);
    assert_eq!(data.accounts[1].meta, Default::default());
}

#[test]
fn balance_parses_the_sandbox_accounts() {
    let body = json!({"accounts": accounts(false), "access_token": "test_bofa"}).to_string();
    let data = Balance::parse_response(response(200, &body)).unwrap();
    assert_eq!(data.accounts.len(), 4);
    assert_eq!(data.access_token.expose_secret(), "test_bofa");
}

#[test]
fn auth_accounts_carry_numbers_and_credit_numbers_are_empty() {
    let body = json!({"accounts": accounts(true), "access_token": "test_chase"}).to_string();
    let data = Get::<Auth>::parse_response(response(200, &body)).unwrap();
    let numbers = data.accounts[0].numbers.as_ref().unwrap();
    assert_eq!(numbers.routing.as_deref(), Some("021000021"));
    assert_eq!(numbers.account.as_deref(), Some("9900009606"));
    assert_eq!(numbers.wire_routing.as_deref(), Some("021000021"));
    let credit = data.accounts[3].numbers.as_ref().unwrap();
    assert_eq!(credit, &Default::default());
    let outcome = Add::<Auth>::parse_response(response(200, &body)).unwrap();
    assert_eq!(outcome.connected().unwrap().accounts.len(), 4);
}

fn info_json() -> serde_json::Value {
    json!({
        "emails": [{"primary": true, "type": "personal", "data": "kelly.walters30@example.com"}],
        "addresses": [{"primary": true, "data": {"zip": "94114", "state": "CA",
                       "city": "San Francisco", "street": "3819 Greenhaven Ln"}}],
        "phone_numbers": [{"primary": true, "type": "home", "data": "4673956022"}],
        "names": ["Kelly Walters"]
    })
}

#[test]
fn info_parses_emails_addresses_phones_and_names() {
    let body =
        json!({"accounts": accounts(false), "info": info_json(), "access_token": "test_bofa"})
            .to_string();
    let data = Get::<Info>::parse_response(response(200, &body)).unwrap();
    let info = &data.info;
    assert_eq!(info.emails[0].data, "kelly.walters30@example.com");
    assert_eq!(info.emails[0].kind.as_deref(), Some("personal"));
    assert!(info.emails[0].primary);
    let address = &info.addresses[0].data;
    assert_eq!(address.street.as_deref(), Some("3819 Greenhaven Ln"));
    assert_eq!(address.city.as_deref(), Some("San Francisco"));
    assert_eq!(address.state.as_deref(), Some("CA"));
    assert_eq!(address.zip.as_deref(), Some("94114"));
    assert_eq!(info.phone_numbers[0].data, "4673956022");
    assert_eq!(info.names, ["Kelly Walters"]);
}

#[test]
fn income_parses_streams_and_totals() {
    let body = json!({
        "accounts": accounts(false),
        "income": {
            "income_streams": [
                {"monthly_income": 5250, "confidence": 1.0, "days": 284, "name": "PLAID"},
                {"monthly_income": 2400, "confidence": 0.95, "days": 415, "name": "BAGUETTES INC"}
            ],
            "last_year_income": 56000, "last_year_income_before_tax": 87500,
            "projected_yearly_income": 63000, "projected_yearly_income_before_tax": 97520,
            "max_number_of_overlapping_income_streams": 1, "number_of_income_streams": 2
        },
        "access_token": "test_bofa"
    })
    .to_string();
    let data = Get::<Income>::parse_response(response(200, &body)).unwrap();
    let income = &data.income;
    assert_eq!(income.income_streams.len(), 2);
    assert_eq!(income.income_streams[1].name, "BAGUETTES INC");
    assert_eq!(income.income_streams[1].monthly_income.as_f64(), 2400.0);
    assert_eq!(income.income_streams[1].confidence, Some(0.95));
    assert_eq!(income.income_streams[1].days, Some(415));
    assert_eq!(income.last_year_income.unwrap().as_f64(), 56000.0);
    assert_eq!(
        income.projected_yearly_income_before_tax.unwrap().as_f64(),
        97520.0
    );
    assert_eq!(income.max_number_of_overlapping_income_streams, Some(1));
    assert_eq!(income.number_of_income_streams, Some(2));
}

#[test]
fn risk_is_per_account() {
    let mut accounts = accounts(false);
    for account in accounts.as_array_mut().unwrap() {
        account["risk"] = json!({"score": 0.79, "reason": {
            "zero_count": 0.38, "ratio_low_average": 0.75, "high_risk_class_txns": 0.73,
            "bank_transfers": 0.4, "benfords_law": 0.65, "transaction_amounts": 0.78,
            "additional_risk_class_txns": 0.94, "foreign_fees": 0.96, "fraction_bank_fees": 0.64}});
    }
    let body = json!({"accounts": accounts, "access_token": "test_bofa"}).to_string();
    let data = Get::<Risk>::parse_response(response(200, &body)).unwrap();
    for account in &data.accounts {
        let risk = account.risk.as_ref().unwrap();
        assert_eq!(risk.score, 0.79);
        assert_eq!(risk.reason.len(), 9);
        assert_eq!(risk.reason["benfords_law"], 0.65);
    }
}

#[test]
fn upgrade_to_info_carries_the_info() {
    let body =
        json!({"accounts": accounts(false), "info": info_json(), "access_token": "test_bofa"})
            .to_string();
    let outcome = Upgrade::parse_response(response(200, &body)).unwrap();
    assert_eq!(outcome.access_token().expose_secret(), "test_bofa");
    let data = outcome.connected().unwrap();
    assert_eq!(data.info.unwrap().names, ["Kelly Walters"]);
    assert!(data.income.is_none() && data.transactions.is_none());
    let outcome = UpgradeStep::parse_response(response(200, &body)).unwrap();
    assert!(!outcome.is_mfa_required());
}

#[test]
fn delete_parses_the_message() {
    let body = r#"{"message": "Successfully removed from your account"}"#;
    let data = Delete::<Connect>::parse_response(response(200, body)).unwrap();
    assert_eq!(data.message, "Successfully removed from your account");
    let data = Delete::<Auth>::parse_response(response(200, body)).unwrap();
    assert_eq!(data.message, "Successfully removed from your account");
}

#[test]
fn exchange_parses_the_access_token_and_the_stripe_token() {
    let data =
        ExchangeToken::parse_response(response(200, r#"{"access_token": "test_chase"}"#)).unwrap();
    assert_eq!(data.access_token.expose_secret(), "test_chase");
    assert!(data.stripe_bank_account_token.is_none());
    let body = r#"{"access_token": "test_chase", "account_id": "QPO8Jo8vdDHMepg41PBwckXm4KdK1yUdmXOwK",
                   "stripe_bank_account_token": "btok_5oEetfLzPklE1fwJZ7SG", "processor_token": "x"}"#;
    let data = ExchangeToken::parse_response(response(200, body)).unwrap();
    assert_eq!(
        data.stripe_bank_account_token.unwrap().expose_secret(),
        "btok_5oEetfLzPklE1fwJZ7SG"
    );
    assert_eq!(data.account_id.as_deref(), Some(SAVINGS));
}
