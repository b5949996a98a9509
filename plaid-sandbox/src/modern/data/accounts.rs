//! The accounts of an Item and their bank numbers, derived deterministically from the Item id.
//!
//! Every Item has the same five kinds of account as Plaid's sandbox user (checking, savings,
//! credit card, student loan, 401k), and an Item linked with `liabilities` also the user's
//! mortgage (Link shows the accounts its products can use), with ids, masks and balances
//! drawn from a stream seeded by the Item id: the same Item answers the same data on every call, two Items differ. Money is
//! drawn in cents, so every balance has at most two decimals. The currency and the kind of
//! bank numbers follow the institution's country (ACH in the US, EFT in Canada, BACS in the
//! UK, IBAN elsewhere).

use serde_json::{Value, json};

use crate::modern::data::institutions::Institution;
use crate::modern::ids::{ID_LEN, Stream};

/// One kind of account every Item has.
struct Template {
    name: &'static str,
    official_name: &'static str,
    kind: &'static str,
    subtype: &'static str,
    /// Current balance range, in cents.
    current: (u64, u64),
    /// Credit limit in cents (credit cards).
    limit: Option<u64>,
}

const TEMPLATES: [Template; 5] = [
    Template {
        name: "Plaid Checking",
        official_name: "Plaid Gold Standard 0% Interest Checking",
        kind: "depository",
        subtype: "checking",
        current: (50_000, 500_000),
        limit: None,
    },
    Template {
        name: "Plaid Saving",
        official_name: "Plaid Silver Standard 0.1% Interest Saving",
        kind: "depository",
        subtype: "savings",
        current: (100_000, 2_500_000),
        limit: None,
    },
    Template {
        name: "Plaid Credit Card",
        official_name: "Plaid Diamond 12.5% APR Interest Credit Card",
        kind: "credit",
        subtype: "credit card",
        current: (1_000, 300_000),
        limit: Some(500_000),
    },
    Template {
        name: "Plaid Student Loan",
        official_name: "Plaid Student Loan 4.5% APR",
        kind: "loan",
        subtype: "student",
        current: (500_000, 6_500_000),
        limit: None,
    },
    Template {
        name: "Plaid 401k",
        official_name: "Plaid Retirement 401k",
        kind: "investment",
        subtype: "401k",
        current: (1_000_000, 25_000_000),
        limit: None,
    },
];

/// The mortgage of an Item linked with `liabilities`.
const MORTGAGE: Template = Template {
    name: "Plaid Mortgage",
    official_name: "Plaid Platinum Standard 3.25% Fixed Rate Mortgage",
    kind: "loan",
    subtype: "mortgage",
    current: (18_000_000, 62_000_000),
    limit: None,
};

/// One account of an Item.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Account {
    /// `account_id`.
    pub(crate) id: String,
    /// `name`.
    pub(crate) name: &'static str,
    /// `official_name`.
    pub(crate) official_name: &'static str,
    /// `type`.
    pub(crate) kind: &'static str,
    /// `subtype`.
    pub(crate) subtype: &'static str,
    /// `mask`: the last four digits of [`Account::number`].
    pub(crate) mask: String,
    /// The full account number (what `/auth/get` reveals).
    pub(crate) number: String,
    /// `balances.available`, in cents (none for loans and investments).
    pub(crate) available: Option<u64>,
    /// `balances.current`, in cents.
    pub(crate) current: u64,
    /// `balances.limit`, in cents.
    pub(crate) limit: Option<u64>,
    /// `balances.iso_currency_code`.
    pub(crate) currency: &'static str,
}

/// The currency of an institution's country.
fn currency(country: &str) -> &'static str {
    match country {
        "US" => "USD",
        "CA" => "CAD",
        "GB" => "GBP",
        "PL" => "PLN",
        "DK" => "DKK",
        "NO" => "NOK",
        "SE" => "SEK",
        _ => "EUR",
    }
}

/// Cents as a JSON number with at most two decimals.
fn money(cents: u64) -> Value {
    json!(cents as f64 / 100.0)
}

/// The accounts of the Item `item_id` at `institution`, always in the same order.
pub(crate) fn for_item(item_id: &str, institution: &Institution) -> Vec<Account> {
    let mut rng = Stream::from_text(&format!("{item_id}/accounts"));
    let currency = currency(institution.country());
    TEMPLATES
        .iter()
        .map(|t| account(&mut rng, t, currency))
        .collect()
}

/// The accounts of the Item `item_id` linked with `products`: [`for_item`]'s, then the
/// mortgage when `liabilities` is among them (drawn from a stream of its own, so the other
/// accounts are the same either way).
pub(crate) fn for_products(
    item_id: &str,
    institution: &Institution,
    products: &[String],
) -> Vec<Account> {
    let mut all = for_item(item_id, institution);
    if products.iter().any(|p| p == "liabilities") {
        let mut rng = Stream::from_text(&format!("{item_id}/mortgage"));
        all.push(account(
            &mut rng,
            &MORTGAGE,
            currency(institution.country()),
        ));
    }
    all
}

/// One account of template `t`, drawn from `rng`.
fn account(rng: &mut Stream, t: &Template, currency: &'static str) -> Account {
    let id = rng.base62(ID_LEN);
    let number = format!("{}{}", rng.range(1, 9), rng.digits(11));
    let current = rng.range(t.current.0, t.current.1);
    let available = match (t.kind, t.limit) {
        ("credit", Some(limit)) => Some(limit.saturating_sub(current)),
        ("depository", _) => Some(current.saturating_sub(rng.range(0, 5_000))),
        _ => None,
    };
    Account {
        id,
        name: t.name,
        official_name: t.official_name,
        kind: t.kind,
        subtype: t.subtype,
        mask: number[number.len() - 4..].to_owned(),
        number,
        available,
        current,
        limit: t.limit,
        currency,
    }
}

