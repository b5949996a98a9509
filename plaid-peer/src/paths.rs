//! Where the workspace and its cargo target directory are.
//!
//! The peer test and plaid-bench both read files from the workspace (`peer/`,
//! `bench/`) and keep the python virtualenv under the target directory; this
//! module is the one place that decides where those are, so both tools agree
//! whichever of them creates the virtualenv.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The first line of the `CACHEDIR.TAG` file cargo writes at the root of every
/// target directory (the signature of the cache directory tag standard).
const CACHEDIR_SIGNATURE: &str = "Signature: 8a477f597d28d172789f06886806bc55";

/// The workspace root: the parent of this crate's directory.
///
/// Taken from the path this crate was compiled from, which is where the
/// sources of every binary that links it live.
pub fn workspace_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest
        .parent()
        .map_or_else(|| manifest.join(".."), Path::to_path_buf)
}

/// The cargo target directory the running program was built in.
///
/// In order: the nearest ancestor of the running executable that holds
/// cargo's `CACHEDIR.TAG` (a test binary lives in `<target>/debug/deps/`,
/// plaid-bench in `<target>/release/`, whatever `--target-dir`,
/// `CARGO_TARGET_DIR` or `build.target-dir` said at build time); else
/// `$CARGO_TARGET_DIR` (relative to the workspace root when relative); else
/// `<workspace>/target`.
pub fn target_dir() -> PathBuf {
    let exe = std::env::current_exe().ok();
    target_dir_from(
        exe.as_deref(),
        std::env::var_os("CARGO_TARGET_DIR"),
        &workspace_root(),
    )
}

/// [`target_dir`] with its inputs given, so the rule can be tested.
fn target_dir_from(exe: Option<&Path>, env: Option<OsString>, workspace: &Path) -> PathBuf {
    if let Some(exe) = exe {
        for dir in exe.ancestors().skip(1) {
            if is_cargo_target_dir(dir) {
                return dir.to_path_buf();
            }
        }
    }
    match env {
        Some(dir) if !dir.is_empty() => workspace.join(dir),
        _ => workspace.join("target"),
    }
}

/// Whether `dir` holds the `CACHEDIR.TAG` cargo writes (other tools write
/// the same tag, so its comment must name cargo).
fn is_cargo_target_dir(dir: &Path) -> bool {
    std::fs::read_to_string(dir.join("CACHEDIR.TAG"))
        .is_ok_and(|tag| tag.starts_with(CACHEDIR_SIGNATURE) && tag.contains("cargo"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::TempDir;

    #[test]
    fn the_target_dir_is_the_executables_tagged_ancestor() {
        let temp = TempDir::new("paths");
        let target = temp.path().join("custom-target");
        let deps = target.join("debug").join("deps");
        std::fs::create_dir_all(&deps).unwrap();
        std::fs::write(
            target.join("CACHEDIR.TAG"),
            format!(
                "{CACHEDIR_SIGNATURE}\n# This file is a cache directory tag created by cargo.\n"
            ),
        )
        .unwrap();
        let exe = deps.join("python_peer-0123");
        let workspace = temp.path().join("ws");
        assert_eq!(
            target_dir_from(Some(&exe), Some("elsewhere".into()), &workspace),
            target
        );
    }

    #[test]
    fn a_tag_written_by_another_tool_is_not_a_target_dir() {
        let temp = TempDir::new("paths-other-tag");
        let cache = temp.path().join("cache");
        std::fs::create_dir_all(cache.join("bin")).unwrap();
        std::fs::write(
            cache.join("CACHEDIR.TAG"),
            format!("{CACHEDIR_SIGNATURE}\n# created by some backup tool\n"),
        )
        .unwrap();
        let workspace = temp.path().join("ws");
        assert_eq!(
            target_dir_from(Some(&cache.join("bin").join("tool")), None, &workspace),
            workspace.join("target")
        );
    }

    #[test]
    fn without_a_tagged_ancestor_the_environment_then_the_default_decide() {
        let workspace = Path::new("/nonexistent/ws");
        let exe = Path::new("/nonexistent/bin/plaid-bench");
        assert_eq!(
            target_dir_from(Some(exe), Some("out".into()), workspace),
            workspace.join("out")
        );
        assert_eq!(
            target_dir_from(Some(exe), Some("/abs/out".into()), workspace),
            Path::new("/abs/out")
        );
        assert_eq!(
            target_dir_from(None, Some("".into()), workspace),
            workspace.join("target")
        );
        assert_eq!(
            target_dir_from(None, None, workspace),
            workspace.join("target")
        );
    }
}
