//! Running a child process to completion within a time limit.
//!
//! Creating the virtualenv (`python -m venv`, `pip install`) and running the
//! peer scripts all need the same thing: the child's whole output, a time
//! limit so a hung install or script fails instead of hanging the test, and
//! an error that shows everything the child printed.

use std::fmt;
use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// What a child process printed, decoded lossily as UTF-8.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// Everything it wrote to stdout.
    pub stdout: String,
    /// Everything it wrote to stderr.
    pub stderr: String,
}

/// Why [`run`] failed. Its `Display` names the step, the command, and
/// everything the child printed.
#[derive(Debug)]
#[non_exhaustive]
pub enum CommandError {
    /// The child could not be started (the program is missing, say).
    Spawn {
        /// The step, as given to [`run`].
        what: String,
        /// The command line (`Command`'s `Debug`).
        command: String,
        /// The error from `spawn`.
        source: std::io::Error,
    },
    /// Waiting for the child failed.
    Wait {
        /// The step, as given to [`run`].
        what: String,
        /// The command line (`Command`'s `Debug`).
        command: String,
        /// The error from `try_wait`.
        source: std::io::Error,
    },
    /// The child ran and exited unsuccessfully.
    Failed {
        /// The step, as given to [`run`].
        what: String,
        /// The command line (`Command`'s `Debug`).
        command: String,
        /// How it exited.
        status: ExitStatus,
        /// What it printed.
        output: Output,
    },
    /// The child ran out of time and was killed.
    TimedOut {
        /// The step, as given to [`run`].
        what: String,
        /// The command line (`Command`'s `Debug`).
        command: String,
        /// The time limit it ran out of.
        timeout: Duration,
        /// What it printed before it was killed.
        output: Output,
    },
}

impl fmt::Display for CommandError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let printed = |f: &mut fmt::Formatter<'_>, output: &Output| {
            write!(
                f,
                "\n--- stdout ---\n{}\n--- stderr ---\n{}",
                output.stdout, output.stderr
            )
        };
        match self {
            CommandError::Spawn {
                what,
                command,
                source,
            } => write!(f, "{what}: could not start {command}: {source}"),
            CommandError::Wait {
                what,
                command,
                source,
            } => write!(f, "{what}: waiting for {command} failed: {source}"),
            CommandError::Failed {
                what,
                command,
                status,
                output,
            } => {
                write!(f, "{what} failed ({status}): {command}")?;
                printed(f, output)
            }
            CommandError::TimedOut {
                what,
                command,
                timeout,
                output,
            } => {
                write!(
                    f,
                    "{what} timed out after {timeout:?} and was killed: {command}"
                )?;
                printed(f, output)
            }
        }
    }
}

impl std::error::Error for CommandError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            CommandError::Spawn { source, .. } | CommandError::Wait { source, .. } => Some(source),
            CommandError::Failed { .. } | CommandError::TimedOut { .. } => None,
        }
    }
}

/// A command running the peer script `script` with `python` against a
/// sandbox on loopback: no proxy (a proxy from the environment would
/// intercept the loopback calls), none of the python clients' own
/// environment overrides (`PLAID_HOST`, `SERVER_SOFTWARE`), unbuffered
/// output and no bytecode written into the workspace.
pub fn python_script(python: &Path, script: &Path) -> Command {
    let mut command = Command::new(python);
    command
        .arg(script)
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .env("PYTHONUNBUFFERED", "1")
        .env("NO_PROXY", "127.0.0.1,localhost")
        .env("no_proxy", "127.0.0.1,localhost")
        .env_remove("PLAID_HOST")
        .env_remove("SERVER_SOFTWARE");
    for proxy in ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"] {
        command
            .env_remove(proxy)
            .env_remove(proxy.to_ascii_lowercase());
    }
    command
}

