//! Plain structs for the raw baselines: the fields plaid-core's models have,
//! as `String`s and `f64`s, decoded by serde_json with no validation.
#![allow(dead_code)]

use std::collections::BTreeMap;

use serde::Deserialize;

#[derive(Deserialize)]
pub(crate) struct Balance {
    available: Option<f64>,
    current: Option<f64>,
}

#[derive(Deserialize, Default)]
pub(crate) struct AccountMeta {
    name: Option<String>,
    number: Option<String>,
    limit: Option<f64>,
    official_name: Option<String>,
}

#[derive(Deserialize)]
pub(crate) struct Numbers {
    routing: Option<String>,
    account: Option<String>,
    #[serde(rename = "wireRouting")]
    wire_routing: Option<String>,
}

#[derive(Deserialize)]
pub(crate) struct Risk {
    score: f64,
    #[serde(default)]
    reason: BTreeMap<String, f64>,
}

#[derive(Deserialize)]
pub(crate) struct Account {
    #[serde(rename = "_id")]
    id: String,
    #[serde(rename = "_item")]
    item: Option<String>,
    #[serde(rename = "_user")]
    user: Option<String>,
    balance: Balance,
    institution_type: Option<String>,
    #[serde(default)]
    meta: AccountMeta,
    numbers: Option<Numbers>,
    #[serde(rename = "type")]
    account_type: String,
    subtype: Option<String>,
    risk: Option<Risk>,
}

#[derive(Deserialize)]
pub(crate) struct Coordinates {
    lat: f64,
    lon: f64,
}

#[derive(Deserialize, Default)]
pub(crate) struct Location {
    address: Option<String>,
    city: Option<String>,
    state: Option<String>,
    zip: Option<String>,
    coordinates: Option<Coordinates>,
}

#[derive(Deserialize, Default)]
pub(crate) struct Meta {
    #[serde(default)]
    location: Location,
}

#[derive(Deserialize)]
pub(crate) struct Type {
    primary: String,
}

#[derive(Deserialize)]
pub(crate) struct Score {
    #[serde(default)]
    location: BTreeMap<String, f64>,
    name: Option<f64>,
}

#[derive(Deserialize)]
pub(crate) struct Transaction {
    #[serde(rename = "_id")]
    id: String,
    #[serde(rename = "_account")]
    account: String,
    amount: f64,
    date: String,
    name: String,
    #[serde(default)]
    meta: Meta,
    #[serde(default)]
    pending: bool,
    #[serde(rename = "type")]
    kind: Option<Type>,
    category: Option<Vec<String>>,
    category_id: Option<String>,
    score: Option<Score>,
    #[serde(rename = "_pendingTransaction")]
    pending_transaction: Option<String>,
}

/// `/balance`.
#[derive(Deserialize)]
pub(crate) struct Accounts {
    pub(crate) accounts: Vec<Account>,
    access_token: String,
}

/// `/connect/get`.
#[derive(Deserialize)]
pub(crate) struct Connect {
    accounts: Vec<Account>,
    pub(crate) transactions: Option<Vec<Transaction>>,
    access_token: String,
}
