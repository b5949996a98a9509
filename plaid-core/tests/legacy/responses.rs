//! Canned-response parsing: every response shape of legacy-api.md §3/§4,
//! with the sandbox's own bodies, unknown values and decode failures.

use crate::support::*;
use plaid_core::endpoints::{
    Add, Auth, Balance, Categories, Category, Connect, CoreInstitution, Delete, ExchangeToken, Get,
    Income, Info, Institution, InstitutionSearch, Institutions, InstitutionsAll, Risk, Step,
    Update, Upgrade, UpgradeStep,
};
use plaid_core::models::{
    AccountSubtype, AccountType, CategoryType, Date, DeviceType, HasAccessToken, Mfa, MfaKind,
    Outcome, Product, TransactionKind,
};
use plaid_core::{Endpoint, ErrorKind};
use serde_json::json;

const ITEM: &str = "KdDjmojBERUKx3JkDd9RuxA5EvejA4SENO4AA";
const USER: &str = "eJXpMzpR65FP4RYno6rzuA7OZjd9n3Hna0RYa";
const SAVINGS: &str = "QPO8Jo8vdDHMepg41PBwckXm4KdK1yUdmXOwK";
const CHECKING: &str = "nban4wnPKEtnmEpaKzbYFYQvA7D7pnCaeDBMy";
const PREMIER: &str = "XARE85EJqKsjxLp6XR8ocg8VakrkXpTXmRdOo";
const CREDIT: &str = "pJPM4LMBNQFrOwp0jqEyTwyxJQrQbgU6kq37k";

/// The sandbox's four accounts (§3.1), with `numbers` for Auth.
fn accounts(with_numbers: bool) -> serde_json::Value {
    let numbers = |account: &str| json!({"routing": "021000021", "account": account, "wireRouting": "021000021"});
    let mut accounts = json!([
        {
            "_id": SAVINGS, "_item": ITEM, "_user": USER,
            "balance": {"available": 1203.42, "current": 1274.93},
            "institution_type": "fake_institution",
            "meta": {"name": "Plaid Savings", "number": "9606"},
            "subtype": "savings", "type": "depository"
        },
        {
            "_id": CHECKING, "_item": ITEM, "_user": USER,
            "balance": {"available": 1081.78, "current": 1253.32},
            "institution_type": "fake_institution",
            "meta": {"name": "Plaid Checking", "number": "1702"},
            "subtype": "checking", "type": "depository"
        },
        {
            "_id": PREMIER, "_item": ITEM, "_user": USER,
            "balance": {"available": 7205.23, "current": 7255.23},
            "institution_type": "fake_institution",
            "meta": {"name": "Plaid Premier Checking", "number": "5204"},
            "subtype": "checking", "type": "depository"
        },
        {
            "_id": CREDIT, "_item": ITEM, "_user": USER,
            "balance": {"available": 9930, "current": 2275.58},
            "institution_type": "fake_institution",
            "meta": {"name": "Plaid Credit Card", "number": "3002", "limit": 12500},
            "type": "credit"
        }
    ]);
    if with_numbers {
        let list = accounts.as_array_mut().unwrap();
        list[0]["numbers"] = numbers("9900009606");
        list[1]["numbers"] = numbers("9900001702");
        list[2]["numbers"] = numbers("9900005204");
        list[3]["numbers"] = json!({});
    }
    accounts
}

