//! The python virtualenvs with the official clients, shared by the peer
//! tests and plaid-bench.
//!
//! The two official python clients cannot share a virtualenv: the legacy
//! one (`plaid-python-legacy==1.5.1`) and the modern one
//! (`plaid-python==46.0.0`) both install a module named `plaid`. So each
//! [`RequirementSet`] ([`LEGACY`], [`MODERN`]) has a virtualenv of its own,
//! all under one policy:
//!
//! - **Where**: `<target>/<set's directory>` (`peer-venv`,
//!   `peer-modern-venv`), `<target>` being the cargo target directory of the
//!   running binary ([`crate::paths::target_dir`]).
//! - **Made from**: the interpreter [`interpreter::find`] picks:
//!   `$PLAID_PEER_PYTHON` (or its older name `$PLAID_BENCH_PYTHON`), else
//!   the first of `python3.11`, `python3.12`, `python3`, `python` that is a
//!   CPython 3.7+ with the `venv` and `ensurepip` modules.
//! - **Reused while fresh**: the virtualenv holds a stamp with the base
//!   interpreter's version and path and the content of the set's
//!   requirements file (`peer/requirements.txt`,
//!   `peer/requirements-modern.txt`). When either changes, or the stamp or
//!   the virtualenv's python is missing, it is rebuilt from scratch.
//! - **Installed** with `python -m pip install -r <requirements file>`,
//!   which needs PyPI (or an index set with `PIP_INDEX_URL`) the first time.
//! - **Never skipped**: every failure is an [`Error`] that says what is
//!   missing (a python 3, its venv module, PyPI) and shows what the failing
//!   command printed.
//!
//! Creating one is safe against a concurrent creator: threads of one process
//! take turns, and each process builds in a directory of its own next to
//! the final one, then renames it into place. Two processes that start at
//! once both build; the second to finish keeps the first one's virtualenv.

pub mod interpreter;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant, SystemTime};
use std::{fs, io};

use crate::command::{self, CommandError};
use crate::paths;
pub use interpreter::{Interpreter, Version};

/// A named set of python requirements, installed into a virtualenv of its
/// own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequirementSet {
    /// What it installs, for messages (`plaid-python-legacy==1.5.1`).
    pub client: &'static str,
    /// The virtualenv's directory name under the target directory.
    pub dir_name: &'static str,
    /// The requirements file's name in the workspace's `peer/` directory.
    pub file_name: &'static str,
}

/// The official legacy client, `plaid-python-legacy==1.5.1`: the peer of
/// the legacy family (`peer/seed_flows.py`) and plaid-bench's python side.
pub const LEGACY: RequirementSet = RequirementSet {
    client: "plaid-python-legacy==1.5.1",
    dir_name: VENV_DIR_NAME,
    file_name: "requirements.txt",
};

/// The official modern client, `plaid-python==46.0.0`: the peer of the
/// modern family (`peer/modern_flows.py`).
pub const MODERN: RequirementSet = RequirementSet {
    client: "plaid-python==46.0.0",
    dir_name: "peer-modern-venv",
    file_name: "requirements-modern.txt",
};

impl RequirementSet {
    /// `<target>/<dir_name>`: see [`paths::target_dir`].
    pub fn dir(&self) -> PathBuf {
        paths::target_dir().join(self.dir_name)
    }

    /// `peer/<file_name>` in the workspace.
    pub fn requirements(&self) -> PathBuf {
        paths::workspace_root().join("peer").join(self.file_name)
    }
}

/// The directory name of the [`LEGACY`] virtualenv under the target
/// directory.
pub const VENV_DIR_NAME: &str = "peer-venv";

/// The stamp's file name inside the virtualenv.
pub const STAMP_FILE: &str = "plaid-peer.stamp";

/// How long each of `python -m venv` and `pip install` may take (normally
/// under a minute together).
pub const INSTALL_TIMEOUT: Duration = Duration::from_secs(600);

/// Leftover build directories older than this are removed: by then the
/// process that made them has finished or given up (two install steps
/// of at most [`INSTALL_TIMEOUT`] each).
const LEFTOVER_AGE: Duration = Duration::from_secs(3600);

/// The first line of a stamp; bump it when the stamp's meaning changes.
const STAMP_HEADER: &str = "plaid-peer venv stamp 1";

/// Threads of one process (the tests of one binary) create the virtualenv
/// one at a time; the second finds the first one's fresh virtualenv.
static CREATING: Mutex<()> = Mutex::new(());

