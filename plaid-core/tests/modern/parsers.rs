//! The registry of modern response parsers: one row per endpoint of
//! `plaid_core::modern::endpoints`, carrying how to run its
//! `parse_response` and what its success body holds. The hostile table and
//! the property tests feed every row; the hostile cases pick the rows they
//! expect something exact of by these properties, so a new endpoint is one
//! row here and joins every case its body calls for.

use plaid_core::Error;
use plaid_core::modern::endpoints::{
    AccountsBalanceGet, AccountsGet, AuthGet, CategoriesGet, IdentityGet, InstitutionsGet,
    InstitutionsGetById, InstitutionsSearch, InvestmentsHoldingsGet, InvestmentsTransactionsGet,
    ItemGet, ItemPublicTokenExchange, ItemRemove, ItemWebhookUpdate, LiabilitiesGet,
    LinkTokenCreate, SandboxItemFireWebhook, SandboxItemResetLogin, SandboxPublicTokenCreate,
    TransactionsGet, TransactionsRecurringGet, TransactionsRefresh, TransactionsSync,
    WebhookVerificationKeyGet,
};

use crate::support::REQUEST_ID;
use crate::support::hostile::{self, Row, parse};

/// One response parser: nothing beyond what every family's row holds.
pub(crate) type Parser = Row<Success>;

/// The shape of a parser's 2xx body. Every body is an object with a
/// `request_id` (which defaults to empty when absent).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Success {
    /// `{accounts, item}`: the accounts with their balances.
    Accounts,
    /// `{accounts, numbers, item}`.
    Auth,
    /// `{accounts, item}`, each account with its `owners`.
    Identity,
    /// `{item}` (and `/item/get`'s optional `status`).
    Item,
    /// `{access_token, item_id}`.
    Exchange,
    /// `{public_token}`.
    PublicToken,
    /// `{link_token, expiration}`.
    LinkToken,
    /// `{institutions, total}`.
    InstitutionPage,
    /// `{institutions}`.
    InstitutionList,
    /// `{institution}`.
    Institution,
    /// `{categories}`.
    Categories,
    /// `{key}`: a webhook verification key.
    Key,
    /// `{reset_login}`.
    ResetLogin,
    /// `{webhook_fired}`.
    WebhookFired,
    /// `{transactions_update_status, accounts, added, modified, removed,
    /// next_cursor, has_more}`: a `/transactions/sync` page (no Item).
    SyncPage,
    /// `{accounts, transactions, total_transactions, item}`.
    TransactionPage,
    /// `{inflow_streams, outflow_streams, updated_datetime}`: recurring
    /// streams (no accounts, no Item).
    Streams,
    /// `{accounts, holdings, securities, item}`.
    Holdings,
    /// `{accounts, securities, investment_transactions,
    /// total_investment_transactions, item}`.
    InvestmentTransactions,
    /// `{accounts, liabilities, item}`.
    Liabilities,
    /// Nothing required: `{}` is a whole `/item/remove` or
    /// `/transactions/refresh` answer.
    Nothing,
}

impl Parser {
    /// Its success body lists accounts with balances: every answer with an
    /// Item but `/item/get`'s, and a sync page.
    pub(crate) fn reads_accounts(&self) -> bool {
        match self.success {
            Success::Item => false,
            Success::SyncPage => true,
            _ => self.reads_item(),
        }
    }

    /// Its success body carries an Item.
    pub(crate) fn reads_item(&self) -> bool {
        matches!(
            self.success,
            Success::Accounts
                | Success::Auth
                | Success::Identity
                | Success::Item
                | Success::TransactionPage
                | Success::Holdings
                | Success::InvestmentTransactions
                | Success::Liabilities
        )
    }

    /// Its success body lists transactions (`added` and `modified`, or
    /// `transactions`).
    pub(crate) fn reads_transactions(&self) -> bool {
        matches!(self.success, Success::SyncPage | Success::TransactionPage)
    }

    /// Its success body lists securities.
    pub(crate) fn reads_securities(&self) -> bool {
        matches!(
            self.success,
            Success::Holdings | Success::InvestmentTransactions
        )
    }

    /// Its success body lists institutions.
    pub(crate) fn reads_institutions(&self) -> bool {
        matches!(
            self.success,
            Success::InstitutionPage | Success::InstitutionList
        )
    }

    /// Its success body requires some field: `{}` does not parse.
    pub(crate) fn requires_a_field(&self) -> bool {
        self.success != Success::Nothing
    }
}

impl hostile::Parser for Parser {
    type Shape = Success;
    type Code = &'static str;

    fn row(&self) -> &Row<Success> {
        self
    }

    fn code(error: &Error) -> Option<String> {
        error.plaid_code().map(|code| code.as_str().to_owned())
    }

    /// A `PlaidError` body carries the request id; the header's is the
    /// fallback.
    fn request_id(error: &Error) -> Option<&str> {
        let from_body = error.plaid().and_then(|plaid| plaid.request_id.as_deref());
        Some(from_body.unwrap_or(REQUEST_ID))
    }
}

macro_rules! parsers {
    ($($endpoint:ident => $success:ident,)*) => {
        /// Every response parser of the modern family.
        pub(crate) const PARSERS: &[Parser] = &[$(
            Parser {
                name: stringify!($endpoint),
                parse: parse::<$endpoint>,
                success: Success::$success,
            },
        )*];
    };
}

parsers! {
    SandboxPublicTokenCreate => PublicToken,
    ItemPublicTokenExchange => Exchange,
    ItemGet => Item,
    ItemRemove => Nothing,
    ItemWebhookUpdate => Item,
    AccountsGet => Accounts,
    AccountsBalanceGet => Accounts,
    AuthGet => Auth,
    IdentityGet => Identity,
    InstitutionsGet => InstitutionPage,
    InstitutionsGetById => Institution,
    InstitutionsSearch => InstitutionList,
    CategoriesGet => Categories,
    WebhookVerificationKeyGet => Key,
    LinkTokenCreate => LinkToken,
    SandboxItemResetLogin => ResetLogin,
    SandboxItemFireWebhook => WebhookFired,
    TransactionsSync => SyncPage,
    TransactionsGet => TransactionPage,
    TransactionsRefresh => Nothing,
    TransactionsRecurringGet => Streams,
    InvestmentsHoldingsGet => Holdings,
    InvestmentsTransactionsGet => InvestmentTransactions,
    LiabilitiesGet => Liabilities,
}

#[test]
fn the_registry_has_every_endpoint_once() {
    // The 24 endpoints of `modern::endpoints` at the time of writing; a row
    // removed by mistake fails here rather than silently shrinking every
    // hostile case.
    hostile::assert_registry(PARSERS, 24);
}
