//! Choosing the CPython the virtualenv is made from.
//!
//! The choice is one rule for both tools: the interpreter named by
//! [`PYTHON_VAR`] (or its older name [`OLD_BENCH_PYTHON_VAR`]), else the
//! first of [`DEFAULT_CANDIDATES`] that is a CPython 3.7+ with the `venv`
//! and `ensurepip` modules. Every candidate that is passed over is listed,
//! with the reason, in the error when none fits.

use std::ffi::{OsStr, OsString};
use std::fmt;
use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use super::Error;
use crate::command::{self, CommandError};

/// The environment variable naming the interpreter to build the virtualenv
/// from (a command on `PATH` or a path), instead of searching
/// [`DEFAULT_CANDIDATES`].
pub const PYTHON_VAR: &str = "PLAID_PEER_PYTHON";

/// The older name of [`PYTHON_VAR`], from when plaid-bench had its own
/// virtualenv. It now means the same; setting both to different values is
/// an error.
pub const OLD_BENCH_PYTHON_VAR: &str = "PLAID_BENCH_PYTHON";

/// The interpreters tried, in order, when no override is set. 3.11 and 3.12
/// come first: the official client (`plaid-python-legacy==1.5.1`, which pins
/// `requests==2.7.0`) is known to install and run on them.
pub const DEFAULT_CANDIDATES: [&str; 4] = ["python3.11", "python3.12", "python3", "python"];

/// The oldest python accepted (`major`, `minor`).
pub const MIN_VERSION: (u32, u32) = (3, 7);

/// How long asking a candidate for its version may take.
const PROBE_TIMEOUT: Duration = Duration::from_secs(60);

/// Prints the version, `sys.executable`, and whether `venv` and `ensurepip`
/// import; valid python 2 as well, so an old `python` is reported as too old
/// rather than as broken.
const PROBE: &str = "\
import sys
try:
    import venv, ensurepip
    status = 'ok'
except Exception as e:
    status = 'missing: %s' % e
print('%d.%d.%d' % tuple(sys.version_info[:3]))
print(sys.executable)
print(status)
";

/// A python version, `major.minor.patch`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Version {
    /// The major version (3).
    pub major: u32,
    /// The minor version.
    pub minor: u32,
    /// The patch level.
    pub patch: u32,
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

/// A CPython that can create the virtualenv.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interpreter {
    /// The candidate as it was given (`python3.11`, or an override's value).
    pub command: OsString,
    /// The interpreter's own path (`sys.executable`): what the virtualenv is
    /// made with and what its stamp records, so a shim on `PATH` that
    /// starts pointing elsewhere makes the virtualenv stale.
    pub executable: PathBuf,
    /// Its version.
    pub version: Version,
}

/// The candidates under the current environment: see [`candidates_from`].
pub fn candidates() -> Result<Vec<OsString>, Error> {
    candidates_from(
        std::env::var_os(PYTHON_VAR),
        std::env::var_os(OLD_BENCH_PYTHON_VAR),
    )
}

/// The interpreters to try, given the values of [`PYTHON_VAR`] and
/// [`OLD_BENCH_PYTHON_VAR`] (an empty value counts as unset): the override
/// alone when one is set, else [`DEFAULT_CANDIDATES`].
pub fn candidates_from(
    peer: Option<OsString>,
    bench: Option<OsString>,
) -> Result<Vec<OsString>, Error> {
    let set = |value: Option<OsString>| value.filter(|v| !v.is_empty());
    match (set(peer), set(bench)) {
        (Some(peer), Some(bench)) if peer != bench => {
            Err(Error::ConflictingOverrides { peer, bench })
        }
        (Some(python), _) | (None, Some(python)) => Ok(vec![python]),
        (None, None) => Ok(DEFAULT_CANDIDATES.map(OsString::from).to_vec()),
    }
}

/// The first candidate that is a CPython 3.7+ with `venv` and `ensurepip`;
/// else [`Error::NoPython`] listing every candidate and why it was passed
/// over.
pub fn find(candidates: &[OsString]) -> Result<Interpreter, Error> {
    let mut tried = Vec::new();
    for candidate in candidates {
        let shown = candidate.to_string_lossy();
        match probe(candidate) {
            Ok(interpreter) => return Ok(interpreter),
            Err(why) => tried.push(format!("{shown}: {why}")),
        }
    }
    Err(Error::NoPython { tried })
}

/// Runs the probe with `candidate`.
fn probe(candidate: &OsStr) -> Result<Interpreter, String> {
    let output = command::run(
        Command::new(candidate).args(["-c", PROBE]),
        "asking for the python version",
        PROBE_TIMEOUT,
    );
    match output {
        Ok(output) => parse_probe(candidate, &output.stdout),
        Err(CommandError::Spawn { source, .. })
            if source.kind() == std::io::ErrorKind::NotFound =>
        {
            Err("not found".to_owned())
        }
        Err(CommandError::Spawn { source, .. }) => Err(format!("cannot run it: {source}")),
        Err(CommandError::Failed { status, output, .. }) => Err(format!(
            "exited with {status}: {}",
            last_line(&output.stderr)
        )),
        Err(err) => Err(err.to_string()),
    }
}

