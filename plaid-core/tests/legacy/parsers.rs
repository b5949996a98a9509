//! The registry of legacy response parsers: one row per endpoint type,
//! carrying how to run its `parse_response` and what its success body
//! looks like. The hostile table and the property tests feed every row;
//! the hostile cases pick the rows they expect something exact of by these
//! properties, so a new parser is one row here and joins every case its
//! body shape calls for.

use crate::support::hostile::{self, Row, parse};
use plaid_core::legacy::endpoints::{
    Add, Auth, Balance, Categories, Category, Connect, Delete, ExchangeToken, Get, Income, Info,
    Institution, InstitutionSearch, Institutions, InstitutionsAll, Risk, Step, Upgrade,
};
use plaid_core::{Endpoint, Error};

/// One response parser.
pub(crate) struct Parser {
    /// Its name, parser and success shape.
    pub(crate) row: Row<Success>,
    /// A 201 is an MFA challenge (the call returns an `Outcome`), not data.
    pub(crate) mfa: bool,
}

/// `E`'s parser, named `name`, reading a 201 as data.
const fn plain<E: Endpoint>(name: &'static str, success: Success) -> Parser
where
    E::Output: 'static,
{
    Parser {
        row: Row {
            name,
            parse: parse::<E>,
            success,
        },
        mfa: false,
    }
}

/// `E`'s parser, named `name`, reading a 201 as an MFA challenge.
const fn with_mfa<E: Endpoint>(name: &'static str, success: Success) -> Parser
where
    E::Output: 'static,
{
    Parser {
        mfa: true,
        ..plain::<E>(name, success)
    }
}

/// The shape of a parser's 2xx body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Success {
    /// A JSON array of institutions.
    Institutions,
    /// A JSON array of categories.
    Categories,
    /// One institution object.
    Institution,
    /// One category object.
    Category,
    /// `{total_count, results}`.
    Page,
    /// Search results: an array, or one object.
    Search,
    /// An Item's data: `{accounts, ..., access_token}`.
    Item(Data),
    /// `{message}`.
    Message,
    /// `{access_token, stripe_bank_account_token?, account_id?}`.
    Exchange,
}

/// What an Item response carries beside its accounts and access token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Data {
    /// Nothing more (the per-account extras of auth and risk are optional).
    Accounts,
    /// Optional transactions (connect).
    Connect,
    /// Optional transactions, info and income (upgrade).
    Upgrade,
    /// A required `info` object.
    Info,
    /// A required `income` object.
    Income,
}

impl Parser {
    /// Its success body may be a JSON object (every parser but the lists).
    pub(crate) fn takes_object(&self) -> bool {
        !matches!(
            self.row.success,
            Success::Institutions | Success::Categories
        )
    }

    /// Its success body is an Item's accounts and access token with nothing
    /// else required.
    pub(crate) fn is_item(&self) -> bool {
        matches!(
            self.row.success,
            Success::Item(Data::Accounts | Data::Connect | Data::Upgrade)
        )
    }

    /// Its success body may carry transactions.
    pub(crate) fn has_transactions(&self) -> bool {
        matches!(
            self.row.success,
            Success::Item(Data::Connect | Data::Upgrade)
        )
    }

    /// Its success body is one object decoded in one pass: not a list, not
    /// an Item (whose accounts wrapper nests the decode path two levels
    /// deeper), not a search (which also takes an array).
    pub(crate) fn is_flat_object(&self) -> bool {
        matches!(
            self.row.success,
            Success::Institution
                | Success::Category
                | Success::Page
                | Success::Message
                | Success::Exchange
        )
    }
}

impl hostile::Parser for Parser {
    type Shape = Success;
    type Code = u32;

    fn row(&self) -> &Row<Success> {
        &self.row
    }

    fn code(error: &Error) -> Option<String> {
        error.legacy_code().map(|code| code.code().to_string())
    }
}

/// Every response parser of the legacy family.
pub(crate) const PARSERS: &[Parser] = &[
    plain::<Institutions>("Institutions", Success::Institutions),
    plain::<Institution>("Institution", Success::Institution),
    plain::<Categories>("Categories", Success::Categories),
    plain::<Category>("Category", Success::Category),
    plain::<InstitutionsAll>("InstitutionsAll", Success::Page),
    plain::<InstitutionSearch>("InstitutionSearch", Success::Search),
    plain::<Balance>("Balance", Success::Item(Data::Accounts)),
    plain::<Get<Connect>>("Get<Connect>", Success::Item(Data::Connect)),
    plain::<Get<Auth>>("Get<Auth>", Success::Item(Data::Accounts)),
    plain::<Get<Info>>("Get<Info>", Success::Item(Data::Info)),
    plain::<Get<Income>>("Get<Income>", Success::Item(Data::Income)),
    plain::<Get<Risk>>("Get<Risk>", Success::Item(Data::Accounts)),
    with_mfa::<Add<Connect>>("Add<Connect>", Success::Item(Data::Connect)),
    with_mfa::<Step<Connect>>("Step<Connect>", Success::Item(Data::Connect)),
    with_mfa::<Upgrade>("Upgrade", Success::Item(Data::Upgrade)),
    plain::<Delete<Connect>>("Delete<Connect>", Success::Message),
    plain::<ExchangeToken>("ExchangeToken", Success::Exchange),
];

#[test]
fn the_registry_is_complete_and_names_are_unique() {
    // Every legacy response type at the time of writing; a row removed by
    // mistake fails here rather than silently shrinking every hostile case.
    hostile::assert_registry(PARSERS, 17);
}
