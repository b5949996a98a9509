//! The `plaid-sandbox` binary: runs the emulator on 127.0.0.1 until SIGTERM or SIGINT.
//!
//! Prints exactly one line, `listening on http://127.0.0.1:PORT`, once it accepts connections.

use std::io::Write;
use std::net::{Ipv4Addr, SocketAddr};
use std::process::ExitCode;

use signal_hook::consts::{SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

const USAGE: &str = "\
plaid-sandbox: a local emulator of the Plaid legacy (tartan) sandbox

USAGE:
    plaid-sandbox [--port N]

OPTIONS:
    --port N     port to listen on, on 127.0.0.1 (default 0 = an ephemeral port)
    -h, --help   print this help

Prints `listening on http://127.0.0.1:PORT` when ready; stops on SIGTERM or SIGINT.
";

fn parse_args(args: impl Iterator<Item = String>) -> Result<Option<u16>, String> {
    let mut port = 0u16;
    let mut args = args;
    while let Some(arg) = args.next() {
        let value = match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--port" | "-p" => args
                .next()
                .ok_or_else(|| "--port needs a value".to_owned())?,
            other => match other.strip_prefix("--port=") {
                Some(v) => v.to_owned(),
                None => return Err(format!("unknown argument: {other}")),
            },
        };
        port = value
            .parse()
            .map_err(|_| format!("invalid port: {value}"))?;
    }
    Ok(Some(port))
}

fn main() -> ExitCode {
    let port = match parse_args(std::env::args().skip(1)) {
        Ok(Some(port)) => port,
        Ok(None) => {
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
    let sandbox = match plaid_sandbox::Sandbox::bind_with(
        SocketAddr::from((Ipv4Addr::LOCALHOST, port)),
        false,
    ) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("plaid-sandbox: cannot listen on 127.0.0.1:{port}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "listening on {}", sandbox.url());
    let _ = out.flush();
    drop(out);
    // Blocks until the first SIGTERM/SIGINT.
    let _ = signals.forever().next();
    sandbox.shutdown();
    ExitCode::SUCCESS
}
