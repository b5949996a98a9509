//! The virtualenv policy without network: stamps, publishing, and (on unix)
//! whole runs of [`Venv::ensure_with`] with shell scripts standing in for
//! python and pip.

use super::*;
use crate::test_support::TempDir;

fn base(version: (u32, u32, u32), executable: &str) -> Interpreter {
    Interpreter {
        command: "python3.11".into(),
        executable: executable.into(),
        version: Version {
            major: version.0,
            minor: version.1,
            patch: version.2,
        },
    }
}

/// A directory that looks like a made virtualenv: its python and `stamp`.
fn fake_venv(dir: &Path, stamp: Option<&Stamp>) {
    let python = python_in(dir);
    fs::create_dir_all(python.parent().unwrap()).unwrap();
    fs::write(&python, "").unwrap();
    if let Some(stamp) = stamp {
        stamp.write(dir).unwrap();
    }
}

const REQUIREMENTS: &str = "plaid-python-legacy==1.5.1\n";
const FILE: &str = "requirements.txt";

#[test]
fn a_venv_is_fresh_only_with_the_same_interpreter_and_requirements() {
    let temp = TempDir::new("stamp");
    let dir = temp.path().join("peer-venv");
    let python = base((3, 11, 7), "/opt/python3.11");
    let stamp = Stamp::new(&python, FILE, REQUIREMENTS);
    assert!(!stamp.is_fresh(&dir), "a missing venv is stale");
    fake_venv(&dir, Some(&stamp));
    assert!(stamp.is_fresh(&dir));

    let changed = [
        Stamp::new(&python, FILE, "plaid-python-legacy==1.5.2\n"),
        Stamp::new(&base((3, 11, 8), "/opt/python3.11"), FILE, REQUIREMENTS),
        Stamp::new(&base((3, 11, 7), "/usr/bin/python3.11"), FILE, REQUIREMENTS),
    ];
    for other in &changed {
        assert_ne!(other, &stamp);
        assert!(!other.is_fresh(&dir), "{other:?} should be stale");
    }
}

#[test]
fn each_requirement_set_has_its_own_venv_and_file() {
    assert_ne!(LEGACY.dir_name, MODERN.dir_name);
    assert_ne!(LEGACY.file_name, MODERN.file_name);
    assert_eq!(LEGACY.dir(), default_dir());
    assert_eq!(LEGACY.requirements(), requirements_path());
    assert!(MODERN.dir().ends_with("peer-modern-venv"));
    for set in [LEGACY, MODERN] {
        let text = fs::read_to_string(set.requirements()).unwrap();
        assert!(
            text.lines().any(|l| l.trim() == set.client),
            "{} does not pin {}",
            set.file_name,
            set.client
        );
    }
    // The same interpreter and content under another file name is another stamp.
    let python = base((3, 11, 7), "/opt/python3.11");
    assert_ne!(
        Stamp::new(&python, LEGACY.file_name, REQUIREMENTS),
        Stamp::new(&python, MODERN.file_name, REQUIREMENTS)
    );
}

#[test]
fn a_venv_without_its_stamp_or_its_python_is_stale() {
    let temp = TempDir::new("stamp-missing");
    let stamp = Stamp::new(&base((3, 12, 1), "/opt/python3.12"), FILE, REQUIREMENTS);
    let no_stamp = temp.path().join("no-stamp");
    fake_venv(&no_stamp, None);
    assert!(!stamp.is_fresh(&no_stamp));
    let no_python = temp.path().join("no-python");
    fake_venv(&no_python, Some(&stamp));
    fs::remove_file(python_in(&no_python)).unwrap();
    assert!(!stamp.is_fresh(&no_python));
}

#[cfg(unix)]
#[test]
fn a_venv_whose_base_python_is_gone_is_stale() {
    let temp = TempDir::new("stamp-dangling");
    let stamp = Stamp::new(&base((3, 11, 7), "/opt/python3.11"), FILE, REQUIREMENTS);
    let dir = temp.path().join("peer-venv");
    fake_venv(&dir, Some(&stamp));
    fs::remove_file(python_in(&dir)).unwrap();
    std::os::unix::fs::symlink(temp.path().join("removed-python"), python_in(&dir)).unwrap();
    assert!(!stamp.is_fresh(&dir));
}

#[test]
fn publishing_moves_the_build_into_place_and_replaces_a_stale_venv() {
    let temp = TempDir::new("publish");
    let dir = temp.path().join("peer-venv");
    let stamp = Stamp::new(&base((3, 11, 7), "/opt/python3.11"), FILE, REQUIREMENTS);

    let built = sibling(&dir, "tmp");
    fake_venv(&built, Some(&stamp));
    publish(&built, &dir, &stamp).unwrap();
    assert!(stamp.is_fresh(&dir));
    assert!(!built.exists());

    let newer = Stamp::new(&base((3, 11, 7), "/opt/python3.11"), FILE, "other==1\n");
    let built = sibling(&dir, "tmp");
    fake_venv(&built, Some(&newer));
    publish(&built, &dir, &newer).unwrap();
    assert!(newer.is_fresh(&dir), "the stale venv was replaced");
    assert!(!built.exists());
    let left: Vec<_> = fs::read_dir(temp.path()).unwrap().flatten().collect();
    assert_eq!(left.len(), 1, "only the venv is left: {left:?}");
}

