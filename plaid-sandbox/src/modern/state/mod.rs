//! The stateful part of the modern sandbox: Items and the tokens that reach them.
//!
//! `/sandbox/public_token/create` makes an Item and a public token for it; the exchange turns
//! the public token (once, within 30 minutes) into the Item's access token. From then on the
//! access token is the Item's key: its webhook, login state, products and removal live here.
//! Everything else about an Item (accounts, owners) is derived from its id by
//! [`crate::modern::data`], so the state stays small.
//!
//! An Item's transactions are a [`Feed`] (its change log), started when the Item is created
//! with `transactions` or on the first transactions call; the feed's phases and refreshes
//! record the webhooks Plaid would send on the Item, next to the ones
//! `/sandbox/item/fire_webhook` records.
//!
//! The time comes from an injectable [`Clock`], so a unit test can expire a token without
//! waiting.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, Instant, SystemTime};

use serde_json::Value;

use crate::delivery::Outbox;
use crate::lock::lock;
use crate::modern::clock::{self, Clock, SystemClock, minutes};
use crate::modern::cursor::Signer;
use crate::modern::data::accounts;
use crate::modern::data::institutions::Institution;
use crate::modern::data::transactions::{History, Place, Size};
use crate::modern::errors::{ApiResult, PlaidError};
use crate::modern::feed::{Feed, Notice};
use crate::modern::ids::IdGen;
use crate::modern::webhooks;

/// How long a public token can be exchanged (modern-api.md §4.3).
pub(crate) const PUBLIC_TOKEN_LIFETIME: Duration = minutes(30);

/// The environment part of the sandbox's tokens.
const ACCESS_PREFIX: &str = "access-sandbox-";
const PUBLIC_PREFIX: &str = "public-sandbox-";

/// The default of `days_requested` (modern-api.md §4.2).
pub(crate) const DEFAULT_DAYS: u32 = 90;

/// A webhook the sandbox owes an Item's URL: kept on the Item (`/item/get` reports the last
/// one) and, when the Items have an outbox, delivered ([`crate::modern::webhooks`]).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct WebhookEvent {
    /// `webhook_type`.
    pub(crate) kind: String,
    /// `webhook_code`.
    pub(crate) code: String,
    /// The URL it goes to.
    pub(crate) url: String,
    /// When it was fired.
    pub(crate) at: SystemTime,
    /// The code's own payload fields (`new_transactions`, `removed_transactions`, …), an
    /// object; empty for a webhook fired by `/sandbox/item/fire_webhook`.
    pub(crate) fields: Value,
}

/// The sandbox user an Item was linked with, as far as its data differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Persona {
    /// `user_good`: a standard history that refreshes leave as it is.
    #[default]
    Standard,
    /// `user_transactions_dynamic`: every refresh changes the transactions.
    Dynamic,
    /// `user_bulk_<N>`: exactly N transactions (benchmarks).
    Bulk(u32),
}

/// What `/sandbox/public_token/create` asks of a new Item.
#[derive(Debug, Clone)]
pub(crate) struct NewItem {
    /// The institution.
    pub(crate) institution: &'static Institution,
    /// `initial_products`.
    pub(crate) products: Vec<String>,
    /// `options.webhook`.
    pub(crate) webhook: Option<String>,
    /// The user.
    pub(crate) persona: Persona,
    /// `options.transactions.days_requested`.
    pub(crate) days_requested: Option<u32>,
}

impl NewItem {
    /// A `user_good` Item at `institution` with `products`, no webhook, default options.
    pub(crate) fn new(institution: &'static Institution, products: Vec<String>) -> NewItem {
        NewItem {
            institution,
            products,
            webhook: None,
            persona: Persona::Standard,
            days_requested: None,
        }
    }
}