impl Account {
    /// The spec's `AccountBase`, every required key present (nullable ones as `null`).
    pub(crate) fn to_json(&self) -> Value {
        json!({
            "account_id": self.id,
            "balances": {
                "available": self.available.map(money),
                "current": money(self.current),
                "limit": self.limit.map(money),
                "iso_currency_code": self.currency,
                "unofficial_currency_code": null,
                "last_updated_datetime": null,
            },
            "mask": self.mask,
            "name": self.name,
            "official_name": self.official_name,
            "type": self.kind,
            "subtype": self.subtype,
            "persistent_account_id": format!("{}-persistent", &self.id[..12]),
            "holder_category": "personal",
        })
    }

    /// Whether it has bank numbers (checking and savings).
    pub(crate) fn is_depository(&self) -> bool {
        self.kind == "depository"
    }
}

/// The `AuthGetNumbers` of `accounts` (the depository ones only) at `institution`: all four
/// arrays, the one of the institution's country filled.
pub(crate) fn numbers(accounts: &[&Account], institution: &Institution) -> Value {
    let mut numbers = json!({ "ach": [], "eft": [], "international": [], "bacs": [] });
    let depository = accounts.iter().filter(|a| a.is_depository());
    for account in depository {
        let mut rng = Stream::from_text(&format!("{}/numbers", account.id));
        let (list, entry) = match institution.country() {
            "US" => {
                let routing = rng.pick(institution.routing);
                (
                    "ach",
                    json!({
                        "account_id": account.id,
                        "account": account.number,
                        "routing": routing,
                        "wire_routing": routing,
                        "is_tokenized_account_number": false,
                        "can_transfer_in": true,
                        "can_transfer_out": true,
                    }),
                )
            }
            "CA" => (
                "eft",
                json!({
                    "account_id": account.id,
                    "account": account.number,
                    "institution": rng.digits(3),
                    "branch": rng.digits(5),
                }),
            ),
            "GB" => (
                "bacs",
                json!({
                    "account_id": account.id,
                    "account": &account.number[account.number.len() - 8..],
                    "sort_code": rng.digits(6),
                }),
            ),
            country => (
                "international",
                json!({
                    "account_id": account.id,
                    "iban": iban(country, &format!("{}{}", rng.digits(8), account.number)),
                    "bic": format!("PLAI{country}2X"),
                }),
            ),
        };
        if let Some(list) = numbers[list].as_array_mut() {
            list.push(entry);
        }
    }
    numbers
}

/// An IBAN for `country` with a numeric basic bank account number, with valid check digits
/// (ISO 13616: the number with the country and `00` moved to the end, as digits, mod 97).
fn iban(country: &str, bban: &str) -> String {
    let rearranged = format!("{bban}{country}00");
    let remainder = rearranged.chars().fold(0u64, |acc, c| {
        let value = match c {
            '0'..='9' => u64::from(c) - u64::from('0'),
            _ => u64::from(c.to_ascii_uppercase()) - u64::from('A') + 10,
        };
        let shift = if value >= 10 { 100 } else { 10 };
        (acc * shift + value) % 97
    });
    format!("{country}{:02}{bban}", 98 - remainder)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::modern::data::institutions::by_id;

    fn bank(id: &str) -> &'static Institution {
        by_id(id).unwrap()
    }

    #[test]
    fn an_item_always_has_the_same_accounts_and_two_items_differ() {
        let platypus = bank("ins_109508");
        let a = for_item("item-a", platypus);
        assert_eq!(a, for_item("item-a", platypus));
        assert_ne!(a, for_item("item-b", platypus));
        let kinds: Vec<&str> = a.iter().map(|x| x.kind).collect();
        assert_eq!(
            kinds,
            ["depository", "depository", "credit", "loan", "investment"]
        );
        for account in &a {
            assert_eq!(account.id.len(), ID_LEN);
            assert!(account.number.ends_with(&account.mask));
            assert_eq!(account.currency, "USD");
        }
    }

    #[test]
    fn money_has_at_most_two_decimals() {
        for account in for_item("item-money", bank("ins_109508")) {
            let json = account.to_json();
            let current = json["balances"]["current"].as_f64().unwrap();
            let text = current.to_string();
            let decimals = text.split_once('.').map_or(0, |(_, d)| d.len());
            assert!(decimals <= 2, "{text}");
        }
    }

    #[test]
    fn numbers_follow_the_country_and_cover_depository_accounts_only() {
        let accounts = for_item("item-n", bank("ins_109508"));
        let refs: Vec<&Account> = accounts.iter().collect();
        let us = numbers(&refs, bank("ins_109508"));
        assert_eq!(us["ach"].as_array().unwrap().len(), 2);
        assert_eq!(us["eft"], json!([]));
        assert_eq!(us["ach"][0]["account_id"], accounts[0].id.as_str());
        let gb = numbers(&refs, bank("ins_117511"));
        assert_eq!(gb["bacs"][0]["sort_code"].as_str().unwrap().len(), 6);
        let ca = numbers(&refs, bank("ins_117509"));
        assert_eq!(ca["eft"].as_array().unwrap().len(), 2);
        let fr = numbers(&refs, bank("ins_117513"));
        let iban = fr["international"][0]["iban"].as_str().unwrap();
        assert!(iban.starts_with("FR"), "{iban}");
    }

    #[test]
    fn iban_check_digits_are_valid() {
        // The example IBAN of the standard: GB82 WEST 1234 5698 7654 32.
        assert_eq!(iban("GB", "WEST12345698765432"), "GB82WEST12345698765432");
    }
}
