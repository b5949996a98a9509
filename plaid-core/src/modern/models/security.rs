//! Securities (`Security`): the stocks, funds, bonds, options and cash
//! positions that holdings and investment transactions refer to by
//! `security_id`.

use serde::{Deserialize, Serialize};

use crate::types::{Amount, Date, DateTime};

open_enum! {
    /// The kind of a security (`Security.type`).
    pub enum SecurityType {
        /// `cash`: cash, currency and money market funds.
        Cash => "cash",
        /// `cryptocurrency`.
        Cryptocurrency => "cryptocurrency",
        /// `derivative`: options, warrants and other derivatives.
        Derivative => "derivative",
        /// `equity`: domestic and foreign equities.
        Equity => "equity",
        /// `etf`: exchange-traded funds.
        Etf => "etf",
        /// `fixed income`: bonds and certificates of deposit.
        FixedIncome => "fixed income",
        /// `loan`: loans and loan receivables.
        Loan => "loan",
        /// `mutual fund`.
        MutualFund => "mutual fund",
        /// `other`.
        Other => "other",
    }
}

open_enum! {
    /// Whether an option is a put or a call (`OptionContract.contract_type`).
    pub enum OptionContractType {
        /// `put`.
        Put => "put",
        /// `call`.
        Call => "call",
    }
}

open_enum! {
    /// How a fixed income security's yield is expressed (`YieldRateType`).
    pub enum YieldRateType {
        /// `coupon`.
        Coupon => "coupon",
        /// `coupon_equivalent`.
        CouponEquivalent => "coupon_equivalent",
        /// `discount`.
        Discount => "discount",
        /// `yield`.
        Yield => "yield",
    }
}

/// A security (`Security`). The identifiers an institution gives vary:
/// any of them may be `None`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Security {
    /// Plaid's id of the security.
    pub security_id: String,
    /// The ISIN.
    pub isin: Option<String>,
    /// The CUSIP.
    pub cusip: Option<String>,
    /// The SEDOL.
    pub sedol: Option<String>,
    /// The FIGI, when known.
    #[serde(default)]
    pub figi: Option<String>,
    /// The institution's own id of the security.
    pub institution_security_id: Option<String>,
    /// The institution that gave `institution_security_id`.
    pub institution_id: Option<String>,
    /// The id of a security that stands in for this one (e.g. a fund's
    /// publicly traded twin).
    pub proxy_security_id: Option<String>,
    /// The security's name.
    pub name: Option<String>,
    /// The ticker symbol.
    pub ticker_symbol: Option<String>,
    /// Whether the institution treats it as cash.
    pub is_cash_equivalent: Option<bool>,
    /// The kind of security.
    #[serde(rename = "type")]
    pub security_type: Option<SecurityType>,
    /// The finer kind (`common stock`, `bond`, `option`…; an open set).
    #[serde(default)]
    pub subtype: Option<String>,
    /// The last close price.
    pub close_price: Option<Amount>,
    /// The date of that price.
    pub close_price_as_of: Option<Date>,
    /// When the price was last updated, for some securities.
    #[serde(default)]
    pub update_datetime: Option<DateTime>,
    /// The ISO 4217 currency code of the price.
    pub iso_currency_code: Option<String>,
    /// A currency ISO 4217 does not cover.
    pub unofficial_currency_code: Option<String>,
    /// The ISO 10383 market identifier code of its exchange.
    pub market_identifier_code: Option<String>,
    /// Its sector (equities).
    pub sector: Option<String>,
    /// Its industry (equities).
    pub industry: Option<String>,
    /// Its ISO 10962 CFI code.
    pub cfi_code: Option<String>,
    /// The contract's terms, for options.
    pub option_contract: Option<OptionContract>,
    /// The terms, for fixed income securities.
    pub fixed_income: Option<FixedIncome>,
}

/// An option's terms (`OptionContract`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct OptionContract {
    /// Put or call.
    pub contract_type: OptionContractType,
    /// When it expires.
    pub expiration_date: Date,
    /// The strike price.
    pub strike_price: Amount,
    /// The ticker of the underlying security.
    pub underlying_security_ticker: String,
}

/// A fixed income security's terms (`FixedIncome`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct FixedIncome {
    /// Its yield, when known.
    pub yield_rate: Option<YieldRate>,
    /// When it matures.
    pub maturity_date: Option<Date>,
    /// When it was issued.
    pub issue_date: Option<Date>,
    /// Its face value.
    pub face_value: Option<Amount>,
}

/// A yield (`YieldRate`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct YieldRate {
    /// The yield, in percent (exact: `4.25` is 4.25%).
    pub percentage: Amount,
    /// How it is expressed.
    #[serde(rename = "type")]
    pub rate_type: Option<YieldRateType>,
}
