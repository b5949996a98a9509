//! The investments of an Item: its 401k's holdings and its 24 months of investment
//! transactions, with the securities they name, derived deterministically from the Item id.
//!
//! The securities are one fixed table (a security id means the same security in every Item,
//! as Plaid's do), covering each kind the spec models: cash, equities, an ETF, mutual funds, a
//! Treasury bill with its `fixed_income` and a call option with its `option_contract`. The
//! holdings add up to the 401k's current balance to the cent (the rest of the account is a cash
//! holding). Every `Security` carries `figi` too (`null`): plaid-python 46 requires it, though
//! the spec of 2020-09-14 this emulator follows does not list it yet. The investment
//! transactions are a month's contribution and fund purchase,
//! quarterly dividends and fees, and one sale, dated back from the day the Item was created.

use serde_json::{Value, json};

use crate::modern::clock;
use crate::modern::data::accounts::Account;
use crate::modern::ids::{ID_LEN, Stream};

/// One security.
struct Security {
    name: &'static str,
    ticker: Option<&'static str>,
    isin: Option<&'static str>,
    cusip: Option<&'static str>,
    kind: &'static str,
    subtype: &'static str,
    /// Close price in cents (per unit; per contract for the option).
    price: i64,
    cash: bool,
    mic: Option<&'static str>,
    sector: Option<&'static str>,
    industry: Option<&'static str>,
    cfi: Option<&'static str>,
}

const fn security(
    name: &'static str,
    ticker: &'static str,
    ids: (Option<&'static str>, Option<&'static str>),
    kind: (&'static str, &'static str),
    price: i64,
    market: (
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
    ),
    cfi: &'static str,
) -> Security {
    Security {
        name,
        ticker: Some(ticker),
        isin: ids.0,
        cusip: ids.1,
        kind: kind.0,
        subtype: kind.1,
        price,
        cash: false,
        mic: market.0,
        sector: market.1,
        industry: market.2,
        cfi: Some(cfi),
    }
}

const CASH: usize = 0;
const TIGER: usize = 1;
const BOND_FUND: usize = 2;
const SP500: usize = 3;
const APPLE: usize = 4;
const BANK: usize = 5;
const T_BILL: usize = 6;
const CALL: usize = 7;

const NASDAQ: Option<&str> = Some("XNAS");

static SECURITIES: [Security; 8] = [
    Security {
        name: "U S Dollar",
        ticker: Some("CUR:USD"),
        isin: None,
        cusip: None,
        kind: "cash",
        subtype: "cash",
        price: 100,
        cash: true,
        mic: None,
        sector: None,
        industry: None,
        cfi: None,
    },
    security(
        "Matthews Pacific Tiger Fund Insti Class",
        "MIPTX",
        (Some("US5771308344"), Some("577130834")),
        ("mutual fund", "mutual fund"),
        2_753,
        (
            NASDAQ,
            Some("Miscellaneous"),
            Some("Investment Trusts or Mutual Funds"),
        ),
        "CIOGES",
    ),
    security(
        "DoubleLine Total Return Bond Fund",
        "DBLTX",
        (Some("US2586201038"), Some("258620103")),
        ("mutual fund", "mutual fund"),
        1_042,
        (NASDAQ, None, None),
        "CIOIBS",
    ),
    security(
        "iShares Core S&P 500 ETF",
        "IVV",
        (Some("US4642872000"), Some("464287200")),
        ("etf", "etf"),
        59_812,
        (
            Some("ARCX"),
            Some("Miscellaneous"),
            Some("Investment Trusts or Mutual Funds"),
        ),
        "CEOGEU",
    ),
    security(
        "Apple Inc.",
        "AAPL",
        (Some("US0378331005"), Some("037833100")),
        ("equity", "common stock"),
        22_731,
        (
            NASDAQ,
            Some("Electronic Technology"),
            Some("Telecommunications Equipment"),
        ),
        "ESVUFR",
    ),
    security(
        "Southside Bancshares Inc.",
        "SBSI",
        (Some("US84470P1093"), Some("84470P109")),
        ("equity", "common stock"),
        3_473,
        (NASDAQ, Some("Finance"), Some("Regional Banks")),
        "ESVUFR",
    ),
    security(
        "U S Treasury Bill - due 06/18/2026",
        "912797KJ5",
        (None, Some("912797KJ5")),
        ("fixed income", "bill"),
        9_874,
        (None, Some("Government"), Some("Government Bonds")),
        "DYZXXR",
    ),
    security(
        "NFLX Dec 18 2026 $1200 Call",
        "NFLX261218C01200000",
        (None, None),
        ("derivative", "option"),
        4_520,
        (Some("XCBO"), None, None),
        "OCASPS",
    ),
];

