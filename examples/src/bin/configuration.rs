//! Seed section "Configuration" and error handling: build a configuration,
//! then see how API errors come back as typed values.
//!
//! Legacy (tartan) API: runs against an embedded legacy `plaid-sandbox`, or
//! the server in `PLAID_LEGACY_BASE_URL` (keys `PLAID_LEGACY_CLIENT_ID` /
//! `PLAID_LEGACY_SECRET`).

use std::time::Duration;

use examples::Target;
use plaid_core::legacy::{Config, ErrorCode, Login, PythonException};
use plaid_core::{Credentials, ErrorKind};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let target = Target::legacy()?;
    println!("server: {}", target.describe());

    // Per-client configuration: no global state. `Environment::Tartan` or
    // `Environment::Production` for the hosted services.
    let config = target.config.clone().with_timeout(Duration::from_secs(10));
    println!("config: {config:?}");
    let client = plaid_ureq::client(config);

    // A wrong password: python raises RequestFailedError; plaid-rs returns an
    // Error whose kind is the class of the status (a 4xx), with the legacy
    // body and python's exception class one call away.
    let error = client
        .connect("bofa", Login::new("plaid_test", "wrong_password"))
        .send()
        .err()
        .ok_or("the sandbox accepted a wrong password")?;
    println!("wrong password -> {error}");
    assert_eq!(error.kind(), ErrorKind::ClientError);
    assert_eq!(error.legacy_code(), Some(ErrorCode::InvalidCredentials));
    assert_eq!(
        PythonException::of(&error),
        Some(PythonException::RequestFailedError)
    );

    // Wrong API keys: python's UnauthorizedError.
    let bad_keys = Config::new(
        target.config.environment().clone(),
        Credentials::new("test_id", "not_the_secret"),
    )?;
    let error = plaid_ureq::client(bad_keys)
        .connect("wells", Login::new("plaid_test", "plaid_good"))
        .send()
        .err()
        .ok_or("the sandbox accepted wrong keys")?;
    println!("wrong keys     -> {error}");
    match PythonException::of(&error) {
        Some(PythonException::UnauthorizedError) => println!(
            "handled: UnauthorizedError (code {:?})",
            error.legacy_code()
        ),
        other => return Err(format!("unexpected exception class {other:?}").into()),
    }
    Ok(())
}
