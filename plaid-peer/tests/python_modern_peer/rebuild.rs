//! The same call with plaid-rs: each call of the official client rebuilt
//! with plaid-rs's modern client, from the JSON body python sent, and
//! turned into its request with `Call::to_request` (no I/O).
//!
//! The body is taken apart field by field ([`Fields`]) and each field goes
//! through the descriptor's own constructor or builder method, the way a
//! plaid-rs user would set it; what plaid-rs then adds, drops or spells
//! differently is what the comparison sees. The translation is exhaustive
//! on purpose: a python method or a body field it does not know fails the
//! test, so a new call in `modern_flows.py` cannot be compared by accident
//! against something else.

use plaid_core::modern::endpoints::{
    InstitutionsGet, InstitutionsGetById, InstitutionsSearch, ItemRemoveReasonCode,
    ItemWebhookUpdate, SandboxWebhookCode,
};
use plaid_core::modern::models::{CountryCode, LinkTokenUser, Product, WebhookType};
use plaid_core::modern::{Client, Config, Environment, emulator_credentials};
use plaid_core::transport::HttpRequest;
use plaid_core::{Credentials, Date, DateTime, Error};
use serde_json::{Map, Value};

use crate::flows::ModernCall;

/// The keys of a key set of `modern_flows.py`'s `KEYS`, by name.
fn credentials(keys: &str, label: &str) -> Credentials {
    match keys {
        "sandbox" => emulator_credentials(),
        "wrong_secret" => Credentials::new("test_id", "not_the_secret"),
        other => panic!("{label}: no plaid-rs credentials for the key set `{other}`"),
    }
}

/// A boolean field and the builder method that sets it.
type Flag<'k, R> = (&'k str, fn(R, bool) -> R);

/// A JSON object python sent, taken apart field by field. [`Fields::done`]
/// fails the test on a field left over, so none goes uncompared.
struct Fields<'a> {
    label: &'a str,
    /// Where the object is in the body (`""`, `"options."`), for messages.
    at: String,
    map: Map<String, Value>,
}

impl<'a> Fields<'a> {
    fn new(label: &'a str, at: String, value: Value) -> Fields<'a> {
        match value {
            Value::Object(map) => Fields { label, at, map },
            _ => panic!("{label}: `{at}` is not a JSON object"),
        }
    }

    fn fail(&self, key: &str, what: &str) -> ! {
        panic!("{}: `{}{key}` is not {what}", self.label, self.at)
    }

    fn take(&mut self, key: &str) -> Option<Value> {
        self.map.remove(key)
    }

    fn opt_string(&mut self, key: &str) -> Option<String> {
        match self.take(key)? {
            Value::String(text) => Some(text),
            _ => self.fail(key, "a string"),
        }
    }

    fn string(&mut self, key: &str) -> String {
        self.opt_string(key)
            .unwrap_or_else(|| self.fail(key, "there (it is required)"))
    }

    fn opt_bool(&mut self, key: &str) -> Option<bool> {
        match self.take(key)? {
            Value::Bool(flag) => Some(flag),
            _ => self.fail(key, "a boolean"),
        }
    }

    fn opt_count(&mut self, key: &str) -> Option<u32> {
        let value = self.take(key)?;
        match value.as_u64().and_then(|n| u32::try_from(n).ok()) {
            Some(count) => Some(count),
            None => self.fail(key, "a count"),
        }
    }

    fn count(&mut self, key: &str) -> u32 {
        self.opt_count(key)
            .unwrap_or_else(|| self.fail(key, "there (it is required)"))
    }

    fn opt_strings(&mut self, key: &str) -> Option<Vec<String>> {
        let value = self.take(key)?;
        let items = value.as_array().unwrap_or_else(|| self.fail(key, "a list"));
        let strings = items.iter().map(|item| item.as_str().map(str::to_owned));
        match strings.collect() {
            Some(strings) => Some(strings),
            None => self.fail(key, "a list of strings"),
        }
    }

    fn opt_products(&mut self, key: &str) -> Option<Vec<Product>> {
        self.opt_strings(key)
            .map(|names| names.iter().map(|name| Product::from_wire(name)).collect())
    }

    fn countries(&mut self, key: &str) -> Vec<CountryCode> {
        let codes = self
            .opt_strings(key)
            .unwrap_or_else(|| self.fail(key, "there (it is required)"));
        codes
            .iter()
            .map(|code| CountryCode::from_wire(code))
            .collect()
    }

    fn opt_date(&mut self, key: &str) -> Option<Date> {
        let text = self.opt_string(key)?;
        Some(Date::parse(&text).unwrap_or_else(|| self.fail(key, "a YYYY-MM-DD date")))
    }

    fn opt_datetime(&mut self, key: &str) -> Option<DateTime> {
        let text = self.opt_string(key)?;
        Some(DateTime::parse(&text).unwrap_or_else(|| self.fail(key, "an RFC 3339 date-time")))
    }

    /// The object at `key`, to take apart in turn.
    fn object(&mut self, key: &str) -> Option<Fields<'a>> {
        let value = self.take(key)?;
        Some(Fields::new(self.label, format!("{}{key}.", self.at), value))
    }

