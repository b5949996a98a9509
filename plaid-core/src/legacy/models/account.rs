//! Accounts, as every product response lists them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::money::Amount;
use crate::secret::BankNumber;

open_enum! {
    /// The broad type of an account.
    pub enum AccountType {
        /// Checking, savings and the like.
        Depository => "depository",
        /// Credit cards.
        Credit => "credit",
        /// Loans.
        Loan => "loan",
        /// Mortgages.
        Mortgage => "mortgage",
        /// Investment accounts.
        Brokerage => "brokerage",
        /// Anything else.
        Other => "other",
    }
}

open_enum! {
    /// The finer type of an account, when the institution says it.
    pub enum AccountSubtype {
        /// A checking account.
        Checking => "checking",
        /// A savings account.
        Savings => "savings",
        /// A certificate of deposit.
        Cd => "cd",
        /// A money market account.
        MoneyMarket => "money market",
        /// A prepaid card.
        Prepaid => "prepaid",
        /// A credit card.
        CreditCard => "credit card",
        /// A line of credit.
        LineOfCredit => "line of credit",
    }
}

/// An account at the institution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Account {
    /// The account id (`_id`), used by transaction filters and exchanges.
    #[serde(rename = "_id")]
    pub id: String,
    /// The item the account belongs to (`_item`).
    #[serde(rename = "_item", default)]
    pub item: Option<String>,
    /// The user the account belongs to (`_user`).
    #[serde(rename = "_user", default)]
    pub user: Option<String>,
    /// Balances.
    pub balance: Balance,
    /// The institution type (`"fake_institution"` in the sandbox).
    #[serde(default)]
    pub institution_type: Option<String>,
    /// Name, masked number and, for credit, the limit.
    #[serde(default)]
    pub meta: AccountMeta,
    /// Account and routing numbers: present for Auth only, and `{}` (all
    /// `None`) for credit accounts.
    #[serde(default)]
    pub numbers: Option<AccountNumbers>,
    /// The broad type.
    #[serde(rename = "type")]
    pub account_type: AccountType,
    /// The finer type; absent on credit accounts.
    #[serde(default)]
    pub subtype: Option<AccountSubtype>,
    /// The risk assessment: present for Risk only.
    #[serde(default)]
    pub risk: Option<AccountRisk>,
}

/// An account's balances.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Balance {
    /// The available balance; `None` when the institution does not give one.
    #[serde(default)]
    pub available: Option<Amount>,
    /// The current balance.
    #[serde(default)]
    pub current: Option<Amount>,
}

/// Descriptive data about an account.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AccountMeta {
    /// The account's name at the institution.
    #[serde(default)]
    pub name: Option<String>,
    /// The last digits of the account number.
    #[serde(default)]
    pub number: Option<String>,
    /// The credit limit, for credit accounts.
    #[serde(default)]
    pub limit: Option<Amount>,
    /// The official name, when the institution gives one.
    #[serde(default)]
    pub official_name: Option<String>,
}

/// Account and routing numbers (Auth). Every field is optional: credit
/// accounts have none. `Debug` shows only their last four characters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AccountNumbers {
    /// The ACH routing number.
    #[serde(default)]
    pub routing: Option<BankNumber>,
    /// The full account number.
    #[serde(default)]
    pub account: Option<BankNumber>,
    /// The wire routing number (`wireRouting`).
    #[serde(rename = "wireRouting", default)]
    pub wire_routing: Option<BankNumber>,
}

/// The Risk product's assessment of an account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AccountRisk {
    /// The overall score, 0 (safe) to 1 (risky).
    pub score: f64,
    /// The score of each factor, by name (`benfords_law`, `foreign_fees`, …).
    #[serde(default)]
    pub reason: BTreeMap<String, f64>,
}
