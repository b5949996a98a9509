//! The transaction history of an Item, generated lazily and deterministically.
//!
//! A [`History`] is a handful of numbers and one table per day, never the transactions
//! themselves: transaction `i` (0 = the oldest) is computed from the Item's seed and `i` when
//! it is needed, so a history of 100,000 transactions costs a few kilobytes and any page of it
//! is as cheap as any other. The same Item always gets the same history.
//!
//! A standard history spans `days_requested` days ending on the day the transactions were
//! first pulled. Each day has its recurring payments (payroll, rent, bills, subscriptions,
//! transfers: [`LEGS`], on their schedules) first, then 0 to 5 card purchases and
//! other payments drawn from [`payees::MERCHANTS`]; the last two days hold at least two
//! purchases, and the purchases of those two days are still pending. A bulk history (the
//! benchmark users) has exactly the number of transactions asked for, spread unevenly over the
//! days, and no recurring payments. Money is drawn in cents, so every amount is exact to the
//! cent. Transactions land on the Item's checking account, savings account and credit card.

use std::fmt;

use serde_json::{Value, json};

use crate::legacy::data::categories;
use crate::modern::clock;
use crate::modern::data::payees::{self, CARD, CHECKING, City, MERCHANTS, Meta, Payee};
use crate::modern::data::recurring::{LEGS, Leg};
use crate::modern::ids::{self, ID_LEN, Stream};

/// How many transactions a history has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Size {
    /// A realistic everyday history (about three transactions a day).
    Standard,
    /// Exactly this many transactions, no recurring payments (benchmarks).
    Bulk(u32),
}

/// Salts that keep the streams of one transaction apart.
const ID_SALT: u64 = 0x1d;
const BODY_SALT: u64 = 0xb0d7;
const PENDING_SALT: u64 = 0x9e4d;
const DAY_SALT: u64 = 0xda7;
const AMOUNT_SALT: u64 = 0xa3;

/// The days before the last one whose purchases are still pending.
const PENDING_DAYS: i64 = 1;

/// One transaction, as the log and the responses handle it.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Txn {
    /// `transaction_id`.
    pub(crate) id: String,
    /// The index of its account among the history's accounts (checking, savings, card).
    pub(crate) account: usize,
    /// `amount` in cents (positive: money out).
    pub(crate) cents: i64,
    /// `date`.
    pub(crate) day: i64,
    /// `authorized_date`.
    pub(crate) authorized: Option<i64>,
    /// Seconds after midnight of `datetime` and `authorized_datetime`, when known.
    pub(crate) time: Option<u32>,
    /// `pending`.
    pub(crate) pending: bool,
    /// `pending_transaction_id`.
    pub(crate) pending_id: Option<String>,
    /// Who it is with.
    pub(crate) payee: &'static Payee,
    /// The recurring leg it is an occurrence of (an index into [`LEGS`]).
    pub(crate) leg: Option<usize>,
    /// The store: its city and its number.
    pub(crate) store: Option<(&'static City, u32)>,
    /// Whether a refresh recategorised it.
    pub(crate) recategorized: bool,
    /// The reference number of its payment.
    pub(crate) reference: u64,
}

/// The history of one Item.
#[derive(Clone, PartialEq)]
pub(crate) struct History {
    seed: u64,
    /// The oldest day.
    pub(crate) first_day: i64,
    /// The newest day (the day the transactions were pulled).
    pub(crate) last_day: i64,
    /// `cum[d]`: how many transactions fall before day `first_day + d` (`days + 1` entries).
    cum: Vec<u32>,
    recurring: bool,
    /// The account ids of checking, savings and card.
    pub(crate) accounts: [String; 3],
    /// The accounts' currency.
    pub(crate) currency: &'static str,
    /// Whether the institution is European (it reports `transaction_code`).
    european: bool,
    cities: &'static [City],
}

impl fmt::Debug for History {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("History")
            .field("first_day", &clock::date(self.first_day))
            .field("last_day", &clock::date(self.last_day))
            .field("transactions", &self.len())
            .finish_non_exhaustive()
    }
}

