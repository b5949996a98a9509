//! The stateful part of the modern sandbox: Items and the tokens that reach them.
//!
//! `/sandbox/public_token/create` makes an Item and a public token for it; the exchange turns
//! the public token (once, within 30 minutes) into the Item's access token. From then on the
//! access token is the Item's key: its webhook, login state, products and removal live here.
//! Everything else about an Item (accounts, owners) is derived from its id by
//! [`crate::modern::data`], so the state stays small.
//!
//! The time comes from an injectable [`Clock`], so a unit test can expire a token without
//! waiting.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use crate::lock::lock;
use crate::modern::clock::{Clock, SystemClock, minutes};
use crate::modern::data::institutions::Institution;
use crate::modern::errors::{ApiResult, PlaidError};
use crate::modern::ids::IdGen;

/// How long a public token can be exchanged (modern-api.md §4.3).
pub(crate) const PUBLIC_TOKEN_LIFETIME: Duration = minutes(30);

/// The environment part of the sandbox's tokens.
const ACCESS_PREFIX: &str = "access-sandbox-";
const PUBLIC_PREFIX: &str = "public-sandbox-";

/// A webhook the sandbox owes an Item's URL (delivery is a later step; the log is kept now so
/// that it can be).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct WebhookEvent {
    /// `webhook_type`.
    pub(crate) kind: String,
    /// `webhook_code`.
    pub(crate) code: String,
    /// The URL it goes to.
    pub(crate) url: String,
    /// When it was fired.
    pub(crate) at: SystemTime,
}

/// One Item.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Item {
    /// `item_id`.
    pub(crate) id: String,
    /// The institution it connects to.
    pub(crate) institution: &'static Institution,
    /// The products it was created with (`products`).
    pub(crate) products: Vec<String>,
    /// The products billed so far (grows when a data call adds one).
    pub(crate) billed: Vec<String>,
    /// The webhook URL, if any.
    pub(crate) webhook: Option<String>,
    /// Set by `/sandbox/item/reset_login`: data calls then fail with `ITEM_LOGIN_REQUIRED`.
    pub(crate) login_required: bool,
    /// Set by `/item/remove`: the access token no longer works.
    pub(crate) removed: bool,
    /// When it was created.
    pub(crate) created: SystemTime,
    /// Webhooks fired for it, oldest first.
    pub(crate) webhooks: Vec<WebhookEvent>,
}

impl Item {
    /// The products it offers but has not been billed for (`available_products`).
    pub(crate) fn available(&self) -> Vec<&'static str> {
        self.institution
            .products
            .iter()
            .copied()
            .filter(|p| !self.billed.iter().any(|b| b == p))
            .collect()
    }
}

/// A public token waiting for its exchange.
#[derive(Debug, Clone)]
struct PublicToken {
    item: Item,
    created: SystemTime,
    exchanged: bool,
}

#[derive(Default)]
struct Inner {
    public: HashMap<String, PublicToken>,
    /// Items by access token.
    items: HashMap<String, Item>,
}

/// Every Item of one sandbox, and its tokens. Its `Debug` counts them and
/// shows no token.
pub(crate) struct Items {
    clock: Arc<dyn Clock>,
    ids: IdGen,
    inner: Mutex<Inner>,
}

impl fmt::Debug for Items {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = lock(&self.inner);
        f.debug_struct("Items")
            .field("clock", &self.clock)
            .field("public_tokens", &inner.public.len())
            .field("items", &inner.items.len())
            .finish_non_exhaustive()
    }
}

impl Default for Items {
    fn default() -> Items {
        Items::with_clock(Arc::new(SystemClock))
    }
}

impl Items {
    /// Items that read the time from `clock`.
    pub(crate) fn with_clock(clock: Arc<dyn Clock>) -> Items {
        Items {
            clock,
            ids: IdGen::default(),
            inner: Mutex::default(),
        }
    }

    /// Now, by the state's clock.
    pub(crate) fn now(&self) -> SystemTime {
        self.clock.now()
    }

    /// The id generator (for tokens that live outside the state, such as link tokens).
    pub(crate) fn ids(&self) -> &IdGen {
        &self.ids
    }

