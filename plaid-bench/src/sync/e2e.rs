//! `--sync-e2e`: the whole `/transactions/sync` loop of a `user_bulk_<N>`
//! history, timed on every backend, beside the official modern python
//! client and a bare client, in interleaved rounds of one run.
//!
//! Every side reads the same Item from the start (no cursor), 500 a page:
//! - **bare**: a keep-alive socket that sends plaid-core's request for each
//!   page and finds `next_cursor` and `has_more` in the body, decoding
//!   nothing else: the emulator's own ceiling;
//! - **ureq**, **reqwest**, **hyper**: `client.transactions_sync_all(…)`
//!   (collected; the async backends on a current-thread runtime), then
//!   every transaction processed ([`Tally`](super::Tally));
//! - **ureq streamed**: `client.transactions_sync_pages(…)`, each page
//!   processed and dropped;
//! - **plaid-python 46.0.0** (`bench/python_sync.py`, from the modern peer
//!   test's virtualenv): `transactions_sync` in a loop until `has_more` is
//!   false, `added` gathered into a list, as its docs write it. It joins
//!   the first `--sync-python-rounds` rounds, on histories up to
//!   [`PYTHON_MAX_N`].
//!
//! Rounds run every side once, the order rotating from one round to the
//! next; each side is warmed up first. Per run: the wall time, the client's
//! CPU time (this process's threads, or python's own `process_time`) and
//! the emulator's (its process, in 10 ms ticks).

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::Instant;

use plaid_core::Endpoint as _;
use plaid_core::modern;
use plaid_core::modern::endpoints::TransactionsSync;
use plaid_core::secret::AccessToken;
use plaid_peer::paths;
use serde::Deserialize;

use super::emulator::External;
use super::{PAGE_COUNT, Synced, bulk_item, collect, collect_async, stream};
use crate::calls::Wire;
use crate::cpu::cpu_snapshot;
use crate::options::Opts;
use crate::python::MODERN_PEER;
use crate::runners::sandbox_alone::RawConn;
use crate::stats::median;

/// The largest history python syncs: at about 200 transactions a second,
/// 100,000 would take it eight minutes a round.
pub(crate) const PYTHON_MAX_N: u64 = 20_000;

/// The python side's name in the report.
const PYTHON: &str = "plaid-python 46.0.0";

/// One run of one side.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Run {
    /// Wall time of the whole loop.
    pub(crate) seconds: f64,
    /// The client's CPU time.
    pub(crate) client_cpu: f64,
    /// The emulator's CPU time meanwhile.
    pub(crate) emulator_cpu: f64,
}

/// A side's runs.
pub(crate) struct Side {
    /// Its name in the report.
    pub(crate) name: &'static str,
    /// Whether it is plaid-rs (the ratio to python is shown for those).
    pub(crate) plaid_rs: bool,
    /// Its runs, in order.
    pub(crate) runs: Vec<Run>,
}

/// What `--sync-e2e` measured on one history.
pub(crate) struct Measured {
    /// The history's size.
    pub(crate) n: u64,
    /// Rounds run.
    pub(crate) rounds: usize,
    /// Every side that ran.
    pub(crate) sides: Vec<Side>,
    /// Why python did not run, when it did not.
    pub(crate) python_skipped: Option<String>,
}

/// One side's loop: runs the whole sync once, checks it, and returns the
/// client CPU it measured itself (python) or `None` (measured here).
type Loop<'a> = Box<dyn FnMut() -> Option<(f64, f64)> + 'a>;

