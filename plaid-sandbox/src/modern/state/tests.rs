//! Unit tests of the Items on a clock the tests move: tokens, expiry, billing, removal.

use super::*;
use crate::modern::clock::manual::Manual;
use crate::modern::data::institutions::by_id;

fn items() -> (Arc<Manual>, Items) {
    let clock = Arc::new(Manual::at(
        SystemTime::UNIX_EPOCH + Duration::from_secs(1e9 as u64),
    ));
    let items = Items::with_clock(Arc::clone(&clock) as Arc<dyn Clock>);
    (clock, items)
}

fn create(items: &Items) -> String {
    let bank = by_id("ins_109508").unwrap();
    items.create(NewItem::new(bank, vec!["auth".into()]))
}

#[test]
fn a_public_token_works_once() {
    let (_, items) = items();
    let public = create(&items);
    assert!(public.starts_with("public-sandbox-"));
    let (access, item_id) = items.exchange(&public).unwrap();
    assert!(access.starts_with("access-sandbox-"));
    assert_eq!(items.item(&access).unwrap().id, item_id);
    let again = items.exchange(&public).unwrap_err();
    assert_eq!(again.code(), "INVALID_PUBLIC_TOKEN");
    assert_eq!(
        items.exchange("public-sandbox-nope").unwrap_err().code(),
        "INVALID_PUBLIC_TOKEN"
    );
    assert_eq!(
        items.exchange("nope").unwrap_err().code(),
        "INVALID_PUBLIC_TOKEN"
    );
}

#[test]
fn a_public_token_expires_after_30_minutes() {
    let (clock, items) = items();
    let fresh = create(&items);
    let stale = create(&items);
    clock.advance(minutes(29));
    items.exchange(&fresh).unwrap();
    clock.advance(minutes(1));
    let err = items.exchange(&stale).unwrap_err();
    assert_eq!(err.code(), "INVALID_PUBLIC_TOKEN");
    assert!(
        err.body("r")["error_message"]
            .as_str()
            .unwrap()
            .contains("expired")
    );
}

#[test]
fn debug_shows_no_token() {
    let (_, items) = items();
    let public = create(&items);
    let (access, _) = items.exchange(&public).unwrap();
    let text = format!("{items:?}");
    assert!(!text.contains(&public) && !text.contains(&access), "{text}");
    assert!(text.contains("items: 1"), "{text}");
}

#[test]
fn every_item_has_its_own_ids_and_tokens() {
    let (_, items) = items();
    let (a, a_id) = items.exchange(&create(&items)).unwrap();
    let (b, b_id) = items.exchange(&create(&items)).unwrap();
    assert_ne!(a, b);
    assert_ne!(a_id, b_id);
}

#[test]
fn a_data_call_bills_its_product_if_the_institution_offers_it() {
    let (_, items) = items();
    let (access, _) = items.exchange(&create(&items)).unwrap();
    let item = items.usable_item(&access, Some("identity")).unwrap();
    assert_eq!(item.billed, ["auth", "identity"]);
    assert!(!item.available().contains(&"identity"));
    let item = items.usable_item(&access, Some("identity")).unwrap();
    assert_eq!(item.billed, ["auth", "identity"], "billed once");
    let pinstripe = by_id("ins_117507").unwrap();
    let public = items.create(NewItem::new(pinstripe, vec!["investments".into()]));
    let (access, _) = items.exchange(&public).unwrap();
    let err = items.usable_item(&access, Some("auth")).unwrap_err();
    assert_eq!(err.code(), "PRODUCTS_NOT_SUPPORTED");
}

#[test]
fn removed_items_and_bad_tokens_are_refused_with_their_codes() {
    let (_, items) = items();
    let (access, _) = items.exchange(&create(&items)).unwrap();
    let code = |token: &str| items.item(token).unwrap_err().code();
    assert_eq!(code("garbage"), "INVALID_ACCESS_TOKEN");
    assert_eq!(code("access-production-x"), "INVALID_ACCESS_TOKEN");
    assert_eq!(code("access-sandbox-unknown"), "INVALID_ACCESS_TOKEN");
    items
        .with_item(&access, |item| {
            item.login_required = true;
            Ok(())
        })
        .unwrap();
    assert_eq!(
        items.usable_item(&access, None).unwrap_err().code(),
        "ITEM_LOGIN_REQUIRED"
    );
    assert!(items.item(&access).is_ok(), "item/get still reads it");
    items
        .with_item(&access, |item| {
            item.removed = true;
            Ok(())
        })
        .unwrap();
    assert_eq!(code(&access), "ITEM_NOT_FOUND");
}