/// The stable id of security `i`.
fn security_id(i: usize) -> String {
    Stream::from_text(&format!("security/{}", SECURITIES[i].name)).base62(ID_LEN)
}

/// The spec's `Security` of security `i`, priced as of `day`.
fn security_json(i: usize, day: i64) -> Value {
    let s = &SECURITIES[i];
    let option = (i == CALL).then(|| {
        json!({
            "contract_type": "call",
            "expiration_date": "2026-12-18",
            "strike_price": 1200.0,
            "underlying_security_ticker": "NFLX",
        })
    });
    let fixed = (i == T_BILL).then(|| {
        json!({
            "yield_rate": { "percentage": 4.18, "type": "discount" },
            "maturity_date": "2026-06-18",
            "issue_date": "2025-12-18",
            "face_value": 100.0,
        })
    });
    json!({
        "security_id": security_id(i),
        "isin": s.isin,
        "cusip": s.cusip,
        "sedol": null,
        "institution_security_id": null,
        "institution_id": null,
        "proxy_security_id": null,
        "name": s.name,
        "ticker_symbol": s.ticker,
        "is_cash_equivalent": s.cash,
        "type": s.kind,
        "subtype": s.subtype,
        "close_price": money(s.price),
        "close_price_as_of": clock::date(day),
        "update_datetime": null,
        "iso_currency_code": "USD",
        "unofficial_currency_code": null,
        "market_identifier_code": s.mic,
        "sector": s.sector,
        "industry": s.industry,
        "cfi_code": s.cfi,
        "figi": null,
        "option_contract": option,
        "fixed_income": fixed,
    })
}

fn money(cents: i64) -> Value {
    json!(cents as f64 / 100.0)
}

/// The securities `ids` name (each once, in table order), priced as of `day`.
pub(crate) fn securities(ids: &[usize], day: i64) -> Vec<Value> {
    (0..SECURITIES.len())
        .filter(|i| ids.contains(i))
        .map(|i| security_json(i, day))
        .collect()
}

/// The securities the 401k holds, with their share of the account (per cent), cash last.
const MIX: [(usize, u64); 7] = [
    (SP500, 35),
    (TIGER, 18),
    (BOND_FUND, 20),
    (APPLE, 8),
    (BANK, 4),
    (T_BILL, 6),
    (CALL, 1),
];

/// The holdings of `account` (an investment account) as of `day`, seeded by `item_id`: the
/// spec's `Holding` objects and the securities they hold. They add up to the account's
/// current balance.
pub(crate) fn holdings(item_id: &str, account: &Account, day: i64) -> (Vec<Value>, Vec<usize>) {
    let mut rng = Stream::from_text(&format!("{item_id}/holdings"));
    let balance = account.current as i64;
    let mut held = Vec::new();
    let mut rest = balance;
    for (i, percent) in MIX {
        let price = SECURITIES[i].price;
        // Whole units of a thousandth, so that quantity × price is exact to the cent.
        let thousandths = balance * percent as i64 * 10 / price;
        let value = thousandths * price / 1000;
        rest -= value;
        held.push((i, thousandths as f64 / 1000.0, value));
    }
    held.push((CASH, rest as f64 / 100.0, rest));
    let list = held
        .iter()
        .map(|&(i, quantity, value)| {
            let cost = value * rng.range(70, 110) as i64 / 100;
            json!({
                "account_id": account.id,
                "security_id": security_id(i),
                "institution_price": money(SECURITIES[i].price),
                "institution_price_as_of": clock::date(day),
                "institution_price_datetime": null,
                "institution_value": money(value),
                "cost_basis": if i == CASH { money(value) } else { money(cost) },
                "quantity": quantity,
                "iso_currency_code": account.currency,
                "unofficial_currency_code": null,
                "vested_quantity": quantity,
                "vested_value": money(value),
            })
        })
        .collect();
    (list, held.iter().map(|h| h.0).collect())
}

