//! Decoding `/transactions/sync` pages (divan): plaid-core's typed models
//! beside two baselines on the same bytes, as in `benches/core.rs`:
//! - `plaid_core`: `TransactionsSync::parse_response` (status check, exact
//!   `Amount`s, dates and date-times, open enums, `Personal` wrappers),
//!   given an owned response whose clone is made outside the timed part;
//! - `serde_typed`: `serde_json::from_slice` into plain structs with the
//!   same fields (`String`s and `f64`s; `support/plain_modern.rs`);
//! - `serde_value`: `serde_json::from_slice::<serde_json::Value>`.
//!
//! Run: `cargo bench -p plaid-core --bench sync` (about a minute), piped
//! through `python3 bench/divan_table.py` for a table.
//!
//! On a loaded machine divan's wall-clock times swing by tens of per cent
//! between variants measured a few seconds apart. `PLAID_BENCH_CPU=1 cargo
//! bench -p plaid-core --bench sync` (or `=<rounds>`, 15 by default)
//! instead interleaves the decoders round after round and counts the CPU
//! time of the decoding thread (`/proc/thread-self/stat`, Linux), which
//! waiting for the CPU does not inflate.
//!
//! The bodies are generated here, deterministically, shaped like the
//! spec's example and varied as real histories are: several accounts,
//! merchants with and without a location, counterparties (none, one, two),
//! pending transactions and the posted ones that replace them, ACH payment
//! details, refunds, some date-times, pretty-printed as Plaid sends them.
//! The 500-transaction page is the largest the API serves; the
//! 100,000-transaction page is the whole history of a busy Item in one body,
//! to make per-transaction costs stand out.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "benchmark code: a broken fixture must abort the run"
)]

use std::sync::OnceLock;

use divan::Bencher;
use divan::counter::BytesCount;
use plaid_core::Endpoint;
use plaid_core::http::Response;
use plaid_core::modern::endpoints::TransactionsSync;
use plaid_core::transport::HttpResponse;
use serde_json::{Value, json};

#[path = "support/plain_modern.rs"]
mod plain_modern;
use plain_modern::PlainSyncResponse;

fn main() {
    if let Ok(job) = std::env::var(cpu::CHILD) {
        cpu::child(&job);
        return;
    }
    sanity_check();
    if std::env::var_os("PLAID_BENCH_CPU").is_some() {
        cpu::compare();
        return;
    }
    divan::main();
}

const ACCOUNTS: [&str; 3] = [
    "BxBXxLj1m4HMXBm9WZZmCWVbPjX16EHwv99vp",
    "dVzbVMLjrxTnLjX4G66XUp5GLklm4oiZy88yK",
    "Pp1Vpkl9w8sajvK6oEEKtr7vZxBnGpf7LxxLE",
];

/// (merchant, primary category, detailed category, channel, city).
const MERCHANTS: [(&str, &str, &str, &str, &str); 10] = [
    (
        "Walmart",
        "GENERAL_MERCHANDISE",
        "GENERAL_MERCHANDISE_SUPERSTORES",
        "in store",
        "Poway",
    ),
    (
        "Starbucks",
        "FOOD_AND_DRINK",
        "FOOD_AND_DRINK_COFFEE",
        "in store",
        "Seattle",
    ),
    (
        "Uber",
        "TRANSPORTATION",
        "TRANSPORTATION_TAXIS_AND_RIDE_SHARES",
        "online",
        "San Francisco",
    ),
    (
        "Amazon",
        "GENERAL_MERCHANDISE",
        "GENERAL_MERCHANDISE_ONLINE_MARKETPLACES",
        "online",
        "Seattle",
    ),
    (
        "Shell",
        "TRANSPORTATION",
        "TRANSPORTATION_GAS",
        "in store",
        "Houston",
    ),
    (
        "Netflix",
        "ENTERTAINMENT",
        "ENTERTAINMENT_TV_AND_MOVIES",
        "online",
        "Los Gatos",
    ),
    (
        "Whole Foods",
        "FOOD_AND_DRINK",
        "FOOD_AND_DRINK_GROCERIES",
        "in store",
        "Austin",
    ),
    (
        "Chipotle",
        "FOOD_AND_DRINK",
        "FOOD_AND_DRINK_FAST_FOOD",
        "in store",
        "Denver",
    ),
    (
        "Con Edison",
        "RENT_AND_UTILITIES",
        "RENT_AND_UTILITIES_GAS_AND_ELECTRICITY",
        "other",
        "New York",
    ),
    ("Delta", "TRAVEL", "TRAVEL_FLIGHTS", "online", "Atlanta"),
];

