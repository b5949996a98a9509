//! The `plaid-sandbox` binary: runs the emulator on 127.0.0.1 until SIGTERM or SIGINT.
//!
//! Prints exactly one line, `listening on http://127.0.0.1:PORT`, once it accepts connections.
//! `--api` names the API family to serve; each family the library can start is one variant of
//! [`Api`]. With `--tls` (the `tls` feature) it serves HTTPS: it writes a new CA certificate to
//! a file first and names it on a line of its own, `ca certificate PATH`, before the listening
//! line, which then reads `https://`.

use std::io::{self, Write};
use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use plaid_sandbox::Sandbox;
use signal_hook::consts::{SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

const USAGE: &str = "\
plaid-sandbox: a local emulator of the Plaid sandbox

USAGE:
    plaid-sandbox [--port N] [--api legacy|modern] [--transactions-delay-ms MS]
                  [--tls [--ca-file PATH]]

OPTIONS:
    --port N         port to listen on, on 127.0.0.1 (default 0 = an ephemeral port)
    --api NAME       the API family to serve: `legacy` (tartan, the default) or `modern`
                     (version 2020-09-14)
    --transactions-delay-ms MS
                     modern only: transactions stay NOT_READY for MS milliseconds after an
                     Item is created, then the newest 30 days come, and MS later the rest
                     (default 0: ready at once)
    --tls            serve HTTPS with a certificate for 127.0.0.1 and localhost signed by a
                     new throwaway CA, whose certificate (PEM) is written to a file (needs the
                     `tls` feature: cargo run -p plaid-sandbox --features tls -- --tls)
    --ca-file PATH   where --tls writes the CA certificate (default: a new file in the
                     temporary directory, removed on exit); implies --tls
    -h, --help       print this help

Prints `listening on http://127.0.0.1:PORT` when ready (with --tls, first
`ca certificate PATH`, then `listening on https://127.0.0.1:PORT`); stops on
SIGTERM or SIGINT.
";

/// An API family the binary can serve.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Api {
    /// The legacy (tartan) API.
    Legacy,
    /// The modern API (version `2020-09-14`).
    Modern,
}

impl Api {
    fn parse(name: &str) -> Result<Api, String> {
        match name {
            "legacy" => Ok(Api::Legacy),
            "modern" => Ok(Api::Modern),
            other => Err(format!(
                "unknown API family for --api: {other} (expected `legacy` or `modern`)"
            )),
        }
    }

    /// A builder for a sandbox of this family on `addr`; the binary does not record requests,
    /// so long benchmark runs do not grow its memory.
    fn builder(self, addr: SocketAddr, delay: Duration) -> plaid_sandbox::Builder {
        let builder = Sandbox::builder().addr(addr).record(false);
        match self {
            Api::Legacy => builder.legacy(),
            Api::Modern => builder.modern().transactions_delay(delay),
        }
    }
}