fn transactions() -> serde_json::Value {
    json!([
        {
            "_account": CREDIT, "_id": "4r0aBVa85Kt3BDPk10a4U5OD3XKjE7Hzxpez6B",
            "amount": 28.57, "date": "2014-04-11", "name": "Papa Johns Pizza",
            "meta": {"location": {"address": "2625 David Dr", "city": "Metairie",
                                  "coordinates": {"lat": 29.999986, "lon": -90.21869},
                                  "state": "LA", "zip": "70003"}},
            "pending": false, "type": {"primary": "place"},
            "category": ["Food and Drink", "Restaurants", "Pizza"], "category_id": "13005012",
            "score": {"location": {"address": 1, "city": 1, "state": 1, "zip": 1}, "name": 0.2}
        },
        {
            "_account": CREDIT, "_id": "aJPEm5EVgWspPNOz5EqGtjjKPjAm81FLXVz0R",
            "amount": 12.74, "date": "2014-05-12", "name": "Golden Crepes",
            "meta": {"location": {"city": "Greenville", "state": "SC"}},
            "pending": false, "type": {"primary": "place"},
            "score": {"location": {"city": 1, "state": 1}, "name": 1}
        },
        {
            "_account": SAVINGS, "_id": "zq7MLAM4kVCqYDbmjJK7F6qMbVB6RqtOVZY4A",
            "amount": -240, "date": "2014-06-02", "name": "Online Transfer from Chk ...1702",
            "meta": {"location": {}},
            "pending": false, "type": {"primary": "special"},
            "category": ["Transfer", "Account Transfer"], "category_id": "21001000",
            "score": {"location": {}, "name": 1}
        },
        {
            "_account": CHECKING, "_id": "VK0EQ5EaDXcJEZvaXYqRfKnVnK4XymUN0rXPQ",
            "amount": -0.93, "date": "2014-05-17", "name": "Interest Payment",
            "meta": {"location": {}},
            "pending": false, "type": {"primary": "unresolved"},
            "category": ["Interest"], "category_id": "15000000",
            "score": {"location": {}, "name": 0.2}
        },
        {
            "_account": SAVINGS, "_id": "eJXpMzpR65FP4RYno6rzuA7OZjd9n3Hna0RYo3",
            "amount": -3042.44, "date": "2014-03-27", "name": "Company Payroll",
            "meta": {"location": {}},
            "pending": false, "type": {"primary": "special"},
            "category": ["Transfer", "Payroll"], "category_id": "21009000"
        },
        {
            "_account": CHECKING, "_id": "DAE3Yo3wXgskjXV1JqBDIrDBVvjMLDCQ4rMQdR",
            "_pendingTransaction": "pending-DAE3Yo3wXgskjXV1", "_reference_number": "42",
            "amount": 3.19, "date": "2014-06-21", "name": "Gregorys Coffee",
            "meta": {"location": {"address": "327 7th Ave", "city": "New York", "state": "NY",
                                  "zip": "10001", "coordinates": {"lat": 40.747, "lon": -73.993}},
                     "account_owner": "Kelly"},
            "pending": false, "type": {"primary": "place"},
            "category": ["Food and Drink", "Restaurants", "Coffee Shop"], "category_id": "13005043"
        }
    ])
}

fn connect_body() -> String {
    json!({"accounts": accounts(false), "transactions": transactions(), "access_token": "test_bofa"})
        .to_string()
}

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

// ---- institutions and categories ----

const BOFA: &str = r#"{ "credentials": { "username": "Online ID", "password": "Password" },
  "has_mfa": true, "id": "5301a93ac140de84910000e0",
  "mfa": ["code", "list", "questions(3)"], "name": "Bank of America",
  "products": ["connect", "auth", "balance", "info", "income", "risk"], "type": "bofa" }"#;

const USAA: &str = r#"{ "credentials": { "username": "Online ID", "password": "Password", "pin": "PIN" },
  "has_mfa": true, "id": "531ea6602ad939b68700047c", "mfa": ["questions(3)"], "name": "USAA",
  "products": ["connect", "auth", "balance", "info", "income", "risk"], "type": "usaa" }"#;

#[test]
fn institutions_list_parses() {
    let body = format!("[{BOFA}, {USAA}]");
    let list = Institutions::parse_response(response(200, &body)).unwrap();
    assert_eq!(list.len(), 2);
    let bofa = &list[0];
    assert_eq!(bofa.id, "5301a93ac140de84910000e0");
    assert_eq!(bofa.name, "Bank of America");
    assert_eq!(bofa.institution_type, "bofa");
    assert!(bofa.has_mfa);
    assert_eq!(
        bofa.mfa,
        [MfaKind::Code, MfaKind::List, MfaKind::Questions(Some(3))]
    );
    assert_eq!(
        bofa.products,
        [
            Product::Connect,
            Product::Auth,
            Product::Balance,
            Product::Info,
            Product::Income,
            Product::Risk
        ]
    );
    assert_eq!(bofa.credentials.username.as_deref(), Some("Online ID"));
    assert_eq!(bofa.credentials.pin, None);
    assert_eq!(list[1].credentials.pin.as_deref(), Some("PIN"));
}

#[test]
fn one_institution_parses() {
    let bofa = Institution::parse_response(response(200, BOFA)).unwrap();
    assert_eq!(bofa.institution_type, "bofa");
    let bofa = CoreInstitution::parse_response(response(200, BOFA)).unwrap();
    assert_eq!(bofa.id, "5301a93ac140de84910000e0");
}