/// A 37-character id, like Plaid's.
fn id(prefix: char, i: u64) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    let mut x = i.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0x5555;
    let mut out = String::with_capacity(37);
    out.push(prefix);
    for _ in 0..36 {
        out.push(char::from(ALPHABET[(x % 62) as usize]));
        x = x.rotate_left(7).wrapping_add(i + 1);
    }
    out
}

fn day(i: u64) -> String {
    // Two years of days, newest first.
    let n = 730 - (i * 730 / 100_000).min(729);
    let (year, rest) = if n > 365 { (2024, n - 365) } else { (2023, n) };
    let month = (rest - 1) / 31 % 12 + 1;
    let day = (rest - 1) % 28 + 1;
    format!("{year}-{month:02}-{day:02}")
}

/// Transaction `i` of a generated history.
fn transaction(i: u64) -> Value {
    let (merchant, primary, detailed, channel, city) = MERCHANTS[(i % 10) as usize];
    let date = day(i);
    let cents = (i * 7919) % 25_000 + 1;
    let amount: Value = serde_json::from_str(&format!(
        "{}{}.{:02}",
        if i % 10 == 9 { "-" } else { "" },
        cents / 100,
        cents % 100
    ))
    .unwrap();
    let with_location = i % 3 == 0;
    let location = if with_location {
        json!({
            "address": format!("{} Market St", 100 + i % 900), "city": city, "region": "CA",
            "postal_code": format!("{:05}", 90000 + i % 9000), "country": "US",
            "lat": 37.7 + (i % 100) as f64 / 1000.0, "lon": -122.4 - (i % 50) as f64 / 1000.0,
            "store_number": format!("{}", 1000 + i % 500)
        })
    } else {
        json!({"address": null, "city": null, "region": null, "postal_code": null,
               "country": null, "lat": null, "lon": null, "store_number": null})
    };
    let payment_meta = if i % 10 == 4 {
        json!({"by_order_of": null, "payee": "Jane Q Public", "payer": null, "payment_method": "ACH",
               "payment_processor": null, "ppd_id": "1234567890", "reason": null,
               "reference_number": format!("REF{i:08}")})
    } else {
        json!({"by_order_of": null, "payee": null, "payer": null, "payment_method": null,
               "payment_processor": null, "ppd_id": null, "reason": null, "reference_number": null})
    };
    let website = format!("{}.com", merchant.to_lowercase().replace(' ', ""));
    let logo = format!(
        "https://plaid-merchant-logos.plaid.com/{}_{}.png",
        merchant.to_lowercase().replace(' ', "_"),
        i % 1000
    );
    let counterparty = |name: &str, kind: &str| {
        json!({"name": name, "type": kind, "logo_url": logo, "website": website,
               "entity_id": id('E', i % 500), "confidence_level": "VERY_HIGH"})
    };
    let counterparties = match i % 10 {
        0 => json!([]),
        7 => json!([
            counterparty("DoorDash", "marketplace"),
            counterparty(merchant, "merchant")
        ]),
        _ => json!([counterparty(merchant, "merchant")]),
    };
    let pending = i % 16 == 7;
    let timed = i % 2 == 0;
    json!({
        "account_id": ACCOUNTS[(i % 3) as usize],
        "account_owner": null,
        "amount": amount,
        "iso_currency_code": "USD",
        "unofficial_currency_code": null,
        "check_number": null,
        "counterparties": counterparties,
        "date": date,
        "datetime": if timed { json!(format!("{date}T{:02}:{:02}:{:02}Z", i % 24, i % 60, (i * 7) % 60)) } else { json!(null) },
        "authorized_date": date,
        "authorized_datetime": if timed { json!(format!("{date}T{:02}:{:02}:00Z", (i + 3) % 24, i % 60)) } else { json!(null) },
        "location": location,
        "name": format!("PURCHASE {} #{}", merchant.to_uppercase(), 1000 + i % 500),
        "merchant_name": merchant,
        "merchant_entity_id": id('E', i % 500),
        "logo_url": logo,
        "website": website,
        "payment_meta": payment_meta,
        "payment_channel": channel,
        "pending": pending,
        "pending_transaction_id": if i % 16 == 9 { json!(id('P', i)) } else { json!(null) },
        "personal_finance_category": {"primary": primary, "detailed": detailed, "confidence_level": "VERY_HIGH"},
        "personal_finance_category_icon_url": format!("https://plaid-category-icons.plaid.com/PFC_{primary}.png"),
        "transaction_id": id('T', i),
        "transaction_code": null,
        "transaction_type": if channel == "online" { "digital" } else { "place" },
    })
}

