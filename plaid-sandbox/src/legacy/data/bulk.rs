//! Deterministic generated transactions for benchmarks (`test_bulk_<N>` access tokens).
//!
//! Transaction `i` depends only on `i`: same ids, amounts and dates on every run and machine.
//! Dates go back from 2014-07-24, eight transactions a day. Every `category_id` exists in
//! [`crate::legacy::data::categories`] with the same hierarchy.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use serde_json::{Value, json};

use crate::legacy::data::{accounts, categories};
use crate::mix::splitmix;

/// The largest N accepted in `test_bulk_<N>`.
pub(crate) const MAX_BULK: u32 = 200_000;

/// (merchant, category id, type.primary)
const MERCHANTS: &[(&str, &str, &str)] = &[
    ("Starbucks", "13005043", "place"),
    ("Uber", "22006001", "special"),
    ("Whole Foods Market", "19047000", "place"),
    ("Shell", "22009000", "place"),
    ("Amazon", "19019000", "digital"),
    ("ATM Withdrawal", "21012002", "special"),
    ("Company Payroll", "21009000", "special"),
    ("Venmo Payment", "21010001", "special"),
    ("Papa Johns Pizza", "13005012", "place"),
    ("Sushi Ran", "13005006", "place"),
    ("The Page Bar", "13001000", "place"),
    ("Overdraft Fee", "10001000", "special"),
    ("Macy's", "19018000", "place"),
    ("Apple Store", "19013000", "place"),
    ("Interest Payment", "15000000", "unresolved"),
    ("Online Transfer", "21001000", "special"),
];

const CITIES: &[(&str, &str)] = &[
    ("San Francisco", "CA"),
    ("New York", "NY"),
    ("Atlanta", "GA"),
    ("Chicago", "IL"),
];

const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
pub(crate) fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number.
pub(crate) fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

fn id_for(i: u64) -> String {
    let mut out = String::with_capacity(37);
    let mut state = i.wrapping_mul(0x2545_f491_4f6c_dd1d) ^ 0xb01c_5eed;
    while out.len() < 37 {
        state = splitmix(state);
        let mut x = state;
        for _ in 0..10 {
            if out.len() == 37 {
                break;
            }
            out.push(char::from(ALPHABET[(x % 62) as usize]));
            x /= 62;
        }
    }
    out
}

/// Transaction number `i` (0-based) of the bulk set.
pub(crate) fn transaction(i: u64) -> Value {
    let h = splitmix(i ^ 0x005e_ed0f_b01c);
    let (merchant, category_id, primary) = MERCHANTS[(h % MERCHANTS.len() as u64) as usize];
    let account = accounts::ACCOUNT_IDS[((h >> 8) % 4) as usize];
    let cents = ((h >> 16) % 50_000) as i64 + 1;
    let amount = if category_id == "21009000" || category_id == "15000000" {
        -(cents as f64) / 100.0
    } else {
        cents as f64 / 100.0
    };
    let day = days_from_civil(2014, 7, 24) - (i / 8) as i64;
    let (y, m, d) = civil_from_days(day);
    let (city, state) = CITIES[((h >> 40) % CITIES.len() as u64) as usize];
    let hierarchy = categories::find(category_id).map_or_else(Vec::new, |c| c.hierarchy.clone());
    json!({
        "_account": account,
        "_id": id_for(i),
        "amount": amount,
        "date": format!("{y:04}-{m:02}-{d:02}"),
        "name": merchant,
        "meta": { "location": { "city": city, "state": state } },
        "pending": false,
        "type": { "primary": primary },
        "category": hierarchy,
        "category_id": category_id,
        "score": { "location": { "city": 1, "state": 1 }, "name": 1 },
    })
}

/// All `n` bulk transactions, lazily.
pub(crate) fn transactions(n: u32) -> impl Iterator<Item = Value> {
    (0..u64::from(n)).map(transaction)
}

struct LazyTxns(u32);

impl Serialize for LazyTxns {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0 as usize))?;
        for t in transactions(self.0) {
            seq.serialize_element(&t)?;
        }
        seq.end()
    }
}

struct LazyBody<'a> {
    token: &'a str,
    n: u32,
}

impl Serialize for LazyBody<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Keys in the same (sorted) order as every other body of the emulator.
        let mut map = s.serialize_map(Some(3))?;
        map.serialize_entry("access_token", self.token)?;
        map.serialize_entry("accounts", accounts::accounts())?;
        map.serialize_entry("transactions", &LazyTxns(self.n))?;
        map.end()
    }
}

/// The pretty-printed `/connect/get` body for `n` bulk transactions, generated without
/// materialising them all as JSON values.
pub(crate) fn connect_body(token: &str, n: u32) -> Vec<u8> {
    let mut out = Vec::with_capacity(n as usize * 560 + 4096);
    let _ = serde_json::to_writer_pretty(&mut out, &LazyBody { token, n });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        let d = days_from_civil(2014, 7, 24);
        assert_eq!(civil_from_days(d), (2014, 7, 24));
        assert_eq!(civil_from_days(d - 24), (2014, 6, 30));
        assert_eq!(
            civil_from_days(days_from_civil(2012, 2, 29) + 1),
            (2012, 3, 1)
        );
    }

    #[test]
    fn bulk_is_deterministic_and_categorised() {
        assert_eq!(transaction(42), transaction(42));
        assert_ne!(transaction(1)["_id"], transaction(2)["_id"]);
        let body = connect_body("test_bulk_10", 10);
        let v: Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(v["transactions"].as_array().unwrap().len(), 10);
        for t in v["transactions"].as_array().unwrap() {
            let c = categories::find(t["category_id"].as_str().unwrap()).unwrap();
            assert_eq!(t["category"], json!(c.hierarchy));
        }
    }
}