/// Measures every side on `user_bulk_<n>`.
pub(crate) fn measure(emulator: &External, n: u64, opts: &Opts) -> Measured {
    let config = modern::Config::emulator(emulator.url()).expect("emulator config");
    let ureq = plaid_ureq::client(config.clone());
    let token = bulk_item(&ureq, n);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let reqwest = plaid_reqwest::client(config.clone());
    let hyper = {
        let _inside = rt.enter();
        plaid_hyper::client(config.clone())
    };
    let pages = n.div_ceil(u64::from(PAGE_COUNT)) as u32;
    let check = move |synced: Synced| {
        assert_eq!((synced.tally.transactions, synced.pages), (n, pages));
    };

    let mut sides: Vec<(&'static str, bool, Loop<'_>)> = vec![
        ("bare (decodes nothing)", false, {
            let mut bare = Bare::new(&config, &token);
            Box::new(move || {
                assert_eq!(bare.sync(), pages);
                None
            })
        }),
        (
            "ureq",
            true,
            Box::new(|| {
                check(collect(&ureq, &token));
                None
            }),
        ),
        (
            "ureq streamed",
            true,
            Box::new(|| {
                check(stream(&ureq, &token));
                None
            }),
        ),
        (
            "reqwest",
            true,
            Box::new(|| {
                check(rt.block_on(collect_async(&reqwest, &token)));
                None
            }),
        ),
        (
            "hyper",
            true,
            Box::new(|| {
                check(rt.block_on(collect_async(&hyper, &token)));
                None
            }),
        ),
    ];
    let python_skipped = if !opts.python {
        Some("skipped (--no-python)".to_owned())
    } else if n > PYTHON_MAX_N {
        Some(format!("not run on histories over {PYTHON_MAX_N}"))
    } else {
        match PythonSync::start(emulator.url(), &token) {
            Ok(mut python) => {
                sides.push((
                    PYTHON,
                    false,
                    Box::new(move || {
                        let run = python.sync();
                        assert_eq!((run.transactions, run.pages), (n, pages));
                        Some((run.seconds, run.cpu_seconds))
                    }),
                ));
                None
            }
            Err(why) => Some(why),
        }
    };

    for (name, _, run) in sides.iter_mut().filter(|(name, ..)| *name != PYTHON) {
        eprintln!("plaid-bench: sync {n}: warming up {name}");
        run();
    }
    let mut runs: Vec<Vec<Run>> = sides.iter().map(|_| Vec::new()).collect();
    for round in 0..opts.sync_rounds {
        eprintln!("plaid-bench: sync {n}: round {}", round + 1);
        let count = sides.len();
        for i in (0..count).map(|i| (i + round) % count) {
            let (name, _, run) = &mut sides[i];
            if *name == PYTHON && round >= opts.sync_python_rounds {
                continue;
            }
            runs[i].push(timed(emulator, run));
        }
    }
    Measured {
        n,
        rounds: opts.sync_rounds,
        sides: sides
            .into_iter()
            .zip(runs)
            .map(|((name, plaid_rs, _), runs)| Side {
                name,
                plaid_rs,
                runs,
            })
            .collect(),
        python_skipped,
    }
}

/// Runs one side once, timed.
fn timed(emulator: &External, run: &mut Loop<'_>) -> Run {
    let (cpu0, emulator0) = (cpu_snapshot(), emulator.cpu_secs());
    let started = Instant::now();
    let own = run();
    let seconds = started.elapsed().as_secs_f64();
    let (cpu1, emulator1) = (cpu_snapshot(), emulator.cpu_secs());
    let here = (cpu1.client + cpu1.sandbox).saturating_sub(cpu0.client + cpu0.sandbox) as f64 / 1e9;
    let (seconds, client_cpu) = own.unwrap_or((seconds, here));
    Run {
        seconds,
        client_cpu,
        emulator_cpu: emulator1 - emulator0,
    }
}

/// The bare client: plaid-core builds each page's request, a keep-alive
/// socket sends it, and only the cursor and `has_more` are read from the
/// answer.
struct Bare<'a> {
    config: &'a modern::Config,
    token: &'a AccessToken,
    conn: RawConn,
}

