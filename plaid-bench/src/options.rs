//! The command line: options, their defaults and `--help`.

use std::time::Duration;

use crate::calls::CallKind;
use crate::sync::memory::{Child, Mode};

/// The options of a run; see [`USAGE`].
pub(crate) struct Opts {
    /// `--rounds`: rounds of the large call and of python.
    pub(crate) rounds: usize,
    /// `--small-rounds`: rounds of the small calls (legacy and modern
    /// balance).
    pub(crate) small_rounds: usize,
    /// `--small-secs`: the length of a small-call round.
    pub(crate) small: Duration,
    /// `--large-secs`: the length of a large-call round.
    pub(crate) large: Duration,
    /// `--concurrency`: calls in flight (and python threads).
    pub(crate) concurrency: usize,
    /// Whether the python client runs (`--no-python` clears it).
    pub(crate) python: bool,
    /// `--only`: backend name prefixes to keep (empty: all).
    pub(crate) only: Vec<String>,
    /// `--diag`: add the ablation cases.
    pub(crate) diag: bool,
    /// `--aa`: a second raw instance in the wrapper's place.
    pub(crate) aa: bool,
    /// `--calls`: the calls measured.
    pub(crate) calls: Vec<CallKind>,
    /// `--sync`, `--sync-memory`, `--sync-e2e`: the transactions sync
    /// measurements instead of the calls (`None`: the calls).
    pub(crate) sync: Option<SyncParts>,
    /// `--sync-n`: the histories the end-to-end sync reads.
    pub(crate) sync_n: Vec<u64>,
    /// `--sync-rounds`: rounds of the end-to-end sync.
    pub(crate) sync_rounds: usize,
    /// `--sync-python-rounds`: how many of those rounds python joins.
    pub(crate) sync_python_rounds: usize,
    /// `--memory-n`: the histories the memory measurement reads.
    pub(crate) memory_n: Vec<u64>,
    /// The hidden `--sync-memory-child MODE URL N`: this process is one
    /// run of the memory measurement (see `sync::memory`).
    pub(crate) memory_child: Option<Child>,
}

/// Which sync measurements a run makes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) struct SyncParts {
    /// The peak memory of a collected and a streamed sync.
    pub(crate) memory: bool,
    /// The timed sync on every backend and python.
    pub(crate) e2e: bool,
}

impl SyncParts {
    /// Adds the parts of one option to those asked for so far.
    fn add(parts: &mut Option<SyncParts>, memory: bool, e2e: bool) {
        let old = parts.unwrap_or(SyncParts {
            memory: false,
            e2e: false,
        });
        *parts = Some(SyncParts {
            memory: old.memory || memory,
            e2e: old.e2e || e2e,
        });
    }
}

impl Opts {
    /// The options from the command line; prints the usage and exits on
    /// `--help` (status 0) or a bad option (status 2).
    pub(crate) fn parse() -> Opts {
        match Opts::from_args(std::env::args().skip(1)) {
            Ok(Parsed::Run(opts)) => *opts,
            Ok(Parsed::Help) => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            Err(why) => {
                eprintln!("plaid-bench: {why}\n\n{USAGE}");
                std::process::exit(2);
            }
        }
    }