/// A sync page with `n` added transactions.
fn sync_body(n: u64) -> Vec<u8> {
    let accounts: Vec<Value> = ACCOUNTS
        .iter()
        .zip(["0000", "3333", "7777"])
        .map(|(account, mask)| {
            json!({
                "account_id": account,
                "balances": {"available": 110.94, "current": 110.94, "iso_currency_code": "USD",
                             "limit": null, "unofficial_currency_code": null},
                "mask": mask, "name": "Plaid Checking",
                "official_name": "Plaid Gold Standard 0% Interest Checking",
                "subtype": "checking", "type": "depository"
            })
        })
        .collect();
    let body = json!({
        "accounts": accounts,
        "added": (0..n).map(transaction).collect::<Vec<_>>(),
        "modified": [],
        "removed": [{"account_id": ACCOUNTS[0], "transaction_id": id('T', n + 1)}],
        "next_cursor": "tVUUL15lYQN5rBnfDIc1I8xudpGdIlw9nsgeXWvhOfkECvUeR663i3Dt1uf/94S8ASkitgLcIiOSqNwzzp+bh89kirazha5vuZHBb2ZA5NtCDkkV",
        "has_more": false,
        "request_id": "Wvhy9PZHQLV8njG",
        "transactions_update_status": "HISTORICAL_UPDATE_COMPLETE",
    });
    serde_json::to_vec_pretty(&body).unwrap()
}

fn body(n: u64) -> &'static [u8] {
    static PAGE: OnceLock<Vec<u8>> = OnceLock::new();
    static HISTORY: OnceLock<Vec<u8>> = OnceLock::new();
    match n {
        500 => PAGE.get_or_init(|| sync_body(500)),
        _ => HISTORY.get_or_init(|| sync_body(100_000)),
    }
}

fn response(body: &[u8]) -> HttpResponse {
    Response::builder()
        .status(200)
        .header("content-type", "application/json")
        .body(body.to_vec())
        .unwrap()
}

const VARIANTS: &[&str] = &["plaid_core", "serde_typed", "serde_value"];

fn parse3(bencher: Bencher<'_, '_>, variant: &str, body: &'static [u8]) {
    let bencher = bencher.counter(BytesCount::of_slice(body));
    match variant {
        "plaid_core" => bencher
            .with_inputs(|| response(body))
            .bench_local_values(TransactionsSync::parse_response),
        "serde_typed" => bencher
            .bench_local(|| serde_json::from_slice::<PlainSyncResponse>(divan::black_box(body))),
        _ => bencher.bench_local(|| serde_json::from_slice::<Value>(divan::black_box(body))),
    }
}

mod parse {
    use super::*;

    /// One full page: 500 transactions.
    #[divan::bench(args = VARIANTS, max_time = 2)]
    fn transactions_sync_500(bencher: Bencher<'_, '_>, variant: &str) {
        parse3(bencher, variant, body(500));
    }

    /// A 100,000-transaction body.
    #[divan::bench(args = VARIANTS, max_time = 6, sample_count = 10, sample_size = 1)]
    fn transactions_sync_100000(bencher: Bencher<'_, '_>, variant: &str) {
        parse3(bencher, variant, body(100_000));
    }
}

/// Every variant decodes every body, and plaid-core's sees what the body
/// holds, before anything is timed.
fn sanity_check() {
    for n in [500, 100_000] {
        let bytes = body(n);
        let page = TransactionsSync::parse_response(response(bytes)).expect("plaid-core decodes");
        assert_eq!(page.added.len() as u64, n);
        assert!(page.added.iter().any(|t| t.pending));
        assert!(page.added.iter().any(|t| t.amount.is_negative()));
        assert!(page.added.iter().any(|t| t.counterparties.len() == 2));
        let plain: PlainSyncResponse = serde_json::from_slice(bytes).expect("plain decodes");
        assert_eq!(plain.added.len() as u64, n);
        assert!(serde_json::from_slice::<Value>(bytes).is_ok());
    }
}

/// The CPU-time comparison (`PLAID_BENCH_CPU=<rounds>`).
///
/// Each measurement runs in a fresh child process (this binary again, with
/// [`CHILD`](cpu::CHILD) set), so that no variant decodes into a heap the
/// others left fragmented, and counts only the CPU time of its decodes.
/// Each round measures every variant once, in a rotating order; the report
/// gives each variant's median and the median of the per-round ratios,
/// which a load that changes from round to round does not bias.
mod cpu {
    use std::path::PathBuf;
    use std::process::Command;
    use std::time::Duration;

    use super::*;

    /// The environment variable that makes this binary a measuring child:
    /// `<variant>:<transactions>:<repetitions>`.
    pub(super) const CHILD: &str = "PLAID_BENCH_SYNC_CHILD";

