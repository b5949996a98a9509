//! `--sync-memory`: the peak memory of a whole sync, collected and
//! streamed.
//!
//! Each [`Mode`] runs in a child process of its own (this program again,
//! with the hidden `--sync-memory-child MODE URL N`), so each one's peak
//! RSS (`VmHWM` in `/proc/self/status`) starts from a fresh process and
//! counts that mode alone; the emulator runs in yet another process. A
//! child makes its client (plaid-ureq: no runtime, no worker threads) and a
//! `user_bulk_<N>` Item first, then reads `VmHWM` and `VmRSS` (the
//! baseline), runs its mode, and reads them again, printing one JSON line.
//!
//! The modes:
//! - [`Mode::Idle`]: nothing after the baseline, so the report can show
//!   what setting up costs.
//! - [`Mode::Page`]: one page of 500, read raw (its body's size) and then
//!   decoded and held (what one decoded page adds to the RSS).
//! - [`Mode::Streamed`]: `transactions_sync_pages`, each page processed
//!   ([`Tally`]) and dropped before the next.
//! - [`Mode::Collected`]: `transactions_sync_all`, everything held until
//!   the end, then processed.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Instant;

use plaid_core::modern;
use serde::{Deserialize, Serialize};

use super::emulator::External;
use super::{PAGE_COUNT, Synced, Tally, bulk_item, collect_changes, stream};

/// One way of reading the history.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Mode {
    /// Set up, then nothing.
    Idle,
    /// One page, decoded and held.
    Page,
    /// Every page, one at a time.
    Streamed,
    /// Every page, all held.
    Collected,
}

impl Mode {
    /// Every mode, in the report's order.
    pub(crate) const ALL: [Mode; 4] = [Mode::Idle, Mode::Page, Mode::Streamed, Mode::Collected];

    /// Its name on the command line and in the report.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Mode::Idle => "idle",
            Mode::Page => "page",
            Mode::Streamed => "streamed",
            Mode::Collected => "collected",
        }
    }

    /// The mode named `name`.
    pub(crate) fn parse(name: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.name() == name)
    }
}

/// What a child process runs: `--sync-memory-child MODE URL N`.
#[derive(Clone, PartialEq, Eq, Debug)]
pub(crate) struct Child {
    /// The mode.
    pub(crate) mode: Mode,
    /// The emulator's base URL.
    pub(crate) url: String,
    /// The history: `user_bulk_<n>`.
    pub(crate) n: u64,
}

/// What one child measured (kB as `/proc` gives them).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Figures {
    /// The mode's name.
    pub(crate) mode: String,
    /// The history: `user_bulk_<n>`.
    pub(crate) n: u64,
    /// `VmHWM` once the client and the Item were made.
    pub(crate) baseline_kb: u64,
    /// `VmHWM` at the end: the peak of the whole process.
    pub(crate) peak_kb: u64,
    /// `VmRSS` before the mode ran.
    pub(crate) rss_before_kb: u64,
    /// `VmRSS` at the end, while the mode still holds what it read.
    pub(crate) rss_after_kb: u64,
    /// Transactions read.
    pub(crate) transactions: u64,
    /// Pages read.
    pub(crate) pages: u32,
    /// How long the mode took.
    pub(crate) seconds: f64,
    /// [`Mode::Page`]: the size of the page's body.
    pub(crate) body_bytes: Option<u64>,
}

impl Figures {
    /// The peak over the baseline, in kB.
    pub(crate) fn growth_kb(&self) -> u64 {
        self.peak_kb.saturating_sub(self.baseline_kb)
    }
}

/// The child's side: runs `child` and prints its [`Figures`] as one JSON
/// line.
pub(crate) fn child(child: &Child) {
    let figures = run_mode(child.mode, &child.url, child.n);
    println!(
        "{}",
        serde_json::to_string(&figures).expect("figures to JSON")
    );
}

