//! The per-account Risk payload (real data: plaid/plaid-ruby-legacy `test/fixtures/risk_add.json`,
//! where every account carries the same object).

use serde_json::{Value, json};

/// The `risk` object of one account.
pub(crate) fn risk() -> Value {
    json!({
        "score": 0.79,
        "reason": {
            "zero_count": 0.38,
            "ratio_low_average": 0.75,
            "high_risk_class_txns": 0.73,
            "bank_transfers": 0.4,
            "benfords_law": 0.65,
            "transaction_amounts": 0.78,
            "additional_risk_class_txns": 0.94,
            "foreign_fees": 0.96,
            "fraction_bank_fees": 0.64
        }
    })
}
