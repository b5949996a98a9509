//! The bodies of product responses.

use serde::Deserialize;

use super::account::Account;
use super::income::Income;
use super::info::Info;
use super::institution::Institution;
use super::transaction::Transaction;
use crate::secret::{AccessToken, BankAccountToken};

/// Responses that carry the item's access token.
pub trait HasAccessToken {
    /// The access token.
    fn access_token(&self) -> &AccessToken;
}

macro_rules! item_response {
    ($(#[$meta:meta])* $name:ident { $( $(#[$fmeta:meta])* $field:ident : $ty:ty, )* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Deserialize)]
        #[non_exhaustive]
        pub struct $name {
            /// The item's accounts.
            pub accounts: Vec<Account>,
            $( $(#[$fmeta])* pub $field: $ty, )*
            /// The item's access token.
            pub access_token: AccessToken,
        }

        impl HasAccessToken for $name {
            fn access_token(&self) -> &AccessToken {
                &self.access_token
            }
        }
    };
}

item_response! {
    /// Connect: accounts and transactions.
    ConnectResponse {
        /// The transactions; `None` when the add used `login_only`.
        #[serde(default)]
        transactions: Option<Vec<Transaction>>,
    }
}

item_response! {
    /// Auth: accounts with their numbers.
    AuthResponse {}
}

item_response! {
    /// Info: accounts and identity information.
    InfoResponse {
        /// The identity information.
        info: Info,
    }
}

item_response! {
    /// Income: accounts and income.
    IncomeResponse {
        /// The income data.
        income: Income,
    }
}

item_response! {
    /// Risk: accounts, each with its risk assessment.
    RiskResponse {}
}

item_response! {
    /// Balance: accounts with live balances.
    BalanceResponse {}
}

item_response! {
    /// Upgrade: accounts plus the new product's data.
    UpgradeResponse {
        /// Transactions, after an upgrade to connect.
        #[serde(default)]
        transactions: Option<Vec<Transaction>>,
        /// Identity information, after an upgrade to info.
        #[serde(default)]
        info: Option<Info>,
        /// Income, after an upgrade to income.
        #[serde(default)]
        income: Option<Income>,
    }
}

/// The answer to a delete.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct DeleteResponse {
    /// E.g. `"Successfully removed from your account"`.
    pub message: String,
}

/// The answer to a public-token exchange.
#[derive(Debug, Clone, Deserialize)]
#[non_exhaustive]
pub struct ExchangeResponse {
    /// The item's access token.
    pub access_token: AccessToken,
    /// The Stripe bank account token, when an `account_id` was given.
    #[serde(default)]
    pub stripe_bank_account_token: Option<BankAccountToken>,
    /// The account the bank account token is for.
    #[serde(default)]
    pub account_id: Option<String>,
}

impl HasAccessToken for ExchangeResponse {
    fn access_token(&self) -> &AccessToken {
        &self.access_token
    }
}

/// One page of `/institutions/all`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct InstitutionsPage {
    /// How many institutions match in all.
    pub total_count: u64,
    /// This page's institutions.
    pub results: Vec<Institution>,
}
