//! The registry of legacy response parsers: one row per endpoint type,
//! carrying how to run its `parse_response` and what its success body
//! looks like. The hostile table and the property tests feed every row;
//! the hostile cases pick the rows they expect something exact of by these
//! properties, so a new parser is one row here and joins every case its
//! body shape calls for.

use std::any::Any;

use crate::support::hostile;
use plaid_core::legacy::endpoints::{
    Add, Auth, Balance, Categories, Category, Connect, Delete, ExchangeToken, Get, Income, Info,
    Institution, InstitutionSearch, Institutions, InstitutionsAll, Risk, Step, Upgrade,
};
use plaid_core::transport::HttpResponse;
use plaid_core::{Endpoint, Error};

/// One response parser.
pub(crate) struct Parser {
    /// The endpoint type as written in Rust; names the parser in failures.
    pub(crate) name: &'static str,
    /// Runs the endpoint's `parse_response`; a success is boxed so that one
    /// signature serves every output type (checks downcast it).
    pub(crate) parse: fn(HttpResponse) -> Result<Box<dyn Any>, Error>,
    /// What a 2xx body holds.
    pub(crate) success: Success,
    /// A 201 is an MFA challenge (the call returns an `Outcome`), not data.
    pub(crate) mfa: bool,
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
        !matches!(self.success, Success::Institutions | Success::Categories)
    }

    /// Its success body is an Item's accounts and access token with nothing
    /// else required.
    pub(crate) fn is_item(&self) -> bool {
        matches!(
            self.success,
            Success::Item(Data::Accounts | Data::Connect | Data::Upgrade)
        )
    }

    /// Its success body may carry transactions.
    pub(crate) fn has_transactions(&self) -> bool {
        matches!(self.success, Success::Item(Data::Connect | Data::Upgrade))
    }

    /// Its success body is one object decoded in one pass: not a list, not
    /// an Item (whose accounts wrapper nests the decode path two levels
    /// deeper), not a search (which also takes an array).
    pub(crate) fn is_flat_object(&self) -> bool {
        matches!(
            self.success,
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

    fn name(&self) -> &'static str {
        self.name
    }

    fn shape(&self) -> Success {
        self.success
    }

    fn run(&self, response: HttpResponse) -> Result<Box<dyn Any>, Error> {
        (self.parse)(response)
    }

    fn code(error: &Error) -> Option<String> {
        error.legacy_code().map(|code| code.code().to_string())
    }
}

/// Runs `E`'s parser and boxes what it returns.
fn run<E: Endpoint>(response: HttpResponse) -> Result<Box<dyn Any>, Error>
where
    E::Output: 'static,
{
    E::parse_response(response).map(|output| Box::new(output) as Box<dyn Any>)
}

/// Every response parser of the legacy family.
pub(crate) const PARSERS: &[Parser] = &[
    Parser {
        name: "Institutions",
        parse: run::<Institutions>,
        success: Success::Institutions,
        mfa: false,
    },
    Parser {
        name: "Institution",
        parse: run::<Institution>,
        success: Success::Institution,
        mfa: false,
    },
    Parser {
        name: "Categories",
        parse: run::<Categories>,
        success: Success::Categories,
        mfa: false,
    },
    Parser {
        name: "Category",
        parse: run::<Category>,
        success: Success::Category,
        mfa: false,
    },
    Parser {
        name: "InstitutionsAll",
        parse: run::<InstitutionsAll>,
        success: Success::Page,
        mfa: false,
    },
    Parser {
        name: "InstitutionSearch",
        parse: run::<InstitutionSearch>,
        success: Success::Search,
        mfa: false,
    },
    Parser {
        name: "Balance",
        parse: run::<Balance>,
        success: Success::Item(Data::Accounts),
        mfa: false,
    },
    Parser {
        name: "Get<Connect>",
        parse: run::<Get<Connect>>,
        success: Success::Item(Data::Connect),
        mfa: false,
    },
    Parser {
        name: "Get<Auth>",
        parse: run::<Get<Auth>>,
        success: Success::Item(Data::Accounts),
        mfa: false,
    },
    Parser {
        name: "Get<Info>",
        parse: run::<Get<Info>>,
        success: Success::Item(Data::Info),
        mfa: false,
    },
    Parser {
        name: "Get<Income>",
        parse: run::<Get<Income>>,
        success: Success::Item(Data::Income),
        mfa: false,
    },
    Parser {
        name: "Get<Risk>",
        parse: run::<Get<Risk>>,
        success: Success::Item(Data::Accounts),
        mfa: false,
    },
    Parser {
        name: "Add<Connect>",
        parse: run::<Add<Connect>>,
        success: Success::Item(Data::Connect),
        mfa: true,
    },
    Parser {
        name: "Step<Connect>",
        parse: run::<Step<Connect>>,
        success: Success::Item(Data::Connect),
        mfa: true,
    },
    Parser {
        name: "Upgrade",
        parse: run::<Upgrade>,
        success: Success::Item(Data::Upgrade),
        mfa: true,
    },
    Parser {
        name: "Delete<Connect>",
        parse: run::<Delete<Connect>>,
        success: Success::Message,
        mfa: false,
    },
    Parser {
        name: "ExchangeToken",
        parse: run::<ExchangeToken>,
        success: Success::Exchange,
        mfa: false,
    },
];

#[test]
fn the_registry_is_complete_and_names_are_unique() {
    // Every legacy response type at the time of writing; a row removed by
    // mistake fails here rather than silently shrinking every hostile case.
    assert!(PARSERS.len() >= 17, "{} parsers", PARSERS.len());
    let mut names: Vec<&str> = PARSERS.iter().map(|p| p.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), PARSERS.len(), "duplicate parser names");
}
