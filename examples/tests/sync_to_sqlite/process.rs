//! The example as a process: a throwaway database file, a run to its end,
//! and a run whose stderr lines a test waits on before it kills it.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::Duration;

pub(crate) const BIN: &str = env!("CARGO_BIN_EXE_sync_to_sqlite");

/// The variables that would point the example elsewhere.
const TARGET_VARIABLES: [&str; 3] = ["PLAID_BASE_URL", "PLAID_CLIENT_ID", "PLAID_SECRET"];

/// How long any one wait may take on a loaded machine before the test
/// fails.
const PATIENCE: Duration = Duration::from_secs(120);

/// A database file in the temporary directory, removed (with its `-wal`
/// and `-shm` files) when the test ends.
pub(crate) struct TempDb(PathBuf);

impl TempDb {
    pub(crate) fn new(name: &str) -> TempDb {
        let path = std::env::temp_dir().join(format!(
            "plaid-sync-to-sqlite-{}-{name}.db",
            std::process::id()
        ));
        let db = TempDb(path);
        db.remove();
        db
    }

    pub(crate) fn path(&self) -> &Path {
        &self.0
    }

    fn remove(&self) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut name = self.0.clone().into_os_string();
            name.push(suffix);
            let _ = std::fs::remove_file(name);
        }
    }
}

impl Drop for TempDb {
    fn drop(&mut self) {
        self.remove();
    }
}

/// The example as a process: `args` after `--db DB`, the server `url` (or
/// the embedded one when `None`).
fn command(db: &TempDb, url: Option<&str>, args: &[&str]) -> Command {
    let mut command = Command::new(BIN);
    for variable in TARGET_VARIABLES {
        command.env_remove(variable);
    }
    command.arg("--db").arg(db.path());
    if let Some(url) = url {
        command.args(["--base-url", url]);
    }
    command.args(args);
    command
}

/// What a finished run printed.
pub(crate) struct Run {
    pub(crate) status: ExitStatus,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

impl Run {
    pub(crate) fn succeeded(self) -> Run {
        assert!(
            self.status.success(),
            "the example failed with {}\nstdout:\n{}\nstderr:\n{}",
            self.status,
            self.stdout,
            self.stderr
        );
        self
    }

    /// The `synced:` line's counts: added, modified, removed, pages, attempt.
    pub(crate) fn synced(&self) -> [u64; 5] {
        let line = self
            .stdout
            .lines()
            .find_map(|l| l.strip_prefix("synced: "))
            .unwrap_or_else(|| panic!("no synced line:\n{}", self.stdout));
        let numbers: Vec<u64> = line
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().unwrap())
            .collect();
        numbers
            .try_into()
            .unwrap_or_else(|n| panic!("{line}: {n:?}"))
    }

    /// Checks that the run printed neither `token` nor any sandbox token.
    pub(crate) fn printed_no_secret(&self, token: &str) -> &Run {
        for secret in [token, "access-sandbox-", "public-sandbox-", "test_secret"] {
            assert!(
                !self.stdout.contains(secret) && !self.stderr.contains(secret),
                "the example printed a secret:\n{}\n{}",
                self.stdout,
                self.stderr
            );
        }
        self
    }
}

/// Runs the example to its end.
pub(crate) fn run(db: &TempDb, url: Option<&str>, args: &[&str]) -> Run {
    let output = command(db, url, args).output().unwrap();
    Run {
        status: output.status,
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// A running example whose stderr lines arrive on a channel.
pub(crate) struct Running {
    pub(crate) child: Child,
    lines: Receiver<String>,
    seen: Vec<String>,
}

impl Running {
    pub(crate) fn start(db: &TempDb, url: &str, args: &[&str]) -> Running {
        let mut child = command(db, Some(url), args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let (send, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { return };
                if send.send(line).is_err() {
                    return;
                }
            }
        });
        Running {
            child,
            lines,
            seen: Vec::new(),
        }
    }

    /// Waits for a stderr line that starts with `prefix`.
    pub(crate) fn wait_for(&mut self, prefix: &str) -> String {
        loop {
            match self.lines.recv_timeout(PATIENCE) {
                Ok(line) => {
                    self.seen.push(line.clone());
                    if line.starts_with(prefix) {
                        return line;
                    }
                }
                Err(e) => panic!(
                    "no stderr line {prefix:?} ({e}); seen:\n{}",
                    self.seen.join("\n")
                ),
            }
        }
    }

    /// Kills the process (SIGKILL: no clean-up runs) and returns what it
    /// had printed on stdout.
    pub(crate) fn kill(mut self) -> String {
        assert!(
            self.child.try_wait().unwrap().is_none(),
            "the sync ended before it could be killed; seen:\n{}",
            self.seen.join("\n")
        );
        self.child.kill().unwrap();
        let status = self.child.wait().unwrap();
        assert!(!status.success(), "killed, yet {status}");
        let mut stdout = String::new();
        self.child
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut stdout)
            .unwrap();
        stdout
    }
}
