//! Plain structs: the same fields as plaid-core's models, `String`s and
//! `f64`s, no validation: the limit for a typed decode. Shared by
//! plaid-core's divan benches and the `plaid-bench` binary (included there
//! with `#[path]`), so both measure against the same baseline.

use std::collections::BTreeMap;

use serde::Deserialize;

#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainBalance {
    available: Option<f64>,
    current: Option<f64>,
}

#[derive(Deserialize, Default)]
#[allow(dead_code)]
pub(crate) struct PlainAccountMeta {
    name: Option<String>,
    number: Option<String>,
    limit: Option<f64>,
    official_name: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainNumbers {
    routing: Option<String>,
    account: Option<String>,
    #[serde(rename = "wireRouting")]
    wire_routing: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainRisk {
    score: f64,
    #[serde(default)]
    reason: BTreeMap<String, f64>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainAccount {
    #[serde(rename = "_id")]
    id: String,
    #[serde(rename = "_item")]
    item: Option<String>,
    #[serde(rename = "_user")]
    user: Option<String>,
    balance: PlainBalance,
    institution_type: Option<String>,
    #[serde(default)]
    meta: PlainAccountMeta,
    numbers: Option<PlainNumbers>,
    #[serde(rename = "type")]
    account_type: String,
    subtype: Option<String>,
    risk: Option<PlainRisk>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainCoordinates {
    lat: f64,
    lon: f64,
}

#[derive(Deserialize, Default)]
#[allow(dead_code)]
pub(crate) struct PlainLocation {
    address: Option<String>,
    city: Option<String>,
    state: Option<String>,
    zip: Option<String>,
    coordinates: Option<PlainCoordinates>,
}

#[derive(Deserialize, Default)]
#[allow(dead_code)]
pub(crate) struct PlainMeta {
    #[serde(default)]
    location: PlainLocation,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainType {
    primary: String,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainScore {
    #[serde(default)]
    location: BTreeMap<String, f64>,
    name: Option<f64>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainTransaction {
    #[serde(rename = "_id")]
    id: String,
    #[serde(rename = "_account")]
    account: String,
    amount: f64,
    date: String,
    name: String,
    #[serde(default)]
    meta: PlainMeta,
    #[serde(default)]
    pending: bool,
    #[serde(rename = "type")]
    kind: Option<PlainType>,
    category: Option<Vec<String>>,
    category_id: Option<String>,
    score: Option<PlainScore>,
    #[serde(rename = "_pendingTransaction")]
    pending_transaction: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainConnect {
    pub(crate) accounts: Vec<PlainAccount>,
    pub(crate) transactions: Option<Vec<PlainTransaction>>,
    access_token: String,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainAccounts {
    pub(crate) accounts: Vec<PlainAccount>,
    access_token: String,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainContact {
    #[serde(default)]
    primary: bool,
    #[serde(rename = "type")]
    kind: Option<String>,
    data: String,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainAddressData {
    street: Option<String>,
    city: Option<String>,
    state: Option<String>,
    zip: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainAddress {
    #[serde(default)]
    primary: bool,
    data: PlainAddressData,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainInfoData {
    #[serde(default)]
    emails: Vec<PlainContact>,
    #[serde(default)]
    addresses: Vec<PlainAddress>,
    #[serde(default)]
    phone_numbers: Vec<PlainContact>,
    #[serde(default)]
    names: Vec<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainInfo {
    accounts: Vec<PlainAccount>,
    info: PlainInfoData,
    access_token: String,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainStream {
    name: String,
    monthly_income: f64,
    confidence: Option<f64>,
    days: Option<u32>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainIncomeData {
    #[serde(default)]
    income_streams: Vec<PlainStream>,
    last_year_income: Option<f64>,
    last_year_income_before_tax: Option<f64>,
    projected_yearly_income: Option<f64>,
    projected_yearly_income_before_tax: Option<f64>,
    max_number_of_overlapping_income_streams: Option<u32>,
    number_of_income_streams: Option<u32>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainIncome {
    accounts: Vec<PlainAccount>,
    income: PlainIncomeData,
    access_token: String,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainQuestion {
    question: String,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainSelection {
    question: String,
    answers: Vec<String>,
}

/// The typed limit for an MFA body: the challenge's `mfa` decoded straight
/// into its own shape (a parser that knows the type in advance).
#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainChallenge<M> {
    #[serde(rename = "type")]
    kind: String,
    mfa: M,
    access_token: String,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainError {
    code: u32,
    #[serde(default)]
    message: String,
    #[serde(default)]
    resolve: String,
    access_token: Option<String>,
}