/// Where an Item's transactions happen: its accounts, currency and country.
#[derive(Debug, Clone)]
pub(crate) struct Place {
    /// The account ids of checking, savings and card.
    pub(crate) accounts: [String; 3],
    /// Their currency.
    pub(crate) currency: &'static str,
    /// The institution's country.
    pub(crate) country: &'static str,
}

impl History {
    /// The history of the Item `item_id` at `place`: `days` days ending on `last_day`.
    pub(crate) fn new(
        item_id: &str,
        place: Place,
        last_day: i64,
        days: u32,
        size: Size,
    ) -> History {
        let seed = ids::hash(item_id);
        let days = days.max(1);
        let first_day = last_day - i64::from(days) + 1;
        let mut rng = Stream::nth(seed, DAY_SALT);
        let recurring = size == Size::Standard;
        let mut cum = Vec::with_capacity(days as usize + 1);
        cum.push(0u32);
        match size {
            Size::Standard => {
                for d in 0..i64::from(days) {
                    let day = first_day + d;
                    let legs = legs_on(day).count() as u64;
                    let mut drawn = rng.range(0, 5);
                    if day == last_day {
                        drawn = drawn.max(2);
                    }
                    let before = cum[cum.len() - 1];
                    cum.push(before + (legs + drawn) as u32);
                }
            }
            Size::Bulk(n) => {
                let weights: Vec<u64> = (0..days).map(|_| rng.range(1, 7)).collect();
                let total: u64 = weights.iter().sum();
                let mut prefix = 0u64;
                for w in weights {
                    prefix += w;
                    cum.push((u64::from(n) * prefix / total) as u32);
                }
            }
        }
        let european = !matches!(place.country, "US" | "CA");
        History {
            seed,
            first_day,
            last_day,
            cum,
            recurring,
            accounts: place.accounts,
            currency: place.currency,
            european,
            cities: payees::cities(place.country),
        }
    }

    /// How many transactions it has.
    pub(crate) fn len(&self) -> u32 {
        self.cum.last().copied().unwrap_or(0)
    }

    /// The index of the first transaction on or after `day` (the history's length after it).
    pub(crate) fn first_on(&self, day: i64) -> u32 {
        let d = (day - self.first_day).clamp(0, self.cum.len() as i64 - 1);
        self.cum[d as usize]
    }

    /// The id of transaction `i` (cheaper than generating it).
    pub(crate) fn id(&self, i: u32) -> String {
        Stream::nth(self.seed ^ ID_SALT, u64::from(i)).base62(ID_LEN)
    }

    /// Transaction `i` (`i < len()`).
    pub(crate) fn txn(&self, i: u32) -> Txn {
        let d = self.cum.partition_point(|c| *c <= i).saturating_sub(1);
        let day = self.first_day + d as i64;
        let slot = (i - self.cum[d]) as usize;
        if self.recurring {
            if let Some((index, leg)) = legs_on(day).nth(slot) {
                return self.occurrence(i, index, leg, day);
            }
        }
        let mut rng = Stream::nth(self.seed ^ BODY_SALT, u64::from(i));
        let card_only = day >= self.last_day - PENDING_DAYS;
        let mut txn = self.purchase(&mut rng, self.id(i), day, card_only);
        if txn.payee.is_card_purchase() {
            if card_only {
                txn.pending = true;
                txn.authorized = Some(day);
            } else if txn.authorized.is_some_and(|a| a < day) {
                let mut pending = Stream::nth(self.seed ^ PENDING_SALT, u64::from(i));
                txn.pending_id = Some(pending.base62(ID_LEN));
            }
        }
        txn
    }

    /// A posted occurrence of a recurring leg.
    fn occurrence(&self, i: u32, index: usize, leg: &'static Leg, day: i64) -> Txn {
        let payee = &leg.payee;
        let mut amount = Stream::nth(self.seed ^ AMOUNT_SALT ^ (leg.amount_key << 32), day as u64);
        let cents = if leg.fixed {
            payee.cents.0
        } else {
            amount.range(payee.cents.0 as u64, payee.cents.1 as u64) as i64
        };
        let mut rng = Stream::nth(self.seed ^ BODY_SALT, u64::from(i));
        Txn {
            id: self.id(i),
            account: account_index(leg.account),
            cents: if leg.incoming { -cents } else { cents },
            day,
            authorized: None,
            time: None,
            pending: false,
            pending_id: None,
            payee,
            leg: Some(index),
            store: None,
            recategorized: false,
            reference: rng.next_u64() % 10_000_000_000,
        }
    }

