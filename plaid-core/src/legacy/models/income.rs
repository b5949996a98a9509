//! Income (Income).

use serde::{Deserialize, Serialize};

use super::money::Amount;

/// The Income product's view of the user's earnings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Income {
    /// Each recurring source of income.
    #[serde(default)]
    pub income_streams: Vec<IncomeStream>,
    /// Income over the last year, after tax.
    #[serde(default)]
    pub last_year_income: Option<Amount>,
    /// Income over the last year, before tax.
    #[serde(default)]
    pub last_year_income_before_tax: Option<Amount>,
    /// Projected yearly income, after tax.
    #[serde(default)]
    pub projected_yearly_income: Option<Amount>,
    /// Projected yearly income, before tax.
    #[serde(default)]
    pub projected_yearly_income_before_tax: Option<Amount>,
    /// The most income streams active at once.
    #[serde(default)]
    pub max_number_of_overlapping_income_streams: Option<u32>,
    /// The number of income streams.
    #[serde(default)]
    pub number_of_income_streams: Option<u32>,
}

/// One recurring source of income.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct IncomeStream {
    /// The payer's name.
    pub name: String,
    /// Monthly income from this stream.
    pub monthly_income: Amount,
    /// Confidence, 0 to 1.
    #[serde(default)]
    pub confidence: Option<f64>,
    /// Days of history seen for this stream.
    #[serde(default)]
    pub days: Option<u32>,
}