/// How a modern sandbox's Items behave where Plaid takes time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Settings {
    /// How long each phase of a transactions pull takes (`NOT_READY`, then the newest 30
    /// days, then the rest).
    pub(crate) transactions_delay: Duration,
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
    /// The user it was linked with.
    pub(crate) persona: Persona,
    /// `days_requested` of its transactions, when the creation asked.
    pub(crate) days_requested: Option<u32>,
    /// Its transactions, once started.
    pub(crate) feed: Option<Feed>,
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

    /// Whether it was created with `product`.
    pub(crate) fn has_product(&self, product: &str) -> bool {
        self.products.iter().any(|p| p == product)
    }

    /// Its accounts.
    pub(crate) fn accounts(&self) -> Vec<accounts::Account> {
        accounts::for_products(&self.id, self.institution, &self.products)
    }

    /// A new feed for it, started at `now` with `days` of history.
    fn new_feed(&self, now: SystemTime, days: u32, settings: &Settings) -> Feed {
        let all = self.accounts();
        let place = Place {
            accounts: [all[0].id.clone(), all[1].id.clone(), all[2].id.clone()],
            currency: all[0].currency,
            country: self.institution.country(),
        };
        let size = match self.persona {
            Persona::Bulk(n) => Size::Bulk(n),
            Persona::Standard | Persona::Dynamic => Size::Standard,
        };
        let history = History::new(&self.id, place, clock::day_of(now), days, size);
        let dynamic = self.persona == Persona::Dynamic;
        Feed::new(history, now, settings.transactions_delay, dynamic)
    }

    /// Records `notices` as webhooks owed to its URL (none without a URL, as Plaid sends
    /// none).
    pub(crate) fn notify(&mut self, notices: Vec<Notice>) {
        let Some(url) = self.webhook.clone() else {
            return;
        };
        self.webhooks
            .extend(notices.into_iter().map(|n| WebhookEvent {
                kind: "TRANSACTIONS".into(),
                code: n.code.into(),
                url: url.clone(),
                at: n.at,
                fields: n.fields,
            }));
    }

    /// Moves its feed's phases (if it has one) on to `now`, recording the webhooks of the
    /// phases that completed.
    pub(crate) fn catch_up(&mut self, now: SystemTime) {
        let notices = match self.feed.as_mut() {
            Some(feed) => feed.catch_up(now),
            None => return,
        };
        self.notify(notices);
    }

    /// The data-call checks: `ITEM_LOGIN_REQUIRED` after a reset_login; with a `product`,
    /// the institution must offer it (`PRODUCTS_NOT_SUPPORTED`), and it is billed.
    pub(crate) fn check_usable(&mut self, product: Option<&str>) -> ApiResult<()> {
        if self.login_required {
            return Err(PlaidError::new("ITEM_LOGIN_REQUIRED"));
        }
        if let Some(product) = product {
            if !self.institution.products.contains(&product) {
                return Err(PlaidError::detailed("PRODUCTS_NOT_SUPPORTED", product));
            }
            if !self.billed.iter().any(|b| b == product) {
                self.billed.push(product.to_owned());
            }
        }
        Ok(())
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

impl Inner {
    /// The live Item with id `id`, exchanged or not (a scan: only timers look Items up by id).
    fn by_id(&mut self, id: &str) -> Option<&mut Item> {
        let exchanged = self.items.values_mut().filter(|item| !item.removed);
        let waiting = self
            .public
            .values_mut()
            .filter(|token| !token.exchanged)
            .map(|token| &mut token.item);
        exchanged.chain(waiting).find(|item| item.id == id)
    }
}

/// The webhooks recorded on `item` since it had `before`, with its id, if there are any.
fn recorded_since(item: &Item, before: usize) -> Option<(String, Vec<WebhookEvent>)> {
    match item.webhooks.get(before..) {
        Some(new) if !new.is_empty() => Some((item.id.clone(), new.to_vec())),
        _ => None,
    }
}

/// Hands `recorded` (from [`recorded_since`]) to the outbox, if there is one.
fn deliver(outbox: Option<&Outbox>, recorded: Option<(String, Vec<WebhookEvent>)>) {
    if let (Some(outbox), Some((item_id, events))) = (outbox, recorded) {
        for event in &events {
            outbox.send(&event.url, webhooks::body(event, &item_id));
        }
    }
}

/// Every Item of one sandbox, and its tokens. Its `Debug` counts them and
/// shows no token.
pub(crate) struct Items {
    clock: Arc<dyn Clock>,
    ids: IdGen,
    settings: Settings,
    signer: Signer,
    /// Shared with the timers that complete transactions pulls on time.
    inner: Arc<Mutex<Inner>>,
    /// Where the webhooks recorded on Items go; without one they are only recorded.
    outbox: Option<Arc<Outbox>>,
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
        Items::new(Arc::new(SystemClock), Settings::default())
    }
}

impl Items {
    /// Items that read the time from `clock`, with default settings.
    #[cfg(test)]
    pub(crate) fn with_clock(clock: Arc<dyn Clock>) -> Items {
        Items::new(clock, Settings::default())
    }

    /// Items that read the time from `clock` and behave as `settings` say.
    pub(crate) fn new(clock: Arc<dyn Clock>, settings: Settings) -> Items {
        let ids = IdGen::default();
        let signer = Signer::new(ids.key());
        Items {
            clock,
            ids,
            settings,
            signer,
            inner: Arc::default(),
            outbox: None,
        }
    }

    /// These Items, delivering their webhooks through `outbox`.
    pub(crate) fn with_outbox(mut self, outbox: Arc<Outbox>) -> Items {
        self.outbox = Some(outbox);
        self
    }

    /// The signer of this sandbox's sync cursors.
    pub(crate) fn signer(&self) -> &Signer {
        &self.signer
    }

    /// Now, by the state's clock.
    pub(crate) fn now(&self) -> SystemTime {
        self.clock.now()
    }