    /// A transaction with one of the everyday merchants on `day` (a card purchase when
    /// `card_only`), posted, with the id `id`.
    pub(crate) fn purchase(&self, rng: &mut Stream, id: String, day: i64, card_only: bool) -> Txn {
        let payee = pick_merchant(rng, card_only);
        let account = if payee.accounts & CARD != 0 && (payee.accounts == CARD || rng.chance(60)) {
            CARD
        } else {
            CHECKING
        };
        let cents = rng.range(payee.cents.0 as u64, payee.cents.1 as u64) as i64;
        let card = payee.is_card_purchase();
        let store = (payee.channel == "in store").then(|| {
            let city = &self.cities[(rng.next_u64() % self.cities.len() as u64) as usize];
            (city, rng.range(100, 9_999) as u32)
        });
        let time = card.then(|| rng.range(7 * 3600, 22 * 3600) as u32);
        let lag = rng.range(0, 2) as i64;
        Txn {
            id,
            account: account_index(account),
            cents,
            day,
            authorized: card.then_some(day - lag),
            time,
            pending: false,
            pending_id: None,
            payee,
            leg: None,
            store,
            recategorized: false,
            reference: rng.next_u64() % 10_000_000_000,
        }
    }

    /// A stream for the `n`th draw of something about this history (a refresh's changes).
    pub(crate) fn stream(&self, salt: u64, n: u64) -> Stream {
        Stream::nth(self.seed ^ salt, n)
    }

    /// Whether transactions of this history are recurring at all.
    pub(crate) fn has_recurring(&self) -> bool {
        self.recurring
    }

    /// The index of the occurrence of leg `index` on `day`, if it fires then.
    pub(crate) fn occurrence_index(&self, index: usize, day: i64) -> Option<u32> {
        if !self.recurring || day < self.first_day || day > self.last_day {
            return None;
        }
        let slot = legs_on(day).position(|(i, _)| i == index)?;
        Some(self.first_on(day) + slot as u32)
    }

    /// The spec's `Transaction` of `txn`: every required key, nullable ones as `null`, and
    /// `location`, `payment_meta`, `personal_finance_category` and `counterparties` complete.
    /// `original_description` is the raw text when asked for, else `null`.
    pub(crate) fn to_json(&self, txn: &Txn, original_description: bool) -> Value {
        let payee = txn.payee;
        let category = categories::find(payee.category_id);
        let merchant = payee
            .merchant
            .map(|_| payee.parties[payee.parties.len() - 1]);
        let detailed = if txn.recategorized {
            payee.recategorized
        } else {
            payee.pfc.1
        };
        let counterparties: Vec<Value> = payee
            .parties
            .iter()
            .map(|p| {
                json!({
                    "name": p.name,
                    "type": p.kind,
                    "website": p.website,
                    "logo_url": p.logo.map(logo_url),
                    "entity_id": entity_id(p.name),
                    "confidence_level": "VERY_HIGH",
                })
            })
            .collect();
        let original = original_description.then(|| match txn.store {
            Some((city, number)) => format!("{} {number} {} {}", payee.name, city.0, city.1),
            None => payee.name.to_owned(),
        });
        json!({
            "account_id": self.accounts[txn.account],
            "account_owner": null,
            "amount": txn.cents as f64 / 100.0,
            "iso_currency_code": self.currency,
            "unofficial_currency_code": null,
            "category": category.map(|c| c.hierarchy.clone()),
            "category_id": payee.category_id,
            "check_number": null,
            "counterparties": counterparties,
            "date": clock::date(txn.day),
            "datetime": txn.time.map(|t| clock::datetime(txn.day, t)),
            "authorized_date": txn.authorized.map(clock::date),
            "authorized_datetime": txn.authorized.zip(txn.time).map(|(d, t)| clock::datetime(d, t)),
            "location": location(txn.store),
            "name": payee.name,
            "merchant_name": payee.merchant,
            "merchant_entity_id": merchant.map(|m| entity_id(m.name)),
            "logo_url": merchant.and_then(|m| m.logo).map(logo_url),
            "website": merchant.and_then(|m| m.website),
            "original_description": original,
            "payment_meta": payment_meta(payee.meta, txn.reference),
            "payment_channel": payee.channel,
            "pending": txn.pending,
            "pending_transaction_id": txn.pending_id,
            "personal_finance_category": {
                "primary": payee.pfc.0,
                "detailed": detailed,
                "confidence_level": if txn.recategorized { "HIGH" } else { "VERY_HIGH" },
            },
            "personal_finance_category_icon_url":
                format!("https://plaid-category-icons.plaid.com/PFC_{}.png", payee.pfc.0),
            "transaction_id": txn.id,
            "transaction_code": self.european.then_some(payee.code),
            "transaction_type": category.map_or("unresolved", |c| c.kind),
        })
    }
}