/// Why the virtualenv could not be made ready.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// `PLAID_PEER_PYTHON` and `PLAID_BENCH_PYTHON` name different
    /// interpreters.
    #[error(
        "{}={} and {}={} name different interpreters; set only {} ({} is its older name)",
        interpreter::PYTHON_VAR,
        peer.to_string_lossy(),
        interpreter::OLD_BENCH_PYTHON_VAR,
        bench.to_string_lossy(),
        interpreter::PYTHON_VAR,
        interpreter::OLD_BENCH_PYTHON_VAR
    )]
    ConflictingOverrides {
        /// The value of `PLAID_PEER_PYTHON`.
        peer: OsString,
        /// The value of `PLAID_BENCH_PYTHON`.
        bench: OsString,
    },
    /// No candidate is a CPython 3.7+ with the `venv` and `ensurepip`
    /// modules.
    #[error(
        "the python peers need CPython 3.7+ (3.11 or 3.12 recommended) with the `venv` and \
         `ensurepip` modules, to install the official clients (plaid-python-legacy==1.5.1 \
         from peer/requirements.txt, plaid-python==46.0.0 from peer/requirements-modern.txt). \
         None was found:\n  {}\nInstall python3 (and python3-venv on Debian/Ubuntu), or set {} \
         to an interpreter.",
        tried.join("\n  "),
        interpreter::PYTHON_VAR
    )]
    NoPython {
        /// Each candidate tried, with why it was passed over.
        tried: Vec<String>,
    },
    /// The requirements file could not be read.
    #[error("reading {}: {source}", path.display())]
    Requirements {
        /// The requirements file.
        path: PathBuf,
        /// The error.
        source: io::Error,
    },
    /// `python -m venv` failed.
    #[error("{0}")]
    Create(CommandError),
    /// `pip install -r <requirements file>` failed.
    #[error("{0}")]
    Install(CommandError),
    /// A file system step failed.
    #[error("{what} {}: {source}", path.display())]
    Io {
        /// The step.
        what: &'static str,
        /// The path it was working on.
        path: PathBuf,
        /// The error.
        source: io::Error,
    },
}

/// A ready virtualenv with an official client installed.
#[derive(Debug, Clone)]
pub struct Venv {
    dir: PathBuf,
    python: PathBuf,
    base: Interpreter,
}

impl Venv {
    /// The [`LEGACY`] virtualenv (see [`Venv::ensure_set`]).
    pub fn ensure() -> Result<Venv, Error> {
        Venv::ensure_set(&LEGACY)
    }

    /// The [`MODERN`] virtualenv (see [`Venv::ensure_set`]).
    pub fn ensure_modern() -> Result<Venv, Error> {
        Venv::ensure_set(&MODERN)
    }

    /// The virtualenv of `set` at [`RequirementSet::dir`], made from the
    /// interpreter the environment chooses ([`interpreter::candidates`])
    /// with [`RequirementSet::requirements`]; created or rebuilt first when
    /// missing or stale.
    pub fn ensure_set(set: &RequirementSet) -> Result<Venv, Error> {
        Venv::ensure_with(&set.dir(), &set.requirements(), &interpreter::candidates()?)
    }

    /// [`Venv::ensure`] with the directory, the requirements file and the
    /// candidate interpreters given.
    pub fn ensure_with(
        dir: &Path,
        requirements: &Path,
        candidates: &[OsString],
    ) -> Result<Venv, Error> {
        let wanted = fs::read_to_string(requirements).map_err(|source| Error::Requirements {
            path: requirements.to_path_buf(),
            source,
        })?;
        let base = interpreter::find(candidates)?;
        let file_name = requirements
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let stamp = Stamp::new(&base, &file_name, &wanted);
        let _turn = CREATING.lock().unwrap_or_else(PoisonError::into_inner);
        if !stamp.is_fresh(dir) {
            create(dir, requirements, &base, &stamp)?;
        }
        Ok(Venv {
            dir: dir.to_path_buf(),
            python: python_in(dir),
            base,
        })
    }

    /// The virtualenv's directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The virtualenv's python, to run the peer scripts with.
    pub fn python(&self) -> &Path {
        &self.python
    }

    /// The interpreter the virtualenv was made from.
    pub fn base(&self) -> &Interpreter {
        &self.base
    }
}

/// The [`LEGACY`] virtualenv's directory, `<target>/peer-venv`.
pub fn default_dir() -> PathBuf {
    LEGACY.dir()
}

/// The [`LEGACY`] requirements, `peer/requirements.txt` in the workspace.
pub fn requirements_path() -> PathBuf {
    LEGACY.requirements()
}

/// The python inside the virtualenv at `dir`.
pub fn python_in(dir: &Path) -> PathBuf {
    if cfg!(windows) {
        dir.join("Scripts").join("python.exe")
    } else {
        dir.join("bin").join("python")
    }
}

/// What a virtualenv was made from: the base interpreter and the
/// requirements.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp(String);

impl Stamp {
    /// The stamp of a virtualenv made by `base` from a requirements file
    /// named `file_name` holding `requirements`.
    fn new(base: &Interpreter, file_name: &str, requirements: &str) -> Stamp {
        Stamp(format!(
            "{STAMP_HEADER}\npython {} {}\n--- peer/{file_name}\n{requirements}",
            base.version,
            base.executable.display()
        ))
    }

    /// Whether the virtualenv at `dir` was made from the same interpreter
    /// and requirements, and its python is still there (a removed base
    /// interpreter leaves a dangling link, which does not count).
    fn is_fresh(&self, dir: &Path) -> bool {
        python_in(dir).exists()
            && fs::read_to_string(dir.join(STAMP_FILE)).is_ok_and(|found| found == self.0)
    }