/// Runs `mode` against the emulator at `url` on `user_bulk_<n>`, in this
/// process.
pub(crate) fn run_mode(mode: Mode, url: &str, n: u64) -> Figures {
    let client = plaid_ureq::client(modern::Config::emulator(url).expect("emulator config"));
    let token = bulk_item(&client, n);
    let (baseline_kb, rss_before_kb) = (vm("VmHWM"), vm("VmRSS"));
    let started = Instant::now();
    let mut body_bytes = None;
    // What the mode holds at the end, dropped after the last reading.
    let (synced, held): (Synced, Box<dyn std::any::Any>) = match mode {
        Mode::Idle => (Synced::default(), Box::new(())),
        Mode::Page => {
            let raw = client
                .transactions_sync(&token)
                .with(|r| r.count(PAGE_COUNT))
                .raw()
                .send()
                .expect("transactions_sync");
            body_bytes = Some(raw.body().len() as u64);
            let page = raw.parse().expect("a page");
            let mut tally = Tally::default();
            tally.add(&page.added);
            (Synced { tally, pages: 1 }, Box::new(page))
        }
        Mode::Streamed => (stream(&client, &token), Box::new(())),
        Mode::Collected => {
            let changes = collect_changes(&client, &token);
            (Synced::of(&changes), Box::new(changes))
        }
    };
    let seconds = started.elapsed().as_secs_f64();
    let figures = Figures {
        mode: mode.name().to_owned(),
        n,
        baseline_kb,
        peak_kb: vm("VmHWM"),
        rss_before_kb,
        rss_after_kb: vm("VmRSS"),
        transactions: synced.tally.transactions,
        pages: synced.pages,
        seconds,
        body_bytes,
    };
    drop(std::hint::black_box(held));
    figures
}

/// A `Vm…` field of this process's `/proc/self/status`, in kB (0 where
/// there is no `/proc`).
fn vm(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| status_kb(&status, field))
        .unwrap_or(0)
}

/// The value of `field` (`VmHWM:   1234 kB`) in a `/proc/…/status` text.
fn status_kb(status: &str, field: &str) -> Option<u64> {
    status.lines().find_map(|line| {
        let (name, value) = line.split_once(':')?;
        (name == field)
            .then(|| value.trim().strip_suffix("kB")?.trim().parse().ok())
            .flatten()
    })
}

/// The parent's side: runs every mode in a child process of its own
/// against `emulator` on `user_bulk_<n>`; checks that each read the whole
/// history.
pub(crate) fn measure(emulator: &External, n: u64) -> Vec<Figures> {
    let exe = std::env::current_exe().expect("this program's path");
    Mode::ALL
        .into_iter()
        .map(|mode| {
            eprintln!(
                "plaid-bench: sync memory, {} ({n} transactions)",
                mode.name()
            );
            let mut child = Command::new(&exe)
                .args(["--sync-memory-child", mode.name(), emulator.url()])
                .arg(n.to_string())
                .stdout(Stdio::piped())
                .spawn()
                .expect("spawn the memory child");
            let mut line = String::new();
            BufReader::new(child.stdout.take().expect("piped stdout"))
                .read_line(&mut line)
                .expect("read the child's figures");
            assert!(child.wait().expect("wait").success(), "the child failed");
            let figures: Figures = serde_json::from_str(&line)
                .unwrap_or_else(|e| panic!("the child's figures {line:?}: {e}"));
            let expected = match mode {
                Mode::Idle => 0,
                Mode::Page => u64::from(PAGE_COUNT).min(n),
                Mode::Streamed | Mode::Collected => n,
            };
            assert_eq!(figures.transactions, expected, "{}", figures.mode);
            figures
        })
        .collect()
}

