//! Transactions (`Transaction`), as `/transactions/sync` and
//! `/transactions/get` return them, and the removals and update status a
//! sync page carries.
//!
//! A transaction is the largest model the API sends in bulk (a full history
//! is hundreds of thousands of them), so it is a plain struct that serde
//! decodes in one pass: no `flatten`, no untagged enums, no intermediate
//! `Value`. Its enrichment (merchant location, payment metadata, category,
//! counterparties) is declared beside it, in `enrichment.rs`.

use serde::{Deserialize, Serialize};

use super::enrichment::{
    BusinessFinanceCategory, ClientCustomization, Counterparty, Location, PaymentMeta,
    PersonalFinanceCategory,
};
use crate::secret::Personal;
use crate::types::{Amount, Date, DateTime};

open_enum! {
    /// How far Plaid's pulls of an Item's transactions have got
    /// (`TransactionsUpdateStatus`), as every `/transactions/sync` page
    /// reports it.
    pub enum TransactionsUpdateStatus {
        /// `TRANSACTIONS_UPDATE_STATUS_UNKNOWN`: Plaid could not tell.
        StatusUnknown => "TRANSACTIONS_UPDATE_STATUS_UNKNOWN",
        /// `NOT_READY`: the first pull has not finished; a sync page then
        /// has no changes and an empty `next_cursor`.
        NotReady => "NOT_READY",
        /// `INITIAL_UPDATE_COMPLETE`: the recent transactions are in, the
        /// historical pull is still running.
        InitialUpdateComplete => "INITIAL_UPDATE_COMPLETE",
        /// `HISTORICAL_UPDATE_COMPLETE`: both pulls are complete.
        HistoricalUpdateComplete => "HISTORICAL_UPDATE_COMPLETE",
    }
}

open_enum! {
    /// Where a payment was made (`payment_channel`).
    pub enum PaymentChannel {
        /// `online`.
        Online => "online",
        /// `in store`: at a physical location.
        InStore => "in store",
        /// `other`: bank-side transactions such as fees and deposits.
        Other => "other",
    }
}

open_enum! {
    /// The deprecated predecessor of [`PaymentChannel`] (`transaction_type`).
    pub enum TransactionType {
        /// `digital`: online.
        Digital => "digital",
        /// `place`: at a physical location.
        Place => "place",
        /// `special`: bank-side, such as fees or deposits.
        Special => "special",
        /// `unresolved`: none of the others.
        Unresolved => "unresolved",
    }
}

open_enum! {
    /// The institution's own code for a transaction (`TransactionCode`;
    /// European institutions only, `null` elsewhere).
    pub enum TransactionCode {
        /// `adjustment`.
        Adjustment => "adjustment",
        /// `atm`.
        Atm => "atm",
        /// `bank charge`.
        BankCharge => "bank charge",
        /// `bill payment`.
        BillPayment => "bill payment",
        /// `cash`.
        Cash => "cash",
        /// `cashback`.
        Cashback => "cashback",
        /// `cheque`.
        Cheque => "cheque",
        /// `direct debit`.
        DirectDebit => "direct debit",
        /// `interest`.
        Interest => "interest",
        /// `payment`.
        Payment => "payment",
        /// `purchase`.
        Purchase => "purchase",
        /// `refund`.
        Refund => "refund",
        /// `standing order`.
        StandingOrder => "standing order",
        /// `transfer`.
        Transfer => "transfer",
    }
}

open_enum! {
    /// Which taxonomy of personal finance categories to use or was used
    /// (`PersonalFinanceCategoryVersion`).
    pub enum PersonalFinanceCategoryVersion {
        /// `v1`.
        V1 => "v1",
        /// `v2`.
        V2 => "v2",
    }
}

