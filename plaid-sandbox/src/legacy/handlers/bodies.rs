//! Builds the 200 product bodies of legacy-api.md §3.3, with the `/connect/get` filters, and
//! caches the serialised bytes of every unfiltered body (they are what benchmarks hit).

use serde_json::{Map, Value};

use crate::cache::BodyCache;
use crate::legacy::data::{accounts, bulk, income, info, transactions};
use crate::legacy::errors::{ApiError, ApiResult};
use crate::legacy::handlers::{Product, Token};
use crate::legacy::params::Options;
use crate::server::{Body, Response, pretty};

/// Which transactions a Connect body carries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct TxnView {
    /// `login_only`: no `transactions` key at all.
    pub(crate) login_only: bool,
    /// `pending`: add the pending transactions.
    pub(crate) pending: bool,
    /// `account`: only this account's transactions (accounts stay unfiltered).
    pub(crate) account: Option<String>,
    /// `gte` (or `start_date`): inclusive lower date bound.
    pub(crate) gte: Option<String>,
    /// `lte` (or `end_date`): inclusive upper date bound.
    pub(crate) lte: Option<String>,
}

impl TxnView {
    /// Reads the view from `options`: 400/1507 for a malformed date, 404/1606 for an unknown
    /// account.
    pub(crate) fn from_options(o: &Options) -> ApiResult<TxnView> {
        let date = |k: &str, alt: &str| -> ApiResult<Option<String>> {
            match o.str(k).or_else(|| o.str(alt)) {
                None => Ok(None),
                Some(d) if valid_date(&d) => Ok(Some(d)),
                Some(_) => Err(ApiError::new(1507)),
            }
        };
        let account = o.str("account").filter(|a| !a.is_empty());
        if let Some(a) = &account {
            if accounts::find(a).is_none() {
                return Err(ApiError::new(1606));
            }
        }
        Ok(TxnView {
            login_only: o.flag("login_only"),
            pending: o.flag("pending"),
            account,
            gte: date("gte", "start_date")?,
            lte: date("lte", "end_date")?,
        })
    }

    fn is_plain(&self) -> bool {
        !self.pending && self.account.is_none() && self.gte.is_none() && self.lte.is_none()
    }

    fn keeps(&self, t: &Value) -> bool {
        let date = t.get("date").and_then(Value::as_str).unwrap_or("");
        self.account
            .as_deref()
            .is_none_or(|a| t.get("_account").and_then(Value::as_str) == Some(a))
            && self.gte.as_deref().is_none_or(|g| date >= g)
            && self.lte.as_deref().is_none_or(|l| date <= l)
    }
}

/// `YYYY-MM-DD` with a real month and day.
pub(crate) fn valid_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// The 200 body of `product` for `token`.
pub(crate) fn product(
    cache: &BodyCache,
    product: Product,
    token: &Token,
    view: &TxnView,
) -> Response {
    let plain = product != Product::Connect || view.is_plain();
    if plain {
        let login_only = product == Product::Connect && view.login_only;
        let key = format!("{}|{}|{}", product.name(), token.raw, login_only);
        let bytes = cache.cached(&key, || match (product, token.bulk, login_only) {
            (Product::Connect, Some(n), false) => bulk::connect_body(&token.raw, n),
            _ => pretty(&build(product, token, view)),
        });
        return Response::json_bytes(200, Body::Shared(bytes));
    }
    Response::json(200, &build(product, token, view))
}

fn build(product: Product, token: &Token, view: &TxnView) -> Value {
    let mut map = Map::new();
    let accounts = accounts::decorated(product == Product::Auth, product == Product::Risk);
    map.insert("accounts".into(), Value::Array(accounts));
    match product {
        Product::Connect if !view.login_only => {
            let mut txns: Vec<Value> = Vec::new();
            if view.pending {
                txns.extend(
                    transactions::pending()
                        .iter()
                        .filter(|t| view.keeps(t))
                        .cloned(),
                );
            }
            match token.bulk {
                Some(n) => txns.extend(bulk::transactions(n).filter(|t| view.keeps(t))),
                None => txns.extend(
                    transactions::posted()
                        .iter()
                        .filter(|t| view.keeps(t))
                        .cloned(),
                ),
            }
            map.insert("transactions".into(), Value::Array(txns));
        }
        Product::Info => {
            map.insert("info".into(), info::info());
        }
        Product::Income => {
            map.insert("income".into(), income::income());
        }
        _ => {}
    }
    map.insert("access_token".into(), Value::String(token.raw.clone()));
    Value::Object(map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_validated() {
        assert!(valid_date("2014-05-01"));
        assert!(valid_date("2012-02-29"));
        assert!(!valid_date("2013-02-29"));
        assert!(!valid_date("2014-13-01"));
        assert!(!valid_date("2014-5-1"));
        assert!(!valid_date("yesterday!"));
    }
}
