//! Unit tests of the investments data: holdings that add up to the account, complete
//! securities, and deterministic, newest-first transactions.

use super::*;
use crate::modern::data::accounts::for_item;
use crate::modern::data::institutions::by_id;

fn retirement(item: &str) -> Account {
    for_item(item, by_id("ins_109508").unwrap()).remove(4)
}

#[test]
fn holdings_add_up_to_the_account_balance_to_the_cent() {
    for item in ["item-a", "item-b", "item-c"] {
        let account = retirement(item);
        let (holdings, held) = holdings(item, &account, 19_800);
        assert_eq!(held.len(), holdings.len());
        let total: i64 = holdings
            .iter()
            .map(|h| (h["institution_value"].as_f64().unwrap() * 100.0).round() as i64)
            .sum();
        assert_eq!(total, account.current as i64, "{item}");
        for h in &holdings {
            let value = h["institution_value"].as_f64().unwrap();
            let product =
                h["quantity"].as_f64().unwrap() * h["institution_price"].as_f64().unwrap();
            assert!((value - product).abs() < 0.01, "{h}");
        }
    }
}

#[test]
fn every_security_is_complete() {
    let all = securities(&(0..SECURITIES.len()).collect::<Vec<_>>(), 19_800);
    assert_eq!(all.len(), 8);
    for s in &all {
        assert_eq!(s.as_object().unwrap().len(), 24, "{s}");
    }
    assert!(all[CALL]["option_contract"]["strike_price"].is_number());
    assert!(all[T_BILL]["fixed_income"]["yield_rate"]["percentage"].is_number());
    assert!(all[APPLE]["option_contract"].is_null() && all[APPLE]["fixed_income"].is_null());
    assert_eq!(all[CASH]["is_cash_equivalent"], true);
    let ids: std::collections::HashSet<&str> = all
        .iter()
        .map(|s| s["security_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 8);
}

#[test]
fn transactions_span_24_months_newest_first_and_are_deterministic() {
    let account = retirement("item-t");
    let list = transactions("item-t", &account, 19_800);
    assert_eq!(list, transactions("item-t", &account, 19_800));
    assert!((50..=80).contains(&list.len()), "{}", list.len());
    assert!(list.windows(2).all(|w| w[0].day >= w[1].day));
    assert!(
        list.iter()
            .all(|t| (19_800 - 729..=19_800).contains(&t.day))
    );
    let kinds: std::collections::HashSet<String> = list
        .iter()
        .map(|t| t.to_json()["type"].as_str().unwrap().to_owned())
        .collect();
    for kind in ["buy", "sell", "cash", "fee"] {
        assert!(kinds.contains(kind), "{kind}");
    }
    let ids: std::collections::HashSet<String> = list
        .iter()
        .map(|t| {
            t.to_json()["investment_transaction_id"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(ids.len(), list.len());
}