/// Prints the memory table: one row per history and mode, each peak
/// measured against the size of one page (from the first [`Mode::Page`]
/// row: every page of a bulk history is alike).
pub(crate) fn report(figures: &[Figures]) {
    let Some(page) = figures.iter().find(|f| f.mode == Mode::Page.name()) else {
        return;
    };
    let mb = |kb: u64| kb as f64 / 1024.0;
    let body_kb = page.body_bytes.unwrap_or(0) / 1024;
    let decoded_kb = page.rss_after_kb.saturating_sub(page.rss_before_kb);
    println!(
        "### Sync memory: {PAGE_COUNT} a page, plaid-ureq, one process per mode, \
         the emulator in its own\n"
    );
    println!(
        "One page of {PAGE_COUNT}: body {:.2} MB; decoded and held, +{:.2} MB of RSS.\n",
        mb(body_kb),
        mb(decoded_kb),
    );
    println!(
        "| history | mode | pages | seconds | baseline VmHWM | peak VmHWM | peak − baseline | \
         in page bodies | in decoded pages | VmRSS at the end − before |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    let per = |kb: u64, unit: u64| {
        if unit == 0 {
            "–".to_owned()
        } else {
            format!("{:.1}", kb as f64 / unit as f64)
        }
    };
    for f in figures {
        let growth = f.growth_kb();
        println!(
            "| {} | {} | {} | {:.2} | {:.1} MB | {:.1} MB | **{:.1} MB** | {} | {} | {:.1} MB |",
            f.n,
            f.mode,
            f.pages,
            f.seconds,
            mb(f.baseline_kb),
            mb(f.peak_kb),
            mb(growth),
            per(growth, body_kb),
            per(growth, decoded_kb),
            mb(f.rss_after_kb.saturating_sub(f.rss_before_kb)),
        );
    }
    println!();
}

#[cfg(test)]
mod tests {
    use plaid_sandbox::Sandbox;

    use super::*;

    #[test]
    fn status_fields_are_read_in_kb() {
        let status = "Name:\tplaid-bench\nVmPeak:\t  20000 kB\nVmHWM:\t    5120 kB\n\
                      VmRSS:\t    4096 kB\nThreads:\t1\n";
        assert_eq!(status_kb(status, "VmHWM"), Some(5120));
        assert_eq!(status_kb(status, "VmRSS"), Some(4096));
        assert_eq!(status_kb(status, "Vm"), None);
        assert_eq!(status_kb(status, "Threads"), None);
        assert!(vm("VmHWM") >= vm("VmRSS") || vm("VmHWM") == 0);
    }

    #[test]
    fn modes_parse_by_name() {
        for mode in Mode::ALL {
            assert_eq!(Mode::parse(mode.name()), Some(mode));
        }
        assert_eq!(Mode::parse("everything"), None);
    }

    /// Every mode reads what it should (here in this process, on a small
    /// history of three pages, against the embedded emulator).
    #[test]
    fn every_mode_reads_its_share_of_the_history() {
        let emulator = Sandbox::bind_modern(([127, 0, 0, 1], 0).into(), false).unwrap();
        let n = 1_200;
        let figures: Vec<Figures> = Mode::ALL
            .into_iter()
            .map(|mode| run_mode(mode, &emulator.url(), n))
            .collect();
        let read: Vec<(&str, u64, u32)> = figures
            .iter()
            .map(|f| (f.mode.as_str(), f.transactions, f.pages))
            .collect();
        assert_eq!(
            read,
            [
                ("idle", 0, 0),
                ("page", 500, 1),
                ("streamed", n, 3),
                ("collected", n, 3)
            ]
        );
        assert!(figures[1].body_bytes.unwrap() > 500 * 1_000);
        assert!(figures.iter().all(|f| f.peak_kb >= f.baseline_kb));
        let json = serde_json::to_string(&figures[2]).unwrap();
        let back: Figures = serde_json::from_str(&json).unwrap();
        assert_eq!((back.transactions, back.pages), (n, 3));
        emulator.shutdown();
    }
}
