//! Request snapshots of the legacy endpoints: every descriptor and option,
//! built offline and compared field by field (JSON-in-form fields compared
//! as JSON). One file per product area; the helpers here build the login,
//! dates and expected fields they share (the clients are in `support`).

mod item_calls;
mod options;
mod products;
mod public;
mod python_wire;
mod validation;

use crate::form::{V, keys, t};
use plaid_core::legacy::Login;
use plaid_core::legacy::models::Date;

fn login() -> Login {
    Login::new("plaid_test", "plaid_good")
}

fn date(year: u16, month: u8, day: u8) -> Date {
    Date::new(year, month, day).unwrap()
}

/// `keys`, `access_token=test_bofa` and `extra`.
fn item_fields(extra: &[(&'static str, V)]) -> Vec<(&'static str, V)> {
    let mut all = client_fields(&[("access_token", t("test_bofa"))]);
    all.extend(extra.iter().cloned());
    all
}

/// `keys` and `extra`.
fn client_fields(extra: &[(&'static str, V)]) -> Vec<(&'static str, V)> {
    let mut all: Vec<(&str, V)> = keys().to_vec();
    all.extend(extra.iter().cloned());
    all
}