impl<'a> Bare<'a> {
    fn new(config: &'a modern::Config, token: &'a AccessToken) -> Bare<'a> {
        let conn = RawConn::new(&Bare::wire(config, token, None));
        Bare {
            config,
            token,
            conn,
        }
    }

    /// The request of the page after `cursor`.
    fn wire(config: &modern::Config, token: &AccessToken, cursor: Option<&str>) -> Wire {
        let mut request = TransactionsSync::new(token).count(PAGE_COUNT);
        if let Some(cursor) = cursor {
            request = request.cursor(cursor);
        }
        Wire::of(&request.to_request(config).expect("request"))
    }

    /// The whole loop; returns its pages.
    fn sync(&mut self) -> u32 {
        let (mut cursor, mut pages) = (None::<String>, 0);
        loop {
            let wire = Bare::wire(self.config, self.token, cursor.as_deref());
            let body = std::str::from_utf8(self.conn.fetch(&wire)).expect("utf-8");
            pages += 1;
            let (next, more) = cursor_and_more(body).expect("next_cursor and has_more");
            if !more {
                return pages;
            }
            cursor = Some(next.to_owned());
        }
    }
}

/// `next_cursor` and `has_more` of a sync page, found from the end (both
/// come after the `added` array) without decoding the rest.
fn cursor_and_more(body: &str) -> Option<(&str, bool)> {
    let after = |key: &str| {
        let at = body.rfind(key)? + key.len();
        Some(body[at..].trim_start().strip_prefix(':')?.trim_start())
    };
    let cursor = after("\"next_cursor\"")?.strip_prefix('"')?;
    let cursor = &cursor[..cursor.find('"')?];
    let more = after("\"has_more\"")?;
    let more = if more.starts_with("true") {
        true
    } else if more.starts_with("false") {
        false
    } else {
        return None;
    };
    Some((cursor, more))
}

/// `bench/python_sync.py`, kept running: it syncs once per line it reads.
struct PythonSync {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

/// What the script reports of one sync.
#[derive(Deserialize)]
struct PythonRun {
    seconds: f64,
    cpu_seconds: f64,
    transactions: u64,
    pages: u32,
}

impl PythonSync {
    /// Starts the script on the modern peer's virtualenv (made ready
    /// first), with the Item's token in its environment, and waits for it
    /// to be warm (imports, connection, one page read); else why not.
    fn start(url: &str, token: &AccessToken) -> Result<PythonSync, String> {
        let python = MODERN_PEER.python()?;
        eprintln!("plaid-bench: starting bench/python_sync.py");
        let mut child = Command::new(python)
            .arg(script())
            .arg(url)
            .args(["--count", &PAGE_COUNT.to_string()])
            .env("PLAID_BENCH_ACCESS_TOKEN", token.expose_secret())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| format!("spawning python: {e}"))?;
        let stdin = child.stdin.take().ok_or("no stdin")?;
        let stdout = BufReader::new(child.stdout.take().ok_or("no stdout")?);
        let mut python = PythonSync {
            child,
            stdin,
            stdout,
        };
        let ready = python.line()?;
        if !ready.contains("\"ready\": true") {
            return Err(format!("python_sync.py said {ready:?}"));
        }
        Ok(python)
    }

    /// One whole sync.
    fn sync(&mut self) -> PythonRun {
        writeln!(self.stdin, "sync")
            .and_then(|()| self.stdin.flush())
            .expect("write to python_sync.py");
        let line = self.line().expect("python_sync.py's answer");
        serde_json::from_str(&line).unwrap_or_else(|e| panic!("python_sync.py said {line:?}: {e}"))
    }

    /// The script's next line.
    fn line(&mut self) -> Result<String, String> {
        let mut line = String::new();
        match self.stdout.read_line(&mut line) {
            Ok(0) => Err("python_sync.py exited".into()),
            Ok(_) => Ok(line),
            Err(e) => Err(e.to_string()),
        }
    }
}

