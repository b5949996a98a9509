//! The same call with plaid-rs: each python call rebuilt as a plaid-rs
//! `Call` and turned into its request with `Call::to_request` (no I/O).
//!
//! The translation is exhaustive on purpose: a python method, argument,
//! option or login key it does not know fails the test, so a new flow in
//! `seed_flows.py` cannot be compared by accident against something else.

use plaid_core::legacy::endpoints::SearchQuery;
use plaid_core::legacy::models::{Date, DeviceType, Product};
use plaid_core::legacy::{
    AddOptions, Client, Config, Environment, GetOptions, Login, MfaAnswer, StepOptions,
};
use plaid_core::transport::HttpRequest;
use plaid_core::{Credentials, Error};
use serde_json::Value;

use crate::flows::PyCall;

fn login(value: Option<&Value>, label: &str) -> Login {
    let map = value
        .and_then(Value::as_object)
        .unwrap_or_else(|| panic!("{label}: the login is not an object"));
    let field = |key: &str| {
        map.get(key).map(|v| match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })
    };
    let mut login = Login::new(
        field("username").unwrap_or_default(),
        field("password").unwrap_or_default(),
    );
    if let Some(pin) = field("pin") {
        login = login.with_pin(pin);
    }
    for key in map.keys() {
        assert!(
            ["username", "password", "pin"].contains(&key.as_str()),
            "{label}: no plaid-rs translation for login key `{key}`"
        );
    }
    login
}

fn options_map<'a>(value: Option<&'a Value>, label: &str) -> Vec<(&'a str, &'a Value)> {
    match value {
        None => Vec::new(),
        Some(Value::Object(map)) => map.iter().map(|(k, v)| (k.as_str(), v)).collect(),
        Some(other) => panic!("{label}: options are not an object: {other}"),
    }
}

fn as_bool(value: &Value, label: &str) -> bool {
    value
        .as_bool()
        .unwrap_or_else(|| panic!("{label}: {value} is not a boolean"))
}

fn as_date(value: &Value, label: &str) -> Date {
    value
        .as_str()
        .and_then(Date::parse)
        .unwrap_or_else(|| panic!("{label}: {value} is not a YYYY-MM-DD date"))
}

fn as_string(value: &Value, label: &str) -> String {
    value
        .as_str()
        .unwrap_or_else(|| panic!("{label}: {value} is not a string"))
        .to_owned()
}

fn add_options(value: Option<&Value>, label: &str) -> AddOptions {
    let mut options = AddOptions::new();
    for (key, value) in options_map(value, label) {
        options = match key {
            "webhook" => options.webhook(as_string(value, label)),
            "pending" => options.pending(as_bool(value, label)),
            "login_only" => options.login_only(as_bool(value, label)),
            "list" => options.list(as_bool(value, label)),
            "start_date" => options.start_date(as_date(value, label)),
            "end_date" => options.end_date(as_date(value, label)),
            other => panic!("{label}: no plaid-rs translation for add option `{other}`"),
        };
    }
    options
}

fn get_options(value: Option<&Value>, label: &str) -> GetOptions {
    let mut options = GetOptions::new();
    for (key, value) in options_map(value, label) {
        options = match key {
            "pending" => options.pending(as_bool(value, label)),
            "account" => options.account(as_string(value, label)),
            "gte" => options.gte(as_date(value, label)),
            "lte" => options.lte(as_date(value, label)),
            other => panic!("{label}: no plaid-rs translation for get option `{other}`"),
        };
    }
    options
}

/// The answer and options of a python step `(type, mfa, options)`.
fn step_answer(call: &PyCall) -> (MfaAnswer, StepOptions) {
    let label = call.label.as_str();
    let mut options = StepOptions::default();
    let mut send_method = None;
    for (key, value) in options_map(call.arg(2, "options"), label) {
        match key {
            "send_method" => {
                let method = value
                    .as_object()
                    .unwrap_or_else(|| panic!("{label}: send_method is not an object"));
                send_method = Some(match (method.get("type"), method.get("mask")) {
                    (Some(kind), None) => {
                        MfaAnswer::send_to(DeviceType::from_wire(&as_string(kind, label)))
                    }
                    (None, Some(mask)) => MfaAnswer::send_to_mask(as_string(mask, label)),
                    _ => panic!("{label}: no plaid-rs translation for send_method {value}"),
                });
            }
            "webhook" => options.webhook = Some(as_string(value, label)),
            "pending" => options.pending = Some(as_bool(value, label)),
            "login_only" => options.login_only = Some(as_bool(value, label)),
            "list" => options.list = Some(as_bool(value, label)),
            "start_date" => options.start_date = Some(as_date(value, label)),
            "end_date" => options.end_date = Some(as_date(value, label)),
            other => panic!("{label}: no plaid-rs translation for step option `{other}`"),
        }
    }
    let answer = match (call.str_arg(1, "mfa"), send_method) {
        (None, Some(method)) => method,
        (Some(mfa), None) => match serde_json::from_str::<Vec<String>>(mfa) {
            Ok(selections) => MfaAnswer::selections(selections),
            Err(_) if mfa.bytes().all(|b| b.is_ascii_digit()) => MfaAnswer::code(mfa),
            Err(_) => MfaAnswer::answer(mfa),
        },
        (mfa, method) => panic!(
            "{label}: no plaid-rs translation for mfa {mfa:?} with send_method {}",
            method.is_some()
        ),
    };
    (answer, options)
}

