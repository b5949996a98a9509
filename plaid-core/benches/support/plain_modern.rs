//! Plain structs for the modern `/transactions/sync` body: the same fields
//! as plaid-core's models, `String`s and `f64`s, no validation, no open
//! enums, no exact money: the limit for a typed decode.

use serde::Deserialize;

#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainSyncResponse {
    transactions_update_status: String,
    accounts: Vec<PlainAccount>,
    pub(crate) added: Vec<PlainTransaction>,
    modified: Vec<PlainTransaction>,
    removed: Vec<PlainRemoved>,
    next_cursor: String,
    has_more: bool,
    #[serde(default)]
    request_id: String,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainBalances {
    available: Option<f64>,
    current: Option<f64>,
    limit: Option<f64>,
    iso_currency_code: Option<String>,
    unofficial_currency_code: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainAccount {
    account_id: String,
    balances: PlainBalances,
    mask: Option<String>,
    name: String,
    official_name: Option<String>,
    #[serde(rename = "type")]
    account_type: String,
    subtype: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainRemoved {
    transaction_id: String,
    account_id: String,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainLocation {
    address: Option<String>,
    city: Option<String>,
    region: Option<String>,
    postal_code: Option<String>,
    country: Option<String>,
    lat: Option<f64>,
    lon: Option<f64>,
    store_number: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainPaymentMeta {
    reference_number: Option<String>,
    ppd_id: Option<String>,
    payee: Option<String>,
    by_order_of: Option<String>,
    payer: Option<String>,
    payment_method: Option<String>,
    payment_processor: Option<String>,
    reason: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainCategory {
    primary: String,
    detailed: String,
    confidence_level: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainCounterparty {
    name: String,
    #[serde(rename = "type")]
    counterparty_type: String,
    website: Option<String>,
    logo_url: Option<String>,
    entity_id: Option<String>,
    confidence_level: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct PlainTransaction {
    transaction_id: String,
    account_id: String,
    amount: f64,
    iso_currency_code: Option<String>,
    unofficial_currency_code: Option<String>,
    date: String,
    authorized_date: Option<String>,
    authorized_datetime: Option<String>,
    datetime: Option<String>,
    pending: bool,
    pending_transaction_id: Option<String>,
    payment_channel: String,
    transaction_code: Option<String>,
    name: Option<String>,
    merchant_name: Option<String>,
    original_description: Option<String>,
    merchant_entity_id: Option<String>,
    location: Option<PlainLocation>,
    payment_meta: Option<PlainPaymentMeta>,
    personal_finance_category: Option<PlainCategory>,
    personal_finance_category_icon_url: Option<String>,
    #[serde(default)]
    counterparties: Vec<PlainCounterparty>,
    logo_url: Option<String>,
    website: Option<String>,
    check_number: Option<String>,
    account_owner: Option<String>,
    category: Option<Vec<String>>,
    category_id: Option<String>,
    transaction_type: Option<String>,
}
