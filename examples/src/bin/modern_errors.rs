//! Modern API, errors and retries.
//!
//! 1. `/sandbox/item/reset_login` puts an Item into `ITEM_LOGIN_REQUIRED`:
//!    data calls then fail with it (a 400), while `/item/get` answers 200
//!    and reports it in-band, in `item.error`.
//! 2. A sandbox password `error_<CODE>` makes `/sandbox/public_token/create`
//!    answer that documented error; the code decides what to do, matched on
//!    `error.plaid_code()` and the predicates.
//! 3. Wrong keys answer `INVALID_API_KEYS`.
//! 4. Retries: the sandbox's `X-Sandbox-Fault` header makes the bank look
//!    down (`INSTITUTION_DOWN`) for two requests. The default `RetryPolicy`
//!    gets past it; `RetryPolicy::disabled()` does not; a login that needs
//!    the user is never retried.
//!
//! Modern API: runs against an embedded modern `plaid-sandbox`, or the
//! server in `PLAID_BASE_URL` (keys `PLAID_CLIENT_ID` / `PLAID_SECRET`).
//! Part 4 needs a `plaid-sandbox` (embedded or as a process): Plaid's own
//! sandbox ignores the fault header, so the example stops there.

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use examples::Target;
use examples::steps::{FIRST_PLATYPUS, new_item};
use plaid_core::http::{HeaderName, HeaderValue};
use plaid_core::modern::models::Product;
use plaid_core::modern::{self, ErrorCode};
use plaid_core::transport::{HttpRequest, HttpResponse, TransportError};
use plaid_core::{Credentials, Error, RetryPolicy, Transport};
use plaid_ureq::UreqTransport;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let target = Target::modern()?;
    println!("server: {}", target.describe());
    let client = plaid_ureq::client(target.config.clone());
    let item = new_item(&client, FIRST_PLATYPUS, [Product::Auth])?;
    let token = &item.access_token;

    // 1. A login that needs the user.
    client.sandbox_item_reset_login(token).send()?;
    let error = client
        .accounts_get(token)
        .send()
        .err()
        .ok_or("accounts_get worked after reset_login")?;
    println!("accounts_get after reset_login -> {error}");
    println!(
        "  status {}, kind {:?}, code {}, needs the user {}, retryable {}, request {}",
        error.status().map_or(0, |s| s.as_u16()),
        error.kind(),
        error.plaid_code().map_or("?", ErrorCode::as_str),
        error.plaid().is_some_and(|e| e.is_item_login_required()),
        error.is_retryable(),
        error.request_id().unwrap_or("?")
    );
    let got = client.item_get(token).send()?;
    match &got.item.error {
        Some(in_band) if in_band.is_item_login_required() => println!(
            "item_get: 200, in-band {} {}: send the user through Link's update mode",
            in_band.error_type, in_band.error_code
        ),
        other => return Err(format!("item_get reported {other:?}").into()),
    }

    // 2. Documented errors, from the sandbox's error passwords.
    for code in ["ITEM_LOCKED", "INSTITUTION_DOWN", "INTERNAL_SERVER_ERROR"] {
        let error = client
            .sandbox_public_token_create(FIRST_PLATYPUS, [Product::Auth])
            .with(|r| {
                r.override_username("user_good")
                    .override_password(format!("error_{code}"))
            })
            .send()
            .err()
            .ok_or("an error password logged in")?;
        println!(
            "password error_{code} -> {} {}: {}",
            error.status().map_or(0, |s| s.as_u16()),
            error.plaid_code().map_or("?", ErrorCode::as_str),
            what_to_do(&error)
        );
    }

    // 3. Wrong keys.
    let wrong_keys = modern::Config::new(
        target.config.environment().clone(),
        Credentials::new("test_id", "not_the_secret"),
    )?;
    let error = plaid_ureq::client(wrong_keys)
        .item_get(token)
        .send()
        .err()
        .ok_or("wrong keys were accepted")?;
    println!("wrong keys -> {}", what_to_do(&error));

    // 4. Retries, on a fresh Item (the first one needs a login now).
    let item = new_item(&client, FIRST_PLATYPUS, [Product::Auth])?;
    let token = &item.access_token;
    let bank_down = |key: &str| -> Result<_, Box<dyn std::error::Error>> {
        let fault = format!("error=INSTITUTION_DOWN;times=2;key={}-{key}", item.item_id);
        Ok(modern::Client::new(
            target.config.clone(),
            Counting::with_fault(&fault)?,
        ))
    };

    let faulty = bank_down("default")?;
    let accounts = faulty.accounts_get(token).send()?;
    println!(
        "bank down twice, default policy: {} accounts after {} attempts",
        accounts.accounts.len(),
        faulty.transport().sent()
    );

    let faulty = bank_down("custom")?;
    let quick = RetryPolicy::new()
        .max_attempts(4)
        .base_delay(Duration::from_millis(50));
    faulty.auth_get(token).retry(quick).send()?;
    println!(
        "bank down twice, 4 attempts from 50 ms: auth_get after {} attempts",
        faulty.transport().sent()
    );

    let faulty = bank_down("disabled")?;
    let error = faulty
        .accounts_get(token)
        .retry(RetryPolicy::disabled())
        .send()
        .err()
        .ok_or("the bank was not down")?;
    println!(
        "bank down, retries disabled: {} after {} attempt, retryable {}",
        error.plaid_code().map_or("?", ErrorCode::as_str),
        faulty.transport().sent(),
        error.is_retryable()
    );

    client.sandbox_item_reset_login(token).send()?;
    let counted = modern::Client::new(target.config.clone(), Counting::new());
    let error = counted
        .accounts_get(token)
        .send()
        .err()
        .ok_or("accounts_get worked after reset_login")?;
    println!(
        "login required, default policy: {} after {} attempt (never retried)",
        error.plaid_code().map_or("?", ErrorCode::as_str),
        counted.transport().sent()
    );
    Ok(())
}

