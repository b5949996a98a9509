//! Name resolution without a lookup (or a thread) per request.
//!
//! ureq 3 resolves the host of every request before it looks in its
//! connection pool, so a call on a kept-alive connection still pays for a
//! lookup. With a timeout configured (plaid-ureq always has one) its
//! `DefaultResolver` runs each lookup on a newly spawned thread to bound it.
//! On loopback that thread alone was about a third of a `balance` call's
//! client CPU, and against a real host every call would repeat a
//! `getaddrinfo`, which may be a DNS query.
//!
//! [`CachingResolver`] answers IP literals in place and keeps the addresses
//! of a host name for [`TTL`], asking ureq's resolver (with its timeout)
//! only when a name is new or its entry has expired. Failures are never
//! cached.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use ureq::config::{Config, IpFamily};
use ureq::http::Uri;
use ureq::unversioned::resolver::{DefaultResolver, ResolvedSocketAddrs, Resolver};
use ureq::unversioned::transport::NextTimeout;

/// How long the addresses of a host name are reused: the default positive
/// DNS cache time of the JVM, short enough that a moved host is followed
/// quickly.
pub(crate) const TTL: Duration = Duration::from_secs(30);

/// Entries kept at most; the map is emptied when it is full (a client talks
/// to one or two hosts, so this only bounds misuse).
const MAX_ENTRIES: usize = 64;

/// The cache key: host, port and the IP family the configuration wants.
type Key = (String, u16, u8);

/// A [`Resolver`] that answers IP literals without a lookup and caches the
/// addresses of host names for [`TTL`]; `R` does the real lookups.
#[derive(Debug)]
pub(crate) struct CachingResolver<R = DefaultResolver> {
    inner: R,
    cache: Mutex<HashMap<Key, (Instant, ResolvedSocketAddrs)>>,
}

impl CachingResolver {
    /// A caching resolver in front of ureq's `DefaultResolver`.
    pub(crate) fn new() -> Self {
        CachingResolver::with_inner(DefaultResolver::default())
    }
}

impl<R: Resolver> CachingResolver<R> {
    fn with_inner(inner: R) -> Self {
        CachingResolver {
            inner,
            cache: Mutex::new(HashMap::new()),
        }
    }
}

fn family_key(family: IpFamily) -> u8 {
    match family {
        IpFamily::Any => 0,
        IpFamily::Ipv4Only => 4,
        IpFamily::Ipv6Only => 6,
    }
}

fn default_port(uri: &Uri) -> Option<u16> {
    match uri.scheme_str() {
        Some("https") => Some(443),
        Some("http") => Some(80),
        _ => None,
    }
}

impl<R: Resolver> Resolver for CachingResolver<R> {
    fn resolve(
        &self,
        uri: &Uri,
        config: &Config,
        timeout: NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let (Some(host), Some(port)) = (uri.host(), uri.port_u16().or_else(|| default_port(uri)))
        else {
            // Not a URL this resolver understands: ureq's own errors apply.
            return self.inner.resolve(uri, config, timeout);
        };
        let family = config.ip_family();
        let literal = host.trim_start_matches('[').trim_end_matches(']');
        if let Ok(ip) = literal.parse::<IpAddr>() {
            let addr = SocketAddr::new(ip, port);
            if family.keep_wanted(std::iter::once(addr)).next().is_some() {
                let mut addrs = self.empty();
                addrs.push(addr);
                return Ok(addrs);
            }
            return self.inner.resolve(uri, config, timeout);
        }

        let key = (host.to_ascii_lowercase(), port, family_key(family));
        let now = Instant::now();
        if let Ok(cache) = self.cache.lock() {
            if let Some((at, addrs)) = cache.get(&key) {
                if now.duration_since(*at) < TTL {
                    return Ok(addrs.clone());
                }
            }
        }
        let addrs = self.inner.resolve(uri, config, timeout)?;
        if let Ok(mut cache) = self.cache.lock() {
            if cache.len() >= MAX_ENTRIES {
                cache.clear();
            }
            cache.insert(key, (now, addrs.clone()));
        }
        Ok(addrs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// Answers every lookup with 192.0.2.1 and counts the lookups.
    #[derive(Debug, Default)]
    struct Counting(AtomicUsize);

    impl Resolver for Counting {
        fn resolve(
            &self,
            uri: &Uri,
            _: &Config,
            _: NextTimeout,
        ) -> Result<ResolvedSocketAddrs, ureq::Error> {
            self.0.fetch_add(1, Ordering::SeqCst);
            if uri.host() == Some("nowhere.invalid") {
                return Err(ureq::Error::HostNotFound);
            }
            let mut addrs = self.empty();
            addrs.push(SocketAddr::from((
                [192, 0, 2, 1],
                uri.port_u16().unwrap_or(443),
            )));
            Ok(addrs)
        }
    }

    fn resolve(r: &CachingResolver<Counting>, url: &str) -> Result<Vec<SocketAddr>, ureq::Error> {
        let config = ureq::Agent::config_builder().build();
        let uri: Uri = url.parse().expect("test URL");
        r.resolve(&uri, &config, NextTimeout::default())
            .map(|addrs| addrs.iter().copied().collect())
    }

    fn lookups(r: &CachingResolver<Counting>) -> usize {
        r.inner.0.load(Ordering::SeqCst)
    }

    #[test]
    fn ip_literals_are_answered_without_a_lookup() {
        let r = CachingResolver::with_inner(Counting::default());
        assert_eq!(
            resolve(&r, "http://127.0.0.1:8080/balance").unwrap(),
            [SocketAddr::from(([127, 0, 0, 1], 8080))]
        );
        assert_eq!(
            resolve(&r, "http://[::1]/x").unwrap(),
            ["[::1]:80".parse::<SocketAddr>().unwrap()]
        );
        assert_eq!(
            resolve(&r, "https://10.1.2.3/").unwrap(),
            [SocketAddr::from(([10, 1, 2, 3], 443))]
        );
        assert_eq!(lookups(&r), 0);
    }

    #[test]
    fn host_names_are_looked_up_once_per_ttl_and_port() {
        let r = CachingResolver::with_inner(Counting::default());
        let first = resolve(&r, "https://tartan.plaid.com/connect").unwrap();
        assert_eq!(first, [SocketAddr::from(([192, 0, 2, 1], 443))]);
        assert_eq!(
            resolve(&r, "https://Tartan.Plaid.com/balance").unwrap(),
            first
        );
        assert_eq!(lookups(&r), 1);
        resolve(&r, "https://tartan.plaid.com:8443/").unwrap();
        assert_eq!(lookups(&r), 2, "another port is another entry");

        // An expired entry is looked up again.
        let key = ("tartan.plaid.com".to_owned(), 443, 0);
        let old = Instant::now().checked_sub(TTL + Duration::from_secs(1));
        if let Some(old) = old {
            r.cache.lock().unwrap().get_mut(&key).unwrap().0 = old;
            resolve(&r, "https://tartan.plaid.com/").unwrap();
            assert_eq!(lookups(&r), 3);
        }
    }

    #[test]
    fn failures_are_not_cached() {
        let r = CachingResolver::with_inner(Counting::default());
        assert!(matches!(
            resolve(&r, "https://nowhere.invalid/"),
            Err(ureq::Error::HostNotFound)
        ));
        assert!(resolve(&r, "https://nowhere.invalid/").is_err());
        assert_eq!(lookups(&r), 2);
    }
}