/// One investment transaction.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct InvestmentTxn {
    /// `date`.
    pub(crate) day: i64,
    /// The index of the security, if any.
    pub(crate) security: Option<usize>,
    json: Value,
}

impl InvestmentTxn {
    /// The spec's `InvestmentTransaction`.
    pub(crate) fn to_json(&self) -> Value {
        self.json.clone()
    }
}

/// What one investment transaction is: `type`, `subtype`, `name`, the security, `quantity`,
/// `amount` and `fees` in cents.
struct Entry<'a> {
    kind: (&'a str, &'a str),
    name: &'a str,
    security: Option<usize>,
    quantity: f64,
    cents: i64,
    fees: i64,
}

impl Entry<'_> {
    /// The transaction, the `n`th of `day` in `account`, its id seeded by `item_id`.
    fn on(&self, item_id: &str, account: &Account, day: i64, n: u64) -> InvestmentTxn {
        let mut id = Stream::from_text(&format!("{item_id}/investments/{day}/{n}"));
        let traded = matches!(self.kind.0, "buy" | "sell");
        let price = match self.security {
            Some(s) if traded => money(SECURITIES[s].price),
            _ => json!(0.0),
        };
        InvestmentTxn {
            day,
            security: self.security,
            json: json!({
                "investment_transaction_id": id.base62(ID_LEN),
                "cancel_transaction_id": null,
                "account_id": account.id,
                "security_id": self.security.map(security_id),
                "date": clock::date(day),
                "transaction_datetime": traded.then(|| clock::datetime(day, 52_200)),
                "name": self.name,
                "quantity": self.quantity,
                "amount": money(self.cents),
                "price": price,
                "fees": money(self.fees),
                "type": self.kind.0,
                "subtype": self.kind.1,
                "iso_currency_code": account.currency,
                "unofficial_currency_code": null,
            }),
        }
    }
}

/// The investment transactions of `account` over the 730 days up to `last_day`, newest first
/// (stable: by date, then the later entry of a day first), seeded by `item_id`: a $500
/// contribution on the 15th and a fund purchase with it on the 16th of every month, a
/// dividend and a management fee at the end of every quarter, and one sale.
pub(crate) fn transactions(item_id: &str, account: &Account, last_day: i64) -> Vec<InvestmentTxn> {
    let mut rng = Stream::from_text(&format!("{item_id}/investment-transactions"));
    let first_day = last_day - 729;
    let sale = first_day + rng.range(60, 600) as i64;
    let mut out = Vec::new();
    for day in first_day..=last_day {
        let (_, month, dom) = clock::civil_of(day);
        let mut entries = Vec::new();
        if dom == 15 {
            entries.push(Entry {
                kind: ("cash", "contribution"),
                name: "CONTRIBUTION EMPLOYEE PRE-TAX",
                security: None,
                quantity: 0.0,
                cents: -50_000,
                fees: 0,
            });
        }
        let fund = if month % 2 == 0 { SP500 } else { TIGER };
        let buy = format!("BUY {}", SECURITIES[fund].name);
        if dom == 16 {
            let price = SECURITIES[fund].price;
            let thousandths = 50_000 * 1000 / price;
            entries.push(Entry {
                kind: ("buy", "buy"),
                name: &buy,
                security: Some(fund),
                quantity: thousandths as f64 / 1000.0,
                cents: thousandths * price / 1000,
                fees: 0,
            });
        }
        if dom == 28 && month % 3 == 0 {
            entries.push(Entry {
                kind: ("cash", "dividend"),
                name: "INCOME DIV DIVIDEND RECEIVED",
                security: Some(BOND_FUND),
                quantity: 0.0,
                cents: -(rng.range(500, 4_000) as i64),
                fees: 0,
            });
            entries.push(Entry {
                kind: ("fee", "management fee"),
                name: "QUARTERLY MANAGEMENT FEE",
                security: None,
                quantity: 0.0,
                cents: 250,
                fees: 0,
            });
        }
        if day == sale {
            entries.push(Entry {
                kind: ("sell", "sell"),
                name: "SELL Southside Bancshares Inc.",
                security: Some(BANK),
                quantity: -12.0,
                cents: -12 * SECURITIES[BANK].price + 799,
                fees: 799,
            });
        }
        for (n, entry) in entries.iter().enumerate() {
            out.push(entry.on(item_id, account, day, n as u64));
        }
    }
    out.reverse();
    out
}

#[cfg(test)]
mod tests;
