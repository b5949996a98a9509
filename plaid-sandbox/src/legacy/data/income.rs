//! The Income payload (real data: plaid/plaid-ruby-legacy `test/fixtures/income_add.json`).

use serde_json::{Value, json};

/// The `income` object.
pub(crate) fn income() -> Value {
    json!({
        "income_streams": [
            { "monthly_income": 5250, "confidence": 1.0, "days": 284, "name": "PLAID" },
            { "monthly_income": 2400, "confidence": 0.95, "days": 415, "name": "BAGUETTES INC" }
        ],
        "last_year_income": 56000,
        "last_year_income_before_tax": 87500,
        "projected_yearly_income": 63000,
        "projected_yearly_income_before_tax": 97520,
        "max_number_of_overlapping_income_streams": 1,
        "number_of_income_streams": 2
    })
}
