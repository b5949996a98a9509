//! The official python clients on the same calls against the same
//! emulators, sequential and with N threads: the legacy client
//! (`bench/python_peer.py`) on the legacy calls, the modern one
//! (`bench/python_modern.py`) on the modern call.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use plaid_peer::venv::{self, RequirementSet, Venv};
use plaid_peer::{command, paths};

use crate::calls::{CallKind, Family, LARGE_N, LARGE_TOKEN, SMALL_TOKEN, Targets};
use crate::cpu::process_ticks;
use crate::emulators::MODERN_INSTITUTION;
use crate::options::Opts;
use crate::stats::{Sample, Summary, summarise};

/// How long `--check` may take (it imports the client).
const CHECK_TIMEOUT: Duration = Duration::from_secs(60);

/// One official python client: its virtualenv, its script, and how it
/// reaches the emulator.
pub(crate) struct Peer {
    /// The client's name and version, for the report.
    pub(crate) client: &'static str,
    /// How it connects, for the report's notes.
    pub(crate) connections: &'static str,
    /// Its requirement set (and so its virtualenv).
    set: &'static RequirementSet,
    /// Its script in `bench/`.
    script: &'static str,
    /// The family of the calls it makes.
    family: Family,
    /// The script's own arguments, beside the rounds, threads and flows.
    extra_args: fn() -> Vec<String>,
}

/// The legacy client, `plaid-python-legacy==1.5.1`, on `balance` and
/// `connect_get`.
pub(crate) const LEGACY_PEER: Peer = Peer {
    client: "plaid-python-legacy 1.5.1",
    connections: "every python call opens a new connection (the client calls \
                  `requests.post`, which keeps no session)",
    set: &venv::LEGACY,
    script: "python_peer.py",
    family: Family::Legacy,
    extra_args: || {
        vec![
            "--small-token".into(),
            SMALL_TOKEN.into(),
            "--large-token".into(),
            LARGE_TOKEN.into(),
            "--large-count".into(),
            LARGE_N.to_string(),
        ]
    },
};

/// The modern client, `plaid-python==46.0.0`, on `/accounts/balance/get`
/// (on an Item it makes itself at the same institution).
pub(crate) const MODERN_PEER: Peer = Peer {
    client: "plaid-python 46.0.0",
    connections: "each thread's client keeps its connection (an `ApiClient` \
                  holds a urllib3 pool)",
    set: &venv::MODERN,
    script: "python_modern.py",
    family: Family::Modern,
    extra_args: || vec!["--institution".into(), MODERN_INSTITUTION.into()],
};

impl Peer {
    /// The calls of `--calls` this client makes.
    pub(crate) fn calls(&self, opts: &Opts) -> Vec<CallKind> {
        opts.calls
            .iter()
            .copied()
            .filter(|call| call.family() == self.family)
            .collect()
    }

    /// The script's path.
    fn script(&self) -> PathBuf {
        paths::workspace_root().join("bench").join(self.script)
    }

    /// The python of the client's virtualenv (made ready first: see
    /// `plaid_peer::venv`), once it has passed the script's `--check`; else
    /// why not, for the report.
    pub(crate) fn python(&self) -> Result<PathBuf, String> {
        let venv = Venv::ensure_set(self.set).map_err(|err| err.to_string())?;
        command::run(
            Command::new(venv.python())
                .arg(self.script())
                .arg("--check"),
            &format!("bench/{} --check", self.script),
            CHECK_TIMEOUT,
        )
        .map_err(|err| err.to_string())?;
        Ok(venv.python().to_path_buf())
    }
}

/// The python client on one call: sequential and with N threads (N being
/// `--concurrency`), each summarised over its rounds. `client_us` is the
/// python process's CPU time per call (all its threads), `sandbox_us` is not
/// measured (NaN).
pub(crate) struct PythonFlow {
    pub(crate) call: CallKind,
    pub(crate) sequential: Summary,
    pub(crate) threads: usize,
    pub(crate) threaded: Summary,
}

impl PythonFlow {
    /// Python CPU seconds per call: the lower of the two runs' medians.
    fn cpu_secs_per_call(&self) -> f64 {
        self.sequential.client_us.min(self.threaded.client_us) / 1e6
    }

    /// The req/s python could reach on `cpus` CPUs with any number of
    /// threads or processes if the sandbox cost nothing.
    pub(crate) fn ceiling(&self, cpus: usize) -> f64 {
        cpus as f64 / self.cpu_secs_per_call()
    }
}

/// The python scripts' name for a call.
fn python_flow(call: CallKind) -> &'static str {
    match call {
        CallKind::Small => "balance",
        CallKind::Large => "connect_get",
        CallKind::Modern => "accounts_balance_get",
    }
}

/// Runs the flows of `peer` (its calls in `--calls`) twice, sequential and
/// with `--concurrency` threads, against its emulator; returns one entry
/// per flow.
pub(crate) fn run_python(
    peer: &Peer,
    python: &Path,
    targets: &Targets,
    opts: &Opts,
) -> Result<Vec<PythonFlow>, String> {
    let run = Run {
        peer,
        python,
        url: targets.url(peer.family),
        calls: peer.calls(opts),
        opts,
    };
    let sequential = run.once(1)?;
    let threads = opts.concurrency.max(1);
    let threaded = if threads == 1 {
        sequential.clone()
    } else {
        run.once(threads)?
    };
    // Both runs hold one entry per call in `run.calls`, in that order.
    Ok(sequential
        .into_iter()
        .zip(threaded)
        .map(|((call, sequential), (_, threaded))| PythonFlow {
            call,
            sequential,
            threads,
            threaded,
        })
        .collect())
}

