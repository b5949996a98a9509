//! Investments: what an account holds (`Holding`, with its tax lots) and
//! what happened in it (`InvestmentTransaction`). The securities both refer
//! to are declared in `security.rs`.
//!
//! Quantities and prices are exact decimals ([`Amount`]): a holding of
//! 0.1 shares at 12.01 must not become 0.10000000000000001 shares.

use serde::{Deserialize, Serialize};

use crate::types::{Amount, Date, DateTime};

open_enum! {
    /// The broad kind of an investment transaction
    /// (`InvestmentTransactionType`).
    pub enum InvestmentTransactionType {
        /// `buy`: buying an investment.
        Buy => "buy",
        /// `sell`: selling an investment.
        Sell => "sell",
        /// `cancel`: cancelling a pending transaction.
        Cancel => "cancel",
        /// `cash`: activity that changes a cash position.
        Cash => "cash",
        /// `fee`: a fee on the account.
        Fee => "fee",
        /// `transfer`: a change of position other than a buy or a sell
        /// (an option exercised, a portfolio transferred).
        Transfer => "transfer",
    }
}

open_enum! {
    /// The finer kind of an investment transaction
    /// (`InvestmentTransactionSubtype`), generated from the spec's list.
    pub enum InvestmentTransactionSubtype {
        /// `account fee`.
        AccountFee => "account fee",
        /// `adjustment`.
        Adjustment => "adjustment",
        /// `assignment`.
        Assignment => "assignment",
        /// `buy`.
        Buy => "buy",
        /// `buy to cover`.
        BuyToCover => "buy to cover",
        /// `contribution`.
        Contribution => "contribution",
        /// `deposit`.
        Deposit => "deposit",
        /// `distribution`.
        Distribution => "distribution",
        /// `dividend`.
        Dividend => "dividend",
        /// `dividend reinvestment`.
        DividendReinvestment => "dividend reinvestment",
        /// `exercise`.
        Exercise => "exercise",
        /// `expire`.
        Expire => "expire",
        /// `fund fee`.
        FundFee => "fund fee",
        /// `interest`.
        Interest => "interest",
        /// `interest receivable`.
        InterestReceivable => "interest receivable",
        /// `interest reinvestment`.
        InterestReinvestment => "interest reinvestment",
        /// `legal fee`.
        LegalFee => "legal fee",
        /// `loan payment`.
        LoanPayment => "loan payment",
        /// `long-term capital gain`.
        LongTermCapitalGain => "long-term capital gain",
        /// `long-term capital gain reinvestment`.
        LongTermCapitalGainReinvestment => "long-term capital gain reinvestment",
        /// `management fee`.
        ManagementFee => "management fee",
        /// `margin expense`.
        MarginExpense => "margin expense",
        /// `merger`.
        Merger => "merger",
        /// `miscellaneous fee`.
        MiscellaneousFee => "miscellaneous fee",
        /// `non-qualified dividend`.
        NonQualifiedDividend => "non-qualified dividend",
        /// `non-resident tax`.
        NonResidentTax => "non-resident tax",
        /// `pending credit`.
        PendingCredit => "pending credit",
        /// `pending debit`.
        PendingDebit => "pending debit",
        /// `qualified dividend`.
        QualifiedDividend => "qualified dividend",
        /// `rebalance`.
        Rebalance => "rebalance",
        /// `return of principal`.
        ReturnOfPrincipal => "return of principal",
        /// `request`.
        Request => "request",
        /// `sell`.
        Sell => "sell",
        /// `sell short`.
        SellShort => "sell short",
        /// `send`.
        Send => "send",
        /// `short-term capital gain`.
        ShortTermCapitalGain => "short-term capital gain",
        /// `short-term capital gain reinvestment`.
        ShortTermCapitalGainReinvestment => "short-term capital gain reinvestment",
        /// `spin off`.
        SpinOff => "spin off",
        /// `split`.
        Split => "split",
        /// `stock distribution`.
        StockDistribution => "stock distribution",
        /// `tax`.
        Tax => "tax",
        /// `tax withheld`.
        TaxWithheld => "tax withheld",
        /// `trade`.
        Trade => "trade",
        /// `transfer`.
        Transfer => "transfer",
        /// `transfer fee`.
        TransferFee => "transfer fee",
        /// `trust fee`.
        TrustFee => "trust fee",
        /// `unqualified gain`.
        UnqualifiedGain => "unqualified gain",
        /// `withdrawal`.
        Withdrawal => "withdrawal",
    }
}