#[test]
fn publishing_keeps_a_fresh_venv_another_process_made_first() {
    let temp = TempDir::new("publish-race");
    let dir = temp.path().join("peer-venv");
    let stamp = Stamp::new(&base((3, 11, 7), "/opt/python3.11"), FILE, REQUIREMENTS);
    fake_venv(&dir, Some(&stamp));
    fs::write(dir.join("theirs"), "").unwrap();
    let built = sibling(&dir, "tmp");
    fake_venv(&built, Some(&stamp));
    publish(&built, &dir, &stamp).unwrap();
    assert!(
        dir.join("theirs").exists(),
        "the other process's venv stays"
    );
    assert!(!built.exists(), "our build is removed");
}

#[test]
fn siblings_are_unique_and_next_to_the_venv() {
    let dir = Path::new("/work/target/peer-venv");
    let (a, b) = (sibling(dir, "tmp"), sibling(dir, "tmp"));
    assert_ne!(a, b);
    assert_eq!(a.parent(), dir.parent());
    let name = a.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with(&format!("peer-venv.tmp-{}-", std::process::id())),
        "{name}"
    );
}

#[test]
fn only_old_leftovers_are_removed() {
    let temp = TempDir::new("leftovers");
    let dir = temp.path().join("peer-venv");
    let old = temp.path().join("peer-venv.tmp-1-0");
    let recent = temp.path().join("peer-venv.old-2-0");
    let unrelated = temp.path().join("other.tmp-1-0");
    for d in [&old, &recent, &unrelated] {
        fs::create_dir_all(d).unwrap();
    }
    let long_ago = SystemTime::now() - LEFTOVER_AGE * 2;
    for d in [&old, &unrelated] {
        fs::File::open(d).unwrap().set_modified(long_ago).unwrap();
    }
    remove_leftovers(&dir);
    assert!(!old.exists());
    assert!(recent.exists(), "a build in progress is left alone");
    assert!(unrelated.exists());
}

#[test]
fn a_missing_requirements_file_is_reported() {
    let temp = TempDir::new("requirements");
    let missing = temp.path().join("requirements.txt");
    let err = Venv::ensure_with(&temp.path().join("venv"), &missing, &[]).unwrap_err();
    assert!(matches!(err, Error::Requirements { .. }), "{err:?}");
    assert!(err.to_string().contains("requirements.txt"), "{err}");
}

/// Shell scripts standing in for a base python (which answers the probe and
/// `-m venv`) and for the virtualenv's python (which answers `-m pip`).
#[cfg(unix)]
mod fake {
    use super::*;
    use crate::test_support::spawn_turn;
    use std::os::unix::fs::PermissionsExt;

    pub(super) struct Fake {
        pub(super) temp: TempDir,
        pub(super) python: PathBuf,
        pub(super) requirements: PathBuf,
        log: PathBuf,
        fail_pip: PathBuf,
    }

    fn script(path: &Path, body: &str) {
        fs::write(path, format!("#!/bin/sh\n{body}")).unwrap();
        fs::set_permissions(path, fs::Permissions::from_mode(0o755)).unwrap();
    }

    impl Fake {
        pub(super) fn new(name: &str) -> Fake {
            let temp = TempDir::new(name);
            let root = temp.path();
            let log = root.join("log");
            let fail_pip = root.join("fail-pip");
            let venv_python = root.join("venv-python");
            script(
                &venv_python,
                &format!(
                    "echo \"pip $*\" >> '{log}'\n\
                     if [ -e '{fail}' ]; then\n\
                     echo 'ERROR: No matching distribution found for plaid-python-legacy==1.5.1' >&2\n\
                     exit 1\nfi\n",
                    log = log.display(),
                    fail = fail_pip.display()
                ),
            );
            let python = root.join("python3.11");
            script(
                &python,
                &format!(
                    "if [ \"$1\" = -c ]; then printf '3.11.7\\n%s\\nok\\n' \"$0\"; exit 0; fi\n\
                     if [ \"$1\" = -m ] && [ \"$2\" = venv ]; then\n\
                     mkdir -p \"$3/bin\" && cp '{venv_python}' \"$3/bin/python\" && echo venv >> '{log}'\n\
                     exit $?\nfi\n\
                     echo \"unexpected: $*\" >&2\nexit 2\n",
                    venv_python = venv_python.display(),
                    log = log.display()
                ),
            );
            let requirements = root.join("requirements.txt");
            fs::write(&requirements, REQUIREMENTS).unwrap();
            Fake {
                temp,
                python,
                requirements,
                log,
                fail_pip,
            }
        }

