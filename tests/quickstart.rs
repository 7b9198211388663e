//! On the project's control plane: every shipped example installs and verifies, and README.md's
//! "Quick start on a laptop cluster" runs as written: every `sh cluster` block in order, by
//! `sh -e` in the repository, with `meshctl` the built binary and `kubectl` the one testenv/run
//! provides; each must exit 0 and print the lines of the `text` block shown after it (see
//! tests/common/readme.rs for how `…` matches).
//!
//! One stand-in: the control plane's nodes are kwok's, which run no processes, so after the step
//! that installs Istio this test starts the real istiod of the pinned release for the pods meshctl
//! installed (`testenv/istiod start`, the kubelet's part), so that the sample is injected by
//! istiod's webhook as on a real cluster.
//!
//! Needs the control plane: `scripts/test` runs it inside `testenv/run exec` with
//! `--include-ignored`; asked to run without it, it fails at once and says why.

#[path = "common/cluster.rs"]
mod common;
#[path = "common/readme.rs"]
mod readme;

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use common::{assert_code, istiod, kubeconfig, lock, meshctl, text};
use readme::{blocks, missing_line};

const SECTION: &str = "Quick start on a laptop cluster";
/// Created by the quick start; removed before the test, as on a fresh cluster.
const NAMESPACES: [&str; 2] = ["demo", "istio-system"];

fn repository() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Stops every istiod this test started, whatever happened.
struct Istiod;

impl Drop for Istiod {
    fn drop(&mut self) {
        istiod(&["stop", "--all", "--release"]);
    }
}

/// A directory holding only `meshctl`, the binary under test, to put first on `PATH`.
fn binary_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_meshctl"), dir.path().join("meshctl"))
        .expect("link the binary");
    dir
}

#[test]
#[ignore = "needs a cluster"]
fn the_quick_start_runs_as_written() {
    let admin: PathBuf = kubeconfig();
    let _lock = lock();
    let _istiod = Istiod;
    // A fresh cluster: no istiod, no Istio, neither its namespace nor the sample's.
    istiod(&["stop", "--all", "--release"]);
    assert_code(&meshctl(&admin, &["uninstall", "--purge", "-y"]), 0);
    let deleted = Command::new("kubectl")
        .args(["delete", "namespace", "--ignore-not-found", "--wait"])
        .args(NAMESPACES)
        .env("KUBECONFIG", &admin)
        .stdin(Stdio::null())
        .output()
        .expect("kubectl runs");
    assert!(deleted.status.success(), "{}", text(&deleted));

    let steps: Vec<_> = blocks(&readme::readme())
        .into_iter()
        .filter(|b| b.info == "sh cluster" && b.section == SECTION)
        .collect();
    assert!(
        steps.len() >= 4,
        "README.md's quick start has its steps ({} found)",
        steps.len()
    );
    let bin = binary_dir();
    let path = format!(
        "{}:{}",
        bin.path().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for step in &steps {
        // One pipe for stdout and stderr, so the output reads as it does on a terminal.
        let (mut reader, writer) = std::io::pipe().expect("a pipe");
        let mut child = Command::new("sh")
            .args(["-e", "-c", &step.body])
            .current_dir(repository())
            .env("PATH", &path)
            .env("KUBECONFIG", &admin)
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(writer.try_clone().expect("a second pipe end"))
            .stderr(writer)
            .spawn()
            .expect("sh runs");
        let mut printed = String::new();
        reader
            .read_to_string(&mut printed)
            .expect("the step's output is text");
        let status = child.wait().expect("sh ends");
        eprintln!("README.md:{}:\n{}\n-> {printed}", step.line, step.body);
        assert!(
            status.success(),
            "README.md:{}: the quick-start step failed:\n{}\n{printed}",
            step.line,
            step.body
        );
        let expected = step
            .expected
            .as_deref()
            .expect("each step shows its output");
        if let Some(line) = missing_line(expected, &printed) {
            panic!(
                "README.md:{}: the quick-start step did not print `{line}` (in that order); it printed:\n{printed}",
                step.line
            );
        }
        if step
            .body
            .lines()
            .any(|l| l.trim_start().starts_with("meshctl install"))
        {
            // The kubelet's part on a real cluster: istiod's pods run.
            istiod(&["start"]);
        }
    }
}

/// Every shipped example installs as written (`meshctl install -f examples/FILE.yaml`), is then
/// reported complete and ready by `verify-install`, and uninstalls: the examples are proven on
/// the API server, not only against istioctl's render (tests/parity.rs).
#[test]
#[ignore = "needs a cluster"]
fn every_example_installs_verifies_and_uninstalls() {
    let admin: PathBuf = kubeconfig();
    let _lock = lock();
    let _istiod = Istiod;
    istiod(&["stop", "--all", "--release"]);
    assert_code(&meshctl(&admin, &["uninstall", "--purge", "-y"]), 0);
    let mut examples: Vec<PathBuf> = std::fs::read_dir(repository().join("examples"))
        .expect("examples/ exists")
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
        .collect();
    examples.sort();
    assert!(examples.len() >= 9, "examples/ holds the examples");
    for example in &examples {
        let file = example.to_str().expect("a UTF-8 path");
        let installed = meshctl(
            &admin,
            &["install", "-f", file, "-y", "--readiness-timeout=180s"],
        );
        assert_code(&installed, 0);
        let verified = meshctl(&admin, &["verify-install", "-f", file]);
        assert_code(&verified, 0);
        // The revision the example installs (canary.yaml's is `canary`), then nothing is left
        // but Istio's CRDs, which the next install reuses.
        for revision in ["default", "canary"] {
            assert_code(&meshctl(&admin, &["uninstall", "-r", revision, "-y"]), 0);
        }
        let left = meshctl(&admin, &["verify-install", "-f", file]);
        assert_code(&left, 1);
    }
}