/// Runs `command` (stdin closed, stdout and stderr captured) until it exits
/// or `timeout` passes, when it is killed. `what` names the step in errors.
pub fn run(command: &mut Command, what: &str, timeout: Duration) -> Result<Output, CommandError> {
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let shown = format!("{command:?}");
    let mut child = command.spawn().map_err(|source| CommandError::Spawn {
        what: what.to_owned(),
        command: shown.clone(),
        source,
    })?;
    // Both pipes are drained while the child runs, so a chatty child never
    // blocks on a full pipe.
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let waited = wait(&mut child, timeout);
    let output = Output {
        stdout: collect(stdout),
        stderr: collect(stderr),
    };
    match waited {
        Ok(Some(status)) if status.success() => Ok(output),
        Ok(Some(status)) => Err(CommandError::Failed {
            what: what.to_owned(),
            command: shown,
            status,
            output,
        }),
        Ok(None) => Err(CommandError::TimedOut {
            what: what.to_owned(),
            command: shown,
            timeout,
            output,
        }),
        Err(source) => Err(CommandError::Wait {
            what: what.to_owned(),
            command: shown,
            source,
        }),
    }
}

/// The child's exit status, or `None` when it ran out of time (it is then
/// killed and reaped).
fn wait(child: &mut Child, timeout: Duration) -> std::io::Result<Option<ExitStatus>> {
    let deadline = Instant::now() + timeout;
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Ok(Some(status)),
            Ok(None) if Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                return Ok(None);
            }
            Ok(None) => thread::sleep(Duration::from_millis(20)),
            Err(err) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(err);
            }
        }
    }
}

/// Reads a pipe to its end on its own thread.
fn drain(pipe: Option<impl Read + Send + 'static>) -> Option<JoinHandle<String>> {
    pipe.map(|mut pipe| {
        thread::spawn(move || {
            let mut bytes = Vec::new();
            // A read error ends the output early; what was read is kept.
            let _ = pipe.read_to_end(&mut bytes);
            String::from_utf8_lossy(&bytes).into_owned()
        })
    })
}

fn collect(reader: Option<JoinHandle<String>>) -> String {
    reader
        .and_then(|handle| handle.join().ok())
        .unwrap_or_default()
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use crate::test_support::spawn_turn;

    fn sh(script: &str) -> Command {
        let mut command = Command::new("sh");
        command.args(["-c", script]);
        command
    }

    #[test]
    fn a_successful_command_gives_both_outputs() {
        let _turn = spawn_turn();
        let output = run(
            &mut sh("echo out; echo err >&2"),
            "echo",
            Duration::from_secs(30),
        )
        .unwrap();
        assert_eq!(output.stdout, "out\n");
        assert_eq!(output.stderr, "err\n");
    }

    #[test]
    fn a_failing_command_reports_its_status_and_output() {
        let _turn = spawn_turn();
        let err = run(
            &mut sh("echo partial; echo broken >&2; exit 3"),
            "the step",
            Duration::from_secs(30),
        )
        .unwrap_err();
        assert!(matches!(err, CommandError::Failed { .. }), "{err:?}");
        let text = err.to_string();
        assert!(text.starts_with("the step failed ("), "{text}");
        assert!(
            text.contains("partial") && text.contains("broken"),
            "{text}"
        );
    }

    #[test]
    fn a_slow_command_is_killed_at_the_timeout() {
        let _turn = spawn_turn();
        let started = Instant::now();
        let err = run(
            &mut sh("echo before; exec sleep 30"),
            "sleeping",
            Duration::from_millis(200),
        )
        .unwrap_err();
        assert!(started.elapsed() < Duration::from_secs(20));
        assert!(matches!(err, CommandError::TimedOut { .. }), "{err:?}");
        assert!(err.to_string().contains("before"), "{err}");
    }

    #[test]
    fn python_scripts_run_without_proxies() {
        let command = python_script(Path::new("/bin/python"), Path::new("flows.py"));
        let args: Vec<_> = command.get_args().collect();
        assert_eq!(args, ["flows.py"]);
        let envs: Vec<_> = command.get_envs().collect();
        for removed in ["HTTP_PROXY", "https_proxy", "PLAID_HOST"] {
            assert!(
                envs.iter().any(|(k, v)| *k == removed && v.is_none()),
                "{removed} is not removed"
            );
        }
        assert!(envs.iter().any(|(k, v)| *k == "NO_PROXY" && v.is_some()));
    }

    #[test]
    fn a_missing_program_is_a_spawn_error() {
        let _turn = spawn_turn();
        let err = run(
            &mut Command::new("/nonexistent/plaid-peer-no-such-program"),
            "starting",
            Duration::from_secs(5),
        )
        .unwrap_err();
        assert!(matches!(err, CommandError::Spawn { .. }), "{err:?}");
        assert!(
            err.to_string().starts_with("starting: could not start"),
            "{err}"
        );
    }
}