/// What an application would do about a failed call: decided on Plaid's
/// `error_code` (open: a code added tomorrow is `Some(code)` too) and the
/// predicates, never on the message.
fn what_to_do(error: &Error) -> String {
    let Some(code) = error.plaid_code() else {
        // No Plaid error body: a timeout, a broken connection, a proxy's
        // HTML page, a request refused before it was sent…
        return format!(
            "no Plaid error ({:?}); retryable: {}",
            error.kind(),
            error.is_retryable()
        );
    };
    if code.is_item_login_required() {
        "send the user through Link's update mode".to_owned()
    } else if *code == ErrorCode::ITEM_LOCKED {
        "ask the user to unlock the account at the bank".to_owned()
    } else if code.is_institution_down() {
        format!("the bank is down; retryable: {}", error.is_retryable())
    } else if *code == ErrorCode::INVALID_API_KEYS {
        format!("{code}: check PLAID_CLIENT_ID / PLAID_SECRET")
    } else if error.is_server_error() {
        format!("Plaid failed ({code}); retryable: {}", error.is_retryable())
    } else {
        format!("{code}: {}", error.plaid().map_or("", |e| &e.error_message))
    }
}

/// A blocking transport that counts the requests it sends, so the example
/// can show each retry, and may ask the sandbox for a fault (an
/// `X-Sandbox-Fault` value) on every request.
struct Counting {
    inner: UreqTransport,
    fault: Option<HeaderValue>,
    sent: AtomicU32,
}

impl Counting {
    fn new() -> Self {
        Counting {
            inner: UreqTransport::new(),
            fault: None,
            sent: AtomicU32::new(0),
        }
    }

    fn with_fault(fault: &str) -> Result<Self, Box<dyn std::error::Error>> {
        Ok(Counting {
            fault: Some(HeaderValue::from_str(fault)?),
            ..Counting::new()
        })
    }

    fn sent(&self) -> u32 {
        self.sent.load(Ordering::Relaxed)
    }
}

impl Transport for Counting {
    fn send(&self, mut request: HttpRequest) -> Result<HttpResponse, TransportError> {
        if let Some(fault) = &self.fault {
            request.headers_mut().insert(
                HeaderName::from_static(plaid_sandbox::FAULT_HEADER),
                fault.clone(),
            );
        }
        self.sent.fetch_add(1, Ordering::Relaxed);
        self.inner.send(request)
    }
}
