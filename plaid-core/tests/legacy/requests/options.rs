//! Options that only some calls carry: `connect_get`'s transaction filters
//! (and their absence on the other products' gets), and the options of an
//! update step.

use crate::form::*;
use crate::support::*;
use plaid_core::http::Method;
use plaid_core::legacy::endpoints::{Auth, Get};
use plaid_core::legacy::{GetOptions, MfaAnswer, StepOptions};
use plaid_core::{Endpoint, ErrorKind};
use serde_json::json;

use super::{date, item_fields};

// ---- connect_get filters ----

#[test]
fn connect_get_with_options_sends_pending_account_and_date_bounds() {
    let options = GetOptions::new()
        .pending(true)
        .account("QPO8Jo8vdDHMepg41PBwckXm4KdK1yUdmXOwK")
        .gte(date(2012, 1, 1))
        .lte(date(2016, 1, 1));
    let request = item_client()
        .connect_get_with_options(options)
        .to_request()
        .unwrap();
    assert_request(
        &request,
        Method::POST,
        &url("/connect/get"),
        &item_fields(&[(
            "options",
            j(json!({
                "pending": true,
                "account": "QPO8Jo8vdDHMepg41PBwckXm4KdK1yUdmXOwK",
                "gte": "2012-01-01",
                "lte": "2016-01-01",
            })),
        )]),
    );
}

#[test]
fn connect_get_refuses_an_empty_account_or_reversed_dates() {
    let client = item_client();
    assert_kind(
        client
            .connect_get_with_options(GetOptions::new().account(""))
            .to_request(),
        ErrorKind::InvalidInput,
    );
    assert_kind(
        client
            .connect_get_with_options(
                GetOptions::new()
                    .gte(date(2016, 1, 2))
                    .lte(date(2016, 1, 1)),
            )
            .to_request(),
        ErrorKind::InvalidInput,
    );
}

#[test]
fn get_of_other_products_never_sends_transaction_filters() {
    let descriptor = Get::<Auth>::new(token()).with_options(GetOptions::new().pending(true));
    let request = descriptor.to_request(&config()).unwrap();
    assert_request(&request, Method::POST, &url("/auth/get"), &item_fields(&[]));
}

// ---- update steps ----

#[test]
fn update_steps_carry_their_options() {
    let mut options = StepOptions::default();
    options.webhook = Some("https://example.com/hook".into());
    let request = item_client()
        .connect_update_step_with_options(MfaAnswer::code("1234"), options)
        .to_request()
        .unwrap();
    assert_request(
        &request,
        Method::PATCH,
        &url("/connect/step"),
        &item_fields(&[
            ("mfa", t("1234")),
            ("options", j(json!({"webhook": "https://example.com/hook"}))),
        ]),
    );
}