    /// The id generator (for tokens that live outside the state, such as link tokens).
    pub(crate) fn ids(&self) -> &IdGen {
        &self.ids
    }

    /// Makes a new Item and returns its public token. An Item created with `transactions`
    /// starts pulling them now.
    pub(crate) fn create(&self, new: NewItem) -> String {
        let now = self.now();
        let mut item = Item {
            id: self.ids.id(),
            institution: new.institution,
            billed: new.products.clone(),
            products: new.products,
            webhook: new.webhook,
            login_required: false,
            removed: false,
            created: now,
            webhooks: Vec::new(),
            persona: new.persona,
            days_requested: new.days_requested,
            feed: None,
        };
        if item.has_product("transactions") {
            let days = item.days_requested.unwrap_or(DEFAULT_DAYS);
            item.feed = Some(item.new_feed(now, days, &self.settings));
            self.complete_on_time(&item);
        }
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

    /// For an Item with a webhook URL whose pull starts now: timers that catch its feed up
    /// when each phase is due, so that `INITIAL_UPDATE`, `HISTORICAL_UPDATE` and
    /// `SYNC_UPDATES_AVAILABLE` go out then, not at the next call that looks at the feed.
    fn complete_on_time(&self, item: &Item) {
        let (Some(outbox), Some(_)) = (&self.outbox, &item.webhook) else {
            return;
        };
        let delay = self.settings.transactions_delay;
        // Without a delay both phases are due at once: one timer does.
        let phases: &[Duration] = if delay.is_zero() {
            &[Duration::ZERO]
        } else {
            &[delay, delay.saturating_mul(2)]
        };
        for &phase in phases {
            let inner = Arc::downgrade(&self.inner);
            let outbox_weak: Weak<Outbox> = Arc::downgrade(outbox);
            let clock = Arc::clone(&self.clock);
            let id = item.id.clone();
            let task = Box::new(move || {
                let (Some(inner), Some(outbox)) = (inner.upgrade(), outbox_weak.upgrade()) else {
                    return;
                };
                let now = clock.now();
                let fresh = lock(&inner).by_id(&id).and_then(|item| {
                    let before = item.webhooks.len();
                    item.catch_up(now);
                    recorded_since(item, before)
                });
                deliver(Some(&outbox), fresh);
            });
            // A delay too long to count is a pull that never completes on its own.
            if let Some(at) = Instant::now().checked_add(phase) {
                outbox.schedule(at, task);
            }
        }
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
    /// /item/remove"). The webhooks `f` records (whatever it returns) go to the outbox once
    /// the lock is released; queueing them never waits for a receiver.
    pub(crate) fn with_item<R>(
        &self,
        access_token: &str,
        f: impl FnOnce(&mut Item) -> ApiResult<R>,
    ) -> ApiResult<R> {
        if !access_token.starts_with(ACCESS_PREFIX) {
            return Err(PlaidError::new("INVALID_ACCESS_TOKEN"));
        }
        let (result, fresh) = {
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
            let before = item.webhooks.len();
            let result = f(item);
            (result, recorded_since(item, before))
        };
        deliver(self.outbox.as_deref(), fresh);
        result
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
            item.check_usable(product)?;
            Ok(item.clone())
        })
    }

    /// Runs `f` on the usable Item of `access_token` (see [`Items::usable_item`], with the
    /// product `transactions`) and its feed, started now with `days` (else the creation's
    /// `days_requested`, else 90) if it was not yet, and caught up to now (the webhooks of the phases it completed are recorded).
    /// With `start` false, an Item whose feed has not started is refused with
    /// `PRODUCTS_NOT_SUPPORTED` instead (for calls that need transactions already added).
    pub(crate) fn with_feed<R>(
        &self,
        access_token: &str,
        days: Option<u32>,
        start: bool,
        f: impl FnOnce(&mut Item, &mut Feed) -> ApiResult<R>,
    ) -> ApiResult<R> {
        let now = self.now();
        self.with_item(access_token, |item| {
            item.check_usable(None)?;
            if item.feed.is_none() && !start {
                return Err(PlaidError::with_message(
                    "PRODUCTS_NOT_SUPPORTED",
                    "transactions have not been added to this item yet: call \
                     /transactions/sync or /transactions/get first",
                ));
            }
            item.check_usable(Some("transactions"))?;
            let mut feed = match item.feed.take() {
                Some(feed) => feed,
                None => {
                    let days = days.or(item.days_requested).unwrap_or(DEFAULT_DAYS);
                    self.complete_on_time(item);
                    item.new_feed(now, days, &self.settings)
                }
            };
            let notices = feed.catch_up(now);
            item.notify(notices);
            let result = f(item, &mut feed);
            item.feed = Some(feed);
            result
        })
    }
}

#[cfg(test)]
mod tests;
