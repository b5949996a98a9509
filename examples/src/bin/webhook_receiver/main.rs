//! A webhook receiver in a web framework: plaid-rs inside an axum server
//! that has its own HTTP stack.
//!
//! ```text
//! cargo run -p examples --bin webhook_receiver -- --port 8080
//! ```
//!
//! It listens on `127.0.0.1`, verifies every `POST /webhook` with the keys
//! of the modern server (`PLAID_BASE_URL`, else an embedded
//! `plaid-sandbox`), and answers 200 to a verified webhook, 400 with a
//! short reason to a refused one, and 503 when it cannot decide now (the
//! key could not be fetched), so that Plaid delivers it again. It never
//! answers 500, and a panic in a handler costs that request only
//! (`handler.rs`).
//!
//! To have webhooks to receive, it links one sandbox Item whose webhook
//! URL is its own `/webhook` (the emulator delivers only to loopback;
//! `--webhook-url` names another URL, e.g. a tunnel to this port). On
//! every `SYNC_UPDATES_AVAILABLE` it runs the `/transactions/sync` loop for
//! that Item and keeps the Item's transactions and cursor in memory
//! (`items.rs`). It prints one line per webhook and per sync, and never a
//! token or a key.

mod handler;
mod items;
#[cfg(test)]
mod tests;

use std::error::Error;
use std::net::Ipv4Addr;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use examples::Target;
use plaid_core::modern::webhook::KeyCache;
use plaid_sandbox::Sandbox;

use crate::handler::App;
use crate::items::Items;

/// How long the embedded sandbox's transactions stay `NOT_READY` after the
/// Item is linked (and as long again until the whole history is in), so
/// that its `SYNC_UPDATES_AVAILABLE` webhooks come a moment after the
/// first sync, as Plaid's do.
const TRANSACTIONS_DELAY: Duration = Duration::from_secs(1);

const USAGE: &str = "usage: webhook_receiver [--port N] [--webhook-url URL]
  --port N           listen on 127.0.0.1:N (default 0: any free port)
  --webhook-url URL  the webhook URL of the Item it links (default: its own /webhook)";

/// The command line.
#[derive(Debug, Default)]
struct Options {
    port: u16,
    webhook_url: Option<String>,
}

impl Options {
    fn parse(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
        let mut options = Options::default();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--port" => {
                    let port = args.next().ok_or("--port needs a value")?;
                    options.port = port.parse().map_err(|_| format!("bad port {port:?}"))?;
                }
                "--webhook-url" => {
                    options.webhook_url = Some(args.next().ok_or("--webhook-url needs a value")?);
                }
                "--help" | "-h" => return Err(String::new()),
                other => return Err(format!("unknown argument {other:?}")),
            }
        }
        Ok(options)
    }
}

fn main() -> ExitCode {
    let options = match Options::parse(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(problem) => {
            if !problem.is_empty() {
                eprintln!("{problem}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match serve(options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("webhook_receiver: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Starts the server, links the Item, and serves until the process is
/// stopped.
fn serve(options: Options) -> Result<(), Box<dyn Error>> {
    let target = Target::modern_started_by(|| {
        // Not recording: a receiver may run for a long time.
        Sandbox::builder()
            .modern()
            .record(false)
            .transactions_delay(TRANSACTIONS_DELAY)
            .start()
    })?;
    println!("server: {}", target.describe());
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, options.port)).await?;
        let address = listener.local_addr()?;
        println!("listening on http://{address}");

        let app = Arc::new(App {
            client: plaid_reqwest::client(target.config.clone()),
            keys: KeyCache::new(), // one for every request
            items: Items::default(),
        });
        let server = axum::serve(listener, handler::router(Arc::clone(&app)));
        let server = tokio::spawn(server.into_future());

        let webhook_url = options
            .webhook_url
            .unwrap_or_else(|| format!("http://{address}/webhook"));
        if let Err(error) = items::link_item(&app, &webhook_url).await {
            // The server is still worth running: webhooks may come anyway.
            println!("could not link an Item: {error}");
        }
        server.await??;
        Ok(())
    })
}
