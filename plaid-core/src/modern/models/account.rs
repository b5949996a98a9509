//! Accounts (`AccountBase`), as every product response lists them, and
//! their balances.
//!
//! The spec builds its richer account shapes (`AccountIdentity`, …) as
//! `AccountBase` plus fields. `account_with!` declares such a struct with
//! every `AccountBase` field written once here: serde's `flatten` would
//! buffer the balances as `f64`, which `Amount` refuses rather than round.

use serde::{Deserialize, Serialize};

use crate::types::{Amount, DateTime};

open_enum! {
    /// The broad type of an account (`AccountType`).
    pub enum AccountType {
        /// `investment`: an investment or brokerage account.
        Investment => "investment",
        /// `credit`: a credit card or line of credit.
        Credit => "credit",
        /// `depository`: checking, savings and the like.
        Depository => "depository",
        /// `loan`: a loan or mortgage.
        Loan => "loan",
        /// `brokerage`: an older name for `investment`, still sent.
        Brokerage => "brokerage",
        /// `other`.
        Other => "other",
    }
}

open_enum! {
    /// The finer type of an account (`AccountSubtype`), generated from the
    /// spec's list. The values contain spaces (`credit card`); the ones that
    /// start with a digit are named `Plan…` (`401k` is `Plan401k`).
    pub enum AccountSubtype {
        /// `401a`.
        Plan401a => "401a",
        /// `401k`.
        Plan401k => "401k",
        /// `403B`.
        Plan403b => "403B",
        /// `457b`.
        Plan457b => "457b",
        /// `529`.
        Plan529 => "529",
        /// `auto`.
        Auto => "auto",
        /// `brokerage`.
        Brokerage => "brokerage",
        /// `business`.
        Business => "business",
        /// `cash isa`.
        CashIsa => "cash isa",
        /// `cash management`.
        CashManagement => "cash management",
        /// `cd`.
        Cd => "cd",
        /// `checking`.
        Checking => "checking",
        /// `commercial`.
        Commercial => "commercial",
        /// `construction`.
        Construction => "construction",
        /// `consumer`.
        Consumer => "consumer",
        /// `credit card`.
        CreditCard => "credit card",
        /// `crypto exchange`.
        CryptoExchange => "crypto exchange",
        /// `ebt`.
        Ebt => "ebt",
        /// `education savings account`.
        EducationSavingsAccount => "education savings account",
        /// `fhsa`.
        Fhsa => "fhsa",
        /// `fixed annuity`.
        FixedAnnuity => "fixed annuity",
        /// `gic`.
        Gic => "gic",
        /// `health reimbursement arrangement`.
        HealthReimbursementArrangement => "health reimbursement arrangement",
        /// `home equity`.
        HomeEquity => "home equity",
        /// `hsa`.
        Hsa => "hsa",
        /// `isa`.
        Isa => "isa",
        /// `ira`.
        Ira => "ira",
        /// `keogh`.
        Keogh => "keogh",
        /// `lif`.
        Lif => "lif",
        /// `life insurance`.
        LifeInsurance => "life insurance",
        /// `limited purpose checking`.
        LimitedPurposeChecking => "limited purpose checking",
        /// `line of credit`.
        LineOfCredit => "line of credit",
        /// `lira`.
        Lira => "lira",
        /// `loan`.
        Loan => "loan",
        /// `lrif`.
        Lrif => "lrif",
        /// `lrsp`.
        Lrsp => "lrsp",
        /// `money market`.
        MoneyMarket => "money market",
        /// `mortgage`.
        Mortgage => "mortgage",
        /// `mutual fund`.
        MutualFund => "mutual fund",
        /// `non-custodial wallet`.
        NonCustodialWallet => "non-custodial wallet",
        /// `non-taxable brokerage account`.
        NonTaxableBrokerageAccount => "non-taxable brokerage account",
        /// `other`.
        Other => "other",
        /// `other insurance`.
        OtherInsurance => "other insurance",
        /// `other annuity`.
        OtherAnnuity => "other annuity",
        /// `overdraft`.
        Overdraft => "overdraft",
        /// `paypal`.
        Paypal => "paypal",
        /// `payroll`.
        Payroll => "payroll",
        /// `pension`.
        Pension => "pension",
        /// `prepaid`.
        Prepaid => "prepaid",
        /// `prif`.
        Prif => "prif",
        /// `profit sharing plan`.
        ProfitSharingPlan => "profit sharing plan",
        /// `qshr`.
        Qshr => "qshr",
        /// `rdsp`.
        Rdsp => "rdsp",
        /// `resp`.
        Resp => "resp",
        /// `retirement`.
        Retirement => "retirement",
        /// `rlif`.
        Rlif => "rlif",
        /// `roth`.
        Roth => "roth",
        /// `roth 401k`.
        Roth401k => "roth 401k",
        /// `roth 403B`.
        Roth403b => "roth 403B",
        /// `roth 457b`.
        Roth457b => "roth 457b",
        /// `roth pension`.
        RothPension => "roth pension",
        /// `roth profit sharing plan`.
        RothProfitSharingPlan => "roth profit sharing plan",
        /// `roth thrift savings plan`.
        RothThriftSavingsPlan => "roth thrift savings plan",
        /// `rrif`.
        Rrif => "rrif",
        /// `rrsp`.
        Rrsp => "rrsp",
        /// `sarsep`.
        Sarsep => "sarsep",
        /// `savings`.
        Savings => "savings",
        /// `sep ira`.
        SepIra => "sep ira",
        /// `simple ira`.
        SimpleIra => "simple ira",
        /// `sipp`.
        Sipp => "sipp",
        /// `stock plan`.
        StockPlan => "stock plan",
        /// `student`.
        Student => "student",
        /// `thrift savings plan`.
        ThriftSavingsPlan => "thrift savings plan",
        /// `tfsa`.
        Tfsa => "tfsa",
        /// `trust`.
        Trust => "trust",
        /// `ugma`.
        Ugma => "ugma",
        /// `utma`.
        Utma => "utma",
        /// `variable annuity`.
        VariableAnnuity => "variable annuity",
    }
}

