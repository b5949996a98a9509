//! The official python client (`bench/python_peer.py`) on the same calls
//! against the same sandbox, sequential and with N threads.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use plaid_peer::venv::Venv;
use plaid_peer::{command, paths};

use crate::calls::{CallKind, LARGE_N, LARGE_TOKEN, SMALL_TOKEN};
use crate::cpu::process_ticks;
use crate::options::Opts;
use crate::stats::{Sample, Summary, summarise};

/// How long `python_peer.py --check` may take (it imports the client and
/// builds one request).
const CHECK_TIMEOUT: Duration = Duration::from_secs(60);

/// The script that drives the python client.
fn script() -> PathBuf {
    paths::workspace_root().join("bench").join("python_peer.py")
}

/// The python of the shared virtualenv (made ready first: see
/// `plaid_peer::venv`), once it has passed the script's `--check`; else
/// why not, for the report.
pub(crate) fn python() -> Result<PathBuf, String> {
    let venv = Venv::ensure().map_err(|err| err.to_string())?;
    command::run(
        Command::new(venv.python()).arg(script()).arg("--check"),
        "bench/python_peer.py --check",
        CHECK_TIMEOUT,
    )
    .map_err(|err| err.to_string())?;
    Ok(venv.python().to_path_buf())
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

/// The python script's name for a call.
fn python_flow(call: CallKind) -> &'static str {
    match call {
        CallKind::Small => "balance",
        CallKind::Large => "connect_get",
    }
}

/// Runs the python client's flows (those in `--calls`) twice, sequential and
/// with `--concurrency` threads; returns one entry per flow.
pub(crate) fn run_python(python: &Path, url: &str, opts: &Opts) -> Result<Vec<PythonFlow>, String> {
    let sequential = run_python_once(python, url, opts, 1)?;
    let threads = opts.concurrency.max(1);
    let threaded = if threads == 1 {
        sequential.clone()
    } else {
        run_python_once(python, url, opts, threads)?
    };
    // Both runs hold one entry per call in `opts.calls`, in that order.
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

/// One run of `bench/python_peer.py` with `threads` threads per round;
/// returns one summary per call in `opts.calls`.
fn run_python_once(
    python: &Path,
    url: &str,
    opts: &Opts,
    threads: usize,
) -> Result<Vec<(CallKind, Summary)>, String> {
    let flows: Vec<&str> = opts.calls.iter().map(|&c| python_flow(c)).collect();
    eprintln!("plaid-bench: python, {threads} thread(s)");
    let ticks0 = process_ticks();
    let mut child = Command::new(python)
        .arg(script())
        .arg(url)
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
        .args(["--small-token", SMALL_TOKEN, "--large-token", LARGE_TOKEN])
        .args(["--large-count", &LARGE_N.to_string()])
        .args(["--threads", &threads.to_string()])
        .args(["--flows", &flows.join(",")])
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("spawning python: {e}"))?;
    let stdout = child.stdout.take().ok_or("no stdout")?;
    let mut samples: Vec<(CallKind, Vec<Sample>)> =
        opts.calls.iter().map(|&c| (c, Vec::new())).collect();
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
            // round cannot be told apart (its threads end with each call).
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
        return Err(format!("python ({threads} thread(s)) exited with {status}"));
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