impl Drop for PythonSync {
    fn drop(&mut self) {
        // Its stdin closes with it, and it exits on end of input.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `bench/python_sync.py`.
fn script() -> PathBuf {
    paths::workspace_root().join("bench").join("python_sync.py")
}

/// A side's medians: wall seconds, client CPU, emulator CPU.
fn medians(runs: &[Run]) -> (f64, f64, f64) {
    let of = |f: fn(&Run) -> f64| median(runs.iter().map(f).collect());
    (
        of(|r| r.seconds),
        of(|r| r.client_cpu),
        of(|r| r.emulator_cpu),
    )
}

/// Prints the table of one history.
pub(crate) fn report(m: &Measured) {
    println!(
        "### Sync end to end: user_bulk_{}, {PAGE_COUNT} a page, {} rounds (median)\n",
        m.n, m.rounds
    );
    let python = m
        .sides
        .iter()
        .find(|s| s.name == PYTHON && !s.runs.is_empty())
        .map(|s| medians(&s.runs));
    println!(
        "| client | runs | seconds (range) | transactions/s | python's time ÷ this | \
         client CPU s | python's CPU ÷ this | emulator CPU s | emulator CPU ÷ wall |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    for side in m.sides.iter().filter(|s| !s.runs.is_empty()) {
        let (secs, client, emulator) = medians(&side.runs);
        let lo = side.runs.iter().map(|r| r.seconds).fold(f64::MAX, f64::min);
        let hi = side.runs.iter().map(|r| r.seconds).fold(0.0, f64::max);
        let (time_ratio, cpu_ratio) = match python {
            Some((p_secs, p_cpu, _)) if side.plaid_rs => (
                format!("**{:.1}×**", p_secs / secs),
                format!("{:.0}×", p_cpu / client),
            ),
            _ => ("–".into(), "–".into()),
        };
        println!(
            "| {} | {} | {secs:.3} ({lo:.3}–{hi:.3}) | {:.0} | {time_ratio} | {client:.3} | \
             {cpu_ratio} | {emulator:.2} | {:.0}% |",
            side.name,
            side.runs.len(),
            m.n as f64 / secs,
            emulator / secs * 100.0
        );
    }
    if let Some(why) = &m.python_skipped {
        println!("\n{PYTHON}: {why}.");
    }
    println!();
}

#[cfg(test)]
mod tests {
    use plaid_sandbox::Sandbox;

    use super::*;

    #[test]
    fn the_cursor_and_has_more_are_found_without_decoding() {
        let body = "{\n  \"added\": [{\"name\": \"next_cursor\"}],\n  \"has_more\": true,\n  \
                    \"next_cursor\": \"YWJj=\",\n  \"removed\": []\n}";
        assert_eq!(cursor_and_more(body), Some(("YWJj=", true)));
        let last = r#"{"has_more":false,"next_cursor":"eHl6"}"#;
        assert_eq!(cursor_and_more(last), Some(("eHl6", false)));
        assert_eq!(
            cursor_and_more(r#"{"has_more": null, "next_cursor": "a"}"#),
            None
        );
        assert_eq!(cursor_and_more(r#"{"has_more": true}"#), None);
    }

    #[test]
    fn medians_are_per_column() {
        let run = |s, c, e| Run {
            seconds: s,
            client_cpu: c,
            emulator_cpu: e,
        };
        let runs = [run(3.0, 1.0, 0.5), run(1.0, 3.0, 0.1), run(2.0, 2.0, 0.3)];
        assert_eq!(medians(&runs), (2.0, 2.0, 0.3));
    }

    /// The bare client and every backend read the same whole history from
    /// the embedded emulator (three pages here).
    #[test]
    fn every_side_syncs_the_whole_history() {
        let sandbox = Sandbox::bind_modern(([127, 0, 0, 1], 0).into(), false).unwrap();
        let config = modern::Config::emulator(sandbox.url()).unwrap();
        let ureq = plaid_ureq::client(config.clone());
        let token = bulk_item(&ureq, 1_001);
        assert_eq!(Bare::new(&config, &token).sync(), 3);
        let expected = |synced: Synced| (synced.tally.transactions, synced.pages);
        assert_eq!(expected(collect(&ureq, &token)), (1_001, 3));
        assert_eq!(expected(stream(&ureq, &token)), (1_001, 3));
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let reqwest = plaid_reqwest::client(config.clone());
        assert_eq!(
            expected(rt.block_on(collect_async(&reqwest, &token))),
            (1_001, 3)
        );
        let hyper = plaid_hyper::client(config);
        assert_eq!(
            expected(rt.block_on(collect_async(&hyper, &token))),
            (1_001, 3)
        );
        sandbox.shutdown();
    }
}
