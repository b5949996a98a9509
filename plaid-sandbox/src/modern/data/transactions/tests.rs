//! Unit tests of the generated histories: determinism, dates, pending purchases, recurring
//! payments, bulk sizes, and complete `Transaction` objects.

use super::*;

fn place(country: &'static str, currency: &'static str) -> Place {
    Place {
        accounts: ["checking".into(), "savings".into(), "card".into()],
        currency,
        country,
    }
}

fn history(item: &str, days: u32, size: Size) -> History {
    let last = clock::parse_date("2024-03-20").unwrap();
    History::new(item, place("US", "USD"), last, days, size)
}

fn all(h: &History) -> Vec<Txn> {
    (0..h.len()).map(|i| h.txn(i)).collect()
}

#[test]
fn an_item_always_gets_the_same_history_and_two_items_differ() {
    let a = history("item-a", 90, Size::Standard);
    assert_eq!(all(&a), all(&history("item-a", 90, Size::Standard)));
    let b = history("item-b", 90, Size::Standard);
    assert_ne!(all(&a)[..20], all(&b)[..20]);
    assert!((150..600).contains(&a.len()), "{}", a.len());
    let ids: std::collections::HashSet<String> = all(&a).into_iter().map(|t| t.id).collect();
    assert_eq!(ids.len(), a.len() as usize, "ids are unique");
    assert_eq!(a.id(7), a.txn(7).id);
}

#[test]
fn transactions_are_in_date_order_within_the_window() {
    let h = history("item-dates", 730, Size::Standard);
    assert_eq!(clock::date(h.first_day), "2022-03-22");
    let txns = all(&h);
    assert!(txns.windows(2).all(|w| w[0].day <= w[1].day));
    assert!(txns[0].day >= h.first_day);
    assert_eq!(txns[txns.len() - 1].day, h.last_day);
    let march = h.first_on(clock::parse_date("2024-03-01").unwrap());
    assert!(txns[march as usize].day >= clock::parse_date("2024-03-01").unwrap());
    assert!(txns[march as usize - 1].day < clock::parse_date("2024-03-01").unwrap());
    assert_eq!(h.first_on(h.last_day + 10), h.len());
    assert_eq!(h.first_on(h.first_day - 10), 0);
}

#[test]
fn only_the_last_two_days_hold_pending_purchases() {
    let h = history("item-pending", 30, Size::Standard);
    let txns = all(&h);
    let pending: Vec<&Txn> = txns.iter().filter(|t| t.pending).collect();
    assert!(pending.len() >= 2, "{}", pending.len());
    for t in &txns {
        let recent = t.day >= h.last_day - PENDING_DAYS;
        assert_eq!(t.pending, recent && t.leg.is_none(), "{t:?}");
        if t.pending {
            assert!(t.payee.is_card_purchase() && t.pending_id.is_none());
        }
    }
    assert!(
        txns.iter().any(|t| !t.pending && t.pending_id.is_some()),
        "some posted purchases name the pending transaction they replaced"
    );
}

#[test]
fn recurring_payments_follow_their_schedules() {
    let h = history("item-recurring", 120, Size::Standard);
    let payroll: Vec<String> = all(&h)
        .iter()
        .filter(|t| t.leg == Some(0))
        .map(|t| clock::date(t.day))
        .collect();
    assert_eq!(
        payroll,
        [
            "2023-11-30",
            "2023-12-15",
            "2023-12-31",
            "2024-01-15",
            "2024-01-31",
            "2024-02-15",
            "2024-02-29",
            "2024-03-15"
        ]
    );
    let rent: Vec<Txn> = all(&h).into_iter().filter(|t| t.leg == Some(1)).collect();
    assert!(
        rent.iter()
            .all(|t| clock::civil_of(t.day).2 == 1 && t.cents == 185_000)
    );
    let day = clock::parse_date("2024-03-02").unwrap();
    let (out, into) = (
        h.occurrence_index(2, day).unwrap(),
        h.occurrence_index(3, day).unwrap(),
    );
    let (out, into) = (h.txn(out), h.txn(into));
    assert_eq!(
        (out.cents, into.cents),
        (25_000, -25_000),
        "both sides of a transfer"
    );
    assert_eq!((out.account, into.account), (0, 1));
    assert_eq!(h.occurrence_index(1, day), None, "rent is on the 1st");
}

#[test]
fn a_bulk_history_has_exactly_the_size_asked_for_and_is_cheap_to_generate() {
    let started = std::time::Instant::now();
    let h = history("item-bulk", 90, Size::Bulk(100_000));
    assert!(
        started.elapsed() < std::time::Duration::from_millis(200),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(h.len(), 100_000);
    let started = std::time::Instant::now();
    let ids: std::collections::HashSet<String> = (0..h.len()).map(|i| h.txn(i).id).collect();
    let all = started.elapsed();
    assert_eq!(ids.len(), 100_000, "ids are unique");
    assert!(
        all < std::time::Duration::from_secs(10),
        "generating them all took {all:?}"
    );
    assert!(!h.has_recurring());
    let last = h.txn(99_999);
    assert_eq!(last.day, h.last_day);
    assert_eq!(h.txn(0).day, h.first_day);
    assert_eq!(history("item-small", 90, Size::Bulk(1)).len(), 1);
}

fn keys(value: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

#[test]
fn every_transaction_is_a_complete_spec_object() {
    let h = history("item-json", 60, Size::Standard);
    for txn in all(&h) {
        let json = h.to_json(&txn, false);
        for key in [
            "account_id",
            "amount",
            "iso_currency_code",
            "unofficial_currency_code",
            "date",
            "pending",
            "transaction_id",
            "authorized_date",
            "authorized_datetime",
            "datetime",
            "payment_channel",
            "transaction_code",
            "location",
            "payment_meta",
            "pending_transaction_id",
        ] {
            assert!(json.get(key).is_some(), "{key} in {json}");
        }
        assert_eq!(keys(&json["location"]).len(), 8);
        assert_eq!(keys(&json["payment_meta"]).len(), 8);
        assert!(json["personal_finance_category"]["primary"].is_string());
        assert!(json["personal_finance_category"]["detailed"].is_string());
        for party in json["counterparties"].as_array().unwrap() {
            for key in ["name", "type", "website", "logo_url"] {
                assert!(party.get(key).is_some(), "{key} in {party}");
            }
        }
        let amount = json["amount"].as_f64().unwrap();
        assert_eq!((amount * 100.0).round() as i64, txn.cents);
        let text = json["amount"].to_string();
        assert!(
            text.split_once('.').is_none_or(|(_, d)| d.len() <= 2),
            "{text}"
        );
        assert!(
            json["transaction_code"].is_null(),
            "US institutions report none"
        );
        assert!(json["original_description"].is_null());
        assert!(!json["category"].as_array().unwrap().is_empty());
    }
}

#[test]
fn european_items_report_transaction_codes_and_local_stores() {
    let last = clock::parse_date("2024-03-20").unwrap();
    let h = History::new("item-fr", place("FR", "EUR"), last, 60, Size::Standard);
    let json: Vec<Value> = all(&h).iter().map(|t| h.to_json(t, true)).collect();
    assert!(json.iter().all(|t| t["transaction_code"].is_string()));
    assert!(json.iter().all(|t| t["iso_currency_code"] == "EUR"));
    assert!(json.iter().all(|t| t["original_description"].is_string()));
    let store = json
        .iter()
        .find(|t| t["location"]["city"].is_string())
        .unwrap();
    assert_eq!(store["location"]["country"], "FR");
}