    /// Sets each boolean of `setters` that the object holds.
    fn flags<R>(&mut self, mut request: R, setters: &[Flag<'_, R>]) -> R {
        for (key, setter) in setters {
            if let Some(flag) = self.opt_bool(key) {
                request = setter(request, flag);
            }
        }
        request
    }

    /// Fails the test on any field not taken.
    fn done(self) {
        let left: Vec<&String> = self.map.keys().collect();
        assert!(
            left.is_empty(),
            "{}: no plaid-rs translation for the field(s) {left:?} of `{}`",
            self.label,
            if self.at.is_empty() {
                "the body"
            } else {
                self.at.trim_end_matches('.')
            }
        );
    }
}

/// `request` with `setter` applied when `value` is there.
fn set<R, V>(request: R, value: Option<V>, setter: impl FnOnce(R, V) -> R) -> R {
    match value {
        Some(value) => setter(request, value),
        None => request,
    }
}

/// `options.account_ids` of `/accounts/get`, `/auth/get` and
/// `/identity/get`.
fn account_ids(body: &mut Fields<'_>) -> Option<Vec<String>> {
    let mut options = body.object("options")?;
    let ids = options.opt_strings("account_ids");
    options.done();
    ids
}

/// The `user` of `/link/token/create`: only `client_user_id` is translated
/// (the flows send no more).
fn link_user(body: &mut Fields<'_>) -> LinkTokenUser {
    let mut user = body
        .object("user")
        .unwrap_or_else(|| body.fail("user", "there (it is required)"));
    let client_user_id = user.string("client_user_id");
    user.done();
    LinkTokenUser::new(client_user_id)
}

/// The request plaid-rs builds for the python call whose JSON body was
/// `body`, or the error it gives instead of sending.
pub(crate) fn rust_request(
    call: &ModernCall,
    body: &Value,
    base_url: &str,
) -> Result<HttpRequest, Error> {
    let label = call.id.as_str();
    let config = Config::new(
        Environment::Custom(base_url.to_owned()),
        credentials(&call.keys, label),
    )
    .expect("a valid plaid-rs configuration");
    let client = Client::new(config, ());
    let mut fields = Fields::new(label, String::new(), body.clone());
    let request = build(&call.call, &client, &mut fields);
    fields.done();
    request
}

/// The plaid-rs call named `call`, filled from `body`.
fn build(call: &str, client: &Client<()>, body: &mut Fields<'_>) -> Result<HttpRequest, Error> {
    let label = body.label;
    match call {
        "sandbox_public_token_create" => {
            let institution = body.string("institution_id");
            let products = body
                .opt_products("initial_products")
                .unwrap_or_else(|| body.fail("initial_products", "there (it is required)"));
            client
                .sandbox_public_token_create(institution, products)
                .with(|mut r| {
                    r = set(r, body.opt_string("user_token"), |r, t| r.user_token(t));
                    let Some(mut options) = body.object("options") else {
                        return r;
                    };
                    r = set(r, options.opt_string("webhook"), |r, w| r.webhook(w));
                    r = set(r, options.opt_string("override_username"), |r, u| {
                        r.override_username(u)
                    });
                    r = set(r, options.opt_string("override_password"), |r, p| {
                        r.override_password(p)
                    });
                    if let Some(mut transactions) = options.object("transactions") {
                        let start = transactions.opt_date("start_date");
                        let end = transactions.opt_date("end_date");
                        let days = transactions.opt_count("days_requested");
                        transactions.done();
                        r = set(r, start, |r, d| r.transactions_start_date(d));
                        r = set(r, end, |r, d| r.transactions_end_date(d));
                        r = set(r, days, |r, n| r.transactions_days_requested(n));
                    }
                    options.done();
                    r
                })
                .to_request()
        }
        "item_public_token_exchange" => client
            .item_public_token_exchange(body.string("public_token"))
            .to_request(),
        "item_get" => client.item_get(body.string("access_token")).to_request(),
        "item_remove" => client
            .item_remove(body.string("access_token"))
            .with(|mut r| {
                let code = body.opt_string("reason_code");
                r = set(r, code, |r, c| {
                    r.reason_code(ItemRemoveReasonCode::from_wire(&c))
                });
                set(r, body.opt_string("reason_note"), |r, n| r.reason_note(n))
            })
            .to_request(),
        "item_webhook_update" => {
            let token = body.string("access_token");
            match body.take("webhook") {
                Some(Value::String(url)) => client.item_webhook_update(token, url).to_request(),
                Some(Value::Null) => client
                    .call(ItemWebhookUpdate::remove_webhook(token))
                    .to_request(),
                _ => body.fail("webhook", "a string or null"),
            }
        }
        "sandbox_item_reset_login" => client
            .sandbox_item_reset_login(body.string("access_token"))
            .to_request(),
        "sandbox_item_fire_webhook" => {
            let token = body.string("access_token");
            let code = SandboxWebhookCode::from_wire(&body.string("webhook_code"));
            client
                .sandbox_item_fire_webhook(token, code)
                .with(|r| {
                    let kind = body.opt_string("webhook_type");
                    set(r, kind, |r, k| r.webhook_type(WebhookType::from_wire(&k)))
                })
                .to_request()
        }
        "accounts_get" | "auth_get" | "identity_get" => {
            let token = body.string("access_token");
            let ids = account_ids(body);
            match call {
                "accounts_get" => client
                    .accounts_get(token)
                    .with(|r| set(r, ids, |r, ids| r.account_ids(ids)))
                    .to_request(),
                "auth_get" => client
                    .auth_get(token)
                    .with(|r| set(r, ids, |r, ids| r.account_ids(ids)))
                    .to_request(),
                _ => client
                    .identity_get(token)
                    .with(|r| set(r, ids, |r, ids| r.account_ids(ids)))
                    .to_request(),
            }
        }
        "accounts_balance_get" => client
            .accounts_balance_get(body.string("access_token"))
            .with(|mut r| {
                let Some(mut options) = body.object("options") else {
                    return r;
                };
                r = set(r, options.opt_strings("account_ids"), |r, ids| {
                    r.account_ids(ids)
                });
                let at = options.opt_datetime("min_last_updated_datetime");
                options.done();
                set(r, at, |r, at| r.min_last_updated_datetime(at))
            })
            .to_request(),
        "institutions_get" => {
            let count = body.count("count");
            let offset = body.count("offset");
            let countries = body.countries("country_codes");
            client
                .institutions_get(count, offset, countries)
                .with(|mut r| {
                    let Some(mut options) = body.object("options") else {
                        return r;
                    };
                    r = set(r, options.opt_products("products"), |r, p| r.products(p));
                    r = set(r, options.opt_strings("routing_numbers"), |r, n| {
                        r.routing_numbers(n)
                    });
                    r = options.flags(
                        r,
                        &[
                            ("oauth", InstitutionsGet::oauth),
                            (
                                "include_optional_metadata",
                                InstitutionsGet::include_optional_metadata,
                            ),
                            (
                                "include_auth_metadata",
                                InstitutionsGet::include_auth_metadata,
                            ),
                            (
                                "include_payment_initiation_metadata",
                                InstitutionsGet::include_payment_initiation_metadata,
                            ),
                        ],
                    );
                    options.done();
                    r
                })
                .to_request()
        }
        "institutions_get_by_id" => {
            let institution = body.string("institution_id");
            let countries = body.countries("country_codes");
            client
                .institutions_get_by_id(institution, countries)
                .with(|mut r| {
                    let Some(mut options) = body.object("options") else {
                        return r;
                    };
                    r = options.flags(
                        r,
                        &[
                            (
                                "include_optional_metadata",
                                InstitutionsGetById::include_optional_metadata,
                            ),
                            ("include_status", InstitutionsGetById::include_status),
                            (
                                "include_auth_metadata",
                                InstitutionsGetById::include_auth_metadata,
                            ),
                            (
                                "include_payment_initiation_metadata",
                                InstitutionsGetById::include_payment_initiation_metadata,
                            ),
                        ],
                    );
                    options.done();
                    r
                })
                .to_request()
        }
        "institutions_search" => {
            let query = body.string("query");
            let countries = body.countries("country_codes");
            client
                .institutions_search(query, countries)
                .with(|mut r| {
                    r = set(r, body.opt_products("products"), |r, p| r.products(p));
                    let Some(mut options) = body.object("options") else {
                        return r;
                    };
                    r = options.flags(
                        r,
                        &[
                            ("oauth", InstitutionsSearch::oauth),
                            (
                                "include_optional_metadata",
                                InstitutionsSearch::include_optional_metadata,
                            ),
                            (
                                "include_auth_metadata",
                                InstitutionsSearch::include_auth_metadata,
                            ),
                            (
                                "include_payment_initiation_metadata",
                                InstitutionsSearch::include_payment_initiation_metadata,
                            ),
                        ],
                    );
                    if let Some(mut payment) = options.object("payment_initiation") {
                        r = set(r, payment.opt_string("payment_id"), |r, id| {
                            r.payment_id(id)
                        });
                        r = set(r, payment.opt_string("consent_id"), |r, id| {
                            r.consent_id(id)
                        });
                        payment.done();
                    }
                    options.done();
                    r
                })
                .to_request()
        }
        "categories_get" => client.categories_get().to_request(),
        "webhook_verification_key_get" => client
            .webhook_verification_key_get(body.string("key_id"))
            .to_request(),
        "link_token_create" => {
            let name = body.string("client_name");
            let language = body.string("language");
            let countries = body.countries("country_codes");
            let user = link_user(body);
            client
                .link_token_create(name, language, countries, user)
                .with(|mut r| {
                    r = set(r, body.opt_products("products"), |r, p| r.products(p));
                    r = set(
                        r,
                        body.opt_products("required_if_supported_products"),
                        |r, p| r.required_if_supported_products(p),
                    );
                    r = set(r, body.opt_products("optional_products"), |r, p| {
                        r.optional_products(p)
                    });
                    r = set(
                        r,
                        body.opt_products("additional_consented_products"),
                        |r, p| r.additional_consented_products(p),
                    );
                    r = set(r, body.opt_string("webhook"), |r, w| r.webhook(w));
                    r = set(r, body.opt_string("access_token"), |r, t| r.access_token(t));
                    r = set(r, body.opt_string("redirect_uri"), |r, u| r.redirect_uri(u));
                    r = set(r, body.opt_string("android_package_name"), |r, n| {
                        r.android_package_name(n)
                    });
                    r = set(r, body.take("account_filters"), |r, f| r.account_filters(f));
                    r = set(r, body.opt_string("link_customization_name"), |r, n| {
                        r.link_customization_name(n)
                    });
                    r = set(r, body.opt_string("user_token"), |r, t| r.user_token(t));
                    if let Some(mut transactions) = body.object("transactions") {
                        let days = transactions.opt_count("days_requested");
                        transactions.done();
                        r = set(r, days, |r, n| r.transactions_days_requested(n));
                    }
                    r
                })
                .to_request()
        }
        other => panic!("{label}: no plaid-rs translation for the python method `{other}`"),
    }
}