    fn write(&self, dir: &Path) -> Result<(), Error> {
        let path = dir.join(STAMP_FILE);
        fs::write(&path, &self.0).map_err(|source| Error::Io {
            what: "writing the virtualenv stamp",
            path,
            source,
        })
    }
}

/// Builds the virtualenv next to `dir` and renames it into place.
fn create(dir: &Path, requirements: &Path, base: &Interpreter, stamp: &Stamp) -> Result<(), Error> {
    let parent = dir.parent().unwrap_or_else(|| Path::new("."));
    fs::create_dir_all(parent).map_err(|source| Error::Io {
        what: "creating",
        path: parent.to_path_buf(),
        source,
    })?;
    remove_leftovers(dir);
    eprintln!(
        "plaid-peer: creating {} with {} {} (once; later runs reuse it)",
        dir.display(),
        base.command.to_string_lossy(),
        base.version
    );
    let started = Instant::now();
    let building = sibling(dir, "tmp");
    let built = build(&building, requirements, base)
        .and_then(|()| stamp.write(&building))
        .and_then(|()| publish(&building, dir, stamp));
    if built.is_err() {
        let _ = fs::remove_dir_all(&building);
    }
    built?;
    eprintln!(
        "plaid-peer: virtualenv ready in {:.1}s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// `python -m venv` and `pip install -r` into `dir`.
fn build(dir: &Path, requirements: &Path, base: &Interpreter) -> Result<(), Error> {
    command::run(
        Command::new(&base.executable).args(["-m", "venv"]).arg(dir),
        "creating the python virtualenv (`python -m venv`; on Debian/Ubuntu it needs the \
         python3-venv package)",
        INSTALL_TIMEOUT,
    )
    .map_err(Error::Create)?;
    let what = format!(
        "pip install -r {} (PyPI must be reachable, or an index set with PIP_INDEX_URL)",
        requirements.display()
    );
    command::run(
        Command::new(python_in(dir))
            .args(["-m", "pip", "install", "--disable-pip-version-check", "-r"])
            .arg(requirements),
        &what,
        INSTALL_TIMEOUT,
    )
    .map_err(Error::Install)?;
    Ok(())
}

/// Renames the finished virtualenv `built` to `dir`. A stale one at `dir`
/// is moved aside and removed first; a fresh one there (another process
/// finished first) is kept and `built` removed.
fn publish(built: &Path, dir: &Path, stamp: &Stamp) -> Result<(), Error> {
    // A few attempts, for another process replacing `dir` between the
    // steps; each attempt either returns or moves a stale `dir` away.
    let mut last = None;
    for _ in 0..3 {
        match fs::rename(built, dir) {
            Ok(()) => return Ok(()),
            Err(err) if dir.exists() => {
                if stamp.is_fresh(dir) {
                    let _ = fs::remove_dir_all(built);
                    return Ok(());
                }
                let old = sibling(dir, "old");
                match fs::rename(dir, &old) {
                    Ok(()) => {
                        let _ = fs::remove_dir_all(&old);
                    }
                    Err(moving) if moving.kind() == io::ErrorKind::NotFound => {}
                    Err(moving) => {
                        return Err(Error::Io {
                            what: "moving the stale virtualenv aside",
                            path: dir.to_path_buf(),
                            source: moving,
                        });
                    }
                }
                last = Some(err);
            }
            Err(source) => {
                return Err(Error::Io {
                    what: "renaming the new virtualenv to",
                    path: dir.to_path_buf(),
                    source,
                });
            }
        }
    }
    Err(Error::Io {
        what: "renaming the new virtualenv to",
        path: dir.to_path_buf(),
        source: last.unwrap_or_else(|| io::Error::other("kept being replaced")),
    })
}

/// A fresh name next to `dir`: `<name>.<kind>-<pid>-<n>`.
fn sibling(dir: &Path, kind: &str) -> PathBuf {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let name = dir.file_name().map_or_else(
        || VENV_DIR_NAME.into(),
        |name| name.to_string_lossy().into_owned(),
    );
    dir.with_file_name(format!("{name}.{kind}-{}-{n}", std::process::id()))
}

/// Removes build directories that crashed or killed runs left next to `dir`,
/// once they are older than [`LEFTOVER_AGE`].
fn remove_leftovers(dir: &Path) {
    let (Some(parent), Some(name)) = (dir.parent(), dir.file_name()) else {
        return;
    };
    let name = name.to_string_lossy();
    let prefixes = [format!("{name}.tmp-"), format!("{name}.old-")];
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let now = SystemTime::now();
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let file_name = file_name.to_string_lossy();
        if !prefixes.iter().any(|p| file_name.starts_with(p.as_str())) {
            continue;
        }
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|modified| now.duration_since(modified).ok())
            .is_some_and(|age| age > LEFTOVER_AGE);
        if old {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

#[cfg(test)]
mod tests;