    /// The options from `args` (without the program name), or what is wrong
    /// with the first bad one. `--help` wins over whatever follows it.
    fn from_args(args: impl IntoIterator<Item = String>) -> Result<Parsed, String> {
        let mut opts = Opts {
            rounds: 10,
            small_rounds: 24,
            small: Duration::from_secs_f64(0.2),
            large: Duration::from_secs_f64(0.5),
            concurrency: 16,
            python: true,
            only: Vec::new(),
            diag: false,
            aa: false,
            calls: CallKind::ALL.to_vec(),
            sync: None,
            sync_n: vec![10_000, 100_000],
            sync_rounds: 5,
            sync_python_rounds: 3,
            memory_n: vec![10_000, 100_000],
            memory_child: None,
        };

        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let mut value = || -> Result<f64, String> {
                args.next()
                    .and_then(|v| v.parse().ok())
                    .ok_or_else(|| format!("{arg} needs a number"))
            };
            match arg.as_str() {
                "--rounds" => opts.rounds = value()? as usize,
                "--small-rounds" => opts.small_rounds = value()? as usize,
                "--small-secs" => opts.small = Duration::from_secs_f64(value()?),
                "--large-secs" => opts.large = Duration::from_secs_f64(value()?),
                "--concurrency" => opts.concurrency = value()? as usize,
                "--no-python" => opts.python = false,
                "--diag" => opts.diag = true,
                "--aa" => opts.aa = true,
                "--calls" => opts.calls = parse_calls(args.next().as_deref())?,
                "--sync" => SyncParts::add(&mut opts.sync, true, true),
                "--sync-memory" => SyncParts::add(&mut opts.sync, true, false),
                "--sync-e2e" => SyncParts::add(&mut opts.sync, false, true),
                "--sync-n" => opts.sync_n = parse_sizes("--sync-n", args.next().as_deref())?,
                "--sync-rounds" => opts.sync_rounds = value()? as usize,
                "--sync-python-rounds" => opts.sync_python_rounds = value()? as usize,
                "--memory-n" => opts.memory_n = parse_sizes("--memory-n", args.next().as_deref())?,
                "--sync-memory-child" => {
                    let mut next = || args.next().unwrap_or_default();
                    let (mode, url, n) = (next(), next(), next());
                    opts.memory_child = Some(Child {
                        mode: Mode::parse(&mode)
                            .ok_or_else(|| format!("--sync-memory-child: no mode {mode}"))?,
                        url,
                        n: n.parse()
                            .map_err(|_| format!("--sync-memory-child: no history size {n}"))?,
                    });
                }
                "--only" => opts.only.extend(
                    args.next()
                        .unwrap_or_default()
                        .split(',')
                        .map(str::to_owned),
                ),
                "--help" | "-h" => return Ok(Parsed::Help),
                other => return Err(format!("unknown option {other}")),
            }
        }
        Ok(Parsed::Run(Box::new(opts)))
    }

    /// The default options, for other modules' tests.
    #[cfg(test)]
    pub(crate) fn for_tests() -> Opts {
        match Opts::from_args(Vec::new()) {
            Ok(Parsed::Run(opts)) => *opts,
            _ => unreachable!("no arguments parse to the defaults"),
        }
    }

    /// The rounds of `call`.
    pub(crate) fn rounds_of(&self, call: CallKind) -> usize {
        match call {
            CallKind::Small | CallKind::Modern => self.small_rounds,
            CallKind::Large => self.rounds,
        }
    }

    /// The length of one round of `call`.
    pub(crate) fn duration(&self, call: CallKind) -> Duration {
        match call {
            CallKind::Small | CallKind::Modern => self.small,
            CallKind::Large => self.large,
        }
    }
}

/// The calls of a `--calls` value: a comma-separated list of `small`,
/// `large`, `modern`, `legacy` or `both` (small and large) and `all`, in
/// the report's order whatever the order given.
fn parse_calls(value: Option<&str>) -> Result<Vec<CallKind>, String> {
    let wrong = || {
        "--calls needs small, large, modern, legacy (or both: small and large) or all, \
         or a comma-separated list of them"
            .to_owned()
    };
    let mut wanted = Vec::new();
    for name in value.ok_or_else(wrong)?.split(',') {
        wanted.extend_from_slice(match name {
            "small" => &[CallKind::Small][..],
            "large" => &[CallKind::Large],
            "modern" => &[CallKind::Modern],
            "legacy" | "both" => &[CallKind::Small, CallKind::Large],
            "all" => &CallKind::ALL,
            _ => return Err(wrong()),
        });
    }
    Ok(CallKind::ALL
        .into_iter()
        .filter(|call| wanted.contains(call))
        .collect())
}

/// The history sizes of a `--sync-n` or `--memory-n` value: a
/// comma-separated list of transaction counts, each at least 1.
fn parse_sizes(option: &str, value: Option<&str>) -> Result<Vec<u64>, String> {
    let wrong = || format!("{option} needs transaction counts (1 or more), comma-separated");
    value
        .ok_or_else(wrong)?
        .split(',')
        .map(|n| n.parse::<u64>().ok().filter(|&n| n >= 1).ok_or_else(wrong))
        .collect()
}

/// What the command line asks for.
enum Parsed {
    /// A run with these options (boxed: they outweigh `Help` many times).
    Run(Box<Opts>),
    /// `--help`.
    Help,
}

