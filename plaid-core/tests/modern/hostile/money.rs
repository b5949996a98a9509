//! Hostile money, once per site that holds money: an [`Amount`] reads a
//! number's digits and must refuse what it cannot hold exactly, never
//! round it, wherever it sits. The same thirteen values go to every site
//! (`money_cases!`), so a site added here is tested as thoroughly as the
//! first one: an account's available balance (the original cases, whose
//! names carry no site), a sync page's and a transactions page's
//! transaction amount, a holding's quantity and price, an investment
//! transaction's price, a security's close price, a card's statement
//! balance and a recurring stream's average amount.
//!
//! What `null` means differs by site (no balance, or a required amount
//! missing), so those cases are written out by hand after the table.
//!
//! [`Amount`]: plaid_core::Amount

use super::fields::{
    added_amount, close_price, holding_price, holding_quantity, investment_price, listed_amount,
    statement_balance, stream_amount,
};
use super::*;

/// The first account's available balance, if a parser returned one.
fn available(parsed: &dyn Any) -> Option<plaid_core::Amount> {
    balances(parsed)?.available
}

/// The thirteen money cases of one site: `$site` ends each case's name,
/// `$pointer` is where the value goes in [`everything`], `$path` where
/// a refusal must point, `$parsers` the parsers that read it and `$read`
/// what they read there.
macro_rules! money_cases {
    ($site:literal, $pointer:expr, $path:literal, $parsers:expr, $read:path) => {
        [
            Case {
                name: concat!("money 1e400", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| set($pointer, "1e400")),
                parsers: $parsers,
                expect: decode(Some($path)),
            },
            Case {
                name: concat!("money with 19 decimal places", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| set($pointer, "0.1234567890123456789")),
                parsers: $parsers,
                expect: decode(Some($path)),
            },
            Case {
                name: concat!("money with 1e-19", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| set($pointer, "1e-19")),
                parsers: $parsers,
                expect: decode(Some($path)),
            },
            Case {
                name: concat!("money 2^64", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| set($pointer, "18446744073709551616")),
                parsers: $parsers,
                expect: decode(Some($path)),
            },
            Case {
                name: concat!("money with 20 significant digits and cents", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| set($pointer, "12345678901234567890.55")),
                parsers: $parsers,
                expect: decode(Some($path)),
            },
            Case {
                name: concat!("money one cent over the largest exact amount", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| set($pointer, "92233720368547758.08")),
                parsers: $parsers,
                expect: decode(Some($path)),
            },
            Case {
                name: concat!(
                    "money at the largest exact amount is kept to the cent",
                    $site
                ),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| set($pointer, "-92233720368547758.07")),
                parsers: $parsers,
                expect: Expect::Ok(|p| {
                    $read(p).is_some_and(|a| a.minor_units(2) == Some(-i64::MAX) && a.scale() == 2)
                }),
            },
            Case {
                name: concat!(
                    "money with trailing zeros past 18 places is kept exactly",
                    $site
                ),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| set($pointer, "1274.930000000000000000000000")),
                parsers: $parsers,
                expect: Expect::Ok(|p| $read(p).is_some_and(|a| a.minor_units(2) == Some(127_493))),
            },
            Case {
                name: concat!("money with an exponent is exact", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| set($pointer, "1.5E-2")),
                parsers: $parsers,
                expect: Expect::Ok(|p| {
                    $read(p).is_some_and(|a| a.mantissa() == 15 && a.scale() == 3)
                }),
            },
            Case {
                name: concat!("money -0 is zero", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| set($pointer, "-0")),
                parsers: $parsers,
                expect: Expect::Ok(|p| $read(p).is_some_and(|a| a.is_zero() && !a.is_negative())),
            },
            Case {
                name: concat!("money as a string", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| set($pointer, r#""100.00""#)),
                parsers: $parsers,
                expect: decode(Some($path)),
            },
            Case {
                name: concat!("money as a boolean", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| set($pointer, "true")),
                parsers: $parsers,
                expect: decode(Some($path)),
            },
            Case {
                name: concat!("money as an object", $site),
                status: 200,
                content_type: JSON,
                body: Body::Gen(|| set($pointer, r#"{"amount":100,"currency":"USD"}"#)),
                parsers: $parsers,
                expect: decode(Some($path)),
            },
        ]
    };
}

/// The money cases, one table per site.
pub(super) static CASES: &[&[Case]] = &[
    &money_cases!(
        "",
        AVAILABLE,
        "accounts[0].balances.available",
        ACCOUNTS,
        available
    ),
    &money_cases!(
        " (sync added amount)",
        "/added/0/amount",
        "added[0].amount",
        SYNC,
        added_amount
    ),
    &money_cases!(
        " (transaction amount)",
        "/transactions/0/amount",
        "transactions[0].amount",
        GET,
        listed_amount
    ),
    &money_cases!(
        " (holding quantity)",
        "/holdings/0/quantity",
        "holdings[0].quantity",
        HOLDINGS,
        holding_quantity
    ),
    &money_cases!(
        " (holding price)",
        "/holdings/0/institution_price",
        "holdings[0].institution_price",
        HOLDINGS,
        holding_price
    ),
    &money_cases!(
        " (investment transaction price)",
        "/investment_transactions/0/price",
        "investment_transactions[0].price",
        INVESTMENT_TRANSACTIONS,
        investment_price
    ),
    &money_cases!(
        " (security close price)",
        "/securities/0/close_price",
        "securities[0].close_price",
        SECURITIES,
        close_price
    ),
    &money_cases!(
        " (card statement balance)",
        "/liabilities/credit/0/last_statement_balance",
        "liabilities.credit[0].last_statement_balance",
        LIABILITIES,
        statement_balance
    ),
    &money_cases!(
        " (stream average amount)",
        "/inflow_streams/0/average_amount/amount",
        "inflow_streams[0].average_amount.amount",
        STREAMS,
        stream_amount
    ),
    // ---- null: no amount where one is optional, refused where required ----
    &[
        Case {
            name: "money null is no balance",
            status: 200,
            content_type: JSON,
            body: Body::Gen(|| set(AVAILABLE, "null")),
            parsers: ACCOUNTS,
            expect: Expect::Ok(|p| balances(p).is_some_and(|b| b.available.is_none())),
        },
        Case {
            name: "money null is refused where required (sync added amount)",
            status: 200,
            content_type: JSON,
            body: Body::Gen(|| set("/added/0/amount", "null")),
            parsers: SYNC,
            expect: decode(Some("added[0].amount")),
        },
        Case {
            name: "money null is refused where required (holding quantity)",
            status: 200,
            content_type: JSON,
            body: Body::Gen(|| set("/holdings/0/quantity", "null")),
            parsers: HOLDINGS,
            expect: decode(Some("holdings[0].quantity")),
        },
        Case {
            name: "money null is refused where required (student loan rate)",
            status: 200,
            content_type: JSON,
            body: Body::Gen(|| set("/liabilities/student/0/interest_rate_percentage", "null")),
            parsers: LIABILITIES,
            expect: decode(Some("liabilities.student[0].interest_rate_percentage")),
        },
        Case {
            name: "money null is no amount (card statement balance)",
            status: 200,
            content_type: JSON,
            body: Body::Gen(|| set("/liabilities/credit/0/last_statement_balance", "null")),
            parsers: LIABILITIES,
            expect: Expect::Ok(|p| {
                super::fields::card(p).is_some_and(|c| c.last_statement_balance.is_none())
            }),
        },
        Case {
            name: "money null is no amount (stream average amount)",
            status: 200,
            content_type: JSON,
            body: Body::Gen(|| set("/inflow_streams/0/average_amount/amount", "null")),
            parsers: STREAMS,
            expect: Expect::Ok(|p| {
                super::fields::inflow(p).is_some_and(|s| s.average_amount.amount.is_none())
            }),
        },
        // ---- a broken amount does not concern the calls that skip it ----
        Case {
            name: "a broken transaction amount does not concern calls that ignore transactions",
            status: 200,
            content_type: JSON,
            body: Body::Gen(|| {
                let mut body = everything();
                for list in ["added", "modified", "transactions"] {
                    body[list][0]["amount"] = json!("72.10");
                }
                body.to_string().into_bytes()
            }),
            parsers: Parsers::Where(|p| !p.reads_transactions()),
            expect: Expect::Ok(|_| true),
        },
        Case {
            name: "a broken holding does not concern calls that ignore holdings",
            status: 200,
            content_type: JSON,
            body: Body::Gen(|| set("/holdings/0/quantity", "1e400")),
            parsers: Parsers::Where(|p| p.success != Success::Holdings),
            expect: Expect::Ok(|_| true),
        },
        Case {
            name: "a broken liability does not concern calls that ignore liabilities",
            status: 200,
            content_type: JSON,
            body: Body::Gen(|| set("/liabilities/credit/0/last_statement_balance", "1e400")),
            parsers: Parsers::Where(|p| p.success != Success::Liabilities),
            expect: Expect::Ok(|_| true),
        },
    ],
];
