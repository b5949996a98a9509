//! Liabilities (`LiabilitiesObject`): credit cards, mortgages and student
//! loans, as `/liabilities/get` returns them.
//!
//! Account numbers and payment references are [`BankNumber`]s. A
//! mortgage's property address is where the user lives or owns a home, so
//! it is [`Personal`]; a student loan servicer's address is a company's,
//! printed on every statement, and stays plain.

use serde::{Deserialize, Serialize};

use crate::secret::{BankNumber, Personal};
use crate::types::{Amount, Date};

open_enum! {
    /// What a credit card APR applies to (`APR.apr_type`).
    pub enum AprType {
        /// `balance_transfer_apr`.
        BalanceTransferApr => "balance_transfer_apr",
        /// `cash_apr`.
        CashApr => "cash_apr",
        /// `purchase_apr`.
        PurchaseApr => "purchase_apr",
        /// `special`.
        Special => "special",
    }
}

open_enum! {
    /// A student loan's status (`StudentLoanStatus.type`).
    pub enum StudentLoanStatusType {
        /// `cancelled`.
        Cancelled => "cancelled",
        /// `charged off`.
        ChargedOff => "charged off",
        /// `claim`.
        Claim => "claim",
        /// `consolidated`.
        Consolidated => "consolidated",
        /// `deferment`.
        Deferment => "deferment",
        /// `delinquent`.
        Delinquent => "delinquent",
        /// `discharged`.
        Discharged => "discharged",
        /// `extension`.
        Extension => "extension",
        /// `forbearance`.
        Forbearance => "forbearance",
        /// `in grace`.
        InGrace => "in grace",
        /// `in military`.
        InMilitary => "in military",
        /// `in school`.
        InSchool => "in school",
        /// `not fully disbursed`.
        NotFullyDisbursed => "not fully disbursed",
        /// `other`.
        Other => "other",
        /// `paid in full`.
        PaidInFull => "paid in full",
        /// `refunded`.
        Refunded => "refunded",
        /// `repayment`.
        Repayment => "repayment",
        /// `transferred`.
        Transferred => "transferred",
        /// `pending idr`.
        PendingIdr => "pending idr",
    }
}

open_enum! {
    /// A student loan's repayment plan (`StudentRepaymentPlan.type`).
    pub enum StudentRepaymentPlanType {
        /// `extended graduated`.
        ExtendedGraduated => "extended graduated",
        /// `extended standard`.
        ExtendedStandard => "extended standard",
        /// `graduated`.
        Graduated => "graduated",
        /// `income-contingent repayment`.
        IncomeContingentRepayment => "income-contingent repayment",
        /// `income-based repayment`.
        IncomeBasedRepayment => "income-based repayment",
        /// `income-sensitive repayment`.
        IncomeSensitiveRepayment => "income-sensitive repayment",
        /// `interest-only`.
        InterestOnly => "interest-only",
        /// `other`.
        Other => "other",
        /// `pay as you earn`.
        PayAsYouEarn => "pay as you earn",
        /// `revised pay as you earn`.
        RevisedPayAsYouEarn => "revised pay as you earn",
        /// `standard`.
        Standard => "standard",
        /// `saving on a valuable education`.
        SavingOnAValuableEducation => "saving on a valuable education",
    }
}

/// An Item's liabilities, by kind (`LiabilitiesObject`). A kind is `None`
/// when the Item has no account of it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Liabilities {
    /// Credit cards.
    pub credit: Option<Vec<CreditCardLiability>>,
    /// Mortgages.
    pub mortgage: Option<Vec<MortgageLiability>>,
    /// Student loans.
    pub student: Option<Vec<StudentLoan>>,
}

/// A credit card (`CreditCardLiability`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CreditCardLiability {
    /// The card's account.
    pub account_id: Option<String>,
    /// Its APRs.
    pub aprs: Vec<Apr>,
    /// Whether a payment is overdue.
    pub is_overdue: Option<bool>,
    /// The last payment's amount.
    pub last_payment_amount: Option<Amount>,
    /// The last payment's date.
    pub last_payment_date: Option<Date>,
    /// When the last statement was issued.
    pub last_statement_issue_date: Option<Date>,
    /// The balance on the last statement.
    pub last_statement_balance: Option<Amount>,
    /// The minimum payment due.
    pub minimum_payment_amount: Option<Amount>,
    /// When the next payment is due.
    pub next_payment_due_date: Option<Date>,
    /// The cash advance limit, when known.
    #[serde(default)]
    pub cash_advance_limit: Option<Amount>,
}

/// A credit card APR (`APR`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Apr {
    /// The rate, in percent (exact: `15.24` is 15.24%).
    pub apr_percentage: Amount,
    /// What it applies to.
    pub apr_type: AprType,
    /// The balance it applies to.
    pub balance_subject_to_apr: Option<Amount>,
    /// The interest charged in the last statement period.
    pub interest_charge_amount: Option<Amount>,
}