/// A transaction (`Transaction`).
///
/// `amount` is positive when money leaves the account (a purchase, a fee)
/// and negative when it comes in (a refund, a deposit), in the currency of
/// `iso_currency_code` (or `unofficial_currency_code`).
///
/// A pending transaction that posts is, for `/transactions/sync`, removed
/// and replaced by a new transaction whose `pending_transaction_id` names
/// the pending one.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Transaction {
    /// The transaction's id, stable across updates (case sensitive).
    pub transaction_id: String,
    /// The account it belongs to.
    pub account_id: String,
    /// The settled value: positive out of the account, negative into it.
    pub amount: Amount,
    /// The ISO 4217 currency code; `None` when `unofficial_currency_code`
    /// is set.
    pub iso_currency_code: Option<String>,
    /// A currency ISO 4217 does not cover (e.g. a cryptocurrency).
    pub unofficial_currency_code: Option<String>,
    /// The date it posted, or, while pending, the date it happened.
    pub date: Date,
    /// The date it was authorised, when the institution says (often the
    /// date the user made the purchase).
    pub authorized_date: Option<Date>,
    /// When it was authorised, for some institutions (may be a midnight
    /// default).
    pub authorized_datetime: Option<DateTime>,
    /// When it posted, for some institutions.
    pub datetime: Option<DateTime>,
    /// Whether it is still pending.
    pub pending: bool,
    /// For a posted transaction, the id of the pending one it replaces.
    #[serde(default)]
    pub pending_transaction_id: Option<String>,
    /// Where the payment was made.
    pub payment_channel: PaymentChannel,
    /// The institution's code for it (European institutions only).
    pub transaction_code: Option<TransactionCode>,
    /// The merchant name or description (legacy; prefer
    /// `merchant_name`).
    #[serde(default)]
    pub name: Option<String>,
    /// The merchant's name, as Plaid cleaned it up, when there is one.
    #[serde(default)]
    pub merchant_name: Option<String>,
    /// The institution's raw description, only when asked for with
    /// `include_original_description`.
    #[serde(default)]
    pub original_description: Option<String>,
    /// Plaid's stable id of the merchant.
    #[serde(default)]
    pub merchant_entity_id: Option<String>,
    /// The merchant category code (ISO 18245), in beta.
    #[serde(default)]
    pub merchant_category_code: Option<String>,
    /// Where it happened (a merchant's address, coordinates and store).
    #[serde(default)]
    pub location: Option<Location>,
    /// Payment details for transfers, checks and ACH.
    #[serde(default)]
    pub payment_meta: Option<PaymentMeta>,
    /// Plaid's category of the spending.
    #[serde(default)]
    pub personal_finance_category: Option<PersonalFinanceCategory>,
    /// The icon of the primary personal finance category.
    #[serde(default)]
    pub personal_finance_category_icon_url: Option<String>,
    /// The category for business accounts. Boxed, like
    /// `client_customization`: both are rare, and a history holds hundreds
    /// of thousands of transactions, so they cost 8 bytes each when absent.
    #[serde(default)]
    pub business_finance_category: Option<Box<BusinessFinanceCategory>>,
    /// The parties to the transaction (merchants, marketplaces, payment
    /// apps…) Plaid recognised in its description.
    #[serde(default)]
    pub counterparties: Vec<Counterparty>,
    /// The merchant's logo (100×100 PNG), when known.
    #[serde(default)]
    pub logo_url: Option<String>,
    /// The merchant's website, when known.
    #[serde(default)]
    pub website: Option<String>,
    /// The check number, for check transactions.
    #[serde(default)]
    pub check_number: Option<String>,
    /// The sub-account owner (a card holder's name or card mask), rarely
    /// set.
    #[serde(default)]
    pub account_owner: Option<Personal<String>>,
    /// The account balance after this transaction, for some institutions'
    /// posted transactions.
    #[serde(default)]
    pub running_balance: Option<Amount>,
    /// Deprecated categories (use `personal_finance_category`).
    #[serde(default)]
    pub category: Option<Vec<String>>,
    /// Deprecated category id (use `personal_finance_category`).
    #[serde(default)]
    pub category_id: Option<String>,
    /// Deprecated (use `payment_channel`).
    #[serde(default)]
    pub transaction_type: Option<TransactionType>,
    /// The client's own customisation of the transaction's merchant.
    #[serde(default)]
    pub client_customization: Option<Box<ClientCustomization>>,
}

/// A transaction removed since the cursor (`RemovedTransaction`): delete
/// it from your store.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RemovedTransaction {
    /// The removed transaction's id.
    pub transaction_id: String,
    /// The account it belonged to.
    pub account_id: String,
}
