//! The modern emulator in a process of its own: `plaid-sandbox --api
//! modern`, built in release mode first (a no-op when it is fresh).
//!
//! In another process its memory stays out of the client's peak RSS, and
//! its CPU time (`/proc/<pid>/stat`) is read apart from the client's.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use plaid_peer::paths;

/// The running emulator; killed when dropped.
pub(crate) struct External {
    child: Child,
    url: String,
}

impl External {
    /// Builds `plaid-sandbox` (release, in this build's target directory)
    /// unless `$PLAID_SANDBOX_BIN` names a binary, starts it with `--api
    /// modern --port 0` and waits for its listening line.
    pub(crate) fn start() -> External {
        let binary =
            std::env::var_os("PLAID_SANDBOX_BIN").map_or_else(build_release_binary, PathBuf::from);
        External::spawn(&binary)
    }

    /// Starts `binary` with `--api modern --port 0`.
    fn spawn(binary: &Path) -> External {
        eprintln!("plaid-bench: starting {} --api modern", binary.display());
        let mut child = Command::new(binary)
            .args(["--api", "modern", "--port", "0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("spawn plaid-sandbox");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("piped stdout"))
            .read_line(&mut line)
            .expect("read the listening line");
        let url = listening_url(&line)
            .unwrap_or_else(|| panic!("unexpected first line from plaid-sandbox: {line:?}"));
        External { child, url }
    }

    /// The base URL (`http://127.0.0.1:PORT`).
    pub(crate) fn url(&self) -> &str {
        &self.url
    }

    /// The process id.
    pub(crate) fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The CPU time the emulator has used so far, in seconds (clock ticks of
    /// 10 ms, threads that ended included).
    pub(crate) fn cpu_secs(&self) -> f64 {
        std::fs::read_to_string(format!("/proc/{}/stat", self.pid()))
            .map_or(0, |stat| crate::cpu::ticks(&stat)) as f64
            / 100.0
    }

    /// Stops it.
    pub(crate) fn stop(self) {
        drop(self);
    }
}

impl Drop for External {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The URL of a `listening on URL` line.
fn listening_url(line: &str) -> Option<String> {
    line.trim_end()
        .strip_prefix("listening on ")
        .filter(|url| url.starts_with("http://"))
        .map(str::to_owned)
}

/// `cargo build --release -p plaid-sandbox --bin plaid-sandbox` into the
/// target directory this program was built in; returns the binary's path,
/// as cargo reports it.
fn build_release_binary() -> PathBuf {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    eprintln!("plaid-bench: building plaid-sandbox (release)");
    let out = Command::new(cargo)
        .current_dir(paths::workspace_root())
        .args([
            "build",
            "--release",
            "-p",
            "plaid-sandbox",
            "--bin",
            "plaid-sandbox",
            "--message-format=json-render-diagnostics",
            "--target-dir",
        ])
        .arg(paths::target_dir())
        .stderr(Stdio::inherit())
        .output()
        .expect("run cargo build");
    assert!(out.status.success(), "cargo build -p plaid-sandbox failed");
    executable_of(&String::from_utf8_lossy(&out.stdout), "plaid-sandbox")
        .expect("cargo named no plaid-sandbox executable")
}

/// The executable cargo's JSON messages (`--message-format=json…`) report
/// for the binary `name`.
fn executable_of(messages: &str, name: &str) -> Option<PathBuf> {
    messages
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|m| m["reason"] == "compiler-artifact" && m["target"]["name"] == name)
        .find_map(|m| m["executable"].as_str().map(PathBuf::from))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_listening_line_gives_the_url() {
        assert_eq!(
            listening_url("listening on http://127.0.0.1:41234\n").as_deref(),
            Some("http://127.0.0.1:41234")
        );
        assert_eq!(listening_url("ca certificate /tmp/x.pem\n"), None);
        assert_eq!(listening_url("listening on https://127.0.0.1:1\n"), None);
        assert_eq!(listening_url(""), None);
    }

    #[test]
    fn the_executable_is_read_from_cargos_messages() {
        let messages = concat!(
            r#"{"reason":"compiler-artifact","target":{"name":"plaid_sandbox","kind":["lib"]},"executable":null}"#,
            "\n",
            r#"{"reason":"compiler-artifact","target":{"name":"plaid-sandbox","kind":["bin"]},"executable":"/t/release/plaid-sandbox"}"#,
            "\n",
            r#"{"reason":"build-finished","success":true}"#,
            "\nnot json\n"
        );
        assert_eq!(
            executable_of(messages, "plaid-sandbox"),
            Some(PathBuf::from("/t/release/plaid-sandbox"))
        );
        assert_eq!(executable_of(messages, "other"), None);
    }
}
