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

// The modern family (`/accounts/get`, `/accounts/balance/get`): the fields of
// plaid-core's `modern::models::{Account, AccountBalance, Item}` and
// `PlaidError`, with `String`s for its open enums, dates and secrets.

#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainModernBalance {
    available: Option<f64>,
    current: Option<f64>,
    limit: Option<f64>,
    iso_currency_code: Option<String>,
    unofficial_currency_code: Option<String>,
    #[serde(default)]
    last_updated_datetime: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainNetworkStatus {
    has_numbers_match: bool,
    is_numbers_match_verified: bool,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainPreviousReturns {
    has_previous_administrative_return: bool,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainVerificationInsights {
    #[serde(default)]
    name_match_score: Option<i64>,
    network_status: PlainNetworkStatus,
    #[serde(default)]
    previous_returns: Option<PlainPreviousReturns>,
    account_number_format: String,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainModernAccount {
    account_id: String,
    balances: PlainModernBalance,
    mask: Option<String>,
    name: String,
    official_name: Option<String>,
    #[serde(rename = "type")]
    account_type: String,
    subtype: Option<String>,
    #[serde(default)]
    verification_status: Option<String>,
    #[serde(default)]
    verification_name: Option<String>,
    #[serde(default)]
    verification_insights: Option<PlainVerificationInsights>,
    #[serde(default)]
    persistent_account_id: Option<String>,
    #[serde(default)]
    holder_category: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainPlaidError {
    error_type: String,
    error_code: String,
    #[serde(default)]
    error_code_reason: Option<String>,
    #[serde(default)]
    error_message: String,
    #[serde(default)]
    display_message: Option<String>,
    #[serde(default)]
    request_id: Option<String>,
    #[serde(default)]
    causes: Vec<serde_json::Value>,
    #[serde(default)]
    status: Option<u16>,
    #[serde(default)]
    documentation_url: Option<String>,
    #[serde(default)]
    suggested_action: Option<String>,
    #[serde(default)]
    required_account_subtypes: Vec<String>,
    #[serde(default)]
    provided_account_subtypes: Vec<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainItem {
    item_id: String,
    #[serde(default)]
    institution_id: Option<String>,
    #[serde(default)]
    institution_name: Option<String>,
    webhook: Option<String>,
    #[serde(default)]
    auth_method: Option<String>,
    error: Option<PlainPlaidError>,
    available_products: Vec<String>,
    billed_products: Vec<String>,
    #[serde(default)]
    products: Vec<String>,
    #[serde(default)]
    consented_products: Vec<String>,
    consent_expiration_time: Option<String>,
    update_type: String,
    #[serde(default)]
    created_at: Option<String>,
    #[serde(default)]
    consented_use_cases: Vec<String>,
    #[serde(default)]
    consented_data_scopes: Vec<String>,
}

/// `AccountsGetResponse`, the answer to `/accounts/get` and
/// `/accounts/balance/get`.
#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainModernAccounts {
    pub(crate) accounts: Vec<PlainModernAccount>,
    item: PlainItem,
    #[serde(default)]
    request_id: String,
}