/// `--help`.
const USAGE: &str = "\
usage: cargo run --release -p plaid-bench -- [options]

  --rounds N          interleaved rounds of the large call and of python (median
                      reported; default 10)
  --small-rounds N    interleaved rounds of each small call (default 24)
  --small-secs S      seconds per round of the small calls (legacy balance, modern
                      accounts/balance/get; default 0.2)
  --large-secs S      seconds per round of the large call (connect_get, 10k transactions;
                      python rounds last at least 2 s)
  --concurrency N     calls in flight for the concurrent async cases, and python
                      threads for the threaded python run (default 16)
  --only a,b          only these backends (ureq, reqwest, hyper)
  --calls C,..        small (legacy balance), large (legacy connect_get), modern
                      (accounts/balance/get on the modern emulator), legacy or
                      both (small and large), all (the default); python runs the same
  --no-python         skip the official python clients (else each runs twice:
                      sequential, then with --concurrency threads)
  --diag              add the ablation cases (hyper wrapper layers, ureq resolver)
  --aa                A/A run: a second raw client in place of plaid-rs (noise floor)

  --sync              instead of the calls, the transactions sync: its peak memory
                      collected and streamed (--sync-memory alone) and the whole loop
                      timed on every backend beside plaid-python 46 (--sync-e2e alone),
                      against `plaid-sandbox --api modern` in a process of its own
  --sync-n N,..       the histories the timed sync reads (default 10000,100000;
                      python joins on those up to 20000)
  --sync-rounds N     interleaved rounds of the timed sync (median; default 5)
  --sync-python-rounds N
                      how many of those rounds python joins (default 3; a 10,000-
                      transaction sync takes it about 50 s)
  --memory-n N,..     the histories the memory measurement reads (default
                      10000,100000)
  -h, --help          this text";

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Parsed, String> {
        Opts::from_args(args.iter().map(|a| (*a).to_owned()))
    }

    fn run(args: &[&str]) -> Opts {
        match parse(args) {
            Ok(Parsed::Run(opts)) => *opts,
            Ok(Parsed::Help) => panic!("{args:?} asked for help"),
            Err(why) => panic!("{args:?}: {why}"),
        }
    }

    #[test]
    fn the_defaults_are_the_documented_ones() {
        let opts = run(&[]);
        assert_eq!((opts.rounds, opts.small_rounds), (10, 24));
        assert_eq!(opts.small, Duration::from_millis(200));
        assert_eq!(opts.large, Duration::from_millis(500));
        assert_eq!(opts.concurrency, 16);
        assert!(opts.python && !opts.diag && !opts.aa && opts.only.is_empty());
        assert_eq!(opts.sync, None);
        assert_eq!(opts.sync_n, [10_000, 100_000]);
        assert_eq!((opts.sync_rounds, opts.sync_python_rounds), (5, 3));
        assert_eq!(opts.memory_n, [10_000, 100_000]);
        assert_eq!(opts.memory_child, None);
        assert_eq!(
            opts.calls,
            [CallKind::Small, CallKind::Large, CallKind::Modern]
        );
    }

    #[test]
    fn every_option_is_read() {
        let opts = run(&[
            "--rounds",
            "3",
            "--small-rounds",
            "2",
            "--small-secs",
            "0.1",
            "--large-secs",
            "1.5",
            "--concurrency",
            "4",
            "--no-python",
            "--diag",
            "--aa",
            "--calls",
            "small",
            "--only",
            "ureq,hyper",
            "--only",
            "reqwest",
        ]);
        assert_eq!((opts.rounds, opts.small_rounds), (3, 2));
        assert_eq!(opts.small, Duration::from_millis(100));
        assert_eq!(opts.large, Duration::from_millis(1500));
        assert_eq!(opts.concurrency, 4);
        assert!(!opts.python && opts.diag && opts.aa);
        assert_eq!(opts.calls, [CallKind::Small]);
        assert_eq!(opts.only, ["ureq", "hyper", "reqwest"]);
        assert_eq!(opts.rounds_of(CallKind::Small), 2);
        assert_eq!(opts.rounds_of(CallKind::Large), 3);
        assert_eq!(opts.duration(CallKind::Large), Duration::from_millis(1500));
        assert_eq!(run(&["--calls", "large"]).calls, [CallKind::Large]);
        assert_eq!(
            run(&["--calls", "both"]).calls,
            [CallKind::Small, CallKind::Large]
        );
    }

    #[test]
    fn calls_select_the_modern_call_alone_or_in_a_list_in_the_report_order() {
        let modern = run(&["--calls", "modern"]);
        assert_eq!(modern.calls, [CallKind::Modern]);
        assert_eq!(modern.rounds_of(CallKind::Modern), 24);
        assert_eq!(
            modern.duration(CallKind::Modern),
            Duration::from_millis(200)
        );
        assert_eq!(
            run(&["--calls", "modern,small"]).calls,
            [CallKind::Small, CallKind::Modern]
        );
        assert_eq!(
            run(&["--calls", "legacy"]).calls,
            [CallKind::Small, CallKind::Large]
        );
        assert_eq!(
            run(&["--calls", "all"]).calls,
            [CallKind::Small, CallKind::Large, CallKind::Modern]
        );
        assert_eq!(
            run(&["--calls", "large,modern,large"]).calls,
            [CallKind::Large, CallKind::Modern]
        );
    }

    #[test]
    fn the_sync_options_pick_their_parts_and_sizes() {
        let both = Some(SyncParts {
            memory: true,
            e2e: true,
        });
        assert_eq!(run(&["--sync"]).sync, both);
        assert_eq!(run(&["--sync-memory", "--sync-e2e"]).sync, both);
        assert_eq!(
            run(&["--sync-memory"]).sync,
            Some(SyncParts {
                memory: true,
                e2e: false
            })
        );
        let opts = run(&[
            "--sync-e2e",
            "--sync-n",
            "1000,20000",
            "--sync-rounds",
            "2",
            "--sync-python-rounds",
            "1",
            "--memory-n",
            "5000",
            "--memory-n",
            "7000,9000",
        ]);
        assert_eq!(
            opts.sync,
            Some(SyncParts {
                memory: false,
                e2e: true
            })
        );
        assert_eq!(opts.sync_n, [1_000, 20_000]);
        assert_eq!((opts.sync_rounds, opts.sync_python_rounds), (2, 1));
        assert_eq!(opts.memory_n, [7_000, 9_000]);
        let sizes_needed = "--sync-n needs transaction counts (1 or more), comma-separated";
        for bad in ["0", "ten", "10,", ""] {
            assert_eq!(parse(&["--sync-n", bad]).err().unwrap(), sizes_needed);
        }
        assert_eq!(parse(&["--sync-n"]).err().unwrap(), sizes_needed);
        assert_eq!(
            parse(&["--memory-n", "0"]).err().unwrap(),
            "--memory-n needs transaction counts (1 or more), comma-separated"
        );
    }

    #[test]
    fn a_memory_child_reads_its_mode_url_and_history() {
        let opts = run(&[
            "--sync-memory-child",
            "streamed",
            "http://127.0.0.1:9",
            "100000",
        ]);
        assert_eq!(
            opts.memory_child,
            Some(Child {
                mode: Mode::Streamed,
                url: "http://127.0.0.1:9".into(),
                n: 100_000
            })
        );
        assert_eq!(
            parse(&["--sync-memory-child", "sideways", "u", "1"])
                .err()
                .unwrap(),
            "--sync-memory-child: no mode sideways"
        );
        assert_eq!(
            parse(&["--sync-memory-child", "idle", "u"]).err().unwrap(),
            "--sync-memory-child: no history size "
        );
    }

    #[test]
    fn bad_options_say_what_is_wrong_and_help_wins_over_what_follows() {
        assert_eq!(
            parse(&["--rounds"]).err().unwrap(),
            "--rounds needs a number"
        );
        assert_eq!(
            parse(&["--small-secs", "fast"]).err().unwrap(),
            "--small-secs needs a number"
        );
        let calls_needs = "--calls needs small, large, modern, legacy (or both: small and \
                           large) or all, or a comma-separated list of them";
        assert_eq!(parse(&["--calls", "medium"]).err().unwrap(), calls_needs);
        assert_eq!(parse(&["--calls", "modern,"]).err().unwrap(), calls_needs);
        assert_eq!(parse(&["--calls"]).err().unwrap(), calls_needs);
        assert_eq!(parse(&["--bogus"]).err().unwrap(), "unknown option --bogus");
        assert!(matches!(parse(&["-h", "--bogus"]), Ok(Parsed::Help)));
        assert!(parse(&["--bogus", "--help"]).is_err());
    }
}