/// The recurring legs that fire on `day`, with their indices, in table order.
pub(crate) fn legs_on(day: i64) -> impl Iterator<Item = (usize, &'static Leg)> {
    LEGS.iter()
        .enumerate()
        .filter(move |(_, leg)| leg.schedule.fires(day))
}

/// The index among checking, savings and card of a one-account set.
fn account_index(account: payees::Accounts) -> usize {
    account.trailing_zeros() as usize
}

/// An everyday merchant, by weight.
fn pick_merchant(rng: &mut Stream, card_only: bool) -> &'static Payee {
    let eligible = |m: &&Payee| !card_only || m.is_card_purchase();
    let total: u64 = MERCHANTS.iter().filter(eligible).map(|m| m.weight).sum();
    let mut roll = rng.next_u64() % total.max(1);
    for merchant in MERCHANTS.iter().filter(eligible) {
        if roll < merchant.weight {
            return merchant;
        }
        roll -= merchant.weight;
    }
    &MERCHANTS[0]
}

/// The stable entity id of a merchant or counterparty.
fn entity_id(name: &str) -> String {
    Stream::from_text(&format!("entity/{name}")).base62(ID_LEN)
}

fn logo_url(file: &str) -> String {
    format!("https://plaid-merchant-logos.plaid.com/{file}")
}

/// A complete `Location`: the store's, or every key `null` for a purchase without one.
fn location(store: Option<(&'static City, u32)>) -> Value {
    match store {
        Some(((city, region, postal, country, lat, lon), number)) => {
            let streets = ["Market St", "Broadway", "Main St", "High St", "Harbour Rd"];
            let street = streets[number as usize % streets.len()];
            json!({
                "address": format!("{} {street}", number % 900 + 100),
                "city": city,
                "region": region,
                "postal_code": postal,
                "country": country,
                "lat": lat,
                "lon": lon,
                "store_number": number.to_string(),
            })
        }
        None => json!({
            "address": null, "city": null, "region": null, "postal_code": null,
            "country": null, "lat": null, "lon": null, "store_number": null,
        }),
    }
}

/// A complete `PaymentMeta` for `meta`.
fn payment_meta(meta: Meta, reference: u64) -> Value {
    let reference = format!("{reference:010}");
    let mut value = json!({
        "reference_number": null, "ppd_id": null, "payee": null, "by_order_of": null,
        "payer": null, "payment_method": null, "payment_processor": null, "reason": null,
    });
    match meta {
        Meta::None => {}
        Meta::AchCredit(payer) => {
            value["payer"] = json!(payer);
            value["ppd_id"] = json!(format!("1{}", &reference[1..]));
            value["payment_method"] = json!("ACH");
            value["reference_number"] = json!(reference);
        }
        Meta::Bill(payee, processor) => {
            value["payee"] = json!(payee);
            value["payment_processor"] = json!(processor);
            value["reference_number"] = json!(reference);
        }
        Meta::App(processor) => {
            value["payment_processor"] = json!(processor);
            value["payment_method"] = json!("ACH");
            value["reason"] = json!("Payment");
        }
        Meta::Internal => {
            value["payment_method"] = json!("Online transfer");
            value["reference_number"] = json!(reference);
        }
    }
    value
}

#[cfg(test)]
mod tests;