        /// An executable answering the probe with `answer`.
        pub(super) fn probe_answer(&self, name: &str, answer: &str) -> OsString {
            let path = self.temp.path().join(name);
            script(&path, &format!("printf '{answer}'\n"));
            path.into_os_string()
        }

        pub(super) fn log(&self) -> Vec<String> {
            fs::read_to_string(&self.log)
                .unwrap_or_default()
                .lines()
                .map(|l| l.split(' ').next().unwrap_or_default().to_owned())
                .collect()
        }

        pub(super) fn fail_pip(&self) {
            fs::write(&self.fail_pip, "").unwrap();
        }

        pub(super) fn ensure(&self, dir: &Path) -> Result<Venv, Error> {
            Venv::ensure_with(dir, &self.requirements, &[self.python.clone().into()])
        }
    }

    #[test]
    fn the_venv_is_made_once_and_rebuilt_when_the_requirements_change() {
        let _turn = spawn_turn();
        let fake = Fake::new("ensure");
        let dir = fake.temp.path().join("target").join("peer-venv");
        let venv = fake.ensure(&dir).unwrap();
        assert_eq!(venv.python(), python_in(&dir));
        assert_eq!(venv.base().executable, fake.python);
        assert_eq!(fake.log(), ["venv", "pip"]);

        fake.ensure(&dir).unwrap();
        assert_eq!(fake.log(), ["venv", "pip"], "a fresh venv is reused");

        fs::write(&fake.requirements, "plaid-python-legacy==1.5.2\n").unwrap();
        fake.ensure(&dir).unwrap();
        assert_eq!(fake.log(), ["venv", "pip", "venv", "pip"], "rebuilt");
        let stamp = fs::read_to_string(dir.join(STAMP_FILE)).unwrap();
        assert!(stamp.contains("python 3.11.7 "), "{stamp}");
        assert!(stamp.ends_with("plaid-python-legacy==1.5.2\n"), "{stamp}");
    }

    #[test]
    fn a_failed_install_says_pypi_and_leaves_nothing_behind() {
        let _turn = spawn_turn();
        let fake = Fake::new("ensure-pip-fails");
        fake.fail_pip();
        let target = fake.temp.path().join("target");
        let err = fake.ensure(&target.join("peer-venv")).unwrap_err();
        assert!(matches!(err, Error::Install(_)), "{err:?}");
        let text = err.to_string();
        assert!(text.contains("PyPI must be reachable"), "{text}");
        assert!(text.contains("No matching distribution"), "{text}");
        let left: Vec<_> = fs::read_dir(&target).unwrap().flatten().collect();
        assert!(left.is_empty(), "nothing is left in target/: {left:?}");
    }

    #[test]
    fn the_first_suitable_candidate_is_chosen_and_the_others_explained() {
        let _turn = spawn_turn();
        let fake = Fake::new("find");
        let py2 = fake.probe_answer("python", "2.7.18\\n/usr/bin/python2\\nok\\n");
        let no_venv = fake.probe_answer(
            "python3",
            "3.10.12\\n/usr/bin/python3\\nmissing: No module named ensurepip\\n",
        );
        let missing = fake.temp.path().join("python3.12").into_os_string();
        let found = interpreter::find(&[
            missing.clone(),
            py2.clone(),
            no_venv.clone(),
            fake.python.clone().into(),
        ])
        .unwrap();
        assert_eq!(found.executable, fake.python);
        assert_eq!(found.version.to_string(), "3.11.7");

        let err = interpreter::find(&[missing, py2, no_venv]).unwrap_err();
        assert!(matches!(err, Error::NoPython { .. }), "{err:?}");
        let text = err.to_string();
        for needle in [
            "python3.12: not found",
            "python: version 2.7.18 (3.7+ needed)",
            "python3: version 3.10.12 without the `venv`/`ensurepip` modules",
            "python3-venv",
            interpreter::PYTHON_VAR,
        ] {
            assert!(text.contains(needle), "{needle:?} missing from:\n{text}");
        }
    }

    #[test]
    fn a_venv_module_that_fails_names_the_debian_package() {
        let _turn = spawn_turn();
        let fake = Fake::new("venv-fails");
        let broken = fake.temp.path().join("python3");
        script(
            &broken,
            "if [ \"$1\" = -c ]; then printf '3.11.2\\n%s\\nok\\n' \"$0\"; exit 0; fi\n\
             echo 'The virtual environment was not created successfully because ensurepip \
             is not available.' >&2\nexit 1\n",
        );
        let err = Venv::ensure_with(
            &fake.temp.path().join("peer-venv"),
            &fake.requirements,
            &[broken.into_os_string()],
        )
        .unwrap_err();
        assert!(matches!(err, Error::Create(_)), "{err:?}");
        let text = err.to_string();
        assert!(text.contains("python3-venv"), "{text}");
        assert!(text.contains("ensurepip is not available"), "{text}");
    }
}