#[test]
fn an_institutions_all_page_parses() {
    let body = format!(r#"{{"total_count": 14, "results": [{BOFA}, {USAA}]}}"#);
    let page = InstitutionsAll::parse_response(response(200, &body)).unwrap();
    assert_eq!(page.total_count, 14);
    assert_eq!(page.results.len(), 2);
    assert_eq!(page.results[1].institution_type, "usaa");
}

const WELLS_SEARCH: &str = r#"{"id":"wells","name":"Wells Fargo",
  "products":{"auth":true,"balance":true,"connect":true,"info":true},
  "forgottenPassword":"https://www.wellsfargo.com/forgot","accountLocked":"https://www.wellsfargo.com/locked",
  "accountSetup":"https://www.wellsfargo.com/setup","video":"wells",
  "fields":[{"name":"username","label":"Username","type":"text"},{"name":"password","label":"Password","type":"password"}],
  "colors":{"primary":"rgba(220,20,48,1)","darker":"rgba(180,11,35,1)","gradient":["rgba(250,20,51,1)","rgba(217,14,44,1)"]},
  "logo":"iVBORw0KGgo=","nameBreak":null,"type":"wells"}"#;

#[test]
fn search_results_parse_from_an_array() {
    let body = format!("[{WELLS_SEARCH}]");
    let results = InstitutionSearch::parse_response(response(200, &body)).unwrap();
    assert_eq!(results.len(), 1);
    let wells = &results[0];
    assert_eq!(wells.id, "wells");
    assert_eq!(wells.name, "Wells Fargo");
    assert_eq!(wells.institution_type.as_deref(), Some("wells"));
    assert_eq!(wells.products.get("auth"), Some(&true));
    assert_eq!(wells.fields[1].name, "password");
    assert_eq!(wells.fields[1].kind.as_deref(), Some("password"));
    assert_eq!(wells.colors.as_ref().unwrap().gradient.len(), 2);
    assert_eq!(
        wells.forgotten_password.as_deref(),
        Some("https://www.wellsfargo.com/forgot")
    );
    assert_eq!(wells.logo.as_deref(), Some("iVBORw0KGgo="));
    assert_eq!(wells.video.as_deref(), Some("wells"));
}

#[test]
fn a_search_by_id_answered_with_one_object_is_one_result() {
    let results = InstitutionSearch::parse_response(response(200, WELLS_SEARCH)).unwrap();
    assert_eq!(results.len(), 1);
    assert_eq!(results[0].id, "wells");
}

#[test]
fn a_search_miss_is_empty() {
    let results = InstitutionSearch::parse_response(response(200, "[]")).unwrap();
    assert!(results.is_empty());
}

#[test]
fn categories_and_one_category_parse() {
    let body = r#"[
      {"id": "10000000", "hierarchy": ["Bank Fees"], "type": "special"},
      {"id": "13001000", "hierarchy": ["Food and Drink", "Bar"], "type": "place"},
      {"id": "19019000", "hierarchy": ["Shops", "Digital Purchase"], "type": "digital"}
    ]"#;
    let categories = Categories::parse_response(response(200, body)).unwrap();
    assert_eq!(categories.len(), 3);
    assert_eq!(categories[0].category_type, CategoryType::Special);
    assert_eq!(categories[1].hierarchy, ["Food and Drink", "Bar"]);
    assert_eq!(categories[2].category_type, CategoryType::Digital);
    let sushi = Category::parse_response(response(
        200,
        r#"{"id": "13005006", "hierarchy": ["Food and Drink", "Restaurants", "Sushi"], "type": "place"}"#,
    ))
    .unwrap();
    assert_eq!(sushi.id, "13005006");
    assert_eq!(sushi.category_type, CategoryType::Place);
}

// ---- MFA (201) ----

fn challenge(body: &str) -> plaid_core::models::MfaChallenge {
    Add::<Connect>::parse_response(response(201, body))
        .unwrap()
        .mfa_required()
        .expect("a 201 is an MFA challenge")
}

#[test]
fn a_questions_challenge_parses() {
    let challenge = challenge(
        r#"{"type":"questions","mfa":[{"question":"You say tomato, I say...?"}],"access_token":"test_bofa"}"#,
    );
    assert_eq!(challenge.access_token.expose_secret(), "test_bofa");
    assert_eq!(challenge.mfa.kind(), "questions");
    let Mfa::Questions(questions) = &challenge.mfa else {
        panic!("{:?}", challenge.mfa)
    };
    assert_eq!(questions[0].question, "You say tomato, I say...?");
}

#[test]
fn a_list_challenge_parses_with_every_device_type() {
    let challenge = challenge(
        r#"{"type":"list","mfa":[{"mask":"t..t@plaid.com","type":"email"},{"mask":"xxx-xxx-5309","type":"phone"},{"mask":"SafePass Card","type":"card"}],"access_token":"test_chase"}"#,
    );
    let Mfa::List(devices) = &challenge.mfa else {
        panic!("{:?}", challenge.mfa)
    };
    let kinds: Vec<_> = devices.iter().map(|d| d.kind.clone()).collect();
    assert_eq!(
        kinds,
        [DeviceType::Email, DeviceType::Phone, DeviceType::Card]
    );
    assert_eq!(devices[1].mask, "xxx-xxx-5309");
}