fn search_query(call: &PyCall) -> SearchQuery {
    let q = call.str_arg(0, "q");
    let p = call.str_arg(1, "p");
    let id = call.str_arg(2, "institution_id");
    let query = match (q, id) {
        (Some(q), None) => SearchQuery::name(q),
        (None, Some(id)) => SearchQuery::id(id),
        (None, None) => SearchQuery::default(),
        (Some(_), Some(_)) => panic!("{}: no plaid-rs search with both q and id", call.label),
    };
    match p {
        Some(product) => query.product(Product::from_wire(product)),
        None => query,
    }
}

fn count_arg(call: &PyCall, index: usize, name: &str, default: u32) -> u32 {
    call.arg(index, name).map_or(default, |v| {
        v.as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .unwrap_or_else(|| panic!("{}: `{name}` is not a count", call.label))
    })
}

/// The request plaid-rs builds for the python call, or the error it gives
/// instead of sending.
pub(crate) fn rust_request(call: &PyCall, base_url: &str) -> Result<HttpRequest, Error> {
    let config = Config::new(
        Environment::Custom(base_url.to_owned()),
        Credentials::new(call.client_id.as_str(), call.secret.as_str()),
    )
    .expect("a valid plaid-rs configuration");
    let config = match &call.access_token {
        Some(token) => config.with_access_token(token.as_str()),
        None => config,
    };
    let client = Client::new(config, ());
    let label = call.label.as_str();
    match call.call.as_str() {
        // Adds: (type, login, options=None).
        "connect" | "auth" | "info" | "income" | "risk" => {
            let institution = call.required(0, "account_type");
            let login = login(call.arg(1, "login"), label);
            let options = add_options(call.arg(2, "options"), label);
            match call.call.as_str() {
                "connect" => client
                    .connect_with_options(institution, login, options)
                    .to_request(),
                "auth" => client
                    .auth_with_options(institution, login, options)
                    .to_request(),
                "info" => client
                    .info_with_options(institution, login, options)
                    .to_request(),
                "income" => client
                    .income_with_options(institution, login, options)
                    .to_request(),
                _ => client
                    .risk_with_options(institution, login, options)
                    .to_request(),
            }
        }
        // Steps: (type, mfa, options=None); the type is not needed.
        "connect_step" | "auth_step" | "info_step" | "income_step" | "risk_step" => {
            let (answer, options) = step_answer(call);
            match call.call.as_str() {
                "connect_step" => client
                    .connect_step_with_options(answer, options)
                    .to_request(),
                "auth_step" => client.auth_step_with_options(answer, options).to_request(),
                "info_step" => client.info_step_with_options(answer, options).to_request(),
                "income_step" => client
                    .income_step_with_options(answer, options)
                    .to_request(),
                _ => client.risk_step_with_options(answer, options).to_request(),
            }
        }
        "connect_update_step" | "auth_update_step" => {
            let (answer, options) = step_answer(call);
            assert_eq!(
                options,
                StepOptions::default(),
                "{label}: plaid-rs update steps take no options"
            );
            if call.call == "connect_update_step" {
                client.connect_update_step(answer).to_request()
            } else {
                client.auth_update_step(answer).to_request()
            }
        }
        "connect_update" => client
            .connect_update(login(call.arg(0, "login"), label))
            .to_request(),
        "auth_update" => client
            .auth_update(login(call.arg(0, "login"), label))
            .to_request(),
        "connect_get" => match call.arg(0, "opts") {
            None => client.connect_get().to_request(),
            Some(opts) => client
                .connect_get_with_options(get_options(Some(opts), label))
                .to_request(),
        },
        "auth_get" => client.auth_get().to_request(),
        "info_get" => client.info_get().to_request(),
        "income_get" => client.income_get().to_request(),
        "risk_get" => client.risk_get().to_request(),
        "balance" => client.balance().to_request(),
        "connect_delete" => client.connect_delete().to_request(),
        "auth_delete" => client.auth_delete().to_request(),
        "upgrade" => client
            .upgrade(Product::from_wire(call.required(0, "product")))
            .to_request(),
        "exchange_token" => {
            let public_token = call.required(0, "public_token");
            match call.str_arg(1, "account_id") {
                Some(account) => client
                    .exchange_token_for_account(public_token, account)
                    .to_request(),
                None => client.exchange_token(public_token).to_request(),
            }
        }
        "institutions" => client.institutions().to_request(),
        "institution" => client
            .institution(call.required(0, "institution_id"))
            .to_request(),
        "institutions_all" => {
            // python's defaults: count=100, offset=0, products=None.
            let count = count_arg(call, 0, "count", 100);
            let offset = count_arg(call, 1, "offset", 0);
            let products: Vec<Product> = call
                .arg(2, "products")
                .map(|v| {
                    v.as_array()
                        .unwrap_or_else(|| panic!("{label}: products is not a list"))
                        .iter()
                        .map(|p| Product::from_wire(&as_string(p, label)))
                        .collect()
                })
                .unwrap_or_default();
            client
                .institutions_all(count, offset, &products)
                .to_request()
        }
        "institution_search" => client.institution_search(search_query(call)).to_request(),
        "institution_all_search" => client
            .institution_all_search(search_query(call))
            .to_request(),
        "categories" => client.categories().to_request(),
        "category" => client
            .category(call.required(0, "category_id"))
            .to_request(),
        other => panic!("{label}: no plaid-rs translation for the python method `{other}`"),
    }
}