    /// Makes a new Item at `institution` with `products` and returns its public token.
    pub(crate) fn create(
        &self,
        institution: &'static Institution,
        products: Vec<String>,
        webhook: Option<String>,
    ) -> String {
        let now = self.now();
        let item = Item {
            id: self.ids.id(),
            institution,
            billed: products.clone(),
            products,
            webhook,
            login_required: false,
            removed: false,
            created: now,
            webhooks: Vec::new(),
        };
        let token = format!("{PUBLIC_PREFIX}{}", self.ids.uuid());
        lock(&self.inner).public.insert(
            token.clone(),
            PublicToken {
                item,
                created: now,
                exchanged: false,
            },
        );
        token
    }

    /// Exchanges a public token for `(access_token, item_id)`: once, and within
    /// [`PUBLIC_TOKEN_LIFETIME`]; otherwise `INVALID_PUBLIC_TOKEN`.
    pub(crate) fn exchange(&self, public_token: &str) -> ApiResult<(String, String)> {
        if !public_token.starts_with(PUBLIC_PREFIX) {
            return Err(PlaidError::new("INVALID_PUBLIC_TOKEN"));
        }
        let now = self.now();
        let mut inner = lock(&self.inner);
        let Some(entry) = inner.public.get_mut(public_token) else {
            return Err(PlaidError::with_message(
                "INVALID_PUBLIC_TOKEN",
                "provided public token does not exist",
            ));
        };
        if entry.exchanged {
            return Err(PlaidError::with_message(
                "INVALID_PUBLIC_TOKEN",
                "provided public token has already been exchanged",
            ));
        }
        let age = now.duration_since(entry.created).unwrap_or_default();
        if age >= PUBLIC_TOKEN_LIFETIME {
            return Err(PlaidError::with_message(
                "INVALID_PUBLIC_TOKEN",
                "provided public token is expired. Public tokens expire 30 minutes after creation \
                 at which point they can no longer be exchanged",
            ));
        }
        entry.exchanged = true;
        let item = entry.item.clone();
        let access_token = format!("{ACCESS_PREFIX}{}", self.ids.uuid());
        let item_id = item.id.clone();
        inner.items.insert(access_token.clone(), item);
        Ok((access_token, item_id))
    }

    /// Runs `f` on the Item of `access_token`: `INVALID_ACCESS_TOKEN` for a token that is
    /// malformed, of another environment or never issued; `ITEM_NOT_FOUND` once the Item was
    /// removed (Plaid's docs give that code for an Item "previously removed via
    /// /item/remove").
    pub(crate) fn with_item<R>(
        &self,
        access_token: &str,
        f: impl FnOnce(&mut Item) -> ApiResult<R>,
    ) -> ApiResult<R> {
        if !access_token.starts_with(ACCESS_PREFIX) {
            return Err(PlaidError::new("INVALID_ACCESS_TOKEN"));
        }
        let mut inner = lock(&self.inner);
        let Some(item) = inner.items.get_mut(access_token) else {
            return Err(PlaidError::with_message(
                "INVALID_ACCESS_TOKEN",
                "could not find matching access token",
            ));
        };
        if item.removed {
            return Err(PlaidError::new("ITEM_NOT_FOUND"));
        }
        f(item)
    }

    /// A copy of the Item of `access_token` (see [`Items::with_item`] for the errors).
    pub(crate) fn item(&self, access_token: &str) -> ApiResult<Item> {
        self.with_item(access_token, |item| Ok(item.clone()))
    }

    /// The Item of `access_token` for a data call: also `ITEM_LOGIN_REQUIRED` after a
    /// `/sandbox/item/reset_login`. With a `product`, the institution must offer it
    /// (`PRODUCTS_NOT_SUPPORTED` otherwise), and calling it adds it to the billed products,
    /// as Plaid does when a product is first used after Link.
    pub(crate) fn usable_item(&self, access_token: &str, product: Option<&str>) -> ApiResult<Item> {
        self.with_item(access_token, |item| {
            if item.login_required {
                return Err(PlaidError::new("ITEM_LOGIN_REQUIRED"));
            }
            if let Some(product) = product {
                if !item.institution.products.contains(&product) {
                    return Err(PlaidError::detailed("PRODUCTS_NOT_SUPPORTED", product));
                }
                if !item.billed.iter().any(|b| b == product) {
                    item.billed.push(product.to_owned());
                }
            }
            Ok(item.clone())
        })
    }
}

#[cfg(test)]
mod tests {
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
        items.create(bank, vec!["auth".into()], None)
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
        let public = items.create(pinstripe, vec!["investments".into()], None);
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
}