#[test]
fn a_device_challenge_parses_as_an_object_or_a_plain_string() {
    for body in [
        r#"{"type":"device","mfa":{"message":"Code sent to xxx-xxx-5309"},"access_token":"test_chase"}"#,
        r#"{"type":"device","mfa":"Code sent to xxx-xxx-5309","access_token":"test_chase"}"#,
    ] {
        let challenge = challenge(body);
        assert_eq!(
            challenge.mfa,
            Mfa::Device {
                message: "Code sent to xxx-xxx-5309".into()
            }
        );
        assert_eq!(challenge.mfa.kind(), "device");
    }
}

#[test]
fn a_selections_challenge_parses() {
    let challenge = challenge(
        r#"{"type":"selections","mfa":[{"question":"You say tomato, I say...?","answers":["tomato","ketchup"]},{"question":"Ketchup or mustard?","answers":["ketchup","mustard"]}],"access_token":"test_citi"}"#,
    );
    let Mfa::Selections(selections) = &challenge.mfa else {
        panic!("{:?}", challenge.mfa)
    };
    assert_eq!(selections.len(), 2);
    assert_eq!(selections[1].question, "Ketchup or mustard?");
    assert_eq!(selections[1].answers, ["ketchup", "mustard"]);
}

#[test]
fn an_unknown_challenge_type_is_kept() {
    let challenge =
        challenge(r#"{"type":"retina","mfa":{"scanner":"left eye"},"access_token":"test_bofa"}"#);
    assert_eq!(
        challenge.mfa,
        Mfa::Unknown {
            kind: "retina".into(),
            mfa: json!({"scanner": "left eye"})
        }
    );
    assert_eq!(challenge.mfa.kind(), "retina");
}

#[test]
fn every_call_that_may_need_mfa_parses_a_201_as_a_challenge() {
    let body = r#"{"type":"questions","mfa":[{"question":"again?"}],"access_token":"test_us"}"#;
    let outcomes = [
        Add::<Auth>::parse_response(response(201, body))
            .unwrap()
            .access_token()
            .expose_secret()
            .to_owned(),
        Step::<Info>::parse_response(response(201, body))
            .unwrap()
            .access_token()
            .expose_secret()
            .to_owned(),
        Update::<Income>::parse_response(response(201, body))
            .unwrap()
            .access_token()
            .expose_secret()
            .to_owned(),
        Step::<Risk>::parse_response(response(201, body))
            .unwrap()
            .access_token()
            .expose_secret()
            .to_owned(),
        Upgrade::parse_response(response(201, body))
            .unwrap()
            .access_token()
            .expose_secret()
            .to_owned(),
        UpgradeStep::parse_response(response(201, body))
            .unwrap()
            .access_token()
            .expose_secret()
            .to_owned(),
    ];
    assert!(outcomes.iter().all(|token| token == "test_us"));
    assert!(
        Step::<Connect>::parse_response(response(201, body))
            .unwrap()
            .is_mfa_required()
    );
}

#[test]
fn both_outcomes_carry_the_access_token() {
    let connected: Outcome<_> =
        Add::<Connect>::parse_response(response(200, &connect_body())).unwrap();
    let challenged: Outcome<_> = Add::<Connect>::parse_response(response(
        201,
        r#"{"type":"device","mfa":{"message":"Code sent to t..t@plaid.com"},"access_token":"test_chase"}"#,
    ))
    .unwrap();
    assert_eq!(connected.access_token().expose_secret(), "test_bofa");
    assert_eq!(challenged.access_token().expose_secret(), "test_chase");
    assert!(challenged.is_mfa_required());
    assert!(challenged.connected().is_none());
    assert!(connected.mfa_required().is_none());
}

// ---- open enums and unknown fields ----

#[test]
fn unknown_enum_values_are_kept_everywhere() {
    let body = json!({
        "accounts": [{
            "_id": "a", "balance": {"available": 1, "current": 2},
            "type": "crypto", "subtype": "cold wallet"
        }],
        "transactions": [{
            "_account": "a", "_id": "t", "amount": 1.5, "date": "2016-02-29", "name": "Moon",
            "type": {"primary": "teleport"}
        }],
        "access_token": "test_bofa"
    })
    .to_string();
    let data = Get::<Connect>::parse_response(response(200, &body)).unwrap();
    assert_eq!(
        data.accounts[0].account_type,
        AccountType::Unknown("crypto".into())
    );
    assert_eq!(
        data.accounts[0].subtype,
        Some(AccountSubtype::Unknown("cold wallet".into()))
    );
    let transaction = &data.transactions.unwrap()[0];
    assert_eq!(
        transaction.kind.as_ref().unwrap().primary,
        TransactionKind::Unknown("teleport".into())
    );
    assert_eq!(transaction.meta, Default::default());

    let category = Category::parse_response(response(
        200,
        r#"{"id":"99000000","hierarchy":["Future"],"type":"quantum"}"#,
    ))
    .unwrap();
    assert_eq!(
        category.category_type,
        CategoryType::Unknown("quantum".into())
    );

    let institution = Institution::parse_response(response(
        200,
        r#"{"id":"x","name":"X","type":"x","products":["auth","transfer"],"mfa":["retina"]}"#,
    ))
    .unwrap();
    assert_eq!(
        institution.products,
        [Product::Auth, Product::Unknown("transfer".into())]
    );
    assert_eq!(institution.mfa, [MfaKind::Unknown("retina".into())]);

    let challenge = challenge(
        r#"{"type":"list","mfa":[{"mask":"@pigeon","type":"carrier_pigeon"}],"access_token":"t"}"#,
    );
    let Mfa::List(devices) = &challenge.mfa else {
        panic!("{:?}", challenge.mfa)
    };
    assert_eq!(
        devices[0].kind,
        DeviceType::Unknown("carrier_pigeon".into())
    );
}

#[test]
fn unknown_fields_are_ignored() {
    let body = json!({
        "accounts": [{
            "_id": "a", "balance": {"available": 1, "current": 2, "limit": 3},
            "type": "depository", "meta": {"name": "N", "nickname": "n"}, "brand_new": [1, 2]
        }],
        "access_token": "test_bofa",
        "transactions": [],
        "cursor": {"next": "abc"}
    })
    .to_string();
    let data = Get::<Connect>::parse_response(response(200, &body)).unwrap();
    assert_eq!(data.accounts[0].meta.name.as_deref(), Some("N"));
    assert_eq!(data.transactions.unwrap().len(), 0);
    let delete = Delete::<Connect>::parse_response(response(
        200,
        r#"{"message":"Successfully removed from your account","extra":true}"#,
    ))
    .unwrap();
    assert_eq!(delete.message, "Successfully removed from your account");
}

// ---- decode errors ----

#[test]
fn a_wrong_field_type_is_a_decode_error_naming_the_field() {
    let body = connect_body().replacen("1274.93", "\"1274.93\"", 1);
    let error = assert_kind(
        Get::<Connect>::parse_response(response(200, &body)),
        ErrorKind::Decode,
    );
    assert_eq!(error.decode_path(), Some("accounts[0].balance.current"));
    assert_eq!(error.body(), Some(body.as_bytes()));
    assert_eq!(error.status().map(|s| s.as_u16()), Some(200));
    assert_eq!(error.request_id(), Some(REQUEST_ID));
    assert!(error.is_decode() && !error.is_api());
    assert!(
        error.to_string().contains("accounts[0].balance.current"),
        "{error}"
    );
}

#[test]
fn a_bad_transaction_date_names_its_path() {
    let body = connect_body().replacen("2014-05-12", "2014-05-32", 1);
    let error = assert_kind(
        Add::<Connect>::parse_response(response(200, &body)),
        ErrorKind::Decode,
    );
    assert_eq!(error.decode_path(), Some("transactions[1].date"));
    assert_eq!(error.body(), Some(body.as_bytes()));
}

#[test]
fn a_missing_required_field_and_a_non_json_body_are_decode_errors() {
    let body = r#"{"accounts": []}"#;
    let error = assert_kind(
        Balance::parse_response(response(200, body)),
        ErrorKind::Decode,
    );
    assert_eq!(error.body(), Some(body.as_bytes()));
    let body = "<html>OK</html>";
    let error = assert_kind(
        Categories::parse_response(response(200, body)),
        ErrorKind::Decode,
    );
    assert_eq!(error.body(), Some(body.as_bytes()));
    assert_eq!(error.decode_path(), None);
}

#[test]
fn a_malformed_challenge_is_a_decode_error() {
    let body = r#"{"type":"questions","mfa":"not a list","access_token":"test_bofa"}"#;
    let error = assert_kind(
        Add::<Connect>::parse_response(response(201, body)),
        ErrorKind::Decode,
    );
    assert_eq!(error.body(), Some(body.as_bytes()));
}