    const NAMES: [&str; 4] = ["plaid_core", "serde_typed", "typed_owned", "serde_value"];

    fn body_file(n: u64) -> PathBuf {
        std::env::temp_dir().join(format!("plaid-core-bench-sync-{n}.json"))
    }

    /// The CPU time this thread has used (user + system), from
    /// `/proc/thread-self/stat` (clock ticks of 10 ms).
    fn thread_cpu() -> Duration {
        let stat = std::fs::read_to_string("/proc/thread-self/stat").expect("Linux /proc");
        let after = stat.rsplit_once(')').expect("a stat line").1;
        let fields: Vec<&str> = after.split_whitespace().collect();
        let ticks: u64 = fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap();
        Duration::from_millis(ticks * 10)
    }

    /// The CPU time of decoding every input; the outputs are dropped after
    /// the measured span (a consumed input inside it, as in real use).
    fn timed<I, O>(inputs: Vec<I>, mut decode: impl FnMut(I) -> O) -> Duration {
        let mut outputs = Vec::with_capacity(inputs.len());
        let start = thread_cpu();
        for input in inputs {
            outputs.push(decode(input));
        }
        let spent = thread_cpu() - start;
        drop(divan::black_box(outputs));
        spent
    }

    /// Runs one measurement and prints the seconds per decode. `plaid_core`
    /// consumes an owned response (made beforehand and freed inside the
    /// span); `typed_owned` is plain serde given the same, an owned copy of
    /// the body freed after the decode; the other two decode the same
    /// borrowed bytes every time.
    pub(super) fn child(job: &str) {
        let mut parts = job.split(':');
        let (variant, n, reps) = (
            parts.next().unwrap(),
            parts.next().unwrap().parse::<u64>().unwrap(),
            parts.next().unwrap().parse::<usize>().unwrap(),
        );
        let body: &'static [u8] =
            Box::leak(std::fs::read(body_file(n)).unwrap().into_boxed_slice());
        let spent = match variant {
            "plaid_core" => timed(
                (0..reps).map(|_| response(body)).collect(),
                TransactionsSync::parse_response,
            ),
            "typed_owned" => timed((0..reps).map(|_| body.to_vec()).collect(), |owned| {
                serde_json::from_slice::<PlainSyncResponse>(&owned)
            }),
            "serde_typed" => timed(vec![(); reps], |()| {
                serde_json::from_slice::<PlainSyncResponse>(divan::black_box(body))
            }),
            _ => timed(vec![(); reps], |()| {
                serde_json::from_slice::<Value>(divan::black_box(body))
            }),
        };
        println!("{}", spent.as_secs_f64() / reps as f64);
    }

    fn measure(variant: &str, n: u64, reps: usize) -> f64 {
        let exe = std::env::current_exe().unwrap();
        let out = Command::new(exe)
            .env(CHILD, format!("{variant}:{n}:{reps}"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout)
            .unwrap()
            .trim()
            .parse()
            .unwrap()
    }

    pub(super) fn compare() {
        let rounds: usize = std::env::var("PLAID_BENCH_CPU")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(15);
        for (n, reps) in [(500_u64, 300), (100_000, 2)] {
            std::fs::write(body_file(n), body(n)).unwrap();
            let mut times: Vec<[f64; 4]> = Vec::new();
            for round in 0..rounds {
                // Alternate the order so no variant always follows another.
                let mut order = [0, 1, 2, 3];
                order.rotate_left(round % 4);
                let mut row = [0.0; 4];
                for i in order {
                    row[i] = measure(NAMES[i], n, reps);
                }
                times.push(row);
            }
            let _ = std::fs::remove_file(body_file(n));
            let median = |mut v: Vec<f64>| {
                v.sort_by(f64::total_cmp);
                v[v.len() / 2]
            };
            let column = |i: usize| median(times.iter().map(|row| row[i]).collect()) * 1e3;
            let ratio =
                |i: usize, j: usize| median(times.iter().map(|row| row[i] / row[j]).collect());
            println!(
                "transactions_sync_{n} ({:.1} MB, {rounds} rounds, CPU ms per decode, medians): \
                 plaid_core {:.2}, serde_typed {:.2}, typed_owned {:.2}, serde_value {:.2}; \
                 plaid_core/typed {:.3}, plaid_core/typed_owned {:.3}, plaid_core/Value {:.3}",
                body(n).len() as f64 / 1e6,
                column(0),
                column(1),
                column(2),
                column(3),
                ratio(0, 1),
                ratio(0, 2),
                ratio(0, 3),
            );
        }
    }
}