/// A mortgage (`MortgageLiability`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MortgageLiability {
    /// The mortgage's account.
    pub account_id: String,
    /// The loan's account number.
    pub account_number: Option<BankNumber>,
    /// The late fee due now.
    pub current_late_fee: Option<Amount>,
    /// The escrow balance.
    pub escrow_balance: Option<Amount>,
    /// Whether it carries private mortgage insurance.
    pub has_pmi: Option<bool>,
    /// Whether paying it off early costs a penalty.
    pub has_prepayment_penalty: Option<bool>,
    /// Its interest rate.
    pub interest_rate: MortgageInterestRate,
    /// The last payment's amount.
    pub last_payment_amount: Option<Amount>,
    /// The last payment's date.
    pub last_payment_date: Option<Date>,
    /// The kind of loan (e.g. `conventional`).
    pub loan_type_description: Option<String>,
    /// Its term (e.g. `30 year`).
    pub loan_term: Option<String>,
    /// When it matures.
    pub maturity_date: Option<Date>,
    /// The next monthly payment.
    pub next_monthly_payment: Option<Amount>,
    /// When the next payment is due.
    pub next_payment_due_date: Option<Date>,
    /// When it was taken out.
    pub origination_date: Option<Date>,
    /// The principal borrowed.
    pub origination_principal_amount: Option<Amount>,
    /// The amount past due.
    pub past_due_amount: Option<Amount>,
    /// The mortgaged property's address: the user's, so redacted in
    /// `Debug`.
    pub property_address: Personal<MortgagePropertyAddress>,
    /// Interest paid this year.
    pub ytd_interest_paid: Option<Amount>,
    /// Principal paid this year.
    pub ytd_principal_paid: Option<Amount>,
}

/// A mortgage's interest rate (`MortgageInterestRate`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MortgageInterestRate {
    /// The rate, in percent.
    pub percentage: Option<Amount>,
    /// `fixed` or `variable` (free text in the spec).
    #[serde(rename = "type")]
    pub rate_type: Option<String>,
}

/// A mortgaged property's address (`MortgagePropertyAddress`). It reaches
/// you inside [`Personal`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct MortgagePropertyAddress {
    /// The street.
    pub street: Option<String>,
    /// The city.
    pub city: Option<String>,
    /// The region or state.
    pub region: Option<String>,
    /// The postal code.
    pub postal_code: Option<String>,
    /// The ISO 3166-1 alpha-2 country code.
    pub country: Option<String>,
}

/// A student loan (`StudentLoan`).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StudentLoan {
    /// The loan's account.
    pub account_id: Option<String>,
    /// The loan's account number.
    pub account_number: Option<BankNumber>,
    /// When the loan's money was paid out.
    pub disbursement_dates: Option<Vec<Date>>,
    /// When it is expected to be paid off.
    pub expected_payoff_date: Option<Date>,
    /// The guarantor.
    pub guarantor: Option<String>,
    /// The interest rate, in percent.
    pub interest_rate_percentage: Amount,
    /// Whether a payment is overdue.
    pub is_overdue: Option<bool>,
    /// The last payment's amount.
    pub last_payment_amount: Option<Amount>,
    /// The last payment's date.
    pub last_payment_date: Option<Date>,
    /// The balance on the last statement.
    #[serde(default)]
    pub last_statement_balance: Option<Amount>,
    /// When the last statement was issued.
    pub last_statement_issue_date: Option<Date>,
    /// The loan's name.
    pub loan_name: Option<String>,
    /// Its status.
    pub loan_status: StudentLoanStatus,
    /// The minimum payment due.
    pub minimum_payment_amount: Option<Amount>,
    /// When the next payment is due.
    pub next_payment_due_date: Option<Date>,
    /// When it was taken out.
    pub origination_date: Option<Date>,
    /// The principal borrowed.
    pub origination_principal_amount: Option<Amount>,
    /// The interest owed now.
    pub outstanding_interest_amount: Option<Amount>,
    /// The reference to quote when paying it: it identifies the loan, so
    /// it is shown only by its last four characters.
    pub payment_reference_number: Option<BankNumber>,
    /// Its Public Service Loan Forgiveness status.
    pub pslf_status: PslfStatus,
    /// Its repayment plan.
    pub repayment_plan: StudentRepaymentPlan,
    /// The loan's sequence number.
    pub sequence_number: Option<String>,
    /// The servicer's address.
    pub servicer_address: ServicerAddress,
    /// Interest paid this year.
    pub ytd_interest_paid: Option<Amount>,
    /// Principal paid this year.
    pub ytd_principal_paid: Option<Amount>,
}

/// A student loan's status (`StudentLoanStatus`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StudentLoanStatus {
    /// When the status ends.
    pub end_date: Option<Date>,
    /// The status.
    #[serde(rename = "type")]
    pub status_type: Option<StudentLoanStatusType>,
}

/// A student loan's Public Service Loan Forgiveness status (`PSLFStatus`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct PslfStatus {
    /// When the loan is expected to become eligible.
    pub estimated_eligibility_date: Option<Date>,
    /// Qualifying payments made.
    pub payments_made: Option<u32>,
    /// Qualifying payments remaining.
    pub payments_remaining: Option<u32>,
}

/// A student loan's repayment plan (`StudentRepaymentPlan`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct StudentRepaymentPlan {
    /// The servicer's description of the plan.
    pub description: Option<String>,
    /// The kind of plan.
    #[serde(rename = "type")]
    pub plan_type: Option<StudentRepaymentPlanType>,
}

/// A student loan servicer's address (`ServicerAddressData`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ServicerAddress {
    /// The street.
    pub street: Option<String>,
    /// The city.
    pub city: Option<String>,
    /// The region or state.
    pub region: Option<String>,
    /// The postal code.
    pub postal_code: Option<String>,
    /// The ISO 3166-1 alpha-2 country code.
    pub country: Option<String>,
}