/// The shortest python round of the large call. One python call takes about
/// 70 ms alone and over a second with 16 threads, so a 0.5 s round would
/// time a burst of one call per thread rather than a steady rate.
const PYTHON_MIN_LARGE_ROUND: Duration = Duration::from_secs(2);

/// What every run of one client's script shares.
struct Run<'a> {
    peer: &'a Peer,
    python: &'a Path,
    url: &'a str,
    /// The calls it makes, in the report's order.
    calls: Vec<CallKind>,
    opts: &'a Opts,
}

impl Run<'_> {
    /// One run of the script with `threads` threads per round; returns one
    /// summary per call in `self.calls`.
    fn once(&self, threads: usize) -> Result<Vec<(CallKind, Summary)>, String> {
        let (peer, calls, opts) = (self.peer, &self.calls, self.opts);
        let flows: Vec<&str> = calls.iter().map(|&c| python_flow(c)).collect();
        eprintln!("plaid-bench: {}, {threads} thread(s)", peer.client);
        let ticks0 = process_ticks();
        let mut child = Command::new(self.python)
            .arg(peer.script())
            .arg(self.url)
            .args(["--rounds", &opts.rounds.to_string()])
            .args(["--small-secs", &opts.small.as_secs_f64().to_string()])
            .args([
                "--large-secs",
                &opts
                    .large
                    .max(PYTHON_MIN_LARGE_ROUND)
                    .as_secs_f64()
                    .to_string(),
            ])
            .args((peer.extra_args)())
            .args(["--threads", &threads.to_string()])
            .args(["--flows", &flows.join(",")])
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|e| format!("spawning python: {e}"))?;
        let stdout = child.stdout.take().ok_or("no stdout")?;
        let mut samples: Vec<(CallKind, Vec<Sample>)> =
            calls.iter().map(|&c| (c, Vec::new())).collect();
        for line in BufReader::new(stdout).lines() {
            let line = line.map_err(|e| e.to_string())?;
            let v: serde_json::Value = serde_json::from_str(&line).map_err(|e| e.to_string())?;
            if v["threads"].as_u64() != Some(threads as u64) {
                return Err(format!("expected \"threads\": {threads} in {line}"));
            }
            let latencies: Vec<Duration> = v["latencies_ms"]
                .as_array()
                .ok_or("no latencies")?
                .iter()
                .filter_map(serde_json::Value::as_f64)
                .map(|ms| Duration::from_secs_f64(ms / 1e3))
                .collect();
            let seconds = v["seconds"].as_f64().ok_or("no seconds")?;
            let cpu_seconds = v["cpu_seconds"].as_f64().ok_or("no cpu_seconds")?;
            let sample = Sample {
                calls: latencies.len(),
                elapsed: Duration::from_secs_f64(seconds),
                latencies,
                // Python's own CPU in the client slot; the sandbox's share of a
                // round cannot be told apart (its threads end with each legacy
                // call).
                cpu: (0, (cpu_seconds * 1e9) as u64),
            };
            let flow = v["flow"].as_str().unwrap_or_default();
            match samples.iter_mut().find(|(c, _)| python_flow(*c) == flow) {
                Some((_, flow_samples)) => flow_samples.push(sample),
                None => return Err(format!("unexpected line {line}")),
            }
        }
        let status = child.wait().map_err(|e| e.to_string())?;
        if !status.success() {
            return Err(format!(
                "{} ({threads} thread(s)) exited with {status}",
                peer.script
            ));
        }
        // Whatever CPU this process used while python ran was the sandbox's.
        let sandbox_secs = process_ticks().saturating_sub(ticks0) as f64 / 100.0;
        let calls: usize = samples.iter().flat_map(|(_, s)| s).map(|s| s.calls).sum();
        eprintln!(
            "plaid-bench: python run ({threads} thread(s)) used {sandbox_secs:.2} s of sandbox CPU \
         for {calls} calls (warm-up included)"
        );
        Ok(samples
            .into_iter()
            .map(|(call, s)| {
                let mut summary = summarise(&s);
                summary.sandbox_us = f64::NAN;
                summary.sandbox_share = f64::NAN;
                (call, summary)
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_client_makes_the_calls_of_its_family_that_are_asked_for() {
        let mut opts = Opts::for_tests();
        assert_eq!(LEGACY_PEER.calls(&opts), [CallKind::Small, CallKind::Large]);
        assert_eq!(MODERN_PEER.calls(&opts), [CallKind::Modern]);
        opts.calls = vec![CallKind::Modern];
        assert!(LEGACY_PEER.calls(&opts).is_empty());
        assert_eq!(MODERN_PEER.calls(&opts), [CallKind::Modern]);
        opts.calls = vec![CallKind::Large];
        assert_eq!(LEGACY_PEER.calls(&opts), [CallKind::Large]);
        assert!(MODERN_PEER.calls(&opts).is_empty());
    }

    #[test]
    fn each_client_gets_its_own_arguments_and_flow_names() {
        assert_eq!(
            (LEGACY_PEER.extra_args)(),
            [
                "--small-token",
                SMALL_TOKEN,
                "--large-token",
                LARGE_TOKEN,
                "--large-count",
                "10000"
            ]
        );
        assert_eq!(
            (MODERN_PEER.extra_args)(),
            ["--institution", MODERN_INSTITUTION]
        );
        let flows: Vec<&str> = CallKind::ALL.into_iter().map(python_flow).collect();
        assert_eq!(flows, ["balance", "connect_get", "accounts_balance_get"]);
    }
}
