//! [`Amount`]: money as the API sends it.
//!
//! JSON numbers reach us as IEEE-754 binary64 (that is what `serde_json`
//! and every other JSON stack produce), and the legacy API sends amounts with
//! at most two decimals and far fewer than 15 significant digits. A binary64
//! holds every such decimal so that the shortest representation printing it
//! back is exactly the decimal the server sent: no precision is lost, and
//! `Display` prints `1203.42` for `1203.42`. `f32` would lose cents above
//! ~100,000 and is never used.
//!
//! For arithmetic, take [`Amount::to_minor_units`] (whole cents as `i64`),
//! which rounds to the nearest cent and so is exact for every amount the API
//! sends.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A money amount in the account's currency (USD for the legacy API).
/// For transactions, positive means money left the account.
#[derive(Clone, Copy, PartialEq, PartialOrd, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Amount(f64);

impl Amount {
    /// An amount from its value.
    pub const fn new(value: f64) -> Self {
        Amount(value)
    }

    /// The amount as an `f64`.
    pub const fn as_f64(self) -> f64 {
        self.0
    }

    /// The amount in whole minor units (cents), rounded to the nearest;
    /// `None` if it is not finite or does not fit an `i64`.
    pub fn to_minor_units(self) -> Option<i64> {
        let cents = (self.0 * 100.0).round();
        // i64::MAX as f64 rounds up to 2^63, so compare strictly below it;
        // i64::MIN is exactly -2^63; NaN fails the range test.
        if (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&cents) {
            #[allow(clippy::cast_possible_truncation)]
            Some(cents as i64)
        } else {
            None
        }
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl fmt::Debug for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl From<f64> for Amount {
    fn from(value: f64) -> Self {
        Amount(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_survive_the_round_trip() {
        for text in [
            "1203.42",
            "-3042.44",
            "0.93",
            "12500",
            "7255.23",
            "99999999999.99",
        ] {
            let amount: Amount = serde_json::from_str(text).unwrap();
            let printed = amount.to_string();
            assert_eq!(printed.trim_end_matches(".0"), text, "{text}");
        }
    }

    #[test]
    fn minor_units_are_exact_cents() {
        let amount: Amount = serde_json::from_str("2307.15").unwrap();
        assert_eq!(amount.to_minor_units(), Some(230_715));
        let amount: Amount = serde_json::from_str("-0.93").unwrap();
        assert_eq!(amount.to_minor_units(), Some(-93));
        assert_eq!(Amount::new(f64::NAN).to_minor_units(), None);
        assert_eq!(Amount::new(1e300).to_minor_units(), None);
    }
}