open_enum! {
    /// Where an account stands in Auth's verification
    /// (`verification_status`), for accounts added by micro-deposits or a
    /// database match.
    pub enum AccountVerificationStatus {
        /// `automatically_verified`.
        AutomaticallyVerified => "automatically_verified",
        /// `pending_automatic_verification`.
        PendingAutomaticVerification => "pending_automatic_verification",
        /// `pending_manual_verification`.
        PendingManualVerification => "pending_manual_verification",
        /// `unsent`.
        Unsent => "unsent",
        /// `manually_verified`.
        ManuallyVerified => "manually_verified",
        /// `verification_expired`.
        VerificationExpired => "verification_expired",
        /// `verification_failed`.
        VerificationFailed => "verification_failed",
        /// `database_matched`.
        DatabaseMatched => "database_matched",
        /// `database_insights_pass`.
        DatabaseInsightsPass => "database_insights_pass",
        /// `database_insights_pass_with_caution`.
        DatabaseInsightsPassWithCaution => "database_insights_pass_with_caution",
        /// `database_insights_fail`.
        DatabaseInsightsFail => "database_insights_fail",
    }
}

open_enum! {
    /// Whether an account is a business's or a person's
    /// (`AccountHolderCategory`).
    pub enum AccountHolderCategory {
        /// `business`.
        Business => "business",
        /// `personal`.
        Personal => "personal",
        /// `unrecognized`.
        Unrecognized => "unrecognized",
    }
}

open_enum! {
    /// Whether an account number looks valid for its routing number
    /// (`AccountVerificationInsightsAccountNumberFormat`).
    pub enum AccountNumberFormat {
        /// `valid`.
        Valid => "valid",
        /// `invalid`.
        Invalid => "invalid",
        /// `unknown`: Plaid could not tell (named so to stay apart from
        /// `Unknown`, a value this version does not know).
        Undetermined => "unknown",
    }
}

