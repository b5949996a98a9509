//! What the sandbox serves: the ids, counts and messages the tests expect,
//! and the inputs they send, named once so that a test reads as a
//! specification rather than a list of magic strings.

use plaid_core::legacy::Login;
use plaid_core::legacy::models::Date;

/// The id of Bank of America in the sandbox.
pub const BOFA_ID: &str = "5301a93ac140de84910000e0";

/// Food and Drink > Restaurants > Coffee Shop.
pub const COFFEE_SHOP_ID: &str = "13005043";

/// The number of core institutions the sandbox lists.
pub const SANDBOX_INSTITUTIONS: usize = 14;

/// The sandbox security question.
pub const QUESTION: &str = "You say tomato, I say...?";

/// The four sandbox account ids, in the order every product lists them
/// (savings, checking, premier checking, credit card).
pub const ACCOUNT_IDS: [&str; 4] = [
    "QPO8Jo8vdDHMepg41PBwckXm4KdK1yUdmXOwK",
    "nban4wnPKEtnmEpaKzbYFYQvA7D7pnCaeDBMy",
    "XARE85EJqKsjxLp6XR8ocg8VakrkXpTXmRdOo",
    "pJPM4LMBNQFrOwp0jqEyTwyxJQrQbgU6kq37k",
];

/// The sandbox checking account ("Plaid Checking", a depository account).
pub const CHECKING_ID: &str = "nban4wnPKEtnmEpaKzbYFYQvA7D7pnCaeDBMy";

/// The sandbox credit card account (the only non-depository one).
pub const CREDIT_ID: &str = "pJPM4LMBNQFrOwp0jqEyTwyxJQrQbgU6kq37k";

/// How many posted transactions the sandbox returns.
pub const POSTED_TRANSACTIONS: usize = 16;

/// The id of the one pending transaction `pending: true` adds.
pub const PENDING_ID: &str = "pEnD1nGtXn5Q7bWk3rM0aZsYdVo8LhJcUf2eR4";

/// The message of a successful delete.
pub const REMOVED: &str = "Successfully removed from your account";

/// The sandbox's standard login, `plaid_test` / `plaid_good`.
pub fn good_login() -> Login {
    Login::new("plaid_test", "plaid_good")
}

/// A date the test spells out.
///
/// # Panics
///
/// If `text` is not a valid `YYYY-MM-DD` date.
pub fn date(text: &str) -> Date {
    match Date::parse(text) {
        Some(date) => date,
        None => panic!("invalid date {text:?}"),
    }
}
