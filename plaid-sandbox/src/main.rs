//! The `plaid-sandbox` binary: runs the emulator on 127.0.0.1 until SIGTERM or SIGINT.
//!
//! Prints exactly one line, `listening on http://127.0.0.1:PORT`, once it accepts connections.
//! `--api` names the API family to serve; each family the library can start is one variant of
//! [`Api`].

use std::io::{self, Write};
use std::net::{Ipv4Addr, SocketAddr};
use std::process::ExitCode;
use std::time::Duration;

use plaid_sandbox::{ModernOptions, Sandbox};
use signal_hook::consts::{SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

const USAGE: &str = "\
plaid-sandbox: a local emulator of the Plaid sandbox

USAGE:
    plaid-sandbox [--port N] [--api legacy|modern] [--transactions-delay-ms MS]

OPTIONS:
    --port N       port to listen on, on 127.0.0.1 (default 0 = an ephemeral port)
    --api NAME     the API family to serve: `legacy` (tartan, the default) or `modern`
                   (version 2020-09-14)
    --transactions-delay-ms MS
                   modern only: transactions stay NOT_READY for MS milliseconds after an
                   Item is created, then the newest 30 days come, and MS later the rest
                   (default 0: ready at once)
    -h, --help     print this help

Prints `listening on http://127.0.0.1:PORT` when ready; stops on SIGTERM or SIGINT.
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

    /// Starts a sandbox of this family (a modern one with `delay` as its transactions
    /// delay); the binary does not record requests, so long benchmark runs do not grow its
    /// memory.
    fn start(self, addr: SocketAddr, delay: Duration) -> io::Result<Sandbox> {
        match self {
            Api::Legacy => Sandbox::bind_with(addr, false),
            Api::Modern => {
                let options = ModernOptions::new()
                    .with_recording(false)
                    .with_transactions_delay(delay);
                Sandbox::bind_modern_with(addr, options)
            }
        }
    }
}

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
enum Command {
    /// Serve `api` on 127.0.0.1:`port`, with `delay` as the modern transactions delay.
    Run {
        port: u16,
        api: Api,
        delay: Duration,
    },
    /// Print the usage.
    Help,
}

fn parse_args(args: impl Iterator<Item = String>) -> Result<Command, String> {
    let (mut port, mut api, mut delay) = (0u16, Api::Legacy, None);
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
    })
}

fn main() -> ExitCode {
    let (port, api, delay) = match parse_args(std::env::args().skip(1)) {
        Ok(Command::Run { port, api, delay }) => (port, api, delay),
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
    let sandbox = match api.start(SocketAddr::from((Ipv4Addr::LOCALHOST, port)), delay) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("plaid-sandbox: cannot listen on 127.0.0.1:{port}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut out = io::stdout().lock();
    let _ = writeln!(out, "listening on {}", sandbox.url());
    let _ = out.flush();
    drop(out);
    // Blocks until the first SIGTERM/SIGINT.
    let _ = signals.forever().next();
    sandbox.shutdown();
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
            })
        );
        assert_eq!(
            parse(&["--api=modern", "--transactions-delay-ms", "250"]),
            Ok(Command::Run {
                port: 0,
                api: Api::Modern,
                delay: Duration::from_millis(250),
            })
        );
        assert_eq!(parse(&["--port", "1", "--help"]), Ok(Command::Help));
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