/// An account's balances (`AccountBalance`). Exactly one of the two currency
/// codes is set.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AccountBalance {
    /// What can be spent or withdrawn now; `None` when the institution does
    /// not say (often for credit and investment accounts).
    pub available: Option<Amount>,
    /// The balance: money held (depository), owed (credit, loan), or the
    /// value held (investment).
    pub current: Option<Amount>,
    /// The credit limit (credit) or overdraft limit (depository), when known.
    pub limit: Option<Amount>,
    /// The ISO 4217 currency code.
    pub iso_currency_code: Option<String>,
    /// A currency ISO 4217 does not cover (e.g. a cryptocurrency).
    pub unofficial_currency_code: Option<String>,
    /// When the balance was last refreshed (some institutions only).
    #[serde(default)]
    pub last_updated_datetime: Option<DateTime>,
    /// The margin loan balance, for investment accounts
    /// (`InvestmentAccountBalance`, in the investments responses; absent
    /// elsewhere).
    #[serde(default)]
    pub margin_loan_amount: Option<Amount>,
}

/// What a database verification found about an account
/// (`AccountVerificationInsights`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AccountVerificationInsights {
    /// How well the name given matched the account holder's (0–100).
    #[serde(default)]
    pub name_match_score: Option<i64>,
    /// What Plaid's network knows of the account numbers.
    pub network_status: NetworkStatus,
    /// Whether payments to the account were returned before.
    #[serde(default)]
    pub previous_returns: Option<PreviousReturns>,
    /// Whether the account number looks valid.
    pub account_number_format: AccountNumberFormat,
}

/// What Plaid's network knows of an account's numbers
/// (`AccountVerificationInsightsNetworkStatus`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct NetworkStatus {
    /// Whether the network has seen these numbers.
    pub has_numbers_match: bool,
    /// Whether it verified them.
    pub is_numbers_match_verified: bool,
}

/// Earlier returned payments (`AccountVerificationInsightsPreviousReturns`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PreviousReturns {
    /// Whether an administrative return was seen.
    pub has_previous_administrative_return: bool,
}

/// Declares a struct with every `AccountBase` field followed by the given
/// ones, with the models' usual derives.
macro_rules! account_with {
    (
        $(#[$meta:meta])*
        pub struct $name:ident {
            $( $(#[$field_meta:meta])* pub $field:ident: $type:ty, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, ::serde::Serialize, ::serde::Deserialize)]
        #[non_exhaustive]
        pub struct $name {
            /// The account's id. It changes if the user re-links the
            /// institution; see `persistent_account_id`.
            pub account_id: String,
            /// The balances.
            pub balances: $crate::modern::models::AccountBalance,
            /// The last two to four characters of the account number.
            pub mask: Option<String>,
            /// The name the user or institution gave the account.
            pub name: String,
            /// The institution's name for the account product.
            pub official_name: Option<String>,
            /// The broad type.
            #[serde(rename = "type")]
            pub account_type: $crate::modern::models::AccountType,
            /// The finer type, when the institution says it.
            pub subtype: Option<$crate::modern::models::AccountSubtype>,
            /// Auth's verification state, for accounts verified by
            /// micro-deposits or a database match.
            #[serde(default)]
            pub verification_status: Option<$crate::modern::models::AccountVerificationStatus>,
            /// The account holder's name given for that verification.
            #[serde(default)]
            pub verification_name: Option<$crate::secret::Personal<String>>,
            /// What a database verification found.
            #[serde(default)]
            pub verification_insights: Option<$crate::modern::models::AccountVerificationInsights>,
            /// An id that survives re-linking (some institutions only).
            #[serde(default)]
            pub persistent_account_id: Option<String>,
            /// Whether the account is a business's or a person's.
            #[serde(default)]
            pub holder_category: Option<$crate::modern::models::AccountHolderCategory>,
            $( $(#[$field_meta])* pub $field: $type, )*
        }
    };
}

pub(crate) use account_with;

account_with! {
    /// An account (`AccountBase`), as `/accounts/get` and every product
    /// call list them.
    #[doc(alias = "AccountBase")]
    pub struct Account {}
}