/// Reads the probe's three lines.
fn parse_probe(candidate: &OsStr, stdout: &str) -> Result<Interpreter, String> {
    let mut lines = stdout.lines().map(str::trim);
    let (version, executable, status) = (lines.next(), lines.next(), lines.next());
    let version = version
        .and_then(parse_version)
        .ok_or_else(|| format!("unexpected answer to the version probe: {stdout:?}"))?;
    if version.major != MIN_VERSION.0 || version.minor < MIN_VERSION.1 {
        return Err(format!(
            "version {version} ({}.{}+ needed)",
            MIN_VERSION.0, MIN_VERSION.1
        ));
    }
    match status {
        Some("ok") => {}
        Some(missing) => {
            return Err(format!(
                "version {version} without the `venv`/`ensurepip` modules ({}); on \
                 Debian/Ubuntu install python3-venv",
                missing.trim_start_matches("missing: ")
            ));
        }
        None => {
            return Err(format!(
                "unexpected answer to the version probe: {stdout:?}"
            ));
        }
    }
    // An embedded python may leave sys.executable empty; the command then
    // stands for itself.
    let executable = match executable {
        Some(path) if !path.is_empty() => PathBuf::from(path),
        _ => PathBuf::from(candidate),
    };
    Ok(Interpreter {
        command: candidate.to_owned(),
        executable,
        version,
    })
}

fn parse_version(text: &str) -> Option<Version> {
    let mut parts = text.split('.').map(|p| p.parse::<u32>().ok());
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(Some(major)), Some(Some(minor)), Some(Some(patch)), None) => Some(Version {
            major,
            minor,
            patch,
        }),
        _ => None,
    }
}

fn last_line(text: &str) -> &str {
    text.trim().lines().last().unwrap_or("(no output)")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn os(values: &[&str]) -> Vec<OsString> {
        values.iter().map(OsString::from).collect()
    }

    #[test]
    fn without_an_override_the_default_candidates_are_tried() {
        assert_eq!(
            candidates_from(None, None).unwrap(),
            os(&DEFAULT_CANDIDATES)
        );
        assert_eq!(
            candidates_from(Some("".into()), Some("".into())).unwrap(),
            os(&DEFAULT_CANDIDATES)
        );
    }

    #[test]
    fn an_override_is_the_only_candidate_under_either_name() {
        let only = os(&["/opt/py/bin/python3"]);
        assert_eq!(
            candidates_from(Some("/opt/py/bin/python3".into()), None).unwrap(),
            only
        );
        assert_eq!(
            candidates_from(None, Some("/opt/py/bin/python3".into())).unwrap(),
            only
        );
        assert_eq!(
            candidates_from(
                Some("/opt/py/bin/python3".into()),
                Some("/opt/py/bin/python3".into())
            )
            .unwrap(),
            only
        );
        assert_eq!(
            candidates_from(Some("python3.12".into()), Some("".into())).unwrap(),
            os(&["python3.12"])
        );
    }

    #[test]
    fn two_different_overrides_are_an_error_naming_both() {
        let err =
            candidates_from(Some("python3.11".into()), Some("python3.12".into())).unwrap_err();
        assert!(matches!(err, Error::ConflictingOverrides { .. }), "{err:?}");
        let text = err.to_string();
        for needle in [PYTHON_VAR, OLD_BENCH_PYTHON_VAR, "python3.11", "python3.12"] {
            assert!(text.contains(needle), "{needle} missing from: {text}");
        }
    }

    #[test]
    fn the_probe_answer_gives_version_and_executable() {
        let found = parse_probe(
            OsStr::new("python3.11"),
            "3.11.7\n/root/.pyenv/versions/3.11.7/bin/python3.11\nok\n",
        )
        .unwrap();
        assert_eq!(
            found,
            Interpreter {
                command: "python3.11".into(),
                executable: "/root/.pyenv/versions/3.11.7/bin/python3.11".into(),
                version: Version {
                    major: 3,
                    minor: 11,
                    patch: 7
                },
            }
        );
        // An empty sys.executable falls back to the command.
        let found = parse_probe(OsStr::new("python3"), "3.8.10\n\nok\n").unwrap();
        assert_eq!(found.executable, PathBuf::from("python3"));
    }

    #[test]
    fn old_pythons_and_pythons_without_venv_are_passed_over_with_the_reason() {
        let too_old = parse_probe(OsStr::new("python"), "2.7.18\n/usr/bin/python2\nok\n");
        assert_eq!(too_old.unwrap_err(), "version 2.7.18 (3.7+ needed)");
        let too_old = parse_probe(OsStr::new("python3"), "3.6.15\n/usr/bin/python3\nok\n");
        assert_eq!(too_old.unwrap_err(), "version 3.6.15 (3.7+ needed)");
        let no_venv = parse_probe(
            OsStr::new("python3"),
            "3.10.12\n/usr/bin/python3\nmissing: No module named 'ensurepip'\n",
        )
        .unwrap_err();
        assert!(no_venv.contains("`venv`/`ensurepip`"), "{no_venv}");
        assert!(no_venv.contains("No module named 'ensurepip'"), "{no_venv}");
        assert!(no_venv.contains("python3-venv"), "{no_venv}");
        let garbage = parse_probe(OsStr::new("python3"), "Python 3.11\n").unwrap_err();
        assert!(garbage.starts_with("unexpected answer"), "{garbage}");
    }
}