open_enum! {
    /// Whether a tax lot is a long or a short position
    /// (`HoldingTaxLotPositionType`).
    pub enum PositionType {
        /// `LONG`.
        Long => "LONG",
        /// `SHORT`.
        Short => "SHORT",
    }
}

/// A position in one security in one account (`Holding`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Holding {
    /// The account holding it.
    pub account_id: String,
    /// The security held (see the response's `securities`).
    pub security_id: String,
    /// The last price the institution gave.
    pub institution_price: Amount,
    /// The date of that price.
    #[serde(default)]
    pub institution_price_as_of: Option<Date>,
    /// The date and time of that price, when known.
    #[serde(default)]
    pub institution_price_datetime: Option<DateTime>,
    /// The value of the holding, as the institution gives it.
    pub institution_value: Amount,
    /// What was paid for the holding in total, when known.
    pub cost_basis: Option<Amount>,
    /// The quantity held (options: contracts × 100).
    pub quantity: Amount,
    /// The ISO 4217 currency code.
    pub iso_currency_code: Option<String>,
    /// A currency ISO 4217 does not cover.
    pub unofficial_currency_code: Option<String>,
    /// The vested quantity, for stock plans.
    #[serde(default)]
    pub vested_quantity: Option<Amount>,
    /// The value of the vested quantity.
    #[serde(default)]
    pub vested_value: Option<Amount>,
    /// The holding's tax lots, where the institution gives them.
    #[serde(default)]
    pub tax_lots: Vec<HoldingTaxLot>,
}

/// One lot of a holding, bought at one time and price (`HoldingTaxLot`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct HoldingTaxLot {
    /// The institution's id of the lot.
    pub institution_lot_id: Option<String>,
    /// When the lot was bought.
    pub original_purchase_datetime: Option<DateTime>,
    /// The quantity in the lot.
    pub quantity: Option<Amount>,
    /// The price paid per unit.
    pub purchase_price: Option<Amount>,
    /// What was paid for the lot in total.
    #[serde(default)]
    pub cost_basis: Option<Amount>,
    /// The lot's value now.
    pub current_value: Option<Amount>,
    /// Whether it is a long or a short position.
    pub position_type: Option<PositionType>,
}

/// A transaction in an investment account (`InvestmentTransaction`).
///
/// `amount` is positive when cash leaves the account (a purchase),
/// negative when it comes in (a sale); `quantity` is positive for a buy,
/// negative for a sell.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct InvestmentTransaction {
    /// The transaction's id.
    pub investment_transaction_id: String,
    /// The id of the transaction this one cancels, for cancellations.
    #[serde(default)]
    pub cancel_transaction_id: Option<String>,
    /// The account it happened in.
    pub account_id: String,
    /// The security involved, for trades.
    pub security_id: Option<String>,
    /// The date it happened.
    pub date: Date,
    /// When it happened, for some institutions.
    #[serde(default)]
    pub transaction_datetime: Option<DateTime>,
    /// The institution's description.
    pub name: String,
    /// The units of the security: positive bought, negative sold.
    pub quantity: Amount,
    /// The value: positive when cash leaves the account.
    pub amount: Amount,
    /// The price per unit.
    pub price: Amount,
    /// The fees, when known.
    pub fees: Option<Amount>,
    /// The broad kind.
    #[serde(rename = "type")]
    pub transaction_type: InvestmentTransactionType,
    /// The finer kind.
    pub subtype: InvestmentTransactionSubtype,
    /// The ISO 4217 currency code.
    pub iso_currency_code: Option<String>,
    /// A currency ISO 4217 does not cover.
    pub unofficial_currency_code: Option<String>,
}
