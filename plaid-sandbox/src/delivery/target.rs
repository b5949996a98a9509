//! Where a webhook may go: an `http://` URL whose host is a loopback address (`127.0.0.0/8`,
//! `[::1]`) or `localhost`. Anything else is refused before a socket is opened, so an emulator
//! started by a test can never send a request off the machine, whatever URL an Item was
//! given.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

/// A URL a webhook may be posted to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Target {
    /// The addresses to try, in order (`localhost` is IPv4 first, then IPv6).
    pub(crate) addrs: Vec<SocketAddr>,
    /// The `Host` header: the URL's authority as written.
    pub(crate) host: String,
    /// The request target: the path and query, `/` when the URL has none.
    pub(crate) path: String,
}

/// The target of `url`, or why no webhook goes there.
pub(crate) fn parse(url: &str) -> Result<Target, String> {
    let Some((scheme, rest)) = url.split_once("://") else {
        return Err("not an absolute URL".into());
    };
    if !scheme.eq_ignore_ascii_case("http") {
        return Err(format!(
            "scheme {scheme:?}: the sandbox delivers over plain http only"
        ));
    }
    let rest = rest.split('#').next().unwrap_or_default();
    let split = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, path) = rest.split_at(split);
    if authority.contains('@') {
        return Err("a URL with user information is not delivered to".into());
    }
    let (host, port) = host_and_port(authority)?;
    let addrs = loopback_addrs(host, port)?;
    let path = match path {
        "" => "/".to_owned(),
        p if p.starts_with('?') => format!("/{p}"),
        p => p.to_owned(),
    };
    if path.bytes().any(|b| b.is_ascii_control() || b == b' ') {
        return Err("the path has spaces or control characters".into());
    }
    Ok(Target {
        addrs,
        host: authority.to_owned(),
        path,
    })
}

/// Splits `host[:port]` or `[v6][:port]`; the port defaults to 80.
fn host_and_port(authority: &str) -> Result<(&str, u16), String> {
    let (host, port) = if let Some(rest) = authority.strip_prefix('[') {
        let (host, after) = rest.split_once(']').ok_or("an unclosed IPv6 literal")?;
        match after {
            "" => (host, None),
            p => (
                host,
                Some(p.strip_prefix(':').ok_or("junk after an IPv6 literal")?),
            ),
        }
    } else {
        match authority.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        }
    };
    let port = match port {
        None | Some("") => 80,
        Some(p) => p.parse().map_err(|_| format!("bad port {p:?}"))?,
    };
    Ok((host, port))
}

/// The addresses of `host` if it is a loopback host; `localhost` is both loopback
/// addresses, never a name lookup (a lookup could be pointed anywhere).
fn loopback_addrs(host: &str, port: u16) -> Result<Vec<SocketAddr>, String> {
    if host.eq_ignore_ascii_case("localhost") {
        return Ok(vec![
            SocketAddr::from((Ipv4Addr::LOCALHOST, port)),
            SocketAddr::from((Ipv6Addr::LOCALHOST, port)),
        ]);
    }
    let ip: Option<IpAddr> = match host.parse::<Ipv4Addr>() {
        Ok(v4) => Some(v4.into()),
        Err(_) if host.contains(':') => host.parse::<Ipv6Addr>().ok().map(IpAddr::from),
        Err(_) => None,
    };
    match ip {
        Some(ip) if ip.is_loopback() => Ok(vec![SocketAddr::new(ip, port)]),
        _ => Err(format!(
            "host {host:?} is not a loopback address: the sandbox delivers to 127.0.0.0/8, \
             [::1] and localhost only"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_urls_are_targets() {
        let t = parse("http://127.0.0.1:8080/hooks/plaid?x=1#frag").unwrap();
        assert_eq!(t.addrs, [SocketAddr::from(([127, 0, 0, 1], 8080))]);
        assert_eq!(t.host, "127.0.0.1:8080");
        assert_eq!(t.path, "/hooks/plaid?x=1");
        let t = parse("HTTP://127.9.8.7").unwrap();
        assert_eq!(t.addrs, [SocketAddr::from(([127, 9, 8, 7], 80))]);
        assert_eq!(t.path, "/");
        let t = parse("http://[::1]:9/h").unwrap();
        assert_eq!(t.addrs, [SocketAddr::from((Ipv6Addr::LOCALHOST, 9))]);
        let t = parse("http://LocalHost:7?q").unwrap();
        assert_eq!(t.addrs.len(), 2);
        assert!(
            t.addrs
                .iter()
                .all(|a| a.ip().is_loopback() && a.port() == 7)
        );
        assert_eq!(t.path, "/?q");
    }

    #[test]
    fn everything_else_is_refused() {
        for url in [
            "https://127.0.0.1/h",
            "http://example.com/h",
            "http://10.0.0.1:80/h",
            "http://0.0.0.0:80/h",
            "http://[::]:80/h",
            "http://[::ffff:127.0.0.1]/h",
            "http://127.1/h",
            "http://0x7f.0.0.1/h",
            "http://localhost.example.com/h",
            "http://user@127.0.0.1/h",
            "http://127.0.0.1@example.com/h",
            "http://127.0.0.1:99999/h",
            "http://[::1/h",
            "http://127.0.0.1/a b",
            "127.0.0.1:80/h",
            "",
        ] {
            assert!(parse(url).is_err(), "{url}");
        }
    }
}