/// Where `--tls` writes the CA certificate.
#[derive(Debug, Clone, PartialEq, Eq)]
enum CaFile {
    /// A new file in the temporary directory, removed on exit.
    Temporary,
    /// This path, left in place on exit.
    At(PathBuf),
}

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
enum Command {
    /// Serve `api` on 127.0.0.1:`port`, with `delay` as the modern transactions delay, over
    /// HTTPS when `tls` says where the CA goes.
    Run {
        port: u16,
        api: Api,
        delay: Duration,
        tls: Option<CaFile>,
    },
    /// Print the usage.
    Help,
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Command, String> {
    let (mut port, mut api, mut delay, mut tls) = (0u16, Api::Legacy, None, None);
    let mut args = args;
    while let Some(arg) = args.next() {
        if arg == "-h" || arg == "--help" {
            return Ok(Command::Help);
        }
        // `--name value` or `--name=value`.
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name, Some(value.to_owned())),
            _ => (arg.as_str(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match name {
            "--port" | "-p" => {
                let v = value()?;
                port = v.parse().map_err(|_| format!("invalid port: {v}"))?;
            }
            "--api" => api = Api::parse(&value()?)?,
            "--tls" if inline.is_none() => {
                tls.get_or_insert(CaFile::Temporary);
            }
            "--ca-file" => tls = Some(CaFile::At(PathBuf::from(value()?))),
            "--transactions-delay-ms" => {
                let v = value()?;
                let ms = v
                    .parse()
                    .map_err(|_| format!("invalid --transactions-delay-ms: {v}"))?;
                delay = Some(Duration::from_millis(ms));
            }
            other => return Err(format!("unknown argument: {other}")),
        }
    }
    if delay.is_some() && api != Api::Modern {
        return Err("--transactions-delay-ms needs --api modern".into());
    }
    Ok(Command::Run {
        port,
        api,
        delay: delay.unwrap_or_default(),
        tls,
    })
}

/// The CA file of a running HTTPS sandbox; a temporary one is removed when this is dropped.
struct WrittenCa {
    path: PathBuf,
    temporary: bool,
}

impl Drop for WrittenCa {
    fn drop(&mut self) {
        if self.temporary {
            let _ = std::fs::remove_file(&self.path);
        }
    }
}

/// Starts the sandbox: plain, or over HTTPS with a new CA whose certificate is written where
/// `tls` says (before the server listens, so the file exists once it is named).
#[cfg(feature = "tls")]
fn start(
    builder: plaid_sandbox::Builder,
    tls: Option<CaFile>,
) -> Result<(Sandbox, Option<WrittenCa>), String> {
    let Some(ca_file) = tls else {
        return builder
            .start()
            .map(|s| (s, None))
            .map_err(|e| e.to_string());
    };
    let ca = plaid_sandbox::TestCa::generate().map_err(|e| format!("cannot make a CA: {e}"))?;
    let written = match ca_file {
        CaFile::Temporary => WrittenCa {
            path: std::env::temp_dir().join(format!("plaid-sandbox-{}-ca.pem", std::process::id())),
            temporary: true,
        },
        CaFile::At(path) => WrittenCa {
            path,
            temporary: false,
        },
    };
    std::fs::write(&written.path, ca.certificate_pem())
        .map_err(|e| format!("cannot write {}: {e}", written.path.display()))?;
    let sandbox = builder.tls(&ca).start().map_err(|e| e.to_string())?;
    Ok((sandbox, Some(written)))
}

/// Starts the sandbox; without the `tls` feature, `--tls` is refused.
#[cfg(not(feature = "tls"))]
fn start(
    builder: plaid_sandbox::Builder,
    tls: Option<CaFile>,
) -> Result<(Sandbox, Option<WrittenCa>), String> {
    if tls.is_some() {
        return Err("--tls needs the `tls` feature: \
             cargo run -p plaid-sandbox --features tls -- --tls"
            .to_owned());
    }
    builder
        .start()
        .map(|s| (s, None))
        .map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    let (port, api, delay, tls) = match parse_args(std::env::args().skip(1)) {
        Ok(Command::Run {
            port,
            api,
            delay,
            tls,
        }) => (port, api, delay, tls),
        Ok(Command::Help) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("plaid-sandbox: {msg}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut signals = match Signals::new([SIGTERM, SIGINT]) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("plaid-sandbox: cannot install signal handlers: {e}");
            return ExitCode::FAILURE;
        }
    };
    let builder = api.builder(SocketAddr::from((Ipv4Addr::LOCALHOST, port)), delay);
    let (sandbox, ca) = match start(builder, tls) {
        Ok(started) => started,
        Err(e) => {
            eprintln!("plaid-sandbox: cannot serve on 127.0.0.1:{port}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut out = io::stdout().lock();
    if let Some(ca) = &ca {
        let _ = writeln!(out, "ca certificate {}", ca.path.display());
    }
    let _ = writeln!(out, "listening on {}", sandbox.url());
    let _ = out.flush();
    drop(out);
    // Blocks until the first SIGTERM/SIGINT.
    let _ = signals.forever().next();
    sandbox.shutdown();
    drop(ca);
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Command, String> {
        parse_args(args.iter().map(|s| (*s).to_owned()))
    }

    #[test]
    fn port_and_api_in_both_spellings() {
        let run = |port| {
            Ok(Command::Run {
                port,
                api: Api::Legacy,
                delay: Duration::ZERO,
                tls: None,
            })
        };
        assert_eq!(parse(&[]), run(0));
        assert_eq!(parse(&["--port", "8080"]), run(8080));
        assert_eq!(parse(&["-p", "1", "--port=2"]), run(2));
        assert_eq!(parse(&["--api", "legacy", "--port=3"]), run(3));
        assert_eq!(parse(&["--api=legacy"]), run(0));
        assert_eq!(
            parse(&["--api", "modern", "-p", "4"]),
            Ok(Command::Run {
                port: 4,
                api: Api::Modern,
                delay: Duration::ZERO,
                tls: None,
            })
        );
        assert_eq!(
            parse(&["--api=modern", "--transactions-delay-ms", "250"]),
            Ok(Command::Run {
                port: 0,
                api: Api::Modern,
                delay: Duration::from_millis(250),
                tls: None,
            })
        );
        assert_eq!(parse(&["--port", "1", "--help"]), Ok(Command::Help));
    }

    #[test]
    fn tls_with_a_temporary_or_named_ca_file() {
        let run = |tls| {
            Ok(Command::Run {
                port: 0,
                api: Api::Modern,
                delay: Duration::ZERO,
                tls,
            })
        };
        assert_eq!(
            parse(&["--tls", "--api", "modern"]),
            run(Some(CaFile::Temporary))
        );
        let named = Some(CaFile::At(PathBuf::from("/tmp/ca.pem")));
        assert_eq!(
            parse(&["--api=modern", "--ca-file", "/tmp/ca.pem"]),
            run(named.clone())
        );
        assert_eq!(
            parse(&["--api=modern", "--ca-file=/tmp/ca.pem", "--tls"]),
            run(named)
        );
        assert_eq!(
            parse(&["--ca-file"]).unwrap_err(),
            "--ca-file needs a value"
        );
        assert_eq!(
            parse(&["--tls=yes"]).unwrap_err(),
            "unknown argument: --tls"
        );
    }

    #[test]
    fn bad_values_are_refused_with_a_message() {
        let err = parse(&["--api", "tartan"]).unwrap_err();
        assert!(
            err.contains("tartan") && err.contains("legacy") && err.contains("modern"),
            "{err}"
        );
        assert_eq!(parse(&["--api"]).unwrap_err(), "--api needs a value");
        assert_eq!(parse(&["--port", "x"]).unwrap_err(), "invalid port: x");
        assert_eq!(parse(&["--nope"]).unwrap_err(), "unknown argument: --nope");
        let err = parse(&["--api", "modern", "--transactions-delay-ms", "soon"]).unwrap_err();
        assert!(err.contains("soon"), "{err}");
        let err = parse(&["--transactions-delay-ms", "5"]).unwrap_err();
        assert!(err.contains("--api modern"), "{err}");
    }
}
